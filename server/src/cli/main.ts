/** The command-line tool: `cspr-lint [options] FILE...`, for CI and for checking many drafts at once. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Settings } from '../config';
import { mergeSettings, parseConfigFile } from '../config';
import { toReviewType } from '../core/document/front-matter';
import type { ReviewType } from '../core/types';
import type { Engine } from '../engine';
import { createEngine } from '../engine';
import type { AnalysedFile } from '../batch/analyse';
import { analyseBytes } from '../batch/analyse';
import { checkFiles } from '../batch/pool';
import type { FailedFile, ReviewReport } from '../report/model';
import { batchReport } from '../report/model';
import { reportHtml } from '../report/html';
import { csvHeader, csvRows } from './csv';
import { jsonEntry, jsonWriter, sarifWriter, stylishWriter } from './formatters';
import { progressReport } from './progress';

const VERSION = '0.1.0';
const FORMATS = ['stylish', 'json', 'sarif', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `cspr-lint ${VERSION}: checks drafts of Child Safeguarding Practice Reviews.

Usage: cspr-lint [options] FILE...

FILE can be a file, a folder (its .md, .txt, .docx and .pdf files are checked) or a pattern such as
"drafts/**/*.{md,docx,pdf}". Word (.docx) and PDF files are read as text; an old .doc, a scanned or
password-protected file is listed with what to do, and the rest of the batch is checked.
Use - to read a draft from standard input.

Options:
  --format stylish|json|sarif|csv  How to print findings (default: stylish, for people; csv for spreadsheets)
  --report FILE                 Also write a quality report (one HTML file, to open in a browser or print)
  --jobs N                      Check N files at a time (default: one per processor core)
  --review-type TYPE            rapid-review, lcspr or national (default: the draft's front matter, else lcspr)
  --config FILE                 Settings file to use (default: the nearest .cspr-lint.yaml)
  --no-config                   Ignore .cspr-lint.yaml files
  --explain RULE                Explain a rule: why it matters and what good looks like
  --list-rules                  List every rule with its category and severity
  --stdin-filename NAME         Name to show for standard input
  --no-progress                 Do not report progress on standard error while checking many files
  --version                     Print the version
  -h, --help                    Show this help

Exit status: 0 when no errors were found, 1 when any error-level finding was, 2 for a usage or file problem.
`;

interface Args {
  format: Format;
  reviewType: ReviewType | undefined;
  config: string | undefined;
  noConfig: boolean;
  explain: string | undefined;
  listRules: boolean;
  stdinName: string;
  progress: boolean;
  report: string | undefined;
  jobs: number | undefined;
  inputs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const args: Args = { format: 'stylish', reviewType: undefined, config: undefined, noConfig: false, explain: undefined, listRules: false, stdinName: '<stdin>', progress: true, report: undefined, jobs: undefined, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--version':
        return 'version';
      case '--format': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${v}".`);
        args.format = v as Format;
        break;
      }
      case '--review-type': {
        const v = value();
        const t = toReviewType(v);
        if (!t) throw new UsageError(`--review-type must be rapid-review, lcspr or national, not "${v}".`);
        args.reviewType = t;
        break;
      }
      case '--config':
        args.config = value();
        break;
      case '--no-config':
        args.noConfig = true;
        break;
      case '--explain':
        args.explain = value();
        break;
      case '--list-rules':
        args.listRules = true;
        break;
      case '--stdin-filename':
        args.stdinName = value();
        break;
      case '--no-progress':
        args.progress = false;
        break;
      case '--report':
        args.report = value();
        break;
      case '--jobs': {
        const v = value();
        if (!/^\d{1,3}$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not "${v}".`);
        args.jobs = Number(v);
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}. Run cspr-lint --help to see the options.`);
        args.inputs.push(a);
    }
  }
  return args;
}

function findConfig(from: string): string | undefined {
  let dir = from;
  for (let i = 0; i < 40; i++) {
    const file = join(dir, '.cspr-lint.yaml');
    if (existsSync(file)) return file;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** Expands files, folders and patterns into a sorted list of files; reports inputs that match nothing. */
function expandInputs(inputs: string[], problems: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push('-');
      continue;
    }
    if (existsSync(input)) {
      if (statSync(input).isDirectory()) {
        // Old .doc files are listed too, so that each gets its message rather than being missed.
        const found = globSync(['**/*.{md,markdown,txt,docx,pdf,doc}'], { cwd: input, ignore: ['**/node_modules/**', '**/.git/**', '**/~$*'], onlyFiles: true, caseSensitiveMatch: false }).sort();
        if (found.length === 0) problems.push(`${input}: the folder has no .md, .txt, .docx or .pdf files.`);
        out.push(...found.map((f) => join(input, f)));
      } else out.push(input);
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      const found = globSync([input], { ignore: ['**/node_modules/**'], onlyFiles: true }).sort();
      if (found.length === 0) problems.push(`${input}: no files match this pattern.`);
      out.push(...found);
      continue;
    }
    problems.push(`${input}: no such file or folder.`);
  }
  return [...new Set(out)];
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Runs the CLI; resolves to the exit code. */
export async function run(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`cspr-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    out(HELP);
    return 0;
  }
  if (args === 'version') {
    out(`${VERSION}\n`);
    return 0;
  }
  // The rules are loaded in this thread only when it needs them: files checked by the worker pool
  // are analysed by workers that load their own, and this thread then only formats what they send.
  let loaded: Engine | undefined;
  const engine = (): Engine => {
    if (!loaded) {
      loaded = createEngine();
      for (const e of loaded.loadErrors) err(`cspr-lint: a rule file has a problem and was skipped: ${e}\n`);
    }
    return loaded;
  };
  if (args.listRules) {
    for (const r of [...engine().linter.rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))) out(`${r.category.padEnd(20)} ${r.severity.padEnd(8)} ${r.id.padEnd(40)} ${r.summary}\n`);
    return 0;
  }
  if (args.explain) {
    const m = engine().linter.meta(args.explain);
    if (!m) {
      err(`cspr-lint: there is no rule called "${args.explain}". Run cspr-lint --list-rules to see them.\n`);
      return 2;
    }
    out(`${m.id} (${m.category}, ${m.severity})\n\n${m.summary}\n\n${m.rationale.trim()}\n${m.good ? `\nWhat good looks like: ${m.good}\n` : ''}\nSources: ${m.sources.map((s) => [s.document, s.year, s.section].filter(Boolean).join(', ')).join('; ')}\n`);
    return 0;
  }
  if (args.inputs.length === 0) {
    err('cspr-lint: give at least one file, folder or pattern to check, or - for standard input. Run cspr-lint --help for more.\n');
    return 2;
  }

  let exit = 0;
  const problems: string[] = [];
  const fileSettings: Partial<Settings>[] = [];
  const configFile = args.noConfig ? undefined : (args.config ?? findConfig(process.cwd()));
  if (args.config && !existsSync(args.config)) {
    err(`cspr-lint: ${args.config}: no such settings file.\n`);
    return 2;
  }
  if (configFile) {
    const read = parseConfigFile(readFileSync(configFile, 'utf8'), relative(process.cwd(), configFile) || configFile);
    read.errors.forEach((e) => err(`cspr-lint: ${e}\n`));
    fileSettings.push(read.settings);
  }
  const settings = mergeSettings(...fileSettings);
  const files = expandInputs(args.inputs, problems);
  // Each file is formatted as soon as it is checked and its text dropped, so memory stays bounded
  // however many drafts there are: stylish and JSON are written as they go, SARIF keeps only results.
  const stylish = args.format === 'stylish' ? stylishWriter(out, !!process.stdout.isTTY && !process.env.NO_COLOR) : undefined;
  const json = args.format === 'json' ? jsonWriter(out) : undefined;
  const sarif = args.format === 'sarif' ? sarifWriter(engine().linter.rules, VERSION) : undefined;
  const progress = args.progress ? progressReport(files.length, err, !!process.stderr.isTTY) : progressReport(0, err, false);
  let anyError = false;
  const options = { settings, reviewType: args.reviewType };
  const csv = args.format === 'csv';
  if (csv) out(csvHeader());
  const reviews: ReviewReport[] = [];
  const failed: FailedFile[] = [];
  const want = { text: !csv, located: csv, report: !!args.report };
  let hinted = false;
  // Each file's outcome, in the order the files were given. Word and PDF files and batches go
  // through the worker pool (one thread per core); the text is dropped once formatted.
  const handle = (outcome: AnalysedFile, file: string): void => {
    progress.tick(outcome.shown);
    if (!outcome.ok) {
      if (outcome.failure === 'binary') err(`cspr-lint: skipped ${outcome.shown}: ${outcome.reason}.\n`);
      else if (outcome.failure === 'unreadable') problems.push(`${outcome.shown}: ${outcome.reason?.replace(/^it /, '')}.`);
      else {
        err(`cspr-lint: could not check ${outcome.shown}: ${outcome.reason}.\n`);
        problems.push(`${outcome.shown}: not checked (see above).`);
      }
      failed.push({ name: outcome.shown, reason: outcome.reason ?? 'it could not be read' });
      return;
    }
    for (const w of outcome.warnings) err(`cspr-lint: ${outcome.shown}: ${w}.\n`);
    if ((outcome.format === 'docx' || outcome.format === 'pdf') && args.format === 'stylish' && !hinted) {
      hinted = true;
      err('cspr-lint: for Word and PDF files, line and column count the lines of the text read from them; --format csv and --report give the page, heading, paragraph and quoted words.\n');
    }
    if (outcome.report) reviews.push(outcome.report);
    if (csv) {
      if (outcome.located?.some((f) => f.severity === 'error')) anyError = true;
      out(csvRows(outcome.shown, outcome.located ?? []));
      return;
    }
    const findings = outcome.findings ?? [];
    if (findings.some((f) => f.severity === 'error')) anyError = true;
    const result = { filePath: args.format === 'stylish' || file === '-' ? outcome.shown : resolve(file), findings, text: outcome.text ?? '', lineStarts: outcome.lineStarts ?? [0] };
    stylish?.add(result);
    json?.add(jsonEntry(result));
    sarif?.add(result);
  };
  const onDisk = files.filter((f) => f !== '-');
  const stdinAt = files.indexOf('-');
  const checkStdin = async (): Promise<void> => {
    let outcome: AnalysedFile;
    try {
      outcome = await analyseBytes(await readStdin(), args.stdinName, engine(), settings, args.reviewType, want);
    } catch (e) {
      outcome = { shown: args.stdinName, ok: false, reason: `it could not be read (${(e as Error).message})`, failure: 'unreadable', warnings: [], ms: 0 };
    }
    handle(outcome, '-');
  };
  if (stdinAt === 0) await checkStdin();
  await checkFiles(
    onDisk.map((f) => ({ path: f, shown: f })),
    { ...options, want, engine, jobs: args.jobs },
    (outcome, i) => handle(outcome, onDisk[i]!),
  );
  if (stdinAt > 0) await checkStdin();
  progress.done();
  for (const p of problems) err(`cspr-lint: ${p}\n`);
  if (problems.length > 0) exit = 2;
  else if (anyError) exit = 1;
  stylish?.end();
  if (json) {
    json.end();
    out('\n');
  }
  if (sarif) out(sarif.end() + '\n');
  if (args.report) {
    const html = reportHtml(batchReport(reviews, failed, (id) => engine().linter.meta(id)), { version: VERSION, generated: new Date().toISOString().slice(0, 10) });
    try {
      mkdirSync(dirname(resolve(args.report)), { recursive: true });
      writeFileSync(args.report, html);
      err(`cspr-lint: wrote the quality report on ${reviews.length} review${reviews.length === 1 ? '' : 's'} to ${args.report}\n`);
    } catch (e) {
      err(`cspr-lint: could not write the report to ${args.report} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`);
      return 2;
    }
  }
  return exit;
}

if (require.main === module) {
  run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cspr-lint: an unexpected error stopped the check (${(e as Error).message}). Please report it.\n`);
      process.exitCode = 2;
    },
  );
}
