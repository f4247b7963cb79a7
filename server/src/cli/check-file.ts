/**
 * Checking one file, for the CLI and for anything that checks batches (a worker pool can call
 * `checkBytes` with a file's bytes): decode, refuse binary files, analyse.
 */
import { readFileSync } from 'node:fs';
import type { Settings } from '../config';
import type { Finding, ReviewType } from '../core/types';
import type { Engine } from '../engine';
import { lineStartsOf } from './formatters';
import { decode, languageFor } from './read-input';

/** What checking one file gave. */
export type FileOutcome =
  | { kind: 'checked'; shown: string; findings: Finding[]; text: string; lineStarts: number[]; warning?: string }
  | { kind: 'skipped'; shown: string; reason: string }
  | { kind: 'unreadable'; shown: string; problem: string };

/** How to check: the settings in force and the review type given on the command line. */
export interface CheckOptions {
  settings: Settings;
  reviewType?: ReviewType;
}

/** Checks a file's bytes; `shown` is the name used for messages and to choose Markdown or plain text. */
export function checkBytes(engine: Engine, bytes: Uint8Array, shown: string, options: CheckOptions): FileOutcome {
  const decoded = decode(bytes);
  if (!decoded.ok) return { kind: 'skipped', shown, reason: decoded.reason };
  const result = engine.lint(decoded.text, languageFor(shown), options.settings, options.reviewType);
  return { kind: 'checked', shown, findings: result.findings, text: decoded.text, lineStarts: lineStartsOf(decoded.text), ...(decoded.warning ? { warning: decoded.warning } : {}) };
}

/** Reads and checks one file. */
export function checkFile(engine: Engine, file: string, options: CheckOptions): FileOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { kind: 'unreadable', shown: file, problem: `could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  return checkBytes(engine, bytes, file, options);
}
