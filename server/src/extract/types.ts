/** What reading a review file gives: Markdown text for the document model, or why it could not be read. */
import { lineOf } from '../core/document/parse';

/** The kinds of file the checker reads. */
export type SourceFormat = 'markdown' | 'plaintext' | 'docx' | 'pdf';

/** A comment left in a Word file: kept apart from the text and never analysed. */
export interface WordComment {
  author: string;
  text: string;
}

/** A file read into text. */
export interface Extracted {
  ok: true;
  format: SourceFormat;
  language: 'markdown' | 'plaintext';
  /** The text the checker analyses (Markdown for Word and PDF). */
  text: string;
  /** PDF only: offsets into `text` at which pages 1, 2, 3… start (ascending; page 1 at 0). */
  pageStarts?: number[];
  pageCount?: number;
  comments?: WordComment[];
  trackedChanges?: number;
  footnotes?: number;
  /** Things the reader should know, such as comments not checked; each a clause without a full stop. */
  warnings: string[];
}

/** Why a file could not be read, in words for the person who sent it. */
export interface ExtractFailure {
  ok: false;
  format: SourceFormat | 'unknown';
  kind: 'encrypted' | 'corrupt' | 'old-format' | 'no-text' | 'empty' | 'binary' | 'too-large' | 'unsupported';
  /** A clause saying what is wrong and what to do, without a full stop. */
  reason: string;
}

export type ExtractResult = Extracted | ExtractFailure;

/** The page (1-based) that holds an offset, or undefined when the text has no pages. */
export function pageAt(pageStarts: readonly number[] | undefined, offset: number): number | undefined {
  if (!pageStarts || pageStarts.length === 0) return undefined;
  // Pages are found as lines are: the last start at or before the offset.
  return lineOf(pageStarts, offset) + 1;
}
