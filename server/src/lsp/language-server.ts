/**
 * The language server: wires LSP requests to the engine. It holds no rule logic; findings come from
 * core and are converted in convert.ts. Document text is never written to the log.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
import { CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
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
import { isReadOnlyCopy, registerExtractRequest } from './extract-request';
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
  /** Names this set of diagnostics for pull requests; kept while a new analysis gives the same set. */
  resultId: string;
  /** How long the analysis took, to decide whether pushing should wait for typing to pause. */
  ms: number;
}

/** True when two diagnostics say the same thing at the same place (`data.version` aside, which nothing reads). */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a.message !== b.message || a.code !== b.code || a.severity !== b.severity) return false;
  const r = a.range;
  const q = b.range;
  if (r.start.line !== q.start.line || r.start.character !== q.start.character || r.end.line !== q.end.line || r.end.character !== q.end.character) return false;
  const fa = (a.data as DiagnosticData | undefined)?.fixes ?? [];
  const fb = (b.data as DiagnosticData | undefined)?.fixes ?? [];
  return fa.length === fb.length && fa.every((f, i) => JSON.stringify(f) === JSON.stringify(fb[i]));
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => sameDiagnostic(d, b[i]!));
}

/**
 * Collects garbage while the author pauses, so that collection rarely falls inside the time between
 * a keystroke and its diagnostics: short-lived objects 20 ms after an analysis, and everything after
 * a second without one, which also gives memory back. Off with CSPR_LINT_IDLE_GC=0.
 */
function idleCollector(): () => void {
  type Collect = (options: { type: 'minor' | 'major' }) => void;
  const enabled = process.env.CSPR_LINT_IDLE_GC !== '0';
  // Made on first use, in a pause: creating the context that exposes gc takes tens of milliseconds,
  // which would otherwise delay the first diagnostics.
  let collect: Collect | null | undefined;
  const collector = (): Collect | null => {
    if (collect === undefined) {
      try {
        setFlagsFromString('--expose-gc');
        collect = runInNewContext('gc') as Collect;
      } catch {
        collect = null;
      }
    }
    return collect;
  };
  let minor: NodeJS.Timeout | undefined;
  let major: NodeJS.Timeout | undefined;
  return () => {
    if (!enabled || collect === null) return;
    clearTimeout(minor);
    clearTimeout(major);
    minor = setTimeout(() => collector()?.({ type: 'minor' }), 20);
    major = setTimeout(() => collector()?.({ type: 'major' }), 1000);
    minor.unref();
    major.unref();
  };
}

/** Waits until the messages already received (a newer edit, a cancellation) have been handled. */
const yieldToQueue = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

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
  // Result ids are unique to this run of the server, so a client never matches one from an earlier run.
  const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  let resultCount = 0;
  const collectWhenIdle = idleCollector();
  // Diagnostics requests wait until the editor's settings have been read, so the first answer is right.
  let settingsLoaded: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));

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
    const started = performance.now();
    const text = doc.getText();
    // The previous analysis of this document lets the linter find unchanged paragraphs by position.
    const result = settings.enable
      ? engine.lint(text, language, settings, undefined, hit?.result.document ? hit.result : undefined)
      : { findings: [], document: undefined as unknown as LintResult['document'], reviewType: undefined };
    const diagnostics = result.findings.map((f) => toDiagnostic(doc, f, engine.docUri));
    // Same diagnostics as last time (an edit elsewhere, a setting that does not touch this file): same result id.
    const same = hit && sameDiagnostics(hit.diagnostics, diagnostics);
    const ms = performance.now() - started;
    log('verbose', `analysed a document of ${text.length} characters in ${ms.toFixed(1)} ms: ${diagnostics.length} findings${same ? ', unchanged' : ''}`);
    const entry: Cached = { version: doc.version, generation, result, diagnostics: same ? hit.diagnostics : diagnostics, resultId: same ? hit.resultId : `${runId}.${++resultCount}`, ms };
    cache.set(doc.uri, entry);
    collectWhenIdle();
    return entry;
  };

  const pushed = new Map<string, string>();
  const push = (doc: TextDocument): void => {
    if (pull) return;
    clearTimeout(pushTimers.get(doc.uri));
    // Coalesce bursts of typing into one analysis. When analysis is quick, wait only for the changes
    // already received; when it is slow, wait as long as one analysis takes (at most 150 ms) for typing to pause.
    const last = cache.get(doc.uri)?.ms ?? 0;
    pushTimers.set(
      doc.uri,
      setTimeout(
        () => {
          pushTimers.delete(doc.uri);
          const current = documents.get(doc.uri);
          if (!current) return;
          const entry = lintDocument(current);
          // Nothing new to say: the editor already shows these diagnostics.
          if (pushed.get(current.uri) === entry.resultId) return;
          pushed.set(current.uri, entry.resultId);
          void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: entry.diagnostics });
        },
        last < 15 ? 0 : Math.min(150, last),
      ),
    );
  };

  const refreshAll = (): void => {
    // Every document is analysed again; those whose diagnostics stay the same keep their result id.
    generation++;
    configCache.clear();
    if (pull) void connection.languages.diagnostics.refresh();
    else documents.all().forEach(push);
  };

  /** Reads the editor's settings; true when they differ from those in use. */
  const fetchEditorSettings = async (): Promise<boolean> => {
    if (!configurationRequests) return false;
    try {
      const section = (await connection.workspace.getConfiguration('csprLint')) as unknown;
      const read = fromEditorSettings(section);
      read.errors.forEach(warnOnce);
      const changed = JSON.stringify(read.settings) !== JSON.stringify(editorSettings);
      editorSettings = read.settings;
      return changed;
    } catch (e) {
      log('error', `could not read the editor settings (${(e as Error).message}); defaults are used`);
      return false;
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
    // Never hold diagnostics back for long if the client does not answer the settings request.
    if (!configurationRequests) settingsLoaded();
    else setTimeout(() => settingsLoaded(), 2000).unref();
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
      const changed = await fetchEditorSettings();
      settingsLoaded();
      // Diagnostics asked for meanwhile waited for the settings; analyse again only if something used the defaults.
      if (changed && cache.size > 0) refreshAll();
    }
    settingsLoaded();
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
    pushed.delete(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    pushTimers.delete(e.document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    await settingsReady;
    // A newer edit, or the client cancelling this request, may already be waiting: let it through
    // first, so no analysis is spent on a version the editor has moved past.
    await yieldToQueue();
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const entry = lintDocument(doc);
    if (params.previousResultId === entry.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: entry.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: entry.resultId, items: entry.diagnostics };
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    // Text read from Word or PDF: the original cannot be edited here, so no fixes (hovers show the wording).
    if (isReadOnlyCopy(doc.uri)) return [];
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
    return hoverFor(doc, findings, engine, { suggestions: isReadOnlyCopy(doc.uri) });
  });

  // Counts by category and section for the editor's quality summary view (client/src/commands).
  connection.onRequest(QUALITY_SUMMARY_REQUEST, (params: QualitySummaryParams) => {
    const doc = documents.get(params.uri);
    return doc ? qualitySummary(doc, lintDocument(doc).result, engine) : null;
  });
  // Word and PDF files read into text for the editor's "Check a Word or PDF review" (client/src/commands).
  registerExtractRequest(connection);

  connection.onShutdown(() => {
    pushTimers.forEach((t) => clearTimeout(t));
  });

  documents.listen(connection);
  connection.listen();
}
