/**
 * The extension's output channel ("cspr-lint", a log channel shared with the language client).
 * Only events are written (started, restarted, counts, timings), never document text; the
 * language server follows the same rule. What is written is also kept in memory so the editor
 * tests can check that.
 */
import * as vscode from 'vscode';

const KEEP = 1000;
const WRITERS = new Set(['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn', 'error']);

/** A log output channel that remembers what was written to it. */
export interface RecordingChannel extends vscode.LogOutputChannel {
  /** Everything written so far (the last 1000 writes). */
  readonly written: readonly string[];
}

/** Creates the `cspr-lint` output channel. */
export function createLog(): RecordingChannel {
  const channel = vscode.window.createOutputChannel('cspr-lint', { log: true });
  const written: string[] = [];
  return new Proxy(channel, {
    get(target, prop, receiver) {
      if (prop === 'written') return written;
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && WRITERS.has(prop)) {
        return (...args: unknown[]) => {
          written.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
          if (written.length > KEEP) written.splice(0, written.length - KEEP);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  }) as RecordingChannel;
}
