/**
 * Per-block facts: what a check learns from one block, computed once per distinct block and reused
 * on every later analysis of any draft. This is what keeps a keystroke in a 100-page draft cheap:
 * after an edit only the edited block's facts are computed again, and a check's document-level
 * verdict is drawn from the cached facts of every block instead of from re-reading the text.
 *
 * A fact is keyed by the block's content (the parser's content id), role, section path and table
 * position, so its `compute` may read nothing else: not other blocks, the document, settings or the
 * block's place in the document. `compute` is given the block moved to offset 0; offsets in what it
 * returns are relative to the block (add `block.start` when reporting). Treat facts as read-only and
 * keep no slice of the document's text in them (slice the block's own `prose`, or `detach`).
 */
import type { Block, CellPosition, ParsedDocument } from './document/model';
import { blockSlot } from './document/parse';
import { slotKey } from './block-cache';
import { sameCell, sameStrings } from './equality';

/** A named per-block fact with the function that computes it. Define facts once, at module level. */
/**
 * Computes a fact from one block moved to offset 0, and the block's source text as written (markup,
 * comments and all; `local.prose` is the masked copy). Keep no slice of `raw` in the result.
 */
export type FactCompute<T> = (local: Block, raw: string) => T;

export interface Fact<T> {
  readonly name: string;
  readonly compute: FactCompute<T>;
  /** Index into each block's record of facts. */
  readonly slot: number;
}

const byName = new Map<string, Fact<unknown>>();

/** Defines a fact. Names are unique ("family/mentions"); defining the same name twice is a mistake. */
export function defineFact<T>(name: string, compute: FactCompute<T>): Fact<T> {
  if (byName.has(name)) throw new Error(`The per-block fact "${name}" is defined twice.`);
  const fact: Fact<T> = { name, compute, slot: byName.size };
  byName.set(name, fact as Fact<unknown>);
  return fact;
}

/** The fact for a name, defined on first use with `compute` (for `blockFacts` callers that pass a name). */
export function factNamed<T>(name: string, compute: FactCompute<T>): Fact<T> {
  return (byName.get(name) as Fact<T> | undefined) ?? defineFact(name, compute);
}

/**
 * Facts of one block, by slot; `EMPTY` marks a slot not yet computed. Records are kept full (every
 * slot up to the highest asked for holds a value or `EMPTY`): reading past the end of an array, or
 * a hole in it, sends V8 down a slow path, and `factsOf` reads a slot of every block's record.
 */
type FactRecord = unknown[];
const EMPTY: unique symbol = Symbol('not computed');

/** A new record with room for every fact defined so far. */
function newRecord(): FactRecord {
  return new Array<unknown>(byName.size).fill(EMPTY);
}

/** Makes room in `record` for `slot` (facts defined after the record was made). */
function reach(record: FactRecord, slot: number): void {
  while (record.length <= slot) record.push(EMPTY);
}
/** Stands for a computed `undefined`. */
const NONE: unique symbol = Symbol('none');

interface Entry {
  role: Block['role'];
  path: readonly string[];
  cell: CellPosition | undefined;
  record: FactRecord;
}


/**
 * Records by content id, in two generations so memory stays bounded while typing: when the newer
 * generation passes the limit the older one is dropped. A hit in the older one is promoted.
 */
const LIMIT = 40_000;
let current = new Map<number, Entry[]>();
let previous = new Map<number, Entry[]>();
let size = 0;
/** Records of blocks the parser did not make (built by hand in tests, or copies). */
const byBlock = new WeakMap<Block, FactRecord>();

function find(map: Map<number, Entry[]>, id: number, block: Block): Entry | undefined {
  const entries = map.get(slotKey(id, block));
  if (!entries) return undefined;
  for (const e of entries) if (e.role === block.role && sameStrings(e.path, block.sectionPath) && sameCell(e.cell, block.cell)) return e;
  return undefined;
}

function store(id: number, block: Block, entry: Entry): void {
  const key = slotKey(id, block);
  const entries = current.get(key);
  if (!entries) current.set(key, [entry]);
  else {
    // The same words in many places (a table's repeated "Police" cell): keep the latest few.
    if (entries.length >= 8) entries.shift();
    entries.push(entry);
  }
  if (++size > LIMIT) {
    previous = current;
    current = new Map();
    size = 0;
  }
}

function recordOf(block: Block): FactRecord {
  const slot = blockSlot(block);
  if (slot?.facts) return slot.facts as FactRecord;
  const known = slot ? undefined : byBlock.get(block);
  if (known) return known;
  const id = slot?.id;
  let record: FactRecord;
  if (id === undefined) {
    // A block the parser did not make (built by hand, or a copy): facts for this object only.
    record = newRecord();
  } else {
    const hit = find(current, id, block) ?? find(previous, id, block);
    if (hit) {
      record = hit.record;
      if (!current.get(slotKey(id, block))?.includes(hit)) store(id, block, hit);
    } else {
      record = newRecord();
      store(id, block, { role: block.role, path: block.sectionPath, cell: block.cell, record });
    }
  }
  if (slot) slot.facts = record;
  else byBlock.set(block, record);
  return record;
}

/** A copy of a block moved to offset 0, with its sentences and quotations moved with it. */
export function rebaseBlock(block: Block): Block {
  const d = block.start;
  if (d === 0) return block;
  return {
    ...block,
    start: 0,
    end: block.end - d,
    sentences: block.sentences.map((s) => ({ ...s, start: s.start - d, end: s.end - d })),
    quotes: block.quotes.map((q) => ({ ...q, start: q.start - d, end: q.end - d, inner: { start: q.inner.start - d, end: q.inner.end - d } })),
  };
}

/** The block moved to offset 0, made once per block and shared by every fact computed for it. */
function localOf(block: Block): Block {
  const slot = blockSlot(block);
  if (!slot) return rebaseBlock(block);
  return (slot.local ??= rebaseBlock(block));
}

/** One block's fact, computed or reused; `text` is the text of the document the block is in. */
export function factOf<T>(block: Block, fact: Fact<T>, text: string): T {
  const record = recordOf(block);
  if (record.length <= fact.slot) reach(record, fact.slot);
  const v = record[fact.slot];
  if (v !== EMPTY) return (v === NONE ? undefined : v) as T;
  const value = fact.compute(localOf(block), text.slice(block.start, block.end));
  record[fact.slot] = value === undefined ? NONE : value;
  return value;
}

interface DocumentFacts {
  /** Each block's record, in the order of `doc.blocks`, found once per parsed document. */
  records: FactRecord[];
  bySlot: Map<number, readonly unknown[]>;
}
const perDocument = new WeakMap<ParsedDocument, DocumentFacts>();

/**
 * The fact for every block of the document, in the order of `doc.blocks`, computed once per parsed
 * document and reused by every check that asks. Blocks a fact does not apply to (headings, code)
 * are still computed: let `compute` return something cheap for them.
 */
export function factsOf<T>(doc: ParsedDocument, fact: Fact<T>): readonly T[] {
  let known = perDocument.get(doc);
  if (!known) {
    const records: FactRecord[] = new Array(doc.blocks.length);
    for (let i = 0; i < doc.blocks.length; i++) records[i] = recordOf(doc.blocks[i]!);
    perDocument.set(doc, (known = { records, bySlot: new Map() }));
  }
  const hit = known.bySlot.get(fact.slot);
  if (hit) return hit as readonly T[];
  const out: T[] = new Array(doc.blocks.length);
  const slot = fact.slot;
  for (let i = 0; i < out.length; i++) {
    const record = known.records[i]!;
    if (record.length <= slot) reach(record, slot);
    const v = record[slot];
    if (v !== EMPTY) out[i] = (v === NONE ? undefined : v) as T;
    else {
      const b = doc.blocks[i]!;
      const value = fact.compute(localOf(b), doc.text.slice(b.start, b.end));
      record[slot] = value === undefined ? NONE : value;
      out[i] = value;
    }
  }
  known.bySlot.set(slot, out);
  return out;
}

/**
 * A fresh object for each distinct block (its content, role, section and cell). Two documents' blocks
 * with the same identity are the same block, moved at most, so comparing these arrays across two
 * versions of a draft tells which blocks an edit changed: for a document-level result that is
 * kept while the blocks it was built from stay the same.
 */
export const BLOCK_IDENTITY: Fact<object> = defineFact('facts/block-identity', () => ({}));

const onceCache = new WeakMap<ParsedDocument, Map<unknown, unknown>>();

/**
 * A document-level value computed once per parsed document and shared by the checks that need it
 * (the involvement analysis, the identity facts). Build it from `factsOf` so that it is cheap to
 * compute again after an edit. `key` is a module-level constant (a function or object).
 */
export function perDocumentValue<T>(doc: ParsedDocument, key: object, compute: () => T): T {
  let m = onceCache.get(doc);
  if (!m) onceCache.set(doc, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = compute();
  m.set(key, v);
  return v;
}
