/**
 * How much the anonymisation and plain-English checks add to a lint of a long draft (about 250 KB,
 * built from every fixture draft), cold and after a one-character edit. The identity facts they read
 * are computed first, because a full lint computes them for the identity rules anyway.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../check';
import type { Linter } from '../../linter';
import { createLinter } from '../../linter';
import { identityFacts } from '../identity-context/identity-facts';
import { plainEnglishChecks } from '../plain-english';
import { anonymisationChecks } from '.';

const root = join(__dirname, '..', '..', '..', '..', '..', 'test-fixtures', 'drafts');

function walk(d: string): string[] {
  return readdirSync(d)
    .sort()
    .flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? walk(p) : f.endsWith('.md') ? [p] : [];
    });
}

/** About 250 KB of review prose; each copy's paragraphs differ by trailing spaces so no cache is warm. */
function bigDraft(variant = 0): string {
  const parts = walk(root).map((f) => readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  let out = '---\nreview-type: lcspr\npseudonyms: [Child R]\n---\n\n';
  for (let copy = 1; out.length < 250_000; copy++) for (const p of parts) out += `${p.replace(/\n\n/g, `${' '.repeat(copy + variant * 3)}\n\n`)}\n\n`;
  return out;
}

/** Reads the identity facts, as the identity rules do in a full lint, so the baseline includes them. */
const identityBaseline: Check = {
  meta: { ...anonymisationChecks[0]!.meta, id: 'speed-baseline' },
  run(ctx) {
    identityFacts(ctx.doc);
  },
};

/** CPU time of one lint in milliseconds: steadier than wall time on a busy machine. */
function time(linter: Linter, text: string): number {
  const a = process.cpuUsage();
  linter.lint(text, { reviewType: 'lcspr' });
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
}

/** The draft with one letter changed, at one of several places in its second half. */
function oneCharEdit(text: string, n = 0): string {
  let at = Math.floor(text.length / 2);
  for (let i = 0; i <= n; i++) at = text.indexOf('school', at + 1);
  return `${text.slice(0, at)}S${text.slice(at + 1)}`;
}

describe('speed of the anonymisation and plain-English checks', () => {
  it('adds little to a full lint of a 250 KB draft, and almost nothing after a one-character edit', () => {
    const mine = [...anonymisationChecks, ...plainEnglishChecks];
    // Warm the engine (regular expressions, JIT) on other text, as a running server is.
    const warmUp = readFileSync(join(root, 'anonymisation', 'clean-lcspr.md'), 'utf8');
    const best = { base: Infinity, withMine: Infinity, baseWarm: Infinity, mineWarm: Infinity, size: 0 };
    // Best of three for each figure, each on a fresh copy so that no cache is warm; the minimum discounts garbage collection and a busy machine.
    for (let attempt = 0; attempt < 3; attempt++) {
      const base = createLinter([], { checks: [identityBaseline] });
      const withMine = createLinter([], { checks: [identityBaseline, ...mine] });
      for (const l of [base, withMine]) l.lint(warmUp);
      const text = bigDraft(attempt);
      best.size = text.length;
      best.base = Math.min(best.base, time(base, text));
      best.withMine = Math.min(best.withMine, time(withMine, text));
      // Re-lints after one-character edits, alternating, so neither linter always meets the garbage collector.
      for (let n = 0; n < 3; n++) {
        const edited = oneCharEdit(text, attempt * 3 + n);
        if (n % 2 === 0) {
          best.mineWarm = Math.min(best.mineWarm, time(withMine, edited));
          best.baseWarm = Math.min(best.baseWarm, time(base, edited));
        } else {
          best.baseWarm = Math.min(best.baseWarm, time(base, edited));
          best.mineWarm = Math.min(best.mineWarm, time(withMine, edited));
        }
      }
    }
    const added = Math.max(0, best.withMine - best.base);
    const addedWarm = Math.max(0, best.mineWarm - best.baseWarm);
    console.log(
      `${(best.size / 1024).toFixed(0)} KB draft, CPU time: full lint ${best.base.toFixed(0)} ms without these checks, ${best.withMine.toFixed(0)} ms with them (+${added.toFixed(0)} ms); ` +
        `after a one-character edit ${best.baseWarm.toFixed(0)} ms and ${best.mineWarm.toFixed(0)} ms (+${addedWarm.toFixed(0)} ms)`,
    );
    expect(added).toBeLessThan(150);
    expect(addedWarm).toBeLessThan(30);
  });
});
