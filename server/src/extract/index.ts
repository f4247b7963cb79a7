/**
 * Reads a review file of any kind the checker knows into text for the document model: Markdown and
 * plain text as they are, Word (.docx) and PDF converted to Markdown. Every failure is a clear
 * message saying what to do, never an exception. No file access here: callers pass the bytes.
 */
import { decode } from '../cli/read-input';
import { extractDocx, isCompoundFile } from './docx';
import { extractPdf } from './pdf';
import type { ExtractResult, SourceFormat } from './types';

export type { Extracted, ExtractFailure, ExtractResult, SourceFormat, WordComment } from './types';
export { pageAt } from './types';

/** File name endings the checker reads. */
export const REVIEW_EXTENSIONS = ['md', 'markdown', 'txt', 'text', 'docx', 'pdf'] as const;

/** The format of a file, from its first bytes, then its name. */
export function formatOf(name: string, bytes?: Uint8Array): SourceFormat | 'doc' | 'unknown' {
  if (bytes && bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) return 'pdf';
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (bytes && bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (ext === 'docx' || ext === 'docm' || ext === 'dotx')) return 'docx';
  if (bytes && isCompoundFile(bytes)) return ext === 'docx' ? 'docx' : 'doc';
  switch (ext) {
    case 'docx':
    case 'docm':
    case 'dotx':
      return 'docx';
    case 'pdf':
      return 'pdf';
    case 'doc':
    case 'rtf':
    case 'odt':
      return 'doc';
    case 'txt':
    case 'text':
      return 'plaintext';
    case 'md':
    case 'markdown':
    case undefined:
      return 'markdown';
    default:
      return 'unknown';
  }
}

/** Reads a file's bytes into text. `name` is used for the format when the bytes do not say. */
export async function extractText(bytes: Uint8Array, name: string): Promise<ExtractResult> {
  const format = formatOf(name, bytes);
  try {
    if (format === 'pdf') return await extractPdf(bytes);
    if (format === 'docx') return await extractDocx(bytes);
  } catch (e) {
    return { ok: false, format: format as SourceFormat, kind: 'corrupt', reason: `the file could not be read (${(e as Error).message.slice(0, 200)}). Save it again from Word as .docx or PDF, then check that copy` };
  }
  if (format === 'doc') {
    const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? 'doc';
    return { ok: false, format: 'unknown', kind: 'old-format', reason: `this is ${ext === 'doc' || isCompoundFile(bytes) ? 'an old Word file (.doc)' : `a .${ext} file`}, which the checker cannot read. Open it in Word and save it as a Word document (.docx), then check that copy` };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, format: format === 'unknown' ? 'unknown' : format, kind: 'binary', reason: decoded.reason };
  const language = format === 'plaintext' || (format === 'unknown' && /\.(txt|text)$/i.test(name)) ? 'plaintext' : 'markdown';
  return { ok: true, format: language, language, text: decoded.text, warnings: decoded.warning ? [decoded.warning] : [] };
}
