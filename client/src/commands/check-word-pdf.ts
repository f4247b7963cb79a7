/**
 * "Check a Word or PDF review": reads a .docx or .pdf (chosen, or right-clicked in the Explorer)
 * through the language server, and opens its text read-only, where the checker's diagnostics,
 * hovers and Problems entries appear as for any draft. Fixes are not offered there, since the
 * original cannot be edited from VS Code; hovers show the suggested wording to make the change in
 * Word. PDF pages are marked in the text (`<!-- page 4 -->`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const COMMAND = 'csprLint.checkWordOrPdf';
/** The scheme of the read-only copies (also in the client's document selector). */
export const SCHEME = 'cspr-lint-extracted';
const REQUEST = 'csprLint/extractFile';

type Extracted = { ok: true; format: string; text: string; pageCount?: number; comments: number; warnings: string[] } | { ok: false; reason: string };

const texts = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

/** The read-only copy's address for a file: its path with .md added, the file's URI in the query. */
export function copyUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `${file.path}.md`, query: file.toString() });
}

/** Registers the read-only documents and the command. */
export function registerWordPdf(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '<!-- Run "cspr-lint: Check a Word or PDF review" again to read this file. -->\n',
    }),
    vscode.commands.registerCommand(COMMAND, (uri?: vscode.Uri) => checkWordOrPdf(client, uri)),
  );
}

/** The command. Resolves to the opened document, for tests. */
export async function checkWordOrPdf(client: () => LanguageClient | undefined, uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let file = uri instanceof vscode.Uri ? uri : undefined;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Check this review', filters: { 'Word or PDF': ['docx', 'pdf'] } });
    file = picked?.[0];
  }
  if (!file) return undefined;
  const c = client();
  if (!c?.isRunning()) {
    void vscode.window.showWarningMessage('cspr-lint: the checker is not running. Run "cspr-lint: Restart the checker" and try again.');
    return undefined;
  }
  const name = file.path.split('/').pop() ?? file.path;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `cspr-lint: reading ${name}` }, () => c.sendRequest<Extracted>(REQUEST, { uri: file!.toString() }));
  if (!result.ok) {
    void vscode.window.showWarningMessage(`cspr-lint: could not check ${name}: ${result.reason}.`);
    return undefined;
  }
  const target = copyUri(file);
  const header = `<!-- Read-only text of ${name}${result.pageCount ? ` (${result.pageCount} pages)` : ''}, read by cspr-lint. Make changes in the original; hovers show suggested wording. -->\n\n`;
  texts.set(target.toString(), header + result.text);
  changed.fire(target);
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  if (result.warnings.length) void vscode.window.showInformationMessage(`cspr-lint: ${name}: ${result.warnings.join('; ')}.`);
  return doc;
}
