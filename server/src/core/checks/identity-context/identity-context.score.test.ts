/**
 * Scores the identity-context rules on synthetic whole drafts in test-fixtures/drafts/identity-context,
 * labelled in labels.yaml beside them. Prints recall and false alarms; fails below recall 0.9, or on
 * any finding in a model draft, or when more than one trap in ten raises a false alarm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRules } from '../../../rules-loader';
import { createLinter } from '../../linter';
import type { LabelledCase } from '../../testing/score';
import { formatScores, score } from '../../testing/score';
import type { ReviewType } from '../../types';

interface Label {
  expect: string[];
  allow?: string[];
  model?: boolean;
  reviewType?: ReviewType;
  language?: 'markdown' | 'plaintext';
}

const dir = join(__dirname, '..', '..', '..', '..', '..', 'test-fixtures', 'drafts', 'identity-context');
const labels = (parse(readFileSync(join(dir, 'labels.yaml'), 'utf8')) as { drafts: Record<string, Label> }).drafts;
const cases: (LabelledCase & { model: boolean })[] = Object.entries(labels).map(([file, l]) => ({
  id: file,
  text: readFileSync(join(dir, file), 'utf8'),
  expect: l.expect,
  allow: l.allow,
  reviewType: l.reviewType,
  language: l.language,
  model: l.model === true,
}));
const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });

describe('identity-context scoring', () => {
  const [s] = score(linter, cases, ['identity-context']);
  it('prints the scores', () => {
    console.log(formatScores('identity-context on synthetic drafts', [s!]));
    expect(cases.filter((c) => c.model).length).toBeGreaterThanOrEqual(4);
  });
  it('finds at least nine in ten of the labelled problems', () => {
    expect(s!.recall, s!.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
  it('never reports anything on a model draft', () => {
    const models = new Set(cases.filter((c) => c.model).map((c) => c.id));
    expect(s!.alarms.filter((a) => models.has(a.split(':')[0]!))).toEqual([]);
  });
  it('keeps false alarms on traps to one in ten or fewer', () => {
    expect(s!.falseAlarmRate, s!.alarms.join('\n')).toBeLessThanOrEqual(0.1);
  });
  it('reports absence in rapid reviews at information level only', () => {
    const text = readFileSync(join(dir, 'rapid-review-absent.md'), 'utf8');
    const found = linter.lint(text).findings.filter((f) => f.category === 'identity-context');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.severity === 'info')).toBe(true);
  });
});
