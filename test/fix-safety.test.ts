/**
 * Fix safety: "fix all" can never corrupt a draft. On every fixture, every rule example and random
 * drafts: the safe edits never overlap, applying them gives valid text, applying "fix all" again
 * after re-checking changes nothing more (idempotent), a rule that declares its fix a suggestion
 * never offers a safe one, and suggestions never join "fix all" (also through the real server's
 * `source.fixAll.cspr-lint` code action).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compileCustomTerms } from '../server/src/core/custom-terms';
import { applyEdits, safeEdits } from '../server/src/core/fixes';
import type { LintOptions, Linter } from '../server/src/core/linter';
import { createLinter } from '../server/src/core/linter';
import type { Edit, Finding } from '../server/src/core/types';
import { loadRules } from '../server/src/rules-loader';
import { draft, exampleSentences, params, TIMEOUT } from './fuzz/arbitraries';
import type { TestServer } from './lsp-client';
import { DidChangeTextDocumentNotification, startServer } from './lsp-client';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const OPTIONS: LintOptions = {
  reviewType: 'lcspr',
  customTerms: compileCustomTerms([{ pattern: 'service users?', message: 'Say who you mean.', replacement: 'families' }]),
};

function files(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.md$/.test(f)) out.push(p);
  }
  return out.sort();
}

const FIXTURE_DIR = join(__dirname, '..', 'test-fixtures');
const FIXTURES = files(FIXTURE_DIR).map((p) => [relative(FIXTURE_DIR, p), readFileSync(p, 'utf8')] as const);
const EXAMPLES = exampleSentences(linter.rules);

/** Problems with the safe edits of one lint, as readable strings. */
function editProblems(l: Linter, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const declared = l.meta(f.ruleId)?.fix;
    for (const x of f.fixes) {
      if (x.kind === 'safe' && declared !== 'safe') out.push(`${f.ruleId} declares its fix "${declared}" but offered a safe one: ${x.title}`);
      if (x.edits.length === 0) out.push(`${f.ruleId}: a fix with no edits: ${x.title}`);
    }
  }
  const edits = [...safeEdits(findings)].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1]!;
    const b = edits[i]!;
    // Two edits overlap if the second starts inside the first, or both insert at the same point.
    if (b.start < a.end || (b.start === a.start && a.start === a.end && b.start === b.end)) out.push(`overlapping safe edits ${a.start}-${a.end} and ${b.start}-${b.end}`);
  }
  return out;
}

/** No lone surrogate: every UTF-16 high half is followed by a low half and vice versa. */
const wellFormed = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** One round of "fix all": lint, take the safe edits, apply them. */
function fixAll(l: Linter, text: string): { text: string; edits: Edit[]; skipped: number; findings: Finding[] } {
  const findings = l.lint(text, OPTIONS).findings;
  const edits = safeEdits(findings);
  const applied = applyEdits(text, edits);
  return { text: applied.text, edits, skipped: applied.skipped, findings };
}

/** Checks one text; returns readable problems. */
function fixProblems(text: string): string[] {
  const first = fixAll(linter, text);
  const out = editProblems(linter, first.findings);
  if (first.skipped > 0) out.push(`${first.skipped} safe edits were refused as overlapping`);
  if (wellFormed(text) && !wellFormed(first.text)) out.push('fixing produced a lone surrogate (an edit split a character)');
  if (!text.includes('\u0000') && first.text.includes('\u0000')) out.push('fixing produced a NUL character');
  const second = fixAll(linter, first.text);
  out.push(...editProblems(linter, second.findings).map((p) => `after fixing: ${p}`));
  if (second.text !== first.text) {
    const at = [...second.text].findIndex((c, i) => c !== [...first.text][i]);
    out.push(`"fix all" is not idempotent: a second round changed the text near ${JSON.stringify(first.text.slice(Math.max(0, at - 40), at + 40))}, by ${second.edits.map((e) => JSON.stringify(e.text)).join(', ')}`);
  }
  return out;
}

describe('fix safety in the core', () => {
  it.each(FIXTURES)('fixture %s: safe fixes never overlap, give valid text, and are idempotent', (_name, text) => {
    expect(fixProblems(text)).toEqual([]);
  });

  it('every rule example: safe fixes never overlap, give valid text, and are idempotent', () => {
    const problems = EXAMPLES.flatMap((text) => fixProblems(text).map((p) => `${JSON.stringify(text.slice(0, 60))}: ${p}`));
    expect(problems).toEqual([]);
    // Not vacuous: some examples do have safe fixes.
    expect(EXAMPLES.filter((t) => safeEdits(linter.lint(t, OPTIONS).findings).length > 0).length).toBeGreaterThan(0);
  }, TIMEOUT);

  it('random drafts: safe fixes never overlap, give valid text, and are idempotent', () => {
    fc.assert(
      fc.property(draft(EXAMPLES, 30), (text) => {
        expect(fixProblems(text)).toEqual([]);
      }),
      params(80),
    );
  }, TIMEOUT);

  it('leaves suggestions out of "fix all", and applyEdits refuses overlapping edits', () => {
    const finding = (kind: 'safe' | 'suggestion', start: number, end: number, text: string): Finding => ({
      ruleId: 'x', category: 'jargon', severity: 'warning', message: 'm', span: { start, end }, fixes: [{ title: 't', kind, edits: [{ start, end, text }] }],
    });
    const findings = [finding('suggestion', 0, 4, 'SUGGESTED'), finding('safe', 5, 9, 'SAFE'), finding('safe', 7, 12, 'OVERLAP')];
    expect(safeEdits(findings).map((e) => e.text)).toEqual(['SAFE', 'OVERLAP']);
    const r = applyEdits('aaaa bbbb cccc', safeEdits(findings));
    expect(r).toEqual({ text: 'aaaa SAFE cccc', applied: 1, skipped: 1 });
    // Out-of-range and inverted edits are refused too.
    expect(applyEdits('abc', [{ start: 2, end: 1, text: 'x' }, { start: 1, end: 9, text: 'y' }])).toEqual({ text: 'abc', applied: 0, skipped: 2 });
  });
});

describe('fix safety through the real server (source.fixAll.cspr-lint)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ configuration: true });
    server.settings = { customTerms: [{ pattern: 'service users?', message: 'Say who you mean.', replacement: 'families' }] };
  });
  afterAll(async () => {
    await server?.stop();
  });

  const fixAllAction = async (uri: string): Promise<TextEdit[]> => {
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.cspr-lint'] },
    })) as CodeAction[];
    expect(actions.length).toBeLessThanOrEqual(1);
    return actions[0]?.edit?.changes?.[uri] ?? [];
  };

  // The fixtures with the most safe fixes (the core test above covers every fixture).
  const withSafeFixes = FIXTURES.map(([n, t]) => [n, t, safeEdits(linter.lint(t, OPTIONS).findings).length] as const)
    .filter(([, , n]) => n > 0)
    .sort((a, b) => b[2] - a[2])
    .slice(0, 3);
  const texts: [string, string][] = [
    ...withSafeFixes.map(([n, t]) => [n, t] as [string, string]),
    ['only suggestions', 'Child B, aged 14, was putting herself at risk.\n\nService users were offered a visit.\n'],
    ['safe and suggestions together', '# Review\n\nThe MASH met. Child B, aged 14, was putting herself at risk.\r\n\r\n😀 The MASH met again. Service users came.\n'],
  ];

  it.each(texts)('%s: fix-all applies exactly the safe edits, never a suggestion, and a second fix-all has nothing left', async (name, text) => {
    const uri = `file:///tmp/cspr-fix-safety/${encodeURIComponent(name)}.md`;
    await server.open(uri, text);
    const edits = await fixAllAction(uri);
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const fixed = TextDocument.applyEdits(doc, edits);
    // Suggestions are offered one at a time, never here: the result is what the core's safe edits give.
    const core = linter.lint(text, { ...OPTIONS, reviewType: undefined });
    expect(fixed).toBe(applyEdits(text, safeEdits(core.findings)).text);
    const suggestionTexts = core.findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'suggestion').flatMap((x) => x.edits.map((e) => e.text)));
    for (const e of edits) expect(suggestionTexts.includes(e.newText) && !safeEdits(core.findings).some((s) => s.text === e.newText)).toBe(false);
    if (name === 'only suggestions') expect(edits).toEqual([]);
    // Idempotent through the protocol: send the fixed text back and ask again.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const again = await fixAllAction(uri);
    expect(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 2, fixed), again)).toBe(fixed);
  });
});
