/**
 * Where the time goes, in-process: cold full analysis, and re-analysis after one-character edits,
 * split into parsing, rules kept as data, and each check in code. Bundled and run by bench/run.mjs
 * (or alone: `node bench/run.mjs --profile-only`). Prints JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { Check } from '../server/src/core/check';
import { builtinChecks } from '../server/src/core/checks';
import { parseDocument } from '../server/src/core/document/parse';
import { createLinter } from '../server/src/core/linter';
import { findRulesDir, loadRules } from '../server/src/rules-loader';

const file = process.argv[2];
const edits = Number(process.argv[3] ?? 100);
if (!file) throw new Error('usage: profile FILE [EDITS]');
const text = readFileSync(file, 'utf8');
const loaded = loadRules(findRulesDir(__dirname + '/../server/src'));

const timings = new Map<string, number[]>();
const record = (id: string, ms: number): void => {
  const list = timings.get(id) ?? [];
  list.push(ms);
  timings.set(id, list);
};
const timed = (checks: readonly Check[]): Check[] =>
  checks.map((c) => ({
    meta: c.meta,
    run(ctx) {
      const t = performance.now();
      try {
        c.run.call(c, ctx);
      } finally {
        record(c.meta.id, performance.now() - t);
      }
    },
  }));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};
const p95 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! : 0;
};

// Positions inside words of prose lines, spread through the document.
function editPoints(t: string, n: number): number[] {
  const out: number[] = [];
  const body = t.indexOf('\n---', 4) + 4;
  for (let k = 0; k < n; k++) {
    let i = Math.floor(body + ((k + 0.5) * (t.length - body)) / n);
    for (; i < t.length; i++) {
      const lineStart = t.lastIndexOf('\n', i - 1) + 1;
      if (/[a-z]/.test(t[i - 1]!) && /[a-z]/.test(t[i]!) && !/^(\||#|>|---)/.test(t.slice(lineStart, lineStart + 3))) break;
    }
    out.push(i);
  }
  return out;
}

const checks = timed(builtinChecks);
let t0 = performance.now();
const cold = createLinter(loaded.definitions, { checks, data: loaded.data });
const build = performance.now() - t0;
t0 = performance.now();
const first = cold.lint(text);
const coldMs = performance.now() - t0;
const coldChecks = new Map([...timings].map(([k, v]) => [k, v[0]!]));
timings.clear();
t0 = performance.now();
cold.lint(text);
const warmSame = performance.now() - t0;
timings.clear();

// Parse alone, cold and warm.
t0 = performance.now();
parseDocument(text);
const parseCold = performance.now() - t0;

// Async only so that the garbage-collection observer is told of collections between edits.
void (async (): Promise<void> => {
let current = text;
const editTimes: number[] = [];
const editWindows: [number, number][] = [];
const points = editPoints(text, edits);
let previous = cold.lint(current);
timings.clear();
// Garbage collections during the edits: they are what makes the slowest edits slow.
const collections: { start: number; duration: number; minor: boolean }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) collections.push({ start: e.startTime, duration: e.duration, minor: (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR });
});
observer.observe({ entryTypes: ['gc'] });
for (let k = 0; k < points.length; k++) {
  const at = points[k]! + k;
  current = current.slice(0, at) + 'e' + current.slice(at);
  const t = performance.now();
  previous = cold.lint(current, { previous });
  const end = performance.now();
  editTimes.push(end - t);
  editWindows.push([t, end]);
  // Let the observer hear of collections between edits.
  await new Promise((r) => setImmediate(r));
}
observer.disconnect();
const gcIn = (w: [number, number]): number => collections.filter((c) => c.start >= w[0] - 0.05 && c.start <= w[1]).reduce((n, c) => n + c.duration, 0);
const withGc = editWindows.map((w, i) => ({ ms: editTimes[i]!, gc: gcIn(w) }));
const quiet = withGc.filter((e) => e.gc === 0).map((e) => e.ms);
const gcPauses = withGc.filter((e) => e.gc > 0).map((e) => e.gc);

/** A linter's cold time on the draft, then its time for each of the same one-character edits. */
function coldAndEdits(linter: ReturnType<typeof createLinter>): { coldMs: number; edits: number[] } {
  const t = performance.now();
  let prev = linter.lint(text);
  const coldMs = performance.now() - t;
  const times: number[] = [];
  let cur = text;
  for (let k = 0; k < points.length; k++) {
    const at = points[k]! + k;
    cur = cur.slice(0, at) + 'e' + cur.slice(at);
    const s = performance.now();
    prev = linter.lint(cur, { previous: prev });
    times.push(performance.now() - s);
  }
  return { coldMs, edits: times };
}
// Rules kept as data alone (no checks): what the block rules cost; and the bare linter, parsing only.
const { coldMs: yamlCold, edits: editYaml } = coldAndEdits(createLinter(loaded.definitions, { checks: [], data: loaded.data }));
const { coldMs: bareCold, edits: editBare } = coldAndEdits(createLinter([], { checks: [], data: loaded.data }));

const perCheck = [...timings]
  .map(([id, v]) => ({ id, coldMs: coldChecks.get(id) ?? 0, editMedianMs: median(v), editP95Ms: p95(v) }))
  .sort((a, b) => b.editMedianMs - a.editMedianMs);
process.stdout.write(
  JSON.stringify({
    chars: text.length,
    findings: first.findings.length,
    rules: loaded.definitions.length,
    checks: builtinChecks.length,
    buildMs: build,
    coldMs,
    warmSameTextMs: warmSame,
    parseColdMs: parseCold,
    yamlRulesColdMs: yamlCold - bareCold,
    bareColdMs: bareCold,
    edit: { medianMs: median(editTimes), p95Ms: p95(editTimes) },
    // Edits during which a garbage collection ran, the pauses, and the edits without one.
    gc: { edits: gcPauses.length, of: editTimes.length, pauseMedianMs: median(gcPauses), pauseP95Ms: p95(gcPauses), quietP95Ms: p95(quiet), quietMedianMs: median(quiet) },
    editNoRules: { medianMs: median(editBare), p95Ms: p95(editBare) },
    editYamlOnly: { medianMs: median(editYaml), p95Ms: p95(editYaml) },
    perCheck,
  }),
);
})();
