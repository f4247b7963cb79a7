/**
 * The `csprLint/qualitySummary` request: counts of the cached findings for one open document, by
 * category and by section, and the scorecard against the research's quality markers, for an
 * editor's quality pass. Built by the quality report's model, like the CLI's `--report`. It carries
 * no document text except the section headings and short quotations showing where a marker was met.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/linter';
import type { Category, Severity } from '../core/types';
import type { Engine } from '../engine';
import type { CategoryCount, MarkerResult, SectionCount } from '../report/model';
import { CATEGORY_TITLES as REPORT_CATEGORY_TITLES, reviewReport } from '../report/model';

/** The custom request's method name. */
export const QUALITY_SUMMARY_REQUEST = 'csprLint/qualitySummary';

/** The request's parameters. */
export interface QualitySummaryParams {
  uri: string;
}

// The counts' shapes are the quality report's (server/src/report/model.ts): one model behind the
// editor's summary and the CLI's --report.
export type { CategoryCount, MarkerResult, RuleCount, SectionCount } from '../report/model';

/** The summary the request answers with. */
export interface QualitySummary {
  uri: string;
  /** False when checking is switched off for this document. */
  analysed: boolean;
  reviewType: string | null;
  total: number;
  /** Findings with a safe fix, which "Fix all safe problems" can apply. */
  safeFixes: number;
  bySeverity: Record<Severity, number>;
  byCategory: CategoryCount[];
  bySection: SectionCount[];
  /** The scorecard against the research's quality markers, as in the HTML report. */
  markers?: MarkerResult[];
  /** Seed 000's group for the draft: never-mentioned, excluded, invited-not-involved or involved. */
  involvementGroup?: string;
}

/** Category titles for the summary, in the rule documentation's words. */
export const CATEGORY_TITLES: Record<Category, string> = REPORT_CATEGORY_TITLES;

/** Builds the summary from a lint result (no re-analysis), with the quality report's model. */
export function qualitySummary(doc: TextDocument, result: LintResult, engine: Engine): QualitySummary {
  const report = reviewReport({ name: doc.uri, result, meta: (id) => engine.linter.meta(id), worst: 0 });
  return {
    uri: doc.uri,
    analysed: !!result.document,
    reviewType: result.reviewType ?? null,
    total: report.total,
    safeFixes: report.safeFixes,
    bySeverity: report.bySeverity,
    byCategory: report.byCategory,
    bySection: report.bySection,
    markers: report.markers,
    involvementGroup: report.involvement.group,
  };
}
