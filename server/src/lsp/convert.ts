/** Only this module converts core findings to LSP types. */
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity } from '../core/types';

/** What each diagnostic carries in `data`, so code actions need no server-side state. */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  fixes: { title: string; kind: Fix['kind']; edits: TextEdit[] }[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** An offset span as an LSP range. */
export function toRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** A finding as an LSP diagnostic. */
export function toDiagnostic(doc: TextDocument, f: Finding, docUri: (id: string) => string): Diagnostic {
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    version: doc.version,
    fixes: f.fixes.map((x) => ({ title: x.title, kind: x.kind, edits: x.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.text })) })),
  };
  return {
    range: toRange(doc, f.span.start, f.span.end),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: docUri(f.ruleId) },
    source: 'cspr-lint',
    message: f.message,
    data,
  };
}

/** The quick fixes a diagnostic's data offers, one per fix. */
export function toQuickFixes(uri: string, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data?.fixes) return [];
  const onlySafe = data.fixes.length === 1 && data.fixes[0]!.kind === 'safe';
  return data.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: onlySafe,
    edit: { changes: { [uri]: fix.edits } },
  }));
}
