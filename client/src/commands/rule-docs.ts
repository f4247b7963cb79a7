/**
 * "Show rule documentation": the rule pages in rules/docs (shipped with the extension), rendered
 * offline in a view with the editor's colours. Links between rule pages stay in the view.
 */
import * as vscode from 'vscode';
import { renderMarkdown } from '../markdown';
import { nonce, page } from '../webview';

export const COMMAND = 'csprLint.showRuleDocumentation';

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.body.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-rule]');
  if (!a) return;
  e.preventDefault();
  vscode.postMessage({ type: 'rule', id: a.dataset.rule });
});`;

let panel: vscode.WebviewPanel | undefined;

async function read(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The rules with a documentation page, with their one-line summaries. */
export async function listRules(docsDir: vscode.Uri): Promise<{ id: string; summary: string }[]> {
  const entries = await vscode.workspace.fs.readDirectory(docsDir);
  const ids = entries.map(([n]) => n).filter((n) => n.endsWith('.md') && n !== 'README.md').map((n) => n.slice(0, -3)).sort();
  return Promise.all(
    ids.map(async (id) => {
      const text = (await read(vscode.Uri.joinPath(docsDir, `${id}.md`))) ?? '';
      const summary = text.split('\n').find((l, i) => i > 0 && l.trim() !== '' && !l.startsWith('#')) ?? '';
      return { id, summary: summary.trim() };
    }),
  );
}

/** Opens a rule's page (or the index with `README`); asks which rule when none is given. Returns the id shown. */
export async function showRuleDocumentation(context: vscode.ExtensionContext, ruleId?: unknown): Promise<string | undefined> {
  const docsDir = vscode.Uri.joinPath(context.extensionUri, 'rules', 'docs');
  let id = typeof ruleId === 'string' ? ruleId : Array.isArray(ruleId) && typeof ruleId[0] === 'string' ? ruleId[0] : undefined;
  if (!id) {
    const rules = await listRules(docsDir);
    const picked = await vscode.window.showQuickPick(
      [{ label: 'All rules', description: 'the index, by category', id: 'README' }, ...rules.map((r) => ({ label: r.id, description: r.summary, id: r.id }))],
      { placeHolder: 'Choose a cspr-lint rule to read about', matchOnDescription: true },
    );
    if (!picked) return undefined;
    id = picked.id;
  }
  if (!/^[A-Za-z0-9-]+$/.test(id)) return undefined;
  const md = await read(vscode.Uri.joinPath(docsDir, `${id}.md`));
  const body = md ? renderMarkdown(md) : `<h1>${id}</h1><p>There is no documentation page for this rule.</p>`;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('csprLint.ruleDocumentation', 'cspr-lint rule', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage((m: { type: string; id?: string }) => {
      if (m.type === 'rule' && m.id) void showRuleDocumentation(context, m.id);
    });
  } else panel.reveal(undefined, false);
  panel.title = id === 'README' ? 'cspr-lint rules' : `cspr-lint rule: ${id}`;
  panel.webview.html = page(panel.title, body, nonce(), SCRIPT);
  return id;
}

/** The open documentation view's HTML, for tests. */
export function shownDocumentation(): string | undefined {
  return panel?.webview.html;
}
