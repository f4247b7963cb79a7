/**
 * Scores the family-involvement rules on the synthetic whole drafts in
 * test-fixtures/drafts/family-involvement (labels in labels.yaml): recall over the expected rules,
 * false alarms on the model drafts, and the seed 000 group of each draft.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDocument } from '../../document/parse';
import { createLinter } from '../../linter';
import type { LabelledCase } from '../../testing/score';
import { formatScores, score } from '../../testing/score';
import { loadRules } from '../../../rules-loader';
import { involvementGroup } from './index';

interface Label {
  file: string;
  group: string;
  expect: string[];
  allow?: string[];
  reviewType?: LabelledCase['reviewType'];
  note?: string;
}

const dir = resolve(__dirname, '../../../../../test-fixtures/drafts/family-involvement');
const labels = (parse(readFileSync(join(dir, 'labels.yaml'), 'utf8')) as { cases: Label[] }).cases;
const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const cases: LabelledCase[] = labels.map((l) => ({
  id: l.file,
  text: readFileSync(join(dir, l.file), 'utf8'),
  expect: l.expect,
  allow: l.allow,
  reviewType: l.reviewType,
}));

describe('family-involvement scoring on whole drafts', () => {
  it('finds what each draft should and stays quiet on the model drafts', () => {
    const [s] = score(linter, cases, ['family-involvement']);
    const extra: string[] = [];
    for (const c of cases) {
      if (c.expect.length === 0) continue;
      const found = linter.lint(c.text, { reviewType: c.reviewType ?? 'lcspr' }).findings.filter((f) => f.category === 'family-involvement' && f.severity !== 'hint');
      const unexpected = found.filter((f) => !c.expect.includes(f.ruleId) && !(c.allow ?? []).includes(f.ruleId));
      if (unexpected.length > 0) extra.push(`    extra ${c.id}: ${unexpected.map((f) => `${f.ruleId} (${f.severity})`).join(', ')}`);
    }
    console.log([formatScores('family-involvement (whole drafts)', [s!]), ...extra].join('\n'));
    expect(s!.recall).toBeGreaterThanOrEqual(0.9);
    expect(s!.alarms).toEqual([]);
    expect(s!.traps).toBeGreaterThanOrEqual(3);
  });

  it("sorts each draft into seed 000's four groups", () => {
    const wrong: string[] = [];
    for (const l of labels) {
      const got = involvementGroup(parseDocument(readFileSync(join(dir, l.file), 'utf8')));
      if (got !== l.group) wrong.push(`${l.file}: expected ${l.group}, got ${got}`);
    }
    console.log(`family-involvement groups: ${labels.length - wrong.length}/${labels.length} correct${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`);
    expect(wrong).toEqual([]);
  });
});
