/**
 * Property tests over random drafts and random edit sequences (fast-check, fixed seed; FUZZ_RUNS and
 * FUZZ_SEED for longer or different runs). What they guarantee:
 * - the core never throws, whatever the text;
 * - no built-in rule fails (a failure would show as a `rule-failed` finding);
 * - every finding and every fix edit lies inside the document, and its quote is the text it covers;
 * - the findings for a text are the same however it was reached: a fresh linter, and one that has
 *   seen many other texts and a sequence of edits first, agree exactly;
 * - analysis of any input up to 1 MB finishes in bounded time (a hang guard, not a benchmark).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinChecks } from '../server/src/core/checks';
import type { CustomTerm } from '../server/src/core/custom-terms';
import { compileCustomTerms } from '../server/src/core/custom-terms';
import type { LintOptions } from '../server/src/core/linter';
import { createLinter } from '../server/src/core/linter';
import type { Finding } from '../server/src/core/types';
import { loadRules } from '../server/src/rules-loader';
import { applyRandomEdit, draft, edits, exampleSentences, grow, params, TIMEOUT } from './fuzz/arbitraries';
import { lintIsolated, stopIsolated } from './fuzz/isolated';

const loaded = loadRules();
const make = () => createLinter(loaded.definitions, { data: loaded.data });
const shared = make();
const EXAMPLES = exampleSentences(shared.rules);
const TERM_LIST: CustomTerm[] = [
  { pattern: 'service users?', message: 'Say who you mean.', replacement: 'families' },
  { pattern: '(a+)+$', message: 'pathological but linear' },
  { pattern: 'did not attend', message: 'Say who did not bring the child.', severity: 'error' },
];
const TERMS = compileCustomTerms(TERM_LIST);
const OPTION_SETS: LintOptions[] = [
  {},
  { language: 'plaintext' },
  { reviewType: 'rapid-review', allowInlineDisable: false },
  { customTerms: TERMS, acronymAllow: ['TAF'] },
];

/** Problems with one lint result's findings, as readable strings (empty when all is well). */
function problems(text: string, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const { start, end } = f.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) out.push(`${f.ruleId}: span ${start}-${end} outside 0-${text.length}`);
    if (f.quote !== undefined && f.quote !== text.slice(start, end)) out.push(`${f.ruleId}: quote does not match its span`);
    if (f.ruleId === 'rule-failed') out.push(`a rule failed: ${f.message}`);
    if (!f.message || /\{\{\s*\w+\s*\}\}/.test(f.message)) out.push(`${f.ruleId}: empty message or unfilled placeholder: ${f.message}`);
    for (const x of f.fixes) {
      for (const e of x.edits) {
        if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) out.push(`${f.ruleId}: fix edit ${e.start}-${e.end} outside 0-${text.length}`);
        if (typeof e.text !== 'string') out.push(`${f.ruleId}: fix edit without text`);
      }
    }
  }
  return out;
}

/** Findings with everything that must be reproducible. */
const comparable = (findings: readonly Finding[]) => findings.map((f) => ({ ...f }));

describe('properties of the core over random drafts', () => {
  it('never throws, and every finding lies inside the document', () => {
    fc.assert(
      fc.property(draft(EXAMPLES), fc.constantFrom(...OPTION_SETS), (text, options) => {
        const result = shared.lint(text, options);
        expect(problems(text, result.findings)).toEqual([]);
      }),
      params(150),
    );
  }, TIMEOUT);

  it('survives random edit sequences, staying inside the document after every edit', () => {
    fc.assert(
      fc.property(draft(EXAMPLES, 20), edits(EXAMPLES), (start, sequence) => {
        let text = start;
        for (const e of sequence) {
          text = applyRandomEdit(text, e).text;
          expect(problems(text, shared.lint(text, { customTerms: TERMS }).findings)).toEqual([]);
        }
      }),
      params(60),
    );
  }, TIMEOUT);

  it('gives the same findings for the same text however it was reached', () => {
    // `warm` has seen every other run's texts and edits; a fresh linter has seen nothing.
    const warm = make();
    fc.assert(
      fc.property(draft(EXAMPLES, 25), edits(EXAMPLES, 8), fc.constantFrom(...OPTION_SETS), (start, sequence, options) => {
        let text = start;
        // As the server does: each analysis is given the previous one of the same document.
        let previous = warm.lint(text, options);
        for (const e of sequence) {
          text = applyRandomEdit(text, e).text;
          previous = warm.lint(text, { ...options, previous });
        }
        const fresh = make().lint(text, options).findings;
        expect(comparable(previous.findings)).toEqual(comparable(fresh));
        // And the same text again on the same linter, with and without the previous analysis.
        expect(comparable(warm.lint(text, { ...options, previous }).findings)).toEqual(comparable(fresh));
        expect(comparable(warm.lint(text, options).findings)).toEqual(comparable(fresh));
      }),
      params(30),
    );
  }, TIMEOUT);

  // A hang guard, not a benchmark: each analysis runs in a worker thread that is stopped after
  // 20 s of wall-clock time, and must use under 5 s of CPU (robust to a busy machine).
  const CPU_LIMIT_MS = 5000;
  afterAll(stopIsolated);

  it('finishes any random input up to 1 MB in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(draft(EXAMPLES, 30), fc.integer({ min: 100_000, max: 1_000_000 }), fc.constantFrom(...OPTION_SETS), async (seed, size, options) => {
        const text = grow(seed, size);
        const { customTerms, ...rest } = options;
        const r = await lintIsolated(text, rest, customTerms ? TERM_LIST : undefined, 20_000);
        expect(r.timedOut, `${size} characters did not finish in ${Math.round(r.wallMs)} ms`).toBe(false);
        if (r.timedOut) return;
        expect(r.error).toBeUndefined();
        expect(r.problems).toEqual([]);
        expect(r.cpuMs, `${size} characters took ${Math.round(r.cpuMs)} ms of CPU`).toBeLessThan(CPU_LIMIT_MS);
      }),
      params(2),
    );
  }, Math.max(TIMEOUT, 200_000));

  // Inputs that make naive parsers or backtracking patterns go quadratic or worse, 1 MB each.
  const ADVERSARIAL: [string, () => string][] = [
    ['one line of letters', () => 'a'.repeat(1_000_000)],
    ['one long sentence of words', () => 'word '.repeat(200_000)],
    ['an unclosed quotation of many words', () => `"${'she was choosing to '.repeat(50_000)}`],
    ['many unclosed quotation marks', () => '"a '.repeat(333_000)],
    ['curly quotation marks', () => '\u201c\u2018'.repeat(500_000)],
    ['emphasis markers', () => '*_'.repeat(500_000)],
    ['unclosed brackets', () => '[('.repeat(500_000)],
    ['backticks', () => '`'.repeat(1_000_000)],
    ['unclosed comments and tags', () => '<!--<'.repeat(200_000)],
    ['a 100,000-row table', () => '| a | b |\n'.repeat(100_000)],
    ['block quote markers', () => '>'.repeat(1_000_000)],
    ['deeply nested list items', () => Array.from({ length: 20_000 }, (_, i) => `${' '.repeat((i % 40) * 2)}- item`).join('\n')],
    ['headings', () => '# h\n'.repeat(250_000)],
    ['carriage returns', () => '\r'.repeat(1_000_000)],
    ['full stops', () => '.'.repeat(1_000_000)],
    ['acronyms with no sentence end', () => 'MASH CAMHS GP ICPC '.repeat(50_000)],
    ['one paragraph of 20,000 flagged sentences', () => 'Child B, aged 14, was putting herself at risk. '.repeat(20_000)],
    ['lone surrogates', () => '\uD800a\uDC00'.repeat(333_000)],
    ['emoji', () => '😀'.repeat(500_000)],
    ['front matter that never closes', () => `---\n${'key: value\n'.repeat(90_000)}`],
  ];
  it.each(ADVERSARIAL)('finishes 1 MB of %s in bounded time', async (_name, build) => {
    const text = build();
    const r = await lintIsolated(text, {}, TERM_LIST, 20_000);
    expect(r.timedOut, `did not finish in ${Math.round(r.wallMs)} ms`).toBe(false);
    if (r.timedOut) return;
    expect(r.error).toBeUndefined();
    expect(r.problems).toEqual([]);
    expect(r.cpuMs, `took ${Math.round(r.cpuMs)} ms of CPU`).toBeLessThan(CPU_LIMIT_MS);
  }, 60_000);
});
