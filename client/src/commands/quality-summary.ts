/**
 * "Show quality summary": counts of findings by category and by section for the open draft, in a
 * view an editor can read, copy, open as Markdown, or save as a web page to print. Updates as the draft changes.
 */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { QualitySummary } from '../../../server/src/lsp/summary';
import { isChecked } from '../client';
import { summaryHtml, summaryMarkdown } from '../summary-view';
import { nonce, page } from '../webview';

export const COMMAND = 'csprLint.showQualitySummary';
const REQUEST = 'csprLint/qualitySummary';

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.getElementById('copy')?.addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
document.getElementById('open')?.addEventListener('click', () => vscode.postMessage({ type: 'open' }));
document.getElementById('save')?.addEventListener('click', () => vscode.postMessage({ type: 'save' }));
document.getElementById('problems')?.addEventListener('click', () => vscode.postMessage({ type: 'problems' }));
document.body.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-rule], a[data-line]');
  if (!a) return;
  e.preventDefault();
  if (a.dataset.rule) vscode.postMessage({ type: 'rule', id: a.dataset.rule });
  else vscode.postMessage({ type: 'line', line: Number(a.dataset.line) });
});`;

function nameOf(doc: vscode.TextDocument): string {
  return doc.isUntitled ? doc.uri.path : (vscode.workspace.asRelativePath(doc.uri, false) ?? doc.fileName);
}

/** One summary view, following one document. */
class SummaryView {
  static current: SummaryView | undefined;
  readonly panel: vscode.WebviewPanel;
  summary: QualitySummary | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    public doc: vscode.TextDocument,
  ) {
    this.panel = vscode.window.createWebviewPanel('csprLint.qualitySummary', 'Quality summary', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [],
    });
    this.panel.onDidDispose(() => this.dispose());
    this.panel.webview.onDidReceiveMessage((m: { type: string; id?: string; line?: number }) => this.onMessage(m), undefined, this.subscriptions);
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.doc.uri.toString())) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) this.panel.webview.html = page('Quality summary', '<h1>Quality summary</h1><p>The draft was closed.</p>');
      }),
    );
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  async refresh(): Promise<void> {
    const c = this.client();
    const name = nameOf(this.doc);
    this.panel.title = `Quality summary: ${name.split('/').pop()}`;
    if (!c?.isRunning()) {
      this.panel.webview.html = page('Quality summary', '<h1>Quality summary</h1><p>The checker is not running.</p>');
      return;
    }
    try {
      this.summary = (await c.sendRequest<QualitySummary | null>(REQUEST, { uri: c.code2ProtocolConverter.asUri(this.doc.uri) })) ?? undefined;
    } catch {
      this.summary = undefined;
    }
    const body = this.summary ? summaryHtml(this.summary, name) : '<h1>Quality summary</h1><p>The checker has not read this draft yet. Try again in a moment.</p>';
    this.panel.webview.html = page('Quality summary', body, nonce(), SCRIPT);
  }

  private async onMessage(m: { type: string; id?: string; line?: number }): Promise<void> {
    const name = nameOf(this.doc);
    if (m.type === 'copy' && this.summary) {
      await vscode.env.clipboard.writeText(summaryMarkdown(this.summary, name));
      void vscode.window.showInformationMessage('cspr-lint: the quality summary was copied.');
    } else if (m.type === 'open' && this.summary) {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: summaryMarkdown(this.summary, name) });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.Active);
    } else if (m.type === 'save' && this.summary) {
      // A standalone page with no script, to open in a browser and print.
      const base = name.split('/').pop()?.replace(/\.[^.]+$/, '') || 'draft';
      const target = await vscode.window.showSaveDialog({
        title: 'Save the quality summary as a web page',
        defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()), `${base}-quality-summary.html`),
        filters: { 'Web page': ['html'] },
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page(`Quality summary: ${name}`, summaryHtml(this.summary, name, { actions: false }))));
      void vscode.window.showInformationMessage(`cspr-lint: saved ${vscode.workspace.asRelativePath(target)}; open it in a browser to print it.`);
    } else if (m.type === 'problems') {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    } else if (m.type === 'rule' && m.id) {
      await vscode.commands.executeCommand('csprLint.showRuleDocumentation', m.id);
    } else if (m.type === 'line' && typeof m.line === 'number') {
      const editor = await vscode.window.showTextDocument(this.doc, vscode.ViewColumn.One);
      const pos = new vscode.Position(m.line, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    if (SummaryView.current === this) SummaryView.current = undefined;
  }
}

/** The command. Returns the summary it showed, for tests. */
export async function showQualitySummary(client: () => LanguageClient | undefined): Promise<QualitySummary | undefined> {
  const doc = vscode.window.activeTextEditor?.document ?? SummaryView.current?.doc;
  if (!doc || !isChecked(doc)) {
    void vscode.window.showInformationMessage('cspr-lint: open a review draft (Markdown or plain text) to see its quality summary.');
    return undefined;
  }
  let view = SummaryView.current;
  if (view) {
    view.doc = doc;
    view.panel.reveal(undefined, true);
  } else view = SummaryView.current = new SummaryView(client, doc);
  await view.refresh();
  return view.summary;
}

/** The open summary view's HTML, for tests. */
export function shownSummary(): string | undefined {
  return SummaryView.current?.panel.webview.html;
}
