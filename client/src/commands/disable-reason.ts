/**
 * "Switch off … for this line, with a reason": the server's quick fix inserts a disable comment
 * with a placeholder reason; here VS Code then asks for the reason and writes it in. If the author
 * presses Escape, the placeholder is selected so they can type over it.
 */
import * as vscode from 'vscode';

/** The placeholder the server writes (server/src/core/checks/disable-comments.ts). */
export const PLACEHOLDER = 'give your reason here';
export const COMMAND = 'csprLint.writeDisableReason';

/** Makes a reason safe inside an HTML comment on one line. */
export function cleanReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').replace(/-->/g, '- ->').replace(/--/g, '–').trim();
}

/** Adds the ask-for-a-reason step to the server's "Switch off" code actions. */
export function withReasonPrompt(actions: (vscode.Command | vscode.CodeAction)[] | null | undefined, uri: vscode.Uri): typeof actions {
  if (!actions) return actions;
  for (const a of actions) {
    if (!(a instanceof vscode.CodeAction) || !a.edit || !a.title.startsWith('Switch off ')) continue;
    const inserted = a.edit.get(uri).find((e) => e.newText.includes(PLACEHOLDER));
    if (!inserted) continue;
    const ruleId = /cspr-lint-disable-next-line (\S+)/.exec(inserted.newText)?.[1] ?? '';
    a.command = { title: 'Write the reason', command: COMMAND, arguments: [uri.toString(), inserted.range.start.line, ruleId] };
  }
  return actions;
}

/** The command: asks for the reason (or takes it as an argument) and replaces the placeholder. */
export async function writeDisableReason(uriString: string, line: number, ruleId: string, given?: string): Promise<boolean> {
  const uri = vscode.Uri.parse(uriString);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc || line >= doc.lineCount) return false;
  const at = doc.lineAt(line).text.indexOf(PLACEHOLDER);
  if (at < 0) return false;
  const range = new vscode.Range(line, at, line, at + PLACEHOLDER.length);
  const reason =
    given ??
    (await vscode.window.showInputBox({
      title: `Why switch off ${ruleId || 'this check'} here?`,
      prompt: 'Editors and the Panel will read this reason, for example "direct quotation from the strategy meeting minutes".',
      placeHolder: 'Your reason',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? 'Please write a reason, or press Escape to type it in the draft.' : undefined),
    }));
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  if (!reason || !cleanReason(reason)) {
    if (editor) {
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range);
    }
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, cleanReason(reason));
  return vscode.workspace.applyEdit(edit);
}
