/** The real language server over stdio with the real protocol: what an editor sees. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { TestServer } from './lsp-client';
import { DidChangeConfigurationNotification, DidChangeTextDocumentNotification, startServer } from './lsp-client';

const DRAFT = '# Review\n\nChild B, aged 14, was putting herself at risk.\n\nThe MASH met on Monday.\n';
const URI = 'file:///tmp/cspr-lint-test/draft.md';
let server: TestServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
}

describe('language server over stdio', () => {
  it('answers pull diagnostics with rule codes, source and documentation links', async () => {
    server = await startServer();
    await server.open(URI, DRAFT);
    const report = await server.pull(URI);
    expect(report.kind).toBe('full');
    const codes = report.items!.map((d) => d.code);
    expect(codes).toContain('no-putting-self-at-risk');
    expect(codes).toContain('acronym-defined-on-first-use');
    const d = report.items!.find((x) => x.code === 'no-putting-self-at-risk')!;
    expect(d.source).toBe('cspr-lint');
    expect(d.codeDescription?.href).toMatch(/rules\/docs\/no-putting-self-at-risk\.md$/);
    expect(d.range.start).toEqual({ line: 2, character: 18 });
  });

  it('says "unchanged" when nothing changed, and re-analyses after an incremental edit', async () => {
    server = await startServer();
    await server.open(URI, DRAFT);
    const first = await server.pull(URI);
    const again = await server.pull(URI, first.resultId);
    expect(again.kind).toBe('unchanged');
    // Replace "was putting herself at risk" with "was at risk of exploitation by adults".
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 18 }, end: { line: 2, character: 45 } }, text: 'was at risk of exploitation by adults' }],
    });
    const after = await server.pull(URI, first.resultId);
    expect(after.kind).toBe('full');
    expect(after.items!.map((x) => x.code)).not.toContain('no-putting-self-at-risk');
    expect(after.items!.map((x) => x.code)).toContain('acronym-defined-on-first-use');
  });

  it('pushes diagnostics to a client without pull support', async () => {
    server = await startServer({ pull: false });
    await server.open(URI, DRAFT);
    const pushed = await server.waitFor(() => server!.pushed.find((p) => p.uri === URI && p.diagnostics.length > 0));
    expect(pushed.diagnostics.map((d) => d.code)).toContain('no-putting-self-at-risk');
  });

  it('offers quick fixes that edit the text, a disable with a reason, and fix-all for safe fixes only', async () => {
    server = await startServer();
    await server.open(URI, DRAFT);
    const items = (await server.pull(URI)).items!;
    const vb = items.find((d) => d.code === 'no-putting-self-at-risk')!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: vb.range,
      context: { diagnostics: [vb] },
    })) as CodeAction[];
    const replace = actions.find((a) => a.title.startsWith('Replace with'))!;
    expect(apply(DRAFT, replace.edit!.changes![URI]!)).toContain('Child B, aged 14, was placed at risk by adults.');
    const disable = actions.find((a) => a.title.includes('Switch off'))!;
    const disabled = apply(DRAFT, disable.edit!.changes![URI]!);
    expect(disabled).toContain('<!-- cspr-lint-disable-next-line no-putting-self-at-risk -- give your reason here -->\nChild B');

    const fixAll = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.cspr-lint'] },
    })) as CodeAction[];
    expect(fixAll).toHaveLength(1);
    const fixed = apply(DRAFT, fixAll[0]!.edit!.changes![URI]!);
    // The acronym expansion is safe; the victim-blaming rewording is a suggestion and is left alone.
    expect(fixed).toContain('The Multi-Agency Safeguarding Hub (MASH) met');
    expect(fixed).toContain('was putting herself at risk');
  });

  it('reports a disable comment that gives no reason, and honours one that does', async () => {
    server = await startServer();
    const text = '<!-- cspr-lint-disable-next-line no-putting-self-at-risk -->\nChild B was putting herself at risk.\n\n<!-- cspr-lint-disable-next-line no-putting-self-at-risk -- quoted from the minutes -->\nChild C was putting herself at risk.\n';
    await server.open(URI, text);
    const items = (await server.pull(URI)).items!;
    expect(items.map((d) => d.code).sort()).toEqual(['disable-comment-reason']);
  });

  it('shows the rationale and good wording on hover', async () => {
    server = await startServer();
    await server.open(URI, DRAFT);
    await server.pull(URI);
    const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 2, character: 25 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('Children are not responsible');
    expect(value).toContain('What good looks like');
  });

  it('applies a configuration change: a rule set to off disappears after refresh', async () => {
    server = await startServer({ configuration: true });
    await server.open(URI, DRAFT);
    expect((await server.pull(URI)).items!.map((d: Diagnostic) => d.code)).toContain('no-putting-self-at-risk');
    server.settings = { rules: { 'no-putting-self-at-risk': 'off' }, reviewType: 'lcspr' };
    const before = server.refreshes;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await server.waitFor(() => server!.refreshes > before || undefined);
    expect((await server.pull(URI)).items!.map((d: Diagnostic) => d.code)).not.toContain('no-putting-self-at-risk');
  });

  it('names the bad field of a malformed .cspr-lint.yaml and keeps running with the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-ws-'));
    writeFileSync(join(dir, '.cspr-lint.yaml'), 'reviewType: lcspr\nrules:\n  acronym-defined-on-first-use: loud\nunknownThing: 3\n');
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    server = await startServer({ rootUri: pathToFileURL(dir).href });
    await server.open(uri, DRAFT);
    const items = (await server.pull(uri)).items!;
    expect(items.map((d) => d.code)).toContain('no-putting-self-at-risk');
    await server.waitFor(() => server!.messages.length >= 2 || undefined);
    expect(server.messages.join('\n')).toMatch(/rules\.acronym-defined-on-first-use.*must be one of/);
    expect(server.messages.join('\n')).toMatch(/'unknownThing' is not a setting/);
  });

  it('ignores workspace configuration in an untrusted workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-ws-'));
    writeFileSync(join(dir, '.cspr-lint.yaml'), 'rules:\n  no-putting-self-at-risk: off\n');
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    server = await startServer({ rootUri: pathToFileURL(dir).href, initializationOptions: { trusted: false } });
    await server.open(uri, DRAFT);
    expect((await server.pull(uri)).items!.map((d) => d.code)).toContain('no-putting-self-at-risk');
  });

  it('keeps diagnostics inside the document for CRLF, surrogate pairs and an empty file', async () => {
    server = await startServer();
    const text = '# R\r\n\r\n😀 Child B, aged 14, was putting herself at risk.\r\n';
    await server.open(URI, text);
    const d = (await server.pull(URI)).items!.find((x) => x.code === 'no-putting-self-at-risk')!;
    const doc = TextDocument.create(URI, 'markdown', 1, text);
    expect(doc.getText(d.range)).toBe('was putting herself at risk');
    const empty = 'file:///tmp/cspr-lint-test/empty.md';
    await server.open(empty, '');
    expect((await server.pull(empty)).items).toEqual([]);
  });
});
