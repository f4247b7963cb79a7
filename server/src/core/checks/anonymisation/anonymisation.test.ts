/** The pseudonym register, person names and bad input for the anonymisation checks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../document/parse';
import { createLinter } from '../../linter';
import { loadRules } from '../../../rules-loader';
import { namesInProse } from './names';
import { pseudonymRegister } from './register';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const anon = (text: string): string[] =>
  linter
    .lint(text, { reviewType: 'lcspr' })
    .findings.filter((f) => f.category === 'anonymisation')
    .map((f) => `${f.ruleId}:${text.slice(f.span.start, f.span.end)}`);

describe('pseudonym register', () => {
  it('reads front matter lists, role maps and "name (role)" strings', () => {
    const doc = parseDocument('---\npseudonyms: [Child R, Child S]\nfamily:\n  mother: Ms R\n  Tom: older brother\nchild: Mary (child)\nauthor: Jane Smith\n---\n\nText.');
    const reg = pseudonymRegister(doc);
    const byName = new Map(reg.entries.map((e) => [e.name, e]));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['Child R', 'Child S', 'Ms R', 'Tom', 'Mary']));
    expect(byName.get('Ms R')?.role).toBe('mother');
    expect(byName.get('Tom')?.role).toBe('brother');
    expect(byName.get('Mary')?.role).toBe('child');
    expect([...reg.reviewers]).toEqual(expect.arrayContaining(['jane', 'smith']));
  });

  it('reads declarations in the text, wherever they come', () => {
    const doc = parseDocument('Mary told the review she was scared. The child is known in this review as Mary. Her mother, referred to as Ms B, agreed. Tariq (not his real name) is her brother. Kai is the name he chose for this report.');
    const names = pseudonymRegister(doc).entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Mary', 'Ms B', 'Tariq', 'Kai']));
  });

  it('reads a family table and a glossary', () => {
    const doc = parseDocument('| Family member | Pseudonym |\n| --- | --- |\n| Child | Leila |\n| Mother | Ms Y / Mum |\n\n## Glossary\n\n- Yusuf: Leila\u2019s older brother.\n- MASH: Multi-Agency Safeguarding Hub.');
    const reg = pseudonymRegister(doc);
    const byName = new Map(reg.entries.map((e) => [e.name, e]));
    expect(byName.get('Leila')?.role).toBe('child');
    expect(byName.get('Ms Y')?.role).toBe('mother');
    expect(byName.has('Mum')).toBe(true);
    expect(byName.get('Yusuf')?.source).toBe('glossary');
    expect(byName.has('MASH')).toBe(false);
  });

  it('collects agency words, reference authors and codes', () => {
    const doc = parseDocument('The Eastmere Safeguarding Children Partnership met. Child R and Child R again, and Child B.\n\n## References\n\nBrandon, M. (2020) A study.');
    const reg = pseudonymRegister(doc);
    expect(reg.agencyWords.has('eastmere')).toBe(true);
    expect(reg.referenceWords.has('brandon')).toBe(true);
    expect(reg.codes.get('Child R')).toBe(2);
    expect(reg.codes.get('Child B')).toBe(1);
  });
});

describe('person names', () => {
  it('finds names from the lexicon and from the words around unknown ones', () => {
    const hits = namesInProse('Jessica told her teacher. Her brother Kayden left. Ms Okafor rang. Aisha Khan attended. Leila, aged 15, was seen.').hits.map((h) => `${h.text}:${h.kind}`);
    expect(hits).toEqual(['Jessica:first', 'Kayden:context', 'Ms Okafor:honorific', 'Aisha Khan:full', 'Leila:first']);
  });

  it('leaves common words, titles, places, organisations, citations, eponyms and initials alone', () => {
    const text = "There was hope. Will the plan work? Grace periods apply. Dr Patel and DC Jones attended. She moved to Leeds. Oakfield Primary School and Barnardo's helped. Munro (2011) and Brandon et al. (2020) agree. Down's syndrome and a Moses basket. J. Smith and Child AB were there. Re B (Children) was cited. Clare's Law applied.";
    expect(namesInProse(text).hits.map((h) => h.text)).toEqual([]);
  });

  it('reads non-English names when the sentence shows they name a person', () => {
    expect(namesInProse('Her grandmother, Nguyễn Lan, cared for her.').hits.map((h) => h.text)).toEqual(['Nguyễn Lan']);
    expect(namesInProse('Her friend Oluwaseun went missing with her.').hits.map((h) => h.text)).toEqual(['Oluwaseun']);
  });
});

describe('bad input', () => {
  it('one-letter pseudonyms and initials are not names', () => {
    expect(anon('---\npseudonyms: [A, B]\n---\n\nA lived with B. A was 14, and J. K. visited.')).toEqual([]);
  });

  it('a pseudonym that is a common word is still a pseudonym', () => {
    expect(anon('---\npseudonyms: [Hope]\n---\n\nHope lived with her mother. Staff hope to learn from this. Hope said she was scared.')).toEqual([]);
  });

  it('pseudonyms declared after first use', () => {
    expect(anon('Zara went missing twice. Zara told the police she was scared. Zara is a pseudonym chosen by Zara herself.')).toEqual([]);
  });

  it('a table of family members is the register, not a list of slips', () => {
    expect(anon('| Name | Relationship | Age |\n| --- | --- | --- |\n| Amira | Child | 15 |\n| Yusuf | Brother | 19 |\n\nAmira lived with Yusuf. Yusuf said Amira was scared.')).toEqual([]);
  });

  it("the reviewer's name on the cover and in the text", () => {
    expect(anon('Independent reviewer: Siobhan O\u2019Neill\n\n# Child T\n\nChild T was 15. Siobhan O\u2019Neill met Child T\u2019s mother twice. Child T said the review helped.')).toEqual([]);
  });

  it('reference lists and citations', () => {
    expect(anon('Child R was 14. As Laming (2003) found, and as Brandon and Belderson (2009) showed, agencies did not share information.\n\n## References\n\nLaming, H. (2003) The Victoria Climbié Inquiry. London: TSO.')).toEqual([]);
  });

  it('never crashes and keeps spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const text = `Child R was 14. ${s} Jessica was born on 3 March 2010 at 22 Elm Road, NT4 7QX.`;
        const result = linter.lint(text, { reviewType: 'lcspr' });
        for (const f of result.findings) expect(f.span.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 60 },
    );
  });
});
