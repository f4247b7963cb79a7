/** The readability summary, and plain-English hints that must stay quiet. */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../document/parse';
import { createLinter } from '../../linter';
import { loadRules } from '../../../rules-loader';
import { readability } from '.';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const plain = (text: string): string[] =>
  linter
    .lint(text, { reviewType: 'lcspr' })
    .findings.filter((f) => f.category === 'plain-english')
    .map((f) => `${f.ruleId}:${text.slice(f.span.start, f.span.end)}`);

describe('readability summary', () => {
  const text = [
    '# Review',
    '',
    '## Background',
    '',
    'Child R lived with her mother. She liked school.',
    '',
    '## Analysis',
    '',
    'It was decided that the case should be closed prior to the completion of the assessment, notwithstanding the concerns that had been raised on a regular basis by the school and by the health visitor over a considerable period of time.',
    '',
    '## References',
    '',
    'Munro, E. (2011) The Munro review of child protection: final report, a child-centred system. London: Department for Education.',
  ].join('\n');
  const report = readability(parseDocument(text));

  it('gives figures for the document and for each section with prose', () => {
    expect(report.document.sentences).toBe(3);
    expect(report.sections.map((s) => s.title)).toEqual(['Background', 'Analysis']);
    const [bg, an] = report.sections;
    expect(bg!.averageSentenceLength).toBeLessThan(an!.averageSentenceLength);
    expect(bg!.fleschReadingEase).toBeGreaterThan(an!.fleschReadingEase);
    expect(an!.hiddenDecisions).toBe(1);
    expect(an!.officialese).toBeGreaterThanOrEqual(2);
    expect(an!.longSentences).toBe(1);
  });

  it('leaves the reference list out', () => {
    expect(report.sections.some((s) => /References/.test(s.title))).toBe(false);
  });

  it('is empty but well formed for an empty draft', () => {
    const r = readability(parseDocument(''));
    expect(r.document.words).toBe(0);
    expect(r.document.fleschReadingEase).toBe(0);
    expect(r.sections).toEqual([]);
  });
});

describe('plain-English hints stay quiet on', () => {
  it('statute titles, legal phrases and quotations', () => {
    expect(plain("The Children Act 1989 applies. The assessment was completed in accordance with section 47. Records said 'it was decided that the case would close prior to review'.")).toEqual([]);
  });

  it('decisions not to involve the family, which the family-involvement rules own', () => {
    expect(plain('It was decided not to involve the father because of the criminal proceedings.')).toEqual([]);
  });

  it('tables', () => {
    expect(plain('| Date | Event |\n| --- | --- |\n| March 2021 | The referral was received, the case was discussed, it was closed and the file was archived. |')).toEqual([]);
  });
});
