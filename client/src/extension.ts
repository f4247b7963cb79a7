/** The VS Code extension: starts the bundled language server and adds a status bar count and a docs command. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function countFindings(uri: vscode.Uri | undefined): number {
  if (!uri) return 0;
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cspr-lint').length;
}

/** Opens a rule's documentation page, bundled with the extension, in the Markdown preview. */
async function showRuleDocumentation(context: vscode.ExtensionContext, ruleId?: unknown): Promise<void> {
  const docsDir = context.asAbsolutePath(path.join('rules', 'docs'));
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const files = (await vscode.workspace.fs.readDirectory(vscode.Uri.file(docsDir))).map(([n]) => n).filter((n) => n.endsWith('.md') && n !== 'README.md');
    id = await vscode.window.showQuickPick(files.map((f) => f.replace(/\.md$/, '')).sort(), { placeHolder: 'Choose a cspr-lint rule to read about' });
    if (!id) return;
  }
  const page = vscode.Uri.file(path.join(docsDir, `${id}.md`));
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

function startClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.cspr-lint.yaml') },
    // In an untrusted workspace the server ignores workspace configuration files.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    outputChannelName: 'cspr-lint',
  };
  const c = new LanguageClient('csprLint', 'cspr-lint', serverOptions, clientOptions);
  void c.start();
  return c;
}

/** Activates the extension. */
export function activate(context: vscode.ExtensionContext): void {
  client = startClient(context);
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const relevant = editor && ['markdown', 'plaintext'].includes(editor.document.languageId);
    if (!relevant) return status.hide();
    const n = countFindings(editor.document.uri);
    status.text = `$(checklist) cspr-lint: ${n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`}`;
    status.tooltip = 'Findings in this review draft. Click to open the Problems view.';
    status.show();
  };
  context.subscriptions.push(
    status,
    vscode.languages.onDidChangeDiagnostics(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand('csprLint.showRuleDocumentation', (id?: unknown) => showRuleDocumentation(context, id)),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = startClient(context);
    }),
  );
  update();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
