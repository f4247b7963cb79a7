/** Groups a document's table cells back into tables and rows, for checks that read a table as a whole. */
import type { Block } from './model';

/** Tables (consecutive cells) as rows of cells; a header cell in column 0 or a lower row number starts a new table. */
export function groupTables(blocks: readonly Block[]): Block[][][] {
  const out: Block[][][] = [];
  let current: Block[][] | undefined;
  let prev: Block | undefined;
  for (const b of blocks) {
    if (!b.cell) {
      current = undefined;
      prev = b;
      continue;
    }
    if (!current || !prev?.cell || (b.cell.isHeader && b.cell.column === 0) || b.cell.row < prev.cell.row) {
      current = [];
      out.push(current);
    }
    (current[b.cell.row] ??= []).push(b);
    prev = b;
  }
  return out;
}
