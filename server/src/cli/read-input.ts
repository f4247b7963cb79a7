/** Reads a draft from disk or stdin into text, with clear messages for binary files and broken encodings. */

/** What reading a file gave: its text, or why it was skipped; and any warning to show. */
export type Decoded = { ok: true; text: string; warning?: string } | { ok: false; reason: string };

/** Decodes bytes as UTF-8 (or UTF-16 with a byte-order mark); refuses binary content. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const head = bytes.subarray(0, 8192);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  if (nul > 0) return { ok: false, reason: 'it looks like a binary file, not text (for Word or PDF files, save or export the review as text or Markdown first)' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(start));
    return { ok: true, text, warning: 'it contains bytes that are not valid UTF-8; they were read as \uFFFD and the rest was checked' };
  }
}

/** The language to analyse a file as, from its name. */
export function languageFor(path: string): 'markdown' | 'plaintext' {
  return /\.(txt|text)$/i.test(path) ? 'plaintext' : 'markdown';
}
