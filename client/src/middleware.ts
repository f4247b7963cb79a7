/**
 * What the VS Code client adds on top of the server's answers: the status bar's "checking" state,
 * a prompt for the reason when switching a check off, and rule links in hovers that open the
 * documentation view rather than the raw file.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { withReasonPrompt } from './commands/disable-reason';
import { COMMAND as SHOW_RULE } from './commands/rule-docs';
import type { Status } from './status';
import type { PullWatchdog } from './watchdog';

const DOC_LINK = /\]\((file:[^)\s]*?\/rules\/docs\/([a-z0-9-]+)\.md)\)/g;

/** Rewrites rule documentation links in a hover to open the documentation view. */
export function rewriteHover(hover: vscode.Hover): vscode.Hover {
  for (const c of hover.contents) {
    if (!(c instanceof vscode.MarkdownString) || !DOC_LINK.test(c.value)) continue;
    c.value = c.value.replace(DOC_LINK, (_all, _href: string, id: string) => `](command:${SHOW_RULE}?${encodeURIComponent(JSON.stringify([id]))} "Open the rule documentation")`);
    c.isTrusted = { enabledCommands: [SHOW_RULE] };
  }
  return hover;
}

/** The middleware for the language client. */
export function createMiddleware(status: Status, watchdog: PullWatchdog): Middleware {
  return {
    async provideDiagnostics(document, previousResultId, token, next) {
      const uri = document instanceof vscode.Uri ? document : document.uri;
      const done = status.analysing(uri);
      const answered = watchdog.requested(document);
      let ok = false;
      try {
        const report = await next(document, previousResultId, token);
        ok = !token.isCancellationRequested;
        return report;
      } finally {
        done();
        answered(ok);
      }
    },
    async provideCodeActions(document, range, context, token, next) {
      return withReasonPrompt(await next(document, range, context, token), document.uri);
    },
    async provideHover(document, position, token, next) {
      const hover = await next(document, position, token);
      return hover ? rewriteHover(hover) : hover;
    },
  };
}
