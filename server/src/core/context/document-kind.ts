/** Tells a whole review from a scratch fragment, so document-level absence rules stay quiet on fragments. */
import type { ParsedDocument } from '../document/model';
import { defineFact, factsOf, perDocumentValue } from '../facts';

const WORDS = defineFact('document/words', (b) => {
  if (b.kind === 'code' || b.kind === 'front-matter' || b.kind === 'comment') return 0;
  const m = b.prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
});

/** Words of prose in the document (front matter, code and comments excluded). */
export function wordCount(doc: ParsedDocument): number {
  return perDocumentValue(doc, WORDS, () => {
    let n = 0;
    for (const w of factsOf(doc, WORDS)) n += w;
    return n;
  });
}

/**
 * True for a draft that reads as a whole review: several sections and enough prose, or front matter
 * declaring a review type with a reasonable amount of text. A paragraph pasted in to try the
 * checker is not told it lacks a family section.
 */
export function isWholeReview(doc: ParsedDocument): boolean {
  const words = wordCount(doc);
  const headings = doc.sections.length;
  if (doc.frontMatter.reviewType && words >= 300 && headings >= 2) return true;
  return headings >= 3 && words >= 600;
}
