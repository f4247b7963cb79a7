/**
 * Scores the jargon, analysis and recommendation rules on labelled synthetic passages and drafts
 * (test-fixtures/passages/jargon, test-fixtures/drafts/jargon): recall over what should be found and
 * the rate of false alarms on traps. Fails below recall 0.9 or above 2% false alarms per category.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRules } from '../../../rules-loader';
import { createLinter } from '../../linter';
import type { LabelledCase } from '../../testing/score';
import { formatScores, score } from '../../testing/score';
import type { Category } from '../../types';
import { acronymDefinedOnFirstUse } from '../acronym-defined-on-first-use';
import { jargonChecks } from '.';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const CATEGORIES: Category[] = ['jargon', 'analysis', 'recommendations'];

function loadCases(): LabelledCase[] {
  const cases: LabelledCase[] = [];
  const passages = join(ROOT, 'test-fixtures', 'passages', 'jargon');
  for (const f of readdirSync(passages).filter((x) => x.endsWith('.yaml')).sort()) {
    const v = parse(readFileSync(join(passages, f), 'utf8')) as { cases: (LabelledCase & { note?: string })[] };
    for (const c of v.cases) cases.push({ ...c, id: `${f.replace(/\.yaml$/, '')}/${c.id}`, expect: c.expect ?? [] });
  }
  const drafts = join(ROOT, 'test-fixtures', 'drafts', 'jargon');
  const labels = parse(readFileSync(join(drafts, 'labels.yaml'), 'utf8')) as { drafts: { file: string; expect: string[]; allow?: string[] }[] };
  for (const d of labels.drafts) {
    const c: LabelledCase = { id: `drafts/${d.file}`, text: readFileSync(join(drafts, d.file), 'utf8'), expect: d.expect ?? [] };
    if (d.allow) c.allow = d.allow;
    cases.push(c);
  }
  return cases;
}

// Only this family's rules, so other families' work in progress cannot move these scores.
const loaded = loadRules();
const linter = createLinter(
  loaded.definitions.filter((d) => (CATEGORIES as string[]).includes(d.category)),
  { data: loaded.data, checks: [acronymDefinedOnFirstUse, ...jargonChecks] },
);

describe('jargon, analysis and recommendations: scores on labelled fixtures', () => {
  const cases = loadCases();
  const scores = score(linter, cases, CATEGORIES);
  console.log(formatScores(`Scores over ${cases.length} labelled cases`, scores));

  it('has enough labelled positives and traps to mean something', () => {
    for (const s of scores) {
      expect(s.expected, s.category).toBeGreaterThanOrEqual(15);
      expect(s.traps, s.category).toBeGreaterThanOrEqual(50);
    }
  });
  for (const s of scores) {
    it(`${s.category}: recall at least 0.9`, () => {
      expect(s.recall, s.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    });
    it(`${s.category}: false alarms at most 2%`, () => {
      expect(s.falseAlarmRate, s.alarms.join('\n')).toBeLessThanOrEqual(0.02);
    });
  }
});
