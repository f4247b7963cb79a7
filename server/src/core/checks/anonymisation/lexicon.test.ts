/** The generated lexicon (lexicon-data.ts) answers every question the name checks ask exactly as compromise's own lexicon does. */
import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { ALL_NOUN, FEMALE, FIRST, KNOWN, LAST, MALE, PLACE, lexiconFlags } from './lexicon';
import { COMPROMISE_VERSION } from './lexicon-data';

type Lexicon = Record<string, string | string[]>;
const LEXICON: Lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;

/** The questions, asked of compromise the way names.ts asked them before the lexicon was extracted. */
function expected(lower: string): number {
  const v = LEXICON[lower];
  const t: readonly unknown[] = v === undefined ? [] : Array.isArray(v) ? v : [v];
  const has = (...tags: string[]): boolean => t.some((x) => tags.includes(x as string));
  let f = 0;
  if (t.length > 0) f |= KNOWN;
  if (has('FemaleName', 'MaleName', 'FirstName')) f |= FIRST;
  if (has('FemaleName')) f |= FEMALE;
  if (has('MaleName')) f |= MALE;
  if (has('City', 'Country', 'Region', 'Place', 'Demonym', 'Month', 'WeekDay', 'Date', 'Holiday', 'Organization', 'SportsTeam', 'Currency', 'Unit')) f |= PLACE;
  if (has('LastName')) f |= LAST;
  if (t.length > 0 && t.every((x) => ['Singular', 'Plural', 'Uncountable', 'Noun'].includes(x as string))) f |= ALL_NOUN;
  return f;
}

describe('generated lexicon', () => {
  it('was generated from the installed compromise (run generate-lexicon.mjs after upgrading it)', () => {
    expect(COMPROMISE_VERSION).toBe((nlp as unknown as { version: string }).version);
  });

  it('gives every single word of compromise\u2019s lexicon the same answers', () => {
    const wrong: string[] = [];
    for (const word of Object.keys(LEXICON)) {
      if (/\s/.test(word)) continue;
      if (lexiconFlags(word) !== expected(word)) wrong.push(word);
    }
    expect(wrong).toEqual([]);
  });

  it('knows no more words than compromise, and keeps its plain-object look-up of "constructor"', () => {
    for (const w of ['kayden', 'zzqx', 'constructor', '__proto__', 'tostring', 'hasownproperty', '', 'o\u2019brien', 'labinjo-hughes']) expect(lexiconFlags(w)).toBe(expected(w));
    expect(lexiconFlags('jessica') & FEMALE).toBe(FEMALE);
    expect(lexiconFlags('mohammed') & MALE).toBe(MALE);
  });
});
