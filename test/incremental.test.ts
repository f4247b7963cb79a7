/**
 * Incremental analysis equals a full analysis: random edit sequences applied to drafts built from
 * test-fixtures, each state analysed by a long-lived linter (its caches, the previous result passed
 * in as the editor does) and by a fresh linter; findings must be identical, and so must the parse.
 * Fixed seed; FUZZ_RUNS=500 npx vitest run test/incremental.test.ts for a longer search.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../server/src/core/document/parse';
import type { LintOptions, LintResult } from '../server/src/core/linter';
import { createLinter } from '../server/src/core/linter';
import { loadRules } from '../server/src/rules-loader';
// @ts-expect-error: plain JavaScript module without types
import { buildDraft, readMaterial } from '../bench/drafts.mjs';

const ROOT = join(__dirname, '..');
const loaded = loadRules();
const material = readMaterial(ROOT);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
// Every state is analysed twice, once by a fresh linter with every check: allow for a busy machine.
const TIMEOUT = 240_000;

// Edits that move block boundaries, roles, quotations, definitions and suppressions, besides typing.
const SNIPPETS = [
  'e', 'x', ' ', '.', ',', '\n', '\n\n', '\r\n', '# ', '## ', '### Analysis\n\n', '## Glossary\n\n', '## References\n\n', '## Recommendations\n\n',
  '"', '\u201c', '\u201d', "'", '<!--', '-->', '<!-- cspr-lint-disable-next-line -->\n', '<!-- cspr-lint-disable-file no-putting-self-at-risk -- quoted -->\n',
  '```\n', '~~~', '|', '| Date | Agency |\n| --- | --- |\n| 1 May | School |\n', '> ', '- ', '1. ', 'a) ', '---\n', '===\n', '**', '_', '`', '[', '](x)',
  'putting herself at risk', ' was putting himself at risk', 'streetwise', 'MASH', 'CSE', ' (Multi-Agency Safeguarding Hub)', 'professional curiosity',
  'Professional curiosity means asking questions. ', 'Child R', 'Child Z', ' aged 14', ' aged 34', 'The review regards this language as victim-blaming. ',
  'Her mother was not invited to take part. ', 'Her ethnicity was not recorded. ', 'She is of Somali heritage. ', 'The family was not involved. ',
  'hindsight', 'should have', 'lessons will be learned', 'CAMHS', 'A&E', 'Ms AB',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 400 })),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 }), fc.constant('')),
  frontMatter: fc.boolean(),
});

const options = fc.record({
  reviewType: fc.constantFrom(undefined, 'rapid-review', 'lcspr', 'national'),
  allowInlineDisable: fc.boolean(),
  acronymAllow: fc.constantFrom(undefined, [], ['MASH'], ['CSE', 'CAMHS']),
  severities: fc.constantFrom(undefined, {}, { 'no-putting-self-at-risk': 'error' }, { 'acronym-defined-on-first-use': 'off' }),
  language: fc.constantFrom('markdown', 'markdown', 'plaintext'),
}) as fc.Arbitrary<LintOptions>;

function apply(text: string, e: { at: number; remove: number; insert: string; frontMatter: boolean }): string {
  // Some edits land in the front matter (the pseudonyms list), which every paragraph's analysis reads.
  const fmEnd = text.startsWith('---\n') ? text.indexOf('\n---', 4) : -1;
  const at = e.frontMatter && fmEnd > 0 ? Math.floor(e.at * fmEnd) : Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const comparable = (r: LintResult): unknown => r.findings;
const parsed = (text: string, language: LintOptions['language'], previous?: LintResult): unknown => {
  const d = parseDocument(text, { language, ...(previous ? { previous: previous.document } : {}) });
  return { blocks: d.blocks, sections: d.sections, frontMatter: d.frontMatter, comments: d.comments, lineStarts: d.lineStarts };
};

describe('incremental analysis', () => {
  // One linter for the whole property, as in the editor: its caches see every state of every draft.
  const cached = createLinter(loaded.definitions, { data: loaded.data });

  it('gives the same findings as a fresh analysis after random edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1000, max: 5000 }), fc.array(edit, { minLength: 1, maxLength: 6 }), options, fc.boolean(), (seed, size, edits, opts, wrongPrevious) => {
        let text: string = buildDraft(material, size, seed);
        let previous = cached.lint(text, opts);
        // Sometimes the previous result handed in is of another document: it must only cost speed.
        const stranger = wrongPrevious ? cached.lint(buildDraft(material, 2000, seed + 1), opts) : undefined;
        for (const e of edits) {
          text = apply(text, e);
          const incremental = cached.lint(text, { ...opts, previous: stranger ?? previous });
          const fresh = createLinter(loaded.definitions, { data: loaded.data }).lint(text, opts);
          expect(comparable(incremental)).toEqual(comparable(fresh));
          expect(parsed(text, opts.language, previous)).toEqual(parsed(text, opts.language));
          previous = incremental;
        }
      }),
      { numRuns: RUNS, seed: 20261201, endOnFailure: true },
    );
  }, TIMEOUT);

  it('gives the same findings when paragraphs move, are undone and come back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }), (seed, moves) => {
        const original: string = buildDraft(material, 4000, seed);
        let text = original;
        let previous = cached.lint(text);
        for (const [a, b] of moves) {
          const paras = text.split('\n\n');
          const [moved] = paras.splice(a % paras.length, 1);
          paras.splice(b % (paras.length + 1), 0, moved!);
          text = paras.join('\n\n');
          previous = cached.lint(text, { previous });
          expect(comparable(previous)).toEqual(comparable(createLinter(loaded.definitions, { data: loaded.data }).lint(text)));
        }
        // Undo everything: back to the first state, mostly from the caches.
        previous = cached.lint(original, { previous });
        expect(comparable(previous)).toEqual(comparable(createLinter(loaded.definitions, { data: loaded.data }).lint(original)));
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 3)), seed: 20261202, endOnFailure: true },
    );
  }, TIMEOUT);
});
