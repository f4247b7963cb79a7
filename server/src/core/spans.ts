/** Lookups in lists of spans kept in document order. */
import type { Span } from './types';

/**
 * The index of the span that holds `at` in a list of spans in order that do not overlap (the
 * blocks of a document, the sentences of a block), or -1. Binary search: a draft has thousands.
 */
export function indexOfSpanAt(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = spans[mid]!;
    if (at < x.start) hi = mid - 1;
    else if (at >= x.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
