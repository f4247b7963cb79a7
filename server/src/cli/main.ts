/** The command-line tool: `cspr-lint [options] FILE...`, for CI and for checking many drafts at once. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Settings } from '../config';
import { mergeSettings, parseConfigFile } from '../config';
import { toReviewType } from '../core/document/front-matter';
import type { ReviewType } from '../core/types';
import { createEngine } from '../engine';
import type { FileOutcome } from './check-file';
import { checkBytes, checkFile } from './check-file';
import { jsonEntry, jsonWriter, sarifWriter, stylishWriter } from './formatters';
import { progressReport } from './progress';

const VERSION = '0.1.0';
const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `cspr-lint ${VERSION}: checks drafts of Child Safeguarding Practice Reviews.

Usage: cspr-lint [options] FILE...

FILE can be a file, a folder (its .md and .txt files are checked) or a pattern such as "drafts/**/*.md".
Use - to read a draft from standard input.

Options:
  --format stylish|json|sarif   How to print findings (default: stylish, for people)
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
  inputs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const args: Args = { format: 'stylish', reviewType: undefined, config: undefined, noConfig: false, explain: undefined, listRules: false, stdinName: '<stdin>', progress: true, inputs: [] };
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
        const found = globSync(['**/*.{md,markdown,txt}'], { cwd: input, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true }).sort();
        if (found.length === 0) problems.push(`${input}: the folder has no .md or .txt files.`);
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
  const engine = createEngine();
  for (const e of engine.loadErrors) err(`cspr-lint: a rule file has a problem and was skipped: ${e}\n`);
  if (args.listRules) {
    for (const r of [...engine.linter.rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))) out(`${r.category.padEnd(20)} ${r.severity.padEnd(8)} ${r.id.padEnd(40)} ${r.summary}\n`);
    return 0;
  }
  if (args.explain) {
    const m = engine.linter.meta(args.explain);
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
  const sarif = args.format === 'sarif' ? sarifWriter(engine.linter.rules, VERSION) : undefined;
  const progress = args.progress ? progressReport(files.length, err, !!process.stderr.isTTY) : progressReport(0, err, false);
  let anyError = false;
  const options = { settings, reviewType: args.reviewType };
  for (const file of files) {
    let outcome: FileOutcome;
    if (file === '-') {
      try {
        outcome = checkBytes(engine, await readStdin(), args.stdinName, options);
      } catch (e) {
        outcome = { kind: 'unreadable', shown: args.stdinName, problem: `could not be read (${(e as Error).message})` };
      }
    } else outcome = checkFile(engine, file, options);
    progress.tick(outcome.shown);
    if (outcome.kind === 'unreadable') {
      problems.push(`${outcome.shown}: ${outcome.problem}.`);
      continue;
    }
    if (outcome.kind === 'skipped') {
      err(`cspr-lint: skipped ${outcome.shown}: ${outcome.reason}.\n`);
      continue;
    }
    if (outcome.warning) err(`cspr-lint: ${outcome.shown}: ${outcome.warning}.\n`);
    if (outcome.findings.some((f) => f.severity === 'error')) anyError = true;
    const result = { filePath: args.format === 'stylish' || file === '-' ? outcome.shown : resolve(file), findings: outcome.findings, text: outcome.text, lineStarts: outcome.lineStarts };
    stylish?.add(result);
    json?.add(jsonEntry(result));
    sarif?.add(result);
  }
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
