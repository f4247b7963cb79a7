/**
 * A batch worker thread: loads the rules once, then checks the files it is sent one at a time and
 * posts back each outcome. Built to dist/batch-worker.js.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { Settings } from '../config';
import type { ReviewType } from '../core/types';
import { createEngine } from '../engine';
import type { AnalysedFile, Wanted } from './analyse';
import { analyseBytes } from './analyse';

/** What the pool sends each worker when it starts. */
export interface WorkerInit {
  settings: Settings;
  reviewType: ReviewType | undefined;
  want: Wanted;
  rulesDir?: string;
}

/** A file to check. */
export interface WorkerJob {
  index: number;
  path: string;
  shown: string;
}

/** A worker's answer. */
export interface WorkerReply {
  index: number;
  outcome: AnalysedFile;
}

if (parentPort) {
  const init = workerData as WorkerInit;
  const engine = init.rulesDir ? createEngine(init.rulesDir) : createEngine();
  const port = parentPort;
  port.on('message', (job: WorkerJob) => {
    void (async () => {
      let outcome: AnalysedFile;
      try {
        const bytes = await readFile(job.path);
        outcome = await analyseBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), job.shown, engine, init.settings, init.reviewType, init.want);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        outcome = { shown: job.shown, ok: false, reason: code ? `it could not be read (${code})` : `the checker stopped on it (${(e as Error).message.slice(0, 200)}); please report this`, failure: code ? 'unreadable' : 'crash', warnings: [], ms: 0 };
      }
      port.postMessage({ index: job.index, outcome } satisfies WorkerReply);
    })();
  });
  port.postMessage({ ready: true });
}
