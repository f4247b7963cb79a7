/**
 * Word (.docx) to Markdown with mammoth: headings, lists, tables and block quotes kept; footnotes
 * and endnotes gathered at the end under their own heading; tables of contents, headers, footers
 * and images left out. Tracked changes: the current text is read (insertions kept, deletions
 * dropped), as if every change were accepted. Comments are not part of the text: they are counted
 * and returned apart, and never analysed.
 */
import type JSZipClass from 'jszip';
import type Mammoth from 'mammoth';
import { htmlToMarkdown } from './html';
import type { ExtractResult, WordComment } from './types';

// Word's built-in styles, as well as LibreOffice's names for them. Tables of contents are dropped.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Quotation'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name^='TOC'] => !",
  "p[style-name^='toc'] => !",
  "p[style-name^='Contents'] => !",
  "p[style-name='Table of Figures'] => !",
  // Comments are read apart (below), never into the text.
  'comment-reference => !',
];

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True for an OLE compound file: an old .doc, or a password-protected .docx. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB.every((b, i) => bytes[i] === b);
}

function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** What a compound file holds, from its stream names. */
export function compoundKind(bytes: Uint8Array): 'encrypted' | 'doc' | 'other' {
  if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) return 'encrypted';
  if (hasUtf16(bytes, 'WordDocument')) return 'doc';
  return 'other';
}

function commentText(xml: string): WordComment[] {
  const out: WordComment[] = [];
  const re = /<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const author = /w:author="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const paras = m[2]!.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const text = paras.filter((p) => p.trim()).join(' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    out.push({ author: author.replace(/&amp;/g, '&'), text });
  }
  return out;
}

/** Counts tracked insertions and deletions in the main document part. */
function trackedChanges(xml: string): number {
  return (xml.match(/<w:(?:ins|del|moveFrom|moveTo)\b/g) ?? []).length;
}

/** Reads a .docx file. */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractResult> {
  if (isCompoundFile(bytes)) {
    const kind = compoundKind(bytes);
    if (kind === 'encrypted') return { ok: false, format: 'docx', kind: 'encrypted', reason: 'the Word file is password-protected. Open it in Word, remove the password (File > Info > Protect Document) and save a copy, or ask the sender for an unprotected copy' };
    return { ok: false, format: 'docx', kind: 'old-format', reason: 'this is an old Word file (.doc) or another Office format, not a .docx. Open it in Word and save it as a Word document (.docx), then check that copy' };
  }
  // Loaded on first use: starting the server or the CLI on Markdown needs neither.
  const JSZip = require('jszip') as typeof JSZipClass;
  const mammoth = require('mammoth') as typeof Mammoth;
  let zip: JSZipClass;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, format: 'docx', kind: 'corrupt', reason: 'the file is damaged or is not a Word document. Open it in Word and save it again as .docx, then check that copy' };
  }
  const main = zip.file('word/document.xml');
  if (!main) return { ok: false, format: 'docx', kind: 'corrupt', reason: 'the file is not a Word document (it has no document part). Open it in Word and save it as .docx, then check that copy' };
  let html: string;
  const warnings: string[] = [];
  let changes = 0;
  let comments: WordComment[] = [];
  try {
    const documentXml = await main.async('string');
    changes = trackedChanges(documentXml);
    const commentsXml = await zip.file('word/comments.xml')?.async('string');
    comments = commentsXml ? commentText(commentsXml) : [];
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: true, ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    return { ok: false, format: 'docx', kind: 'corrupt', reason: 'the Word file could not be read: it may be damaged. Open it in Word and save it again as .docx, then check that copy' };
  }
  const md = htmlToMarkdown(html);
  if (changes > 0) warnings.push(`it has ${changes} tracked change${changes === 1 ? '' : 's'}; the current text was checked, as if every change were accepted`);
  if (comments.length > 0) warnings.push(`its ${comments.length} comment${comments.length === 1 ? ' was' : 's were'} not checked (comments are notes about the review, not its text)`);
  if (!md.markdown.trim()) return { ok: false, format: 'docx', kind: 'empty', reason: 'the Word document has no text to check' };
  return { ok: true, format: 'docx', language: 'markdown', text: md.markdown, comments, trackedChanges: changes, footnotes: md.footnotes, warnings };
}
