/**
 * Checks many files in parallel on a pool of worker threads (one per core by default), with
 * bounded memory: only a few files beyond the next one due out are in flight or waiting, and
 * results are handed on in the order the files were given, then dropped. A file that runs out of
 * memory or takes too long is reported with its reason and its worker replaced; the batch goes on.
 * This thread stands in for one of the workers for Markdown and text files (see checkFiles).
 * Small batches, or a build without the worker bundle, run in this thread alone.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../config';
import type { ReviewType } from '../core/types';
import type { Engine } from '../engine';
import type { AnalysedFile, Wanted } from './analyse';
import { analyseBytes } from './analyse';
import type { WorkerInit, WorkerJob, WorkerReply } from './worker';

/** A file to check. */
export interface BatchFile {
  path: string;
  shown: string;
}

/** How to run the batch. */
export interface BatchOptions {
  settings: Settings;
  reviewType: ReviewType | undefined;
  want: Wanted;
  /** Worker threads (default: one per core, at most one per file). 1 checks in this thread. */
  jobs?: number;
  /** Longest time one file may take, in ms (default 5 minutes). */
  timeoutMs?: number;
  /** Heap limit per worker, in MB (default 2048). */
  workerMemoryMb?: number;
  /** The worker bundle (default: batch-worker.js beside this bundle, else dist/). */
  workerFile?: string;
  /** The engine for checking in this thread, or a function making it when a file is checked here. */
  engine: Engine | (() => Engine);
  rulesDir?: string;
}

/** Where the worker bundle is. */
export function findWorkerFile(): string | undefined {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  return [join(here, 'batch-worker.js'), join(here, '..', '..', '..', 'dist', 'batch-worker.js'), join(process.cwd(), 'dist', 'batch-worker.js')].find((p) => existsSync(p));
}

/** Checks one file in this thread. */
async function checkHere(f: BatchFile, opts: BatchOptions): Promise<AnalysedFile> {
  try {
    const bytes = await readFile(f.path);
    const engine = typeof opts.engine === 'function' ? opts.engine() : opts.engine;
    return await analyseBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), f.shown, engine, opts.settings, opts.reviewType, opts.want);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { shown: f.shown, ok: false, reason: code ? `it could not be read (${code})` : `the checker stopped on it (${(e as Error).message.slice(0, 200)}); please report this`, failure: code ? 'unreadable' : 'crash', warnings: [], ms: 0 };
  }
}

async function inThisThread(files: readonly BatchFile[], opts: BatchOptions, emit: (f: AnalysedFile, index: number) => void): Promise<void> {
  for (let i = 0; i < files.length; i++) emit(await checkHere(files[i]!, opts), i);
}

/** Markdown and plain text: files this thread may check itself (Word and PDF readers stay in workers, with their time and memory limits). */
const isText = (f: BatchFile): boolean => /\.(md|markdown|txt|text)$/i.test(f.path);

/** Checks the files; `emit` is called once per file, in order. Resolves with the number of files checked at a time. */
export async function checkFiles(files: readonly BatchFile[], opts: BatchOptions, emit: (f: AnalysedFile, index: number) => void): Promise<number> {
  const workerFile = opts.workerFile ?? findWorkerFile();
  const wanted = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), files.length));
  if (wanted <= 1 || files.length < 3 || !workerFile) {
    await inThisThread(files, opts, emit);
    return 1;
  }
  const init: WorkerInit = { settings: opts.settings, reviewType: opts.reviewType, want: opts.want, rulesDir: opts.rulesDir };
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const window = wanted * 3;
  const buffer = new Map<number, AnalysedFile>();
  let due = 0;
  // Larger files are started first (among those the window allows), so that the batch does not end
  // waiting on one big file started last while the other workers sit idle.
  const sizes = files.map((f) => {
    try {
      return statSync(f.path).size;
    } catch {
      return 0;
    }
  });
  const started = new Uint8Array(files.length);
  let firstUnstarted = 0;
  const nextFile = (): number | undefined => {
    while (firstUnstarted < files.length && started[firstUnstarted]) firstUnstarted++;
    let best: number | undefined;
    for (let i = firstUnstarted; i < Math.min(files.length, due + window); i++) if (!started[i] && (best === undefined || sizes[i]! > sizes[best]!)) best = i;
    return best;
  };

  return new Promise<number>((resolve, reject) => {
    interface Slot {
      worker: Worker;
      job?: WorkerJob;
      timer?: NodeJS.Timeout;
      dead?: boolean;
    }
    const slots: Slot[] = [];
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const s of slots) {
        clearTimeout(s.timer);
        s.dead = true;
        void s.worker.terminate();
      }
      resolve(wanted);
    };
    const flush = (): void => {
      try {
        while (buffer.has(due)) {
          const r = buffer.get(due)!;
          buffer.delete(due);
          emit(r, due);
          due++;
        }
      } catch (e) {
        finished = true;
        for (const s of slots) void s.worker.terminate();
        reject(e);
        return;
      }
      if (due >= files.length) finish();
      else for (const s of slots) if (!s.job && !s.dead) dispatch(s);
    };
    const fail = (index: number, reason: string, failure: string): void => {
      buffer.set(index, { shown: files[index]!.shown, ok: false, reason, failure, warnings: [], ms: 0 });
    };
    const dispatch = (s: Slot): void => {
      if (s.dead) return;
      const index = nextFile();
      if (index === undefined) return;
      started[index] = 1;
      const job: WorkerJob = { index, path: files[index]!.path, shown: files[index]!.shown };
      s.job = job;
      arm(s, index);
      s.worker.postMessage(job);
    };
    const arm = (s: Slot, index: number): void => {
      clearTimeout(s.timer);
      s.timer = setTimeout(() => {
        // A file that takes too long: report it, and replace the worker.
        fail(index, `checking it took longer than ${Math.round(timeoutMs / 1000)} s and was stopped (the file may be damaged or unusually complex)`, 'timeout');
        replace(s);
        flush();
      }, timeoutMs);
    };
    const replace = (s: Slot): void => {
      clearTimeout(s.timer);
      s.dead = true;
      s.job = undefined;
      void s.worker.terminate();
      const i = slots.indexOf(s);
      if (!finished) {
        const fresh = spawn();
        if (i >= 0) slots[i] = fresh;
        dispatch(fresh);
      }
    };
    const spawn = (): Slot => {
      const worker = new Worker(workerFile, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: opts.workerMemoryMb ?? 2048 }, stdout: false, stderr: false });
      const s: Slot = { worker };
      worker.on('message', (m: WorkerReply | { ready: true }) => {
        if (!('index' in m) || s.dead) return;
        if (s.job?.index !== m.index) return;
        clearTimeout(s.timer);
        s.job = undefined;
        buffer.set(m.index, m.outcome);
        flush();
        if (!s.job) dispatch(s);
      });
      const lost = (why: string, failure: string): void => {
        if (s.dead || finished) return;
        const job = s.job;
        if (job) fail(job.index, why, failure);
        replace(s);
        flush();
      };
      worker.on('error', (e: Error & { code?: string }) => lost(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needed more memory than a worker may use (it may be very large or damaged)' : `the checker stopped on it (${e.message.slice(0, 200)}); please report this`, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash'));
      worker.on('exit', () => lost('the checker stopped unexpectedly on it; please report this', 'crash'));
      return s;
    };
    // A worker takes a few hundred milliseconds to start (its own bundle and rules). So this thread
    // checks text files too, standing in for one of the workers: first the largest, at once, so the
    // batch's longest file does not wait for a worker to start; then the smallest left, which keep
    // it busy only briefly while the workers wait to be handed their next file. Word and PDF files
    // stay in workers; the stand-in worker is started if some remain and this thread has no text left.
    const textFiles = files.map((_, i) => i).filter((i) => isText(files[i]!));
    const pickText = (largest: boolean): number | undefined => {
      let best: number | undefined;
      for (const i of textFiles) if (!started[i] && i < due + window && (best === undefined || (largest ? sizes[i]! > sizes[best]! : sizes[i]! < sizes[best]!))) best = i;
      return best;
    };
    const first = pickText(true);
    let standIn = first === undefined;
    const checkInThisThread = (index: number): void => {
      started[index] = 1;
      void checkHere(files[index]!, opts).then((outcome) => {
        if (finished) return;
        buffer.set(index, outcome);
        // While this thread was busy no timer could run: give the files in the workers their full time from now.
        for (const s of slots) if (s.job && !s.dead) arm(s, s.job.index);
        const next = pickText(false);
        if (next !== undefined) started[next] = 1;
        else if (!standIn && nextFile() !== undefined) {
          standIn = true;
          slots.push(spawn());
        }
        flush();
        if (next !== undefined && !finished) checkInThisThread(next);
      });
    };
    if (first !== undefined) started[first] = 1;
    for (let i = 0; i < wanted - (standIn ? 0 : 1); i++) slots.push(spawn());
    for (const s of slots) dispatch(s);
    if (first !== undefined) checkInThisThread(first);
  });
}
