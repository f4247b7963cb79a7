/**
 * Isolation: a rule that throws is switched off for that document with one clear message, and the
 * other rules still report, whether it is a check in code or a rule kept as data (YAML kind).
 * Through the real server too: the server answers, reports the failure once, and keeps running.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinChecks } from '../server/src/core/checks';
import { createLinter } from '../server/src/core/linter';
import type { RuleDefinition } from '../server/src/core/rules/definition';
import { loadRules } from '../server/src/rules-loader';
import type { TestServer } from './lsp-client';
import { startServer } from './lsp-client';

const loaded = loadRules();
const VB = 'Child B, aged 14, was putting herself at risk.';

/**
 * A rule kept as data that fails while it runs, only on blocks containing "boom": its message
 * template is not text, and filling it in throws. (A data rule cannot normally do this; the test
 * stands for any bug in the code that runs data rules.)
 */
function throwingDataRule(): RuleDefinition {
  const base = loaded.definitions.find((d) => d.kind === 'existence') ?? loaded.definitions[0]!;
  const message = {
    replace(_re: RegExp, fill: (whole: string, name: string) => string): string {
      const match = fill('{{match}}', 'match');
      if (/boom/i.test(match)) throw new Error('boom');
      return `flagged ${match}`;
    },
  } as unknown as string;
  return { ...base, id: 'throwing-data-rule', kind: 'existence', patterns: ['tripwire', 'boom'], swap: undefined, context: { quoted: 'note' }, message, unlessDocument: undefined, unlessDefined: undefined };
}

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId).sort();

describe('isolation of a failing rule', () => {
  it('switches off a failing data rule for the whole document, reports it once, and the others still report', () => {
    const l = createLinter([...loaded.definitions, throwingDataRule()], { data: loaded.data, checks: builtinChecks });
    const text = `A tripwire here.\n\nA boom here.\n\n${VB}\n\nAnother tripwire.`;
    const r = l.lint(text);
    const failed = r.findings.filter((f) => f.ruleId === 'rule-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('throwing-data-rule');
    expect(failed[0]!.message).toMatch(/switched off for this document/);
    expect(failed[0]!.severity).toBe('info');
    // Switched off for the document: none of its findings, before or after the failure.
    expect(r.findings.filter((f) => f.ruleId === 'throwing-data-rule')).toEqual([]);
    expect(ids(r.findings)).toContain('no-putting-self-at-risk');
  });

  it('gives the same findings whether or not the linter saw the rule succeed on some blocks before', () => {
    const text = `A boom here.\n\nA tripwire here.\n\n${VB}`;
    const warm = createLinter([...loaded.definitions, throwingDataRule()], { data: loaded.data, checks: builtinChecks });
    warm.lint('A tripwire here.');
    warm.lint(`A tripwire here.\n\n${VB}`);
    const fresh = createLinter([...loaded.definitions, throwingDataRule()], { data: loaded.data, checks: builtinChecks });
    expect(warm.lint(text).findings).toEqual(fresh.lint(text).findings);
    // And it keeps working on a document where the rule does not fail.
    expect(ids(warm.lint('A tripwire here.').findings)).toEqual(['throwing-data-rule']);
  });

  it('switches off a failing code check, keeping the other checks and data rules', () => {
    const broken = { meta: { ...builtinChecks[0]!.meta, id: 'broken-check' }, run(): void { throw new TypeError("Cannot read properties of undefined (reading 'x')"); } };
    const l = createLinter(loaded.definitions, { data: loaded.data, checks: [broken, ...builtinChecks] });
    const r = l.lint(`${VB}\n\nThe MASH met.`);
    expect(r.findings.filter((f) => f.ruleId === 'rule-failed').map((f) => f.message)).toEqual([expect.stringContaining('broken-check')]);
    expect(ids(r.findings)).toEqual(expect.arrayContaining(['acronym-defined-on-first-use', 'no-putting-self-at-risk']));
  });
});

/** A server bundle whose engine has one check that always throws, built from the real server code. */
function buildThrowingServer(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cspr-throwing-server-'));
  const entry = join(__dirname, 'fuzz', 'throwing-server.ts');
  const out = join(dir, 'server.cjs');
  buildSync({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    define: { 'import.meta.url': '__bundleUrl', 'process.env.CSPR_RULES_DIR': JSON.stringify(join(__dirname, '..', 'rules')) },
    banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return out;
}

describe('isolation through the real server', () => {
  let server: TestServer | undefined;
  let serverPath = '';
  beforeAll(() => {
    serverPath = buildThrowingServer();
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('reports a failing rule once as information, still reports the others, and keeps serving', async () => {
    server = await startServer({ serverPath });
    const uri = 'file:///tmp/cspr-isolation/draft.md';
    await server.open(uri, `${VB}\n\nThe MASH met.\n`);
    const items = (await server.pull(uri)).items!;
    const failed = items.filter((d) => d.code === 'rule-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('always-throws');
    expect(failed[0]!.severity).toBe(3);
    expect(items.map((d) => d.code)).toEqual(expect.arrayContaining(['no-putting-self-at-risk', 'acronym-defined-on-first-use']));
    // Still alive and answering for another document.
    const other = 'file:///tmp/cspr-isolation/other.md';
    await server.open(other, 'Nothing to report here.\n');
    expect((await server.pull(other)).items!.map((d) => d.code)).toEqual(['rule-failed']);
    expect(server.process.exitCode).toBeNull();
  });
});
