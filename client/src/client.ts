/**
 * Starts the bundled language server and keeps it running: a server that stops unexpectedly is
 * restarted (up to five times in three minutes), and diagnostics come back on their own.
 */
import * as vscode from 'vscode';
import type { CloseHandlerResult, ErrorHandlerResult, LanguageClientOptions, Middleware, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import type { RecordingChannel } from './log';
import { SERVER_NODE_FLAGS } from './server-flags';

/** The languages and schemes the checker reads: saved files and untitled buffers. */
export const DOCUMENT_SELECTOR = [
  ...['markdown', 'plaintext'].flatMap((language) => ['file', 'untitled'].map((scheme) => ({ language, scheme }))),
  // Read-only text of a Word or PDF review (commands/check-word-pdf.ts).
  { language: 'markdown', scheme: 'cspr-lint-extracted' },
];

const RESTART_WINDOW_MS = 3 * 60_000;
const MAX_RESTARTS = 5;

/** Whether the checker reads this document. */
export function isChecked(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, doc) > 0;
}

/** Creates (but does not start) the language client. */
export function createClient(context: vscode.ExtensionContext, log: RecordingChannel, middleware: Middleware, fileEvents: vscode.FileSystemWatcher): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const restarts: number[] = [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { fileEvents },
    // In an untrusted workspace the server ignores workspace configuration files.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    outputChannel: log,
    // Show the output channel only when asked; never pop it up on a server message.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware,
    errorHandler: {
      error: (_error, _message, count): ErrorHandlerResult => {
        log.info(`the connection to the checker reported an error (${count ?? 1} in a row)`);
        return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
      },
      closed: (): CloseHandlerResult => {
        const now = Date.now();
        restarts.push(now);
        while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length > MAX_RESTARTS) {
          log.info('the checker stopped too often and was not restarted');
          return {
            action: CloseAction.DoNotRestart,
            message: 'cspr-lint: the checker stopped unexpectedly several times and has been switched off. Run "cspr-lint: Restart the checker" to try again.',
          };
        }
        log.info('the checker stopped unexpectedly; restarting it');
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };
  return new LanguageClient('csprLint', 'cspr-lint', serverOptions, clientOptions);
}
