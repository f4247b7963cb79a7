/**
 * PDF to Markdown with pdf.js (text layer only; nothing is rendered). Lines are rebuilt from the
 * positioned text, then paragraphs: lines that PDF breaks are joined, words hyphenated across a
 * line break are mended, and a paragraph that runs on to the next page stays one paragraph.
 * Headings come from font size, lists from their bullets and numbers, tables from text set in
 * aligned columns (a header row that repeats on each page is read once). Running headers and
 * footers, page numbers and tables of contents are left out; footnotes are gathered at the end.
 * Page numbers are kept: `pageStarts` gives the offset at which each page's text starts, and a
 * comment such as `<!-- page 4 -->` marks it in the text for a reader.
 */
import type { ExtractResult } from './types';

// pdf.js is loaded on first use (it is large) and without its start-up warnings about canvas
// support, which text extraction does not need. Its worker code runs in this thread.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

async function loadPdfJs(): Promise<PdfJs> {
  if (!loading) {
    loading = (async () => {
      const saved = { log: console.log, warn: console.warn };
      console.log = () => undefined;
      console.warn = () => undefined;
      try {
        const g = globalThis as { pdfjsWorker?: unknown };
        const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
        // @ts-expect-error: the worker module has no type declarations.
        g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
        return lib;
      } finally {
        console.log = saved.log;
        console.warn = saved.warn;
      }
    })();
  }
  return loading;
}

/** The largest PDF read, in pages. */
export const MAX_PDF_PAGES = 3000;

interface Seg {
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  segs: Seg[];
  text: string;
  /** The line begins with a small raised number: a footnote at the foot of the page. */
  noteNumber?: string;
}

interface RawItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

const BULLET = /^(?:[•●▪◦‣∙·■□○➢➤►✓✔\-–—*]|[\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF06E\uF0A8])\s+/u;
const MARKER_ONLY = /^(?:[•●▪◦‣∙·■□○➢➤►✓✔\-–—*]|[\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF06E\uF0A8]|\d{1,3}[.)]|[a-z][.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)|[ivx]{1,5}[.)])$/u;
const NUMBERED = /^(?:\d{1,3}[.)]|[a-z][.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)|[ivx]{1,5}[.)])\s+/;
const TOC_LINE = /^(.{2,}?)\s*(?:(?:\.\s?){4,}|…{2,}|_{4,}|\s{4,})\s*(\d{1,4}|[ivxlc]{1,6})$/i;
const CONTENTS = /^\s*(?:table of )?contents\s*$/i;
const PAGE_NUMBER = /^\s*(?:page\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?\s*$|^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/i;
const HEADER_WORDS = /\b(?:draft|confidential|official|sensitive|restricted|not for (?:publication|circulation)|version \d|v\d+(?:\.\d+)?|page)\b/i;
const SENTENCE_END = /[.!?:;]["'”’)\]]*\s*$/;
// Words whose hyphen is part of the word when a line break falls after it ("multi-agency").
const KEEP_HYPHEN = new Set(['multi', 'non', 'self', 'ex', 'step', 'well', 'cross', 'anti', 'semi', 'half', 'great', 'co', 'mid', 'pre', 'post', 'inter', 'intra', 'sub', 'child', 'young', 'long', 'short', 'full', 'part', 'low', 'high', 'face', 'follow', 'one', 'two', 'three', 'four', 'five', 'first', 'second', 'third', 'so', 'de', 'on', 'off', 'out', 'under', 'over']);

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function mode(values: number[], weights?: number[]): number {
  const m = new Map<number, number>();
  values.forEach((v, i) => m.set(v, (m.get(v) ?? 0) + (weights?.[i] ?? 1)));
  let best = 0;
  let n = -1;
  for (const [v, c] of m) if (c > n) [best, n] = [v, c];
  return best;
}

/** Joins two pieces of one paragraph that a line break separated, mending hyphenation. */
export function joinBroken(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const hy = /(\p{L}+)[-\u00AD\u2010]$/u.exec(a);
  if (hy && /^\p{Ll}/u.test(b)) {
    if (KEEP_HYPHEN.has(hy[1]!.toLowerCase()) && !a.endsWith('\u00AD')) return a.replace(/[\u00AD\u2010]$/, '-') + b;
    return a.slice(0, -1) + b;
  }
  if (a.endsWith('\u00AD')) return a.slice(0, -1) + b;
  if (/[\s/]$/.test(a) || /^[\s,.;:!?)]/.test(b)) return a + b;
  return `${a} ${b}`;
}

function buildLines(items: RawItem[], page: number): Line[] {
  const lines: { y: number; size: number; items: RawItem[] }[] = [];
  let cur: (typeof lines)[number] | undefined;
  for (const it of items) {
    if (!it.str) continue;
    // A small raised number belongs to the line it sits above (a footnote reference).
    const raised = cur && it.size < cur.size * 0.8 && it.y > cur.y && it.y - cur.y < cur.size * 0.8;
    if (cur && (Math.abs(it.y - cur.y) <= Math.max(cur.size, it.size) * 0.45 || raised)) {
      cur.items.push(it);
      if (it.size > cur.size && !raised) {
        cur.size = it.size;
        cur.y = it.y;
      }
      continue;
    }
    // Items of an earlier line can come back (for example after a raised number).
    const back = lines.find((l) => Math.abs(it.y - l.y) <= Math.max(l.size, it.size) * 0.3 && it.size >= l.size * 0.8);
    if (back) {
      back.items.push(it);
      cur = back;
      continue;
    }
    cur = { y: it.y, size: it.size, items: [it] };
    lines.push(cur);
  }
  const out: Line[] = [];
  // Reading order: top to bottom (the content stream may draw a table's cells, or a header, out of order).
  lines.sort((a, b) => b.y - a.y);
  for (const l of lines) {
    const sorted = l.items.sort((a, b) => a.x - b.x);
    const segs: Seg[] = [];
    let noteNumber: string | undefined;
    let seg: Seg | undefined;
    let prev: RawItem | undefined;
    for (const it of sorted) {
      // pdf.js reports the space between two runs as an item as wide as the gap: look through it.
      if (!it.str.trim()) {
        if (seg && prev && it.w < l.size * 0.6 && !/\s$/.test(seg.text)) seg.text += ' ';
        continue;
      }
      const small = it.size < l.size * 0.8 && it.y > l.y + l.size * 0.1 && /^\d{1,3}$/.test(it.str.trim());
      let text = small ? `[^${it.str.trim()}]` : it.str;
      if (small && !seg) {
        noteNumber = it.str.trim();
        prev = it;
        continue;
      }
      const gap = prev ? it.x - (prev.x + prev.w) : 0;
      if (!seg || gap > Math.max(l.size * 0.55, 4)) {
        seg = { x0: it.x, x1: it.x + it.w, text: text.replace(/^\s+/, '') };
        if (seg.text || text.trim()) segs.push(seg);
        else seg = undefined;
      } else {
        if (gap > l.size * 0.12 && !/\s$/.test(seg.text) && !/^\s/.test(text) && !small) text = ` ${text}`;
        seg.text += text;
        seg.x1 = Math.max(seg.x1, it.x + it.w);
      }
      prev = it;
    }
    const kept = segs.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text);
    // A bullet or list number set apart from its text is one piece with it, not a table column.
    if (kept.length >= 2 && MARKER_ONLY.test(kept[0]!.text)) {
      const [m, t] = kept as [Seg, Seg];
      kept.splice(0, 2, { x0: m.x0, x1: t.x1, text: `${m.text} ${t.text}` });
    }
    if (kept.length === 0) continue;
    out.push({ page, y: l.y, x0: kept[0]!.x0, x1: kept[kept.length - 1]!.x1, size: Math.round(l.size * 2) / 2, segs: kept, text: kept.map((s) => s.text).join(' '), noteNumber });
  }
  return out;
}

interface PageText {
  lines: Line[];
  height: number;
  chars: number;
}

/**
 * Drops running headers and footers and page numbers. A header or footer sits in the page's top or
 * bottom margin, set apart from the text by a gap; it is dropped when it is a page number, when it
 * repeats on many pages, or (on a short document, where nothing can repeat) when it is short.
 * Footnotes above a footer are kept.
 */
function dropMargins(pages: PageText[]): void {
  const key = (t: string): string => t.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const sizes = pages.flatMap((p) => p.lines.map((l) => l.size));
  const bodyMedian = median(sizes) || 11;
  const gapAtLeast = bodyMedian * 1.9;
  // The lines of each page set apart at the top and at the bottom.
  const marginal = pages.map((p) => {
    const out = new Map<Line, 'top' | 'bottom'>();
    const byY = [...p.lines].sort((a, b) => b.y - a.y);
    for (let i = 0; i < byY.length - 1; i++) {
      const l = byY[i]!;
      if (l.y < p.height * 0.88) break;
      if (l.y - byY[i + 1]!.y > gapAtLeast) {
        for (let k = 0; k <= i; k++) out.set(byY[k]!, 'top');
        break;
      }
    }
    for (let i = byY.length - 1; i > 0; i--) {
      const l = byY[i]!;
      if (l.y > p.height * 0.12) break;
      if (byY[i - 1]!.y - l.y > gapAtLeast) {
        for (let k = i; k < byY.length; k++) if (!out.has(byY[k]!)) out.set(byY[k]!, 'bottom');
        break;
      }
    }
    // A page number alone at the very top or bottom, whatever the gap.
    for (const l of [byY[0], byY[byY.length - 1]]) if (l && PAGE_NUMBER.test(l.text) && (l.y > p.height * 0.88 || l.y < p.height * 0.12)) out.set(l, l.y > p.height / 2 ? 'top' : 'bottom');
    for (const [l] of out) if (l.noteNumber) out.delete(l);
    return out;
  });
  const seen = new Map<string, number>();
  marginal.forEach((m) => {
    const here = new Set<string>();
    for (const [l, z] of m) here.add(`${z}:${key(l.text)}`);
    for (const k of here) seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  const many = pages.length >= 3 ? Math.max(2, Math.ceil(pages.length * 0.3)) : 2;
  pages.forEach((p, i) => {
    const m = marginal[i]!;
    p.lines = p.lines.filter((l) => {
      const z = m.get(l);
      if (!z) return true;
      if (PAGE_NUMBER.test(l.text)) return false;
      if ((seen.get(`${z}:${key(l.text)}`) ?? 0) >= many) return false;
      // A short document: nothing repeats, so only text that looks like a running header or footer goes
      // (smaller than the text, or saying draft, confidential and the like); a title stays.
      return !(pages.length < 3 && l.text.length < 120 && (l.size < bodyMedian * 0.95 || HEADER_WORDS.test(l.text)));
    });
  });
}

type Kind = 'heading' | 'paragraph' | 'item' | 'note' | 'row';

interface Block {
  kind: Kind;
  level?: number;
  ordered?: boolean;
  depth?: number;
  page: number;
  /** Text pieces with the page each begins on. */
  parts: { text: string; page: number }[];
  last: Line;
  /** For list items: where the item's text starts, so its wrapped lines can be told apart. */
  textX?: number;
  rows?: { cells: string[]; page: number }[];
  anchors?: number[];
  header?: string;
  noteNumber?: string;
}

/** Reads a PDF file. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { ok: false, format: 'pdf', kind: 'corrupt', reason: 'the file is damaged or is not a PDF. Export the review from Word again (File > Save as > PDF), then check that copy' };
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') return { ok: false, format: 'pdf', kind: 'encrypted', reason: 'the PDF is password-protected. Ask the sender for a copy without a password, or open it and save a copy without one, then check that copy' };
    return { ok: false, format: 'pdf', kind: 'corrupt', reason: 'the PDF could not be read: it may be damaged. Export the review from Word again (File > Save as > PDF), then check that copy' };
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) return { ok: false, format: 'pdf', kind: 'too-large', reason: `the PDF has ${doc.numPages} pages, more than the ${MAX_PDF_PAGES} the checker reads. Check it in parts, or check the Word version` };
    const pages: PageText[] = [];
    let unreadable = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let items: RawItem[] = [];
      let height = 842;
      try {
        const page = await doc.getPage(n);
        height = page.view[3]! - page.view[1]!;
        const bottom = page.view[1]!;
        const left = page.view[0]!;
        const content = await page.getTextContent({ includeMarkedContent: false });
        items = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const t = it.transform as number[];
          const size = Math.hypot(t[2]!, t[3]!) || Math.abs(t[3]!) || 1;
          // Rotated text (margin notes, watermarks) is not running prose.
          if (Math.abs(t[1]!) > 0.01 || Math.abs(t[2]!) > 0.01) continue;
          items.push({ str: it.str, x: t[4]! - left, y: t[5]! - bottom, w: it.width, size });
        }
        page.cleanup();
      } catch {
        unreadable++;
      }
      const lines = buildLines(items, n);
      pages.push({ lines, height, chars: lines.reduce((k, l) => k + l.text.replace(/\s/g, '').length, 0) });
    }
    const withText = pages.filter((p) => p.chars >= 20).length;
    if (withText === 0) {
      return { ok: false, format: 'pdf', kind: 'no-text', reason: 'the PDF has no text to read: it is probably a scan (pictures of pages). Ask for the Word version, or run it through text recognition (OCR, for example "Recognise text" in Adobe Acrobat) and check the result' };
    }
    const warnings: string[] = [];
    const blank = pages.length - withText;
    if (blank > 0 && blank >= pages.length * 0.2 && blank > 1) warnings.push(`${blank} of its ${pages.length} pages have no text (scanned pages?) and were not checked`);
    if (unreadable > 0) warnings.push(`${unreadable} page${unreadable === 1 ? '' : 's'} could not be read and ${unreadable === 1 ? 'was' : 'were'} skipped`);
    const snapshot = pages.map((p) => ({ ...p, lines: [...p.lines] }));
    let out = layout(pages, true);
    // Never lose the text: if telling margins from body left nothing, read every line as body.
    if (!out.text.replace(/<!--[\s\S]*?-->/g, '').trim()) out = layout(snapshot, false);
    return { ok: true, format: 'pdf', language: 'markdown', text: out.text, pageStarts: out.pageStarts, pageCount: pages.length, footnotes: out.footnotes, warnings };
  } finally {
    void doc.destroy();
  }
}

/** Turns the pages' lines into Markdown, recording where each page starts. */
function layout(pages: PageText[], margins: boolean): { text: string; pageStarts: number[]; footnotes: number } {
  if (margins) dropMargins(pages);
  const all = pages.flatMap((p) => p.lines);
  const bodySize = mode(
    all.map((l) => l.size),
    all.map((l) => l.text.length),
  );
  // Heading levels from the distinct sizes larger than the body text.
  const headingSizes = [...new Set(all.filter((l) => l.size >= bodySize * 1.12 && l.text.length < 200).map((l) => l.size))].sort((a, b) => b - a).slice(0, 6);
  const levelOf = (size: number): number => headingSizes.indexOf(size) + 1;
  // The usual distance between lines of a paragraph.
  const gaps: number[] = [];
  for (const p of pages) {
    for (let i = 1; i < p.lines.length; i++) {
      const a = p.lines[i - 1]!;
      const b = p.lines[i]!;
      if (a.size === bodySize && b.size === bodySize && a.y > b.y) gaps.push(Math.round((a.y - b.y) * 2) / 2);
    }
  }
  const pitch = mode(gaps.filter((g) => g > bodySize * 0.9 && g < bodySize * 2.5)) || bodySize * 1.2;
  const leftMargin = mode(all.filter((l) => l.size === bodySize).map((l) => Math.round(l.x0)));

  const blocks: Block[] = [];
  const notes: { number: string; text: string }[] = [];
  let cur: Block | undefined;
  let inToc = false;
  let pageTopRow = 0;
  let listX: number | undefined;

  const close = (): void => {
    cur = undefined;
  };
  for (const p of pages) {
    // Footnotes: from the first line at the foot of the page that starts with a raised number.
    let noteFrom = p.lines.length;
    for (let i = 0; i < p.lines.length; i++) {
      const l = p.lines[i]!;
      if (l.noteNumber && l.y < p.height * 0.45 && p.lines.slice(i).every((x) => x.size <= bodySize)) {
        noteFrom = i;
        break;
      }
    }
    let prevOnPage: Line | undefined;
    for (let i = 0; i < p.lines.length; i++) {
      const l = p.lines[i]!;
      if (i >= noteFrom) {
        if (l.noteNumber || notes.length === 0) notes.push({ number: l.noteNumber ?? String(notes.length + 1), text: l.text });
        else notes[notes.length - 1]!.text = joinBroken(notes[notes.length - 1]!.text, l.text);
        continue;
      }
      const gap = prevOnPage ? prevOnPage.y - l.y : Infinity;
      const samePage = !!prevOnPage;
      prevOnPage = l;
      // Tables of contents: a "Contents" heading and lines ending in page numbers.
      if (CONTENTS.test(l.text)) {
        inToc = true;
        close();
        continue;
      }
      if (TOC_LINE.test(l.text) && (inToc || TOC_LINE.test(p.lines[i + 1]?.text ?? '') || TOC_LINE.test(p.lines[i - 1]?.text ?? ''))) {
        inToc = true;
        close();
        continue;
      }
      inToc = false;
      const level = levelOf(l.size);
      if (level > 0 && !BULLET.test(l.text)) {
        if (cur?.kind === 'heading' && cur.level === level && samePage && gap <= l.size * 1.6) {
          cur.parts.push({ text: l.text, page: l.page });
          cur.last = l;
          continue;
        }
        cur = { kind: 'heading', level, page: l.page, parts: [{ text: l.text, page: l.page }], last: l };
        blocks.push(cur);
        listX = undefined;
        continue;
      }
      // Tables: text in two or more aligned columns.
      if (cur?.kind === 'row' && cur.anchors) {
        const anchors = cur.anchors;
        // The column a piece of text starts in; -1 when it does not fit the table's columns (it
        // starts before the first, or runs across into the next column).
        const column = (sg: Seg): number => {
          let k = -1;
          for (let j = 0; j < anchors.length; j++) if (sg.x0 >= anchors[j]! - 5) k = j;
          if (k < 0) return -1;
          const next = anchors[k + 1];
          return next !== undefined && sg.x1 > next + 2 ? -1 : k;
        };
        const cols = l.segs.map(column);
        const fits = cols.every((k) => k >= 0) && l.size <= bodySize * 1.05;
        const rows = cur.rows!;
        // The header row that Word repeats at the top of each page: read it once, and treat the
        // line after it as the top of the page.
        if (fits && (!samePage || pageTopRow === l.page) && cols.length === anchors.length && l.segs.map((x) => x.text).join('\u0000') === cur.header && rows.length > 1) {
          pageTopRow = l.page;
          cur.last = l;
          continue;
        }
        const topOfPage = !samePage || (pageTopRow === l.page && cur.last.page === l.page && cur.last.segs.map((x) => x.text).join('\u0000') === cur.header);
        if (fits && samePage && !topOfPage && gap <= pitch * 1.25) {
          // Wrapped text inside the current row's cells.
          const row = rows[rows.length - 1]!;
          l.segs.forEach((sg, j) => (row.cells[cols[j]!] = joinBroken(row.cells[cols[j]!] ?? '', sg.text)));
          cur.last = l;
          continue;
        }
        // A row that the page break cut in two: its first column is empty at the top of the next page.
        if (fits && topOfPage && !cols.includes(0) && rows.length > 0) {
          const row = rows[rows.length - 1]!;
          l.segs.forEach((sg, j) => (row.cells[cols[j]!] = joinBroken(row.cells[cols[j]!] ?? '', sg.text)));
          cur.last = l;
          continue;
        }
        if (fits && (samePage && !topOfPage ? gap <= pitch * 4 : true)) {
          const cells: string[] = Array.from({ length: anchors.length }, () => '');
          l.segs.forEach((sg, j) => (cells[cols[j]!] = joinBroken(cells[cols[j]!]!, sg.text)));
          rows.push({ cells, page: l.page });
          cur.last = l;
          continue;
        }
        close();
      }
      // A row complete on the previous line of the page: check whether the header row repeated.
      if (l.segs.length >= 2) {
        const anchors = l.segs.map((s) => s.x0);
        cur = { kind: 'row', page: l.page, parts: [], last: l, anchors, rows: [{ cells: l.segs.map((s) => s.text), page: l.page }] };
        cur.header = cur.rows![0]!.cells.join('\u0000');
        blocks.push(cur);
        listX = undefined;
        continue;
      }
      const bullet = BULLET.exec(l.text);
      const numbered = bullet ? null : NUMBERED.exec(l.text);
      const marker = bullet ?? numbered;
      const continues =
        (cur?.kind === 'paragraph' || cur?.kind === 'item') &&
        Math.abs(cur.last.size - l.size) < 0.6 &&
        (samePage ? gap <= pitch * 1.25 : !SENTENCE_END.test(cur.last.text) || /^\p{Ll}/u.test(l.text));
      if (marker && !(continues && cur?.kind === 'paragraph' && samePage && numbered && /^\d/.test(l.text) && !SENTENCE_END.test(cur.last.text))) {
        listX ??= l.x0;
        const depth = Math.max(0, Math.min(3, Math.round((l.x0 - listX) / 18)));
        const text = l.text.slice(marker[0].length);
        cur = { kind: 'item', ordered: !!numbered, depth, page: l.page, parts: [{ text, page: l.page }], last: l, textX: l.segs[0]!.x0 + (l.segs[0]!.x1 - l.segs[0]!.x0) * (marker[0].length / Math.max(1, l.segs[0]!.text.length)) };
        blocks.push(cur);
        continue;
      }
      if (continues && cur) {
        // A list item's wrapped line is indented under its text; a line back at the margin is new prose.
        if (cur.kind === 'item' && samePage && l.x0 < (cur.textX ?? 0) - 12 && Math.abs(l.x0 - leftMargin) < 6 && gap > pitch * 1.05) {
          // falls through to a new paragraph
        } else {
          cur.parts.push({ text: l.text, page: l.page });
          cur.last = l;
          continue;
        }
      }
      if (Math.abs(l.x0 - leftMargin) < 6) listX = undefined;
      cur = { kind: 'paragraph', page: l.page, parts: [{ text: l.text, page: l.page }], last: l };
      blocks.push(cur);
    }
  }

  // Markdown, with page starts.
  let text = '';
  const pageStarts: number[] = [0];
  const markPage = (page: number, at: number): void => {
    while (pageStarts.length < page) pageStarts.push(at);
  };
  let lastPage = 0;
  for (const b of blocks) {
    if (text) text += '\n\n';
    if (b.page > lastPage && b.kind !== 'row') {
      markPage(b.page, text.length);
      text += `<!-- page ${b.page} -->\n\n`;
    }
    if (b.kind === 'row') {
      // Word repeats a table's header row at the top of each page: read it once.
      const head = b.rows![0]!.cells.join('\u0000');
      const rows = b.rows!.filter((r, k) => k === 0 || r.cells.join('\u0000') !== head || r.page === b.rows![0]!.page);
      const width = b.anchors!.length;
      const cell = (s: string): string => (s || ' ').replace(/\|/g, '/');
      const lines = rows.map((r) => `| ${Array.from({ length: width }, (_, k) => cell(r.cells[k] ?? '')).join(' | ')} |`);
      lines.splice(1, 0, `|${' --- |'.repeat(width)}`);
      let at = text.length;
      lines.forEach((ln, k) => {
        const r = k === 0 ? rows[0]! : k === 1 ? undefined : rows[k - 1]!;
        if (r) markPage(r.page, at);
        at += ln.length + 1;
      });
      markPage(b.page, text.length);
      text += lines.join('\n');
      lastPage = Math.max(lastPage, rows[rows.length - 1]!.page);
      continue;
    }
    const prefix = b.kind === 'heading' ? `${'#'.repeat(b.level!)} ` : b.kind === 'item' ? `${'  '.repeat(b.depth ?? 0)}${b.ordered ? '1.' : '-'} ` : '';
    markPage(b.page, text.length);
    text += prefix;
    let body = '';
    for (const part of b.parts) {
      const before = body.length;
      body = joinBroken(body, part.text);
      if (part.page > b.page) {
        // The page turns inside this block: find where this part's words start.
        const start = text.length + Math.max(before, body.length - part.text.length);
        markPage(part.page, start);
      }
    }
    if (b.kind === 'paragraph') body = body.replace(/^(#{1,6}\s|>|```|~~~)/, '\\$1');
    text += body;
    lastPage = Math.max(lastPage, b.parts[b.parts.length - 1]!.page);
  }
  if (notes.length) {
    text += `\n\n# Footnotes`;
    for (const n of notes) text += `\n\n[^${n.number}]: ${n.text}`;
  }
  markPage(pages.length, text.length);
  return { text: `${text}\n`, pageStarts: pageStarts.slice(0, pages.length), footnotes: notes.length };
}
