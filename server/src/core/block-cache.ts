/**
 * A cache of per-block results keyed by what a block's own analysis can read: its content (the
 * parser's content id), role, section path and table position, and optionally the next prose block
 * and a string such as the children's names. No key string is built or hashed: entries are found by
 * content id and compared field by field, which keeps a keystroke in a long draft cheap.
 */
import type { Block, CellPosition } from './document/model';
import { contentId } from './document/parse';
import { sameCell, sameStrings } from './equality';

interface Slot<V> {
  role: Block['role'];
  path: readonly string[];
  cell: CellPosition | undefined;
  nextId: number;
  nextRole: Block['role'] | undefined;
  nextPath: readonly string[] | undefined;
  nextCell: CellPosition | undefined;
  extra: string;
  value: V;
}


/**
 * The map key for a block's entries: its content id, and for a table cell its row and column. The
 * same short text can fill a column of a long table ("Emergency department" in every row); keyed
 * by content alone, those cells would share a handful of slots and push each other out.
 */
export function slotKey(id: number, block: Block): number {
  const c = block.cell;
  return c ? id * 1_048_576 + (Math.min(c.row, 1023) + 1) * 1024 + Math.min(c.column, 1023) : id * 1_048_576;
}

/** Per-block cache that forgets its older half when it grows past `limit` entries. */
export class BlockCache<V> {
  private current = new Map<number, Slot<V>[]>();
  private previous = new Map<number, Slot<V>[]>();
  private size = 0;
  constructor(private readonly limit: number) {}

  private find(map: Map<number, Slot<V>[]>, id: number, block: Block, next: Block | undefined, nextId: number, extra: string): Slot<V> | undefined {
    const slots = map.get(slotKey(id, block));
    if (!slots) return undefined;
    for (const s of slots) {
      if (s.role === block.role && s.nextId === nextId && s.extra === extra && sameStrings(s.path, block.sectionPath) && sameCell(s.cell, block.cell) && (!next || (s.nextRole === next.role && sameStrings(s.nextPath, next.sectionPath) && sameCell(s.nextCell, next.cell)))) return s;
    }
    return undefined;
  }

  /** The cached value for this block (with this next block and extra key), or undefined. */
  get(block: Block, next?: Block, extra = ''): V | undefined {
    const id = contentId(block);
    const nextId = next ? contentId(next) : 0;
    if (id === undefined || nextId === undefined) return undefined;
    const hit = this.find(this.current, id, block, next, nextId, extra);
    if (hit) return hit.value;
    const old = this.find(this.previous, id, block, next, nextId, extra);
    if (old) this.set(block, next, extra, old.value);
    return old?.value;
  }

  /** Caches a value; blocks the parser did not give a content id are not cached. */
  set(block: Block, next: Block | undefined, extra: string, value: V): void {
    const id = contentId(block);
    const nextId = next ? contentId(next) : 0;
    if (id === undefined || nextId === undefined) return;
    const slot: Slot<V> = {
      role: block.role,
      path: block.sectionPath,
      cell: block.cell,
      nextId,
      nextRole: next?.role,
      nextPath: next?.sectionPath,
      nextCell: next?.cell,
      extra,
      value,
    };
    const key = slotKey(id, block);
    const slots = this.current.get(key);
    if (!slots) this.current.set(key, [slot]);
    else {
      // The same words in many places (a table's repeated "Police" cell): keep the latest few.
      if (slots.length >= 8) slots.shift();
      slots.push(slot);
    }
    if (++this.size > this.limit) {
      this.previous = this.current;
      this.current = new Map();
      this.size = 0;
    }
  }
}
