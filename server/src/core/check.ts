/** Document-level checks written in code, with the same metadata shape as rules kept as data. */
import type { Block, ParsedDocument } from './document/model';
import type { Fix, ReviewType, RuleMeta, Severity, Span } from './types';
import type { LintData } from './data';
import { factNamed, factOf, rebaseBlock } from './facts';

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
}

/**
 * Facts about one block, computed once per distinct block and reused on every later analysis (see
 * `facts.ts`, whose `defineFact` and `factsOf` are the faster way for a check that reads every block).
 * `name` names the fact ("my-check/uses"); `compute` is given the block moved to offset 0 and must
 * read nothing but that block, so offsets in what it returns are relative to it.
 *
 *     const uses = blockFacts(ctx, 'acronyms/uses', block, (b) => findUses(b.prose));
 *     for (const u of uses) ctx.report({ span: { start: block.start + u.start, end: block.start + u.end }, message });
 */
export function blockFacts<T>(ctx: CheckContext, name: string, block: Block, compute: (local: Block) => T): T {
  return factOf(block, factNamed(name, compute), ctx.doc.text);
}

export { rebaseBlock };

/** A check in code. */
export interface Check {
  meta: RuleMeta;
  run(ctx: CheckContext): void;
}
