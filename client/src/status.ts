/**
 * The status bar item: how many findings the open draft has, "checking…" while the server works
 * on it, or that checking is off for this file. Clicking it opens the Problems view.
 */
import * as vscode from 'vscode';
import { isChecked } from './client';

/** How long an analysis must take before the item says "checking", so fast ones do not flicker. */
const BUSY_DELAY_MS = 300;
const FILE_OFF = /<!--\s*cspr-lint-disable(?:-file)?\s*(?:--[\s\S]*?)?-->/;

/** What the status bar item shows for a document. */
export type StatusState =
  | { kind: 'hidden' }
  | { kind: 'off'; why: 'setting' | 'comment' | 'too-large' | 'stopped' }
  | { kind: 'busy' }
  | { kind: 'count'; count: number; errors: number };

/** The item's text, tooltip and command for a state (pure, for tests). */
export function render(state: StatusState): { text: string; tooltip: string; command: string | vscode.Command } | undefined {
  const problems = 'workbench.actions.view.problems';
  switch (state.kind) {
    case 'hidden':
      return undefined;
    case 'busy':
      return { text: '$(sync~spin) cspr-lint: checking…', tooltip: 'cspr-lint is checking this draft.', command: problems };
    case 'off': {
      const tooltip = {
        setting: 'Checking is switched off (setting "csprLint.enable"). Click to open the setting.',
        comment: 'A cspr-lint-disable comment switches every check off for this file.',
        'too-large': 'This file is too large to check (setting "csprLint.maxDocumentSize").',
        stopped: 'The checker is not running. Run "cspr-lint: Restart the checker" to start it again.',
      }[state.why];
      const command = state.why === 'setting' ? { title: 'Open setting', command: 'workbench.action.openSettings', arguments: ['csprLint.enable'] } : problems;
      return { text: state.why === 'stopped' ? '$(error) cspr-lint: stopped' : '$(circle-slash) cspr-lint: off for this file', tooltip, command };
    }
    case 'count': {
      const n = state.count;
      const text = `$(checklist) cspr-lint: ${n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`}`;
      return { text, tooltip: 'Findings in this review draft. Click to open the Problems view.', command: problems };
    }
  }
}

/** The status bar item and what it needs to know. */
export class Status implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('csprLint.status', vscode.StatusBarAlignment.Left, 50);
  private readonly busy = new Map<string, number>();
  private readonly busyTimers = new Map<string, NodeJS.Timeout>();
  private readonly busyShown = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** False while the language server is not running. */
  running = true;
  /** The last state shown, for tests. */
  state: StatusState = { kind: 'hidden' };

  constructor() {
    this.item.name = 'cspr-lint';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('csprLint') && this.update()),
    );
    this.update();
  }

  /** Call when an analysis of `uri` starts; the returned function when it ends. */
  analysing(uri: vscode.Uri): () => void {
    const key = uri.toString();
    this.busy.set(key, (this.busy.get(key) ?? 0) + 1);
    if (!this.busyTimers.has(key)) {
      this.busyTimers.set(
        key,
        setTimeout(() => {
          this.busyTimers.delete(key);
          if (this.busy.get(key)) {
            this.busyShown.add(key);
            this.update();
          }
        }, BUSY_DELAY_MS),
      );
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.busy.get(key) ?? 1) - 1;
      if (left > 0) return void this.busy.set(key, left);
      this.busy.delete(key);
      clearTimeout(this.busyTimers.get(key));
      this.busyTimers.delete(key);
      if (this.busyShown.delete(key)) this.update();
    };
  }

  /** Works out the state for the active editor and shows it. */
  update(): void {
    this.state = this.compute();
    const shown = render(this.state);
    if (!shown) return this.item.hide();
    this.item.text = shown.text;
    this.item.tooltip = shown.tooltip;
    this.item.command = shown.command;
    this.item.show();
  }

  private compute(): StatusState {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isChecked(doc)) return { kind: 'hidden' };
    const config = vscode.workspace.getConfiguration('csprLint', doc);
    if (config.get<boolean>('enable') === false) return { kind: 'off', why: 'setting' };
    if (!this.running) return { kind: 'off', why: 'stopped' };
    const key = doc.uri.toString();
    if (this.busyShown.has(key)) return { kind: 'busy' };
    const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'cspr-lint');
    const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
    if (ours.some((d) => code(d) === 'document-too-large')) return { kind: 'off', why: 'too-large' };
    if (config.get<boolean>('allowInlineDisable') !== false && doc.lineCount > 0) {
      const text = doc.getText();
      if (text.includes('cspr-lint-disable') && FILE_OFF.test(text)) return { kind: 'off', why: 'comment' };
    }
    return { kind: 'count', count: ours.length, errors: ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length };
  }

  dispose(): void {
    this.busyTimers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
