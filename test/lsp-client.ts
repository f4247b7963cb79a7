/** A minimal LSP client for tests: starts the real server over stdio and speaks the real protocol. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ClientCapabilities, Diagnostic, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticRefreshRequest,
  ShutdownRequest,
  ExitNotification,
  LogMessageNotification,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', 'bin', 'cspr-lint-server.js');

/** A running server and the connection to it. */
export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  messages: string[];
  logs: string[];
  stderr: () => string;
  pushed: PublishDiagnosticsParams[];
  refreshes: number;
  settings: Record<string, unknown>;
  open(uri: string, text: string, languageId?: string): Promise<void>;
  pull(uri: string, previousResultId?: string): Promise<{ kind: string; items?: Diagnostic[]; resultId?: string }>;
  waitFor<T>(check: () => T | undefined, ms?: number): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the server; `pull` chooses pull diagnostics (LSP 3.17) or push. */
export async function startServer(options: { pull?: boolean; configuration?: boolean; rootUri?: string | null; initializationOptions?: unknown; env?: NodeJS.ProcessEnv; serverPath?: string } = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [options.serverPath ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server: TestServer = {
    connection,
    process: child,
    messages: [],
    logs: [],
    stderr: () => stderr,
    pushed: [],
    refreshes: 0,
    settings: {},
    async open(uri, text, languageId = 'markdown') {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    async pull(uri, previousResultId) {
      return (await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) })) as never;
    },
    async waitFor(check, ms = 10_000) {
      const until = Date.now() + ms;
      for (;;) {
        const v = check();
        if (v !== undefined && v !== false) return v;
        if (Date.now() > until) throw new Error('timed out waiting for the server');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // The server may already be gone.
      }
      connection.dispose();
      child.kill();
    },
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
    server.pushed.push(p);
  });
  connection.onNotification(ShowMessageNotification.type, (p: { message: string }) => {
    server.messages.push(p.message);
  });
  connection.onNotification(LogMessageNotification.type, (p: { message: string }) => {
    server.logs.push(p.message);
  });
  connection.onRequest(ShowMessageRequest.type, (p) => {
    server.messages.push(p.message);
    return null;
  });
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => server.settings));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(DiagnosticRefreshRequest.type, () => {
    server.refreshes++;
  });
  connection.listen();
  const capabilities: ClientCapabilities = {
    textDocument: {
      ...(options.pull !== false ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      synchronization: { didSave: false },
    },
    workspace: { configuration: options.configuration ?? false, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  };
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return server;
}

export { DidChangeTextDocumentNotification, DidChangeConfigurationNotification };
