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
}

/** A check in code. */
export interface Check {
  meta: RuleMeta;
  run(ctx: CheckContext): void;
}
