/**
 * The `csprLint/qualitySummary` request: counts of the cached findings for one open document, by
 * category and by section, for an editor's quality pass. It carries no document text except the
 * section headings.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/linter';
import type { Category, Severity } from '../core/types';
import { CATEGORIES } from '../core/types';
import type { Engine } from '../engine';

/** The custom request's method name. */
export const QUALITY_SUMMARY_REQUEST = 'csprLint/qualitySummary';

/** The request's parameters. */
export interface QualitySummaryParams {
  uri: string;
}

/** Counts for one rule. */
export interface RuleCount {
  ruleId: string;
  summary: string;
  count: number;
}

/** Counts for one category, with its rules. */
export interface CategoryCount {
  category: Category;
  title: string;
  count: number;
  rules: RuleCount[];
}

/** Counts for one section (by heading), in document order. */
export interface SectionCount {
  title: string;
  /** Headings from the top level down to this section. */
  path: string[];
  /** Zero-based line of the heading, or -1 for text before the first heading. */
  line: number;
  level: number;
  count: number;
  byCategory: Partial<Record<Category, number>>;
}

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
}

/** Category titles for the summary, in the rule documentation's words. */
export const CATEGORY_TITLES: Record<Category, string> = {
  'family-involvement': 'Family and child involvement',
  'victim-blaming': 'Victim-blaming language',
  adultification: 'Adultifying language',
  'identity-context': 'Identity: ethnicity, culture, religion, language, disability',
  jargon: 'Jargon and acronyms',
  equality: 'Inclusive language',
  analysis: 'Analysis: hindsight, blame and verdicts',
  recommendations: 'Recommendations',
  anonymisation: 'Ready for publication: anonymisation',
  'plain-english': 'Plain English',
  housekeeping: 'Checker housekeeping',
};

const BEFORE_FIRST_HEADING = '(before the first heading)';

/** Builds the summary from a lint result (no re-analysis). */
export function qualitySummary(doc: TextDocument, result: LintResult, engine: Engine): QualitySummary {
  const findings = result.findings;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const categories = new Map<Category, Map<string, number>>();
  let safeFixes = 0;
  for (const f of findings) {
    bySeverity[f.severity]++;
    if (f.fixes.some((x) => x.kind === 'safe')) safeFixes++;
    let rules = categories.get(f.category);
    if (!rules) categories.set(f.category, (rules = new Map()));
    rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
  }
  const byCategory: CategoryCount[] = CATEGORIES.filter((c) => categories.has(c)).map((c) => {
    const rules = [...categories.get(c)!].map(([ruleId, count]) => ({ ruleId, count, summary: engine.linter.meta(ruleId)?.summary ?? ruleId }));
    rules.sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
    return { category: c, title: CATEGORY_TITLES[c] ?? c, count: rules.reduce((n, r) => n + r.count, 0), rules };
  });

  // Each finding belongs to the deepest section whose span holds its start. Sections are in
  // document order and nested ones start later, so the last one starting at or before the offset
  // that still contains it is the deepest.
  const sections = [...(result.document?.sections ?? [])].sort((a, b) => a.start - b.start);
  const rows: SectionCount[] = sections.map((s) => ({
    title: s.title,
    path: [...s.path],
    line: doc.positionAt(s.heading.start).line,
    level: s.level,
    count: 0,
    byCategory: {},
  }));
  const preamble: SectionCount = { title: BEFORE_FIRST_HEADING, path: [], line: -1, level: 0, count: 0, byCategory: {} };
  for (const f of findings) {
    let lo = 0;
    let hi = sections.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid]!.start <= f.span.start) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (idx >= 0 && sections[idx]!.end < f.span.start) idx--;
    const row = idx >= 0 ? rows[idx]! : preamble;
    row.count++;
    row.byCategory[f.category] = (row.byCategory[f.category] ?? 0) + 1;
  }
  const bySection = [...(preamble.count > 0 ? [preamble] : []), ...rows];
  return {
    uri: doc.uri,
    analysed: !!result.document,
    reviewType: result.reviewType ?? null,
    total: findings.length,
    safeFixes,
    bySeverity,
    byCategory,
    bySection,
  };
}
