/**
 * Reports acronyms a lay reader cannot decode: not spelled out at first use and not in the glossary.
 *
 * One pass collects every capitalised token; a second works out where each acronym is defined (a
 * glossary list or table anywhere, a bracketed spelling-out, a full name earlier whose initials
 * match); a third reports the first use of each acronym that comes before any definition. Look-alikes
 * are left alone: anonymisation codes (Child LM, Adult A, CS-B12), post-nominals and names on the
 * allow list, roman numerals, capitalised ordinary words, citations, URLs and shouted sentences.
 */
import type { Check, CheckContext } from '../check';
import type { LintData } from '../data';
import type { Block, ParsedDocument } from '../document/model';
import { BLOCK_IDENTITY, defineFact, factOf, factsOf } from '../facts';
import type { Fix, Span } from '../types';
import { sentenceIndexAt } from './jargon/shared';
import { groupTables as tables } from '../document/tables';
import { sameStrings } from '../equality';

// A run of capitals (with digits or '&') and an optional plural or possessive ending.
const TOKEN = /(?<![\p{L}\p{N}&\-/.@_])([A-Z][A-Z0-9&]*[A-Z0-9])(s|'s|’s|s'|s’)?(?![\p{L}\p{N}&\-/@_]|\.[A-Za-z])/gu;
// Words that introduce an anonymisation code ("Child LM", "Adult A", "Mr AB", "Social Worker 1").
const ANON_WORDS =
  'child|adult|male|female|mother|father|sibling|person|parent|family|practitioner|mr|mrs|ms|miss|mx|dr|baby|infant|subject|participant|young person|carer|partner|grandparent|grandmother|grandfather|brother|sister|uncle|aunt|step-?father|step-?mother|victim|perpetrator|witness|household|boy|girl';
const ANON_BEFORE = new RegExp(`\\b(?:${ANON_WORDS})\\.?\\s+$`, 'i');
const ANON_CODE = new RegExp(`\\b(?:${ANON_WORDS})\\.?\\s+([A-Z][A-Z0-9]{1,5})\\b`, 'gi');
// Police ranks written before a name or number ("PC Reid", "DC 4521") are titles, not acronyms to spell out.
const RANKS = new Set(['PC', 'DC', 'DS', 'DI', 'DCI', 'DCS', 'DSU', 'PS', 'WPC', 'PCSO', 'SGT', 'INSP']);
const AFTER_RANK = /^\s+(?:[A-Z][\p{L}'’-]+|\d{2,6})\b/u;
// Roman numerals as used for parts and list items (ii, IV, XII); not C, D, L or M, which make real acronyms.
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
// Ordinary words written in capitals for emphasis.
const CAPITAL_WORDS = new Set(
  'NOT NO ALL AND THE OR BUT IF ONLY NEVER MUST NOTE YES NOW ANY NONE URGENT IMPORTANT WARNING SHOULD WILL DID WAS WERE HAS HAD HE SHE THEY HIS HER WE OF TO IN ON AT BY FOR IS ARE BE AS AN DO SO UP OUT END NEW STOP HELP PLEASE SEE DRAFT FINAL CONFIDENTIAL OFFICIAL SENSITIVE TBC TBD'.split(' '),
);
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&', 'a', 'an', 'at', 'with', 'by', 'or']);
const GLOSSARY_ACRONYM_HEADER = /\b(acronyms?|abbreviations?|abbrev|short ?(form|name)?|initials)\b/i;
const GLOSSARY_TERM_HEADER = /\b(terms?|words?|phrases?)\b/i;
const GLOSSARY_MEANING_HEADER = /\b(meaning|stands for|in full|full (name|term|form|title)|expansion|definition|description|explanation|what it means)\b/i;
const YEAR = /\b(19|20)\d\d\b/;

/** Where an acronym is used. */
interface Place {
  block: Block;
  /** The acronym itself, without any plural or possessive ending. */
  span: Span;
  /** The acronym with its ending. */
  whole: Span;
  acronym: string;
  suffix: string;
}

/** A use in the document, with what its block alone says about it. */
interface Use extends Place {
  local: LocalUse;
  /** Where it is: the block's index in the document and the use's index among the block's. */
  at: { block: number; use: number };
}

/** One use as the per-block fact keeps it: offsets relative to the block, and what the block alone decides. */
interface LocalUse {
  acronym: string;
  suffix: string;
  start: number;
  wholeEnd: number;
  /** Whether the use spells the acronym out here (see `definesHere`). */
  here: { expansion?: Expansion } | undefined;
  /** In a glossary list, the words after an acronym that opens the entry. */
  lead: Expansion | undefined;
  /** Just after a word that introduces an anonymisation code ("Child LM"). */
  anonBefore: boolean;
  /** Followed by a name or number, as a police rank is. */
  beforeName: boolean;
  /** In a citation, a URL or a sentence written in capitals. */
  aside: boolean;
}

/** What the acronym check needs from one block. */
interface BlockAcronyms {
  uses: readonly LocalUse[];
  /** Candidate anonymisation codes after "Child", "Adult", "Mr" and the like (checked against the data later). */
  codes: readonly string[];
}

interface Expansion {
  text: string;
  /** True when the expansion is certain: initials match and there is only one. */
  safe: boolean;
}

function words(text: string): string[] {
  return text.split(/[\s\-–/]+/).filter(Boolean);
}

/** True when `text` (an expansion) has initials that make up `acronym`. */
export function initialsMatch(text: string, acronym: string): boolean {
  const letters = acronym.replace(/[^A-Z]/g, '');
  if (letters.length < 2) return false;
  const all = words(text.replace(/[()[\]"“”‘’,.:;]/g, ' ')).filter((w) => /^[\p{L}&]/u.test(w));
  const content = all.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const initials = (ws: string[]): string => ws.map((w) => w[0]!.toUpperCase()).join('');
  if (initials(content) === letters || initials(all) === letters) return true;
  // Some acronyms take two letters from one word (CAMHS, DfE) or skip a word: accept the letters in order.
  return subsequence(letters, content) && content.length <= letters.length + 1 && content.length >= Math.ceil(letters.length / 2);
}

/** True when the acronym's letters appear in order as word initials or word starts. */
function subsequence(letters: string, ws: string[]): boolean {
  let i = 0;
  for (const w of ws) {
    const up = w.toUpperCase();
    if (i < letters.length && up[0] === letters[i]) {
      i++;
      // A second letter from the same word ("Hub" does not, "Adolescent Mental" does by word).
      let j = 1;
      while (i < letters.length && j < up.length && up[j] === letters[i] && /[A-Z]/.test(w[j]!)) {
        i++;
        j++;
      }
    }
  }
  return i === letters.length;
}

const upperAllow = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
function allowSet(data: LintData): ReadonlySet<string> {
  let s = upperAllow.get(data.acronymAllow);
  if (!s) {
    s = new Set([...data.acronymAllow].map((a) => a.toUpperCase()));
    upperAllow.set(data.acronymAllow, s);
  }
  return s;
}

function isAllowed(acronym: string, allow: ReadonlySet<string>): boolean {
  return allow.has(acronym) || allow.has(acronym.toUpperCase());
}

const SKIP_KINDS = new Set<Block['kind']>(['code', 'front-matter', 'comment']);
const NO_USES: readonly LocalUse[] = [];
const NO_CODES: readonly string[] = [];
const NOTHING: BlockAcronyms = { uses: NO_USES, codes: NO_CODES };

/** True for a block whose acronyms count: prose outside reference lists and contents. */
function readsAcronyms(b: Block): boolean {
  return !SKIP_KINDS.has(b.kind) && b.role !== 'references' && b.role !== 'contents';
}

/** Everything about a block's acronyms that the block alone decides; nothing here reads the data or settings. */
const ACRONYMS = defineFact('acronyms/uses', (block): BlockAcronyms => {
  if (SKIP_KINDS.has(block.kind)) return NOTHING;
  const codes = /[A-Z]{2}/.test(block.prose) ? anonymisationCandidates(block.prose) : NO_CODES;
  const uses = readsAcronyms(block) ? localUses(block) : NO_USES;
  return uses === NO_USES && codes === NO_CODES ? NOTHING : { uses, codes };
});

function localUses(block: Block): readonly LocalUse[] {
  if (!/[A-Z][A-Z0-9&]*[A-Z0-9]/.test(block.prose)) return NO_USES;
  const uses: LocalUse[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(block.prose))) {
    const acronym = m[1]!;
    if (acronym.replace(/[^A-Z]/g, '').length < 2) continue;
    const start = block.start + m.index;
    const suffix = m[2] ?? '';
    const u: Place = { block, acronym, suffix, span: { start, end: start + acronym.length }, whole: { start, end: start + m[0].length } };
    const atStart = /^[\s*_"'“‘]*$/.test(block.prose.slice(0, rel(block, start)));
    uses.push({
      acronym,
      suffix,
      start,
      wholeEnd: u.whole.end,
      here: definesHere(u),
      lead: block.role === 'glossary' && atStart ? leadingExpansion(block.prose.slice(rel(block, u.whole.end)), acronym) : undefined,
      anonBefore: ANON_BEFORE.test(slice(block, start - 30, start)),
      beforeName: AFTER_RANK.test(block.prose.slice(rel(block, u.whole.end), rel(block, u.whole.end) + 30)),
      aside: inCitation(u) || inUrl(u) || shouting(u),
    });
  }
  return uses;
}

/** The uses of the document's blocks, in document order, with absolute offsets. */
function collectUses(doc: ParsedDocument): Use[] {
  const facts = factsOf(doc, ACRONYMS);
  const uses: Use[] = [];
  for (let i = 0; i < facts.length; i++) {
    const local = facts[i]!.uses;
    if (local.length === 0) continue;
    const block = doc.blocks[i]!;
    const d = block.start;
    for (let j = 0; j < local.length; j++) uses.push(placed(block, local[j]!, { block: i, use: j }));
  }
  return uses;
}

function placed(block: Block, l: LocalUse, at: Use['at']): Use {
  const d = block.start;
  const start = d + l.start;
  return { block, acronym: l.acronym, suffix: l.suffix, span: { start, end: start + l.acronym.length }, whole: { start, end: d + l.wholeEnd }, local: l, at };
}

function rel(block: Block, at: number): number {
  return at - block.start;
}

/** The text of a block's prose between two absolute offsets. */
function slice(block: Block, from: number, to: number): string {
  return block.prose.slice(Math.max(0, rel(block, from)), Math.max(0, rel(block, to)));
}

function inCitation(u: Place): boolean {
  const { block } = u;
  const at = rel(block, u.span.start);
  // Only a nearby bracket can make a citation; looking no further keeps huge paragraphs linear.
  const from = Math.max(0, at - 200);
  const window = block.prose.slice(from, at + 200);
  const here = at - from;
  const open = window.lastIndexOf('(', here);
  const close = window.indexOf(')', here);
  if (open >= 0 && close >= 0 && window.lastIndexOf(')', here) < open && YEAR.test(window.slice(open, close))) return true;
  // "Northshire LSCB (2019)" and "Northshire LSCB, 2019".
  return /^\s*(\(\s*|,\s*)(19|20)\d\d\b/.test(block.prose.slice(rel(block, u.whole.end), rel(block, u.whole.end) + 12));
}

function inUrl(u: Place): boolean {
  const p = u.block.prose;
  let s = rel(u.block, u.span.start);
  let e = rel(u.block, u.whole.end);
  while (s > 0 && !/\s/.test(p[s - 1]!)) s--;
  while (e < p.length && !/\s/.test(p[e]!)) e++;
  return /:\/\/|www\.|@|\.(uk|com|org|net|gov)\b/i.test(p.slice(s, e));
}

const shoutingCache = new WeakMap<object, boolean>();

/** A sentence written all in capitals ("PLEASE NOTE: …"); worked out once per sentence. */
function shouting(u: Place): boolean {
  const i = sentenceIndexAt(u.block, u.span.start);
  const s = i >= 0 ? u.block.sentences[i]! : undefined;
  const key = s ?? u.block;
  let v = shoutingCache.get(key);
  if (v === undefined) {
    const text = (s?.text ?? u.block.prose).slice(0, 2000);
    const letters = text.replace(/[^\p{L}]/gu, '');
    v = letters.length >= 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.8;
    shoutingCache.set(key, v);
  }
  return v;
}

/** The leading phrase of `text` that spells out `acronym`, if there is one. */
function leadingExpansion(text: string, acronym: string): Expansion | undefined {
  const clause = text.replace(/^[\s:–—=|)\].-]+/, '').split(/\n|[.;:(]|\s[–—-]\s|,\s(?:the |a |an |which |who |is |are )/)[0]!.trim();
  if (!clause) return undefined;
  const ws = clause.split(/\s+/);
  // The shortest prefix whose initials match.
  for (let n = 1; n <= Math.min(ws.length, 12); n++) {
    const cand = ws.slice(0, n).join(' ').replace(/[,]$/, '');
    if (initialsMatch(cand, acronym)) return { text: cand, safe: true };
  }
  if (ws.length <= 8 && clause.length <= 80 && /\p{Ll}/u.test(clause)) return { text: clause.replace(/[,]$/, ''), safe: false };
  return undefined;
}

/** The trailing phrase of `text` (words before a bracket) that spells out `acronym`. */
function trailingExpansion(text: string, acronym: string): Expansion | undefined {
  const clause = text.replace(/[,\s]+$/, '').split(/[.;:(),\n]|\s[–—-]\s/).pop()!.trim();
  const ws = clause.split(/\s+/).filter(Boolean);
  for (let n = 1; n <= Math.min(ws.length, 12); n++) {
    const cand = ws.slice(ws.length - n).join(' ');
    if (initialsMatch(cand, acronym)) return { text: cand.replace(/^(the|a|an)\s+/i, ''), safe: true };
  }
  return undefined;
}

/** Does this use spell the acronym out: "child sexual exploitation (CSE)", "CSE (child sexual exploitation)", "CSE: …"? */
function definesHere(u: Place): { expansion?: Expansion } | undefined {
  const { block, acronym } = u;
  const before = slice(block, u.span.start - 160, u.span.start);
  const after = block.prose.slice(rel(block, u.whole.end), rel(block, u.whole.end) + 170);
  // "CSE (child sexual exploitation)" or "CSE [child sexual exploitation]".
  const bracketAfter = /^\s*[([]\s*([^)\]]{2,150})[)\]]/.exec(after);
  if (bracketAfter) {
    const inner = bracketAfter[1]!;
    if (initialsMatch(inner, acronym)) return { expansion: { text: inner.trim().replace(/^(the|a|an)\s+/i, ''), safe: true } };
    if (/\p{Ll}/u.test(inner) && !YEAR.test(inner)) return {};
  }
  // "child sexual exploitation (CSE)": the acronym alone in brackets after some words.
  if (/[([]\s*$/.test(before) && /^\s*[)\]]/.test(after) && /[\p{L}\p{N}]\s*[([]\s*$/u.test(before)) {
    return { expansion: trailingExpansion(before.replace(/\s*[([]\s*$/, ''), acronym) };
  }
  // "CSE: child sexual exploitation" or "CSE – …" at the start of a list item, cell or paragraph.
  const atStart = /^[\s*_"'“‘]*$/.test(block.prose.slice(0, rel(block, u.span.start)));
  if (atStart && /^\s*(:|–|—|-|=|\||\t)\s*\S/.test(after)) return { expansion: leadingExpansion(after, acronym) };
  // "action plans that are SMART: specific, measurable, achievable, realistic and time-bound".
  const colon = /^\s*:\s*([^.;()]{3,120})/.exec(after);
  if (colon && initialsMatch(colon[1]!, acronym)) return { expansion: { text: colon[1]!.trim(), safe: false } };
  if (/^\s*(stands for|is short for|is an abbreviation for|means|refers to)\b/i.test(after)) {
    return { expansion: leadingExpansion(after.replace(/^\s*(stands for|is short for|is an abbreviation for|means|refers to)\s*/i, ''), acronym) };
  }
  // "the Multi-Agency Safeguarding Hub, or MASH," / "known as MASH" / "hereafter NSCP".
  const tail = before.trimEnd();
  const lead = /(?:^|[^\p{L}])(,?\s*(?:or|known as|called|referred to as|hereafter(?: referred to as)?|henceforth)\s*["'“‘]?)$/iu.exec(tail.slice(-40));
  if (lead) {
    const exp = trailingExpansion(tail.slice(0, tail.length - lead[1]!.length), acronym);
    if (exp) return { expansion: exp };
  }
  // "MASH, the Multi-Agency Safeguarding Hub, …"
  const appositive = /^\s*(?:,|–|—|\s-)\s*(?:the\s+|a\s+|an\s+)?([^,.;()]{3,90})/.exec(after);
  if (appositive && initialsMatch(appositive[1]!.trim(), acronym)) return { expansion: leadingExpansion(appositive[1]!, acronym) };
  return undefined;
}

interface Definitions {
  /** Acronyms defined for the whole review (glossary), with any expansion found. */
  glossary: Map<string, Expansion | undefined>;
  /** The first offset at which each acronym is spelled out in the text. */
  firstDefined: Map<string, number>;
  expansions: Map<string, Expansion>;
}

function note(defs: Definitions, acronym: string, at: number, exp: Expansion | undefined, glossary: boolean): void {
  if (glossary) {
    if (!defs.glossary.has(acronym) || (exp && !defs.glossary.get(acronym))) defs.glossary.set(acronym, exp);
  } else if (!defs.firstDefined.has(acronym)) defs.firstDefined.set(acronym, at);
  if (exp && (!defs.expansions.has(acronym) || (exp.safe && !defs.expansions.get(acronym)!.safe))) defs.expansions.set(acronym, exp);
}

function findDefinitions(uses: readonly Use[], blocks: readonly Block[], skip: (acronym: string) => boolean): Definitions {
  const defs: Definitions = { glossary: new Map(), firstDefined: new Map(), expansions: new Map() };
  const glossaryColumns = new Set<Block>();
  const tableExpansion = new Map<Block, Block>();
  for (const table of tables(blocks)) {
    const header = table[0] ?? [];
    const headerText = (col: number): string => header.find((c) => c.cell!.column === col)?.cell?.header ?? table.flat().find((c) => c.cell!.column === col)?.cell?.header ?? '';
    const columns = new Set(table.flat().map((c) => c.cell!.column));
    let acrCol = [...columns].find((c) => GLOSSARY_ACRONYM_HEADER.test(headerText(c)));
    const meaningCol = [...columns].find((c) => c !== acrCol && GLOSSARY_MEANING_HEADER.test(headerText(c)));
    const termCol = [...columns].find((c) => c !== acrCol && GLOSSARY_TERM_HEADER.test(headerText(c)));
    const inGlossary = table.flat().some((c) => c.role === 'glossary');
    if (acrCol === undefined && termCol !== undefined && (meaningCol !== undefined || inGlossary)) acrCol = termCol;
    if (acrCol === undefined) continue;
    const expCol = acrCol === termCol ? meaningCol : (termCol ?? meaningCol);
    for (const row of table.slice(1)) {
      if (!row) continue;
      const acr = row.find((c) => c.cell!.column === acrCol);
      if (!acr) continue;
      glossaryColumns.add(acr);
      const exp = row.find((c) => c.cell!.column === expCol);
      if (exp) tableExpansion.set(acr, exp);
    }
  }
  for (const u of uses) {
    const b = u.block;
    if (b.role === 'glossary' || glossaryColumns.has(b)) {
      let exp: Expansion | undefined;
      const here = u.local.here;
      if (here?.expansion) exp = here.expansion;
      else if (glossaryColumns.has(b)) {
        const cell = tableExpansion.get(b);
        const text = cell?.prose.trim().replace(/[.;]$/, '') ?? '';
        if (text && initialsMatch(text, u.acronym)) exp = { text, safe: true };
        else if (text) exp = leadingExpansion(text, u.acronym);
      } else exp = u.local.lead;
      note(defs, u.acronym, -1, exp, true);
      continue;
    }
    // Only the first definition matters, and a certain expansion for the fix; acronyms never reported need neither.
    if (skip(u.acronym) || (defs.firstDefined.has(u.acronym) && defs.expansions.get(u.acronym)?.safe)) continue;
    const here = u.local.here;
    if (here) note(defs, u.acronym, u.span.start, here.expansion, false);
  }
  return defs;
}

/** A run of capitalised words ("the Northshire Safeguarding Children Partnership"): its initials and where each word ends. */
interface CapitalRun {
  initials: string;
  ends: number[];
}

// Two or more capitalised words in a row, small words allowed between them: found by the regex
// engine, so ordinary lower-case prose costs almost nothing.
const CAP_WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-[\\p{L}][\\p{L}'’]*)*";
const RUN = new RegExp(`${CAP_WORD}(?:[ \\t]+(?:(?:of|and|the|for|in|on|&)[ \\t]+)*${CAP_WORD})+`, 'gu');
const RUN_WORD = /[\p{L}][\p{L}'’]*(?:-[\p{L}][\p{L}'’]*)*/gu;

/** A block's runs of capitalised words, with their initials joined by "|" to rule the block out quickly. */
interface BlockRuns {
  initials: string;
  runs: readonly CapitalRun[];
}
const NO_RUNS: BlockRuns = { initials: '', runs: [] };

/** Capitalised runs, offsets relative to the block. Asked for lazily: most queries stop early in the draft. */
const RUNS = defineFact('acronyms/capital-runs', (b): BlockRuns => {
  if (!readsAcronyms(b)) return NO_RUNS;
  const runs: CapitalRun[] = [];
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(b.prose))) {
    let initials = '';
    const ends: number[] = [];
    RUN_WORD.lastIndex = 0;
    let w: RegExpExecArray | null;
    while ((w = RUN_WORD.exec(m[0]))) {
      const word = w[0];
      if (SMALL_WORDS.has(word.toLowerCase())) continue;
      const end = b.start + m.index + w.index + word.length;
      for (const part of word.split('-')) {
        if (/^\p{Lu}/u.test(part)) {
          initials += part[0]!.toUpperCase();
          ends.push(end);
        }
      }
    }
    if (initials.length >= 3) runs.push({ initials, ends });
  }
  return runs.length ? { initials: runs.map((r) => r.initials).join('|'), runs } : NO_RUNS;
});

/**
 * Runs of two or more capitalised words, small words allowed inside, in document order, read from
 * the blocks' facts as far into the draft as the latest query needs.
 */
class CapitalisedRuns {
  private readonly seen: { start: number; runs: BlockRuns }[] = [];
  private next = 0;
  constructor(
    private readonly blocks: readonly Block[],
    private readonly text: string,
  ) {}

  /** True when a run with these initials ends before `before`. */
  spelledOutBefore(letters: string, before: number): boolean {
    while (this.next < this.blocks.length && this.blocks[this.next]!.start < before) {
      const b = this.blocks[this.next++]!;
      const runs = factOf(b, RUNS, this.text);
      if (runs.runs.length) this.seen.push({ start: b.start, runs });
    }
    for (const { start, runs } of this.seen) {
      if (start + runs.runs[0]!.ends[0]! >= before) break;
      if (!runs.initials.includes(letters)) continue;
      for (const r of runs.runs) {
        if (start + r.ends[0]! >= before) return false;
        let i = r.initials.indexOf(letters);
        while (i >= 0) {
          if (start + r.ends[i + letters.length - 1]! <= before) return true;
          i = r.initials.indexOf(letters, i + 1);
        }
      }
    }
    return false;
  }
}

/** Words after "Child", "Adult", "Mr" and the like in a block's prose: codes for people, if the data does not know them. */
function anonymisationCandidates(prose: string): readonly string[] {
  const out: string[] = [];
  ANON_CODE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANON_CODE.exec(prose))) out.push(m[1]!);
  return out.length ? out : NO_CODES;
}

/** Codes the review uses for people ("Child LM" makes "LM" a code everywhere), and front-matter pseudonyms. */
function anonymisationCodes(ctx: CheckContext): Set<string> {
  // A code is short and is not a known acronym: "adult CAMHS" is a service, "Adult AB" a person.
  const isCode = (w: string): boolean => /^[A-Z]{1,3}[0-9]{0,3}$/.test(w) && !ctx.data.acronyms.has(w);
  const codes = new Set<string>();
  for (const p of ctx.doc.frontMatter.pseudonyms) for (const w of p.split(/\s+/)) if (isCode(w)) codes.add(w);
  for (const f of factsOf(ctx.doc, ACRONYMS)) for (const w of f.codes) if (isCode(w)) codes.add(w);
  return codes;
}

function article(word: string): 'a' | 'an' {
  return /^(?:[aeio]|u(?![nk]i|s[eu]|ti|ro))/i.test(word) && !/^(?:one|eu)/i.test(word) ? 'an' : 'a';
}

const PLURAL_AT = /\s(?:of|in|for|to|on|at|with|from|by|under|about)\s/i;

/** Plural of an expansion: the head noun before a preposition ("deaths in infancy"), else the last word. */
function pluralise(text: string): string {
  const one = (w: string): string => (/s$/i.test(w) ? w : /[^aeiou]y$/i.test(w) ? `${w.slice(0, -1)}ies` : /(?:ch|sh|x)$/i.test(w) ? `${w}es` : `${w}s`);
  const p = PLURAL_AT.exec(text);
  const head = p ? text.slice(0, p.index) : text;
  const rest = p ? text.slice(p.index) : '';
  const m = /^(.*?)([\p{L}'’-]+)$/u.exec(head);
  return m ? `${m[1]}${one(m[2]!)}${rest}` : text;
}

function buildFix(u: Use, expansion: Expansion): Fix {
  const { block, acronym, suffix } = u;
  const plural = suffix === 's';
  let text = plural ? pluralise(expansion.text) : expansion.text;
  const si = sentenceIndexAt(block, u.span.start);
  const sentence = si >= 0 ? block.sentences[si] : undefined;
  const sentenceStart = sentence ? /^[\s*_"'“‘(]*$/.test(slice(block, sentence.start, u.span.start)) : false;
  if (sentenceStart) text = text[0]!.toUpperCase() + text.slice(1);
  let start = u.span.start;
  let prefix = '';
  const articleBefore = /(?<![\p{L}])(a|an|A|An)\s+$/u.exec(slice(block, u.span.start - 4, u.span.start));
  if (articleBefore) {
    const wanted = article(text);
    const had = articleBefore[1]!;
    if (had.toLowerCase() !== wanted) {
      start = u.span.start - articleBefore[0].length;
      prefix = (had[0] === had[0]!.toUpperCase() ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted) + ' ';
    }
  }
  const replacement = plural ? `${prefix}${text} (${acronym}s)` : `${prefix}${text} (${acronym})${suffix}`;
  const safe = expansion.safe && !plural && suffix === '';
  return {
    title: `Spell out as "${plural ? `${text} (${acronym}s)` : `${text} (${acronym})`}"`,
    kind: safe ? 'safe' : 'suggestion',
    edits: [{ start, end: u.whole.end, text: replacement }],
  };
}

function expansionFor(ctx: CheckContext, acronym: string, defs: Definitions): Expansion | undefined {
  const own = defs.glossary.get(acronym) ?? defs.expansions.get(acronym);
  if (own) return own;
  const entry = ctx.data.acronyms.get(acronym);
  if (!entry || entry.expansions.length === 0) return undefined;
  return { text: entry.expansions[0]!, safe: entry.expansions.length === 1 };
}

/** The check. */
export const acronymDefinedOnFirstUse: Check = {
  meta: {
    id: 'acronym-defined-on-first-use',
    category: 'jargon',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'safe',
    summary: 'Spell out each acronym the first time it is used, or define it in the glossary.',
    message: "'{{term}}' is not spelled out where it is first used. Families and the public read published reviews and cannot decode agency shorthand; write it in full the first time{{expansion}}, or add it to the glossary.",
    rationale:
      'Published reviews are read by families, elected members and the public, not only by safeguarding professionals. The national Panel asks that reviews are written so a lay reader can follow them, with a glossary of terms and acronyms, and the annual review of local reviews found reports that left agency shorthand unexplained. Spelling an acronym out at first use, or listing it in a glossary (a list or a table, anywhere in the review), costs a few words and removes a barrier for every reader. Later uses after the definition are fine. So are acronyms everyone knows (GP, NHS, UK), which a workspace can extend, letters after a name, anonymisation codes such as Child LM, and citations such as (Northshire LSCB, 2019).',
    good: 'The Multi-Agency Safeguarding Hub (MASH) received the referral. Later the MASH shared it with health.',
    sources: [
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Chapter 4, "Features of the most helpful reviews" (clarity for readers; digest section 1.3, rule 16)' },
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Introduction, para 1.14 and Appendix A (a glossary of terms and acronyms)' },
      { document: 'research/real-text-pitfalls.md', section: 'Acronym look-alikes' },
    ],
    examples: {
      valid: [
        { text: 'The Multi-Agency Safeguarding Hub (MASH) received the referral. The MASH passed it on the same day.' },
        { text: 'Child sexual exploitation (CSE) was not recognised. Later, CSE was discussed at the strategy meeting.' },
        { text: 'CSE (child sexual exploitation) was not recognised.' },
        { text: 'CSE [child sexual exploitation] was not recognised.', note: 'square brackets' },
        { text: 'Child B saw the GP twice and attended A&E once.' },
        { text: 'Adult A and Child LM lived with Mr AB in the UK. LM was then 14.', note: 'anonymisation codes, also bare once introduced' },
        { text: 'The worker from CS-B12 visited.', note: 'a code with a hyphen' },
        { text: 'Local guidance (Northshire LSCB, 2019) sets out the threshold. Northshire LSCB (2017) said the same.', note: 'citations' },
        { text: 'The report was written by Dr Jane Doe MA QPM OBE.', note: 'post-nominals' },
        { text: 'Ofsted, Cafcass and Barnardo’s were consulted. CAFCASS attended the meeting.', note: 'organisations written as words' },
        { text: 'Child B was seen by CAMHS.\n\n## Glossary\n\n| Acronym | Meaning |\n| --- | --- |\n| CAMHS | Child and Adolescent Mental Health Services |', note: 'a glossary table after the first use' },
        { text: 'Two ICPCs were held.\n\n## Abbreviations\n\n- ICPC: initial child protection conference', note: 'a plural, defined in a glossary list' },
        { text: 'The MASH’s decision was quick.\n\n| Term | Acronym | Definition |\n| --- | --- | --- |\n| Multi-Agency Safeguarding Hub | MASH | The team that screens referrals |', note: 'a possessive, and a three-column glossary table outside a glossary section' },
        { text: '# MASH response\n\nThe Multi-Agency Safeguarding Hub (MASH) met.', note: 'an acronym in a heading' },
        { text: 'The Northshire Safeguarding Children Partnership commissioned the review. NSCP agreed the terms of reference.', note: 'a full name earlier whose initials match' },
        { text: 'See https://example.org/NSCP/reports for the NSCP-2021 report.', note: 'inside a URL and a code' },
        { text: 'She was NOT seen alone. This was Part II of the plan.', note: 'emphasis and a roman numeral' },
        { text: 'The designated safeguarding lead, or DSL, made the referral.', note: '"or" form' },
      ],
      invalid: [
        {
          text: 'The MASH received the referral.',
          match: 'MASH',
          output: 'The Multi-Agency Safeguarding Hub (MASH) received the referral.',
        },
        { text: 'Two ICPCs were held. An initial child protection conference (ICPC) was held in May.', match: 'ICPC', note: 'defined only after its first use' },
        { text: 'The case was discussed at the ZXQ panel.', match: 'ZXQ' },
        { text: 'CSE was not recognised.', match: 'CSE', output: 'Child sexual exploitation (CSE) was not recognised.', note: 'capitalised at the start of a sentence' },
        { text: 'She was referred to an LADO.', match: 'LADO', output: 'She was referred to a Local Authority Designated Officer (LADO).', note: 'the article follows the expansion' },
        { text: 'The Northshire Safeguarding Partnership was told. NSCP agreed.', match: 'NSCP', note: 'the initials do not match the earlier name' },
        { text: 'The WZP was told. Later the TQL met.\n\n## Glossary\n\n- WZP: Wider Zone Panel', match: 'TQL', note: 'only acronyms the glossary lists are defined by it' },
      ],
    },
  },
  run(ctx) {
    const doc = ctx.doc;
    const facts = factsOf(doc, ACRONYMS);
    const tokens = factsOf(doc, BLOCK_IDENTITY);
    const was = latest;
    const found = was && sameInputs(was, ctx, facts, tokens) ? was.found : findUnexplained(ctx);
    latest = { data: ctx.data, pseudonyms: doc.frontMatter.pseudonyms, text: doc.text, blocks: doc.blocks, facts, tokens, found };
    for (const f of found) {
      const block = doc.blocks[f.at.block]!;
      const u = placed(block, facts[f.at.block]!.uses[f.at.use]!, f.at);
      const { expansion } = f;
      const written = u.acronym;
      ctx.report({
        span: u.span,
        message: this.meta.message.replace('{{term}}', written).replace('{{expansion}}', expansion ? `, for example '${expansion.text} (${written})'` : ''),
        fixes: expansion ? [buildFix(u, expansion)] : [],
      });
    }
  },
};

/** A use to report, by where it is, and the expansion to offer. */
interface Unexplained {
  at: Use['at'];
  expansion: Expansion | undefined;
}

/** What the latest run decided, and from what. */
interface Latest {
  data: LintData;
  pseudonyms: readonly string[];
  text: string;
  blocks: readonly Block[];
  facts: readonly BlockAcronyms[];
  tokens: readonly object[];
  found: readonly Unexplained[];
}
let latest: Latest | undefined;

/**
 * True when the previous run's decisions hold for this draft: the same data and pseudonyms, the same
 * number of blocks, and every block that changed holds the same acronyms, read the same way, with the
 * same capitalised names among them in the same order. Offsets move with an edit but the order of
 * uses and names, which is all the decisions compare, does not. Reports are still made afresh, from
 * the current blocks. Table cells are read as tables, so a change to one decides again.
 */
function sameInputs(was: Latest, ctx: CheckContext, facts: readonly BlockAcronyms[], tokens: readonly object[]): boolean {
  const doc = ctx.doc;
  if (was.data !== ctx.data || was.blocks.length !== doc.blocks.length || !sameStrings(was.pseudonyms, doc.frontMatter.pseudonyms)) return false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === was.tokens[i]) continue;
    const b = doc.blocks[i]!;
    const p = was.blocks[i]!;
    if (b.kind !== p.kind || b.role !== p.role || b.cell || p.cell) return false;
    const now = facts[i]!;
    const then = was.facts[i]!;
    if (!sameAcronyms(now, then)) return false;
    if (!readsAcronyms(b)) continue;
    const runsNow = factOf(b, RUNS, doc.text);
    const runsThen = factOf(p, RUNS, was.text);
    if (runsNow.initials !== runsThen.initials || !sameOrder(then.uses, runsThen, now.uses, runsNow)) return false;
  }
  return true;
}

const sameExpansion = (a: Expansion | undefined, b: Expansion | undefined): boolean => a === b || (!!a && !!b && a.text === b.text && a.safe === b.safe);

/** The same acronyms, read the same way, offsets aside. */
function sameAcronyms(a: BlockAcronyms, b: BlockAcronyms): boolean {
  if (a === b) return true;
  if (!sameStrings(a.codes, b.codes) || a.uses.length !== b.uses.length) return false;
  for (let i = 0; i < a.uses.length; i++) {
    const x = a.uses[i]!;
    const y = b.uses[i]!;
    if (x.acronym !== y.acronym || x.suffix !== y.suffix || x.anonBefore !== y.anonBefore || x.beforeName !== y.beforeName || x.aside !== y.aside) return false;
    if (!!x.here !== !!y.here || !sameExpansion(x.here?.expansion, y.here?.expansion) || !sameExpansion(x.lead, y.lead)) return false;
  }
  return true;
}

/**
 * True when the uses and the capitalised names' word ends interleave the same way in both versions
 * of a block: for each use, as many word ends come before it (both offsets relative to the block).
 */
function sameOrder(usesA: readonly LocalUse[], runsA: BlockRuns, usesB: readonly LocalUse[], runsB: BlockRuns): boolean {
  const endsA = runsA.runs.flatMap((r) => r.ends);
  const endsB = runsB.runs.flatMap((r) => r.ends);
  if (endsA.length !== endsB.length) return false;
  const before = (ends: readonly number[], at: number): number => {
    let n = 0;
    while (n < ends.length && ends[n]! < at) n++;
    return n;
  };
  for (let i = 0; i < usesA.length; i++) if (before(endsA, usesA[i]!.start) !== before(endsB, usesB[i]!.start)) return false;
  return true;
}

/** Works out which uses to report: the first use of each acronym that nothing before it explains. */
function findUnexplained(ctx: CheckContext): Unexplained[] {
  const out: Unexplained[] = [];
  const uses = collectUses(ctx.doc);
  if (uses.length === 0) return out;
  const blocks = ctx.doc.blocks.filter(readsAcronyms);
  const allow = allowSet(ctx.data);
  const defs = findDefinitions(uses, blocks, (a) => isAllowed(a, allow) || ROMAN.test(a) || (CAPITAL_WORDS.has(a) && !ctx.data.acronyms.has(a)));
  const codes = anonymisationCodes(ctx);
  const runs = new CapitalisedRuns(blocks, ctx.doc.text);
  const seen = new Set<string>();
  for (const u of uses) {
    const { block, span } = u;
    // "SINS", "IMRS": a plural written in capitals, when the singular is known.
    const acronym = u.acronym.length > 2 && u.acronym.endsWith('S') && !ctx.data.acronyms.has(u.acronym) && (ctx.data.acronyms.has(u.acronym.slice(0, -1)) || defs.glossary.has(u.acronym.slice(0, -1)) || defs.firstDefined.has(u.acronym.slice(0, -1))) ? u.acronym.slice(0, -1) : u.acronym;
    if (seen.has(acronym)) continue;
    if (block.kind === 'heading' || block.role === 'glossary' || block.role === 'quoted-record') continue;
    if (defs.glossary.has(acronym)) continue;
    if (isAllowed(acronym, allow) || ROMAN.test(acronym) || (CAPITAL_WORDS.has(acronym) && !ctx.data.acronyms.has(acronym))) continue;
    if (codes.has(acronym) || (!ctx.data.acronyms.has(acronym) && u.local.anonBefore)) continue;
    // A role code with a number ("HV2", "GP1") is understood once its letters are.
    const base = acronym.replace(/\d+$/, '');
    if (base !== acronym && (isAllowed(base, allow) || defs.glossary.has(base) || (defs.firstDefined.get(base) ?? Infinity) <= span.start)) continue;
    if (RANKS.has(acronym) && u.local.beforeName) continue;
    if (u.local.aside) continue;
    const definedAt = defs.firstDefined.get(acronym);
    if (definedAt !== undefined && definedAt <= span.start) {
      seen.add(acronym);
      continue;
    }
    // A full name written earlier with matching initials counts ("the Northshire Safeguarding Children Partnership … NSCP").
    const letters = acronym.replace(/[^A-Z]/g, '');
    if (letters.length >= 3) {
      if (runs.spelledOutBefore(letters, span.start)) {
        seen.add(acronym);
        continue;
      }
    }
    seen.add(acronym);
    const found = expansionFor(ctx, acronym, defs);
    out.push({ at: u.at, expansion: found && acronym !== u.acronym ? { text: pluralise(found.text), safe: false } : found });
  }
  return out;
}
