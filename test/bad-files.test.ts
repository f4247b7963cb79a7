/**
 * Bad files: binary, invalid UTF-8, UTF-16 with a byte-order mark, CRLF and CR line endings, lone
 * surrogates, a 10,000-line table, deeply nested lists and block quotes, and 5 MB. Through the core,
 * the CLI and the real server: a clear message where the file cannot be read, no crash, no hang, and
 * every finding inside the document.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter } from '../server/src/core/linter';
import type { Finding } from '../server/src/core/types';
import { loadRules } from '../server/src/rules-loader';
import { lintIsolated, stopIsolated } from './fuzz/isolated';
import type { TestServer } from './lsp-client';
import { startServer } from './lsp-client';

const BIN = join(__dirname, '..', 'bin', 'cspr-lint.js');
const VB = 'Child B, aged 14, was putting herself at risk.';
const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });

const table = (rows: number): string => `# Chronology\n\n| Date | Event |\n| --- | --- |\n${Array.from({ length: rows }, (_, i) => `| ${1 + (i % 28)}/0${1 + (i % 9)}/2023 | Visit ${i}: the MASH met. ${i % 500 === 0 ? VB : 'Child B was seen.'} |`).join('\n')}\n`;
const nestedLists = (depth: number): string => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}: ${i % 100 === 0 ? VB : 'seen at home.'}`).join('\n');
const nestedQuotes = (depth: number): string => Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)} ${i % 100 === 0 ? VB : 'quoted.'}`).join('\n');
const mixedNesting = (depth: number): string => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${i % 2 ? '> ' : '- '}${i % 50 === 0 ? VB : 'nested.'}`).join('\n');

/** Text-level bad inputs, as the editor would hand them to the server (already decoded). */
const TEXTS: [string, string][] = [
  ['NUL bytes and control characters (binary read as text)', `PK\u0003\u0004\u0000\u0000\u0001\u0002${'\u0000'.repeat(50)}\u0007\u001b[31m ${VB}\u0000\n`],
  ['replacement characters from invalid UTF-8', `Child B was putting herself at risk. \uFFFD\uFFFD(\n\uFFFD ${VB}\n`],
  ['a byte-order mark', `\uFEFF# Review\n\n${VB}\n`],
  ['CRLF line endings', `# Review\r\n\r\n${VB}\r\n\r\nThe MASH met.\r\n`],
  ['CR-only line endings', `# Review\r\r${VB}\r\rThe MASH met.\r`],
  ['mixed line endings', `# Review\r\n\n\r${VB}\r\n\rThe MASH met.\n\r\n`],
  ['lone surrogates', `\uD800 ${VB} \uDC00 The MASH \uDBFF met.\uD800\n\n\uDFFF`],
  ['surrogate pairs before findings', `😀👩🏽‍⚕️ ${VB} 𝒜 The MASH met.`],
  ['a 10,000-line table', table(10_000)],
  ['lists nested 1,000 deep', nestedLists(1000)],
  ['block quotes nested 1,000 deep', nestedQuotes(1000)],
  ['lists and quotes nested alternately 1,000 deep', mixedNesting(1000)],
  ['an empty file', ''],
  ['only white space', ' \n\t\r\n \u00A0\u2028'],
];

function findingProblems(text: string, findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => {
    const p: string[] = [];
    if (!(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) p.push(`${f.ruleId} outside the document`);
    if (f.ruleId === 'rule-failed') p.push(f.message);
    return p;
  });
}

describe('bad files through the core', () => {
  afterAll(stopIsolated);

  it.each(TEXTS)('%s: no crash, findings inside the document, bounded time', async (name, text) => {
    const r = await lintIsolated(text, {}, undefined, 20_000);
    expect(r.timedOut, 'did not finish in 20 s').toBe(false);
    if (r.timedOut) return;
    expect(r.error).toBeUndefined();
    expect(r.problems).toEqual([]);
    expect(r.cpuMs).toBeLessThan(5000);
    // Still finds what it should despite the awkward encoding, line endings or size.
    if (/invalid UTF-8|byte-order|line endings|surrogate/.test(name)) expect(r.ruleIds).toContain('no-putting-self-at-risk');
    if (name === 'a 10,000-line table') expect(r.counts['no-putting-self-at-risk']).toBe(20);
  }, 30_000);

  it('keeps every finding inside the document, in this thread too', () => {
    for (const [name, text] of TEXTS.filter(([n]) => !/10,000|1,000/.test(n))) expect(findingProblems(text, linter.lint(text).findings), name).toEqual([]);
  });

  it('reports a 5 MB file once, as too large to check, instead of analysing it', () => {
    const big = `${VB} `.repeat(110_000);
    expect(big.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const r = linter.lint(big);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['document-too-large', 'info']]);
    expect(r.findings[0]!.message).toMatch(/too large to check \(5,?\d+ characters; the limit is 2,?000,?000\)/);
  });
});

describe('bad files through the CLI', () => {
  const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

  it('skips binary files with a message, reads the odd encodings, and checks every other file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-bad-'));
    const files: Record<string, Buffer> = {
      'zip.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
      'png.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'docx.txt': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100), Buffer.from('word/document.xml')]),
      'utf16le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${VB}\r\n`, 'utf16le')]),
      'utf16be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${VB}\n`, 'utf16le').swap16()]),
      'utf8bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${VB}\n`)]),
      'invalid-utf8.md': Buffer.concat([Buffer.from(`${VB} `), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('\n')]),
      'cr.md': Buffer.from(`# R\r\r${VB}\r`),
      'crlf.md': Buffer.from(`# R\r\n\r\n${VB}\r\n`),
      'table.md': Buffer.from(table(10_000)),
      'nested.md': Buffer.from(`${nestedLists(1000)}\n\n${nestedQuotes(1000)}\n`),
      'big.md': Buffer.from(`${VB} `.repeat(110_000)),
      'empty.md': Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const r = cli(['--format', 'json', ...Object.keys(files)], dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    for (const name of ['zip.md', 'png.md', 'docx.txt']) expect(r.stderr).toContain(`skipped ${name}: it looks like a binary file`);
    expect(r.stderr).toContain('invalid-utf8.md: it contains bytes that are not valid UTF-8');
    expect(r.stderr).not.toMatch(/unexpected error|RangeError|TypeError|at .*\.js:\d+/);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const byFile = Object.fromEntries(out.map((f) => [basename(f.filePath), f.messages]));
    expect(Object.keys(byFile).sort()).toEqual(Object.keys(files).filter((n) => !['zip.md', 'png.md', 'docx.txt'].includes(n)).sort());
    for (const name of ['utf16le.md', 'utf16be.md', 'utf8bom.md', 'invalid-utf8.md', 'cr.md', 'crlf.md']) expect(byFile[name]!.map((m) => m.ruleId), name).toContain('no-putting-self-at-risk');
    // Line numbers count CR, CRLF and LF alike.
    expect(byFile['cr.md']!.find((m) => m.ruleId === 'no-putting-self-at-risk')).toMatchObject({ line: 3, column: 19 });
    expect(byFile['crlf.md']!.find((m) => m.ruleId === 'no-putting-self-at-risk')).toMatchObject({ line: 3, column: 19 });
    expect(byFile['big.md']!.map((m) => m.ruleId)).toEqual(['document-too-large']);
    expect(byFile['empty.md']).toEqual([]);
    expect(byFile['table.md']!.filter((m) => m.ruleId === 'no-putting-self-at-risk')).toHaveLength(20);
  }, 90_000);

  it('explains a settings file that is binary or not valid YAML, and still checks the draft', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-bad-config-'));
    writeFileSync(join(dir, 'd.md'), `${VB}\n`);
    writeFileSync(join(dir, '.cspr-lint.yaml'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    const binary = cli(['--format', 'json', 'd.md'], dir);
    expect(binary.stderr).toContain('the file is not text; defaults are used');
    expect(JSON.parse(binary.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('no-putting-self-at-risk');
    writeFileSync(join(dir, '.cspr-lint.yaml'), 'rules: [\ncustomTerms:\n  - pattern: "(?<=x)"\n');
    const broken = cli(['--format', 'json', 'd.md'], dir);
    expect(broken.stderr).toMatch(/\.cspr-lint\.yaml:\d+: the file is not valid YAML/);
    expect(broken.status).toBe(0);
  });
});

describe('bad files through the real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const within = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
    Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))]);

  const rangeProblems = (text: string, items: Diagnostic[]): string[] => {
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
    return items.flatMap((d) => {
      const start = doc.offsetAt(d.range.start);
      const end = doc.offsetAt(d.range.end);
      // offsetAt clamps, so a range that survives the round trip lies inside the document.
      const back = { start: doc.positionAt(start), end: doc.positionAt(end) };
      return JSON.stringify(back) === JSON.stringify(d.range) && start <= end ? [] : [`${d.code} range ${JSON.stringify(d.range)} is outside the document`];
    });
  };

  it.each([...TEXTS, ['5 MB', `${VB} `.repeat(110_000)] as [string, string]])('%s: answers with diagnostics inside the document and keeps running', async (name, text) => {
    const uri = `file:///tmp/cspr-bad-files/${encodeURIComponent(name)}.md`;
    await server.open(uri, text);
    const report = await within(server.pull(uri), 30_000, name);
    const items = report.items ?? [];
    expect(rangeProblems(text, items)).toEqual([]);
    expect(items.filter((d) => d.code === 'rule-failed')).toEqual([]);
    if (name === '5 MB') expect(items.map((d) => [d.code, d.severity])).toEqual([['document-too-large', 3]]);
    expect(server.process.exitCode).toBeNull();
  }, 40_000);

  it('is still alive and correct after all of them', async () => {
    const uri = 'file:///tmp/cspr-bad-files/after.md';
    await server.open(uri, `${VB}\n`);
    expect((await server.pull(uri)).items!.map((d) => d.code)).toContain('no-putting-self-at-risk');
    expect(server.stderr()).not.toMatch(/RangeError|TypeError|Maximum call stack|heap out of memory/);
  });
});
