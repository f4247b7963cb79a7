// A small LSP client for the benchmark: spawns the real server over stdio and speaks the real protocol,
// with the capabilities VS Code announces (pull diagnostics, configuration, refresh).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');

export const SERVER = join(import.meta.dirname, '..', 'bin', 'cspr-lint-server.js');

/** The Node.js flags the editor client starts the server with (client/src/server-flags.ts), read from there so both agree. */
export const SERVER_FLAGS = JSON.parse(
  /SERVER_NODE_FLAGS[^=]*=\s*(\[[^\]]*\])/.exec(readFileSync(join(import.meta.dirname, '..', 'client', 'src', 'server-flags.ts'), 'utf8'))[1].replace(/'/g, '"'),
);

/** Resident set size of a process in bytes (Linux /proc, else ps). */
export function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // Not Linux.
  }
  try {
    const out = require('node:child_process').execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
    return Number(out.trim()) * 1024;
  } catch {
    return NaN;
  }
}

/** A line index of a text, to turn offsets into LSP positions the way the editor does. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Starts the server and initialises it; resolves once `initialized` has been sent. */
export async function startServer({ settings = {} } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const state = { refreshes: 0, messages: [] };
  connection.onRequest(protocol.ConfigurationRequest.type, (p) => p.items.map(() => settings));
  connection.onRequest(protocol.RegistrationRequest.type, () => undefined);
  connection.onRequest(protocol.DiagnosticRefreshRequest.type, () => {
    state.refreshes++;
  });
  connection.onRequest(protocol.ShowMessageRequest.type, (p) => {
    state.messages.push(p.message);
    return null;
  });
  connection.onNotification(protocol.ShowMessageNotification.type, (p) => state.messages.push(p.message));
  connection.onNotification(protocol.LogMessageNotification.type, () => undefined);
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, () => undefined);
  connection.listen();
  await connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      textDocument: {
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        synchronization: { didSave: false, dynamicRegistration: false },
      },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
    },
  });
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  return {
    started,
    child,
    connection,
    state,
    stderr: () => stderr,
    open(uri, text, version = 1) {
      return connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    change(uri, version, changes) {
      return connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    },
    pull(uri, previousResultId, token) {
      return connection.sendRequest(protocol.DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }, token);
    },
    async stop() {
      try {
        await connection.sendRequest(protocol.ShutdownRequest.type);
        await connection.sendNotification(protocol.ExitNotification.type);
      } catch {
        // Already gone.
      }
      connection.dispose();
      child.kill();
    },
  };
}

export const CancellationTokenSource = protocol.CancellationTokenSource;
