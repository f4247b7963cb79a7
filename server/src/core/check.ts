/** Document-level checks written in code, with the same metadata shape as rules kept as data. */
import type { Block, ParsedDocument } from './document/model';
import type { Fix, ReviewType, RuleMeta, Severity, Span } from './types';
import type { LintData } from './data';

/** What a check reports; the linter adds rule id, category and the final severity. */
export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's severity for this one finding (for example info for a quoted record). */
  severity?: Severity;
}

/** What a check is given to work with. */
export interface CheckContext {
  doc: ParsedDocument;
  reviewType: ReviewType | undefined;
  data: LintData;
  /** Prose blocks: paragraphs, list items, table cells and block quotes. */
  prose: readonly Block[];
  report(r: Report): void;
  /** The linter's per-block fact cache; call it through `blockFacts` (contexts built by hand may lack it). */
  memo?<T>(name: string, block: Block, compute: (local: Block) => T): T;
}

/**
 * Facts about one block, computed once per distinct block and reused on every later analysis.
 * Each keystroke re-runs every check over the whole draft, so a check that scans every block should
 * scan through this. `name` names the fact ("my-check/uses"). The cache is keyed by the block's
 * content, kind, role, section path and table position, so `compute` must depend on nothing else:
 * not on other blocks, `ctx.doc`, settings or the block's place in the document. `compute` is given
 * the block moved to offset 0, so offsets in what it returns are relative to the block: add
 * `block.start` when reporting. Treat the result as read-only, and keep no slice of `ctx.doc.text`
 * in it (slice the block's own `prose` instead).
 *
 *     const uses = blockFacts(ctx, 'acronyms/uses', block, (b) => findUses(b.prose));
 *     for (const u of uses) ctx.report({ span: { start: block.start + u.start, end: block.start + u.end }, message });
 */
export function blockFacts<T>(ctx: CheckContext, name: string, block: Block, compute: (local: Block) => T): T {
  return ctx.memo ? ctx.memo(name, block, compute) : compute(rebaseBlock(block));
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

/** A check in code. */
export interface Check {
  meta: RuleMeta;
  run(ctx: CheckContext): void;
}
