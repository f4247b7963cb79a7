/**
 * Makes sure every visible draft gets analysed. The language client asks for diagnostics when a
 * document opens or changes, but it can miss one: a new untitled buffer that reuses the name of one
 * just closed, while a request for the old one is still in flight, is never asked about. Shortly
 * after a draft opens, changes or comes into view, this checks that the client asked about its
 * current version, and if not, asks again (once per version, never while a request is running).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentDiagnosticRequest } from 'vscode-languageclient/node';
import { isChecked } from './client';
import type { RecordingChannel } from './log';

const CHECK_AFTER_MS = 1500;

export class PullWatchdog implements vscode.Disposable {
  private readonly pulled = new Map<string, number>();
  private readonly running = new Map<string, number>();
  private readonly nudged = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly log: RecordingChannel,
  ) {
    const schedule = (): void => this.schedule();
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument(schedule),
      vscode.workspace.onDidChangeTextDocument(schedule),
      vscode.window.onDidChangeVisibleTextEditors(schedule),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.pulled.delete(key);
        this.nudged.delete(key);
      }),
    ];
  }

  /** Call when a request for the document starts; the returned function when it has answered. */
  requested(document: vscode.TextDocument | vscode.Uri): (answered: boolean) => void {
    const key = (document instanceof vscode.Uri ? document : document.uri).toString();
    const version = document instanceof vscode.Uri ? undefined : document.version;
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    return (answered) => {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
      if (answered && version !== undefined) this.pulled.set(key, version);
    };
  }

  /** Forgets everything, for a new language client. */
  reset(): void {
    this.pulled.clear();
    this.running.clear();
    this.nudged.clear();
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), CHECK_AFTER_MS);
  }

  /** The visible drafts whose current version was never asked about. */
  missed(): vscode.TextDocument[] {
    return vscode.window.visibleTextEditors
      .map((e) => e.document)
      .filter((d, i, all) => all.indexOf(d) === i && isChecked(d))
      .filter((d) => {
        const key = d.uri.toString();
        return !this.running.has(key) && this.pulled.get(key) !== d.version && this.nudged.get(key) !== d.version;
      });
  }

  private check(): void {
    const c = this.client();
    if (!c?.isRunning()) return;
    const missed = this.missed();
    if (missed.length === 0) return;
    for (const d of missed) this.nudged.set(d.uri.toString(), d.version);
    this.log.info(`asking again for the findings of ${missed.length} open draft${missed.length === 1 ? '' : 's'}`);
    c.getFeature(DocumentDiagnosticRequest.method)?.refresh();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
  }
}
