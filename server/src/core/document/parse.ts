/**
 * Parses Markdown or plain text into the document model in one pass over the lines.
 * Blocks are found cheaply here; the per-block work (masking, sentences, quotes) is done by
 * `analyseBlockText`, which is pure in the block's text so callers can cache it per paragraph.
 */
import type { Span } from '../types';
import { BoundedCache } from '../bounded-cache';
import { readFrontMatter } from './front-matter';
import { maskComments, maskMarkdownInline } from './inline';
import type { Block, BlockKind, BlockRole, CellPosition, DisableComment, ParsedDocument, Quote, Section, Sentence } from './model';
import { findQuotes } from './quotes';
import { roleForHeading } from './roles';
import { splitSentences } from './sentences';
import { sameCell, sameStrings } from '../equality';

/** Languages the parser understands. */
export type DocumentLanguage = 'markdown' | 'plaintext';

/** The per-block results that depend only on the block's own text and kind. */
export interface BlockText {
  prose: string;
  sentences: Sentence[];
  quotes: Quote[];
  /**
   * A number naming this content (kind, language, markup and text): equal ids mean equal content.
   * Caches key on it instead of hashing the text again.
   */
  id?: number;
}

/** A cache for per-block work, keyed by kind and text. Offsets inside are relative to the block. */
export interface BlockTextCache {
  get(key: string): BlockText | undefined;
  set(key: string, value: BlockText): void;
}

interface RawBlock extends Span {
  kind: BlockKind;
  /**
   * The start of the line where the scan began the construct that produced this block (a table's
   * header row for every cell of the table). The scanner is at rest there, so a later parse can
   * start or stop scanning at such a line.
   */
  from: number;
  level?: number;
  /** Offsets (relative to the block) of characters that are block markup, such as '>' or '- '. */
  markup?: Span[];
  cell?: CellPosition;
  title?: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+•▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)]|\((?:\d{1,3}|[a-zA-Z]|[ivxlc]+)\)|[ivxlc]+[.)])[ \t]+(?=\S)/;
const BLOCK_QUOTE = /^ {0,3}>[ \t]?/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const DISABLE = /<!--\s*cspr-lint-(disable-next-line|disable-line|disable-file|disable)\b([\s\S]*?)-->/g;

function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Whether a line starts at `at` (> 0): after a line feed, or after a carriage return not followed by one. */
function startsLine(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return before === 10 || (before === 13 && text.charCodeAt(at) !== 10);
}

/**
 * Line starts after an edit that changed only [changedFrom, changedTo) of the new text: a start is
 * decided by the characters either side of it, so those wholly before or after the change are the
 * previous ones (moved by `delta` after it), and only the changed stretch is scanned.
 */
function updateLineStarts(old: readonly number[], text: string, changedFrom: number, changedTo: number, delta: number): number[] {
  const out: number[] = [];
  let i = 0;
  for (; i < old.length && old[i]! < changedFrom; i++) out.push(old[i]!);
  if (out.length === 0) out.push(0);
  for (let at = Math.max(1, changedFrom); at <= changedTo && at <= text.length; at++) if (startsLine(text, at)) out.push(at);
  // Previous starts whose neighbouring characters both lie in the unchanged text after the edit.
  for (; i < old.length; i++) {
    const moved = old[i]! + delta;
    if (moved > changedTo) out.push(moved);
  }
  return out;
}

/** The zero-based line holding `offset`. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineEnd(text: string, lineStarts: readonly number[], line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
  while (end > lineStarts[line]! && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

function splitCells(text: string, start: number, end: number): Span[] {
  const cells: Span[] = [];
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (text[s] === '|') s++;
  if (e > s && text[e - 1] === '|' && text[e - 2] !== '\\') e--;
  let cellStart = s;
  for (let i = s; i <= e; i++) {
    if (i === e || (text[i] === '|' && text[i - 1] !== '\\')) {
      let cs = cellStart;
      let ce = i;
      while (cs < ce && /\s/.test(text[cs]!)) cs++;
      while (ce > cs && /\s/.test(text[ce - 1]!)) ce--;
      cells.push({ start: cs, end: ce });
      cellStart = i + 1;
    }
  }
  return cells;
}

/**
 * True when the line text[start, end) starts like running prose: a letter or an opening quotation
 * mark that cannot begin a heading, list item, block quote, fence, table row or comment. Such lines
 * skip the block patterns.
 */
function plainStartAt(text: string, start: number, end: number, barAt: (from: number) => number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i - start > 3 || i >= end) return false;
  if (barAt(i) < end) return false;
  const c = text.charCodeAt(i);
  if (c === 34 || c === 39 || c === 0x201c || c === 0x2018) return true;
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(text[i]!));
  if (!letter) return false;
  // "a. …", "B) …" and roman numerals ("iv. …") are list markers.
  const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
  if (next === 46 || next === 41) return false;
  if ((c === 105 || c === 118 || c === 120 || c === 108 || c === 99) && /^[ivxlc]+[.)]/.test(text.slice(i, Math.min(end, i + 8)))) return false;
  return true;
}

function looksLikePlainHeading(line: string): { level: number } | undefined {
  const t = line.trim();
  if (t.length === 0 || t.length > 90 || /[.,;:!?]$/.test(t) && !/^\d+(\.\d+)*\.$/.test(t)) return undefined;
  if (/[.,;:!?]$/.test(t)) return undefined;
  const numbered = /^(\d+(?:\.\d+)*)\.?\s+\S/.exec(t);
  const words = t.split(/\s+/).length;
  if (numbered && words <= 12) return { level: Math.min(6, numbered[1]!.split('.').length) };
  if (/^(section|part|chapter|appendix|annex)\b/i.test(t) && words <= 12) return { level: 1 };
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase() && words <= 12) return { level: 1 };
  if (words <= 8 && roleForHeading(t)) return { level: 2 };
  return undefined;
}

// Every word of four letters or more starts with a capital: "Key Practice Episodes".
function titleCase(line: string): boolean {
  const words = line.replace(/^\s*[\d.]+\s*/, '').split(/\s+/).filter((w) => w.length >= 4);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w)) && line.split(/\s+/).length <= 8;
}

function parseDisableComments(text: string, lineStarts: readonly number[]): DisableComment[] {
  if (!text.includes('cspr-lint-disable')) return [];
  const out: DisableComment[] = [];
  DISABLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DISABLE.exec(text))) {
    const body = m[2]!;
    const sep = body.search(/\s--\s|\s--$|^--\s/);
    const idsPart = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep).replace(/^\s*--\s*/, '').trim() : '';
    const ruleIds = idsPart.split(/[\s,]+/).filter(Boolean);
    const kind = m[1]!;
    const commentLine = lineOf(lineStarts, m.index);
    let targetLine = commentLine;
    if (kind === 'disable-next-line') {
      targetLine = lineOf(lineStarts, m.index + m[0].length) + 1;
      // Skip blank lines so a comment above a paragraph after a blank still applies to it.
      while (targetLine < lineStarts.length && lineEnd(text, lineStarts, targetLine) === lineStarts[targetLine]) targetLine++;
    }
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      ruleIds,
      reason,
      scope: kind === 'disable-next-line' ? 'next-line' : kind === 'disable-line' ? 'line' : 'file',
      targetLine,
    });
  }
  return out;
}

/**
 * A copy of a string that does not share memory with the string it was sliced from. Anything kept
 * across analyses (per-block caches) must be detached: a slice of the document keeps the whole
 * document alive, and every edit makes a new document.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Makes sure a string is stored flat. Text assembled by concatenation (as editors apply changes) is a
 * tree of pieces until something flattens it, and reading it character by character is slow until then.
 */
export function flatten(s: string): string {
  // Converting to a number flattens the string first; the number itself is not wanted.
  void Number(s);
  return s;
}

/** Masks, splits and finds quotations in one block's text; pure in (kind, text). */
export function analyseBlockText(kind: BlockKind, raw: string, language: DocumentLanguage, markup: readonly Span[] = []): BlockText {
  raw = detach(raw);
  if (kind === 'code' || kind === 'front-matter' || kind === 'comment') {
    return { prose: raw.replace(/[^\r\n]+/g, (m) => ' '.repeat(m.length)), sentences: [], quotes: [] };
  }
  let prose = language === 'markdown' ? maskMarkdownInline(raw) : maskComments(raw);
  if (markup.length > 0) {
    const chars = prose.split('');
    for (const m of markup) for (let i = m.start; i < m.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    prose = chars.join('');
  }
  const sentences = kind === 'heading' || kind === 'table-cell' ? splitSentences(prose, 0) : splitSentences(prose, 0);
  const quotes = findQuotes(prose, 0, sentences);
  return { prose, sentences, quotes };
}

/** Where to start scanning, and a test at each line where the scanner is at rest that ends the scan early. */
interface ScanResume {
  line: number;
  stop(line: number): boolean;
}

function findRawBlocks(text: string, lineStarts: readonly number[], language: DocumentLanguage, bodyStart: number, resume?: ScanResume): { blocks: RawBlock[]; stoppedAt: number } {
  const blocks: RawBlock[] = [];
  const lineCount = lineStarts.length;
  const md = language === 'markdown';
  let line = lineOf(lineStarts, bodyStart);
  if (bodyStart > 0 && lineStarts[line]! < bodyStart) line++;
  if (resume) line = resume.line;
  let stoppedAt = -1;
  const lineText = (l: number): string => text.slice(lineStarts[l]!, lineEnd(text, lineStarts, l));
  const isBlank = (l: number): boolean => /^\s*$/.test(lineText(l));
  // The first '|' at or after an offset, remembered so that the scan stays linear over the document.
  let bar = -1;
  let barFrom = 0;
  const barAt = (from: number): number => {
    if (bar < from || from < barFrom) {
      bar = text.indexOf('|', from);
      if (bar < 0) bar = text.length + 1;
    }
    barFrom = from;
    return bar;
  };

  let para: { start: number; end: number; firstLine: number; lines: number } | undefined;
  const closePara = (): void => {
    if (!para) return;
    const first = lineText(para.firstLine);
    const heading = !md && para.lines === 1 ? looksLikePlainHeading(first) : undefined;
    if (heading) blocks.push({ kind: 'heading', from: para.start, start: para.start, end: para.end, level: heading.level, title: first.trim() });
    else blocks.push({ kind: 'paragraph', from: para.start, start: para.start, end: para.end });
    para = undefined;
  };

  while (line < lineCount) {
    if (resume && !para && resume.stop(line)) {
      stoppedAt = line;
      break;
    }
    const ls = lineStarts[line]!;
    const le = lineEnd(text, lineStarts, line);
    if (plainStartAt(text, ls, le, barAt)) {
      // Running prose: it continues or starts a paragraph.
      if (para) {
        para.end = le;
        para.lines++;
      } else para = { start: ls, end: le, firstLine: line, lines: 1 };
      line++;
      continue;
    }
    const lt = text.slice(ls, le);
    if (/^\s*$/.test(lt)) {
      closePara();
      line++;
      continue;
    }
    // HTML comments that start a line are never prose.
    if (/^\s*<!--/.test(lt)) {
      closePara();
      const close = text.indexOf('-->', ls);
      const end = close < 0 ? text.length : close + 3;
      const endLine = lineOf(lineStarts, end);
      blocks.push({ kind: 'comment', from: ls, start: ls + lt.indexOf('<!--'), end });
      // Text after the comment on its last line is left to the next block.
      line = endLine + 1;
      continue;
    }
    if (md) {
      const fence = FENCE.exec(lt);
      if (fence) {
        closePara();
        let l = line + 1;
        const marker = fence[1]!;
        while (l < lineCount && !new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lineText(l))) l++;
        const endLine = Math.min(l, lineCount - 1);
        blocks.push({ kind: 'code', from: ls, start: ls, end: lineEnd(text, lineStarts, endLine) });
        line = endLine + 1;
        continue;
      }
      const atx = ATX.exec(lt);
      if (atx) {
        closePara();
        const titleStart = ls + lt.indexOf(atx[2]!, atx[1]!.length);
        blocks.push({ kind: 'heading', from: ls, start: ls, end: le, level: atx[1]!.length, title: atx[2]!.trim(), markup: [{ start: 0, end: titleStart - ls }] });
        line++;
        continue;
      }
      if (para && SETEXT.test(lt) && para.lines >= 1) {
        const level = lt.trim()[0] === '=' ? 1 : 2;
        blocks.push({ kind: 'heading', from: para.start, start: para.start, end: para.end, level, title: text.slice(para.start, para.end).replace(/\s+/g, ' ').trim() });
        para = undefined;
        line++;
        continue;
      }
      if (THEMATIC.test(lt)) {
        closePara();
        line++;
        continue;
      }
      if (BLOCK_QUOTE.test(lt)) {
        closePara();
        let l = line;
        const markup: Span[] = [];
        let end = le;
        while (l < lineCount && !isBlank(l)) {
          const t = lineText(l);
          const q = /^ {0,3}(>[ \t]?)+/.exec(t);
          if (!q && l !== line && (LIST_ITEM.test(t) || ATX.test(t))) break;
          if (q) markup.push({ start: lineStarts[l]! - ls, end: lineStarts[l]! - ls + q[0].length });
          end = lineStarts[l]! + t.length;
          l++;
        }
        blocks.push({ kind: 'block-quote', from: ls, start: ls, end, markup });
        line = l;
        continue;
      }
      // A table: a row of cells, then a separator row.
      if (lt.includes('|') && line + 1 < lineCount && TABLE_SEPARATOR.test(lineText(line + 1)) && lineText(line + 1).includes('-')) {
        closePara();
        const headerCells = splitCells(text, ls, le);
        // Detached: a block keeps its cell across edits, and a slice would keep that version of the draft alive.
        const headers = headerCells.map((c) => detach(text.slice(c.start, c.end).replace(/[*_`]/g, '').trim()));
        headerCells.forEach((c, column) => {
          if (c.end > c.start) blocks.push({ kind: 'table-cell', from: ls, ...c, cell: { row: 0, column, header: headers[column] ?? '', isHeader: true } });
        });
        let l = line + 2;
        let row = 1;
        while (l < lineCount && !isBlank(l) && lineText(l).includes('|')) {
          const rs = lineStarts[l]!;
          splitCells(text, rs, rs + lineText(l).length).forEach((c, column) => {
            if (c.end > c.start) blocks.push({ kind: 'table-cell', from: ls, ...c, cell: { row, column, header: headers[column] ?? '', isHeader: false } });
          });
          row++;
          l++;
        }
        line = l;
        continue;
      }
    }
    const item = LIST_ITEM.exec(lt);
    // In plain text a short numbered line standing alone ("2. Methodology") is a heading, not a list item.
    const standalone = !md && !para && (line + 1 >= lineCount || isBlank(line + 1));
    const plainHeading = item && standalone ? looksLikePlainHeading(lt) : undefined;
    if (plainHeading && /^\s*\d+(\.\d+)*\.?\s/.test(lt) && (roleForHeading(lt) || titleCase(lt))) {
      blocks.push({ kind: 'heading', from: ls, start: ls, end: le, level: plainHeading.level, title: lt.trim() });
      line++;
      continue;
    }
    if (item) {
      closePara();
      let l = line + 1;
      let end = le;
      while (l < lineCount && !isBlank(l)) {
        const le2 = lineEnd(text, lineStarts, l);
        if (plainStartAt(text, lineStarts[l]!, le2, barAt)) {
          end = le2;
          l++;
          continue;
        }
        const t = lineText(l);
        if ((LIST_ITEM.test(t) || (md && (ATX.test(t) || BLOCK_QUOTE.test(t) || FENCE.test(t))) || /^\s*<!--/.test(t))) break;
        end = lineStarts[l]! + t.length;
        l++;
      }
      blocks.push({ kind: 'list-item', from: ls, start: ls, end, markup: [{ start: 0, end: item[0].length }] });
      line = l;
      continue;
    }
    if (para) {
      para.end = le;
      para.lines++;
    } else {
      para = { start: ls, end: le, firstLine: line, lines: 1 };
    }
    line++;
  }
  closePara();
  return { blocks, stoppedAt };
}

/**
 * The raw blocks of an edited draft from those of its previous version: the scan starts at a line
 * where the scanner was at rest before the edit and stops at the first such line in the unchanged
 * text after it; the blocks outside are the previous ones (moved by the edit's length after it).
 * Everything a block's scan reads lies between its construct's start and the end of the line after
 * the block, which is what decides which previous blocks still stand. Undefined when the previous
 * scan cannot be reused (an edit in the front matter, say): then the whole draft is scanned.
 */
function rescanRawBlocks(
  text: string, lineStarts: readonly number[], language: DocumentLanguage, bodyStart: number,
  prev: { text: string; lineStarts: readonly number[]; raw: readonly RawBlock[]; bodyStart: number }, prefix: number, suffix: number,
): RawBlock[] | undefined {
  if (prev.bodyStart !== bodyStart || prefix < bodyStart) return undefined;
  const old = prev.raw;
  const blankBefore = (t: string, ls: readonly number[], at: number): boolean => {
    const line = lineOf(ls, at);
    if (ls[line] !== at || line === 0) return false;
    return /^\s*$/.test(t.slice(ls[line - 1]!, lineEnd(t, ls, line - 1)));
  };
  // The previous blocks whose scan read only text before the edit: up to the end of the line after each.
  const readsTo = (b: RawBlock): number => {
    const line = lineOf(prev.lineStarts, b.end);
    return line + 1 < prev.lineStarts.length ? lineEnd(prev.text, prev.lineStarts, line + 1) : prev.text.length;
  };
  let keep = 0;
  for (let lo = 0, hi = old.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if (readsTo(old[mid]!) < prefix) {
      keep = mid + 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Back to a construct that starts on a line after a blank one, where the scanner is surely at rest.
  const restartable = (k: number): boolean => {
    const b = old[k];
    // Not inside a table (its cells share one construct), and on a line after a blank one.
    return !!b && b.from <= prefix && old[k - 1]!.from !== b.from && blankBefore(prev.text, prev.lineStarts, b.from);
  };
  while (keep > 0 && !restartable(keep)) keep--;
  if (keep === 0) return undefined;
  const restart = old[keep]!.from;
  const delta = text.length - prev.text.length;
  const unchangedFrom = text.length - suffix;
  let resumeAt = -1;
  const { blocks: middle } = findRawBlocks(text, lineStarts, language, bodyStart, {
    line: lineOf(lineStarts, restart),
    stop(line) {
      const at = lineStarts[line]!;
      if (at <= restart || at < unchangedFrom || line === 0 || lineStarts[line - 1]! < unchangedFrom) return false;
      if (!/^\s*$/.test(text.slice(lineStarts[line - 1]!, lineEnd(text, lineStarts, line - 1)))) return false;
      const i = firstFrom(old, at - delta);
      if (i < 0) return false;
      resumeAt = i;
      return true;
    },
  });
  const out = old.slice(0, keep);
  for (const b of middle) out.push(b);
  if (resumeAt >= 0) {
    for (let i = resumeAt; i < old.length; i++) {
      const b = old[i]!;
      // Field by field: this runs for every block after the edit, and a spread is several times slower.
      out.push(delta === 0 ? b : { kind: b.kind, from: b.from + delta, start: b.start + delta, end: b.end + delta, level: b.level, markup: b.markup, cell: b.cell, title: b.title });
    }
  }
  return out;
}

/** The index of the first raw block whose construct starts at `from`, or -1. */
function firstFrom(blocks: readonly RawBlock[], from: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = blocks[mid]!.from;
    if (f === from) {
      found = mid;
      hi = mid - 1;
    } else if (f < from) lo = mid + 1;
    else hi = mid - 1;
  }
  return found;
}

/** Options for parsing. */
export interface ParseOptions {
  language?: DocumentLanguage;
  cache?: BlockTextCache;
  /**
   * The previous parse of the same document. Blocks in the unchanged text before and after an edit
   * are matched by position and reuse their analysis without the text being hashed again; blocks
   * whose position, role and section are unchanged too are reused as they are.
   */
  previous?: ParsedDocument;
}

/** What a parse remembers for the next parse of the same document. */
interface ParseState {
  language: DocumentLanguage;
  /** Per block of the document, in order: its raw shape and the analysis of its text. */
  entries: { start: number; end: number; kind: BlockKind; markup: readonly Span[] | undefined; bt: BlockText; block: Block }[];
  /** The scanner's blocks, for rescanning only around the next edit. */
  raw: readonly RawBlock[];
  bodyStart: number;
}

/** The index of the entry that starts at `at`, or -1 (entries are in document order). */
function entryAt(entries: ParseState['entries'], at: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = entries[mid]!.start;
    if (s === at) return mid;
    if (s < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const states = new WeakMap<ParsedDocument, ParseState>();
/**
 * Section paths, shared between parses: a block under an unchanged heading gets the very same path
 * array as last time, so the caches compare paths by identity instead of title by title.
 */
const paths = new BoundedCache<readonly string[]>(5_000);
function internPath(titles: readonly string[]): readonly string[] {
  const key = titles.join('\u0000');
  const known = paths.get(key);
  if (known) return known;
  paths.set(key, titles);
  return titles;
}
/**
 * What the parser keeps on each block for the caches: its content id and a place for the per-block
 * fact record. A hidden property rather than a WeakMap, which costs a slow lookup per block per
 * cache and grows a table of every block ever parsed. Not enumerable, so it is neither copied by a
 * spread (a moved or trimmed copy is not the parser's block) nor compared by tests.
 */
const SLOT: unique symbol = Symbol('cache slot');
/** A block's cache slot (see `blockSlot`). */
export interface BlockSlot {
  /** See `BlockText.id`. */
  readonly id: number;
  /** Owned by facts.ts: the block's fact record, carried over when the block only moved. */
  facts: unknown;
  /** Owned by facts.ts: the block moved to offset 0, made once and given to every fact. */
  local: Block | undefined;
}
type WithSlot = Block & { [SLOT]?: BlockSlot };
let nextContentId = 1;

/** The parser's cache slot of a block; undefined for blocks built by hand or copied. */
export function blockSlot(block: Block): BlockSlot | undefined {
  return (block as WithSlot)[SLOT];
}

/** The content id of a block (see `BlockText.id`): equal ids mean equal kind, language, markup and text. */
export function contentId(block: Block): number | undefined {
  return (block as WithSlot)[SLOT]?.id;
}

/** Length of the common prefix of two strings, comparing in chunks first. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings that does not reach into the first `limit` characters. */
export function commonSuffix(a: string, b: string, limit: number): number {
  const n = Math.min(a.length, b.length) - limit;
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (i + step <= n && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function sameMarkup(a: readonly Span[] | undefined, b: readonly Span[] | undefined): boolean {
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  if (!a) return true;
  for (let i = 0; i < a.length; i++) if (a[i]!.start !== b![i]!.start || a[i]!.end !== b![i]!.end) return false;
  return true;
}

// Moving a block's sentences and quotations to its place in the document. Written out field by
// field: every paragraph after an edit moves, and object spread is several times slower.
function shiftSentences(list: readonly Sentence[], by: number): Sentence[] {
  const out: Sentence[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    out[i] = { start: s.start + by, end: s.end + by, text: s.text };
  }
  return out;
}
function shiftQuotes(list: readonly Quote[], by: number): Quote[] {
  const out: Quote[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const q = list[i]!;
    out[i] = { start: q.start + by, end: q.end + by, inner: { start: q.inner.start + by, end: q.inner.end + by }, closed: q.closed, mark: q.mark };
  }
  return out;
}

/** Parses a draft into blocks, sections, front matter and disable comments. */
export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  text = flatten(text);
  const language = options.language ?? 'markdown';
  const prevDoc = options.previous;
  const prev = prevDoc ? states.get(prevDoc) : undefined;
  const reuse = prev && prevDoc && prev.language === language ? prev : undefined;
  // The unchanged text: [0, prefix) and, shifted by delta, [text.length - suffix, text.length).
  const prefix = reuse ? commonPrefix(prevDoc!.text, text) : 0;
  const suffix = reuse ? commonSuffix(prevDoc!.text, text, prefix) : 0;
  const delta = reuse ? text.length - prevDoc!.text.length : 0;
  const lineStarts = reuse ? updateLineStarts(prevDoc!.lineStarts, text, prefix, text.length - suffix, delta) : computeLineStarts(text);
  const frontMatter =
    reuse && prevDoc!.frontMatter.span && prevDoc!.frontMatter.span.end < prefix ? prevDoc!.frontMatter : readFrontMatter(text);
  const bodyStart = frontMatter.span?.end ?? 0;
  const raw =
    (reuse && rescanRawBlocks(text, lineStarts, language, bodyStart, { text: prevDoc!.text, lineStarts: prevDoc!.lineStarts, raw: reuse.raw, bodyStart: reuse.bodyStart }, prefix, suffix)) ||
    findRawBlocks(text, lineStarts, language, bodyStart).blocks;
  const blocks: Block[] = [];
  const sections: Section[] = [];
  const entries: ParseState['entries'] = [];
  const stack: { title: string; level: number; role: BlockRole | undefined; section: Section }[] = [];
  let path: readonly string[] = [];
  const currentRole = (): BlockRole => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.role) return stack[i]!.role!;
    return 'body';
  };
  if (frontMatter.span) {
    blocks.push({ kind: 'front-matter', role: 'body', sectionPath: [], start: 0, end: bodyStart, prose: ' '.repeat(bodyStart), sentences: [], quotes: [], paragraphIndex: -1 });
  }
  let paragraphIndex = 0;
  for (const rb of raw) {
    // The same block, unchanged, in the previous parse?
    let old: ParseState['entries'][number] | undefined;
    if (reuse) {
      const at = rb.end <= prefix ? rb.start : rb.start >= text.length - suffix ? rb.start - delta : -1;
      const e = at >= 0 ? reuse.entries[entryAt(reuse.entries, at)] : undefined;
      if (e && e.end - e.start === rb.end - rb.start && e.kind === rb.kind && sameMarkup(e.markup, rb.markup)) old = e;
    }
    let bt = old?.bt;
    if (!bt) {
      // Detached: the cache's key and value must not be slices that keep this version of the draft alive.
      const rawText = detach(text.slice(rb.start, rb.end));
      const key = `${rb.kind}\u0000${language}\u0000${rb.markup?.map((m) => `${m.start}-${m.end}`).join(',') ?? ''}\u0000${rawText}`;
      bt = options.cache?.get(key);
      if (!bt) {
        bt = analyseBlockText(rb.kind, rawText, language, rb.markup);
        options.cache?.set(key, bt);
      }
      if (bt.id === undefined) bt.id = nextContentId++;
    }
    let block: Block;
    if (rb.kind === 'heading') {
      const level = rb.level ?? 1;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) {
        const closed = stack.pop()!;
        closed.section.end = rb.start;
      }
      const title = detach((rb.title ?? bt.prose).replace(/\s+/g, ' ').trim());
      const ownRole = roleForHeading(title);
      const parentRole = currentRole();
      const section: Section = { title, level, role: ownRole ?? parentRole, path: internPath([...stack.map((s) => s.title), title]), heading: { start: rb.start, end: rb.end }, start: rb.start, end: text.length };
      sections.push(section);
      stack.push({ title, level, role: ownRole, section });
      path = section.path;
      const o = old?.block;
      if (o && o.start === rb.start && o.role === section.role && o.level === level && sameStrings(o.sectionPath, section.path)) block = o;
      else block = { kind: 'heading', role: section.role, sectionPath: section.path, level, start: rb.start, end: rb.end, prose: bt.prose, sentences: shiftSentences(bt.sentences, rb.start), quotes: shiftQuotes(bt.quotes, rb.start), paragraphIndex: -1 };
    } else {
      const role: BlockRole = rb.kind === 'block-quote' ? 'quoted-record' : currentRole();
      const index = rb.kind === 'comment' || rb.kind === 'code' ? -1 : paragraphIndex++;
      const o = old?.block;
      if (o && o.start === rb.start && o.role === role && o.paragraphIndex === index && sameCell(o.cell, rb.cell) && sameStrings(o.sectionPath, path)) block = o;
      else {
        block = {
          kind: rb.kind,
          role,
          sectionPath: path,
          start: rb.start,
          end: rb.end,
          prose: bt.prose,
          sentences: shiftSentences(bt.sentences, rb.start),
          quotes: shiftQuotes(bt.quotes, rb.start),
          paragraphIndex: index,
        };
        if (rb.cell) block.cell = rb.cell;
      }
    }
    if (block !== old?.block) {
      // A block that only moved keeps its fact record: facts depend on content, role, section and cell.
      const o = old?.block;
      const same = !!o && o.role === block.role && sameStrings(o.sectionPath, block.sectionPath) && sameCell(o.cell, block.cell);
      const before = same ? blockSlot(o) : undefined;
      const slot: BlockSlot = { id: bt.id!, facts: before?.facts, local: before && o!.paragraphIndex === block.paragraphIndex && o!.level === block.level ? before.local : undefined };
      Object.defineProperty(block, SLOT, { value: slot });
    }
    blocks.push(block);
    entries.push({ start: rb.start, end: rb.end, kind: rb.kind, markup: rb.markup, bt, block });
  }
  const doc: ParsedDocument = { text, language, blocks, sections, frontMatter, comments: parseDisableComments(text, lineStarts), lineStarts };
  states.set(doc, { language, entries, raw, bodyStart });
  return doc;
}
