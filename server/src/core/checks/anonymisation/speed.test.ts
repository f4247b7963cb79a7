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

function oneCharEdit(text: string): string {
  const at = text.indexOf('school', Math.floor(text.length / 2));
  return `${text.slice(0, at)}School${text.slice(at + 6)}`;
}

describe('speed of the anonymisation and plain-English checks', () => {
  it('adds little to a full lint of a 250 KB draft, and almost nothing after a one-character edit', () => {
    const mine = [...anonymisationChecks, ...plainEnglishChecks];
    // Warm the engine (regular expressions, JIT) on other text, as a running server is.
    const warmUp = readFileSync(join(root, 'anonymisation', 'clean-lcspr.md'), 'utf8');
    let best = { added: Infinity, addedWarm: Infinity, base: 0, withMine: 0, baseWarm: 0, mineWarm: 0, size: 0 };
    // Best of three, each on a fresh copy so that no cache is warm; the minimum discounts garbage collection.
    for (let attempt = 0; attempt < 3; attempt++) {
      const base = createLinter([], { checks: [identityBaseline] });
      const withMine = createLinter([], { checks: [identityBaseline, ...mine] });
      for (const l of [base, withMine]) l.lint(warmUp);
      const text = bigDraft(attempt);
      const baseCold = time(base, text);
      const mineCold = time(withMine, text);
      const edited = oneCharEdit(text);
      const baseWarm = time(base, edited);
      const mineWarm = time(withMine, edited);
      if (mineCold - baseCold < best.added) best = { ...best, added: mineCold - baseCold, base: baseCold, withMine: mineCold, size: text.length };
      if (mineWarm - baseWarm < best.addedWarm) best = { ...best, addedWarm: mineWarm - baseWarm, baseWarm, mineWarm };
    }
    console.log(
      `${(best.size / 1024).toFixed(0)} KB draft, CPU time: full lint ${best.base.toFixed(0)} ms without these checks, ${best.withMine.toFixed(0)} ms with them (+${best.added.toFixed(0)} ms); ` +
        `after a one-character edit ${best.baseWarm.toFixed(0)} ms and ${best.mineWarm.toFixed(0)} ms (+${best.addedWarm.toFixed(0)} ms)`,
    );
    expect(best.added).toBeLessThan(150);
    expect(best.addedWarm).toBeLessThan(30);
  });
});
