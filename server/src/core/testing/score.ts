/**
 * Scores the linter on labelled passages or drafts: recall over what should be found and the rate of
 * false alarms on traps. Shared by every rule family's scoring test.
 */
import type { Linter } from '../linter';
import type { Category, Finding, ReviewType } from '../types';

/** One labelled case: the rule ids (or categories) that must be reported; none for a trap. */
export interface LabelledCase {
  id: string;
  text: string;
  /** Rule ids or categories that must each produce at least one finding. Empty for a trap. */
  expect: string[];
  /** Rule ids or categories that may appear without counting as a false alarm (for example info notes). */
  allow?: string[];
  reviewType?: ReviewType;
  language?: 'markdown' | 'plaintext';
}

/** Per-category scores. */
export interface Score {
  category: string;
  expected: number;
  found: number;
  traps: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
  misses: string[];
  alarms: string[];
}

const matches = (f: Finding, label: string): boolean => f.ruleId === label || f.category === label;

/**
 * Scores `cases` for the given categories. A finding counts against a case only when its category is
 * among `categories`, so one family's traps are not failed by another family's findings.
 */
export function score(linter: Linter, cases: readonly LabelledCase[], categories: readonly Category[], minSeverity: 'warning' | 'info' = 'info'): Score[] {
  const rank = { error: 0, warning: 1, info: 2, hint: 3 } as const;
  const limit = rank[minSeverity];
  const out: Score[] = [];
  for (const category of categories) {
    const s: Score = { category, expected: 0, found: 0, traps: 0, falseAlarms: 0, recall: 1, falseAlarmRate: 0, misses: [], alarms: [] };
    for (const c of cases) {
      const labels = c.expect.filter((l) => l === category || linter.meta(l)?.category === category);
      const inCategory = c.expect.length === 0 || labels.length > 0 || (c.allow ?? []).length > 0;
      const findings = linter
        .lint(c.text, { reviewType: c.reviewType ?? 'lcspr', language: c.language ?? 'markdown' })
        .findings.filter((f) => f.category === category && rank[f.severity] <= limit);
      for (const l of labels) {
        s.expected++;
        if (findings.some((f) => matches(f, l))) s.found++;
        else s.misses.push(`${c.id}: expected ${l}`);
      }
      if (!inCategory && labels.length === 0) {
        // A case labelled only for other categories still counts as a trap for this one.
      }
      const unexpected = findings.filter((f) => !labels.some((l) => matches(f, l)) && !(c.allow ?? []).some((l) => matches(f, l)));
      if (labels.length === 0) {
        s.traps++;
        if (unexpected.length > 0) {
          s.falseAlarms++;
          s.alarms.push(`${c.id}: ${unexpected.map((f) => `${f.ruleId} on '${c.text.slice(f.span.start, f.span.end)}'`).join('; ')}`);
        }
      }
    }
    s.recall = s.expected === 0 ? 1 : s.found / s.expected;
    s.falseAlarmRate = s.traps === 0 ? 0 : s.falseAlarms / s.traps;
    out.push(s);
  }
  return out;
}

/** A readable table of scores for the test log. */
export function formatScores(title: string, scores: readonly Score[]): string {
  const rows = scores.map(
    (s) => `  ${s.category.padEnd(20)} recall ${(s.recall * 100).toFixed(1).padStart(5)}% (${s.found}/${s.expected})  false alarms ${(s.falseAlarmRate * 100).toFixed(1).padStart(5)}% (${s.falseAlarms}/${s.traps})`,
  );
  const detail = scores.flatMap((s) => [...s.misses.map((m) => `    miss  ${m}`), ...s.alarms.map((a) => `    alarm ${a}`)]);
  return [title, ...rows, ...detail].join('\n');
}
