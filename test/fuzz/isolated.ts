/**
 * Lints in a worker thread with a hard time limit: a hang or a quadratic blow-up fails the test in
 * seconds instead of stalling the suite. The worker is bundled with esbuild on first use.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { CustomTerm } from '../../server/src/core/custom-terms';
import type { LintOptions } from '../../server/src/core/linter';
import type { LintReply, LintRequest } from './lint-worker';

const RULES_DIR = join(__dirname, '..', '..', 'rules');
let bundle: string | undefined;
let worker: Worker | undefined;
let nextId = 1;

function workerPath(): string {
  if (bundle) return bundle;
  const out = join(mkdtempSync(join(tmpdir(), 'cspr-lint-worker-')), 'lint-worker.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'lint-worker.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return (bundle = out);
}

/** The outcome of one isolated lint: the worker's reply, or `timedOut` when it was stopped. */
export type IsolatedResult = (LintReply & { timedOut: false }) | { timedOut: true; wallMs: number };

const pending = new Map<number, (r: IsolatedResult | Error) => void>();

function start(): Worker {
  const w = new Worker(workerPath());
  w.on('message', (reply: LintReply) => pending.get(reply.id)?.({ ...reply, timedOut: false }));
  w.on('error', (e) => {
    if (worker === w) worker = undefined;
    for (const done of pending.values()) done(e);
  });
  return w;
}

/** Lints `text` in the worker, stopping it after `limitMs` of wall-clock time. */
export function lintIsolated(text: string, options: Omit<LintOptions, 'customTerms'> = {}, customTerms?: CustomTerm[], limitMs = 20_000): Promise<IsolatedResult> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const finish = (r: IsolatedResult | Error): void => {
      clearTimeout(timer);
      pending.delete(id);
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const timer = setTimeout(() => {
      // Synchronous analysis cannot be interrupted from inside; stopping the thread can.
      if (worker === w) worker = undefined;
      void w.terminate();
      finish({ timedOut: true, wallMs: performance.now() - started });
    }, limitMs);
    pending.set(id, finish);
    w.postMessage({ id, text, options, customTerms, rulesDir: RULES_DIR } satisfies LintRequest);
  });
}

/** Stops the worker, for afterAll. */
export async function stopIsolated(): Promise<void> {
  await worker?.terminate();
  worker = undefined;
}
