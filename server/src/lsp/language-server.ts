/**
 * The language server: wires LSP requests to the engine. It holds no rule logic; findings come from
 * core and are converted in convert.ts. Document text is never written to the log.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CodeAction,
  CodeActionParams,
  Connection,
  Diagnostic,
  DocumentDiagnosticReport,
  Hover,
  InitializeParams,
  InitializeResult,
  TextEdit,
} from 'vscode-languageserver';
import { CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../config';
import { mergeSettings, parseConfigFile } from '../config';
import { DISABLE_REASON_PLACEHOLDER } from '../core/checks/disable-comments';
import { safeEdits } from '../core/fixes';
import type { LintResult } from '../core/linter';
import type { Engine } from '../engine';
import { createEngine } from '../engine';
import type { DiagnosticData } from './convert';
import { toDiagnostic, toQuickFixes, toRange } from './convert';
import { hoverFor } from './hover';
import { fromEditorSettings } from './settings';
import type { QualitySummaryParams } from './summary';
import { QUALITY_SUMMARY_REQUEST, qualitySummary } from './summary';

/** The code action kind for applying every safe fix, for fix-on-save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cspr-lint`;
const CONFIG_FILE = '.cspr-lint.yaml';
const LEVELS = { off: 0, error: 1, info: 2, verbose: 3 } as const;

interface Cached {
  version: number;
  generation: number;
  result: LintResult;
  diagnostics: Diagnostic[];
}

/** Starts serving on a connection. */
export function startServer(connection: Connection, engine: Engine = createEngine()): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Cached>();
  const configCache = new Map<string, { mtime: number; read: ReturnType<typeof parseConfigFile> } | null>();
  const shownErrors = new Set<string>();
  let editorSettings: Partial<Settings> = {};
  let generation = 0;
  let pull = false;
  let configurationRequests = false;
  let trusted = true;
  let workspaceRoots: string[] = [];
  const pushTimers = new Map<string, NodeJS.Timeout>();

  const log = (level: keyof typeof LEVELS, message: string): void => {
    const current = mergeSettings(editorSettings).logLevel;
    if (LEVELS[level] <= LEVELS[current] && level !== 'off') connection.console.log(`[${level}] ${message}`);
  };
  const warnOnce = (message: string): void => {
    if (shownErrors.has(message)) return;
    shownErrors.add(message);
    log('error', message);
    void connection.window.showWarningMessage(`cspr-lint: ${message}`);
  };

  /** The nearest `.cspr-lint.yaml` between the document's folder and its workspace root. */
  const workspaceConfigFor = (uri: string): Partial<Settings> => {
    if (!trusted || !uri.startsWith('file:')) return {};
    let dir: string;
    try {
      dir = dirname(fileURLToPath(uri));
    } catch {
      return {};
    }
    const root = workspaceRoots.find((r) => dir.startsWith(r));
    for (let i = 0; i < 30; i++) {
      const file = join(dir, CONFIG_FILE);
      let entry = configCache.get(file);
      if (entry === undefined) {
        entry = null;
        if (existsSync(file)) {
          try {
            const mtime = statSync(file).mtimeMs;
            entry = { mtime, read: parseConfigFile(readFileSync(file, 'utf8'), file) };
          } catch (e) {
            entry = { mtime: 0, read: { settings: {}, errors: [`${file}: could not be read (${(e as Error).message}); defaults are used.`] } };
          }
        }
        configCache.set(file, entry);
      }
      if (entry) {
        entry.read.errors.forEach(warnOnce);
        return entry.read.settings;
      }
      const parent = dirname(dir);
      if (parent === dir || (root && dir === root) || !root) break;
      dir = parent;
    }
    return {};
  };

  const settingsFor = (uri: string): Settings => mergeSettings(editorSettings, workspaceConfigFor(uri));

  const lintDocument = (doc: TextDocument): Cached => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === generation) return hit;
    const settings = settingsFor(doc.uri);
    const language = doc.languageId === 'plaintext' ? 'plaintext' : 'markdown';
    const started = Date.now();
    const result = settings.enable
      ? engine.lint(doc.getText(), language, settings)
      : { findings: [], document: undefined as unknown as LintResult['document'], reviewType: undefined };
    const diagnostics = result.findings.map((f) => toDiagnostic(doc, f, engine.docUri));
    log('verbose', `analysed a document of ${doc.getText().length} characters in ${Date.now() - started} ms: ${diagnostics.length} findings`);
    const entry = { version: doc.version, generation, result, diagnostics };
    cache.set(doc.uri, entry);
    return entry;
  };

  const push = (doc: TextDocument): void => {
    if (pull) return;
    clearTimeout(pushTimers.get(doc.uri));
    // Coalesce bursts of typing into one analysis.
    pushTimers.set(
      doc.uri,
      setTimeout(() => {
        pushTimers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: lintDocument(current).diagnostics });
      }, 30),
    );
  };

  const refreshAll = (): void => {
    generation++;
    configCache.clear();
    if (pull) void connection.languages.diagnostics.refresh();
    else documents.all().forEach(push);
  };

  const fetchEditorSettings = async (): Promise<void> => {
    if (!configurationRequests) return;
    try {
      const section = (await connection.workspace.getConfiguration('csprLint')) as unknown;
      const read = fromEditorSettings(section);
      read.errors.forEach(warnOnce);
      editorSettings = read.settings;
    } catch (e) {
      log('error', `could not read the editor settings (${(e as Error).message}); defaults are used`);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    configurationRequests = !!caps.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown };
    trusted = init.trusted !== false;
    if (init.settings) editorSettings = fromEditorSettings(init.settings).settings;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceRoots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        ...(pull ? { diagnosticProvider: { identifier: 'cspr-lint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'cspr-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    engine.loadErrors.forEach((e) => warnOnce(`a rule file has a problem and was skipped: ${e}`));
    if (configurationRequests) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'csprLint' }).catch(() => undefined);
      await fetchEditorSettings();
      refreshAll();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationRequests) await fetchEditorSettings();
    else {
      const read = fromEditorSettings((change.settings as { csprLint?: unknown } | undefined)?.csprLint);
      read.errors.forEach(warnOnce);
      editorSettings = read.settings;
    }
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(() => refreshAll());

  documents.onDidOpen((e) => push(e.document));
  documents.onDidChangeContent((e) => push(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    pushTimers.delete(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token): DocumentDiagnosticReport => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${doc.version}:${generation}`;
    if (params.previousResultId === resultId && cache.get(doc.uri)?.version === doc.version) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    }
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: lintDocument(doc).diagnostics };
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source);
    const entry = lintDocument(doc);
    const edits = (): TextEdit[] =>
      safeEdits(entry.result.findings)
        .sort((a, b) => a.start - b.start)
        .filter((e, i, all) => i === 0 || e.start >= all[i - 1]!.end)
        .map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.text }));
    if (wantsFixAll) {
      const all = edits();
      if (all.length > 0) actions.push({ title: 'Fix all safe problems (cspr-lint)', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: all } } });
      return actions;
    }
    const settings = settingsFor(doc.uri);
    const disabledLines = new Set<string>();
    for (const d of params.context.diagnostics) {
      if (d.source !== 'cspr-lint') continue;
      actions.push(...toQuickFixes(doc.uri, d));
      const data = d.data as DiagnosticData | undefined;
      const ruleId = data?.ruleId ?? String(d.code ?? '');
      const key = `${ruleId}:${d.range.start.line}`;
      if (settings.allowInlineDisable && ruleId && !disabledLines.has(key) && ruleId !== 'disable-comment-reason') {
        disabledLines.add(key);
        const line = d.range.start.line;
        const indent = /^[ \t]*/.exec(doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))?.[0] ?? '';
        actions.push({
          title: `Switch off ${ruleId} for this line, with a reason`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- cspr-lint-disable-next-line ${ruleId} -- ${DISABLE_REASON_PLACEHOLDER} -->\n` }] } },
        });
      }
    }
    const safeCount = entry.result.findings.filter((f) => f.fixes.some((x) => x.kind === 'safe')).length;
    if (safeCount > 1 && actions.length > 0) {
      actions.push({ title: `Fix all ${safeCount} safe problems in this file`, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits() } } });
    }
    return actions;
  });

  connection.onHover((params): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(params.position);
    const findings = lintDocument(doc).result.findings.filter((f) => f.span.start <= offset && offset <= f.span.end && f.span.end > f.span.start);
    if (findings.length === 0) return null;
    return hoverFor(doc, findings, engine);
  });

  // Counts by category and section for the editor's quality summary view (client/src/commands).
  connection.onRequest(QUALITY_SUMMARY_REQUEST, (params: QualitySummaryParams) => {
    const doc = documents.get(params.uri);
    return doc ? qualitySummary(doc, lintDocument(doc).result, engine) : null;
  });

  connection.onShutdown(() => {
    pushTimers.forEach((t) => clearTimeout(t));
  });

  documents.listen(connection);
  connection.listen();
}
