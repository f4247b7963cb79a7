/** Bad input: untitled buffers, files outside the workspace, very long lines, documents closed mid-analysis. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticOf, open, ours, waitFor, wsFile } from './helpers';

const FLAGGED = 'Child B, aged 14, was putting herself at risk.\n';

describe('bad input', () => {
  before(api);
  afterEach(closeAll);

  it('checks an untitled buffer', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Notes\n\n${FLAGGED}` });
    await vscode.window.showTextDocument(doc);
    await diagnosticOf(doc.uri, 'no-putting-self-at-risk');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('checks a file outside the workspace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cspr-outside-'));
    const file = path.join(dir, 'elsewhere.md');
    fs.writeFileSync(file, `# Elsewhere\n\n${FLAGGED}`);
    const editor = await open(vscode.Uri.file(file));
    assert.equal(vscode.workspace.getWorkspaceFolder(editor.document.uri), undefined);
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
  });

  it('checks a draft with a very long line (200,000 characters) and stays responsive', async () => {
    const long = `${'The family were offered support by the school and the health visitor. '.repeat(2900)}Child B, aged 14, was putting herself at risk.`;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Long\n\n${long}\n` });
    await vscode.window.showTextDocument(doc);
    const started = Date.now();
    const d = await diagnosticOf(doc.uri, 'no-putting-self-at-risk', 60_000);
    assert.equal(d.range.start.line, 2);
    assert.ok(d.range.start.character > 190_000);
    // Another document is still answered promptly afterwards.
    const small = await vscode.workspace.openTextDocument({ language: 'markdown', content: FLAGGED });
    await vscode.window.showTextDocument(small);
    await diagnosticOf(small.uri, 'no-putting-self-at-risk', 20_000);
    assert.ok(Date.now() - started < 60_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('copes with a document closed while its analysis is pending', async () => {
    for (let i = 0; i < 5; i++) {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# Draft ${i}\n\n${FLAGGED.repeat(200)}` });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    // The server still answers, and nothing is left behind for the closed buffers.
    const editor = await open(wsFile('review-draft.md'));
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    const client = (await api()).client();
    assert.ok(client?.isRunning(), 'the checker is still running');
    await waitFor('no diagnostics left on closed untitled buffers', () =>
      vscode.languages.getDiagnostics().every(([uri, ds]) => uri.scheme !== 'untitled' || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()) || !ds.some((d) => d.source === 'cspr-lint')),
    );
  });

  it('ignores languages it does not check', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `{ "note": "${FLAGGED.trim()}" }` });
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(ours(doc.uri).length, 0);
    const { status } = await api();
    assert.equal(status.state.kind, 'hidden');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

