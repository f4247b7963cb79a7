/** Unit tests for the family-involvement analysis: per-person facts, groups, traps for false alarms and bad input. */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../fixes';
import { parseDocument } from '../../document/parse';
import { createLinter } from '../../linter';
import type { Finding } from '../../types';
import { loadRules } from '../../../rules-loader';
import { babyReview, GOOD_INVOLVEMENT, wholeReview } from './examples';
import { involvementFacts, involvementGroup } from './index';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const family = (text: string, reviewType: 'lcspr' | 'rapid-review' | 'national' = 'lcspr', language: 'markdown' | 'plaintext' = 'markdown'): Finding[] =>
  linter.lint(text, { reviewType, language }).findings.filter((f) => f.category === 'family-involvement');
const ids = (text: string): string[] => [...new Set(family(text).map((f) => f.ruleId))].sort();
const facts = (text: string) => involvementFacts(parseDocument(text));
const person = (text: string, key: string) => facts(text).persons.find((p) => p.key === key);

describe('who the draft names and what it says about each', () => {
  const text = `# Review

## Involvement of the family

The lead reviewer wrote to both parents in March. Ms K, the children's mother, met the reviewer twice with her advocate. The father did not reply to the letter or to a call from his probation officer. The maternal grandmother could not be traced. The mother's partner, Mr L, was not approached because he is charged with offences against the children, on the advice of the senior investigating officer.

Child A (aged 12) met the reviewer with her foster carer. Child B, aged 4, was not asked because of his age; his nursery key worker described his routine.`;

  it('gives per-person statuses', () => {
    expect(person(text, 'mother')?.statuses).toEqual(expect.arrayContaining(['invited', 'took-part']));
    expect(person(text, 'father')?.statuses).toEqual(expect.arrayContaining(['invited', 'no-response']));
    expect(person(text, 'maternal-grandmother')?.statuses).toContain('not-reached');
    expect(person(text, 'mothers-partner')?.statuses).toContain('not-approached');
    expect(person(text, 'mothers-partner')?.reasons).toEqual(expect.arrayContaining(['suspect']));
    expect(person(text, 'child:Child A')?.statuses).toContain('took-part');
    expect(person(text, 'child:Child B')?.statuses).toContain('not-approached');
    expect(person(text, 'child:Child B')?.reasons).toContain('child-age');
  });

  it('marks male carers and reads ages', () => {
    const f = facts(text);
    expect(f.persons.find((p) => p.key === 'mothers-partner')?.maleCarer).toBe(true);
    expect(f.persons.find((p) => p.key === 'father')?.maleCarer).toBe(true);
    expect(f.children.find((c) => c.key === 'child:Child A')?.age).toBe(12);
    expect(f.children.find((c) => c.key === 'child:Child B')?.age).toBe(4);
    expect(f.group).toBe('involved');
  });

  it('reads pseudonyms from front matter, a family table and the text', () => {
    const doc = `---
review-type: lcspr
pseudonyms:
  child: Ellie
  mother: Ms R
---
# Review: Ellie

## Family

| Name | Relationship to Ellie |
| --- | --- |
| Mr T | Stepfather |
| Nan | Maternal grandmother |

## Involvement of the family

Ms R met the reviewer twice. Mr T declined to take part. Ellie, now 13, wrote to the reviewer.`;
    expect(person(doc, 'mother')?.statuses).toContain('took-part');
    expect(person(doc, 'stepfather')?.statuses).toContain('declined');
    expect(person(doc, 'child:Ellie')?.statuses).toContain('took-part');
  });
});

describe("seed 000's four groups", () => {
  it('never mentioned', () => expect(involvementGroup(parseDocument(wholeReview()))).toBe('never-mentioned'));
  it('excluded', () =>
    expect(involvementGroup(parseDocument(wholeReview({ involvement: { heading: 'Family involvement', text: 'The parents were not approached because of the criminal proceedings.' } })))).toBe('excluded'));
  it('invited but not involved', () =>
    expect(involvementGroup(parseDocument(wholeReview({ involvement: { heading: 'Family involvement', text: 'Both parents were invited by letter and by phone. Neither replied.' } })))).toBe('invited-not-involved'));
  it('involved', () => expect(involvementGroup(parseDocument(wholeReview({ involvement: GOOD_INVOLVEMENT })))).toBe('involved'));
  it('a foster carer telling the reviewer about the child is not the family taking part', () =>
    expect(involvementGroup(parseDocument(wholeReview({ involvement: { heading: 'Family involvement', text: 'The parents did not respond to two letters and a call. Child M\'s foster carer told the reviewer what she has said about home.' } })))).toBe('invited-not-involved'));
});

describe('traps: no family-involvement finding', () => {
  const quiet = (name: string, text: string, except: string[] = []): void => {
    it(name, () => expect(family(text).filter((f) => !except.includes(f.ruleId)).map((f) => `${f.ruleId}: ${text.slice(f.span.start, f.span.end)}`)).toEqual([]));
  };
  quiet('engagement with services in the chronology', '## Key episodes\n\nThe mother declined the referral to the perinatal team. The father was not invited to the core group. The social worker was unable to meet the mother in June, and several attempts were made to contact the family.');
  quiet('research about other reviews', '## Introduction\n\nHarrison and Barker (2024) found that 17% of reviews did not say whether the family had been involved, and that some reviews said it had not been possible to meet the parents.');
  quiet('quoted critique of a dismissive phrase', "## Analysis\n\nOne review reported that the father's account 'did not add anything new'; this review found the opposite.");
  quiet('the family\'s own words about a practice meeting', '## Family involvement\n\nThe mother met the reviewer twice, with her advocate. She said that the meeting with the social worker had added nothing new to her understanding.');
  quiet('a recommendation about involving fathers', '## Recommendations\n\n1. The partnership should ensure fathers are invited to contribute to reviews, and that reviews say why a parent was not involved.');
  quiet('a glossary entry', '## Glossary\n\n- **Family liaison officer:** a police officer who supports a family; the family were not involved with one in this case.');
  quiet('declining and not being traceable are reasons', '## Family involvement\n\nNeither parent wished to take part. The grandmother could not be traced despite letters to two addresses.');
  quiet('a stepfather with no contact', '## Family involvement\n\nMr Z, the stepfather, was not approached because he has had no contact with the children for six years.');
  quiet('proceedings with liaison, an alternative and a renewed offer', '## Family involvement\n\nOn the advice of the senior investigating officer, the father was not approached while he awaits trial; his account to the police has been drawn on instead. He will be offered the chance to contribute once the trial has concluded, and the partnership business manager will write to him within four weeks of the verdict, with any new learning published as an addendum.');
  quiet('a decision with its reason', '## Family involvement\n\nThe panel decided not to approach the father because he is a suspect in the investigation; the police were consulted, and the maternal grandparents met the reviewer instead. The offer to the father remains open.');
  quiet('a short fragment is not told it lacks a family section', 'The health visitor saw the baby twice in May. Neither visit recorded who else lived in the flat.');
  quiet('involvement statements inside a code block are not prose', '```\nIt has not been possible to meet with the parents.\n```');
});

describe('model whole reviews', () => {
  it('the example review with a good involvement section is quiet', () => expect(ids(wholeReview({ involvement: GOOD_INVOLVEMENT }))).toEqual([]));
  it('a baby review with her day described and a good involvement section is quiet', () =>
    expect(
      ids(
        babyReview({
          background: 'Baby N was born in March. Her day was spent mostly in a bouncer in the living room while her mother slept; her grandmother says she smiled at the sound of the radio.',
          involvement: {
            heading: 'Involvement of the family',
            text: "The reviewer wrote to the mother, the father and the mother's partner, and followed each letter with a call. The mother met the reviewer twice with an advocate. The father met the reviewer once. The mother's partner was not approached, on the advice of the senior investigating officer, because he is charged with offences against Baby N; he will be offered the chance to contribute after the trial, and the partnership business manager will write to him within four weeks of the verdict. The maternal grandmother met the reviewer and described Baby N's routine.",
          },
        }),
      ),
    ).toEqual([]));
});

describe('quick fixes', () => {
  it('inserts the involvement section after the method section', () => {
    const text = wholeReview();
    const f = family(text).find((x) => x.ruleId === 'family-involvement-not-mentioned')!;
    expect(f.fixes[0]!.kind).toBe('suggestion');
    const out = applyEdits(text, f.fixes[0]!.edits).text;
    const method = out.indexOf('## How the review was carried out');
    const inserted = out.indexOf('## Involvement of the child and family');
    const background = out.indexOf('## Background');
    expect(method).toBeLessThan(inserted);
    expect(inserted).toBeLessThan(background);
    expect(out).toContain('[Who did not take part and why:');
    expect(family(out).map((x) => x.ruleId)).not.toContain('family-involvement-not-mentioned');
  });
  it('inserts an update placeholder after a deferred meeting', () => {
    const text = wholeReview({ involvement: { heading: 'Family involvement', text: 'On the advice of the senior investigating officer, the parents will be invited to contribute after the trial.' } });
    const f = family(text).find((x) => x.ruleId === 'deferred-involvement-not-followed-up')!;
    const out = applyEdits(text, f.fixes[0]!.edits).text;
    expect(out).toMatch(/after the trial\.\n\n\[Update: say whether the meeting with the parents took place after the trial/);
  });
  it('every fix is a suggestion made of insertions', () => {
    const all = [wholeReview(), babyReview(), wholeReview({ involvement: { heading: 'Family involvement', text: 'It has not been possible to meet with the parents.' } })].flatMap((t) => family(t));
    for (const f of all) for (const x of f.fixes) {
      expect(x.kind).toBe('suggestion');
      for (const e of x.edits) expect(e.end).toBe(e.start);
    }
  });
});

describe('review type', () => {
  it('rapid reviews get notes, not warnings, and say why', () => {
    const text = wholeReview({ frontMatter: 'review-type: rapid-review', involvement: { heading: 'Family involvement', text: 'It has not been possible to meet with the parents.' } });
    const found = family(text, 'rapid-review');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(['info', 'hint']).toContain(f.severity);
    expect(found.find((f) => f.ruleId === 'family-non-involvement-unexplained')?.message).toMatch(/rapid review/);
  });
  it('national reviews are judged like local ones', () => {
    const found = family(wholeReview({ frontMatter: 'review-type: national' }), 'national');
    expect(found.find((f) => f.ruleId === 'family-involvement-not-mentioned')?.severity).toBe('warning');
  });
});

describe('bad input', () => {
  const cases: Record<string, string> = {
    empty: '',
    whitespace: '   \n\n\t\n',
    'headings only': '# Review\n\n## Method\n\n## Involvement of the family\n\n## Findings\n',
    'table with only a header': '## Involvement of the family\n\n| Family member | Took part |\n| --- | --- |\n',
    'ragged table': '## Involvement of the family\n\n| Family member | Took part | Notes |\n| --- | --- | --- |\n| Mother | Yes |\n| | No | declined |\n| Father | No | the police advised against contact | extra |',
    'one very long line': `It has not been possible to meet with the father ${'and the review continued '.repeat(5000)}.`,
    'CRLF and curly quotes': '## Family involvement\r\n\r\nThe mother’s partner declined. The father ‘did not respond’.\r\n',
    'roles and initials only': '## Family involvement\n\nM met the reviewer. F declined. MGM could not be traced. AB (the child) was not asked.',
    'several children, no headings': 'Child A (9), Child B (7), Child C (5) and Child D (2) lived with their mother. It has not been possible to speak with the children. The mother met the reviewer once.',
    'nested lists and quotes': '## Family involvement\n\n- The parents:\n  - the mother met the reviewer\n  - the father declined\n\n> "Nobody asked me," the mother said.',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: no crash`, () => {
      const result = linter.lint(text);
      expect(result.findings.filter((f) => f.ruleId === 'rule-failed')).toEqual([]);
      expect(() => involvementFacts(parseDocument(text))).not.toThrow();
      expect(() => family(text, 'lcspr', 'plaintext')).not.toThrow();
    });
  }
  it('a draft with no headings still gets sentence-level findings but no document-level ones', () => {
    const text = `${'The review read the records of the school, the GP and the police. '.repeat(60)}It has not been possible to speak with the father.`;
    const found = ids(text);
    expect(found).toContain('family-non-involvement-unexplained');
    expect(found).not.toContain('family-involvement-not-mentioned');
  });
});
