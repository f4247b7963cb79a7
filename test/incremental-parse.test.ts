/**
 * The parser rescans only around an edit, reusing the previous version's blocks and line starts
 * before and after it. Here small drafts made of the constructs that look ahead or run on (fences,
 * comments, tables, block quotes, list items, setext underlines, plain-text headings) are edited at
 * random, and every incremental parse must equal a parse from scratch. Fixed seed;
 * FUZZ_RUNS=5000 npx vitest run test/incremental-parse.test.ts for a longer search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../server/src/core/document/model';
import type { DocumentLanguage } from '../server/src/core/document/parse';
import { parseDocument } from '../server/src/core/document/parse';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const LINES = [
  '', '', '', 'Child R was 14 when the school first raised concerns.', 'She told her teacher.', '# Analysis', '## Glossary',
  'Findings', '=====', '-----', '---', '```', '~~~', '<!-- a note', 'still a note -->', '<!-- cspr-lint-disable-next-line -->',
  '| Date | Agency |', '| --- | --- |', '| 1 May | School |', '> Quoted record of the visit.', '> more quote', '- a list item',
  '1. numbered item', '2. Methodology', '  continued line', 'a) lettered', '\t', '   ', 'CSE and MASH were involved.', '***',
];
const SNIPPETS = ['\n', '\n\n', '\r\n', '\r', '```\n', '~~~', '<!--', '-->', '|', '| --- |', '# ', '> ', '- ', '1. ', '===', '---\n', 'x', ' ', ''];

const draft = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...LINES), { minLength: 0, maxLength: 40 })).map(([fm, lines]) => (fm ? '---\nreview-type: lcspr\npseudonyms: [Child R]\n---\n' : '') + lines.join('\n'));
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.constantFrom(...LINES).map((l) => `${l}\n`), fc.string({ maxLength: 3 })),
});

const shape = (d: ParsedDocument): unknown => ({ blocks: d.blocks, sections: d.sections, comments: d.comments, lineStarts: d.lineStarts, frontMatter: d.frontMatter });

describe('incremental parsing', () => {
  for (const language of ['markdown', 'plaintext'] as DocumentLanguage[]) {
    it(`equals a parse from scratch after random edits (${language})`, () => {
      fc.assert(
        fc.property(draft, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
          let text = start;
          let previous = parseDocument(text, { language });
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
            const incremental = parseDocument(text, { language, previous });
            expect(shape(incremental)).toEqual(shape(parseDocument(text, { language })));
            previous = incremental;
          }
        }),
        { numRuns: RUNS, seed: 20261202, endOnFailure: true },
      );
    });
  }
});
