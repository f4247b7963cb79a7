/** The pseudonym checks: names that are not in the review's register, and pseudonyms that drift. */
import type { Check, CheckContext } from '../../check';
import type { Block } from '../../document/model';
import { defineFact, factsOf } from '../../facts';
import type { Fix, Span } from '../../types';
import type { NameHit } from './names';
import { namesInProse } from './names';
import type { PseudonymRegister, RegisterEntry } from './register';
import { pseudonymRegister } from './register';
import { PROSE_KINDS, SOURCES, inAboutSection, inQuote, isInternal, sentenceAt } from './shared';

/** Roles where names are cited, defined or listed rather than used about the family. */
const SKIP_ROLES = new Set(['references', 'contents', 'glossary']);
/** Children and adults in national reviews and public inquiries, whose names reviews cite. */
const PUBLIC_CASES = new Set(
  ['victoria climbié', 'victoria climbie', 'peter connelly', 'baby p', 'arthur labinjo-hughes', 'star hobson', 'daniel pelka', 'khyra ishaq', 'hamzah khan', 'ellie butler', 'keanu williams', 'logan mwangi', 'maria colwell', 'jasmine beckford', 'kimberley carlile', 'tyra henry', 'baby peter'],
);
const PUBLIC_FIRST = new Set([...PUBLIC_CASES].map((n) => n.split(' ')[0]!));
const RARE = 2;

interface Occurrence {
  span: Span;
  hit: NameHit;
}

/** A name used in a block about the family, with what the register look-ups need; offsets relative to the block. */
interface NameUse {
  hit: NameHit;
  /** The name as written, lower case. */
  lower: string;
  /** Its words without titles, lower case (`wordsOf`). */
  words: readonly string[];
}
const NO_USES: readonly NameUse[] = [];

const nameUses = defineFact<readonly NameUse[]>('anonymisation/name-uses', (b) => {
  if (!PROSE_KINDS.has(b.kind) || SKIP_ROLES.has(b.role) || inAboutSection(b)) return NO_USES;
  const { hits } = namesInProse(b.prose);
  return hits.length === 0 ? NO_USES : hits.map((hit) => ({ hit, lower: hit.text.toLowerCase(), words: wordsOf(hit.text) }));
});

function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/['’]s$/u, '').toLowerCase())
    .filter((w) => w && !/^(?:mr|mrs|ms|miss|mx)\.?$/.test(w));
}

function keyOf(use: NameUse): string {
  return use.hit.kind === 'honorific' ? use.hit.key : use.words[0]!;
}

/** For each use of a block: its key when it is a family name, null when it is not, undefined when that depends on the text after it. */
type FamilyKeys = ReadonlyArray<string | null | undefined>;
const keysByUses = new WeakMap<readonly NameUse[], { reg: PseudonymRegister; keys: FamilyKeys }>();

/**
 * Which of a block's names are the family's, decided once per block and register: after an edit
 * that leaves the register as it was, only the edited block's names are looked up again.
 */
function familyKeys(list: readonly NameUse[], reg: PseudonymRegister): FamilyKeys {
  const known = keysByUses.get(list);
  if (known && known.reg === reg) return known.keys;
  const keys = list.map((use) => (registerRules(use, reg) ? null : PUBLIC_FIRST.has(use.words[0]!) ? undefined : keyOf(use)));
  keysByUses.set(list, { reg, keys });
  return keys;
}

/** The part of `notFamilyName` that reads only the register. */
function registerRules(use: NameUse, reg: PseudonymRegister): boolean {
  const { words, lower } = use;
  if (words.length === 0) return true;
  if (reg.names.has(lower) || words.some((w) => reg.words.has(w))) return true;
  if (words.every((w) => reg.reviewers.has(w) || reg.referenceWords.has(w) || reg.agencyWords.has(w))) return true;
  return reg.agencyWords.has(words[0]!) || reg.reviewers.has(words[words.length - 1]!);
}

function notFamilyName(use: NameUse, reg: PseudonymRegister, doc: CheckContext['doc'], absStart: number): boolean {
  const { words, lower } = use;
  if (registerRules(use, reg)) return true;
  if (!PUBLIC_FIRST.has(words[0]!)) return false;
  const two = doc.text.slice(absStart, absStart + 40).split(/\s+/).slice(0, 2).join(' ').replace(/[.,;:]+$/, '').toLowerCase();
  return PUBLIC_CASES.has(lower) || PUBLIC_CASES.has(two);
}

interface Candidate {
  entry: RegisterEntry;
  /** The name has a title (Ms R), like an honorific hit. */
  honorific: boolean;
  /** How often it is used. */
  freq: number;
}

/** The register's people, then the codes used three times or more that it does not list: the pseudonyms a name could be replaced with. */
const replacementsOf = new WeakMap<PseudonymRegister, readonly RegisterEntry[]>();

function replacements(reg: PseudonymRegister): readonly RegisterEntry[] {
  let all = replacementsOf.get(reg);
  if (!all) {
    const people = reg.entries.filter((e) => !/^(?:mum|dad|mother|father)$/i.test(e.name));
    const codes = [...reg.codes].filter(([c, n]) => n >= 3 && /^(?:Child|Sibling|Baby|Young Person)\b/.test(c) && !people.some((e) => e.name === c)).map(([c]) => ({ name: c, source: 'declaration' as const, role: 'child' }) as RegisterEntry);
    replacementsOf.set(reg, (all = [...people, ...codes]));
  }
  return all;
}

/** Candidates with the targets already ranked for each kind of hit, kept while the register and the counts they read are unchanged. */
interface Ranked {
  reg: PseudonymRegister;
  freqs: readonly number[];
  candidates: readonly Candidate[];
  targets: Map<string, string[]>;
}
let ranked: Ranked | undefined;

/** The pseudonyms a name could be replaced with, with how often each is used. */
function candidatesFor(reg: PseudonymRegister, counts: ReadonlyMap<string, number>): Ranked {
  const all = replacements(reg);
  const freq = new Map(all.map((e) => [e.name, counts.get(e.name.toLowerCase()) ?? reg.codes.get(e.name) ?? 0]));
  const freqs = all.map((e) => freq.get(e.name) ?? 0);
  if (ranked && ranked.reg === reg && ranked.freqs.every((f, i) => f === freqs[i])) return ranked;
  const candidates = all.map((entry, i) => ({ entry, honorific: /^(?:Mr|Mrs|Ms|Miss|Mx)\b/.test(entry.name), freq: freqs[i]! }));
  return (ranked = { reg, freqs, candidates, targets: new Map() });
}

/** Pseudonyms to offer in place of a name, best first; they depend only on the hit's kind and gender. */
function targetsFor(hit: NameHit, r: Ranked): string[] {
  const key = `${hit.kind === 'honorific'}|${hit.gender ?? ''}`;
  let t = r.targets.get(key);
  if (!t) r.targets.set(key, (t = rankTargets(hit, r.candidates)));
  return t;
}

function rankTargets(hit: NameHit, candidates: readonly Candidate[]): string[] {
  const honorific = hit.kind === 'honorific';
  const rank = ({ entry: e, honorific: eHon }: Candidate): number => {
    let r = 0;
    if (hit.gender && e.gender && hit.gender !== e.gender) r += 4;
    else if (hit.gender && e.gender === hit.gender) r -= 1;
    if (honorific !== eHon) r += 2;
    if (!honorific && e.role === 'child') r -= 1;
    return r;
  };
  // Ranked once each, then sorted (stably) by rank and how often each is used.
  return candidates
    .map((c) => ({ name: c.entry.name, rank: rank(c), freq: c.freq }))
    .sort((a, b) => a.rank - b.rank || b.freq - a.freq)
    .map((c) => c.name)
    .filter((n, i, a) => a.indexOf(n) === i)
    .slice(0, 3);
}

/** A personal name used for someone in the review that the review never declares as a pseudonym. */
export const nameNotInRegister: Check = {
  meta: {
    id: 'name-not-in-register',
    category: 'anonymisation',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'suggestion',
    summary: 'Use only the pseudonyms the review declares; a name that is not among them may be a real one.',
    message: "'{{name}}' is not one of the names this review says it uses{{list}}. If it is a real name, it could identify the child or family once the review is published: use the pseudonym instead.",
    rationale:
      'Reviews are written to be published, and the Panel asks partnerships to plan for publication from the start; statutory guidance asks for a report that can be published without being amended or redacted. A real first name left in one paragraph of a long draft, often beside the pseudonym used everywhere else, is the commonest slip and the easiest to miss on the tenth read. The check reads the names the draft declares (front matter, "referred to as Child R", "known in this review as Mary", a family table, the glossary), wherever they are declared, and reports other personal names: once or twice beside a pseudonym as a warning with the pseudonym offered in its place, and a name used throughout but never declared as information (say it is a pseudonym). Names of agencies and the places in them, authors in the reference list and in citations, the reviewer\u2019s own name, professionals with a title (Dr, DC) and the children of national reviews are not reported. Names that are also ordinary words (Hope, Grace, Will) are reported only when the sentence shows they name a person. Drafts marked `publication: internal` in front matter are not checked; rapid reviews, which go to the Panel rather than being published, get information rather than a warning. Replacing a name never removes what the identity rules ask for: heritage, faith, language and disability stay in the sentence.',
    good: 'Child R (a pseudonym chosen with her mother) told her teacher she was scared.',
    sources: [SOURCES.panelPublication, SOURCES.statutoryReport, SOURCES.scieReport, SOURCES.annualReviewAnonymity],
    examples: {
      valid: [
        { text: '---\npseudonyms: [Child R]\n---\n\nChild R lived with her mother. Child R told her teacher she was scared.' },
        { text: 'The review was commissioned by the Northshire Safeguarding Children Partnership. Staff at Northshire Council and Barnardo\u2019s were interviewed.', note: 'names of agencies and the place in them' },
        { text: 'Research by Brandon et al. (2020) and Munro (2011) shows how hard this is.\n\n## References\n\nBrandon, M. and Sidebotham, P. (2020) Complexity and challenge.', note: 'cited authors, even when the surname is also a first name' },
        { text: 'Lead reviewer: Jane Smith\n\n# Child R\n\nChild R lived with her mother.', note: "the reviewer's own name on the cover" },
        { text: 'There was hope that things would improve. Staff will meet again. By grace of the delay the plan changed.', note: 'names that are also common words' },
        { text: 'Mary told the review she felt unheard. Mary is the pseudonym chosen by her mother.', note: 'a pseudonym declared after its first use' },
        { text: '| Name | Relationship to the child |\n| --- | --- |\n| Amira | Subject of the review |\n| Ms B | Mother |\n\nAmira lived with Ms B.', note: 'a family table is a register' },
        { text: '---\npublication: internal\n---\n\nJessica told her teacher she was scared.', note: 'internal drafts are not checked' },
        { text: "Clare's Law was used to tell her about her partner's history. The national review of Arthur Labinjo-Hughes was published in 2022.", note: 'laws named after people and the children of national reviews' },
      ],
      invalid: [
        {
          text: '---\npseudonyms: [Child R]\n---\n\nChild R lived with her mother. Child R was 14.\n\nOn one occasion Jessica told her teacher she was scared.',
          match: 'Jessica',
          output: '---\npseudonyms: [Child R]\n---\n\nChild R lived with her mother. Child R was 14.\n\nOn one occasion Child R told her teacher she was scared.',
        },
        { text: 'Child R, known in this review as Mary, was 14. Mary lived with Ms B. Ms Okafor told the school she was worried about Mary.', match: 'Ms Okafor' },
        { text: 'Mary, a pseudonym, lived with her mother. Her brother Kayden moved out in May.', match: 'Kayden', note: 'a name the lexicon does not know, found from the words around it' },
        { text: 'Child R was 14. Child R lived with her mother. Mohammed said he was worried about Child R.', match: 'Mohammed' },
        { text: 'Child R was 14. Child R lived with her mother. Mohammed said he was worried about Child R.', match: 'Mohammed', severity: 'info', reviewType: 'rapid-review', note: 'rapid reviews are not published' },
        { text: 'Tyler lived with his father. Tyler went missing twice. Tyler was found by police.', match: 'Tyler', severity: 'info', note: 'a name used throughout but never declared' },
      ],
    },
  },
  run(ctx) {
    const doc = ctx.doc;
    if (isInternal(doc)) return;
    const uses = factsOf(doc, nameUses);
    const reg = pseudonymRegister(doc);
    const byKey = new Map<string, Occurrence[]>();
    const counts = new Map<string, number>();
    for (let i = 0; i < uses.length; i++) {
      const list = uses[i]!;
      if (list.length === 0) continue;
      const start = doc.blocks[i]!.start;
      const keys = familyKeys(list, reg);
      for (let j = 0; j < list.length; j++) {
        const use = list[j]!;
        const { hit, lower } = use;
        counts.set(lower, (counts.get(lower) ?? 0) + 1);
        let key = keys[j];
        if (key === undefined) key = notFamilyName(use, reg, doc, start + hit.start) ? null : keyOf(use);
        if (key === null) continue;
        const found = byKey.get(key) ?? [];
        found.push({ span: { start: start + hit.start, end: start + hit.end }, hit });
        byKey.set(key, found);
      }
    }
    let candidates: Ranked | undefined;
    for (const occurrences of byKey.values()) {
      const first = occurrences[0]!;
      const name = first.hit.text;
      const targets = targetsFor(first.hit, (candidates ??= candidatesFor(reg, counts)));
      if (occurrences.length <= RARE && targets.length > 0) {
        const list = ` (${targets.map((t) => `'${t}'`).join(', ')})`;
        for (const o of occurrences) {
          const fixes: Fix[] = targets.map((t) => ({ title: `Replace '${o.hit.text}' with '${t}' here`, kind: 'suggestion', edits: [{ ...o.span, text: t }] }));
          if (occurrences.length > 1) fixes.push({ title: `Replace every '${name}' with '${targets[0]}'`, kind: 'suggestion', edits: occurrences.map((x) => ({ ...x.span, text: targets[0]! })) });
          ctx.report({ span: o.span, message: this.meta.message.replace('{{name}}', o.hit.text).replace('{{list}}', list), fixes });
        }
        continue;
      }
      // The draft says all its names are pseudonyms: a name used throughout is one of them.
      if (reg.blanket && occurrences.length > RARE) continue;
      const possessive = /^['’]s\b/.test(doc.text.slice(first.span.end, first.span.end + 2));
      const fixes: Fix[] = possessive ? [] : [{ title: `Say that '${name}' is a pseudonym`, kind: 'suggestion', edits: [{ start: first.span.end, end: first.span.end, text: ' (a pseudonym)' }] }];
      ctx.report({
        span: first.span,
        severity: 'info',
        message: `'${name}' is used ${occurrences.length === 1 ? 'once' : `${occurrences.length} times`} but the review never says it is a pseudonym. If it is, say so where it first appears (for example 'known in this review as ${name}'); if it is a real name, replace it before publication.`,
        fixes,
      });
    }
  },
};

const CODE_USE = /(?<![\p{L}\p{N}])((?:Child|Sibling|Baby|Young Person|Adult)) ([A-Z]{1,3}|[0-9]{1,2})(?![\p{L}\p{N}])/gu;
const KIN_WORDS = '(?:older\\s+|younger\\s+|elder\\s+|baby\\s+|half-|step-?|twin\\s+)?(?:brother|sister|sibling|son|daughter|friend|boyfriend|girlfriend|partner|cousin|mother|father|mum|dad|uncle|aunt|grandmother|grandfather|half-brother|half-sister|stepbrother|stepsister|peer|associate)';
const INTRODUCED_AFTER = new RegExp(`^(?:['’]s)?\\s*(?:,|\\()?\\s*(?:(?:her|his|their|the\\s+child['’]s|Child\\s+[A-Z]{1,3}['’]s|an?|the)\\s+)?${KIN_WORDS}\\b|^\\s*(?:,|\\()\\s*(?:aged\\s+)?\\d{1,2}\\b`, 'iu');
const INTRODUCED_BEFORE = new RegExp(`\\b${KIN_WORDS}\\s*,?\\s*(?:\\(\\s*)?$`, 'iu');
const OTHER_REVIEW = /\b(?:reviews?|LCSPRs?|SCRs?|serious case|case reviews?|national|inquiry|published|Panel['’]s)\b|\((?:[^()]*\b(?:19|20)\d\d)\)/iu;

const ALIAS_USE: Record<'mother' | 'father', RegExp> = {
  mother: /(?<![\p{L}'’])(Mum|Mother)(?![\p{L}'’-])/gu,
  father: /(?<![\p{L}'’])(Dad|Father)(?![\p{L}'’-])/gu,
};
const ALIAS_DECLARED: Record<'mother' | 'father', RegExp> = {
  mother: /\b(?:referred\s+to|known|called)\s+(?:(?:in|throughout)\s+(?:this|the)\s+(?:review|report)\s+|here\s+)?as\s+["“‘']?(?:Mum|Mother)\b|\b(?:Ms|Mrs|Miss)\.?\s+\p{Lu}[\p{L}'’-]*\s*\(\s*["“‘']?(?:Mum|Mother)["”’']?\s*\)|\b(?:Mum|Mother)\s*\(\s*(?:Ms|Mrs|Miss)\.?\s+\p{Lu}/u,
  father: /\b(?:referred\s+to|known|called)\s+(?:(?:in|throughout)\s+(?:this|the)\s+(?:review|report)\s+|here\s+)?as\s+["“‘']?(?:Dad|Father)\b|\bMr\.?\s+\p{Lu}[\p{L}'’-]*\s*\(\s*["“‘']?(?:Dad|Father)["”’']?\s*\)|\b(?:Dad|Father)\s*\(\s*Mr\.?\s+\p{Lu}/u,
};
const PARENT_CODE: Record<'mother' | 'father', RegExp> = {
  mother: /\b(?:mother|mum)\s*,?\s*(?:\(\s*)?((?:Ms|Mrs|Miss)\.?\s+[A-Z]{1,2})\b|\b((?:Ms|Mrs|Miss)\.?\s+[A-Z]{1,2})\s*(?:,|\()\s*(?:(?:the\s+child['’]s|Child\s+[A-Z]{1,3}['’]s|her|his|their)\s+)?(?:mother|mum)\b/u,
  father: /\b(?:father|dad)\s*,?\s*(?:\(\s*)?(Mr\.?\s+[A-Z]{1,2})\b|\b(Mr\.?\s+[A-Z]{1,2})\s*(?:,|\()\s*(?:(?:the\s+child['’]s|Child\s+[A-Z]{1,3}['’]s|her|his|their)\s+)?(?:father|dad)\b/u,
};
/**
 * A child's code where it is used, found the way the check once searched each code with indexOf:
 * the exact words, not inside a longer ASCII word. Every place a code could start is tried, so
 * "Person A" is also found inside "Young Person A". It starts with the first letters of the
 * codes so that the engine skips other positions quickly.
 */
const CODE_AT = /(?=[CSBYAMFP])(?<![A-Za-z0-9])(?=((?:Child|Sibling|Baby|Young Person|YP|Adult|Male|Female|Person|Parent|Mother|Father|Subject) (?:[A-Z]{1,3}|[0-9]{1,2}))(?![A-Za-z0-9]))/g;

/** A code used in a block; offsets relative to the block. */
interface CodeUse {
  code: string;
  start: number;
  end: number;
  /** The words around introduce the person ("her brother, Child S"), or it is in a table. */
  introduced: boolean;
  /** Its sentence is about another review ("the national review of Child Q"). */
  otherReview: boolean;
}

/** "Mum" or "Dad" where it may be a second name for a parent; offsets relative to the block. */
interface AliasUse {
  start: number;
  end: number;
  text: string;
  /** Where its sentence starts. */
  sentenceStart: number;
  /** A verb follows, as after a name ("Mum said"). */
  verbAfter: boolean;
}

interface PseudonymUses {
  codes: readonly CodeUse[];
  /** The block says "Mum" or "Mother" (and "Dad" or "Father") as a capitalised word. */
  mother: boolean;
  father: boolean;
  aliases: { readonly mother: readonly AliasUse[]; readonly father: readonly AliasUse[] };
}
const NO_ALIASES: PseudonymUses['aliases'] = { mother: [], father: [] };
const NO_PSEUDONYM_USES: PseudonymUses = { codes: [], mother: false, father: false, aliases: NO_ALIASES };
const MOTHER_WORD = /\b(?:Mum|Mother)\b/;
const FATHER_WORD = /\b(?:Dad|Father)\b/;

function codeUses(block: Block): CodeUse[] {
  const out: CodeUse[] = [];
  const prose = block.prose;
  CODE_AT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CODE_AT.exec(prose))) {
    const at = m.index;
    const code = m[1]!;
    CODE_AT.lastIndex = at + 1;
    const end = at + code.length;
    const after = prose.slice(end, end + 60);
    const before = prose.slice(Math.max(0, at - 60), at);
    const introduced = INTRODUCED_AFTER.test(after) || INTRODUCED_BEFORE.test(before) || block.cell !== undefined;
    out.push({ code, start: at, end, introduced, otherReview: OTHER_REVIEW.test(sentenceAt(block, at).text) });
  }
  return out;
}

function aliasUses(block: Block, role: 'mother' | 'father'): AliasUse[] {
  const out: AliasUse[] = [];
  const re = ALIAS_USE[role];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block.prose))) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (inQuote(block, span)) continue;
    const before = block.prose.slice(Math.max(0, m.index - 40), m.index);
    const after = block.prose.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (DETERMINER_BEFORE.test(before) || /^\s*(?:and\s+(?:baby|child)|['’]s|\s*,?\s+(?:Ms|Mrs|Miss|Mr)\b)/u.test(after)) continue;
    out.push({ ...span, text: m[0], sentenceStart: sentenceAt(block, span.start).start, verbAfter: NAME_VERB_AFTER.test(after) });
  }
  return out;
}

/** What the pseudonym-drift check reads in one block. */
const pseudonymUses = defineFact<PseudonymUses>('anonymisation/pseudonym-uses', (b) => {
  if (!PROSE_KINDS.has(b.kind)) return NO_PSEUDONYM_USES;
  const mother = MOTHER_WORD.test(b.prose);
  const father = FATHER_WORD.test(b.prose);
  const skip = SKIP_ROLES.has(b.role);
  const codes = skip ? [] : codeUses(b);
  const aliases = skip || b.kind === 'table-cell' ? NO_ALIASES : { mother: aliasUses(b, 'mother'), father: aliasUses(b, 'father') };
  if (!mother && !father && codes.length === 0 && aliases.mother.length === 0 && aliases.father.length === 0) return NO_PSEUDONYM_USES;
  return { codes, mother, father, aliases };
});

const DETERMINER_BEFORE = /\b(?:her|his|their|the|a|an|my|your|our|its|whose|this|that|[\p{L}]+['’]s)\s+$|\b(?:Child|Baby)\s+[A-Z]{1,3}['’]s\s+$/iu;
const NAME_VERB_AFTER = /^\s+(?:said|told|was|had|has|is|felt|explained|described|asked|wanted|recalls|recalled|remembers|remembered|thought|believed|reported|disclosed|went|took|tried|did|would|could)\b/u;

/** The same person called by two pseudonyms, or a child's code that drifts. */
export const inconsistentPseudonym: Check = {
  meta: {
    id: 'inconsistent-pseudonym',
    category: 'anonymisation',
    kind: 'check',
    severity: 'info',
    scope: 'document',
    fix: 'suggestion',
    summary: "Call each person by one pseudonym throughout; say so when two names mean the same person.",
    message: "'{{code}}' appears {{count}} but the review otherwise calls this child '{{main}}'. If they are the same child, use one pseudonym throughout; if not, introduce {{code}} (who they are and how they are related).",
    rationale:
      'A pseudonym that changes part-way through a long draft (Child R becomes Child B in one paragraph) is usually a slip from an earlier draft, or from another review, and it confuses readers about how many children there are. The check compares the codes the draft uses (Child R, Sibling 1, Adult A) with those it declares or uses most, and reports a code used once or twice that is never introduced; codes that belong to other reviews the draft cites, and children the draft introduces ("her brother, Child S"), are left alone. Calling a parent both "Ms R" and "Mum" is fine when the draft says so once ("Ms R, referred to here as Mum"); when it does not, a gentle hint asks for that sentence, because readers may take them for two people. Quotations, where a child calls her mother "Mum", are never reported. This rule only asks for consistency: it never asks to remove an identity the identity rules ask for.',
    good: 'Child R (a pseudonym) lived with her mother, Ms R, referred to here as Mum, and her brother, Child S.',
    sources: [SOURCES.panelPublication, SOURCES.statutoryReport, SOURCES.scieReport],
    examples: {
      valid: [
        { text: 'Child R lived with her mother. Child R was 14. Her brother, Child S, was 9. Child S went to a local primary school.' },
        { text: 'Child R lived with Ms R. Child R was 14. Child R went missing. The national review of Child Q (Hackney, 2022) found similar learning.', note: 'a child from another review' },
        { text: 'Child R lived with her mother, Ms R, referred to here as Mum. Child R said she loved Mum.', note: 'the alias is declared' },
        { text: "Child R lived with her mother, Ms R. Child R said: 'Mum was always asleep.'", note: 'the child\u2019s own words' },
        { text: 'Child R was seen with Adult A. Child R was 14 and Child R had been missing. Adult A was 24 and Adult B was his friend.', note: 'adults are separate people' },
      ],
      invalid: [
        {
          text: '---\npseudonyms: [Child R]\n---\n\nChild R was 14. Child R lived with her mother. The school saw Child B the next morning.',
          match: 'Child B',
          output: '---\npseudonyms: [Child R]\n---\n\nChild R was 14. Child R lived with her mother. The school saw Child R the next morning.',
        },
        { text: 'Child R lived with her mother, Ms R. Ms R worked nights. Later, Mum told the review that she had asked for help.', match: 'Mum', severity: 'hint' },
      ],
    },
  },
  run(ctx) {
    const doc = ctx.doc;
    const reg = pseudonymRegister(doc);
    const registered = new Set(reg.entries.map((e) => e.name));
    // (a) Child codes that drift: only codes used once or twice need their places found.
    const rare = new Set([...reg.codes].filter(([c, n]) => n <= 2 && !registered.has(c) && !c.startsWith('Adult')).map(([c]) => c));
    const facts = factsOf(doc, pseudonymUses);
    const uses = new Map<string, Array<{ use: CodeUse; span: Span }>>([...rare].map((c) => [c, []]));
    if (rare.size > 0) {
      for (let i = 0; i < facts.length; i++) {
        const codes = facts[i]!.codes;
        if (codes.length === 0) continue;
        const start = doc.blocks[i]!.start;
        for (const use of codes) uses.get(use.code)?.push({ use, span: { start: start + use.start, end: start + use.end } });
      }
    }
    const prefixOf = (code: string): string => code.replace(/ [A-Z0-9]+$/, '');
    for (const code of rare) {
      const list = uses.get(code)!;
      if (list.length === 0) continue;
      const main = [...reg.codes]
        .filter(([c, n]) => c !== code && prefixOf(c) === prefixOf(code) && (registered.has(c) || n >= 3))
        .sort((a, b) => (registered.has(b[0]) ? 1 : 0) - (registered.has(a[0]) ? 1 : 0) || b[1] - a[1])[0];
      if (!main) continue;
      if (list.some(({ use }) => use.introduced)) continue;
      for (const { use, span } of list) {
        if (use.otherReview) continue;
        ctx.report({
          span,
          message: this.meta.message.replace(/\{\{code\}\}/g, code).replace('{{count}}', list.length === 1 ? 'once' : 'twice').replace('{{main}}', main[0]),
          fixes: [{ title: `Replace '${code}' with '${main[0]}'`, kind: 'suggestion', edits: [{ ...span, text: main[0] }] }],
        });
      }
    }
    // (b) "Ms R" and "Mum" for the same person, with nothing saying so.
    for (const role of ['mother', 'father'] as const) {
      if (!facts.some((f) => f[role])) continue;
      // The first use that reads as a second name. Found before the whole-text look-ups below, which
      // are needed only when there is one.
      let alias: { span: Span; text: string } | undefined;
      for (let i = 0; i < facts.length && !alias; i++) {
        const list = facts[i]!.aliases[role];
        if (list.length === 0) continue;
        const start = doc.blocks[i]!.start;
        for (const a of list) {
          const initial = doc.text.slice(start + a.sentenceStart, start + a.start).trim() === '';
          if (initial && !a.verbAfter) continue;
          alias = { span: { start: start + a.start, end: start + a.end }, text: a.text };
          break;
        }
      }
      if (!alias) continue;
      const names = reg.entries.filter((e) => e.role === role && /^(?:Mr|Mrs|Ms|Miss|Mx)\b/.test(e.name)).map((e) => e.name);
      if (names.length === 0) {
        const m = PARENT_CODE[role].exec(doc.text);
        if (m) names.push((m[1] ?? m[2])!);
      }
      if (names.length === 0) continue;
      if (reg.names.has(role === 'mother' ? 'mum' : 'dad') || reg.names.has(role) || ALIAS_DECLARED[role].test(doc.text)) continue;
      const { span, text } = alias;
      const other = names[0]!;
      ctx.report({
        span,
        severity: 'hint',
        message: `The draft calls the child's ${role} both '${other}' and '${text}'. Readers may take them for two people: use one name, or say once that they are the same person (for example '${other}, referred to here as ${text}').`,
        fixes: [{ title: `Replace '${text}' with '${other}'`, kind: 'suggestion', edits: [{ ...span, text: other }] }],
      });
    }
  },
};
