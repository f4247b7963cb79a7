/** Equality of the small values the caches compare: lists of strings (section paths) and table positions. */
import type { CellPosition } from './document/model';

/** The same strings in the same order; undefined equals only undefined. */
export function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same table position (row, column, header text and header flag). */
export function sameCell(a: CellPosition | undefined, b: CellPosition | undefined): boolean {
  return a === b || (!!a && !!b && a.row === b.row && a.column === b.column && a.header === b.header && a.isHeader === b.isHeader);
}
