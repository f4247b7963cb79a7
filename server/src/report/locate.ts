/**
 * Where a finding is, in words a Word or PDF reader can follow: page (PDF), heading path,
 * paragraph number and a short quotation of the flagged words, besides line and column of the
 * checked text. Pure.
 */
import type { Block, ParsedDocument } from '../core/document/model';
import type { Finding, Span } from '../core/types';
import { pageAt } from '../extract/types';
import { lineOf as lineAt } from '../core/document/parse';

/** A place in a review. */
export interface Location {
  /** 1-based line and column of the checked text (UTF-16 code units). */
  line: number;
  column: number;
  /** PDF page, when the text came from a PDF. */
  page?: number;
  /** Headings from the top level down to the section holding the words. */
  section: string[];
  /** 1-based number of the paragraph (list items, table cells and quotations count as paragraphs). */
  paragraph?: number;
  /** The paragraph's own number when the review numbers its paragraphs ("4.7"). */
  paragraphLabel?: string;
  /** A short quotation of the flagged words. */
  quote: string;
}

/** A finding with its location and, where it has one, the suggested wording. */
export interface LocatedFinding {
  ruleId: string;
  category: Finding['category'];
  severity: Finding['severity'];
  message: string;
  location: Location;
  /** The wording a fix would write, for authors who make the change in Word. */
  suggestion?: string;
}

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote', 'heading']);
const QUOTE_MAX = 120;

/** Shortens a quotation to at most `max` characters at a word boundary. */
export function shortQuote(s: string, max = QUOTE_MAX): string {
  const t = s.replace(/<!--[\s\S]*?-->/g, ' ').replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\|\s*)/, '').replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Finds locations in one parsed document quickly (blocks are in document order). */
export function locator(doc: ParsedDocument, pageStarts?: readonly number[]): (span: Span, quote?: string) => Location {
  const blocks = doc.blocks.filter((b) => b.kind !== 'front-matter');
  // The document's title (one unnumbered top heading over the rest) is left out of section paths.
  const headings = blocks.filter((b) => b.kind === 'heading');
  const tops = headings.filter((b) => b.level === 1 && !/^\s*#*\s*footnotes\s*$/i.test(b.prose));
  const title = headings[0]?.level === 1 && tops.length === 1 && !/^[\s#]*\d/.test(headings[0].prose) && headings.some((h) => (h.level ?? 1) > 1) ? headings[0].sectionPath[0] : undefined;
  const pathOf = (p: readonly string[]): string[] => (title !== undefined && p[0] === title && p.length > 1 ? p.slice(1) : [...p]);
  const blockAt = (offset: number): Block | undefined => {
    let lo = 0;
    let hi = blocks.length - 1;
    let found: Block | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid]!;
      if (b.start <= offset) {
        found = b;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const lineOf = (offset: number): number => lineAt(doc.lineStarts, offset);
  return (span, quote) => {
    const line = lineOf(span.start);
    const b = blockAt(span.start);
    const inBlock = b && span.start < b.end + 1 ? b : undefined;
    const section = pathOf(inBlock ? inBlock.sectionPath : b ? b.sectionPath : []);
    const loc: Location = { line: line + 1, column: span.start - doc.lineStarts[line]! + 1, section, quote: shortQuote(quote ?? doc.text.slice(span.start, Math.min(span.end, span.start + 400))) };
    const page = pageAt(pageStarts, span.start);
    if (page !== undefined) loc.page = page;
    if (inBlock && PROSE_KINDS.has(inBlock.kind) && inBlock.kind !== 'heading') {
      loc.paragraph = inBlock.paragraphIndex + 1;
      const label = /^\s*(?:[-*+]\s+)?(\d{1,2}(?:\.\d{1,3}){1,3})\.?\s/.exec(doc.text.slice(inBlock.start, Math.min(inBlock.end, inBlock.start + 20)));
      if (label) loc.paragraphLabel = label[1];
    }
    return loc;
  };
}

/** The wording a finding's first fix would write, if it writes any. */
export function suggestionOf(f: Finding): string | undefined {
  const fix = f.fixes[0];
  if (!fix) return undefined;
  const text = fix.edits.map((e) => e.text).filter((t) => t.trim()).join(' … ');
  return text.trim() ? shortQuote(text, 300) : fix.title;
}

/** Locates every finding of a document. */
export function locateFindings(findings: readonly Finding[], doc: ParsedDocument, pageStarts?: readonly number[]): LocatedFinding[] {
  const at = locator(doc, pageStarts);
  return findings.map((f) => {
    const out: LocatedFinding = { ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, location: at(f.span, f.quote) };
    const s = suggestionOf(f);
    if (s) out.suggestion = s;
    return out;
  });
}

/** A location as a short phrase: "page 4, Analysis › Episode 2, paragraph 12". */
export function describeLocation(l: Location): string {
  const parts: string[] = [];
  if (l.page !== undefined) parts.push(`page ${l.page}`);
  if (l.section.length) parts.push(l.section.join(' › '));
  if (l.paragraphLabel) parts.push(`paragraph ${l.paragraphLabel}`);
  else if (l.paragraph !== undefined) parts.push(`paragraph ${l.paragraph}`);
  return parts.join(', ') || `line ${l.line}`;
}
