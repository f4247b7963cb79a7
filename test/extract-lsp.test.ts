/**
 * "Check a Word or PDF review" through the real server: the extract request reads a .docx, the text
 * opened read-only under the cspr-lint-extracted scheme gets the same diagnostics as the draft,
 * no fixes are offered there, and hovers show the suggested wording to make the change in Word.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { markdownToDocx } from './fixtures/office';
import type { TestServer } from './lsp-client';
import { startServer } from './lsp-client';

const DRAFT = '# Review of Child B\n\n## Analysis\n\nThe referral went to the MASH on the same day. Child B was putting herself at risk.\n';

describe('a Word review in the editor', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'cspr-lint-word-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'review.docx'), await markdownToDocx(DRAFT));
    server = await startServer();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('reads the file, checks its text read-only, offers no fixes and shows the wording instead', async () => {
    const file = pathToFileURL(join(dir, 'review.docx')).href;
    const read = (await server.connection.sendRequest('csprLint/extractFile', { uri: file })) as { ok: boolean; text: string };
    expect(read.ok).toBe(true);
    expect(read.text).toContain('putting herself at risk');
    const bad = (await server.connection.sendRequest('csprLint/extractFile', { uri: pathToFileURL(join(dir, 'missing.docx')).href })) as { ok: boolean; reason: string };
    expect(bad).toEqual({ ok: false, reason: expect.stringMatching(/could not be read \(ENOENT\)/) });

    const copy = `cspr-lint-extracted:${join(dir, 'review.docx')}.md?${encodeURIComponent(file)}`;
    const plain = 'file:///tmp/same-draft.md';
    await server.open(copy, read.text);
    await server.open(plain, read.text);
    const a = await server.pull(copy);
    const b = await server.pull(plain);
    const ids = (r: typeof a): string[] => (r.items ?? []).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    expect(ids(a)).toEqual(ids(b));
    const risk = a.items!.find((d) => d.code === 'no-putting-self-at-risk')!;
    expect(risk).toBeDefined();
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: copy }, range: risk.range, context: { diagnostics: [risk] } })) as CodeAction[];
    expect(actions).toEqual([]);
    const onPlain = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: plain }, range: risk.range, context: { diagnostics: [b.items!.find((d) => d.code === 'no-putting-self-at-risk')!] } })) as CodeAction[];
    expect(onPlain.length).toBeGreaterThan(0);
    const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: copy }, position: risk.range.start })) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/Suggested wording \(make the change in the Word document\)/);
  }, 60_000);
});
