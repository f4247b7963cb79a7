// The batch figure: drafts per second and peak memory for a folder of .md, of .docx and of .pdf
// reviews checked by the CLI's worker pool with CSV and the HTML report, as a Panel reviewer would.
// The drafts are our synthetic fixtures (family involvement and identity, about 40 of each kind);
// Word copies are made with the docx package and PDF copies by LibreOffice (skipped without it).
// Run alone (`node bench/batch.mjs [--quick] [--no-write]`) or from bench/run.mjs via `batchBench()`;
// it writes its own section of bench/RESULTS.md, between the batch markers, and leaves the rest.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const TMP = join(ROOT, 'bench', 'tmp', 'batch');
const START = '<!-- batch:start -->';
const END = '<!-- batch:end -->';
const log = (s) => process.stderr.write(`${s}\n`);

async function office() {
  const out = join(TMP, 'office.cjs');
  await esbuild.build({ entryPoints: [join(ROOT, 'test', 'fixtures', 'office.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)(out);
}

function drafts(limit) {
  const pick = [];
  for (const sub of ['family-involvement', 'identity-context']) {
    const dir = join(ROOT, 'test-fixtures', 'drafts', sub);
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.md')) pick.push(join(dir, f));
  }
  return pick.slice(0, limit);
}

/** Runs the CLI on a folder; returns wall time and the process's peak memory (worker threads included). */
function timeCli(folder, jobs) {
  const script = `const { run } = require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});
const t0 = performance.now();
run(process.argv.slice(1), () => {}, () => {}).then((code) => { process.stderr.write('BENCH ' + JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024, code }) + '\\n'); });`;
  const r = spawnSync(process.execPath, ['-e', script, '--', '--no-config', '--format', 'csv', '--report', join(TMP, 'report.html'), '--jobs', String(jobs), '--no-progress', folder], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const line = (r.stderr || '').split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`the CLI did not finish: ${r.stderr?.slice(0, 500)}`);
  return JSON.parse(line.slice(6));
}

/** Measures the batch figure; returns the Markdown section. */
export async function batchBench({ quick = false } = {}) {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const files = drafts(quick ? 12 : 40);
  const kinds = { md: join(TMP, 'md'), docx: join(TMP, 'docx'), pdf: join(TMP, 'pdf') };
  for (const d of Object.values(kinds)) mkdirSync(d, { recursive: true });
  const { markdownToDocx, docxToPdf, libreOffice } = await office();
  for (const f of files) {
    const name = f.split('/').slice(-2).join('__');
    copyFileSync(f, join(kinds.md, name));
    writeFileSync(join(kinds.docx, name.replace(/\.md$/, '.docx')), await markdownToDocx(readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''), { header: 'Draft for the partnership', pageNumbers: true }));
  }
  const havePdf = !!libreOffice();
  if (havePdf) {
    log('batch bench: converting the Word copies to PDF with LibreOffice');
    const docx = readdirSync(kinds.docx).map((f) => join(kinds.docx, f));
    await docxToPdf(docx, kinds.pdf);
  }
  const jobs = availableParallelism();
  const rows = [];
  for (const [kind, folder] of Object.entries(kinds)) {
    if (kind === 'pdf' && !havePdf) {
      rows.push(`| .${kind} | ${files.length} | n/a | n/a | n/a (LibreOffice not installed) |`);
      continue;
    }
    const bytes = readdirSync(folder).reduce((n, f) => n + readFileSync(join(folder, f)).length, 0);
    const runs = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) runs.push(timeCli(folder, jobs));
    runs.sort((a, b) => a.ms - b.ms);
    const best = runs[Math.floor(runs.length / 2)];
    log(`batch bench: .${kind}: ${files.length} drafts in ${(best.ms / 1000).toFixed(1)} s, peak ${(best.rss / 1048576).toFixed(0)} MB`);
    rows.push(`| .${kind} | ${files.length} | ${(bytes / 1024).toFixed(0)} KB | ${(files.length / (best.ms / 1000)).toFixed(1)} | ${(best.rss / 1048576).toFixed(0)} MB |`);
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return [
    START,
    '## Batch: a folder of reviews with CSV and the HTML report',
    '',
    `\`cspr-lint --format csv --report report.html --jobs ${jobs} FOLDER\` on ${files.length} synthetic drafts of each kind (the family-involvement and identity fixtures; Word copies made with the docx package, PDF copies by LibreOffice). Median of ${quick ? 1 : 3} runs, including start-up and the workers' rule loading; peak memory is the whole process's, worker threads included. ${cpu}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start; commit ${commit}.`,
    '',
    '| Kind | Drafts | Size on disk | Drafts per second | Peak memory |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    END,
  ].join('\n');
}

/** Puts the section into bench/RESULTS.md, replacing an earlier one. */
export function writeSection(section) {
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const at = old.indexOf(START);
  const end = old.indexOf(END);
  const next = at >= 0 && end > at ? old.slice(0, at) + section + old.slice(end + END.length) : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = new Set(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('build first: node esbuild.mjs');
  const section = await batchBench({ quick: args.has('--quick') });
  process.stdout.write(`${section}\n`);
  if (!args.has('--no-write') && !args.has('--quick')) {
    writeSection(section);
    log('batch bench: wrote its section of bench/RESULTS.md');
  }
}
