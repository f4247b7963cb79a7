/** identityFacts: the many ways drafts state identity, who it is about, and where it is used. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../document/parse';
import { loadRules } from '../../../rules-loader';
import { createLinter } from '../../linter';
import type { Characteristic, CharacteristicStatus } from './identity-facts';
import { identityFacts } from './identity-facts';
import { draft } from './examples';

const facts = (text: string) => identityFacts(parseDocument(text));
const status = (text: string, c: Characteristic): CharacteristicStatus => facts(text).characteristics[c].status;

describe('identityFacts: ethnicity stated', () => {
  it.each([
    'Child A is White British.',
    'Child A is a four-year-old white British girl.',
    'The family describe themselves as white UK origin.',
    'The family are of Black Caribbean heritage.',
    'Child A is of Pakistani heritage.',
    'Child A is of mixed White British and Jamaican descent.',
    'Both parents are Polish nationals.',
    'Child A’s ethnicity is recorded as Mixed White and Asian.',
    'Ethnicity: Black African',
    'Child A identifies as British Bangladeshi.',
    'Child A describes herself as mixed race.',
    'The family are Irish Travellers.',
    'The family are Romany Gypsies.',
    'He is Black and was 15 at the time.',
    'Child A (White British, aged 4) lived with her grandmother.',
    'The family are from Zimbabwe.',
    'Child A was born in Eritrea and came to England in 2019.',
    'The family’s heritage is Kurdish.',
    'Child A is a Somali boy who loves football.',
    'Child A is an unaccompanied asylum-seeking child from Sudan.',
  ])('%s', (text) => {
    expect(status(text, 'ethnicity')).toBe('stated');
  });
});

describe('identityFacts: ethnicity not stated', () => {
  it.each([
    ['Child A lived with her mother.', 'absent'],
    ['The family’s ethnicity is reflective of the local majority population.', 'evasive'],
    ['Child A’s ethnicity is not known.', 'not-known'],
    ['Ethnicity: not known', 'not-known'],
    ['Her ethnicity is unknown: her mother declined to take part and no agency had recorded it.', 'not-known-explained'],
    ['Her mother is of Polish heritage.', 'parent-only'],
    ['Mrs K is Nigerian and works as a nurse.', 'parent-only'],
    ['The family’s ethnicity has not been included to protect their anonymity.', 'withheld'],
    ['Black, Asian and mixed heritage children are over-represented nationally.', 'absent'],
    ['Her first language is English.', 'absent'],
    ['Practitioners should consider whether Child A was of mixed heritage.', 'absent'],
    ['The interpreter, who is Somali, attended every visit.', 'absent'],
  ] as const)('%s → %s', (text, expected) => {
    expect(status(text, 'ethnicity')).toBe(expected);
  });
});

describe('identityFacts: religion, language and disability', () => {
  it.each([
    ['Child A describes herself as Muslim.', 'religion', 'stated'],
    ['The family have no religion.', 'religion', 'stated'],
    ['The family are practising Sikhs.', 'religion', 'stated'],
    ['Her mother is a Jehovah’s Witness.', 'religion', 'stated'],
    ['They are not religious.', 'religion', 'stated'],
    ['Religion: none', 'religion', 'stated'],
    ['The family attend a Pentecostal church every Sunday.', 'religion', 'stated'],
    ['Staff acted in good faith.', 'religion', 'absent'],
    ['Her Christian name was misspelt in the records.', 'religion', 'absent'],
    ['Religion: not known', 'religion', 'not-known'],
    ['First language Tigrinya.', 'language', 'stated'],
    ['Her first language is Urdu.', 'language', 'stated'],
    ['English is spoken at home.', 'language', 'stated'],
    ['The family speak Arabic.', 'language', 'stated'],
    ['Child A is non-verbal and uses Makaton.', 'language', 'stated'],
    ['Her first language is not known.', 'language', 'not-known'],
    ['The language used in the records was harsh.', 'language', 'absent'],
    ['Child A has no diagnosed disability.', 'disability', 'stated'],
    ['Child A has no special educational needs.', 'disability', 'stated'],
    ['Child A has an EHCP for autism.', 'disability', 'stated'],
    ['No SEND were identified.', 'disability', 'stated'],
    ['The school did not send the referral.', 'disability', 'absent'],
    ['The school turned a blind eye.', 'disability', 'absent'],
    ['Her mother has a learning disability.', 'disability', 'parent-only'],
    ['It is not known whether Child A had any special educational needs.', 'disability', 'not-known'],
  ] as const)('%s → %s %s', (text, c, expected) => {
    expect(status(text, c)).toBe(expected);
  });
});

describe('identityFacts: tables and front matter', () => {
  const table = '| Name | Relationship | Ethnicity | Religion | First language | Disability or SEN |\n| --- | --- | --- | --- | --- | --- |\n| Child D | subject | White British | None | English | Autism |\n| Ms D | mother | White British | None | English | Not known |';
  it('reads a family composition table', () => {
    const f = facts(table);
    expect(f.stated).toEqual(['ethnicity', 'religion', 'language', 'disability']);
    const cell = f.characteristics.ethnicity.statements[0]!;
    expect(cell.source).toBe('table');
    expect(table.slice(cell.span.start, cell.span.end)).toBe('White British');
  });
  it('reads a key-value table', () => {
    const f = facts('| Characteristic | Child R |\n| --- | --- |\n| Ethnicity | Black British |\n| Religion | Muslim |');
    expect(f.characteristics.ethnicity.status).toBe('stated');
    expect(f.characteristics.religion.status).toBe('stated');
  });
  it('reads front matter', () => {
    const text = '---\nreview-type: lcspr\nchild: Child K\nethnicity: Mixed White and Black Caribbean\nreligion: none\nfirst-language: English\ndisability: not known\n---\n\nChild K lives with his mother.';
    const f = facts(text);
    expect(f.childName).toBe('Child K');
    expect(f.characteristics.ethnicity.status).toBe('stated');
    expect(f.characteristics.language.status).toBe('stated');
    expect(f.characteristics.disability.status).toBe('not-known');
    expect(f.minoritised).toBe(true);
    expect(text.slice(f.characteristics.ethnicity.statements[0]!.span.start, f.characteristics.ethnicity.statements[0]!.span.end)).toBe('ethnicity: Mixed White and Black Caribbean');
  });
});

describe('identityFacts: who, where and whether used', () => {
  it('tells the child from a parent and the family', () => {
    const f = facts('Child A is of Somali heritage. Her mother, who is Somali, arrived in 2010. Child A and her father are Muslim.');
    expect(f.characteristics.ethnicity.statements.map((s) => s.subject)).toEqual(['child', 'child', 'parent']);
    expect(f.characteristics.religion.statements[0]!.subject).toBe('family');
  });
  it('keeps asides apart from the subject', () => {
    expect(facts('Child A, who lives with her father, is of Polish heritage.').characteristics.ethnicity.statements[0]!.subject).toBe('child');
  });
  it('handles several children with different identities and non-English names', () => {
    const f = facts('Oluwaseun, 14, is of Nigerian heritage. His half-brother Tomasz is of mixed Polish and Nigerian heritage. Nguyễn Thị Lan, their great-grandmother, came from Vietnam.');
    expect(f.characteristics.ethnicity.status).toBe('stated');
    expect(f.minoritised).toBe(true);
  });
  it('does not call White British minoritised', () => {
    expect(facts('Child A is White British and lives with his mother.').minoritised).toBe(false);
    expect(facts('The family are of white UK origin.').minoritised).toBe(false);
    expect(facts('Child A is of mixed White and Black Caribbean heritage.').minoritised).toBe(true);
  });
  it('finds identity in the analysis', () => {
    const text = draft({ background: 'Child R is of Eritrean heritage.', analysis: 'No interpreter was booked, so her mother could not explain her worries in her first language.' });
    const f = facts(text);
    expect(f.hasAnalysisSection).toBe(true);
    expect(f.usedInAnalysis).toBe(true);
    expect(facts(draft({ background: 'Child R is of Eritrean heritage.', analysis: 'The organisational culture of the team discouraged challenge.' })).usedInAnalysis).toBe(false);
  });
  it('places the introduction at the first mention of the child in the background', () => {
    const text = draft({ background: 'The flat was small. Child R was nine.' });
    const f = facts(text);
    expect(text.slice(f.introduction!.span.start, f.introduction!.span.end)).toBe('Child R');
    expect(f.introduction!.span.start).toBeGreaterThan(text.indexOf('## Background'));
  });
  it('lists the sentences that state identity as protected', () => {
    const text = 'Child A lives with her mother. Child A is of Tamil heritage and Hindu. The flat was cold.';
    const f = facts(text);
    expect(f.protectedSpans.map((s) => text.slice(s.start, s.end))).toEqual(['Child A is of Tamil heritage and Hindu.']);
  });
  it('is cached per document', () => {
    const doc = parseDocument('Child A is White British.');
    expect(identityFacts(doc)).toBe(identityFacts(doc));
  });
});

describe('identity-context rules on bad input', () => {
  const loaded = loadRules();
  const linter = createLinter(loaded.definitions, { data: loaded.data });
  it('never fails on arbitrary text', () => {
    const words = ['Child A', 'BAME', 'of', 'heritage', 'Pakistani', 'interpreted', 'for her mother', 'culturally normal', 'excluded', 'Black', 'gypsy', '|', '---', '\n', '\n\n', '## Background', '## Analysis', 'not known', 'anonymity', 'withheld', 'ethnicity:', '“', '"', 'é', '🙂', 'Nguyễn'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 80 }), (parts) => {
        const text = parts.join(' ');
        const result = linter.lint(text);
        expect(result.findings.filter((f) => f.ruleId === 'rule-failed')).toEqual([]);
        for (const f of result.findings) {
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('reads a long draft with many episodes', () => {
    const body = draft({ background: 'Child R is of Eritrean heritage and Muslim; her first language is Tigrinya. She has no known disability.' });
    const big = body + '\n\n' + Array.from({ length: 120 }, (_, i) => `## Episode ${i}\n\n${body.slice(body.indexOf('## Key episodes') + 16, body.indexOf('## Analysis'))}`).join('\n');
    // Speed is measured by `npm run bench`, never by a timed unit test.
    const facts = identityFacts(parseDocument(big));
    expect(facts).toBeTruthy();
  });
});

describe('identityFacts after an edit', () => {
  // Facts are kept per block and placed statements per unmoved block, so an analysis after an edit
  // must give exactly what a fresh parse of the same text gives.
  const base = draft({
    frontMatter: 'review-type: lcspr\nchild: Child R\nethnicity: Black British',
    background: 'Child R is of Eritrean heritage and Muslim; her first language is Tigrinya. Her mother, who is Somali, arrived in 2010. Her religion is not known.\n\n| Name | Relationship | Ethnicity |\n| --- | --- | --- |\n| Child R | subject | Mixed White and Black Caribbean |\n| Adult A | mother | White British |',
    analysis: 'No interpreter was booked, so her mother could not explain her worries in her first language.',
  });
  // Typing, and insertions that change what a block states (the last fold is reused only when they do not).
  const inserts = ['e', ' ', '\n\n', 'Child R is autistic. ', 'known as Jordan ', '## Analysis\n\n', '| x |', 'Her heritage is withheld to protect her anonymity. ', 'Her ethnicity was discussed. ', 'White British '];
  it('equals the facts of a fresh parse', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...inserts)), { minLength: 1, maxLength: 6 }), (edits) => {
        let text = base;
        let doc = parseDocument(text);
        identityFacts(doc);
        for (const [at, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i);
          doc = parseDocument(text, { previous: doc });
          expect(identityFacts(doc)).toEqual(identityFacts(parseDocument(text)));
        }
      }),
      { numRuns: 60 },
    );
  });
});
