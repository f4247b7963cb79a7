/** The hover shown over a flagged range: why it matters and what good wording looks like. */
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types';
import type { Engine } from '../engine';
import { toRange } from './convert';

/** Builds a Markdown hover for the findings under the cursor. */
export function hoverFor(doc: TextDocument, findings: readonly Finding[], engine: Engine, options: { suggestions?: boolean } = {}): Hover {
  const parts = findings.map((f) => {
    const meta = engine.linter.meta(f.ruleId);
    const lines = [`**${meta?.summary ?? f.ruleId}** (${f.ruleId})`, '', meta?.rationale.trim() ?? ''];
    if (meta?.good) lines.push('', `*What good looks like:* ${meta.good}`);
    // Text read from Word or PDF cannot be fixed here: show the wording to make the change in the original.
    const wording = options.suggestions ? f.fixes.flatMap((x) => x.edits.map((e) => e.text.trim())).filter(Boolean) : [];
    if (wording.length) lines.push('', `*Suggested wording (make the change in the Word document):* ${wording.map((w) => `“${w}”`).join(' or ')}`);
    const sources = meta?.sources.map((s) => [s.document, s.year, s.section].filter(Boolean).join(', ')).join('; ');
    if (sources) lines.push('', `*Sources:* ${sources}`);
    lines.push('', `[Rule documentation](${engine.docUri(f.ruleId)})`);
    return lines.join('\n');
  });
  const first = findings[0]!;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(doc, first.span.start, first.span.end) };
}
