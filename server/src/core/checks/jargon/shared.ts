/** Helpers shared by the jargon, analysis and recommendation checks: compiled data, sentences, subjects. */
import type { Block } from '../../document/model';
import type { Span } from '../../types';
import { indexOfSpanAt } from '../../spans';

const BOUNDARY_END = '(?![\\p{L}\\p{N}])';

/** One alternation of patterns with word boundaries, plus anchored matchers to tell which entry matched. */
export interface CompiledList<T> {
  any: RegExp;
  entries: { entry: T; exact: RegExp }[];
}

const compiled = new WeakMap<readonly object[], CompiledList<object>>();

/** Compiles a list of entries with `patterns` once per list (the list is loaded once by the server). */
export function compileList<T extends { patterns: string[] }>(list: readonly T[]): CompiledList<T> {
  const hit = compiled.get(list) as CompiledList<T> | undefined;
  if (hit) return hit;
  const sources = list.flatMap((e) => e.patterns).sort((a, b) => b.length - a.length);
  // A plain \b at the start and no unicode flag let the engine skip quickly to candidate positions
  // (several times faster on long drafts); the start boundary is re-checked by hand for non-ASCII letters.
  const unicode = sources.some((s) => /\\[pP]\{/.test(s));
  const any = sources.length
    ? new RegExp(`\\b(?:${sources.map((s) => `(?:${s})`).join('|')})${unicode ? BOUNDARY_END : '(?![A-Za-z0-9\\u00C0-\\u024F])'}`, unicode ? 'giu' : 'gi')
    : /$^/g;
  const entries = list.map((entry) => ({ entry, exact: new RegExp(`^(?:${entry.patterns.map((p) => `(?:${p})`).join('|')})$`, 'iu') }));
  const out = { any, entries };
  compiled.set(list, out as CompiledList<object>);
  return out;
}

/** Every match of a compiled list in a block, with the entry it belongs to. */
export function matchesIn<T>(list: CompiledList<T>, block: Block): { entry: T; span: Span; text: string }[] {
  const out: { entry: T; span: Span; text: string }[] = [];
  list.any.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = list.any.exec(block.prose))) {
    if (m[0].length === 0) {
      list.any.lastIndex++;
      continue;
    }
    if (m.index > 0 && /[\p{L}\p{N}]/u.test(block.prose[m.index - 1]!)) {
      list.any.lastIndex = m.index + 1;
      continue;
    }
    const hit = list.entries.find((e) => e.exact.test(m![0]));
    if (hit) out.push({ entry: hit.entry, span: { start: block.start + m.index, end: block.start + m.index + m[0].length }, text: m[0] });
  }
  return out;
}

const memo = new WeakMap<object, Map<unknown, unknown>>();

/** Computes `fn` once per (document, key): checks that share work (two rules over one scan) call it with the same key. */
export function once<T>(doc: object, key: unknown, fn: () => T): T {
  let m = memo.get(doc);
  if (!m) {
    m = new Map();
    memo.set(doc, m);
  }
  if (m.has(key)) return m.get(key) as T;
  const v = fn();
  m.set(key, v);
  return v;
}

/** The index of the sentence holding `at`, or -1 (binary search: a paragraph may hold thousands). */
export function sentenceIndexAt(block: Block, at: number): number {
  return indexOfSpanAt(block.sentences, at);
}

/**
 * The block cut down to the sentences around `at` (two either side) and the quotations among them,
 * offsets unchanged. Context helpers that scan a block's sentences then cost the same in a huge
 * one-paragraph draft as in a normal one.
 */
export function around(block: Block, at: number): Block {
  if (block.sentences.length <= 8) return block;
  const i = sentenceIndexAt(block, at);
  if (i < 0) return block;
  const from = Math.max(0, i - 2);
  const to = Math.min(block.sentences.length, i + 3);
  const sentences = block.sentences.slice(from, to);
  const start = sentences[0]!.start;
  const end = sentences[sentences.length - 1]!.end;
  return { ...block, sentences, quotes: block.quotes.filter((q) => q.end > start && q.start < end) };
}

/** The text of the sentence holding `at` and the offset of `at` within it. */
export function sentenceAt(block: Block, at: number): { text: string; start: number; index: number } {
  const i = sentenceIndexAt(block, at);
  if (i < 0) return { text: block.prose, start: block.start, index: -1 };
  const s = block.sentences[i]!;
  return { text: s.text, start: s.start, index: i };
}

/** Who a clause is about, as far as blame goes. */
export type Who = 'role' | 'agency' | 'artefact' | 'system' | 'family' | 'reviewer' | 'pronoun' | 'unknown';

// Individual practitioners and roles, including anonymised ones ("Social Worker 1", "HV2", "Dr K").
const ROLE =
  "(?:student |duty |allocated |named |designated |specialist |advanced |senior |lead |school |community |practice |ward |triage |family |early help |housing |probation |youth (?:justice |offending )?|police |investigating |reviewing |independent reviewing |conference |case |key |support |safeguarding |locum |agency |health |social |class |head )*(?:social workers?|health visitors?|school nurses?|nurses?|midwi(?:fe|ves)|GPs?|general practitioners?|doctors?|paediatricians?|consultants?|clinicians?|psychiatrists?|psychologists?|therapists?|teachers?|head ?teachers?|headteachers?|safeguarding leads?|DSLs?|SENCOs?|practitioners?|professionals?|officers?|workers?|caseworkers?|detectives?|sergeants?|constables?|PCs?|call handlers?|managers?|supervisors?|IROs?|chairs?|LADOs?|staff(?: members?)?|members of staff|clinical staff|keyworkers?|paramedics?|receptionists?|registrars?)" +
  '|(?:Social Worker|Health Visitor|Practitioner|Officer|Nurse|Teacher|Manager|Doctor|Midwife|Worker|SW|HV|GP|PC|DC|DS|DSL|IRO)\\s?[A-Z0-9]{1,2}(?![\\p{L}])|Dr\\.? [A-Z][\\p{L}-]*';
const AGENCY =
  "(?:children['’]s )?social care|children['’]s services|CSC|the local authority|local authorities|(?:the )?police|constabulary|(?:the |her |his |their )?(?:primary |secondary )?schools?|academy|nursery|college|(?:the )?(?:NHS )?trust|hospitals?|maternity(?: services?)?|(?:GP )?practices?|surgery|CAMHS|(?:the )?MASH|front door|early help(?: services?)?|housing(?: providers?| services?)?|probation(?: services?)?|youth (?:justice|offending) (?:service|team)|YOT|YJS|the ICB|agenc(?:y|ies)|services?|teams?|departments?|partners|health visiting(?: service)?|midwifery(?: service)?|health(?: services?)?|emergency department|A&E|ambulance service";
const ARTEFACT = 'assessments?|plans?|referrals?|reports?|chronolog(?:y|ies)|records?|strategy (?:discussions?|meetings?)|meetings?|conferences?|letters?|emails?|responses?|decisions?|interventions?|safety plans?';
const SYSTEM = 'systems?|process(?:es)?|procedures?|polic(?:y|ies)|guidance|frameworks?|protocols?|software|databases?|technology|forms?|templates?|structures?|arrangements?|pathways?|thresholds?';
const FAMILY =
  "mother|father|mum|dad|parents?|(?:step-?)?(?:father|mother|parent)s?|partners?|boyfriend|girlfriend|famil(?:y|ies)|grand(?:mother|father|parent)s?|uncle|aunt|child(?:ren)?|Child [A-Z0-9]{1,3}|Adult [A-Z0-9]{1,3}|Sibling [A-Z0-9]{1,3}|young (?:person|people)|bab(?:y|ies)|infant|siblings?|brothers?|sisters?|boys?|girls?|(?:Mr|Mrs|Ms|Miss|Mx)\\.? [A-Z][\\p{L}-]*|carers?";
const REVIEWER = 'the reviewers?|this review|the review|the (?:independent )?author|the panel|we|I|us';
const PRONOUN = 'she|he|they|it';

const CANDIDATE = new RegExp(
  `\\b(?:(?<role>${ROLE})|(?<agency>${AGENCY})|(?<artefact>${ARTEFACT})|(?<system>${SYSTEM})|(?<family>${FAMILY})|(?<reviewer>${REVIEWER})|(?<pronoun>${PRONOUN}))(?![\\p{L}\\p{N}])`,
  'giu',
);

interface Candidate {
  who: Who;
  start: number;
  end: number;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text))) {
    const g = m.groups!;
    const who: Who = g['role'] ? 'role' : g['agency'] ? 'agency' : g['artefact'] ? 'artefact' : g['system'] ? 'system' : g['family'] ? 'family' : g['reviewer'] ? 'reviewer' : 'pronoun';
    // "I" only as a word on its own in capitals; "it" and "us" are rarely subjects of blame.
    if (who === 'reviewer' && m[0] === 'i') continue;
    out.push({ who, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function firstOf(cands: Candidate[], text: string): Candidate | undefined {
  if (cands.length === 0) return undefined;
  const [a, b] = cands;
  // "the school's DSL", "the hospital nurse": the later word is the head of the noun phrase.
  if (a && b && /^\s*(?:['’]s\s*)?$/.test(text.slice(a.end, b.start))) return b;
  return a;
}

/**
 * The subject of the clause that ends at `rel` in `sentence`: who "failed to" or "should have".
 * Coordinated and relative clauses are followed back ("the GP saw Child A but failed to…",
 * "the teacher, who failed to…").
 */
export function subjectBefore(sentence: string, rel: number): Who {
  const prefix = sentence.slice(0, rel);
  const clauseStart = Math.max(prefix.lastIndexOf(';'), prefix.lastIndexOf(':'), prefix.lastIndexOf('('), prefix.lastIndexOf('—'));
  const clause = prefix.slice(clauseStart + 1);
  const parts = clause.split(/,|\b(?:but|and|yet|then|so|although|though|while|whereas|that)\b/i);
  const last = parts[parts.length - 1] ?? '';
  const lastStart = clause.length - last.length;
  if (/^\s*(?:who|which)\b/i.test(last)) {
    const before = candidates(clause.slice(0, lastStart));
    return before.length ? before[before.length - 1]!.who : 'unknown';
  }
  const own = firstOf(candidates(last), last);
  if (own) return own.who;
  const whole = firstOf(candidates(clause), clause);
  return whole?.who ?? 'unknown';
}

/** The first subject named in a sentence, for resolving a pronoun in the next one. */
export function firstSubject(sentence: string): Who {
  const c = candidates(sentence).find((x) => x.who !== 'pronoun');
  return c?.who ?? 'unknown';
}

/** Resolves "she failed to" from the sentences before it in the same block. */
export function subjectAt(block: Block, at: number): Who {
  const s = sentenceAt(block, at);
  const who = subjectBefore(s.text, at - s.start);
  if (who !== 'pronoun') return who;
  for (let i = s.index - 1; i >= 0 && i >= s.index - 2; i--) {
    const prev = firstSubject(block.sentences[i]!.text);
    if (prev !== 'unknown') return prev;
  }
  return 'unknown';
}

/** A paragraph that explains the conditions practitioners worked in, or what they knew then. */
export const CONDITIONS = new RegExp(
  [
    'case ?loads?', 'work ?loads?', 'supervision', 'staffing', 'understaff\\w*', 'short[- ]staffed', 'vacanc(?:y|ies)', 'turnover',
    'agency (?:staff|workers?)', 'locum', 'capacity', 'training', 'inexperienc\\w*', 'newly qualified', 'resourc\\w*',
    'waiting (?:lists?|times?)', 'time (?:pressures?|constraints?)', 'pressures? (?:of|on)', 'under pressure', 'demand', 'high volumes?',
    'backlogs?', 'covid(?:-19)?', 'pandemic', 'lockdown', 'remote working', 'culture', 'management oversight',
    '(?:no|unclear|conflicting|absence of|lack of|without) (?:clear |written |local )?(?:procedures?|guidance|polic(?:y|ies)|protocols?|pathways?)',
    '(?:procedures?|guidance|polic(?:y|ies)|protocols?|pathways?) (?:did not|does not|was unclear|were unclear|was silent|were silent|was not clear)',
    'record(?:s|ing)? systems?', 'access to', 'information (?:available|held|shared|sharing|they had|she had|he had|was not|that was)',
    '(?:was|were|had) not (?:been )?(?:told|aware|informed|shared|given|available|passed on)', 'did not (?:know|have|receive)',
    'unaware', 'not known', 'at the time', 'at that (?:time|point|stage)', 'then (?:known|available)', '(?:was|were|had been) (?:known|available)',
    'knew', 'because', 'due to', 'owing to', 'as a result of', 'reasons?', 'why', 'explained by', 'in the context of', 'context',
    'competing (?:demands|priorities)', 'no (?:one|single agency) had', 'the whole picture', 'plausible',
    '(?:had been|was|were) told', 'had seen', 'given what', 'based on what', 'on the basis of', 'on the information',
  ].join('|'),
  'i',
);
const CONDITIONS_WORDS = new RegExp(`\\b(?:${CONDITIONS.source})(?![\\p{L}\\p{N}])`, 'iu');

/** True when the block's text explains conditions or time-of-knowledge. */
export function explainsConditions(text: string): boolean {
  return CONDITIONS_WORDS.test(text);
}

/** Hindsight the author has already acknowledged. */
export const ACKNOWLEDGED_HINDSIGHT =
  /\bhindsight\b|\b(?:is|are|was|were|it is) now (?:known|clear|understood|apparent|evident)\b|\bnow know\b|\bwhat is (?:now )?known now\b|\bwith what is now known\b|\blooking back\b|\bin retrospect\b|\bretrospectively\b|\bsubsequently (?:became|learned|learnt|discovered|emerged|known)\b|\blater (?:became|emerged|learned|learnt)\b|\bthe review now knows\b/i;

/** Text of the block with quotations blanked, so quoted words do not count as the author's. */
export function outsideQuotes(block: Block): string {
  if (block.quotes.length === 0) return block.prose;
  let text = block.prose;
  for (const q of block.quotes) {
    const a = q.start - block.start;
    const b = q.end - block.start;
    text = text.slice(0, a) + ' '.repeat(Math.max(0, b - a)) + text.slice(b);
  }
  return text;
}

/** True when `span` lies inside a quotation in the block. */
export function inQuote(block: Block, span: Span): boolean {
  return block.quotes.some((q) => q.inner.start <= span.start && span.end <= q.inner.end + 1);
}
