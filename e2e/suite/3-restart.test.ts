/** A language server that crashes is restarted by the client, and diagnostics come back. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, code, diagnosticOf, open, ours, serverPids, waitFor, wsFile } from './helpers';

describe('a crashed checker', () => {
  before(api);
  after(closeAll);

  it('is restarted, and diagnostics come back', async function () {
    if (process.platform !== 'linux') this.skip();
    const { status, log } = await api();
    const editor = await open(wsFile('review-draft.md'));
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    const [pid] = await waitFor('the language server process', () => {
      const p = serverPids();
      return p.length === 1 ? p : undefined;
    });
    process.kill(pid!, 'SIGKILL');
    const [next] = await waitFor('a new language server process', () => {
      const p = serverPids().filter((x) => x !== pid);
      return p.length === 1 ? p : undefined;
    });
    assert.notEqual(next, pid);
    await waitFor('the client to be running again', async () => (await api()).client()?.isRunning());
    // Diagnostics come back for the open draft, and the new server follows edits.
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    // A new sentence in the key episodes (before the glossary, where wording is not checked).
    const glossary = editor.document.getText().split('\n').indexOf('## Glossary');
    await editor.edit((b) => b.insert(new vscode.Position(glossary, 0), 'His brother, aged 13, was putting himself at risk.\n\n'));
    await waitFor('a finding on the new text', () => ours(editor.document.uri).some((d) => code(d) === 'no-putting-self-at-risk' && editor.document.getText(d.range) === 'was putting himself at risk'));
    assert.equal(status.running, true);
    assert.ok(log.written.some((l) => /restarting/.test(l)), 'the restart is logged');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Restart the checker" starts a fresh server on demand', async () => {
    const editor = await open(wsFile('review-draft.md'));
    const before = serverPids();
    await vscode.commands.executeCommand('csprLint.restart');
    await waitFor('a different server process', () => {
      const p = serverPids();
      return p.length === 1 && !before.includes(p[0]!) ? p : undefined;
    });
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
  });
});
