/** Behaviour of the jargon, acronym, analysis and recommendation checks beyond their own examples. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../rules-loader';
import type { Check } from '../../check';
import type { LintData } from '../../data';
import { jargonFromData, makeLintData, vagueActionsFromData } from '../../data';
import { applyEdits } from '../../fixes';
import { createLinter } from '../../linter';
import { acronymDefinedOnFirstUse, initialsMatch } from '../acronym-defined-on-first-use';
import { jargonChecks } from '.';
import { findRecommendations } from './recommendations';
import { parseDocument } from '../../document/parse';
import { subjectBefore } from './shared';

const loaded = loadRules();
const checks: Check[] = [acronymDefinedOnFirstUse, ...jargonChecks];
const linter = createLinter([], { data: loaded.data, checks });
const ids = new Set(checks.map((c) => c.meta.id));

function found(text: string, ruleId?: string, opts: Parameters<typeof linter.lint>[1] = {}) {
  return linter.lint(text, { reviewType: 'lcspr', ...opts }).findings.filter((f) => (ruleId ? f.ruleId === ruleId : ids.has(f.ruleId)));
}

describe('reference data', () => {
  it('loads the jargon and vague-action lists with sources', () => {
    // Only the data files this family owns; other families' rule files are checked by rules.test.ts.
    expect(loaded.errors.filter((e) => /data[\\/](jargon|vague-actions|acronyms)\.yaml/.test(e))).toEqual([]);
    expect(loaded.data.jargon!.length).toBeGreaterThan(20);
    expect(loaded.data.vagueActions!.length).toBeGreaterThan(8);
    for (const e of [...loaded.data.jargon!, ...loaded.data.vagueActions!]) expect(e.sources.length).toBeGreaterThan(0);
  });
  it('reports a bad entry by file and number and keeps the rest', () => {
    const errors: string[] = [];
    const list = jargonFromData(
      {
        sources: [{ document: 'x.txt' }],
        terms: [
          { term: 'good', patterns: ['good term'], why: 'because' },
          { term: 'broken', patterns: ['(unclosed'], why: 'because' },
          { term: 'no reason', patterns: ['x'] },
          { term: 'bad status', patterns: ['y'], why: 'w', status: 'banned' },
          { term: 'discredited without instead', patterns: ['z'], why: 'w', status: 'discredited' },
        ],
      },
      'jargon.yaml',
      errors,
    );
    expect(list.map((e) => e.term)).toEqual(['good']);
    expect(list[0]!.sources).toEqual([{ document: 'x.txt' }]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/jargon\.yaml: entry 2 of 'terms' has an invalid pattern/);
    expect(vagueActionsFromData({ phrases: 'not a list' }, 'v.yaml', errors)).toEqual([]);
    expect(errors[4]).toMatch(/'phrases' should be a list/);
  });
  it('stays quiet without data rather than failing', () => {
    const bare = createLinter([], { data: makeLintData(), checks });
    const r = bare.lint('There was a lack of professional curiosity. The MASH met.\n\n## Recommendations\n\n1. Raise awareness.', { reviewType: 'lcspr' });
    expect(r.findings.filter((f) => f.ruleId === 'rule-failed')).toEqual([]);
  });
});

describe('acronym-defined-on-first-use', () => {
  it('matches initials in the forms writers use', () => {
    expect(initialsMatch('Multi-Agency Safeguarding Hub', 'MASH')).toBe(true);
    expect(initialsMatch('Child and Adolescent Mental Health Services', 'CAMHS')).toBe(true);
    expect(initialsMatch('the Northshire Safeguarding Children Partnership', 'NSCP')).toBe(true);
    expect(initialsMatch('specific, measurable, achievable, realistic and time-bound', 'SMART')).toBe(true);
    expect(initialsMatch('Northshire Safeguarding Partnership', 'NSCP')).toBe(false);
    expect(initialsMatch('which received the referral on 3 May', 'MASH')).toBe(false);
  });
  it("prefers the draft's own spelling-out for the fix", () => {
    const text = 'The ZQP met. Later the Zonal Quality Panel (ZQP) met again.';
    const [f] = found(text, 'acronym-defined-on-first-use');
    expect(f).toBeDefined();
    expect(applyEdits(text, f!.fixes[0]!.edits).text).toBe('The Zonal Quality Panel (ZQP) met. Later the Zonal Quality Panel (ZQP) met again.');
    expect(f!.fixes[0]!.kind).toBe('safe');
  });
  it('offers the bundled expansion, pluralised and marked as a suggestion, for plurals', () => {
    const text = 'Two ICPCs were held.';
    const [f] = found(text, 'acronym-defined-on-first-use');
    expect(applyEdits(text, f!.fixes[0]!.edits).text).toBe('Two initial child protection conferences (ICPCs) were held.');
    expect(f!.fixes[0]!.kind).toBe('suggestion');
  });
  it('offers a suggestion, not a safe fix, when an acronym has two meanings', () => {
    const data: LintData = { ...loaded.data, acronyms: new Map([['ZQ', { acronym: 'ZQ', expansions: ['zone quality', 'zero quota'] }]]) };
    const l = createLinter([], { data, checks });
    const [f] = l.lint('The ZQ rose.', { reviewType: 'lcspr' }).findings.filter((x) => x.ruleId === 'acronym-defined-on-first-use');
    expect(f!.fixes[0]!.kind).toBe('suggestion');
  });
  it('reads a workspace allow list', () => {
    expect(found('The ZQR met.', 'acronym-defined-on-first-use')).toHaveLength(1);
    expect(found('The ZQR met.', 'acronym-defined-on-first-use', { acronymAllow: ['ZQR'] })).toHaveLength(0);
    const data: LintData = { ...loaded.data, acronymAllow: new Set([...loaded.data.acronymAllow, 'zqr']) };
    const l = createLinter([], { data, checks });
    expect(l.lint('The ZQR met.', { reviewType: 'lcspr' }).findings.filter((x) => x.ruleId === 'acronym-defined-on-first-use')).toHaveLength(0);
  });
  it('reports only the first use, and nothing after a definition', () => {
    const fs = found('The MASH met. The MASH met again. The MASH met a third time.', 'acronym-defined-on-first-use');
    expect(fs).toHaveLength(1);
    expect(found('The Multi-Agency Safeguarding Hub (MASH) met. The MASH met again. The MASHs met.', 'acronym-defined-on-first-use')).toHaveLength(0);
  });
  it('is lighter for rapid reviews', () => {
    const [f] = found('---\nreview-type: rapid-review\n---\n\nThe MASH met.', 'acronym-defined-on-first-use');
    expect(f!.severity).toBe('info');
  });
});

describe('jargon-defined-on-first-use and jargon-discredited-term', () => {
  it('reports one finding per term, at the first use', () => {
    const fs = found('The rule of optimism applied. The rule of optimism applied again. Professional curiosity was absent.', 'jargon-defined-on-first-use');
    expect(fs.map((f) => f.quote)).toEqual(['rule of optimism', 'Professional curiosity']);
  });
  it('reports a discredited term once, even when the review defines it', () => {
    const fs = found('In this review, hard to reach means families who miss appointments. The family were hard to reach. They stayed hard to reach.', 'jargon-discredited-term');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toMatch(/Instead, say what services offered/);
  });
  it('never reports the same span under both jargon rules', () => {
    const all = found('The family were hard to reach and showed disguised compliance. The toxic trio was present.');
    const spans = all.filter((f) => f.ruleId.startsWith('jargon-')).map((f) => `${f.span.start}-${f.span.end}`);
    expect(new Set(spans).size).toBe(spans.length);
  });
});

describe('analysis checks', () => {
  it('finds the subject of a clause', () => {
    expect(subjectBefore('The GP saw the baby but ', 24)).toBe('role');
    expect(subjectBefore('The referral from the GP ', 25)).toBe('artefact');
    expect(subjectBefore("The school's DSL ", 17)).toBe('role');
    expect(subjectBefore('Her mother ', 11)).toBe('family');
    expect(subjectBefore('The concern was raised with the class teacher, who ', 51)).toBe('role');
    expect(subjectBefore('It is clear that the social worker ', 35)).toBe('role');
  });
  it('gives one hindsight finding per sentence', () => {
    const fs = found('It is clear that the social worker should have known and failed to act.', 'hindsight-individual-blame');
    expect(fs).toHaveLength(1);
  });
  it('offers "did not" for "failed to" as a suggestion', () => {
    const text = 'The GP failed to refer the baby.';
    const [f] = found(text, 'hindsight-individual-blame');
    expect(f!.fixes[0]!.kind).toBe('suggestion');
    expect(applyEdits(text, f!.fixes[0]!.edits).text).toBe('The GP did not refer the baby.');
  });
});

describe('recommendations', () => {
  const items = (text: string) => {
    const doc = parseDocument(text);
    return findRecommendations({ doc, reviewType: 'lcspr', data: loaded.data, prose: doc.blocks.filter((b) => b.paragraphIndex >= 0), report: () => undefined });
  };
  it('finds recommendations numbered in many styles', () => {
    const text = [
      '## Recommendations',
      '',
      'The review makes seven recommendations.',
      '',
      '1. The ICB should audit referrals.',
      '2) The police should review notifications.',
      '',
      'R3. The school should record fathers.',
      '',
      'Recommendation 4: The council should publish guidance.',
      '',
      '5.1 The trust should revise its protocol.',
      '',
      '(vi) The partnership should commission training.',
      '',
      '- The hospital should share attendances.',
    ].join('\n');
    expect(items(text)).toHaveLength(7);
  });
  it('splits one semicolon-separated paragraph into its items', () => {
    expect(items('## Recommendations\n\nRecommendations include: the ICB should audit referrals; schools should record fathers; the police should share notifications.')).toHaveLength(3);
  });
  it('attaches owner, timescale and measure lines to their recommendation', () => {
    const [it] = items('## Recommendations\n\n### Recommendation 1\n\nCommission an audit of neglect cases.\n\n- Owner: partnership business manager\n- Timescale: June 2025\n- Measure: findings reported to the board');
    expect(it).toMatchObject({ owner: true, time: true, measure: true });
  });
  it('does not treat questions for the partnership, or a response, as recommendations', () => {
    expect(items('## Recommendations\n\n### Questions for the partnership\n\n- How should agencies consider the father?')).toHaveLength(0);
    expect(items('## Recommendations\n\n1. The ICB will audit 40 referrals by June 2025.\n\n### Partnership response\n\nThe partnership will monitor progress at each board meeting.')).toHaveLength(1);
    expect(items('## The quality of recommendations\n\nRecommendations should be specific.')).toHaveLength(0);
  });
});

describe('robustness', () => {
  const pieces = fc.constantFrom(
    '# ', '## Recommendations\n\n', '## Glossary\n\n', '| Acronym | Meaning |\n| --- | --- |\n', '| MASH | ', '|\n', '1. ', '- ', '   - Owner: ', '(', ')', '[', ']', '"', '“', '’', ';', ':', ',', '. ', '\n', '\n\n',
    'MASH', 'ICPCs', "LADO's", 'CS-B12', 'Child LM', 'failed to', 'should have known', 'it is clear that', 'lack of professional curiosity', 'toxic trio',
    'hard to reach', 'seek assurance', 'raise awareness', 'consider', 'by March 2025', 'audit', 'the social worker', 'the GP', 'the school', 'with hindsight',
    '[^1]', '[^1]: ', 'https://x.org/NSCP', '**', '> ', '---\nreview-type: lcspr\n---\n', 'é', '😀', '\t',
  );
  it('never throws, and keeps spans and fixes inside the text', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        for (const language of ['markdown', 'plaintext'] as const) {
          const r = linter.lint(text, { reviewType: 'lcspr', language });
          expect(r.findings.filter((f) => f.ruleId === 'rule-failed')).toEqual([]);
          for (const f of r.findings) {
            expect(f.span.start).toBeGreaterThanOrEqual(0);
            expect(f.span.end).toBeLessThanOrEqual(text.length);
            for (const fix of f.fixes) for (const e of fix.edits) expect(e.start >= 0 && e.end <= text.length && e.start <= e.end).toBe(true);
            expect(f.message).not.toMatch(/\{\{/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
