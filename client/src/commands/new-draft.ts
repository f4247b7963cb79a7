/** "New review draft": a new, untitled Markdown draft from a template, with placeholders to fill in. */
import * as vscode from 'vscode';
import type { DraftTemplate } from '../templates';
import { fillTemplate, pseudonymProblem, TEMPLATES } from '../templates';

export const COMMAND = 'csprLint.newReviewDraft';

/** Arguments (for tests and keybindings): skip the questions. */
export interface NewDraftArgs {
  reviewType?: DraftTemplate['id'];
  pseudonym?: string;
}

/** The command. Returns the new document, or undefined when the author cancelled. */
export async function newReviewDraft(context: vscode.ExtensionContext, args: NewDraftArgs = {}): Promise<vscode.TextDocument | undefined> {
  let template = TEMPLATES.find((t) => t.id === args.reviewType);
  if (!template) {
    const picked = await vscode.window.showQuickPick(
      TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
      { title: 'New review draft', placeHolder: 'Which kind of review is this?' },
    );
    if (!picked) return undefined;
    template = picked.template;
  }
  let pseudonym = args.pseudonym;
  if (pseudonym === undefined || pseudonymProblem(pseudonym)) {
    pseudonym = await vscode.window.showInputBox({
      title: 'New review draft',
      prompt: 'The pseudonym the review uses for the child (never their real name).',
      value: 'Child A',
      validateInput: (v) => pseudonymProblem(v),
    });
    if (pseudonym === undefined) return undefined;
  }
  const file = vscode.Uri.joinPath(context.extensionUri, 'client', 'templates', template.file);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: fillTemplate(text, { pseudonym }) });
  const editor = await vscode.window.showTextDocument(doc);
  // Put the cursor on the first placeholder.
  const first = doc.getText().indexOf('*[To write');
  if (first >= 0) {
    const start = doc.positionAt(first);
    const end = doc.lineAt(start.line).range.end;
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end));
  }
  return doc;
}
