/** The editor features, in the real extension host: what a review author sees. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, diagnosticOf, noDiagnosticOf, open, ours, waitFor, wsFile } from './helpers';

const DRAFT = 'review-draft.md';

async function reset(uri: vscode.Uri, text: string): Promise<vscode.TextEditor> {
  const editor = await open(uri);
  await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text));
  return editor;
}

describe('cspr-lint in VS Code', () => {
  let original = '';
  before(async () => {
    await api();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsFile(DRAFT)));
  });
  afterEach(async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === wsFile(DRAFT).toString());
    if (doc && doc.getText() !== original) await reset(doc.uri, original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
  after(closeAll);

  it('shows findings as diagnostics with the rule id, source and a link to the rule documentation', async () => {
    const editor = await open(wsFile(DRAFT));
    // The first analysis includes starting the server: allow for a slow machine.
    const d = await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk', 120_000);
    assert.equal(d.source, 'cspr-lint');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(d.range), 'was putting herself at risk');
    const target = typeof d.code === 'object' ? d.code.target : undefined;
    assert.ok(target && /rules\/docs\/no-putting-self-at-risk\.md$/.test(target.path), `documentation link: ${target?.toString()}`);
    await diagnosticOf(editor.document.uri, 'acronym-defined-on-first-use');
  });

  it('explains a finding on hover, with a link that opens the rule documentation view', async () => {
    const editor = await open(wsFile(DRAFT));
    const d = await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, d.range.start.translate(0, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /What good looks like/);
    assert.match(text, /command:csprLint\.showRuleDocumentation\?/);
  });

  it('applies a quick fix that rewrites the wording', async () => {
    const editor = await open(wsFile(DRAFT));
    const d = await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((a) => a.title.startsWith('Replace with'));
    assert.ok(replace?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.doesNotMatch(editor.document.getText(), /putting herself at risk/);
    await noDiagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
  });

  it('switches a check off for one line with the reason the author gives', async () => {
    const editor = await open(wsFile(DRAFT));
    const d = await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const off = actions.find((a) => a.title.startsWith('Switch off no-putting-self-at-risk'));
    assert.ok(off?.edit && off.command, 'the action inserts the comment and then asks for the reason');
    assert.ok(await vscode.workspace.applyEdit(off.edit));
    assert.match(editor.document.getText(), /cspr-lint-disable-next-line no-putting-self-at-risk -- give your reason here/);
    // The placeholder is itself reported until it is replaced.
    await diagnosticOf(editor.document.uri, 'disable-comment-reason');
    // The command asks with an input box; here the test passes the answer as its last argument.
    const [uri, line, ruleId] = off.command.arguments as [string, number, string];
    assert.equal(ruleId, 'no-putting-self-at-risk');
    assert.ok(await vscode.commands.executeCommand('csprLint.writeDisableReason', uri, line, ruleId, 'quotation from the strategy discussion minutes'));
    assert.match(editor.document.getText(), /-- quotation from the strategy discussion minutes -->\n/);
    await noDiagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    await noDiagnosticOf(editor.document.uri, 'disable-comment-reason');
  });

  it('"Fix all safe problems" applies mechanical fixes only, never suggestions', async () => {
    const editor = await open(wsFile(DRAFT));
    await diagnosticOf(editor.document.uri, 'acronym-defined-on-first-use');
    const applied = await vscode.commands.executeCommand<number>('csprLint.fixAll');
    assert.ok(applied >= 1, `applied ${applied}`);
    assert.match(editor.document.getText(), /Multi-Agency Safeguarding Hub \(MASH\)/i);
    assert.match(editor.document.getText(), /putting herself at risk/, 'a suggestion is never applied in bulk');
    await noDiagnosticOf(editor.document.uri, 'acronym-defined-on-first-use');
  });

  it('offers source.fixAll.cspr-lint for fix-on-save, and does nothing on save by default', async () => {
    const uri = wsFile('notes.txt');
    const editor = await open(uri);
    await diagnosticOf(uri, 'acronym-defined-on-first-use');
    const before = editor.document.getText();
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
    await editor.document.save();
    assert.equal(editor.document.getText(), `${before}\n`, 'nothing is fixed on save unless the author turns it on');
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
    await config.update('codeActionsOnSave', { 'source.fixAll.cspr-lint': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      // The setting reaches the editor's save participants asynchronously, so save again until it has.
      for (let i = 0; i < 20 && !/Multi-Agency Safeguarding Hub \(MASH\)/i.test(editor.document.getText()); i++) {
        await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
        await editor.document.save();
        await new Promise((r) => setTimeout(r, 250));
      }
      await waitFor('the fix applied on save', () => /Multi-Agency Safeguarding Hub \(MASH\)/i.test(editor.document.getText()));
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), before));
      await editor.document.save();
    }
  });

  it('shows the number of findings in the status bar, and when checking is off for the file', async () => {
    const { status } = await api();
    const editor = await open(wsFile(DRAFT));
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    const n = ours(editor.document.uri).length;
    await waitFor('the status bar count', () => status.state.kind === 'count' && status.state.count === n);
    // While an analysis takes a while, it says "checking".
    const done = status.analysing(editor.document.uri);
    await waitFor('"checking…"', () => status.state.kind === 'busy');
    done();
    await waitFor('the count after checking', () => status.state.kind === 'count');
    // Switched off in the settings.
    const config = vscode.workspace.getConfiguration('csprLint');
    await config.update('enable', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('"off" (setting)', () => status.state.kind === 'off' && status.state.why === 'setting');
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    // Switched off for the file by a comment.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<!-- cspr-lint-disable -- a test of switching every check off -->\n'));
    await waitFor('"off for this file"', () => status.state.kind === 'off' && status.state.why === 'comment');
  });

  it('"New review draft" opens an untitled draft with every section and the pseudonym filled in', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('csprLint.newReviewDraft', { reviewType: 'lcspr', pseudonym: 'Child Q' });
    assert.ok(doc.isUntitled);
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    for (const h of ['Introduction', 'Terms of reference', 'Method', 'Involvement of the child and family', "Child Q's daily life and voice", 'Identity', 'Key episodes', 'Analysis', 'Findings', 'Recommendations', 'Glossary']) {
      assert.match(text, new RegExp(`^## ${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), h);
    }
    assert.match(text, /pseudonyms: \[Child Q\]/);
    assert.doesNotMatch(text, /\{\{/);
    const rapid = await vscode.commands.executeCommand<vscode.TextDocument>('csprLint.newReviewDraft', { reviewType: 'rapid-review', pseudonym: 'Baby T' });
    assert.match(rapid.getText(), /review-type: rapid-review/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Show quality summary" counts findings by category and by section', async () => {
    const editor = await open(wsFile(DRAFT));
    await diagnosticOf(editor.document.uri, 'no-putting-self-at-risk');
    const summary = await vscode.commands.executeCommand<{ total: number; byCategory: { category: string; count: number }[]; bySection: { title: string; count: number }[] }>('csprLint.showQualitySummary');
    assert.ok(summary, 'a summary came back');
    assert.equal(summary.total, ours(editor.document.uri).length);
    assert.equal(summary.byCategory.find((c) => c.category === 'victim-blaming')?.count, 1);
    assert.equal(summary.bySection.find((s) => s.title === 'Key episodes')?.count, ours(editor.document.uri).filter((d) => d.range.start.line > 12 && d.range.start.line < 18).length);
    assert.equal(summary.bySection.reduce((n, s) => n + s.count, 0), summary.total);
  });

  it('"Show rule documentation" renders a rule page offline, with a strict content security policy', async () => {
    const { views } = await api();
    const id = await vscode.commands.executeCommand<string>('csprLint.showRuleDocumentation', 'no-putting-self-at-risk');
    assert.equal(id, 'no-putting-self-at-risk');
    const html = views.ruleDocumentation() ?? '';
    assert.match(html, /<h1>no-putting-self-at-risk<\/h1>/);
    assert.match(html, /What good looks like/);
    assert.match(html, /default-src 'none'/);
    assert.doesNotMatch(html, /(src|href)="https?:/);
    const summaryHtml = views.qualitySummary() ?? '';
    assert.match(summaryHtml, /default-src 'none'/);
    assert.match(summaryHtml, /By section/);
  });

  it('registers every command the manifest contributes', async () => {
    const ext = vscode.extensions.getExtension('cspr-lint.cspr-lint')!;
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('writes no document text to the output channel', async () => {
    const { log } = await api();
    const written = log.written.join('\n');
    assert.ok(written.length > 0, 'something was logged');
    for (const phrase of ['putting herself', 'streetwise', 'Child R', 'MASH', 'Strategy discussion']) assert.ok(!written.includes(phrase), `the log contains "${phrase}"`);
  });
});

