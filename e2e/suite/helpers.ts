/** Shared helpers for the in-host tests: waiting on what the editor shows, never on fixed sleeps. */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Api } from '../../client/src/extension';

export const EXTENSION_ID = 'cspr-lint.cspr-lint';

/** Activates the extension and returns its test API. */
export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Polls `check` until it returns a value (not undefined/false), or fails after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The cspr-lint diagnostics of a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cspr-lint');
}

/** A diagnostic's rule id. */
export function code(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' && d.code ? d.code.value : d.code);
}

/** Waits until the document has a diagnostic of the rule (and returns it). */
export function diagnosticOf(uri: vscode.Uri, ruleId: string, ms?: number): Promise<vscode.Diagnostic> {
  return waitFor(`a ${ruleId} diagnostic on ${uri.toString()}`, () => ours(uri).find((d) => code(d) === ruleId), ms);
}

/** Waits until the document has no diagnostic of the rule. */
export function noDiagnosticOf(uri: vscode.Uri, ruleId: string, ms?: number): Promise<true> {
  return waitFor(`no ${ruleId} diagnostic on ${uri.toString()}`, () => !ours(uri).some((d) => code(d) === ruleId), ms);
}

/** The workspace folder's file. */
export function wsFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a document in an editor. */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** The pid of the language server: the extension host's child running dist/server.js (Linux). */
export function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('dist/server.js')) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** Closes every editor. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
