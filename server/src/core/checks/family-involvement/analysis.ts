/**
 * Document-level analysis of how a draft reports the child's and family's involvement in the review
 * itself (not their engagement with services, which fills the chronology: digest line 777).
 *
 * The draft is cut into units (sentences, and rows of tables that record involvement). A unit is a
 * statement about the review when it sits in an involvement or method section, or anchors itself to
 * the review ("told the reviewer", "this review"). Each statement gives, per person, what the draft
 * says happened: invited, took part, declined, did not respond, could not be reached, not approached,
 * not involved, deferred. Reasons are looked for in a window around it (digest line 84).
 *
 * Everything here is pure and is computed once per parsed document, as a walk over per-block facts
 * (units.ts and the facts below), so that after an edit only the edited block is read again.
 */
import type { Block, BlockRole, ParsedDocument, Section } from '../../document/model';
import { factsOf, perDocumentValue } from '../../facts';
import type { Span } from '../../types';
import type { FamilyTable, PersonKind, PersonRef } from './family-members';
import { buildFamilyTable, kindOf, PRONOUN, resolvePeople, resolvePeopleOf } from './family-members';
import type { ReasonKind } from './lexicon';
import {
  AGENTLESS_DECISION, DECISION, DECLINED, DEFERRAL_CONDITION, FUTURE_INVOLVEMENT, global, INVITED, NO_RESPONSE,
  NOT_APPROACHED, NOT_INVOLVED, NOT_REACHED, REASONS, RESEARCH, STRONG_ANCHOR, TOOK_PART,
} from './lexicon';
import type { JoinedMemo } from './memo';
import { joinedHas, memoBy, memoTest } from './memo';
import type { LocalUnit, UnitPeople } from './units';
import { flagsOf, FOLLOWS_UP, unitHas } from './sentence-flags';
import { blankQuotes, blockInert, blockPeople, inertPeople, isAnchored, PROSE_KINDS, SKIP_ROLES, unitPeople, unitsFact } from './units';

/** Seed 000's four groups (Harrison and Barker 2024, Findings; seed 000 line 112). */
export type InvolvementGroup = 'never-mentioned' | 'excluded' | 'invited-not-involved' | 'involved';

/** What the draft says about one person's part in the review. */
export type InvolvementStatus = 'invited' | 'took-part' | 'declined' | 'no-response' | 'not-reached' | 'not-approached' | 'not-involved' | 'deferred';

export const NEGATIVE: ReadonlySet<InvolvementStatus> = new Set(['declined', 'no-response', 'not-reached', 'not-approached', 'not-involved', 'deferred']);

/** A section as the analysis sees it. */
export interface SectionInfo {
  index: number;
  section: Section;
  /** A section about the family's and child's involvement, however it is titled. */
  involvement: boolean;
  method: boolean;
  role: BlockRole;
}

/** A sentence, or a row of a table that records involvement. */
export interface Unit {
  index: number;
  kind: 'sentence' | 'row';
  block: Block;
  span: Span;
  /** The masked prose of the unit with quotations blanked (same length as the span for sentences). */
  text: string;
  /** The masked prose with quotations kept. */
  full: string;
  section: SectionInfo | undefined;
  role: BlockRole;
  quoted: boolean;
  people: PersonRef[];
  /** For rows: the cells, with their column headers. */
  cells?: { header: string; text: string; span: Span }[];
  /** Index in `doc.blocks` of the unit's block (a row's first cell). */
  blockIndex: number;
  /** The unit's place among its block's sentence units (for reading per-block facts), or -1 for a row. */
  part: number;
  anchored: boolean;
  /** What the people facts found in the unit, before resolution. */
  found: UnitPeople;
  /** Wordings a few checks look for (sentence-flags.ts). */
  flags: number;
  /** For a sentence, its unit in the block's fact, where what is read from its text alone is remembered. */
  local: LocalUnit | undefined;
}

/** A statement about the review's own involvement of someone. */
export interface Statement {
  unit: Unit;
  /** Person keys the statement is about. */
  persons: string[];
  statuses: Set<InvolvementStatus>;
  /** Per person, the statuses of the clause that names them. */
  byPerson: Map<string, Set<InvolvementStatus>>;
  reasons: Set<ReasonKind>;
  /** A decision wording ("the panel decided") in the statement. */
  decision: boolean;
  agentless: boolean;
  /** The text of the window the reasons were looked for in. */
  window: string;
  anchored: boolean;
}

/** Per-person involvement facts (what a quality report can list). */
export interface PersonFacts {
  key: string;
  kind: PersonKind;
  /** How many times the draft refers to them (outside glossary and references). */
  mentions: number;
  firstMention: Span;
  statuses: InvolvementStatus[];
  reasons: ReasonKind[];
  /** Spans of the statements about them. */
  statements: Span[];
}

/** The whole analysis. */
export interface InvolvementAnalysis {
  table: FamilyTable;
  sections: SectionInfo[];
  units: Unit[];
  statements: Statement[];
  persons: Map<string, PersonFacts>;
  group: InvolvementGroup;
  /** The section that reports involvement, if there is one (a family section first, else a child's-voice section). */
  involvementSection?: SectionInfo;
  /** A section about the family's involvement (not only the child's voice) that names someone. */
  familySection?: SectionInfo;
  methodSection?: SectionInfo;
  /** Index of units by section index. */
  unitsBySection: Map<number, Unit[]>;
  /**
   * Indices of the first unit of each block (or the row) that names someone, a child or a death: the
   * only ones the child facts read outside a child's-voice section. Ascending.
   */
  childHeads: number[];
}

// Headings that name a family-involvement section, however unusual (digest line 78; issue 5 "unusual section names").
const FAMILY_SECTION_TITLE = /\b(?:involv\w*|participat\w*|contribut\w*|engag\w*|voices?|views?|perspectives?|listening|hearing|speaking|conversations?|consult\w*|told|said|spoke|meeting)\b/i;
const FAMILY_SECTION_WHO = /\b(?:famil(?:y|ies)|parents?|mother|father|mum|dad|child(?:ren)?|young (?:person|people)|carers?|relatives|those (?:closest|who knew|who loved|who cared)|people (?:who knew|closest|who loved|who cared)|closest to (?:him|her|them)|loved ones)\b|\b[A-Z][\w-]+(?:'s|’s)\b/;
const NOT_FAMILY_SECTION = /\b(?:with|by) (?:services|agencies|professionals|practitioners|health|school)\b|\bagency\b|\bpractitioners?\b|\bprofessionals?\b|\bservices\b/i;
// Method sections under other names ("How the review was carried out", "Our approach").
const METHOD_TITLE = /\bhow (?:the|this|we (?:carried out|did|conducted)) (?:review|the review)\b|\bhow (?:the|this) (?:rapid |local |practice )?review (?:was|has been) (?:carried out|conducted|undertaken|done|completed)\b|\b(?:how we (?:did|carried out|went about) (?:this|the) review|arrangements for (?:the|this) review|about (?:the|this) review)\b/i;
const UPDATE_HEADING = /\b(?:update|addendum|postscript|afterword|since the (?:trial|inquest|proceedings))\b/i;


// Involvement tables: headers that record who was invited and who took part.
const INVOLVEMENT_HEADER = /\b(?:invited|took part|involved|involvement|contribut\w*|participat\w*|approached|contacted|response|outcome|how (?:they|views)|method|reason|views|met)\b/i;
const WHO_HEADER = /\b(?:family member|person|who|name|relationship|relative|member)\b/i;
const YES = /^\s*(?:yes|y|✓|✔|✅)\b/i;
const NO = /^\s*(?:no|n|✗|✘|❌|none)\b/i;

// Clause boundaries for telling apart "Mother met the reviewer; Father declined".
const CLAUSE_SPLIT = /;|:(?=\s)|,?\s+but\s+|,?\s+whereas\s+|,?\s+while\s+|,\s+although\s+|,\s+however,?\s+|\.\s+/g;
// A citation or a statistic about other reviews: "Harrison and Barker (2024) found", "17% of reviews".
const CITATION = /\([^()]{0,80}\b(?:19|20)\d\d[a-z]?\)|\b\d{1,3}(?:\.\d)?\s?(?:%|per cent) of\b|\bof (?:the )?(?:\d+ )?(?:published |local |other )?reviews\b/i;
const PERSON_OBJECT = /^\s*(?:(?:with|to|from)\s+)?(?:the |her |his |their |both |each |all |three |two |four )?(?:[A-Z]|mother|father|parents?|mum|dad|famil|grand|nan|child|young|sibling|brother|sister|aunt|uncle|carer|step|partner|bab(?:y|ies)|son|daughter|girl|boy|relatives|them|him|her)/i;
const NEGATION_BEFORE = /\b(?:not|never|n't|unable|declined|without|rather than|instead of|refused|no longer|nor)\b[^.;]{0,30}$/i;
const PRACTICE_OBJECT = /^\s*(?:with )?(?:the |her |his |their |a |an )?(?:allocated |school |named )?(?:social workers?|practitioners?|professionals?|teachers?|school|staff|health visitors?|GPs?|police|officers?|managers?|agenc(?:y|ies)|nurses?|midwi(?:fe|ves)|clinicians?|representatives?|leads?|colleagues|partners from)/i;

// Each status pattern with a cheap test run first on the lower-cased text (most sentences fail it).
const STATUS_NEG: ReadonlyArray<[InvolvementStatus, RegExp, RegExp]> = [
  ['not-approached', global(NOT_APPROACHED), /not|decid|decision|agreed|chose|choice|determined|exclud|neither/],
  ['not-reached', global(NOT_REACHED), /could not|unable|contact details|address|whereabouts|returned/],
  ['no-response', global(NO_RESPONSE), /respon|repl|answer/],
  ['declined', global(DECLINED), /declin|chose not|not wish|not want|decided not|refused|not feel/],
  ['not-involved', global(NOT_INVOLVED), /not|unable|no |without|unsuccessful/],
];
const TOOK_PART_HINT = /met|spoke|speak|talk|interview|visit|took part|taking part|particip|contribut|gave|shared|told|said|wrote|explain|describ|joined|heard|views|account|perspective|reflection|completed|agreed|chose|us\b/;
const INVITED_HINT = /invit|asked|approach|contact|offered|given the|written|sent|wrote|telephon|phoned|emailed|visited|letter/;
const DEFERRAL_HINT = /trial|proceeding|inquest|investigat|sentenc|hearing|court|process|prosecution/;
const TOOK_PART_G = global(TOOK_PART);
const INVITED_G = global(INVITED);
const FUTURE_BEFORE = /\b(?:will|would|shall|to|should|could|may|might|can)\s+(?:now |then |also |still )?(?:be\s+)?$/i;
const OTHER_OBJECT = /^\s*(?:with |to )?(?:the|a|an|any|their|her|his)\s+(?!review|reviewer|author|panel|invitations?|letters?|offer|request)\w/i;
const DEFERRAL_WORDS = /\buntil\b|\b(?:postponed|deferred|delayed|on hold|paused)\b/i;

interface StatusMatch {
  status: InvolvementStatus;
  start: number;
  end: number;
}

// A real sentence holds a handful of statuses; the cap keeps pathological input linear.
const MAX_MATCHES = 24;

/** Blanks the given ranges (sorted by start) in one pass. */
function blankRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.end <= at) continue;
    const s = Math.max(r.start, at);
    parts.push(text.slice(at, s), ' '.repeat(r.end - s));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Statuses in a stretch of text, with relative offsets. */
export function detectStatuses(text: string): StatusMatch[] {
  const out: StatusMatch[] = [];
  let work = text;
  const lower = text.toLowerCase();
  for (const [status, re, hint] of STATUS_NEG) {
    if (!hint.test(lower)) continue;
    re.lastIndex = 0;
    const before = out.length;
    for (const m of work.matchAll(re)) {
      out.push({ status, start: m.index, end: m.index + m[0].length });
      if (out.length > MAX_MATCHES) break;
    }
    if (out.length > before) work = blankRanges(work, out.slice(before));
  }
  for (const [status, re, hint] of [['took-part', TOOK_PART_G, TOOK_PART_HINT], ['invited', INVITED_G, INVITED_HINT]] as const) {
    if (!hint.test(lower)) continue;
    re.lastIndex = 0;
    for (const m of work.matchAll(re)) {
      const before = work.slice(Math.max(0, m.index - 40), m.index);
      if (NEGATION_BEFORE.test(before) || FUTURE_BEFORE.test(before)) continue;
      // "The reviewer met …" is about the family only when a family member follows.
      if (status === 'took-part' && /(?:reviewers?|authors?|team|panel|chair|review) (?:met|spoke|interviewed|visited|talked|heard)/i.test(m[0])) {
        const after = work.slice(m.index + m[0].length, m.index + m[0].length + 60);
        if (PRACTICE_OBJECT.test(after) || !PERSON_OBJECT.test(after)) continue;
      }
      out.push({ status, start: m.index, end: m.index + m[0].length });
      if (out.length > MAX_MATCHES) break;
    }
  }
  if (DEFERRAL_HINT.test(lower) && DEFERRAL_CONDITION.test(text) && (FUTURE_INVOLVEMENT.test(text) || DEFERRAL_WORDS.test(text))) {
    const m = FUTURE_INVOLVEMENT.exec(text) ?? DEFERRAL_CONDITION.exec(text)!;
    out.push({ status: 'deferred', start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Reason kinds in a stretch of text. */
export function detectReasons(text: string): Set<ReasonKind> {
  const out = new Set<ReasonKind>();
  for (const [kind, re] of REASONS) if (re.test(text)) out.add(kind);
  return out;
}

/** Bits of what a heading's titles say, remembered per title. */
const titleBits = new Map<string, number>();
const OWN = 1;
const METHOD = 2;

function bitsOf(title: string): number {
  return memoBy(titleBits, title, (t) => (FAMILY_SECTION_TITLE.test(t) && FAMILY_SECTION_WHO.test(t) && !NOT_FAMILY_SECTION.test(t) ? OWN : 0) | (METHOD_TITLE.test(t) ? METHOD : 0));
}

function sectionInfos(doc: ParsedDocument): SectionInfo[] {
  return doc.sections.map((section, index) => {
    const titles = section.path;
    const own = titles.some((t) => (bitsOf(t) & OWN) !== 0);
    const involvement = section.role === 'involvement' || (own && section.role !== 'chronology' && section.role !== 'recommendations' && section.role !== 'glossary' && section.role !== 'references');
    const method = section.role === 'method' || ((bitsOf(section.title) & METHOD) !== 0 && !involvement && section.role !== 'recommendations' && section.role !== 'chronology');
    return { index, section, involvement, method, role: section.role };
  });
}

/** The innermost section of each block (by index in `doc.blocks`), by a single sweep. */
function sectionOfBlocks(doc: ParsedDocument, infos: SectionInfo[]): (SectionInfo | undefined)[] {
  const out: (SectionInfo | undefined)[] = new Array(doc.blocks.length);
  const stack: SectionInfo[] = [];
  let next = 0;
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    while (next < infos.length && infos[next]!.section.heading.start <= b.start) stack.push(infos[next++]!);
    while (stack.length > 0 && stack[stack.length - 1]!.section.end <= b.start) stack.pop();
    // A popped inner section can leave an outer one that still holds the block.
    let top = stack.length - 1;
    while (top >= 0 && !(stack[top]!.section.start <= b.start && b.start < stack[top]!.section.end)) top--;
    out[i] = top >= 0 ? stack[top] : undefined;
  }
  return out;
}

/** Set on every unit as it is pushed, once its people are resolved. */
const NO_PEOPLE: PersonRef[] = [];

function buildUnits(doc: ParsedDocument, table: FamilyTable, secOf: (SectionInfo | undefined)[]): { units: Unit[]; childHeads: number[] } {
  const units: Unit[] = [];
  const childHeads: number[] = [];
  const blocks = doc.blocks;
  const facts = factsOf(doc, unitsFact);
  let i = 0;
  // People are resolved in unit order: "the children" means the children named so far.
  const push = (u: Unit): void => {
    u.index = units.length;
    u.people = u.kind === 'row' ? resolvePeople(table, u.found.raw, u.span.start) : resolvePeopleOf(table, u.found, u.span.start);
    units.push(u);
  };
  const sentences = (j: number, section: SectionInfo | undefined, quoted: boolean): void => {
    const b = blocks[j]!;
    const scan = facts[j]!;
    const lus = scan.units;
    const people = blockPeople(table.people, scan);
    if (lus.length > 0 && !blockInert(scan)) childHeads.push(units.length);
    for (let k = 0; k < lus.length; k++) {
      const lu = lus[k]!;
      const start = b.start + lu.start;
      let span = lu.placed;
      if (span?.start !== start) lu.placed = span = { start, end: b.start + lu.end };
      push({ index: 0, people: NO_PEOPLE, kind: 'sentence', block: b, span, text: lu.text, full: lu.full, section, role: b.role, quoted, blockIndex: j, part: k, anchored: lu.anchored, found: people[k]!, flags: lu.flags, local: lu });
    }
  };
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (!PROSE_KINDS.has(b.kind) || SKIP_ROLES.has(b.role)) {
      i++;
      continue;
    }
    if (b.kind === 'table-cell') {
      const from = i;
      while (i < blocks.length && blocks[i]!.kind === 'table-cell') {
        const c = blocks[i]!;
        if (i > from && c.cell!.isHeader && !blocks[i - 1]!.cell!.isHeader) break;
        i++;
      }
      tableUnits(doc, from, i, table, secOf, (u) => {
        if (!inertPeople(u.found)) childHeads.push(units.length);
        push(u);
      }, sentences);
      continue;
    }
    sentences(i, secOf[i], b.role === 'quoted-record');
    i++;
  }
  return { units, childHeads };
}

function tableUnits(
  doc: ParsedDocument,
  from: number,
  to: number,
  table: FamilyTable,
  secOf: (SectionInfo | undefined)[],
  push: (u: Unit) => void,
  sentences: (j: number, section: SectionInfo | undefined, quoted: boolean) => void,
): void {
  const blocks = doc.blocks;
  const first = blocks[from]!;
  if (SKIP_ROLES.has(first.role)) return;
  const section = secOf[from];
  const headers: string[] = [];
  for (let j = from; j < to; j++) if (blocks[j]!.cell!.isHeader) headers.push(blocks[j]!.prose.trim());
  const involvementTable = headers.filter((h) => memoTest(INVOLVEMENT_HEADER, h)).length >= 1 && (headers.some((h) => memoTest(WHO_HEADER, h)) || section?.involvement === true);
  if (!involvementTable) {
    for (let j = from; j < to; j++) if (!blocks[j]!.cell!.isHeader) sentences(j, section, false);
    return;
  }
  const rows = new Map<number, number[]>();
  for (let j = from; j < to; j++) {
    const c = blocks[j]!;
    if (c.cell!.isHeader) continue;
    const r = rows.get(c.cell!.row) ?? [];
    r.push(j);
    rows.set(c.cell!.row, r);
  }
  for (const row of rows.values()) {
    row.sort((a, b) => blocks[a]!.cell!.column - blocks[b]!.cell!.column);
    const head = blocks[row[0]!]!;
    const last = blocks[row[row.length - 1]!]!;
    const rowCells = row.map((j) => {
      const c = blocks[j]!;
      return { header: c.cell!.header, text: blankQuotes(c, c.start, c.end), span: { start: c.start, end: c.end } };
    });
    // The row's text, laid out at the cells' own offsets so person references keep true spans.
    let text = '';
    for (const c of rowCells) {
      text += ' '.repeat(Math.max(0, c.span.start - head.start - text.length)) + c.text;
    }
    text = text.replace(/\n/g, ' ');
    push({
      index: 0, people: NO_PEOPLE, kind: 'row', block: head, span: { start: head.start, end: last.end }, text, full: text, section, role: head.role, quoted: false, cells: rowCells,
      blockIndex: row[0]!, part: -1, anchored: isAnchored(text, head.role), found: unitPeople(table.people, text), flags: flagsOf(text), local: undefined,
    });
  }
}

/** Statuses implied by the headers and yes/no values of an involvement table row. */
function rowStatuses(unit: Unit): StatusMatch[] {
  const out: StatusMatch[] = [];
  for (const c of unit.cells ?? []) {
    const rel = c.span.start - unit.span.start;
    const h = c.header;
    const v = c.text.trim();
    const mark = (status: InvolvementStatus): void => {
      out.push({ status, start: rel, end: rel + Math.max(1, v.length) });
    };
    if (/\b(?:took part|involved|participat\w*|contribut\w*|met (?:the )?reviewer|engaged|interviewed|spoke)\b/i.test(h)) {
      if (YES.test(v)) mark('took-part');
      else if (NO.test(v)) mark('not-involved');
    } else if (/\b(?:invited|approached|contacted|offered)\b/i.test(h)) {
      if (YES.test(v)) mark('invited');
      else if (NO.test(v)) mark('not-approached');
    } else if (/\b(?:how|method|means|format)\b/i.test(h) && !/\binvit|contact|approach/i.test(h)) {
      if (/\b(?:interview\w*|met|meeting|telephone|phone|video|online|in person|home visit|in writing|wrote|letter|email|questionnaire)\b/i.test(v) && !NO.test(v)) mark('took-part');
    }
    if (/^(?:declined|refused)\b/i.test(v)) mark('declined');
    if (/^(?:no response|did not respond|no reply)\b/i.test(v)) mark('no-response');
    if (/^(?:not (?:approached|invited|contacted))\b/i.test(v)) mark('not-approached');
    if (/^(?:not (?:involved|met|seen))\b/i.test(v)) mark('not-involved');
  }
  return out;
}

/** What the statement analysis reads from a unit's own text. */
export interface UnitStatus {
  matches: StatusMatch[];
  strong: boolean;
  /** About research or other reviews ("Harrison and Barker (2024) found"). */
  research: boolean;
  decision: boolean;
  agentless: boolean;
}

function statusOf(text: string, matches: StatusMatch[]): UnitStatus {
  return { matches, strong: STRONG_ANCHOR.test(text), research: RESEARCH.test(text) || CITATION.test(text), decision: DECISION.test(text), agentless: AGENTLESS_DECISION.test(text) };
}

/**
 * A sentence's statuses, by its text: worked out only for sentences that may be statements, once,
 * and found again by text on later keystrokes (a sentence's text is the same string while its block
 * is unchanged).
 */
const statusCache = new Map<string, UnitStatus>();
const statusOfText = (text: string): UnitStatus => statusOf(text, detectStatuses(text));

const rowStatusCache = new WeakMap<Unit, UnitStatus>();

function unitStatus(u: Unit): UnitStatus {
  // Kept with the block's fact, so an unchanged sentence is not looked up by its text on every edit.
  if (u.local) return (u.local.status ??= memoBy(statusCache, u.text, statusOfText));
  let s = rowStatusCache.get(u);
  if (!s) rowStatusCache.set(u, (s = statusOf(u.text, [...rowStatuses(u), ...detectStatuses(u.text)])));
  return s;
}

function inScope(unit: Unit, anchored: boolean): boolean {
  if (unit.quoted || unit.role === 'recommendations' || SKIP_ROLES.has(unit.role)) return false;
  if (unit.kind === 'row') return true;
  const st = unitStatus(unit);
  if (st.research && !st.strong) return false;
  if (unit.section?.involvement || unit.section?.method) return true;
  return anchored;
}

/**
 * The window in which a reason counts (digest line 84): the sentence, the one before and the two
 * after in the same section, or the whole list item. It stops at a sentence that is itself a statement
 * about other people, so one person's reason is not lent to the next.
 */
function windowText(units: Unit[], i: number, others: (j: number) => boolean): string {
  const u = units[i]!;
  if (u.kind === 'row') return u.text;
  const same = (j: number): boolean => {
    const v = units[j];
    return !!v && v.section === u.section && !v.quoted && v.kind === 'sentence' && !others(j);
  };
  let lo = i;
  if (u.block.kind === 'list-item') while (lo > 0 && units[lo - 1]!.block === u.block && same(lo - 1)) lo--;
  if (lo === i && same(i - 1)) lo--;
  let hi = i;
  if (u.block.kind === 'list-item') while (hi + 1 < units.length && units[hi + 1]!.block === u.block && same(hi + 1)) hi++;
  while (hi < i + 2 && same(hi + 1)) hi++;
  const parts: string[] = [];
  for (let j = lo; j <= hi; j++) parts.push(units[j]!.text);
  return parts.join(' ');
}

interface Clause {
  start: number;
  end: number;
}

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  // Very long "sentences" (pathological input) are taken whole.
  if (text.length > 5000) return [{ start: 0, end: text.length }];
  let at = 0;
  CLAUSE_SPLIT.lastIndex = 0;
  for (const m of text.matchAll(CLAUSE_SPLIT)) {
    out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  out.push({ start: at, end: text.length });
  return out.filter((c) => c.end > c.start);
}

// Words that join people into one group: "the mother and the father", "Ms W, Mr Y and the grandparents".
const JOINER = /^[\s,;&]*(?:(?:and|or|nor|both|neither|either|as well as)[\s,]*)*(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|all|most|many|both)\s+(?:of\s+(?:the|their|his|her)\s+)?)?$/i;
// Statuses whose subject is the person themselves ("she declined", "the father met the reviewer").
const PERSON_VERB: ReadonlySet<InvolvementStatus> = new Set(['took-part', 'declined', 'no-response']);
const REVIEWER_SUBJECT = /^(?:the |this |our )?(?:lead |independent |review |case |two |joint )?(?:reviewers?|authors?|review(?:er)? team|review panel|panel|chair|review|we)\b/i;
const NONFAMILY_SUBJECT = /(?:\b(?:the|a|an|his|her|their|our|one|two|several|many|some)\s+(?:[\w-]+\s+){0,2}(?:interpreters?|workers?|officers?|teachers?|nurses?|visitors?|practitioners?|professionals?|managers?|leads?|clinicians?|doctors?|GPs?|police|school|staff|agenc(?:y|ies)|services?|teams?|advocates?|solicitors?|friends?|neighbours?|colleagues?|representatives?|ministers?|therapists?|counsellors?|midwi(?:fe|ves)|paediatricians?|psychologists?|consultants?)|\b(?:practitioners|professionals|staff|agencies|teachers|officers|managers|clinicians|nurses|colleagues|partners))\b[^,;]{0,40}$/i;
const RELATIVE = /,\s*(?:who|whose|whom|with whom|to whom|which|where|when)\b[^,;]*,/gi;
const JOINER_OBJECT = /^[\s,;&]*(?:(?:and|or|nor|both|neither|either|as well as|to|with)[\s,]+)*(?:the |her |his |their |both |each )?$/i;
const PREPOSITION_BEFORE = /\b(?:with|of|by|from|for|to|through|about|via|on behalf of|alongside|including)\s+(?:the |her |his |their |both )?$/i;

/**
 * The people who are the subject of a status: the nearest group of people named before it in the
 * clause ("the mother and the father declined"), skipping people in a phrase such as "with the help
 * of her grandparents".
 */
function subjectOf(text: string, refs: PersonRef[], m: { start: number; end: number }, clauseStart: number, rel: (n: number) => number, relative: Array<[number, number]>): string[] {
  // "neither the mother nor the stepfather would be approached": people inside the matched words.
  const inside = refs.filter((p) => rel(p.start) >= m.start && rel(p.end) <= m.end);
  if (inside.length > 0) return inside.flatMap((p) => p.keys);
  // People inside a relative clause ("His father, who sees Kai at weekends, spoke to us") are not the subject.
  const before = refs.filter((p) => rel(p.end) <= m.start && !relative.some(([a, b]) => rel(p.start) >= a && rel(p.end) <= b));
  const group: PersonRef[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const p = before[i]!;
    const next = group[0];
    if (next && !JOINER.test(blankSpans(text.slice(rel(p.end), rel(next.start)), rel(p.end), relative))) break;
    if (PREPOSITION_BEFORE.test(text.slice(Math.max(clauseStart, rel(p.start) - 20), rel(p.start)))) {
      if (group.length > 0) break;
      continue;
    }
    // A person after "that" is inside reported speech: "she told the review that the father…".
    if (/\b(?:that|because|when|whether|if)\b/i.test(text.slice(rel(p.end), m.start)) && group.length === 0) continue;
    group.unshift(p);
  }
  return group.flatMap((p) => p.keys);
}

function blankSpans(s: string, offset: number, spans: Array<[number, number]>): string {
  let out = s;
  for (const [a, b] of spans) {
    const x = Math.max(0, a - offset);
    const y = Math.min(s.length, b - offset);
    if (y > x) out = out.slice(0, x) + ' '.repeat(y - x) + out.slice(y);
  }
  return out;
}

/** The people right after a status: "the reviewer met the mother and the father". */
function objectOf(text: string, refs: PersonRef[], m: { start: number; end: number }, rel: (n: number) => number): string[] {
  const after = refs.filter((p) => rel(p.start) >= m.end && rel(p.start) - m.end < 40);
  const group: PersonRef[] = [];
  for (const p of after) {
    const prev = group[group.length - 1];
    const gap = text.slice(prev ? rel(prev.end) : m.end, rel(p.start));
    if (prev ? !JOINER_OBJECT.test(gap) : !/^[\s,]*(?:with |to |from |on |by )?(?:the |her |his |their |both |each )?(?:(?:[\w-]+ ){0,2}[\w-]+(?:'s|’s|s'|s’) )?$/i.test(gap)) break;
    group.push(p);
  }
  return group.flatMap((p) => p.keys);
}

/** Resolves a pronoun to people named earlier in the same sentence, by gender. */
function resolveWithin(table: FamilyTable, earlier: PersonRef[], pronoun: string): string[] | undefined {
  const r = new Recent(table);
  r.noteUnit(earlier);
  const keys = r.resolve(pronoun);
  return keys.length > 0 ? keys : undefined;
}

/** What a unit adds to the people remembered: each person named, then all of them together (for "they"). */
function notesOf(refs: readonly PersonRef[]): string[][] {
  const out: string[][] = [];
  for (const p of refs) if (p.keys.length > 0) out.push(p.keys);
  if (refs.length > 1) {
    const all = [...new Set(refs.flatMap((p) => p.keys))];
    if (all.length > 1) out.push(all);
  }
  return out;
}

/** Remembers the last people named, to resolve "she declined" to the mother. */
class Recent {
  constructor(
    private readonly table: FamilyTable,
    private order: string[][] = [],
  ) {}
  /** What is remembered, oldest first. */
  notes(): readonly (readonly string[])[] {
    return this.order;
  }
  note(keys: string[]): void {
    if (keys.length > 0) this.order.push(keys);
    if (this.order.length > 8) this.order.shift();
  }
  /** Notes each person named in a sentence, then all of them together, for "they". */
  noteUnit(refs: readonly PersonRef[]): void {
    for (const p of refs) this.note(p.keys);
    if (refs.length > 1) {
      const all = [...new Set(refs.flatMap((p) => p.keys))];
      if (all.length > 1) this.note(all);
    }
  }
  last(): string[] {
    return this.order[this.order.length - 1] ?? [];
  }
  resolve(pronoun: string): string[] {
    const p = pronoun.toLowerCase();
    for (let i = this.order.length - 1; i >= 0; i--) {
      const keys = this.order[i]!;
      if (p === 'they' || p === 'them' || p === 'both' || p === 'neither') {
        if (keys.length > 1 || keys.some((k) => k === 'family' || k === 'grandparents' || k === 'siblings' || k === 'relatives')) return keys;
        continue;
      }
      const want = p === 'she' || p === 'her' ? 'female' : 'male';
      const hit = keys.filter((k) => {
        const g = kindOf(this.table, k).gender;
        return g === want || (g === undefined && keys.length === 1 && (k.startsWith('child') || k.startsWith('sibling')));
      });
      if (hit.length > 0) return hit;
    }
    return [];
  }
}

/** Who a unit says did what: per person, the statuses of the clause that names them. */
interface UnitStatement {
  byPerson: Map<string, Set<InvolvementStatus>>;
  statuses: Set<InvolvementStatus>;
}

/** A unit's statement as last worked out, with what it was worked out from beyond the unit's own text. */
interface StatementMemo {
  keys: readonly (readonly string[])[];
  process: boolean;
  /** The people named just before, when they were needed ("she declined"). */
  recent?: readonly (readonly string[])[];
  result: UnitStatement;
}

/** Keyed by the unit's people facts, which stand for its text and the positions of the people in it. */
const statementMemos = new WeakMap<UnitPeople, StatementMemo>();

function sameKeys(a: readonly (readonly string[])[], people: readonly PersonRef[]): boolean {
  if (a.length !== people.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = people[i]!.keys;
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

function sameNotes(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/**
 * The people named before unit `i` in its section, as the statement walk would remember them: the
 * last eight notes (each person, then everyone named together), cleared at each new section.
 */
function recentAt(units: Unit[], i: number, table: FamilyTable): Recent {
  const section = units[i]!.section;
  const chunks: string[][][] = [];
  let count = 0;
  for (let j = i - 1; j >= 0 && count < 8 && units[j]!.section === section; j--) {
    const notes = notesOf(units[j]!.people);
    if (notes.length > 0) {
      chunks.push(notes);
      count += notes.length;
    }
  }
  const order: string[][] = [];
  for (let c = chunks.length - 1; c >= 0; c--) order.push(...chunks[c]!);
  return new Recent(table, order.slice(-8));
}

/** A unit's statement, reusing the last answer while everything it depends on is the same. */
function statementOf(units: Unit[], i: number, matches: StatusMatch[], table: FamilyTable): UnitStatement {
  const u = units[i]!;
  const process = !!(u.section?.involvement || u.section?.method);
  if (u.kind === 'row') return computeStatement(u, matches, table, process, () => recentAt(units, i, table)).result;
  const memo = statementMemos.get(u.found);
  if (memo && memo.process === process && sameKeys(memo.keys, u.people) && (!memo.recent || sameNotes(memo.recent, recentAt(units, i, table).notes()))) return memo.result;
  const { result, recent } = computeStatement(u, matches, table, process, () => recentAt(units, i, table));
  statementMemos.set(u.found, { keys: u.people.map((p) => p.keys), process, recent: recent?.notes(), result });
  return result;
}

function computeStatement(u: Unit, matches: StatusMatch[], table: FamilyTable, process: boolean, recentOf: () => Recent): { result: UnitStatement; recent?: Recent } {
  let recent: Recent | undefined;
  const getRecent = (): Recent => (recent ??= recentOf());
  const byPerson = new Map<string, Set<InvolvementStatus>>();
  const statuses = new Set<InvolvementStatus>();
  const rel = (n: number): number => n - u.span.start;
  if (u.kind === 'row') {
    // A row is about the person in its first column (or its "who" column).
    const whoCell = u.cells!.find((c) => WHO_HEADER.test(c.header)) ?? u.cells![0]!;
    const who = u.people.filter((p) => p.start >= whoCell.span.start && p.end <= whoCell.span.end).flatMap((p) => p.keys);
    const keys = who.length > 0 ? who : [];
    for (const m of matches) statuses.add(m.status);
    for (const k of keys) byPerson.set(k, new Set(statuses));
  } else {
    let prevKeys: string[] = [];
    let pi = 0;
    for (const cl of clauses(u.text)) {
      const inClause = matches.filter((m) => m.start >= cl.start && m.start < cl.end);
      while (pi < u.people.length && rel(u.people[pi]!.start) < cl.start) pi++;
      let pj = pi;
      while (pj < u.people.length && rel(u.people[pj]!.start) < cl.end) pj++;
      const refs = inClause.length > 0 || pj - pi > 0 ? u.people.slice(pi, pj) : [];
      const relative: Array<[number, number]> = [];
      if (inClause.length > 0) for (const r of u.text.slice(cl.start, cl.end).matchAll(RELATIVE)) relative.push([cl.start + r.index, cl.start + r.index + r[0].length]);
      for (const m of inClause) {
        statuses.add(m.status);
        let keys = subjectOf(u.text, refs, m, cl.start, rel, relative.filter(([, e]) => e <= m.start));
        // "The interpreter told the review that the mother…": someone else did the telling.
        if (keys.length === 0 && PERSON_VERB.has(m.status) && !REVIEWER_SUBJECT.test(u.text.slice(m.start, m.end)) && NONFAMILY_SUBJECT.test(u.text.slice(cl.start, m.start))) continue;
        if (keys.length === 0) {
          const pron = PRONOUN.exec(u.text.slice(cl.start, m.start));
          if (pron) keys = resolveWithin(table, u.people.filter((p) => rel(p.end) <= cl.start), pron[1]!) ?? getRecent().resolve(pron[1]!);
          else if (prevKeys.length > 0) keys = prevKeys;
          else keys = objectOf(u.text, refs, m, rel);
        }
        if (keys.length > 0) prevKeys = keys;
        for (const k of keys) {
          const set = byPerson.get(k) ?? new Set<InvolvementStatus>();
          set.add(m.status);
          byPerson.set(k, set);
        }
      }
      if (inClause.length === 0 && refs.length > 0) prevKeys = refs[refs.length - 1]!.keys;
    }
    if (byPerson.size === 0 && statuses.size > 0 && process) {
      // "No response was received." after a sentence that named the people written to; not "unable to meet the school".
      const m = matches[0]!;
      const lead = u.text.slice(0, m.start);
      const subjectless = /^\s*(?:[\d.]+\s+)?(?:however,?|unfortunately,?|sadly,?|despite this,?|to date,?|so far,?)?\s*(?:no|none|neither|nobody|no one|a|an|the|further|second)?\s*(?:response|reply|invitation|letters?|approach|contact|attempts?)?\s*$/i.test(lead);
      if (subjectless && !OTHER_OBJECT.test(u.text.slice(m.end, m.end + 40))) for (const k of getRecent().last()) byPerson.set(k, new Set(statuses));
    }
  }
  return { result: { byPerson, statuses }, recent };
}

/** Reasons by window text: the same windows come round on every keystroke. */
const reasonCache = new Map<string, Set<ReasonKind>>();

function buildStatements(units: Unit[], table: FamilyTable): Statement[] {
  const candidates: { unit: Unit; i: number; anchored: boolean; matches: StatusMatch[] }[] = [];
  const later: number[] = [];
  const detect = (u: Unit): StatusMatch[] => unitStatus(u).matches;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.quoted || u.role === 'recommendations') continue;
    const anchored = u.anchored;
    // Only the review's own process is analysed: other sentences wait in case their section turns out to be about involvement.
    if (!anchored && u.kind !== 'row' && !u.section?.involvement && !u.section?.method) {
      if (u.people.length > 0 && u.section) later.push(i);
      continue;
    }
    const matches = detect(u);
    if (matches.length > 0) candidates.push({ unit: u, i, anchored, matches });
  }
  // A section with two or more anchored statements is an involvement section, whatever its title.
  const anchoredBySection = new Map<SectionInfo | undefined, number>();
  for (const c of candidates) if (c.anchored && c.unit.section && c.unit.people.length > 0) anchoredBySection.set(c.unit.section, (anchoredBySection.get(c.unit.section) ?? 0) + 1);
  const promoted = new Set<SectionInfo>();
  for (const [s, n] of anchoredBySection) {
    if (s && n >= 2 && !s.involvement && s.role !== 'chronology' && s.role !== 'background' && s.role !== 'recommendations') {
      s.involvement = true;
      promoted.add(s);
    }
  }
  if (promoted.size > 0) {
    for (const i of later) {
      const u = units[i]!;
      if (!promoted.has(u.section!)) continue;
      const matches = detect(u);
      if (matches.length > 0) candidates.push({ unit: u, i, anchored: false, matches });
    }
    candidates.sort((a, b) => a.i - b.i);
  }

  const statements: Statement[] = [];
  for (const cand of candidates) {
    const u = units[cand.i]!;
    if (!inScope(u, cand.anchored)) continue;
    const { byPerson, statuses } = statementOf(units, cand.i, cand.matches, table);
    if (byPerson.size === 0) continue;
    statements.push({
      unit: u,
      persons: [...byPerson.keys()],
      statuses,
      byPerson,
      reasons: new Set(),
      decision: unitStatus(u).decision,
      agentless: unitStatus(u).agentless,
      window: '',
      anchored: cand.anchored,
    });
  }
  const byUnit = new Map(statements.map((s) => [s.unit.index, s]));
  for (const s of statements) {
    const mine = new Set(s.persons);
    const others = (j: number): boolean => {
      const t = byUnit.get(j);
      return !!t && t !== s && !t.persons.some((k) => mine.has(k));
    };
    s.window = windowText(units, s.unit.index, others);
    s.reasons = memoBy(reasonCache, s.window, detectReasons);
  }
  return statements;
}

function personFacts(units: Unit[], statements: Statement[], table: FamilyTable): Map<string, PersonFacts> {
  const out = new Map<string, PersonFacts>();
  const get = (key: string, span: Span): PersonFacts => {
    let f = out.get(key);
    if (!f) {
      f = { key, kind: kindOf(table, key), mentions: 0, firstMention: { start: span.start, end: span.end }, statuses: [], reasons: [], statements: [] };
      out.set(key, f);
    }
    return f;
  };
  for (const u of units) {
    for (const p of u.people) for (const k of p.keys) get(k, p).mentions++;
  }
  for (const s of statements) {
    for (const [k, sts] of s.byPerson) {
      const f = get(k, s.unit.span);
      for (const st of sts) if (!f.statuses.includes(st)) f.statuses.push(st);
      if ([...sts].some((x) => NEGATIVE.has(x))) for (const r of s.reasons) if (!f.reasons.includes(r)) f.reasons.push(r);
      f.statements.push(s.unit.span);
    }
  }
  return out;
}

const EXCLUDING_REASONS: ReadonlySet<ReasonKind> = new Set(['legal', 'inquest', 'suspect', 'child-age', 'trauma', 'stability', 'safety']);

/** Sorts a draft into seed 000's four groups from its statements. Foster carers are a route to the child's voice, not family (seed 000 line 91). */
function groupOf(statements: Statement[], table: FamilyTable): InvolvementGroup {
  if (statements.length === 0) return 'never-mentioned';
  const family = (k: string): boolean => kindOf(table, k).role !== 'foster-carer';
  const all = statements.flatMap((s) => [...s.byPerson].filter(([k]) => family(k)).flatMap(([, x]) => [...x]));
  if (all.includes('took-part')) return 'involved';
  const invitedLike = statements.some((s) => {
    const st = [...s.byPerson.values()].flatMap((x) => [...x]);
    if (st.some((x) => x === 'invited' || x === 'declined' || x === 'no-response' || x === 'not-reached')) return true;
    // An unexplained "it has not been possible to meet" is reported as invited but not involved (seed 000 line 136).
    if (st.includes('not-involved') && !st.includes('not-approached') && !st.includes('deferred') && !s.decision && ![...s.reasons].some((r) => EXCLUDING_REASONS.has(r))) return true;
    return false;
  });
  return invitedLike ? 'invited-not-involved' : 'excluded';
}

/** Text of every unit that is about the review's process (involvement and method sections, statements), as parts joined by spaces. */
function processPartsOf(units: Unit[], statements: Statement[]): string[] {
  const parts: string[] = [];
  const seen = new Set<Unit>();
  for (const u of units) {
    if (!u.section || !(u.section.involvement || u.section.method) || u.quoted) continue;
    parts.push(u.text);
    seen.add(u);
  }
  for (const s of statements) if (!seen.has(s.unit)) parts.push(s.unit.text);
  return parts;
}

/** Analyses a parsed document (once per document object). */
export function analyseInvolvement(doc: ParsedDocument): InvolvementAnalysis {
  return perDocumentValue(doc, analyseInvolvement, () => analyse(doc));
}

const VOICE_TITLE = /\bvoice of the child\b|\bchild'?s voice\b|lived experience/i;

function analyse(doc: ParsedDocument): InvolvementAnalysis {
  const table = buildFamilyTable(doc);
  const sections = sectionInfos(doc);
  const secOf = sectionOfBlocks(doc, sections);
  const { units, childHeads } = buildUnits(doc, table, secOf);
  const statements = buildStatements(units, table);
  const persons = personFacts(units, statements, table);
  const unitsBySection = new Map<number, Unit[]>();
  let list: Unit[] | undefined;
  let listOf: SectionInfo | undefined;
  for (const u of units) {
    if (!u.section) continue;
    if (u.section !== listOf) {
      listOf = u.section;
      list = unitsBySection.get(u.section.index);
      if (!list) unitsBySection.set(u.section.index, (list = []));
    }
    list!.push(u);
  }
  const familyHeading = sections.find((s) => s.involvement && (unitsBySection.get(s.index) ?? []).some((u) => u.people.length > 0) && !memoTest(VOICE_TITLE, s.section.title));
  return {
    table,
    sections,
    units,
    statements,
    persons,
    group: groupOf(statements, table),
    involvementSection: familyHeading ?? sections.find((s) => s.involvement),
    familySection: familyHeading,
    methodSection: sections.find((s) => s.method),
    unitsBySection,
    childHeads,
  };
}

interface FollowUpIndex {
  /** Index of the last unit with follow-up wording, or -1. */
  lastUnit: number;
  /** Start of the last update or addendum heading, or -1. */
  lastHeading: number;
  /** Index of the last past-tense statement made after a trial or inquest, or -1. */
  lastStatement: number;
}
const followCache = new WeakMap<InvolvementAnalysis, FollowUpIndex>();


function followUpIndex(a: InvolvementAnalysis): FollowUpIndex {
  let f = followCache.get(a);
  if (f) return f;
  f = { lastUnit: -1, lastHeading: -1, lastStatement: -1 };
  for (const u of a.units) if (!u.quoted && unitHas(u, FOLLOWS_UP)) f.lastUnit = u.index;
  for (const x of a.sections) if (memoTest(UPDATE_HEADING, x.section.title)) f.lastHeading = Math.max(f.lastHeading, x.section.heading.start);
  for (const t of a.statements) {
    if (t.statuses.has('deferred') || ![...t.statuses].some((x) => x === 'took-part' || x === 'declined' || x === 'no-response')) continue;
    if (memoTest(DEFERRAL_CONDITION, t.unit.text)) f.lastStatement = t.unit.index;
  }
  followCache.set(a, f);
  return f;
}

/** Is the deferral in statement `s` followed up later in the draft? */
export function followedUp(a: InvolvementAnalysis, s: Statement): boolean {
  const f = followUpIndex(a);
  // A later statement, past tense, after the condition: "Once the trial had ended, both parents met the reviewer."
  return f.lastUnit > s.unit.index || f.lastHeading > s.unit.span.start || f.lastStatement > s.unit.index;
}

/** Answers for section and process texts, kept across analyses while their units are unchanged. */
const joinedMemos = new Map<string, JoinedMemo>();
const sectionAnswers = new WeakMap<InvolvementAnalysis, Map<number, JoinedMemo>>();

/**
 * Whether `re` matches anywhere in a unit's section (its units' texts joined by spaces). `re` is a
 * word-bounded lexicon pattern (see `joinedHas`).
 */
export function sectionHas(a: InvolvementAnalysis, u: Unit, re: RegExp): boolean {
  if (!u.section) return re.test(u.text);
  let m = sectionAnswers.get(a);
  if (!m) sectionAnswers.set(a, (m = new Map()));
  let known = m.get(u.section.index);
  if (!known) m.set(u.section.index, (known = { parts: (a.unitsBySection.get(u.section.index) ?? []).map((x) => x.text), tests: new Map() }));
  let v = known.tests.get(re);
  if (v === undefined) {
    v = joinedHas(joinedMemos, `section\u0000${u.section.index}\u0000${u.section.section.title}`, known.parts, re);
    known.tests.set(re, v);
  }
  return v;
}

const processAnswers = new WeakMap<InvolvementAnalysis, JoinedMemo>();

/**
 * Whether `re` matches anywhere in the review's account of its own process (involvement and method
 * sections, and statements elsewhere). `re` is a word-bounded lexicon pattern (see `joinedHas`).
 */
export function processHas(a: InvolvementAnalysis, re: RegExp): boolean {
  let known = processAnswers.get(a);
  if (!known) processAnswers.set(a, (known = { parts: processPartsOf(a.units, a.statements), tests: new Map() }));
  let v = known.tests.get(re);
  if (v === undefined) {
    v = joinedHas(joinedMemos, 'process', known.parts, re);
    known.tests.set(re, v);
  }
  return v;
}

/** The seed 000 group of a draft (never mentioned, excluded, invited but not involved, involved). */
export function involvementGroupOf(doc: ParsedDocument): InvolvementGroup {
  return analyseInvolvement(doc).group;
}
