/**
 * Checks one file, whatever its kind: reads it into text (Markdown, plain text, Word, PDF), lints
 * it, and returns only what the caller asked for (findings with text for the classic formats,
 * located findings for CSV, the review's report). Shared by the batch workers and the CLI's own
 * thread. Never throws for a bad file: it says why the file could not be checked.
 */
import type { Settings } from '../config';
import type { Finding, ReviewType } from '../core/types';
import type { Engine } from '../engine';
import { extractText } from '../extract';
import type { SourceFormat } from '../extract/types';
import type { LocatedFinding } from '../report/locate';
import { locateFindings } from '../report/locate';
import type { ReviewReport } from '../report/model';
import { reviewReport } from '../report/model';

/** What the caller wants back for each file. */
export interface Wanted {
  /** Findings, text and line starts, for the stylish, JSON and SARIF formats. */
  text: boolean;
  /** Findings with page, section, paragraph and quotation (CSV). */
  located: boolean;
  /** The quality report on the review. */
  report: boolean;
}

/** The outcome for one file: plain data, so it can cross from a worker thread. */
export interface AnalysedFile {
  /** The name to show. */
  shown: string;
  ok: boolean;
  /** Why it was not checked (when `ok` is false). */
  reason?: string;
  /** 'binary' for a file that is not text at all; otherwise what went wrong. */
  failure?: string;
  format?: SourceFormat;
  warnings: string[];
  text?: string;
  lineStarts?: number[];
  findings?: Finding[];
  located?: LocatedFinding[];
  report?: ReviewReport;
  /** Characters of text checked. */
  chars?: number;
  ms: number;
}

/** Checks one file's bytes. */
export async function analyseBytes(bytes: Uint8Array, shown: string, engine: Engine, settings: Settings, reviewType: ReviewType | undefined, want: Wanted): Promise<AnalysedFile> {
  const t0 = performance.now();
  const read = await extractText(bytes, shown);
  if (!read.ok) return { shown, ok: false, reason: read.reason, failure: read.kind, format: read.format === 'unknown' ? undefined : read.format, warnings: [], ms: performance.now() - t0 };
  const result = engine.lint(read.text, read.language, settings, reviewType);
  const out: AnalysedFile = { shown, ok: true, format: read.format, warnings: read.warnings, chars: read.text.length, ms: 0 };
  if (want.text) {
    out.text = read.text;
    out.lineStarts = [...result.document.lineStarts];
    out.findings = result.findings;
  }
  if (want.located) out.located = locateFindings(result.findings, result.document, read.pageStarts);
  if (want.report) {
    out.report = reviewReport({
      name: shown,
      result,
      meta: (id) => engine.linter.meta(id),
      format: read.format,
      pageStarts: read.pageStarts,
      pageCount: read.pageCount,
      comments: read.comments?.length ?? 0,
      warnings: read.warnings,
    });
  }
  out.ms = performance.now() - t0;
  return out;
}
