/** The language server while typing: incremental sync, result ids across edits and settings, cancellation. */
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationTokenSource, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import type { TestServer } from './lsp-client';
import { DidChangeConfigurationNotification, DidChangeTextDocumentNotification, startServer } from './lsp-client';

const DRAFT = '# Review\n\nChild B, aged 14, was putting herself at risk.\n\nThe MASH met on Monday.\n\nA closing line.\n';
const URI = 'file:///tmp/cspr-lint-test/typing.md';
let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const insert = (s: TestServer, version: number, line: number, character: number, text: string): Promise<void> =>
  s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: URI, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
  });

describe('language server while typing', () => {
  it('answers "unchanged" after an edit that leaves every diagnostic where it was, and "full" when one moves', async () => {
    server = await startServer();
    await server.open(URI, DRAFT);
    const first = await server.pull(URI);
    expect(first.kind).toBe('full');
    // Typing in the last line moves nothing.
    await insert(server, 2, 6, 9, 'x');
    const same = await server.pull(URI, first.resultId);
    expect(same).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // Typing before the acronym on its line moves that diagnostic.
    await insert(server, 3, 4, 0, 'So ');
    const moved = await server.pull(URI, first.resultId);
    expect(moved.kind).toBe('full');
    expect(moved.resultId).not.toBe(first.resultId);
    expect(moved.items!.find((d) => d.code === 'acronym-defined-on-first-use')!.range.start.character).toBe(7);
  });

  it('keeps the result id across a settings change that does not touch the document, and changes it when one does', async () => {
    server = await startServer({ configuration: true });
    await server.open(URI, DRAFT);
    const first = await server.pull(URI);
    server.settings = { rules: { 'professional-curiosity-defined': 'off' } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await server.waitFor(() => server!.refreshes >= 1);
    expect(await server.pull(URI, first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    server.settings = { rules: { 'no-putting-self-at-risk': 'off' } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await server.waitFor(() => server!.refreshes >= 2);
    const off = await server.pull(URI, first.resultId);
    expect(off.kind).toBe('full');
    expect(off.items!.map((d) => d.code)).not.toContain('no-putting-self-at-risk');
    // And back again: a new id, since the client now holds the report without it.
    server.settings = {};
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await server.waitFor(() => server!.refreshes >= 3);
    const back = await server.pull(URI, off.resultId);
    expect(back.kind).toBe('full');
    expect(back.items!.map((d) => d.code)).toContain('no-putting-self-at-risk');
  });

  it('uses the editor settings for the very first diagnostics', async () => {
    server = await startServer({ configuration: true });
    server.settings = { rules: { 'no-putting-self-at-risk': 'off' } };
    await server.open(URI, DRAFT);
    const first = await server.pull(URI);
    expect(first.items!.map((d) => d.code)).not.toContain('no-putting-self-at-risk');
  });

  it('drops a pull that the client cancelled because a newer edit came, and answers the newer one', async () => {
    server = await startServer();
    await server.open(URI, DRAFT);
    await server.pull(URI);
    const source = new CancellationTokenSource();
    const stale = server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } }, source.token).then(
      () => ({ code: 'answered' as const }),
      (e: { code?: number }) => e,
    );
    source.cancel();
    await insert(server, 2, 2, 0, 'Then ');
    const fresh = await server.pull(URI);
    // Cancelled by the client before the server started on it (-32800), or by the server (-32802);
    // on a quiet machine the server may have answered before the cancellation arrived, which is also fine.
    expect((await stale)?.code).toBeOneOf([-32800, -32802, 'answered']);
    expect(fresh.kind).toBe('full');
    expect(fresh.items!.find((d) => d.code === 'no-putting-self-at-risk')!.range.start.character).toBe(23);
  });

  it('stays equal to a fresh analysis after many small edits', async () => {
    server = await startServer();
    let text = DRAFT;
    await server.open(URI, text);
    let last = await server.pull(URI);
    for (let v = 2; v < 40; v++) {
      const line = 2 + 2 * (v % 3);
      const offset = text.split('\n').slice(0, line).join('\n').length + 1;
      text = text.slice(0, offset) + (v % 2 ? 'ab ' : '\n\n') + text.slice(offset);
      await insert(server, v, line, 0, v % 2 ? 'ab ' : '\n\n');
      const r = await server.pull(URI, last.resultId);
      if (r.kind === 'full') last = r;
    }
    const fresh = await startServer();
    await fresh.open(URI, text);
    const expected = await fresh.pull(URI);
    await fresh.stop();
    expect(last.items!.map((d) => [d.code, d.range])).toEqual(expected.items!.map((d) => [d.code, d.range]));
  });
});
