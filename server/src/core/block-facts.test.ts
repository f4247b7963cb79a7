/** Per-block facts (`blockFacts`) and reuse of the previous parse: computed once, invalidated by what they read. */
import { describe, expect, it } from 'vitest';
import type { Check } from './check';
import { blockFacts } from './check';
import { contentId, parseDocument } from './document/parse';
import { makeLintData } from './data';
import { createLinter } from './linter';

let counters = 0;
function counting(): { check: Check; computed: string[] } {
  const computed: string[] = [];
  // Facts are cached for every linter by name, so each counter names its own.
  const name = `test/risk-${++counters}`;
  const check: Check = {
    meta: {
      id: 'test-words', category: 'housekeeping', kind: 'check', severity: 'info', scope: 'document', fix: 'none',
      summary: 's', message: 'm', rationale: 'r', sources: [{ document: 'test' }], examples: { valid: [], invalid: [] },
    },
    run(ctx) {
      for (const block of ctx.prose) {
        const hits = blockFacts(ctx, name, block, (b) => {
          computed.push(b.prose.trim());
          expect(b.start).toBe(0);
          return [...b.prose.matchAll(/risk/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
        });
        for (const h of hits) ctx.report({ span: { start: block.start + h.start, end: block.start + h.end }, message: block.role });
      }
    },
  };
  return { check, computed };
}

describe('blockFacts', () => {
  it('computes a fact once per distinct block and reports at the right place after the block moves', () => {
    const { check, computed } = counting();
    const linter = createLinter([], { checks: [check] });
    const text = '# Review\n\nFirst risk.\n\nSecond risk here.\n';
    const first = linter.lint(text);
    expect(computed).toEqual(['First risk.', 'Second risk here.']);
    const moved = `Intro line.\n\n${text}`;
    const second = linter.lint(moved, { previous: first });
    // Only the new paragraph is computed; the others are reused and shifted.
    expect(computed).toEqual(['First risk.', 'Second risk here.', 'Intro line.']);
    expect(second.findings.map((f) => moved.slice(f.span.start, f.span.end))).toEqual(['risk', 'risk']);
  });

  it('recomputes when the role or section of an unchanged block changes', () => {
    const { check, computed } = counting();
    const linter = createLinter([], { checks: [check] });
    linter.lint('## Analysis\n\nA risk.\n');
    const r = linter.lint('## Glossary\n\nA risk.\n');
    expect(computed).toEqual(['A risk.', 'A risk.']);
    expect(r.findings[0]!.message).toBe('glossary');
  });

  it('works on a context built by hand, without a cache', () => {
    const doc = parseDocument('Para one.\n\nA risk again.');
    const reported: number[] = [];
    counting().check.run({ doc, reviewType: undefined, data: makeLintData(), prose: doc.blocks, report: (r) => reported.push(r.span.start) });
    expect(reported).toEqual([13]);
  });
});

describe('parseDocument with the previous parse', () => {
  it('reuses unchanged blocks before the edit and gives moved ones the same content id', () => {
    const text = '# Title\n\nOne para.\n\nTwo para.\n\nThree para.\n';
    const a = parseDocument(text);
    const edited = text.replace('Two', 'Twoo');
    const b = parseDocument(edited, { previous: a });
    expect(b.blocks[1]).toBe(a.blocks[1]);
    expect(b.blocks[2]).not.toBe(a.blocks[2]);
    expect(contentId(b.blocks[3]!)).toBe(contentId(a.blocks[3]!));
    expect(b.blocks[3]!.start).toBe(a.blocks[3]!.start + 1);
    expect(b).toEqual(parseDocument(edited));
  });

});
