/** Who a match is about: ages at the time described, pronouns, parents' adolescence, names in the draft. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../document/parse';
import { ageMentions, buildPeople, peopleFromNames, subjectAt, subjectBefore } from './people';

function about(sentence: string, word: string, preceding = '', names: string[] = []): string {
  const at = sentence.indexOf(word);
  return subjectAt(sentence, at, peopleFromNames(names), preceding, at + word.length).subject;
}

describe('ageMentions', () => {
  it('reads the forms reviews use, with when they apply', () => {
    const m = ageMentions('Child R, now 19, was 15 at the time. Adult B (24) met Jordan, 15, at 14 Smith Street at 3pm. She was in Year 9; Baby N, aged 8 weeks.');
    expect(m.map((a) => [a.age, a.when])).toEqual([
      [19, 'now'],
      [15, 'then'],
      [24, 'plain'],
      [15, 'plain'],
      [14, 'plain'],
      [0, 'plain'],
    ]);
  });
  it('does not read times, addresses or counts as ages', () => {
    expect(ageMentions('She arrived at 10:30, lived at 14 Smith Street and was seen 3 times in 12 weeks.')).toEqual([]);
  });
  it('reads "by the time of the trial" as later', () => {
    expect(ageMentions('She was 17 by the time of the trial.')[0]?.when).toBe('later');
  });
});

describe('subjectAt', () => {
  it('uses the age stated for the person nearest the match', () => {
    expect(about('Child R, aged 14, was streetwise.', 'streetwise')).toBe('child');
    expect(about('Her mother, aged 34, put herself at risk.', 'put herself')).toBe('adult');
    expect(about('Her mother, aged 34, said Child R was streetwise.', 'streetwise')).toBe('child');
    expect(about('He was a 24-year-old man who was streetwise.', 'streetwise')).toBe('adult');
    expect(about('In Year 9 he was streetwise.', 'streetwise')).toBe('child');
  });
  it('takes the age at the time described: "now 19" only for sentences about now', () => {
    expect(about('Child R, now 19, was described as a young woman.', 'young woman')).toBe('child');
    expect(about('Jordan, now 19, is a confident young man.', 'young man', '', ['Jordan'])).toBe('adult');
  });
  it("treats a parent's own adolescence as childhood", () => {
    expect(about('As a teenager, her mother was described as promiscuous.', 'promiscuous')).toBe('child');
    expect(about('Mother, then 16, was described as promiscuous.', 'promiscuous')).toBe('child');
  });
  it('resolves a pronoun from the sentence before only when the paragraph agrees', () => {
    expect(about('She put herself at risk.', 'put herself', 'Her mother, aged 34, had been drinking.')).toBe('adult');
    expect(about('She put herself at risk.', 'put herself', 'Child R, aged 14, was missing overnight.')).toBe('child');
    expect(about('She put herself at risk.', 'put herself', 'Child R, 14, lived with her mother.')).toBe('unknown');
  });
  it('does not take a reporter, a document or the object of a preposition for the subject', () => {
    expect(about('The GP said she was streetwise.', 'streetwise')).toBe('unknown');
    expect(about('Records from 2019 refer to Child V’s sex work.', 'sex work')).toBe('child');
    expect(about('She was treated by police as a child prostitute.', 'child prostitute')).toBe('unknown');
  });
  it('says unknown when nothing tells, and never guesses from a pronoun alone', () => {
    expect(about('He was hard to reach.', 'hard to reach')).toBe('unknown');
    expect(subjectBefore('They were streetwise.', 10)).toBe('unknown');
  });
  it('knows anonymisation codes and professionals', () => {
    expect(about('Adult B was streetwise.', 'streetwise')).toBe('adult');
    expect(about('The social worker chose to close the case.', 'chose')).toBe('adult');
  });
});

describe('buildPeople', () => {
  it('collects names and ages from the text and the front matter, ignoring later ages', () => {
    const doc = parseDocument('---\nchildren:\n  - name: Amira\n    age: 13\npseudonyms:\n  Adult B: mother’s partner, 31\n---\n\nJordan (15) lived with his aunt. Child R, now 19, was 14 then.');
    const p = buildPeople(doc);
    expect(p.byName.get('Amira')).toMatchObject({ group: 'child', age: 13 });
    expect(p.byName.get('Adult B')).toMatchObject({ group: 'adult' });
    expect(p.byName.get('Jordan')).toMatchObject({ group: 'child', age: 15 });
    expect(p.byName.get('Child R')?.age).not.toBe(19);
  });
});

describe('bad input', () => {
  it('never throws on arbitrary text, quotes, brackets and numbers', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat({ max: 300 }), (text, at) => {
        const i = Math.min(at, text.length);
        subjectAt(text, i, peopleFromNames(['Jordan', 'Child R', '']), text, i);
        ageMentions(text);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Child R', 'she', 'her', 'mother', 'aged 14', 'now 19', "'", '“', '[', ']', ', ', '. ', 'was', 'young woman', 'Adult B (24)', 'as a teenager', ' '), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        subjectAt(text, Math.floor(text.length / 2), peopleFromNames(['Child R']), 'Her mother said so.');
      }),
      { numRuns: 400 },
    );
  });
});
