/** "Fix all safe problems": applies every safe (mechanical) fix in the open draft; suggestions are never applied in bulk. */
import * as vscode from 'vscode';

export const COMMAND = 'csprLint.fixAll';
/** The code action kind the server offers, also for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('cspr-lint');

/** The command. Returns how many edits were applied. */
export async function fixAll(): Promise<number> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return 0;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND.value)) ?? [];
  const action = actions.find((a) => a.kind?.value === FIX_ALL_KIND.value && a.edit);
  const edits = action?.edit?.get(doc.uri).length ?? 0;
  if (!action?.edit || edits === 0) {
    void vscode.window.setStatusBarMessage('cspr-lint: no safe fixes to apply', 3000);
    return 0;
  }
  await vscode.workspace.applyEdit(action.edit);
  void vscode.window.setStatusBarMessage(`cspr-lint: applied ${edits} safe fix${edits === 1 ? '' : 'es'}`, 3000);
  return edits;
}
