/**
 * The VS Code extension: starts the bundled language server and wires the status bar, the output
 * channel and the commands, each in its own module beside this one.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerWordPdf } from './commands/check-word-pdf';
import { COMMAND as DISABLE_REASON, writeDisableReason } from './commands/disable-reason';
import { COMMAND as FIX_ALL, fixAll } from './commands/fix-all';
import { COMMAND as NEW_DRAFT, newReviewDraft } from './commands/new-draft';
import { COMMAND as SUMMARY, showQualitySummary, shownSummary } from './commands/quality-summary';
import { COMMAND as RULE_DOCS, showRuleDocumentation, shownDocumentation } from './commands/rule-docs';
import type { RecordingChannel } from './log';
import { createLog } from './log';
import { createMiddleware } from './middleware';
import { Status } from './status';
import { PullWatchdog } from './watchdog';

/** What the extension exports, for its editor tests. */
export interface Api {
  client(): LanguageClient | undefined;
  status: Status;
  log: RecordingChannel;
  /** The HTML of the open views, for tests. */
  views: { ruleDocumentation(): string | undefined; qualitySummary(): string | undefined };
}

let client: LanguageClient | undefined;

/** Activates the extension. */
export function activate(context: vscode.ExtensionContext): Api {
  const log = createLog();
  const status = new Status();
  const watchdog = new PullWatchdog(() => client, log);
  const middleware = createMiddleware(status, watchdog);
  const fileEvents = vscode.workspace.createFileSystemWatcher('**/.cspr-lint.yaml');
  const start = async (): Promise<void> => {
    watchdog.reset();
    const c = createClient(context, log, middleware, fileEvents);
    client = c;
    c.onDidChangeState((e) => {
      status.running = e.newState === State.Running;
      log.info(`checker ${State[e.newState]?.toLowerCase() ?? e.newState}`);
      status.update();
    });
    try {
      await c.start();
    } catch (e) {
      log.info(`the checker could not start (${(e as Error).message})`);
    }
  };
  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    await old?.dispose().catch(() => undefined);
    await start();
  };
  context.subscriptions.push(
    log,
    status,
    watchdog,
    fileEvents,
    vscode.commands.registerCommand(RULE_DOCS, (id?: unknown) => showRuleDocumentation(context, id)),
    vscode.commands.registerCommand(NEW_DRAFT, (args?: object) => newReviewDraft(context, args)),
    vscode.commands.registerCommand(SUMMARY, () => showQualitySummary(() => client)),
    vscode.commands.registerCommand(FIX_ALL, () => fixAll()),
    vscode.commands.registerCommand(DISABLE_REASON, (uri: string, line: number, ruleId: string, reason?: string) => writeDisableReason(uri, line, ruleId, reason)),
    vscode.commands.registerCommand('csprLint.restart', restart),
    vscode.commands.registerCommand('csprLint.showOutput', () => log.show(true)),
    // Workspace configuration files are read only once the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
  );
  registerWordPdf(context, () => client);
  void start();
  return { client: () => client, status, log, views: { ruleDocumentation: shownDocumentation, qualitySummary: shownSummary } };
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
