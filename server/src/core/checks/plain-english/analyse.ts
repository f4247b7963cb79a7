/**
 * Sentence-level plain-English analysis of one block: word counts, agentless passives, hidden
 * decision-makers ("it was decided that") and officialese with a plainer alternative. Pure in the
 * block's text (and its quotations), so it is a per-block fact: a re-lint after an edit redoes one block.
 */
import type { Block, ParsedDocument } from '../../document/model';
import { defineFact, factsOf } from '../../facts';

/** One passive verb phrase with no agent ("was closed", "were not shared"). Offsets relative to the block. */
export interface Passive {
  start: number;
  end: number;
  text: string;
}

/** Officialese with a plainer alternative. */
export interface Officialese {
  start: number;
  end: number;
  text: string;
  plain: string;
}

/** What the plain-English rules know about one sentence. Offsets relative to the block. */
export interface SentenceFacts {
  start: number;
  end: number;
  words: number;
  /** Share of the sentence's characters inside quotation marks. */
  quoted: number;
  passives: Passive[];
  hiddenDecision?: { start: number; end: number; text: string };
  officialese: Officialese[];
}

// Participles of irregular verbs that reviews use; regular ones end in -ed.
const IRREGULAR = 'made|given|taken|seen|known|held|told|sent|thought|felt|found|brought|kept|left|met|put|set|shown|spoken|written|done|drawn|understood|heard|lost|led|paid|sought|caught|said|run|become|begun|chosen|forgotten|hidden|withdrawn|undertaken|overseen|overlooked|overtaken|taught|built|bought|cut|hit|let|shut|spent|struck|won|beaten|broken|driven|eaten|fallen|flown|frozen|grown|ridden|risen|shaken|stolen|sworn|thrown|woken|worn|dealt|meant|read|laid|bound|fed|sold|stood|withheld|upheld|mislaid|misread|misunderstood|forbidden|forgiven';
// Participles that describe a state rather than an action: "was worried", "was known to services".
const STATIVE = new Set(
  ('concerned worried scared frightened interested involved based located pleased tired married divorced separated related aged called named known entitled supposed used ' +
    'prepared engaged committed dedicated determined experienced qualified skilled satisfied surprised shocked upset excited bored confused isolated exhausted ' +
    'overwhelmed embarrassed ashamed disappointed relieved convinced registered pregnant unemployed employed housed settled resident born deceased ' +
    'unable able willing unwilling aware unaware subject due ' +
    'alleged accused distressed depressed stressed traumatised frustrated annoyed angered alarmed reassured detained').split(/\s+/),
);
const BE = String.raw`(?:am|is|are|was|were|be|been|being)`;
const PASSIVE = new RegExp(String.raw`\b${BE}\s+(?:(?:not|never|also|then|subsequently|later|already|still|only|often|rarely|routinely|not\s+always|repeatedly|again|quickly|immediately|appropriately|fully|properly|formally|jointly|further)\s+){0,2}((?:\w+ed)|(?:${IRREGULAR}))\b`, 'gi');
const BE_WORD = /\b(?:am|is|are|was|were|be|been|being)\s/i;
const AGENT_AFTER = /^\s+(?:\w+\s+){0,3}?by\b(?!\s+(?:then|now|phone|email|text|letter|the\s+time|the\s+end|\d))/iu;
const HIDDEN_DECISION = /\b(?:it\s+(?:was|is|had\s+been|has\s+been|were)\s+(?:(?:also|then|subsequently|later|therefore|further|collectively|jointly)\s+)?(?:decided|agreed|felt|thought|considered|concluded|determined|assessed|judged|deemed|recommended|proposed|believed|expected|anticipated|accepted|recogni[sz]ed|acknowledged|established|identified|viewed|perceived|assumed)\s+(?:that|to|not\s+to)\b|\ba\s+decision\s+(?:was|had\s+been|has\s+been)\s+(?:made|taken|reached)\b)/iu;
const HIDDEN_HAS_AGENT = /^\s*(?:\w+\s+){0,2}?by\b/iu;
/** The family-involvement rules already ask who decided not to involve someone. */
const FAMILY_EXCLUSION = /\bnot\s+to\s+(?:involve|approach|contact|invite|interview|speak\s+to|ask|include)\b/iu;

interface Plain {
  pattern: string;
  plain: string;
}

/** Officialese with a plainer alternative (British usage). Legal phrases such as "in accordance with section 47" are left out. */
const OFFICIALESE: readonly Plain[] = [
  { pattern: 'utilise|utilize', plain: 'use' },
  { pattern: 'utilised|utilized', plain: 'used' },
  { pattern: 'utilising|utilizing', plain: 'using' },
  { pattern: 'utilisation|utilization', plain: 'use' },
  { pattern: 'commence', plain: 'start' },
  { pattern: 'commenced', plain: 'started' },
  { pattern: 'commencing', plain: 'starting' },
  { pattern: 'commencement', plain: 'start' },
  { pattern: 'prior to', plain: 'before' },
  { pattern: 'in order to', plain: 'to' },
  { pattern: 'in respect of', plain: 'about' },
  { pattern: 'with regards? to|in regard to', plain: 'about' },
  { pattern: 'at this (?:moment|point) in time|at the present time', plain: 'now' },
  { pattern: 'at that (?:moment|point) in time', plain: 'then' },
  { pattern: 'going forward', plain: 'in future' },
  { pattern: 'in the event that', plain: 'if' },
  { pattern: '(?:due|owing) to the fact that|in (?:the )?light of the fact that', plain: 'because' },
  { pattern: '(?:despite|notwithstanding) the fact that', plain: 'although' },
  { pattern: 'on a (?:regular|routine) basis', plain: 'regularly' },
  { pattern: 'on a daily basis', plain: 'daily' },
  { pattern: 'on a weekly basis', plain: 'weekly' },
  { pattern: 'in excess of', plain: 'more than' },
  { pattern: 'subsequent to', plain: 'after' },
  { pattern: 'ascertain', plain: 'find out' },
  { pattern: 'ascertained', plain: 'found out' },
  { pattern: 'endeavour(?:ed)? to', plain: 'try to' },
  { pattern: 'expedite', plain: 'speed up' },
  { pattern: 'apprised', plain: 'told' },
  { pattern: 'cognisant of|cognizant of', plain: 'aware of' },
  { pattern: 'pertaining to', plain: 'about' },
  { pattern: 'thereafter', plain: 'after that' },
  { pattern: 'henceforth', plain: 'from now on' },
  { pattern: 'the aforementioned', plain: 'this' },
  { pattern: 'in conjunction with', plain: 'with' },
  { pattern: '(?:was|were) in receipt of', plain: 'received' },
  { pattern: 'until such time as', plain: 'until' },
  { pattern: 'with a view to', plain: 'to' },
  { pattern: 'in the vicinity of', plain: 'near' },
  { pattern: 'it should be noted that|it is important to note that|it is worth noting that', plain: '' },
  { pattern: 'a significant number of', plain: 'many' },
  { pattern: 'the majority of', plain: 'most' },
  { pattern: 'in close proximity to', plain: 'near' },
  { pattern: 'at an early juncture|at this juncture', plain: 'early on' },
];
const OFFICIALESE_RE = new RegExp(`(?<![\\p{L}-])(?:${OFFICIALESE.map((o) => `(${o.pattern})`).join('|')})(?![\\p{L}-])`, 'giu');
const QUICK = /utili|commenc|prior to|in order to|in respect of|regards? to|in regard to|in time|present time|going forward|in the event|the fact that|basis|in excess|subsequent to|ascertain|endeavour|expedite|apprised|cogni[sz]ant|pertaining|thereafter|henceforth|aforementioned|in conjunction|in receipt|until such|with a view|vicinity|should be noted|important to note|worth noting|significant number|majority of|proximity|juncture/i;
/** A statute or document title, whose words are not the author's. */
const TITLE = /\b(?:\p{Lu}[\p{L}'’]*\s+(?:(?:of|for|to|and|the|in|on)\s+)*){1,8}(?:Act|Regulations|Order|Rules|Guidance|Framework|Protocol)(?:\s+\(?\d{4}\)?)?/gu;

function preserveCase(match: string, plain: string): string {
  if (!plain) return plain;
  return /^\p{Lu}/u.test(match) ? plain[0]!.toUpperCase() + plain.slice(1) : plain;
}

function words(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Blocks the plain-English rules and the readability summary read: prose outside reference lists, glossaries and records. */
const ANALYSED_KINDS = new Set<Block['kind']>(['paragraph', 'list-item', 'table-cell']);
const SKIP_ROLES = new Set<Block['role']>(['references', 'contents', 'glossary', 'quoted-record']);
const NONE: readonly SentenceFacts[] = [];

const SENTENCES = defineFact('plain-english/sentences', (block): readonly SentenceFacts[] =>
  ANALYSED_KINDS.has(block.kind) && !SKIP_ROLES.has(block.role) ? analyseText(block) : NONE,
);

/**
 * The plain-English facts of each sentence of every block, parallel to `doc.blocks`. Empty for
 * headings, code, block quotes and blocks in reference lists, contents, glossaries and records.
 */
export function sentenceFactsOf(doc: ParsedDocument): readonly (readonly SentenceFacts[])[] {
  return factsOf(doc, SENTENCES);
}

function analyseText(block: Block): SentenceFacts[] {
  const out: SentenceFacts[] = [];
  const inner = block.quotes.map((q) => ({ start: q.inner.start - block.start, end: q.inner.end - block.start }));
  const inQuote = (a: number, b: number): boolean => inner.some((q) => q.start <= a && b <= q.end);
  const titles: Array<[number, number]> = [];
  if (/\b(?:Act|Regulations|Order|Rules|Guidance|Framework|Protocol)\b/.test(block.prose)) {
    TITLE.lastIndex = 0;
    let t: RegExpExecArray | null;
    while ((t = TITLE.exec(block.prose))) titles.push([t.index, t.index + t[0].length]);
  }
  const inTitle = (a: number, b: number): boolean => titles.some(([s, e]) => s <= a && b <= e);
  for (const s of block.sentences) {
    const start = s.start - block.start;
    const end = s.end - block.start;
    const text = s.text;
    let quotedChars = 0;
    for (const q of inner) quotedChars += Math.max(0, Math.min(q.end, end) - Math.max(q.start, start));
    const facts: SentenceFacts = { start, end, words: words(text), quoted: text.length ? quotedChars / text.length : 0, passives: [], officialese: [] };
    PASSIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    const hasBe = BE_WORD.test(text);
    while (hasBe && (m = PASSIVE.exec(text))) {
      const participle = m[1]!.toLowerCase();
      if (STATIVE.has(participle) || /^(?:need|feed|speed|bleed|breed|seed|weed|shed|bed|red|bred|wed|fled|sled|hundred|kindred|sacred|naked|wicked|rugged|ragged|jagged|crooked|beloved|aged)$/.test(participle)) continue;
      const a = start + m.index;
      const b = a + m[0].length;
      if (inQuote(a, b)) continue;
      if (AGENT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
      facts.passives.push({ start: a, end: b, text: m[0] });
    }
    const hd = /\b(?:it|decision)\b/i.test(text) ? HIDDEN_DECISION.exec(text) : null;
    if (hd && !FAMILY_EXCLUSION.test(text) && !inQuote(start + hd.index, start + hd.index + hd[0].length)) {
      // "A decision was made by the manager" names the decision-maker.
      const named = /^a\s+decision/i.test(hd[0]) && HIDDEN_HAS_AGENT.test(text.slice(hd.index + hd[0].length));
      if (!named) facts.hiddenDecision = { start: start + hd.index, end: start + hd.index + hd[0].length, text: hd[0] };
    }
    if (QUICK.test(text)) {
      OFFICIALESE_RE.lastIndex = 0;
      while ((m = OFFICIALESE_RE.exec(text))) {
        const a = start + m.index;
        const b = a + m[0].length;
        if (inQuote(a, b) || inTitle(a, b)) continue;
        const i = m.slice(1).findIndex((g) => g !== undefined);
        if (i < 0) continue;
        facts.officialese.push({ start: a, end: b, text: m[0], plain: preserveCase(m[0], OFFICIALESE[i]!.plain) });
      }
    }
    out.push(facts);
  }
  return out;
}
