/**
 * What a draft says about the child's identity: which of ethnicity, religion or faith, first
 * language and disability it states (and where, and about whom), which it gives as not known or
 * withholds, and whether identity comes back in the analysis. Pure and cached per parsed document.
 *
 * What each block says is a per-block fact (see `facts.ts`), so after a keystroke only the edited
 * block is read again and the document's facts are a fold over the blocks' cached facts.
 *
 * Other features rely on this: the quality report lists the facts, and the anonymisation feature
 * must never ask an author to delete a span in `protectedSpans`, because these rules ask for it.
 */
import type { Block, BlockRole, ParsedDocument } from '../../document/model';
import { detach } from '../../document/parse';
import { defineFact, factsOf, perDocumentValue } from '../../facts';
import type { Span } from '../../types';
import type { Characteristic } from './lexicon';
import {
  ANONYMITY_REASON,
  anonymityReasonBesides,
  CHARACTERISTICS,
  EFFORT,
  EVASION,
  HARM_TEST,
  HYPOTHETICAL,
  IDENTITY_ANALYSIS,
  MAJORITY_PEOPLES,
  NAMED,
  NEGATED_OMISSION,
  NOT_KNOWN,
  OMISSION,
  OMITTED_IDENTITY,
  PREFILTER,
  UNKNOWN_PREFILTER,
  VALUES,
} from './lexicon';
import type { IdentitySubject } from './subject';
import { perChildNames } from './by-names';
import { subjectOf } from './subject';

export type { Characteristic } from './lexicon';
export type { IdentitySubject } from './subject';

/** What one statement does with a characteristic. */
export type StatementKind = 'stated' | 'not-known' | 'not-known-explained' | 'withheld' | 'evasive';

/** One place the draft speaks to a characteristic. */
export interface IdentityStatement {
  characteristic: Characteristic;
  kind: StatementKind;
  /** The words that state it. */
  span: Span;
  /** The sentence, table cell or front-matter line holding it: what an anonymiser must keep. */
  sentence: Span;
  source: 'prose' | 'table' | 'front-matter';
  subject: IdentitySubject;
  role: BlockRole;
  /** For ethnicity: the heritage stated is a Black, Asian, mixed, Gypsy, Roma, Traveller or other minoritised one. */
  minoritised?: boolean;
}

/** The overall standing of one characteristic in the draft. */
export type CharacteristicStatus = 'stated' | 'parent-only' | 'withheld' | 'not-known-explained' | 'not-known' | 'evasive' | 'absent';

/**
 * One characteristic's standing and the statements behind it. `statements` and `withheld` are
 * placed in the document when first read: most edits need only the status.
 */
export interface CharacteristicFacts {
  status: CharacteristicStatus;
  statements: IdentityStatement[];
  /** The statements whose kind is 'withheld', in the order of `statements`: cheaper to read than filtering them. */
  withheld: IdentityStatement[];
}

/** Where the child is introduced: where absence findings go and where a sentence can be inserted. */
export interface Introduction {
  span: Span;
  /** Offset at which to insert a sentence, and the text to put before it. */
  insertAt: number;
  insertPrefix: string;
}

/** Everything the identity-context rules know about a draft. */
export interface IdentityFacts {
  characteristics: Record<Characteristic, CharacteristicFacts>;
  /** Characteristics whose status is 'stated'. */
  stated: Characteristic[];
  /** True when an analysis or findings section discusses identity (any characteristic, culture, racism, bias). */
  usedInAnalysis: boolean;
  analysisMentions: Span[];
  hasAnalysisSection: boolean;
  /** The child or family is described as Black, Asian, mixed heritage, Gypsy, Roma, Traveller or otherwise minoritised. */
  minoritised: boolean;
  minoritisedSpans: Span[];
  /** How the rules refer to the child: the pseudonym, or "the child". */
  childName: string;
  /** Names the draft uses for children (pseudonyms, Child X). */
  childNames: string[];
  introduction: Introduction | undefined;
  /** Sentences, cells and lines that state identity; never ask for them to be removed. */
  protectedSpans: Span[];
}

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);
/** Roles whose words are not statements about this family. */
const NOT_STATEMENTS: ReadonlySet<BlockRole> = new Set(['glossary', 'references', 'contents', 'recommendations']);
const ANALYSIS_ROLES: ReadonlySet<BlockRole> = new Set(['analysis', 'findings']);
const COUNTING: ReadonlySet<IdentitySubject> = new Set(['child', 'family', 'unknown']);

const HEADER_CHARACTERISTIC: ReadonlyArray<[Characteristic, RegExp]> = [
  ['ethnicity', /\b(?:ethnic\w*|heritage|race|nationality|origin|cultural background)\b/i],
  ['religion', /\b(?:religio\w*|faith|belief)\b/i],
  ['language', /\blanguages?\b|\bcommunication\b/i],
  ['disability', /\b(?:disabilit\w*|disabled|SEND?|special educational|additional needs|needs)\b/i],
];
const CELL_UNKNOWN = /^\s*(?:not\s+known|unknown|n\/?k|not\s+recorded|not\s+stated|unclear|-+|—|–|\?+|tbc|to be confirmed)\s*\.?\s*$/i;
const CHILD_MENTION_WORDS = /\b(?:the\s+(?:child|baby|infant|young\s+person|boy|girl|children|siblings))\b|\b(?:Child|Baby|Young\s+Person|Sibling)\s+[A-Z0-9]{1,3}\b/u;
const NAME_INTRO = /\b(?:referred\s+to\s+(?:in\s+this\s+(?:review|report)\s+)?as|known\s+(?:in\s+this\s+(?:review|report)\s+)?as|called)\s+['"“‘]?([\p{Lu}][\p{L}'’-]+(?:\s+[A-Z]{1,2}\b)?)|\b([\p{Lu}][\p{L}'’-]+)\s+\((?:not\s+(?:his|her|their)\s+real\s+name|a\s+pseudonym|pseudonym)\)/u;
const CHILD_CODE = /\b(?:Child|Baby|Young\s+Person)\s+[A-Z]{1,3}\b/u;
const MINORITISED_EXTRA = /\b(?:asylum[\s-]+seek\w*|refugees?|unaccompanied|migrants?|no\s+recourse\s+to\s+public\s+funds)\b/i;
const MINORITISED_WORD = /\b(?:black|asian|mixed|dual|bi-?racial|gypsy|gypsies|roma|romany|romani|romanichal|sinti|travell?ers?|arab|other|eastern|asylum|refugee)\b/i;
const MAJORITY_WORDS = /\b(?:white|british|english|scottish|welsh|irish|cornish|uk|european|of|heritage|origin|origins|descent|background|ethnicity|extraction|parentage|nationality|ancestry|is|are|was|were|an?|the|and|family|families|household|boy|girl|child|children|mother|father|parents?|man|woman|national|citizens?|community|born|in|from|grew|up|raised|lived|arrived|came|moved|to|england|britain|united|kingdom|identif\w*|describes?|described|as|himself|herself|themselves|sees?)\b/gi;

const REASON = /\b(?:because|due\s+to|in\s+order\s+to|so\s+as\s+to|to\s+(?:protect|avoid|prevent|respect)|at\s+(?:the\s+)?(?:his|her|their|family['’]s)?\s*request|as\s+(?:she|he|they|the\s+family)\s+(?:asked|wished|preferred))\b/i;

const ANONYMITY_REASON_OR_REASON = new RegExp(`${ANONYMITY_REASON.source}|${HARM_TEST.source}|${REASON.source}`, 'i');

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names the front matter gives for children, kept while the front matter is unchanged (the parser then keeps its object). */
const frontMatterNames = new WeakMap<ParsedDocument['frontMatter'], readonly string[]>();

function namesInFrontMatter(doc: ParsedDocument): readonly string[] {
  const known = frontMatterNames.get(doc.frontMatter);
  if (known) return known;
  const names: string[] = [];
  const raw = doc.frontMatter.raw;
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v.trim() && v.length < 40) names.push(v.trim());
    else if (Array.isArray(v)) v.forEach(add);
  };
  for (const key of ['child', 'children']) {
    const v = raw[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      add(o['pseudonym'] ?? o['name'] ?? o['pseudonyms']);
    } else if (Array.isArray(v)) v.forEach((x) => (x && typeof x === 'object' ? add((x as Record<string, unknown>)['pseudonym'] ?? (x as Record<string, unknown>)['name']) : add(x)));
    else add(v);
  }
  const ps = raw['pseudonyms'] ?? raw['pseudonym'];
  if (typeof ps === 'string' || Array.isArray(ps)) add(ps);
  else if (ps && typeof ps === 'object') {
    for (const [k, v] of Object.entries(ps as Record<string, unknown>)) {
      if (/^(?:child|children|sibling|baby|young|subject|brother|sister|son|daughter)/i.test(k)) add(v);
      else if (typeof v === 'string' && /\b(?:child|sibling|baby|son|daughter|boy|girl|young person)\b/i.test(v)) names.push(k);
    }
  }
  frontMatterNames.set(doc.frontMatter, names);
  return names;
}

/** Names the draft uses for children: front matter first, then "Child X" codes and "known as" names. */
function findChildNames(doc: ParsedDocument, facts: readonly BlockIdentity[]): string[] {
  const names = [...namesInFrontMatter(doc)];
  if (names.length === 0) {
    for (const f of facts) {
      if (f.childName === undefined) continue;
      names.push(f.childName);
      break;
    }
  }
  return [...new Set(names)];
}

/** The name or code a block introduces a child by: a "known as" name before a "Child X" code. */
function introducedName(prose: string): string | undefined {
  const intro = NAME_INTRO.exec(prose);
  if (intro) return detach((intro[1] ?? intro[2])!);
  const code = CHILD_CODE.exec(prose);
  return code ? detach(code[0].replace(/\s+/g, ' ')) : undefined;
}

function isMinoritisedValue(text: string): boolean {
  if (MINORITISED_WORD.test(text)) return !/^\s*(?:white|White)\s+(?:British|UK|English|Scottish|Welsh|Irish)\b/.test(text) || /\b(?:black|asian|mixed|arab)\b/i.test(text);
  const rest = text.replace(MAJORITY_WORDS, ' ').replace(/[^\p{L}]+/gu, ' ').trim();
  if (rest === '') return false;
  return !MAJORITY_PEOPLES.test(rest);
}

const QUICK_OMISSION = /withh|omit|left\s+out|leav|remov|redact|not|never|without/i;

function sentenceScan(block: Block, childNames: readonly string[], out: IdentityStatement[]): void {
  const prose = block.prose;
  const active = CHARACTERISTICS.filter((c) => PREFILTER[c].test(prose));
  const maybeUnknown = UNKNOWN_PREFILTER.test(prose);
  const named = maybeUnknown ? CHARACTERISTICS.filter((c) => NAMED[c].test(prose)) : [];
  const maybeOmission = QUICK_OMISSION.test(prose) && ANONYMITY_REASON_OR_REASON.test(prose);
  const maybeEvasion = /\b(?:reflect\w*|representative|typical|characteristic|majority|in\s+line|consistent|similar|mirror\w*)\b/iu.test(prose);
  const maybeExtra = MINORITISED_EXTRA.test(prose);
  if (active.length === 0 && !maybeUnknown && !maybeOmission && !maybeEvasion && !maybeExtra) return;
  const sentences = block.sentences.length > 0 ? block.sentences : [{ start: block.start, end: block.end, text: block.prose.slice(0) }];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const text = s.text;
    if (text.trim().length < 3) continue;
    const next = sentences[i + 1]?.text ?? '';
    const sentenceSpan = { start: s.start, end: s.end };
    const source = block.kind === 'table-cell' ? 'table' : 'prose';
    const push = (characteristic: Characteristic, kind: StatementKind, at: number, len: number, subject: IdentitySubject, extra: Partial<IdentityStatement> = {}): void => {
      out.push({ characteristic, kind, span: { start: s.start + at, end: s.start + at + len }, sentence: sentenceSpan, source, subject, role: block.role, ...extra });
    };
    // Withheld: an omission, a reason of anonymity, and identity words.
    const withheld = new Set<Characteristic>();
    OMISSION.lastIndex = 0;
    const omission = maybeOmission ? OMISSION.exec(text) : null;
    if (omission && !NEGATED_OMISSION.test(text) && (anonymityReasonBesides(text, { index: omission.index, length: omission[0].length }) || HARM_TEST.test(text) || REASON.test(text))) {
      for (const [c, re] of OMITTED_IDENTITY) {
        const m = re.exec(text);
        if (!m) continue;
        for (const ch of c === 'all' ? CHARACTERISTICS : [c]) {
          if (withheld.has(ch)) continue;
          withheld.add(ch);
          push(ch, 'withheld', m.index, m[0].length, 'unknown');
        }
      }
    }
    for (const c of CHARACTERISTICS) {
      if (withheld.has(c)) continue;
      let unknownSpan: Span | undefined;
      const nk = named.includes(c) ? NOT_KNOWN[c].exec(text) : null;
      if (nk) {
        unknownSpan = { start: nk.index, end: nk.index + nk[0].length };
        const explained = EFFORT.test(text) || EFFORT.test(next);
        const subject = subjectOf(text, nk.index, nk.index + nk[0].length, childNames);
        if (subject !== 'other' && subject !== 'generic') push(c, explained ? 'not-known-explained' : 'not-known', nk.index, nk[0].length, subject);
      }
      if (c === 'ethnicity' && maybeEvasion) {
        EVASION.lastIndex = 0;
        const ev = EVASION.exec(text);
        if (ev) push(c, 'evasive', ev.index, ev[0].length, 'family');
      }
      if (!active.includes(c)) continue;
      for (const re of VALUES[c]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const span = { start: m.index, end: m.index + m[0].length };
          if (unknownSpan && overlaps(span, unknownSpan)) continue;
          const prefix = text.slice(Math.max(0, text.lastIndexOf(';', m.index) + 1), m.index);
          if (HYPOTHETICAL.test(prefix)) continue;
          const subject = subjectOf(text, span.start, span.end, childNames);
          if (subject === 'other' || subject === 'generic') continue;
          const extra: Partial<IdentityStatement> = {};
          if (c === 'ethnicity') {
            const label = /[:–—=]\s*$|\bas\s*$/u.test(m[0]);
            const valueText = label ? text.slice(span.end, span.end + 60).split(/[.;,(]/)[0]! : m[0];
            if (label && CELL_UNKNOWN.test(valueText)) continue;
            extra.minoritised = isMinoritisedValue(valueText);
          }
          push(c, 'stated', span.start, span.end - span.start, subject, extra);
        }
      }
    }
    if (maybeExtra && MINORITISED_EXTRA.test(text)) {
      const m = MINORITISED_EXTRA.exec(text)!;
      const subject = subjectOf(text, m.index, m.index + m[0].length, childNames);
      if (COUNTING.has(subject) || subject === 'parent') out.push({ characteristic: 'ethnicity', kind: 'stated', span: { start: s.start + m.index, end: s.start + m.index + m[0].length }, sentence: sentenceSpan, source, subject, role: block.role, minoritised: true });
    }
  }
}

/** A statement as a block fact keeps it: offsets relative to the block, and no role (the block has it). */
type LocalStatement = Omit<IdentityStatement, 'role'>;

const NO_STATEMENTS: readonly LocalStatement[] = [];

/**
 * What kind of block it is, as the fold over blocks asks. Kept in the fact so the fold reads one
 * small object per block and touches the block itself only where something is found.
 */
const TABLE_CELL = 1;
/** A table cell in a glossary, reference list, contents or recommendations: neither ends nor joins a table. */
const SKIPPED_CELL = 2;
const ANALYSIS = 4;
/** A paragraph or list item where the child can be introduced. */
const INTRODUCES = 8;
const BACKGROUND = 16;

/** What one block says that the children's names cannot change, with offsets relative to the block. */
interface BlockIdentity {
  lane: number;
  /** The name or code it introduces a child by. */
  childName: string | undefined;
  /** The first words of an analysis or findings block that discuss identity. */
  analysisMention: Span | undefined;
  /** The first words naming a child without a pseudonym ("the child", "Child R"). */
  childMention: Span | undefined;
  /** A table cell under a heading, or labelling a row, that names a characteristic. */
  tableMatters: boolean;
}

const NOTHING: BlockIdentity = { lane: 0, childName: undefined, analysisMention: undefined, childMention: undefined, tableMatters: false };

function characteristicOf(label: string): Characteristic | undefined {
  const t = label.trim();
  if (t.length === 0 || t.length > 60) return undefined;
  for (const [c, re] of HEADER_CHARACTERISTIC) if (re.test(t)) return c;
  return undefined;
}

/** Paragraphs where the child can be introduced. */
function introduces(b: Block): boolean {
  return (b.kind === 'paragraph' || b.kind === 'list-item') && !NOT_STATEMENTS.has(b.role) && b.role !== 'quoted-record';
}

/** Blocks whose sentences can state identity; headings too ("Child C: a Black British boy"). */
function states(b: Block): boolean {
  return (PROSE_KINDS.has(b.kind) || b.kind === 'heading') && !NOT_STATEMENTS.has(b.role);
}

function spanOf(m: RegExpExecArray | null): Span | undefined {
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

const BLOCK_IDENTITY = defineFact<BlockIdentity>('identity/block', (b) => {
  if (!PROSE_KINDS.has(b.kind)) return NOTHING;
  const analysis = ANALYSIS_ROLES.has(b.role);
  const analysisMention = analysis ? spanOf(IDENTITY_ANALYSIS.exec(b.prose)) : undefined;
  if (NOT_STATEMENTS.has(b.role)) return b.kind === 'table-cell' ? { ...NOTHING, lane: SKIPPED_CELL } : NOTHING;
  const cell = b.cell;
  const lane = (b.kind === 'table-cell' ? TABLE_CELL : 0) | (analysis ? ANALYSIS : 0) | (introduces(b) ? INTRODUCES : 0) | (b.role === 'background' ? BACKGROUND : 0);
  const facts: BlockIdentity = {
    lane,
    childName: introducedName(b.prose),
    analysisMention,
    childMention: introduces(b) ? spanOf(CHILD_MENTION_WORDS.exec(b.prose)) : undefined,
    tableMatters: b.kind === 'table-cell' && !!cell && !cell.isHeader && (characteristicOf(cell.header) !== undefined || (cell.column === 0 && characteristicOf(b.prose) !== undefined)),
  };
  return lane === 0 && facts.childName === undefined && !facts.childMention ? NOTHING : facts;
});

/** A block's statements, read with the children's names (which decide who a statement is about). */
const STATEMENTS = perChildNames<readonly LocalStatement[]>('identity/statements', (childNames) => (b) => {
  if (!states(b)) return NO_STATEMENTS;
  const found: IdentityStatement[] = [];
  sentenceScan(b, childNames, found);
  return found.length === 0 ? NO_STATEMENTS : found.map(({ role: _role, ...rest }) => rest);
});

/**
 * The first mention of a child by name in a paragraph where the child can be introduced: the
 * earliest, and of names found at the same place the first listed, as one pattern finds it.
 */
const NAME_MENTION = perChildNames<Span | undefined>('identity/name-mention', (childNames) => {
  const anyName = new RegExp(`(?<![\\p{L}])(?:${childNames.map(escape).join('|')})(?![\\p{L}])`, 'u');
  return (b) => (introduces(b) ? spanOf(anyName.exec(b.prose)) : undefined);
});

/**
 * A block's statements placed in the document. A block object that is unchanged and unmoved keeps
 * them, so an edit only places the statements of the blocks after it.
 */
const placed = new WeakMap<Block, { local: readonly LocalStatement[]; statements: readonly IdentityStatement[] }>();

function placedStatements(b: Block, local: readonly LocalStatement[]): readonly IdentityStatement[] {
  const known = placed.get(b);
  if (known && known.local === local) return known.statements;
  const d = b.start;
  const role = b.role;
  // Written out rather than spread, in the order a scan writes them, so every statement has one of two shapes.
  const statements = local.map(({ characteristic, kind, span, sentence, source, subject, minoritised }): IdentityStatement => {
    const at = { start: span.start + d, end: span.end + d };
    const within = { start: sentence.start + d, end: sentence.end + d };
    return minoritised === undefined ? { characteristic, kind, span: at, sentence: within, source, subject, role } : { characteristic, kind, span: at, sentence: within, source, subject, minoritised, role };
  });
  placed.set(b, { local, statements });
  return statements;
}

/** Front matter statements, kept while the front matter is unchanged (the parser then keeps its object). */
const frontMatterStatements = new WeakMap<ParsedDocument['frontMatter'], readonly IdentityStatement[]>();

function frontMatterOf(doc: ParsedDocument): readonly IdentityStatement[] {
  const known = frontMatterStatements.get(doc.frontMatter);
  if (known) return known;
  const out: IdentityStatement[] = [];
  frontMatterScan(doc, out);
  frontMatterStatements.set(doc.frontMatter, out);
  return out;
}

function rowSubject(label: string, childNames: readonly string[]): IdentitySubject {
  const s = subjectOf(label, label.length, label.length, childNames);
  if (s === 'child' || s === 'parent' || s === 'family') return s;
  if (childNames.some((n) => label.includes(n))) return 'child';
  return 'family';
}

/** A table statement, relative to the cell (`cell`, its index in the table) that holds it. */
interface TableStatement {
  cell: number;
  statement: IdentityStatement;
}

/** Reads tables: a column headed Ethnicity, Religion, Language or Disability, or a row labelled so. */
function tableScan(cells: readonly Block[], childNames: readonly string[]): TableStatement[] {
  const out: TableStatement[] = [];
  const index = new Map(cells.map((c, i) => [c, i]));
  const byRow = new Map<number, Block[]>();
  const headers = new Map<number, Block>();
  for (const c of cells) {
    if (c.cell!.isHeader) headers.set(c.cell!.column, c);
    else {
      const row = byRow.get(c.cell!.row) ?? [];
      row.push(c);
      byRow.set(c.cell!.row, row);
    }
  }
  for (const [, row] of byRow) {
    row.sort((a, b) => a.cell!.column - b.cell!.column);
    const first = row.find((c) => c.cell!.column === 0);
    const rowLabel = first?.prose.trim() ?? '';
    const labelled = characteristicOf(rowLabel);
    for (const cell of row) {
      const value = cell.prose.trim();
      if (!value) continue;
      let c: Characteristic | undefined;
      let subject: IdentitySubject;
      if (labelled && cell !== first) {
        // A key-value table: "| Ethnicity | White British |", columns named by person.
        c = labelled;
        subject = rowSubject(cell.cell!.header, childNames);
      } else {
        c = characteristicOf(cell.cell!.header);
        subject = rowSubject(rowLabel, childNames);
      }
      if (!c) continue;
      if (c === 'disability' && /^\s*needs?\s*$/i.test(cell.cell!.header) && !/disab|SEN|special|autis|learning/i.test(value)) continue;
      const span = { start: cell.prose.length - cell.prose.trimStart().length, end: cell.prose.trimEnd().length };
      const kind: StatementKind = CELL_UNKNOWN.test(value) ? 'not-known' : 'stated';
      const statement: IdentityStatement = { characteristic: c, kind, span, sentence: { start: 0, end: cell.end - cell.start }, source: 'table', subject, role: cell.role };
      if (c === 'ethnicity' && kind === 'stated') statement.minoritised = isMinoritisedValue(value);
      out.push({ cell: index.get(cell)!, statement });
    }
  }
  return out;
}

/**
 * A table's statements, kept while its cells are the same: the same cells hold the same facts
 * objects (a fact is cached by the cell's text and place in the table), so an edit elsewhere reads
 * no table again. Keyed by the first cell's facts.
 */
interface TableFacts {
  facts: readonly BlockIdentity[];
  names: readonly string[];
  statements: readonly TableStatement[];
  summary: Summary;
}
const tables = new WeakMap<BlockIdentity, TableFacts>();

function tableStatements(cells: readonly Block[], facts: readonly BlockIdentity[], childNames: readonly string[]): TableFacts {
  const known = tables.get(facts[0]!);
  if (known && known.names === childNames && known.facts.length === facts.length && known.facts.every((f, i) => f === facts[i])) return known;
  const statements = tableScan(cells, childNames);
  const table: TableFacts = { facts, names: childNames, statements, summary: summarise(statements.map((t) => t.statement)) };
  tables.set(facts[0]!, table);
  return table;
}

/** A table's statements placed in the document. */
function placeTable(cells: readonly Block[], found: readonly TableStatement[]): IdentityStatement[] {
  return found.map(({ cell, statement: s }) => {
    const d = cells[cell]!.start;
    const placed: IdentityStatement = { characteristic: s.characteristic, kind: s.kind, span: { start: s.span.start + d, end: s.span.end + d }, sentence: { start: s.sentence.start + d, end: s.sentence.end + d }, source: s.source, subject: s.subject, role: s.role };
    if (s.minoritised !== undefined) placed.minoritised = s.minoritised;
    return placed;
  });
}

/** Reads front matter fields such as `ethnicity:`, `religion:`, `first-language:` or `disability:`. */
function frontMatterScan(doc: ParsedDocument, out: IdentityStatement[]): void {
  const fm = doc.frontMatter;
  if (!fm.span || !fm.raw) return;
  const fmText = doc.text.slice(fm.span.start, fm.span.end);
  const visit = (value: unknown, path: string[], depth: number): void => {
    if (depth > 4 || value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v, path, depth + 1));
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, [...path, k], depth + 1);
      return;
    }
    const key = path[path.length - 1] ?? '';
    let c: Characteristic | undefined;
    for (const [ch, re] of HEADER_CHARACTERISTIC) if (ch !== 'disability' ? re.test(key.replace(/[-_]/g, ' ')) : /disab|^sen$|^send$|special.?educational|additional.?needs/i.test(key)) {
      c = ch;
      break;
    }
    if (!c) return;
    const text = String(value).trim();
    if (!text) return;
    // `language: en-GB` is the document's language, not anyone's first language.
    if (c === 'language' && /^(?:lang|language|locale)$/i.test(key) && /^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/.test(text)) return;
    const owner = path.slice(0, -1).join(' ');
    const subject: IdentitySubject = /\b(?:mother|father|mum|dad|parent|carer|partner|adult|step)/i.test(owner) && !/\bparents\b/i.test(owner) ? 'parent' : /\bfamily|parents\b/i.test(owner) ? 'family' : 'child';
    const keyAt = new RegExp(`^[ \\t-]*['"]?${escape(key)}['"]?\\s*:`, 'mi').exec(fmText);
    const lineStart = keyAt ? fm.span!.start + keyAt.index : fm.span!.start;
    const lineEnd = keyAt ? fm.span!.start + (fmText.indexOf('\n', keyAt.index) < 0 ? fmText.length : fmText.indexOf('\n', keyAt.index)) : fm.span!.end;
    const span = { start: lineStart, end: Math.max(lineStart, lineEnd) };
    const kind: StatementKind = CELL_UNKNOWN.test(text) ? (EFFORT.test(text) ? 'not-known-explained' : 'not-known') : 'stated';
    const statement: IdentityStatement = { characteristic: c, kind, span, sentence: span, source: 'front-matter', subject, role: 'body' };
    if (c === 'ethnicity' && kind === 'stated') statement.minoritised = isMinoritisedValue(text);
    out.push(statement);
  };
  visit(fm.raw, [], 0);
}

/**
 * What a list of statements says for the statuses, as bits: per characteristic (six bits each, in
 * the order of `CHARACTERISTICS`) which of the kinds `statusOf` asks about it holds.
 */
const STATED_COUNTING = 1;
const STATED_PARENT = 2;
const WITHHELD = 4;
const NOT_KNOWN_EXPLAINED = 8;
const NOT_KNOWN_BIT = 16;
const EVASIVE = 32;
const BITS_PER = 6;
const CHARACTERISTIC_INDEX: Record<Characteristic, number> = { ethnicity: 0, religion: 1, language: 2, disability: 3 };
const ANY_WITHHELD = WITHHELD | (WITHHELD << BITS_PER) | (WITHHELD << (2 * BITS_PER)) | (WITHHELD << (3 * BITS_PER));

/** What the document-level fold needs from a list of statements, without placing them. */
interface Summary {
  bits: number;
  /** A stated statement about the child, family or someone unknown gives a minoritised heritage. */
  minoritised: boolean;
  /** It has a stated statement (which counts as analysis in an analysis or findings block). */
  stated: boolean;
}

const counting = (c: Characteristic, s: Pick<IdentityStatement, 'subject'>): boolean => COUNTING.has(s.subject) || (s.subject === 'parent' && (c === 'religion' || c === 'language'));

function summarise(statements: readonly Omit<IdentityStatement, 'role'>[]): Summary {
  let bits = 0;
  let minoritised = false;
  let stated = false;
  for (const s of statements) {
    const c = s.characteristic;
    let bit = 0;
    if (s.kind === 'stated') {
      stated = true;
      if (counting(c, s)) bit |= STATED_COUNTING;
      if (s.subject === 'parent') bit |= STATED_PARENT;
      if (c === 'ethnicity' && s.minoritised && COUNTING.has(s.subject)) minoritised = true;
    } else if (s.kind === 'withheld') bit = WITHHELD;
    else if (s.kind === 'not-known-explained') bit = NOT_KNOWN_EXPLAINED;
    else if (s.kind === 'not-known') bit = NOT_KNOWN_BIT;
    else bit = EVASIVE;
    bits |= bit << (CHARACTERISTIC_INDEX[c] * BITS_PER);
  }
  return { bits, minoritised, stated };
}

/** Summaries by the statement list (a cached fact) they sum up. */
const summaries = new WeakMap<readonly object[], Summary>();

function summaryOf(statements: readonly Omit<IdentityStatement, 'role'>[]): Summary {
  let known = summaries.get(statements);
  if (!known) summaries.set(statements, (known = summarise(statements)));
  return known;
}

/** The status of a characteristic from its six bits, in the order `statusOf` once asked. */
function statusOf(bits: number): CharacteristicStatus {
  if (bits & STATED_COUNTING) return 'stated';
  if (bits & STATED_PARENT) return 'parent-only';
  if (bits & WITHHELD) return 'withheld';
  if (bits & NOT_KNOWN_EXPLAINED) return 'not-known-explained';
  if (bits & NOT_KNOWN_BIT) return 'not-known';
  if (bits & EVASIVE) return 'evasive';
  return 'absent';
}

function findIntroduction(doc: ParsedDocument, facts: readonly BlockIdentity[], names: readonly (Span | undefined)[] | undefined): Introduction | undefined {
  const blocks = doc.blocks;
  // The first mention of a child in a paragraph: by name, else by a word such as "the child".
  const mention = (i: number): Span | undefined => {
    const b = blocks[i]!;
    const at = names?.[i] ?? facts[i]!.childMention;
    return at ? { start: b.start + at.start, end: b.start + at.end } : undefined;
  };
  const firstSentence = (b: Block): Span => {
    const s = b.sentences[0];
    return s ? { start: s.start, end: s.end } : { start: b.start, end: b.end };
  };
  // The background paragraph that mentions the child, else the first one.
  let bg: number | undefined;
  let bgMention: Span | undefined;
  for (let i = 0; i < blocks.length; i++) {
    if ((facts[i]!.lane & (BACKGROUND | INTRODUCES)) !== (BACKGROUND | INTRODUCES)) continue;
    bg ??= i;
    bgMention = mention(i);
    if (bgMention) {
      bg = i;
      break;
    }
  }
  if (bg !== undefined) {
    const b = blocks[bg]!;
    const heading = doc.sections.find((s) => s.role === 'background' && s.start <= b.start && b.start < s.end);
    return { span: bgMention ?? (heading ? heading.heading : firstSentence(b)), insertAt: b.end, insertPrefix: ' ' };
  }
  let first: Block | undefined;
  for (let i = 0; i < blocks.length; i++) {
    if (!(facts[i]!.lane & INTRODUCES)) continue;
    first ??= blocks[i];
    const m = mention(i);
    if (m) return { span: m, insertAt: blocks[i]!.end, insertPrefix: ' ' };
  }
  if (first) return { span: firstSentence(first), insertAt: first.end, insertPrefix: ' ' };
  return undefined;
}

/** The identity facts of a parsed draft; computed once per document, from the blocks' cached facts. */
export function identityFacts(doc: ParsedDocument): IdentityFacts {
  return perDocumentValue(doc, identityFacts, () => foldFacts(doc));
}

/**
 * Where statements come from, in the order they were once gathered: a block's (by its index), or a
 * table's (by its cells' indices). Indices, not blocks, so a fold can serve the next version of the
 * draft, whose blocks after an edit are new objects.
 */
type Part = { block: number; summary: Summary } | { cells: readonly number[]; found: readonly TableStatement[]; summary: Summary };

/** What the fold over the blocks found, free of where the blocks are in the document. */
interface Fold {
  /** The facts it was folded from. */
  facts: readonly BlockIdentity[];
  local: readonly (readonly LocalStatement[])[];
  /** Whether each block is in an analysis or findings section (a statement there counts as analysis). */
  analysisRole: readonly boolean[];
  childNames: readonly string[];
  frontMatter: readonly IdentityStatement[];
  parts: Part[];
  bits: number;
  minoritised: boolean;
  statedInAnalysis: boolean;
  hasAnalysisSection: boolean;
  /** The first five analysis mentions, by block index, relative to the block. */
  blockMentions: Array<{ block: number; at: Span }>;
}

/** The children's names, as one array object while they are the same (the facts built on them are keyed by it). */
let lastNames: readonly string[] = [];

function sameNames(names: string[]): readonly string[] {
  if (names.length !== lastNames.length || names.some((n, i) => n !== lastNames[i])) lastNames = names;
  return lastNames;
}

/** The last fold, which the next version of the draft reuses when its facts fold the same way. */
let lastFold: Fold | undefined;

const sameSpan = (a: Span | undefined, b: Span | undefined): boolean => a === b || (!!a && !!b && a.start === b.start && a.end === b.end);

/**
 * Whether a block whose facts are new folds as the old ones did: the same kind of block, child
 * name, mentions and summary. Table cells are left to a new fold (a table reads its cells together).
 */
function foldsTheSame(a: BlockIdentity, b: BlockIdentity, x: readonly LocalStatement[], y: readonly LocalStatement[]): boolean {
  if (a !== b && (a.lane !== b.lane || a.childName !== b.childName || a.tableMatters !== b.tableMatters || !sameSpan(a.analysisMention, b.analysisMention) || !sameSpan(a.childMention, b.childMention))) return false;
  if (a.lane & (TABLE_CELL | SKIPPED_CELL)) return false;
  if (x === y) return true;
  if ((x.length === 0) !== (y.length === 0)) return false;
  if (x.length === 0) return true;
  const p = summaryOf(x);
  const q = summaryOf(y);
  return p.bits === q.bits && p.minoritised === q.minoritised && p.stated === q.stated;
}

/**
 * The previous fold, when this version's facts fold the same way: after most keystrokes only the
 * edited block's facts are new, and they state what they stated before.
 */
function reusableFold(blocks: readonly Block[], facts: readonly BlockIdentity[], local: readonly (readonly LocalStatement[])[], childNames: readonly string[], frontMatter: readonly IdentityStatement[]): Fold | undefined {
  const prev = lastFold;
  if (!prev || prev.childNames !== childNames || prev.frontMatter !== frontMatter || prev.facts.length !== facts.length) return undefined;
  const before = prev.facts;
  const was = prev.local;
  for (let i = 0; i < facts.length; i++) {
    if (facts[i] === before[i] && local[i] === was[i]) continue;
    if (!foldsTheSame(before[i]!, facts[i]!, was[i]!, local[i]!) || prev.analysisRole[i] !== ANALYSIS_ROLES.has(blocks[i]!.role)) return undefined;
  }
  return { ...prev, facts, local };
}

/** Folds the blocks' facts: which blocks and tables state something, and what it adds up to. */
function fold(blocks: readonly Block[], facts: readonly BlockIdentity[], local: readonly (readonly LocalStatement[])[], childNames: readonly string[], frontMatter: readonly IdentityStatement[]): Fold {
  const fmSummary = summaryOf(frontMatter);
  const parts: Part[] = [];
  let bits = fmSummary.bits;
  let minoritised = fmSummary.minoritised;
  // A stated statement in an analysis or findings block, which counts as analysis too.
  let statedInAnalysis = false;
  const blockMentions: Fold['blockMentions'] = [];
  let hasAnalysisSection = false;
  let table: Block[] = [];
  let tableIndices: number[] = [];
  let tableFacts: BlockIdentity[] = [];
  let tableMatters = false;
  const analysisRole: boolean[] = new Array(blocks.length);
  const flushTable = (): void => {
    // A table with no cell under an identity heading or beside an identity label states nothing.
    if (tableMatters) {
      const { statements: found, summary } = tableStatements(table, tableFacts, childNames);
      if (found.length > 0) {
        parts.push({ cells: tableIndices, found, summary });
        bits |= summary.bits;
        minoritised ||= summary.minoritised;
        if (!statedInAnalysis) statedInAnalysis = found.some((t) => t.statement.kind === 'stated' && ANALYSIS_ROLES.has(t.statement.role));
      }
    }
    table = [];
    tableIndices = [];
    tableFacts = [];
    tableMatters = false;
  };
  for (let i = 0; i < blocks.length; i++) {
    const f = facts[i]!;
    const lane = f.lane;
    analysisRole[i] = ANALYSIS_ROLES.has(blocks[i]!.role);
    if (table.length && !(lane & (TABLE_CELL | SKIPPED_CELL))) flushTable();
    if (lane & ANALYSIS) {
      hasAnalysisSection = true;
      if (blockMentions.length < 5 && f.analysisMention) blockMentions.push({ block: i, at: f.analysisMention });
    }
    if (lane & TABLE_CELL) {
      const b = blocks[i]!;
      const last = table[table.length - 1];
      // A new table starts when the header row comes round again or the section changes.
      if (last && ((b.cell!.isHeader && !last.cell!.isHeader) || (last.sectionPath !== b.sectionPath && last.sectionPath.join('\u0001') !== b.sectionPath.join('\u0001')))) flushTable();
      table.push(b);
      tableIndices.push(i);
      tableFacts.push(f);
      if (f.tableMatters) tableMatters = true;
    }
    // Headings and prose outside glossaries and the like: the only blocks with statements.
    const found = local[i]!;
    if (found.length > 0) {
      const summary = summaryOf(found);
      parts.push({ block: i, summary });
      bits |= summary.bits;
      minoritised ||= summary.minoritised;
      if (summary.stated && analysisRole[i]) statedInAnalysis = true;
    }
  }
  flushTable();
  return { facts, local, analysisRole, childNames, frontMatter, parts, bits, minoritised, statedInAnalysis, hasAnalysisSection, blockMentions };
}

/**
 * Folds the blocks' cached facts into the draft's identity facts. Statuses, flags and the
 * introduction are found from per-block summaries; the statements themselves are placed in the
 * document (given absolute spans) only when a rule reads them, so an edit does not move hundreds
 * of statements that nothing asks for.
 */
function foldFacts(doc: ParsedDocument): IdentityFacts {
  const blocks = doc.blocks;
  const facts = factsOf(doc, BLOCK_IDENTITY);
  const childNames = sameNames(findChildNames(doc, facts));
  const local = factsOf(doc, STATEMENTS(childNames).fact);
  const frontMatter = frontMatterOf(doc);
  const folded = reusableFold(blocks, facts, local, childNames, frontMatter) ?? fold(blocks, facts, local, childNames, frontMatter);
  lastFold = folded;
  const { parts, bits, hasAnalysisSection, minoritised, statedInAnalysis } = folded;
  const fmSummary = summaryOf(frontMatter);
  const place = (part: Part): readonly IdentityStatement[] => ('block' in part ? placedStatements(blocks[part.block]!, local[part.block]!) : placeTable(part.cells.map((i) => blocks[i]!), part.found));
  const blockMentions = folded.blockMentions.map(({ block, at }) => ({ start: blocks[block]!.start + at.start, end: blocks[block]!.start + at.end }));

  // Every statement placed, in the order they were gathered; made on first use.
  let all: IdentityStatement[] | undefined;
  const allStatements = (): IdentityStatement[] => {
    if (all) return all;
    all = [...frontMatter];
    for (const part of parts) for (const s of place(part)) all.push(s);
    return all;
  };
  const sorted = (list: IdentityStatement[]): IdentityStatement[] => list.sort((a, b) => a.span.start - b.span.start);
  const characteristics = {} as Record<Characteristic, CharacteristicFacts>;
  for (const c of CHARACTERISTICS) {
    const shift = CHARACTERISTIC_INDEX[c] * BITS_PER;
    let statements: IdentityStatement[] | undefined;
    let withheld: IdentityStatement[] | undefined;
    characteristics[c] = {
      status: statusOf((bits >>> shift) & 63),
      get statements(): IdentityStatement[] {
        return (statements ??= sorted(allStatements().filter((s) => s.characteristic === c)));
      },
      set statements(v: IdentityStatement[]) {
        statements = v;
      },
      get withheld(): IdentityStatement[] {
        if (withheld) return withheld;
        if (statements) return (withheld = statements.filter((s) => s.kind === 'withheld'));
        // Only the parts that withhold this characteristic are placed.
        const found: IdentityStatement[] = [];
        if ((bits >>> shift) & WITHHELD) {
          const take = (list: readonly IdentityStatement[]): void => {
            for (const s of list) if (s.characteristic === c && s.kind === 'withheld') found.push(s);
          };
          if ((fmSummary.bits >>> shift) & WITHHELD) take(frontMatter);
          for (const part of parts) if ((part.summary.bits >>> shift) & WITHHELD) take(place(part));
        }
        return (withheld = sorted(found));
      },
      set withheld(v: IdentityStatement[]) {
        withheld = v;
      },
    };
  }
  // Spans read from every statement: made together, on first use.
  let spans: { analysisMentions: Span[]; minoritisedSpans: Span[]; protectedSpans: Span[] } | undefined;
  const spansOf = (): NonNullable<typeof spans> => {
    if (spans) return spans;
    const analysisMentions = blockMentions;
    const minoritisedSpans: Span[] = [];
    const protectedSpans: Span[] = [];
    for (const s of allStatements()) {
      if (s.kind !== 'stated') continue;
      if (analysisMentions.length < 5 && ANALYSIS_ROLES.has(s.role)) analysisMentions.push(s.span);
      if (s.characteristic === 'ethnicity' && s.minoritised && COUNTING.has(s.subject)) minoritisedSpans.push(s.span);
      protectedSpans.push(s.sentence);
    }
    return (spans = { analysisMentions: analysisMentions.sort((a, b) => a.start - b.start), minoritisedSpans, protectedSpans: dedupe(protectedSpans) });
  };
  const result: IdentityFacts = {
    characteristics,
    stated: CHARACTERISTICS.filter((c) => characteristics[c].status === 'stated'),
    usedInAnalysis: blockMentions.length > 0 || statedInAnalysis,
    get analysisMentions(): Span[] {
      return spansOf().analysisMentions;
    },
    set analysisMentions(v: Span[]) {
      spansOf().analysisMentions = v;
    },
    hasAnalysisSection,
    minoritised,
    get minoritisedSpans(): Span[] {
      return spansOf().minoritisedSpans;
    },
    set minoritisedSpans(v: Span[]) {
      spansOf().minoritisedSpans = v;
    },
    childName: childNames[0] ?? 'the child',
    childNames: [...childNames],
    introduction: findIntroduction(doc, facts, childNames.length > 0 ? factsOf(doc, NAME_MENTION(childNames).fact) : undefined),
    get protectedSpans(): Span[] {
      return spansOf().protectedSpans;
    },
    set protectedSpans(v: Span[]) {
      spansOf().protectedSpans = v;
    },
  };
  return result;
}

function dedupe(spans: Span[]): Span[] {
  // Sorted by start and end, so a repeated span is next to its twin.
  return spans.sort((a, b) => a.start - b.start || a.end - b.end).filter((s, i, all) => i === 0 || s.start !== all[i - 1]!.start || s.end !== all[i - 1]!.end);
}
