/** Output formats of the CLI: stylish for people, json (ESLint's shape) and SARIF 2.1.0 for tools. */
import { pathToFileURL } from 'node:url';
import type { Finding, RuleMeta, Severity } from '../core/types';
import { lineOf } from '../core/document/parse';

/** One checked file and its findings, with a way to turn offsets into 1-based lines and columns. */
export interface FileResult {
  filePath: string;
  findings: Finding[];
  text: string;
  lineStarts: readonly number[];
}

/** A position as 1-based line and column, counting UTF-16 code units. */
export function position(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineOf(lineStarts, offset);
  return { line: line + 1, column: offset - lineStarts[line]! + 1 };
}

/** Line starts of a text, treating CRLF, LF and lone CR as line ends. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function mergedEdit(text: string, edits: { start: number; end: number; text: string }[]): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  const end = Math.max(...sorted.map((e) => e.end));
  let out = '';
  let at = start;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { range: [start, end], text: out + text.slice(at, end) };
}

/** One file's entry of the JSON output; after this the file's text is no longer needed. */
export function jsonEntry(r: FileResult): JsonEntry {
  {
    {
      const messages = r.findings.map((f) => {
        const s = position(r.lineStarts, f.span.start);
        const e = position(r.lineStarts, f.span.end);
        const safe = f.fixes.find((x) => x.kind === 'safe');
        const suggestions = f.fixes.filter((x) => x !== safe);
        return {
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          message: f.message,
          line: s.line,
          column: s.column,
          endLine: e.line,
          endColumn: e.column,
          ...(safe ? { fix: mergedEdit(r.text, safe.edits) } : {}),
          ...(suggestions.length ? { suggestions: suggestions.map((x) => ({ desc: x.title, fix: mergedEdit(r.text, x.edits) })) } : {}),
        };
      });
      return {
        filePath: r.filePath,
        messages,
        errorCount: r.findings.filter((f) => f.severity === 'error').length,
        warningCount: r.findings.filter((f) => f.severity === 'warning').length,
      };
    }
  }
}

/** An entry of the JSON output. */
export interface JsonEntry {
  filePath: string;
  messages: unknown[];
  errorCount: number;
  warningCount: number;
}

/** ESLint-style JSON, exactly the documented shape. */
export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(results.map(jsonEntry), null, 2);
}

/**
 * Writes the JSON output one file at a time, byte for byte as `formatJson` would: `add` each entry
 * as its file is done, then `end`. Only one entry is held at a time.
 */
export function jsonWriter(write: (s: string) => void): { add(entry: JsonEntry): void; end(): void } {
  let count = 0;
  return {
    add(entry) {
      write(`${count++ === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ')}`);
    },
    end() {
      write(count === 0 ? '[]' : '\n]');
    },
  };
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'hint' };

/** Plain output for people: one line per finding, grouped by file, with a closing summary. */
export function formatStylish(results: readonly FileResult[], colour: boolean): string {
  let out = '';
  const w = stylishWriter((s) => (out += s), colour);
  for (const r of results) w.add(r);
  w.end();
  return out;
}

/**
 * Writes the stylish output one file at a time, exactly as `formatStylish` would: `add` each file as
 * it is done (its text can be dropped afterwards), then `end` for the summary.
 */
export function stylishWriter(write: (s: string) => void, colour: boolean): { add(r: FileResult): void; end(): void } {
  const paint = (code: string, s: string): string => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const tint: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let files = 0;
  let withFindings = 0;
  let started = false;
  return {
    add(r) {
      files++;
      if (r.findings.length === 0) return;
      withFindings++;
      const lines: string[] = [started ? '' : undefined, paint('4', r.filePath)].filter((x): x is string => x !== undefined);
      started = true;
      for (const f of r.findings) {
        counts[f.severity]++;
        const p = position(r.lineStarts, f.span.start);
        const where = `line ${p.line}, col ${p.column}`.padEnd(20);
        lines.push(`  ${paint('2', where)} ${paint(tint[f.severity], LABEL[f.severity].padEnd(7))} ${f.message} ${paint('2', `[${f.ruleId}]`)}`);
      }
      write(lines.join('\n') + '\n');
    },
    end() {
      const total = counts.error + counts.warning + counts.info + counts.hint;
      const parts = (Object.keys(counts) as Severity[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${LABEL[k]}${counts[k] === 1 ? '' : 's'}`);
      const lines = [started ? '' : undefined, total === 0 ? `No problems found in ${files} file${files === 1 ? '' : 's'}.` : `${total} finding${total === 1 ? '' : 's'} in ${withFindings} of ${files} file${files === 1 ? '' : 's'} (${parts.join(', ')}).`].filter((x): x is string => x !== undefined);
      if (total > 0) lines.push('Each finding names its rule in [brackets]; `npx cspr-lint --explain RULE` explains it.');
      write(lines.join('\n') + '\n');
    },
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning tools; columns are counted in UTF-16 code units, as the run says. */
export function formatSarif(results: readonly FileResult[], rules: readonly RuleMeta[], version: string): string {
  const w = sarifWriter(rules, version);
  for (const r of results) w.add(r);
  return w.end();
}

/**
 * Builds the SARIF log one file at a time: `add` turns a file's findings into SARIF results at once
 * (so its text can go), `end` returns the log, exactly as `formatSarif` would.
 */
export function sarifWriter(rules: readonly RuleMeta[], version: string): { add(r: FileResult): void; end(): string } {
  // Rule indices in order of first use, as the log lists its rules.
  const index = new Map<string, number>();
  const results: unknown[] = [];
  const uriOf = (p: string): string => (p === '<stdin>' ? 'stdin' : /^[a-z]+:/i.test(p) ? p : p.startsWith('/') ? pathToFileURL(p).href : p.split('\\').join('/'));
  return {
    add(r) {
      for (const f of r.findings) if (!index.has(f.ruleId)) index.set(f.ruleId, index.size);
      for (const f of r.findings) {
        const s = position(r.lineStarts, f.span.start);
        const e = position(r.lineStarts, f.span.end);
        results.push({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId)!,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(r.filePath) },
                region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, charOffset: f.span.start, charLength: f.span.end - f.span.start },
              },
            },
          ],
          properties: { category: f.category },
        });
      }
    },
    end() {
      const byId = new Map(rules.map((r) => [r.id, r]));
      const log = {
        version: '2.1.0',
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        runs: [
          {
            tool: {
              driver: {
                name: 'cspr-lint',
                version,
                informationUri: 'https://github.com/cspr-lint/cspr-lint',
                rules: [...index.keys()].map((id) => {
                  const m = byId.get(id);
                  return {
                    id,
                    shortDescription: { text: m?.summary ?? id },
                    fullDescription: { text: (m?.rationale ?? m?.summary ?? id).trim() },
                    help: { text: [m?.rationale?.trim(), m?.good ? `What good looks like: ${m.good}` : ''].filter(Boolean).join('\n\n') || id },
                    defaultConfiguration: { level: SARIF_LEVEL[m?.severity ?? 'warning'] },
                    properties: { category: m?.category ?? 'housekeeping' },
                  };
                }),
              },
            },
            columnKind: 'utf16CodeUnits',
            results,
          },
        ],
      };
      return JSON.stringify(log, null, 2);
    },
  };
}
