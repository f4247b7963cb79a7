// `npm run bench`: builds synthetic drafts of about 10 KB, 100 KB and 250 KB from test-fixtures, then
// measures, in one run, the language server over stdio (start to first diagnostics, one-character edit
// to fresh pull diagnostics, memory) and the CLI's full pass beside alex, write-good and harper.js on
// the same files. Writes bench/RESULTS.md. Options: --quick (fewer edits and runs, for a smoke test),
// --no-peers, --no-write (print only), --profile-only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildDrafts } from './drafts.mjs';
import { CancellationTokenSource, positionAt, rssOf, startServer } from './lsp.mjs';

const ROOT = join(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const WARMUP = QUICK ? 5 : 20;
const EDITS = QUICK ? 30 : 120;
const RUNS = QUICK ? 1 : 3;
const GAP_MS = 25;

const TARGETS = { editP95: 10, cliRatio: 0.25, rssMB: 150, startMs: 300 };

const log = (s) => process.stderr.write(`${s}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const median = (xs) => pct(xs, 50);
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');
const mb = (b) => (b / 1024 / 1024).toFixed(0);

function git(argv) {
  try {
    return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** Offsets inside words of prose lines, spread evenly through the body of the draft. */
function editPoints(text, n) {
  const fm = text.startsWith('---\n') ? text.indexOf('\n---', 4) + 4 : 0;
  const out = [];
  for (let k = 0; k < n; k++) {
    let i = Math.floor(fm + ((k + 0.5) * (text.length - fm)) / n);
    for (; i < text.length - 1; i++) {
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      if (/[a-z]/.test(text[i - 1]) && /[a-z]/.test(text[i]) && !/^(\||#|>|---)/.test(text.slice(lineStart, lineStart + 3))) break;
    }
    out.push(i);
  }
  return out;
}

/** Opens a draft in a fresh server and types into it; returns the measurements. */
async function lspRun(draft) {
  const server = await startServer();
  const uri = pathToFileURL(draft.path).href;
  let text = draft.text;
  let version = 1;
  await server.open(uri, text, version);
  let report = await server.pull(uri);
  const firstMs = performance.now() - server.started;
  const rssPeak = rssOf(server.child.pid);
  // Memory with the draft open, once the server has been idle for a moment (as between bursts of typing).
  await sleep(1500);
  const rssOpen = rssOf(server.child.pid);
  let resultId = report.resultId;
  let lastItems = report.items ?? [];
  const firstCount = lastItems.length;

  // A second pull with nothing changed must answer "unchanged".
  const again = await server.pull(uri, resultId);
  const unchangedOk = again.kind === 'unchanged';

  const points = editPoints(text, WARMUP + EDITS);
  // Interleave warm-up edits through the document too, then measure the rest in document order.
  const order = [...points.keys()];
  const warm = order.filter((_, i) => i % Math.ceil(points.length / WARMUP) === 0).slice(0, WARMUP);
  const measured = order.filter((i) => !warm.includes(i));
  const times = [];
  const kinds = { full: 0, unchanged: 0 };
  let inserted = [];
  const offsetNow = (i) => points[i] + inserted.filter((p) => p <= points[i]).length;
  for (const [phase, list] of [['warm', warm], ['measure', measured]]) {
    for (const i of list) {
      const at = offsetNow(i);
      const pos = positionAt(text, at);
      text = text.slice(0, at) + 'e' + text.slice(at);
      inserted.push(points[i]);
      version++;
      const t = performance.now();
      await server.change(uri, version, [{ range: { start: pos, end: pos }, text: 'e' }]);
      report = await server.pull(uri, resultId);
      const dt = performance.now() - t;
      if (report.kind === 'full') {
        lastItems = report.items;
        resultId = report.resultId;
      }
      if (phase === 'measure') {
        times.push(dt);
        kinds[report.kind]++;
      }
      await sleep(GAP_MS);
    }
  }
  await sleep(1500);
  const rssAfterEdits = rssOf(server.child.pid);

  // A burst: five keystrokes in quick succession, each followed by a pull that the next change cancels,
  // as VS Code does while typing. Only the last pull should be computed.
  const bursts = [];
  for (let b = 0; b < (QUICK ? 3 : 10); b++) {
    const at = Math.floor(((b + 0.5) * text.length) / 10);
    const i = text.indexOf(' ', at) + 1;
    const t = performance.now();
    let last;
    let source;
    for (let k = 0; k < 5; k++) {
      source?.cancel();
      const pos = positionAt(text, i + k);
      text = text.slice(0, i + k) + 'x' + text.slice(i + k);
      version++;
      await server.change(uri, version, [{ range: { start: pos, end: pos }, text: 'x' }]);
      source = new CancellationTokenSource();
      last = server.pull(uri, resultId, source.token).catch((e) => ({ kind: 'cancelled', error: e }));
    }
    report = await last;
    bursts.push(performance.now() - t);
    if (report.kind === 'full') {
      lastItems = report.items;
      resultId = report.resultId;
    }
    await sleep(GAP_MS);
  }
  report = await server.pull(uri, resultId);
  if (report.kind === 'full') lastItems = report.items;

  // The server's diagnostics after all that typing must equal a fresh analysis of the final text.
  const finalPath = draft.path.replace(/\.md$/, '.final.md');
  writeFileSync(finalPath, text);
  const cli = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin', 'cspr-lint.js'), '--format', 'json', '--no-config', finalPath], { encoding: 'utf8', maxBuffer: 1 << 28 }).toString() || '[]');
  rmSync(finalPath);
  const fresh = (cli[0]?.messages ?? []).map((m) => `${m.ruleId}@${m.line - 1}:${m.column - 1}`).sort();
  const served = lastItems.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
  const matches = fresh.length === served.length && fresh.every((x, i) => x === served[i]);
  await server.stop();
  return { firstMs, rssPeak, rssOpen, rssAfterEdits, firstCount, unchangedOk, times, kinds, bursts, matches, freshCount: fresh.length, servedCount: served.length };
}

/** Wall time of a command, median over RUNS. */
function timeCommand(argv, env = {}) {
  const times = [];
  let out = '';
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const res = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - t);
    if (res.error) throw res.error;
    out = `${res.stdout}\n${res.stderr}`;
  }
  return { ms: median(times), out };
}

async function profile(file) {
  const outfile = join(ROOT, 'bench', '.cache', 'profile.cjs');
  mkdirSync(join(ROOT, 'bench', '.cache'), { recursive: true });
  await esbuild.build({ entryPoints: [join(ROOT, 'bench', 'profile.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning' });
  return JSON.parse(execFileSync(process.execPath, [outfile, file, String(QUICK ? 30 : 100)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

async function main() {
  const t0 = performance.now();
  const loadBefore = loadavg()[0];
  const { drafts, material } = buildDrafts(ROOT, join(ROOT, 'bench', 'drafts'));
  log(`drafts: ${drafts.map((d) => `${d.name} ${(d.bytes / 1000).toFixed(0)} KB, ${d.words} words`).join('; ')} (from ${material.fixtureFiles.length} fixture files and bench/passages.md)`);
  const largest = drafts[drafts.length - 1];
  if (args.has('--profile-only')) {
    process.stdout.write(JSON.stringify(await profile(largest.path), null, 2) + '\n');
    return;
  }

  // The server with a one-paragraph draft: start-up cost and memory before any real draft.
  const baseline = await (async () => {
    const server = await startServer();
    await server.open('file:///tmp/cspr-lint-bench/tiny.md', '# Review\n\nOne short paragraph.\n');
    await server.pull('file:///tmp/cspr-lint-bench/tiny.md');
    const ms = performance.now() - server.started;
    await sleep(1500);
    const rss = rssOf(server.child.pid);
    await server.stop();
    return { ms, rss };
  })();
  const lsp = [];
  for (const d of drafts) {
    log(`language server: ${d.name}...`);
    lsp.push({ draft: d, ...(await lspRun(d)) });
  }

  log('CLI and peers...');
  const files = drafts.map((d) => d.path);
  const node = process.execPath;
  const tools = [{ name: 'cspr-lint', note: 'CLI, `--format json`', ...timeCommand([node, 'bin/cspr-lint.js', '--format', 'json', '--no-config', ...files]) }];
  if (!args.has('--no-peers')) {
    tools.push({ name: 'alex 11.0.1', note: 'CLI (retext-equality, retext-profanities)', ...timeCommand([node, 'node_modules/alex/cli.js', ...files], { NO_UPDATE_NOTIFIER: '1' }) });
    tools.push({ name: 'write-good 1.0.8', note: 'CLI, `--parse`', ...timeCommand([node, 'node_modules/write-good/bin/write-good.js', '--parse', ...files]) });
    tools.push({ name: 'harper.js 2.10.0', note: 'WASM `LocalLinter` from a script (bench/harper.mjs), British dialect', ...timeCommand([node, 'bench/harper.mjs', ...files]) });
  }
  const alex = tools.find((t) => t.name.startsWith('alex'));
  const cliCount = JSON.parse(tools[0].out.split('\n\n')[0] || tools[0].out.slice(0, tools[0].out.lastIndexOf(']') + 1)).reduce((n, f) => n + f.messages.length, 0);
  const counts = {
    'cspr-lint': cliCount,
    alex: Number(/(\d+) warnings?/.exec(alex?.out ?? '')?.[1] ?? NaN),
    'write-good': (tools.find((t) => t.name.startsWith('write-good'))?.out ?? '').split('\n').filter((l) => /:\d+:\d+:/.test(l)).length,
    harper: Number(/total: (\d+)/.exec(tools.find((t) => t.name.startsWith('harper'))?.out ?? '')?.[1] ?? NaN),
  };
  for (const t of tools) t.count = counts[t.name.split(' ')[0]];

  log('profile (in-process, per check)...');
  const prof = await profile(largest.path);

  const big = lsp[lsp.length - 1];
  const editP95 = pct(big.times, 95);
  const cliRatio = alex ? tools[0].ms / alex.ms : NaN;
  const meta = {
    date: new Date().toISOString().slice(0, 10),
    cores: cpus().length,
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${platform()} ${release()}`,
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    load: `${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
  };
  const md = renderResults({ meta, drafts, material, lsp, tools, prof, big, editP95, cliRatio, baseline, seconds: (performance.now() - t0) / 1000 });
  process.stdout.write(md);
  if (!args.has('--no-write') && !QUICK) writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), md + otherSections(join(ROOT, 'bench', 'RESULTS.md')));
  log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s${!args.has('--no-write') && !QUICK ? '; wrote bench/RESULTS.md' : ''}`);
}

/**
 * Sections of the existing results file that other benchmarks wrote between their own markers
 * (`<!-- name:start -->` … `<!-- name:end -->`, as bench/batch.mjs does): kept as they are.
 */
function otherSections(path) {
  let old;
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    return '';
  }
  const kept = [...old.matchAll(/^<!-- ([\w-]+):start -->\n[\s\S]*?^<!-- \1:end -->\n?/gm)].map((m) => m[0].replace(/\n?$/, '\n'));
  return kept.length ? `\n${kept.join('\n')}` : '';
}

function verdict(value, target, lowerIsBetter = true) {
  if (!Number.isFinite(value)) return 'not measured';
  const ok = lowerIsBetter ? value <= target : value >= target;
  if (ok) return 'met';
  return `missed by ${((value / target - 1) * 100).toFixed(0)}%`;
}

function renderResults({ meta, drafts, material, lsp, tools, prof, big, editP95, cliRatio, baseline, seconds }) {
  const L = [];
  const gc = prof.gc;
  const lspBaseline = baseline.rss;
  const startTiny = baseline.ms;
  const checksMedian = prof.perCheck.reduce((n, c) => n + c.editMedianMs, 0);
  const over = prof.perCheck.filter((c) => c.editMedianMs >= 1);
  const why = {
    edit: `In-process, a one-character edit costs ${ms(prof.edit.medianMs)} ms (median) of analysis: parsing and the linter's own work ${ms(prof.editNoRules.medianMs)} ms, the rules kept as data ${ms(Math.max(0, prof.editYamlOnly.medianMs - prof.editNoRules.medianMs))} ms more, and the ${prof.checks} checks in code about ${ms(checksMedian)} ms together${over.length ? ` (${over.length} of them 1 ms or more: ${over
      .slice(0, 3)
      .map((c) => `\`${c.id}\` ${ms(c.editMedianMs)} ms`)
      .join(', ')})` : ''}. A garbage collection ran during ${gc.edits} of ${gc.of} edits (pauses: median ${ms(gc.pauseMedianMs)} ms, p95 ${ms(gc.pauseP95Ms)} ms); the edits without one have a p95 of ${ms(gc.quietP95Ms)} ms. Over stdio the server adds its own work on top: applying the change to its copy of the text, turning findings into LSP diagnostics and comparing them with the last ones, and the JSON in both directions. A busy machine (see the load average above) stretches every part.`,
    cli: `The CLI's time is its start-up (about ${ms(startTiny)} ms before the first diagnostics of a one-paragraph draft in the server, which loads the same bundle and rules) plus one cold analysis of each draft (${ms(prof.coldMs)} ms in-process for the largest alone; the table below gives each check's cold time).`,
    rss: `With a one-paragraph draft open the server already takes ${mb(lspBaseline)} MB: Node.js itself about 40 MB, and the rest is the bundle and the libraries and rules it loads. The draft, its parse, the per-paragraph caches and the diagnostics add ${mb(Math.max(0, lsp[lsp.length - 1].rssOpen - lspBaseline))} MB.`,
    start: `Of the ${ms(big.firstMs)} ms, ${ms(startTiny)} ms pass before the first diagnostics of a one-paragraph draft (starting Node.js, loading the bundle and the rules); the rest is the first, uncached analysis of the whole draft (${ms(prof.coldMs)} ms in-process; see below).`,
  };
  L.push('# Benchmark results', '');
  L.push(`Written by \`npm run bench\` (bench/run.mjs) on ${meta.date}: ${meta.cores} cores (${meta.cpu}), ${meta.memory}, Node.js ${meta.node}, ${meta.os}; commit ${meta.commit}${meta.dirty ? ' with uncommitted changes' : ''}. Load average ${meta.load} (other work on the machine slows every figure below). The run took ${seconds.toFixed(0)} s.`);
  L.push(`Rules measured: ${prof.rules} rules kept as data and ${prof.checks} checks in code, as committed at that point.`, '');
  L.push(`Drafts: synthetic, built by bench/drafts.mjs from ${material.fixtureFiles.length} fixture file(s) in test-fixtures/ and bench/passages.md (paragraphs recombined from sentences of different sources, details varied, no paragraph repeated):`);
  L.push(drafts.map((d) => `${d.name} (${(d.bytes / 1000).toFixed(0)} KB, ${d.words.toLocaleString('en-GB')} words)`).join(', ') + '.', '');
  L.push('## Targets', '');
  L.push('| Measure | Target | Result | Verdict |', '| --- | --- | --- | --- |');
  L.push(`| One-character edit to fresh diagnostics over stdio, ${big.draft.name}, p95 of ${big.times.length} edits | ≤ ${TARGETS.editP95} ms | ${ms(editP95)} ms (p50 ${ms(median(big.times))} ms) | ${verdict(editP95, TARGETS.editP95)} |`);
  L.push(`| CLI full pass on the three drafts, as a share of alex's time | ≤ ${TARGETS.cliRatio}× | ${Number.isFinite(cliRatio) ? cliRatio.toFixed(2) : 'n/a'}× (${ms(tools[0].ms)} ms vs ${ms(tools[1]?.ms)} ms) | ${verdict(cliRatio, TARGETS.cliRatio)} |`);
  L.push(`| Server memory (RSS) with ${big.draft.name} open, after 1.5 s idle | ≤ ${TARGETS.rssMB} MB | ${mb(big.rssOpen)} MB (${mb(big.rssPeak)} MB right after the first analysis, ${mb(big.rssAfterEdits)} MB after the edits) | ${verdict(big.rssOpen / 2 ** 20, TARGETS.rssMB)} |`);
  L.push(`| Server start to first diagnostics, ${big.draft.name} | ≤ ${TARGETS.startMs} ms | ${ms(big.firstMs)} ms (a one-paragraph draft: ${ms(startTiny)} ms) | ${verdict(big.firstMs, TARGETS.startMs)} |`, '');
  const notes = [];
  if (!(editP95 <= TARGETS.editP95)) notes.push(`Edit latency: ${why.edit}`);
  if (!(cliRatio <= TARGETS.cliRatio)) notes.push(`CLI: ${why.cli}`);
  if (!(big.rssOpen / 2 ** 20 <= TARGETS.rssMB)) notes.push(`Memory: ${why.rss}`);
  if (!(big.firstMs <= TARGETS.startMs)) notes.push(`Start: ${why.start}`);
  if (notes.length) L.push('Why a target was missed:', '', ...notes.map((n) => `- ${n}`), '');
  L.push('## Language server, per draft', '');
  L.push('Each edit inserts one letter inside a word of a prose line (incremental `didChange`), then pulls diagnostics (`textDocument/diagnostic` with the previous result id) and waits for the answer; edits are spread evenly through the draft, after warm-up edits that are not counted. "Unchanged" answers are correct when the new diagnostics equal the previous ones. A burst is five keystrokes in quick succession, each followed by a pull that the next keystroke cancels, as VS Code does, timed to the last answer.', '');
  L.push('| Draft | Start to first diagnostics | Edit p50 | Edit p95 | Edit max | Answers full / unchanged | Burst of 5, median | RSS peak / open / after edits | Diagnostics | Same as a fresh analysis |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of lsp) {
    L.push(`| ${r.draft.name} | ${ms(r.firstMs)} ms | ${ms(median(r.times))} ms | ${ms(pct(r.times, 95))} ms | ${ms(Math.max(...r.times))} ms | ${r.kinds.full} / ${r.kinds.unchanged} | ${ms(median(r.bursts))} ms | ${mb(r.rssPeak)} / ${mb(r.rssOpen)} / ${mb(r.rssAfterEdits)} MB | ${r.firstCount} | ${r.matches ? 'yes' : `**no** (${r.servedCount} served, ${r.freshCount} fresh)`}${r.unchangedOk ? '' : '; a repeated pull was not answered "unchanged"'} |`);
  }
  L.push('');
  L.push('## CLI full pass beside the peers', '');
  L.push(`Each tool is run as a process on the same ${drafts.length} drafts (${(drafts.reduce((n, d) => n + d.bytes, 0) / 1000).toFixed(0)} KB in all), wall time, median of ${RUNS} run(s), start-up included. The peers look for different things (alex: insensitive wording; write-good: passive voice, weasel words; harper: grammar and spelling), so the finding counts are not comparable, only the times.`, '');
  L.push('| Tool | How it was run | Time | Ratio to alex | Findings |', '| --- | --- | --- | --- | --- |');
  const alexMs = tools.find((t) => t.name.startsWith('alex'))?.ms;
  for (const t of tools) L.push(`| ${t.name} | ${t.note} | ${ms(t.ms)} ms | ${alexMs ? (t.ms / alexMs).toFixed(2) + '×' : 'n/a'} | ${Number.isFinite(t.count) ? t.count : 'n/a'} |`);
  L.push('');
  L.push(`## Where the time goes (in-process, ${big.draft.name})`, '');
  L.push(`Full analysis with cold caches: ${ms(prof.coldMs)} ms (parsing alone ${ms(prof.parseColdMs)} ms; rules kept as data ${ms(prof.yamlRulesColdMs)} ms). Re-analysis of the same text: ${ms(prof.warmSameTextMs)} ms. After a one-character edit: ${ms(prof.edit.medianMs)} ms median, ${ms(prof.edit.p95Ms)} ms p95.`, '');
  L.push('| Part, per one-character edit | Median | p95 |', '| --- | --- | --- |');
  L.push(`| Parsing and the linter itself (no rules, no checks) | ${ms(prof.editNoRules.medianMs)} ms | ${ms(prof.editNoRules.p95Ms)} ms |`);
  L.push(`| Parsing, linter and the ${prof.rules} rules kept as data | ${ms(prof.editYamlOnly.medianMs)} ms | ${ms(prof.editYamlOnly.p95Ms)} ms |`);
  L.push(`| Everything, with the ${prof.checks} checks in code | ${ms(prof.edit.medianMs)} ms | ${ms(prof.edit.p95Ms)} ms |`);
  L.push(`| Everything, the ${gc.of - gc.edits} edits during which no garbage collection ran | ${ms(gc.quietMedianMs)} ms | ${ms(gc.quietP95Ms)} ms |`, '');
  L.push('| Check | Cold full pass | Per edit, median | Per edit, p95 |', '| --- | --- | --- | --- |');
  for (const c of prof.perCheck) L.push(`| \`${c.id}\` | ${ms(c.coldMs)} ms | ${ms(c.editMedianMs)} ms | ${ms(c.editP95Ms)} ms |`);
  L.push('');
  L.push('Re-run with `npm run bench` (about two minutes); `node bench/run.mjs --quick` is a smoke test that writes nothing.', '');
  return L.join('\n');
}

main().catch((e) => {
  log(`bench failed: ${e?.stack ?? e}`);
  process.exitCode = 1;
});
