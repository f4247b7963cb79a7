/**
 * Scores the anonymisation rules on synthetic drafts: clean drafts full of look-alikes (agency names,
 * cited authors, the reviewer's name, names that are common words, a family table) must give no
 * finding, and the same drafts with one planted slip each must give the expected rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadRules } from '../../../rules-loader';
import { createLinter } from '../../linter';
import type { LabelledCase } from '../../testing/score';
import { formatScores, score } from '../../testing/score';

const dir = join(__dirname, '..', '..', '..', '..', '..', 'test-fixtures', 'drafts', 'anonymisation');
const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });

interface Slip {
  id: string;
  draft: string;
  after?: string;
  insert?: string;
  replace?: string;
  with?: string;
  expect: string[];
}

function read(name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

function plant(slip: Slip): string {
  const base = read(slip.draft);
  if (slip.replace !== undefined) {
    if (!base.includes(slip.replace)) throw new Error(`${slip.id}: '${slip.replace}' is not in ${slip.draft}`);
    return base.replace(slip.replace, slip.with ?? '');
  }
  const at = base.indexOf(slip.after!);
  if (at < 0) throw new Error(`${slip.id}: '${slip.after}' is not in ${slip.draft}`);
  const end = at + slip.after!.length;
  return base.slice(0, end) + slip.insert! + base.slice(end);
}

const cleanDrafts = readdirSync(dir).filter((f) => /^clean-.*\.md$/.test(f));
const slips = (parseYaml(read('slips.yaml')) as { cases: Slip[] }).cases;

/** Short clean passages: look-alikes that must not be reported. */
const cleanPassages: LabelledCase[] = [
  { id: 'common-word-names', text: 'There was hope that Child R would return. Staff will meet again in May. By grace of the delay, the plan was reviewed. Child R was 14.', expect: [] },
  { id: 'internal-draft', text: '---\npublication: internal\n---\n\nJessica was born on 14 March 2008 and attended Oakfield Academy. She lived at 22 Elm Grove, NT3 5QR.', expect: [] },
  { id: 'statistics', text: 'Research shows that parents living with HIV are less likely to ask for help. Nationally, 12% of mothers had a termination.', expect: [] },
  { id: 'case-law-and-statutes', text: 'In Re B (Care Proceedings) [2013] UKSC 33 the court set the threshold. The Children Act 1989 and Working Together to Safeguard Children (2018) apply. Child R was 14.', expect: [] },
  { id: 'child-sexual-health', text: 'Child R was treated for chlamydia at 13. This should have led to a referral, because a child of 13 cannot consent.', expect: [] },
  { id: 'declared-after-use', text: 'Mary told the review she felt unheard. Mary said the school was kind. Mary is the pseudonym she chose.', expect: [] },
  { id: 'glossary-register', text: 'Leila went missing three times.\n\n## Glossary\n\n| Term | Meaning |\n| --- | --- |\n| Leila | The pseudonym of the child at the centre of this review |', expect: [] },
  { id: 'reviewer-cover', text: 'Independent author: Siobhan O\'Neill\n\n# Review: Child T\n\nChild T was 15. Siobhan O\'Neill met Child T\'s mother twice.', expect: [] },
  { id: 'month-year-chronology', text: '## Chronology\n\nMarch 2021: the school referred concerns.\n\nApril 2021: the strategy discussion met.', expect: [] },
  { id: 'helplines-and-org-email', text: 'Advice is available from the NSPCC on 0808 800 5000 and from the partnership at lscp@northshire.gov.uk.', expect: [] },
];

const cases: LabelledCase[] = [
  ...cleanDrafts.map((f) => ({ id: f, text: read(f), expect: [] })),
  ...cleanPassages,
  ...slips.map((s) => ({ id: s.id, text: plant(s), expect: s.expect })),
];

describe('anonymisation scoring', () => {
  it('finds the planted slips and raises no false alarm on clean drafts', () => {
    const scores = score(linter, cases, ['anonymisation']);
    console.log(formatScores('Anonymisation rules on synthetic drafts', scores));
    const s = scores[0]!;
    expect(s.alarms).toEqual([]);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('reports each planted slip where it was planted', () => {
    for (const slip of slips) {
      const text = plant(slip);
      const planted = slip.insert ?? slip.with ?? '';
      const from = text.indexOf(planted);
      const found = linter.lint(text, { reviewType: 'lcspr' }).findings.filter((f) => slip.expect.includes(f.ruleId));
      if (found.length === 0) continue; // counted as a miss by the score above
      expect(found.some((f) => f.span.start >= from && f.span.end <= from + planted.length), `${slip.id}: finding outside the planted text`).toBe(true);
    }
  });

  it('never asks to remove identity the identity rules ask for', () => {
    for (const c of cases) {
      const result = linter.lint(c.text, { reviewType: 'lcspr' });
      for (const f of result.findings.filter((x) => x.category === 'anonymisation')) {
        // A fix may swap a name, a date or a place for a pseudonym or description, but never delete words.
        for (const fix of f.fixes) for (const e of fix.edits) if (e.end > e.start) expect(e.text.trim().length, `${c.id}: ${f.ruleId} fix deletes '${c.text.slice(e.start, e.end)}'`).toBeGreaterThan(0);
      }
    }
  });
});
