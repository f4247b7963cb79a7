/** Helpers shared by the anonymisation checks: sources, the publication switch, a bounded cache and block walking. */
import type { Block, ParsedDocument } from '../../document/model';
import type { RuleSource, Span } from '../../types';
import { BoundedCache as BoundedMap } from '../../bounded-cache';

/** The seeds and guidance these rules rest on, cited by file name, year and section. */
export const SOURCES = {
  panelPublication: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraph 4.15: plan for publication from the outset and remove intimate and personal details of family life (digest rules P39, Q15)' },
  panelWithheld: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraph 5.32: a cultural heritage not named because it would identify the family, and little exploration of what it meant (digest rule P40)' },
  annualReviewAnonymity: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs, chapter 3 (anonymity as a reason for leaving out race and culture) and chapter 6 (the Panel asks whether publication could harm, not whether the family could be identified) (digest rule 23, language row 32)' },
  annualReviewChronologies: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs, chapter 4: lengthy chronologies of family histories can identify, damage and re-traumatise the family' },
  statutoryReport: { document: 'standards-and-language-guidance.md (research digest)', year: 2018, section: 'Section 1.4: Working Together, LCSPR report content: suitable for publication without needing to be amended or redacted; written in plain English (unverified wording)' },
  scieReport: { document: 'standards-and-language-guidance.md (research digest)', year: 2016, section: 'Section 2: SCIE quality marker 14, the report keeps details of the family to a minimum; rule CSPR-STR-004 over-identifying detail' },
  familyPublication: { document: 'family-involvement.md (research digest)', section: 'Rules R30 and R31: publication and its impact on the family; anonymity used to omit context' },
} satisfies Record<string, RuleSource>;

/** The kinds of block that hold prose (the linter's `ctx.prose`). */
export const PROSE_KINDS: ReadonlySet<string> = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);

/** True when the front matter says the draft is not for publication (`publication: internal`). */
export function isInternal(doc: ParsedDocument): boolean {
  const p = doc.frontMatter.publication ?? (typeof doc.frontMatter.raw['publication'] === 'boolean' && doc.frontMatter.raw['publication'] === false ? 'internal' : undefined);
  return typeof p === 'string' && /^\s*(internal|not[\s-]+for[\s-]+publication|unpublished|restricted|private|none|no)\b/i.test(p);
}

/** A map that forgets its older half when it grows past its limit, so memory stays bounded. */
export { BoundedMap };

/**
 * A bounded cache keyed first by a block's text, then by a short variant (a table header, the
 * child's names). Keying by the text itself lets the engine reuse its hash across lints.
 */
export class TextCache<V> {
  private readonly map: BoundedMap<Map<string, V>>;
  constructor(limit: number) {
    this.map = new BoundedMap(limit);
  }
  get(text: string, variant = ''): V | undefined {
    return this.map.get(text)?.get(variant);
  }
  set(text: string, variant: string, value: V): void {
    let inner = this.map.get(text);
    if (!inner) {
      inner = new Map();
      this.map.set(text, inner);
    }
    inner.set(variant, value);
  }
}

/** Sections that are about the review's authors or publisher rather than the family. */
export const ABOUT_THE_REVIEW = /\b(acknowledg\w*|about the (?:lead |independent )?(?:author|reviewer|review team)s?|the (?:lead |independent )?(?:author|reviewer)s?|authorship|contact(?:s| details| us)?|further information|published by|copyright|enquir(?:y|ies)|foreword|panel members|review (?:team|panel) (?:members|membership)|membership|distribution|document control|version control)\b/i;

/** True when the block sits in a section about the review itself (authors, contact details, foreword). */
export function inAboutSection(block: Block): boolean {
  for (const t of block.sectionPath) if (ABOUT_THE_REVIEW.test(t)) return true;
  return false;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The sentence of `block` holding `at`, or the whole block. */
export function sentenceAt(block: Block, at: number): Span & { text: string } {
  for (const s of block.sentences) if (s.start <= at && at < s.end) return s;
  return { start: block.start, end: block.end, text: block.prose };
}

/** True when `span` sits inside a quotation of `block`. */
export function inQuote(block: Block, span: Span): boolean {
  if (block.role === 'quoted-record' || block.kind === 'block-quote') return true;
  for (const q of block.quotes) if (q.inner.start <= span.start && span.end <= q.inner.end) return true;
  return false;
}
