/**
 * Random review drafts for property tests: realistic review sentences (every rule's own examples
 * among them), Markdown syntax, quotations, tables, front matter, disable comments, unicode with
 * surrogate pairs and lone surrogates, and every line ending. Shared by the property and fix-safety tests.
 */
import fc from 'fast-check';
import type { RuleMeta } from '../../server/src/core/types';

/** Runs per property: a fixed default that keeps `npm test` quick; FUZZ_RUNS=5000 for a long run. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
/** The seed: fixed, so CI runs are repeatable; FUZZ_SEED to explore others. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

/** A test timeout that leaves room for long FUZZ_RUNS runs. */
export const TIMEOUT = RUNS ? 24 * 3600_000 : 120_000;

/** fast-check parameters for a property with `defaultRuns` runs unless FUZZ_RUNS says otherwise. */
export function params(defaultRuns: number): { numRuns: number; seed: number; endOnFailure: boolean } {
  return { numRuns: RUNS ?? defaultRuns, seed: SEED, endOnFailure: true };
}

const SENTENCES = [
  'Child B, aged 14, was putting herself at risk.',
  'Child C put himself in danger by going missing.',
  'Records described Child B as "putting herself at risk"; this review regards that wording as victim-blaming.',
  'The MASH met on Monday and the GP was informed.',
  'The Multi-Agency Safeguarding Hub (MASH) met on Monday.',
  'There was a lack of professional curiosity about the home.',
  'Professional curiosity means asking about what is not said.',
  'Mother said she felt "nobody listened".',
  'Father was not invited to contribute to the review.',
  'The family were invited to contribute and chose not to.',
  'Child D did not attend three appointments.',
  'Child D was not brought to three appointments.',
  'Staff felt she was "choosing" to go back to the address.',
  'Her ethnicity was not recorded.',
  'Child E is of White British heritage and speaks English at home.',
  'He was convicted of sexual activity with a child.',
  'With hindsight, the risk is clear; at the time it was not.',
  'Agencies should consider improving communication.',
  'The partnership will ensure that training is delivered by March 2026.',
  'The adult, aged 34, put herself at risk by drinking.',
  'The CSPR Panel notes that non-engagement is a misleading term.',
  'See Working Together to Safeguard Children (2023), chapter 4.',
  'In fact, she was being groomed by older men.',
  'No child chooses to be exploited.',
  'Child F was described as streetwise and promiscuous.',
  'Service users were offered a home visit.',
  'The health visitor saw Child G at home on 3 May.',
  'Professionals did not think about what life was like for the baby.',
];

const MARKDOWN = [
  '# Review of Child B',
  '## Glossary',
  '## References',
  '## Recommendations',
  '## Analysis',
  '## Family involvement',
  '### Chronology',
  '- ',
  '* ',
  '1. ',
  '   - ',
  '      1. ',
  '> ',
  '> > ',
  '>',
  '| Term | Meaning |\n| --- | --- |\n| MASH | Multi-Agency Safeguarding Hub |',
  '| a | b |\n|---|---|\n| Child B was putting herself at risk | ok |',
  '| unbalanced | table\n|---|\n| x |',
  '|',
  '```\ncode with MASH\n```',
  '```',
  '~~~',
  '    indented code',
  '`inline code MASH`',
  '**bold**',
  '_emphasis_',
  '[a link](https://example.org/MASH)',
  '![an image](x.png)',
  '<https://example.org>',
  '<!-- a comment -->',
  '<!-- cspr-lint-disable-next-line no-putting-self-at-risk -- quoted from the minutes -->',
  '<!-- cspr-lint-disable-next-line acronym-defined-on-first-use -->',
  '<!-- cspr-lint-disable -->',
  '<!--',
  '-->',
  '<div>html</div>',
  '---',
  '***',
  '\\*escaped\\*',
  '[^1]',
  '[^1]: A footnote.',
  'Term: a definition.',
];

const FRONT_MATTER = [
  '---\nreview-type: rapid-review\n---\n',
  '---\nreview-type: lcspr\npseudonyms: [Child B, Mia]\n---\n',
  '---\nreview-type: [\n---\n',
  '---\nreview-type: national\npublication: draft\n',
  '---\n: : :\n---\n',
  '---\n---\n',
  '+++\ntitle = "x"\n+++\n',
];

const QUOTES = ['"', '\u201c', '\u201d', "'", '\u2018', '\u2019', '\u00ab', '\u00bb', '"quoted words"', '\u201cquoted words\u201d', "'single'", '(', ')', '[', ']', '[sic]'];

const UNICODE = [
  '😀', '👩🏽‍⚕️', '𝒜', '\uD800', '\uDC00', '\uDBFF\uDBFF', 'e\u0301', '\u200B', '\u200D', '\u00A0', '\u2028', '\u2029', '\uFEFF', '\u202E', 'שלום', 'مرحبا', '中文', 'İı', 'ß', '\u0000', '\t', '\u000B', '\u000C', '\uFFFD', '\uFFFF',
];

const LINE_ENDINGS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\r\r', ' ', ''];

/** Sentences from every rule's own valid and invalid examples, so new rules are fuzzed as they land. */
export function exampleSentences(rules: readonly RuleMeta[]): string[] {
  return rules.flatMap((r) => [...r.examples.valid, ...r.examples.invalid].map((e) => e.text)).filter((t) => t.length < 2000);
}

/** One piece of a draft. */
export function fragment(extra: readonly string[] = []): fc.Arbitrary<string> {
  const pools = [SENTENCES, ...(extra.length ? [extra] : [])];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pools.flat()) },
    { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN) },
    { weight: 2, arbitrary: fc.constantFrom(...QUOTES) },
    { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('#', '>', '-', '*', '|', '`', '[', ']', '(', ')', '<', '!', '"', "'", '\\', ' ', '\n', '\r', 'a', '1', '.', ':'), maxLength: 30 }) },
  );
}

/** A whole random draft: optional front matter, then fragments joined by random line endings. */
export function draft(extra: readonly string[] = [], maxFragments = 40): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.option(fc.constantFrom(...FRONT_MATTER), { nil: '' }),
      fc.array(fc.tuple(fragment(extra), fc.constantFrom(...LINE_ENDINGS)), { maxLength: maxFragments }),
    )
    .map(([fm, parts]) => fm + parts.map(([f, sep]) => f + sep).join(''));
}

/** An edit to a text, by proportion of its length so it always lands inside it. */
export interface RandomEdit {
  at: number;
  remove: number;
  insert: string;
}

export function edits(extra: readonly string[] = [], maxLength = 15): fc.Arbitrary<RandomEdit[]> {
  return fc.array(
    fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
      insert: fc.oneof(fc.constant(''), fragment(extra), fc.constantFrom(...LINE_ENDINGS)),
    }),
    { maxLength },
  );
}

/** Applies a random edit; returns the new text and the edit as offsets. */
export function applyRandomEdit(text: string, e: RandomEdit): { text: string; start: number; end: number } {
  const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const end = Math.min(text.length, start + e.remove);
  return { text: text.slice(0, start) + e.insert + text.slice(end), start, end };
}

/** Grows a text to about `size` UTF-16 code units by repeating it. */
export function grow(text: string, size: number): string {
  const unit = text.length > 0 ? text : 'x';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
