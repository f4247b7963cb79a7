/**
 * The `csprLint/extractFile` request: reads a Word (.docx) or PDF file from disk into the text the
 * checker analyses, for the editor's "Check a Word or PDF review" command. The editor shows the
 * text read-only under the `cspr-lint-extracted` scheme; the server checks it like any draft, offers
 * no fixes there (the source cannot be edited), and shows the suggested wording in hovers instead.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { extractText } from '../extract';

/** The request's method name. */
export const EXTRACT_FILE_REQUEST = 'csprLint/extractFile';

/** The scheme of the read-only documents that hold text read from Word or PDF. */
export const READ_ONLY_SCHEME = 'cspr-lint-extracted';

/** The request's answer. */
export type ExtractFileResult =
  | { ok: true; format: string; text: string; pageStarts?: number[]; pageCount?: number; comments: number; warnings: string[] }
  | { ok: false; reason: string };

/** True for a document whose text was read from Word or PDF. */
export function isReadOnlyCopy(uri: string): boolean {
  return uri.startsWith(`${READ_ONLY_SCHEME}:`);
}

/** Reads one file (a file: URI) into text. */
export async function extractFile(uri: string): Promise<ExtractFileResult> {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return { ok: false, reason: 'only files on this computer can be read' };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, reason: `the file could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const r = await extractText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
  if (!r.ok) return { ok: false, reason: r.reason };
  return { ok: true, format: r.format, text: r.text, pageStarts: r.pageStarts, pageCount: r.pageCount, comments: r.comments?.length ?? 0, warnings: r.warnings };
}

/** Registers the request on a connection. */
export function registerExtractRequest(connection: Connection): void {
  connection.onRequest(EXTRACT_FILE_REQUEST, (params: { uri: string }) => extractFile(params.uri));
}
