/**
 * User-supplied patterns (customTerms, allow) end to end: `.cspr-lint.yaml` and editor settings are
 * validated with messages naming the setting, patterns are compiled with re2js so a pathological one
 * cannot hang the server, and in an untrusted workspace the workspace's own terms are ignored.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeSettings, parseConfigFile, validateSettings } from '../server/src/config';
import { createEngine } from '../server/src/engine';
import type { TestServer } from './lsp-client';
import { DidChangeConfigurationNotification, startServer } from './lsp-client';

const BIN = join(__dirname, '..', 'bin', 'cspr-lint.js');
const CONFIG = `customTerms:
  - pattern: service users?
    message: "Say who you mean rather than '{{match}}': families, parents or the child."
    replacement: families
  - pattern: "(a+)+$"
    message: A pathological pattern, harmless in RE2.
  - pattern: "(?<=not )brought"
    message: Look-behind is not supported.
  - pattern: "did not attend"
    message: Say who did not bring the child.
    severity: loud
allow:
  - Team Around the Family
  - "(["
`;
const DRAFT = 'Service users were offered a visit.\n\nThe TAF met. The Team Around the Family met.\n';

describe('settings for user patterns', () => {
  it('names each bad entry with its line in .cspr-lint.yaml, and keeps the good ones', () => {
    const read = parseConfigFile(CONFIG, '.cspr-lint.yaml');
    expect(read.settings.customTerms!.map((t) => t.pattern)).toEqual(['service users?', '(a+)+$']);
    expect(read.settings.allow).toEqual(['Team Around the Family']);
    expect(read.errors).toEqual([
      expect.stringMatching(/^\.cspr-lint\.yaml:7: 'customTerms\[2\]\.pattern' is not a pattern cspr-lint can use: .*look-ahead, look-behind and back-references are not supported.*; it was ignored\.$/),
      expect.stringMatching(/^\.cspr-lint\.yaml:11: 'customTerms\[3\]\.severity' must be one of error, warning, info, hint; it was ignored\.$/),
      expect.stringMatching(/^\.cspr-lint\.yaml:14: 'allow\[1\]' is not a pattern cspr-lint can use: missing closing \]/),
    ]);
  });

  it('names bad entries in editor settings, and refuses a list that is not a list', () => {
    const read = validateSettings({ customTerms: [{ pattern: '(', message: 'x' }], allow: 'TAF' }, 'Settings (csprLint)');
    expect(read.errors).toEqual(["Settings (csprLint): 'customTerms[0].pattern' is not a pattern cspr-lint can use: missing closing ): `(`; it was ignored.", "Settings (csprLint): 'allow' should be a list of words or patterns; it was ignored."]);
    expect(read.settings.customTerms).toEqual([]);
  });

  it('merges terms from user settings and the workspace, the workspace winning for the same pattern', () => {
    const merged = mergeSettings({ customTerms: [{ pattern: 'a', message: 'user' }, { pattern: 'b', message: 'user' }] }, { customTerms: [{ pattern: 'b', message: 'workspace' }] });
    expect(merged.customTerms).toEqual([{ pattern: 'a', message: 'user' }, { pattern: 'b', message: 'workspace' }]);
  });

  it('reports custom terms and applies the allow list through the engine', () => {
    const engine = createEngine();
    const settings = mergeSettings(parseConfigFile(CONFIG, '.cspr-lint.yaml').settings);
    const r = engine.lint(DRAFT, 'markdown', settings);
    expect(r.findings.filter((f) => f.ruleId === 'custom-term').map((f) => f.quote)).toEqual(['Service users']);
    // "TAF" is still an undefined acronym; the allowed phrase is not reported by any rule.
    expect(r.findings.some((f) => f.quote === 'Team Around the Family')).toBe(false);
    const pathological = engine.lint(`${'a'.repeat(200_000)}!`, 'markdown', settings);
    expect(pathological.findings.filter((f) => f.ruleId === 'rule-failed')).toEqual([]);
  });

  it('the CLI prints the messages naming the settings and reports custom terms', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-patterns-'));
    writeFileSync(join(dir, '.cspr-lint.yaml'), CONFIG);
    writeFileSync(join(dir, 'd.md'), `${DRAFT}\n${'a'.repeat(100_000)}\n`);
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', 'd.md'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toContain("'customTerms[2].pattern' is not a pattern cspr-lint can use");
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string; message: string; suggestions?: unknown[]; fix?: unknown }[];
    const term = messages.find((m) => m.ruleId === 'custom-term')!;
    expect(term.message).toBe("Say who you mean rather than 'Service users': families, parents or the child.");
    // A user's replacement is a suggestion: never applied in bulk.
    expect(term.fix).toBeUndefined();
    expect(term.suggestions).toHaveLength(1);
  });
});

describe('user patterns in the real server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('reports custom terms from .cspr-lint.yaml, names the bad ones, and a pathological pattern cannot hang it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-ws-'));
    writeFileSync(join(dir, '.cspr-lint.yaml'), CONFIG);
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    server = await startServer({ rootUri: pathToFileURL(dir).href });
    const started = Date.now();
    await server.open(uri, `${DRAFT}\n${'a'.repeat(300_000)}\n`);
    const items = (await server.pull(uri)).items!;
    expect(Date.now() - started).toBeLessThan(20_000);
    // The pathological pattern matches the long run of letters, in linear time.
    expect(items.filter((d) => d.code === 'custom-term').map((d) => d.message)).toEqual(["Say who you mean rather than 'Service users': families, parents or the child.", 'A pathological pattern, harmless in RE2.']);
    await server.waitFor(() => server!.messages.some((m) => m.includes('customTerms[2].pattern')) || undefined);
    expect(server.messages.join('\n')).toMatch(/'allow\[1\]' is not a pattern/);
  });

  it('takes custom terms from the editor settings, and drops them when the settings change', async () => {
    server = await startServer({ configuration: true });
    server.settings = { customTerms: [{ pattern: 'service users?', message: 'Say who you mean.', severity: 'error' }] };
    const uri = 'file:///tmp/cspr-patterns/draft.md';
    await server.open(uri, DRAFT);
    const first = (await server.pull(uri)).items!.filter((d) => d.code === 'custom-term');
    expect(first.map((d) => d.severity)).toEqual([1]);
    server.settings = {};
    const before = server.refreshes;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await server.waitFor(() => server!.refreshes > before || undefined);
    expect((await server.pull(uri)).items!.filter((d) => d.code === 'custom-term')).toEqual([]);
  });

  it('ignores the workspace\u2019s custom terms and allow list in an untrusted workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-ws-untrusted-'));
    writeFileSync(join(dir, '.cspr-lint.yaml'), 'customTerms:\n  - pattern: service users?\n    message: From the workspace.\nallow:\n  - "putting herself at risk"\n  - "was putting herself at risk"\n');
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    const text = `${DRAFT}\nChild B, aged 14, was putting herself at risk.\n`;
    server = await startServer({ rootUri: pathToFileURL(dir).href, initializationOptions: { trusted: false } });
    await server.open(uri, text);
    const codes = (await server.pull(uri)).items!.map((d) => d.code);
    expect(codes).not.toContain('custom-term');
    expect(codes).toContain('no-putting-self-at-risk');
    await server.stop();
    // The same workspace, trusted: its terms and allow list apply.
    server = await startServer({ rootUri: pathToFileURL(dir).href, initializationOptions: { trusted: true } });
    await server.open(uri, text);
    const trusted = (await server.pull(uri)).items!.map((d) => d.code);
    expect(trusted).toContain('custom-term');
    expect(trusted).not.toContain('no-putting-self-at-risk');
  });
});

describe('workspace trust in the manifest', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  it('declares limited support, and restricts every setting that changes what is reported', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    expect(trust.supported).toBe('limited');
    expect(trust.description).toMatch(/\.cspr-lint\.yaml/);
    expect(trust.restrictedConfigurations).toEqual(expect.arrayContaining(['csprLint.customTerms', 'csprLint.allow', 'csprLint.acronymAllow', 'csprLint.rules', 'csprLint.allowInlineDisable']));
    for (const key of trust.restrictedConfigurations) expect(pkg.contributes.configuration.properties[key], key).toBeDefined();
  });
  it('describes customTerms and allow in the settings UI', () => {
    const props = pkg.contributes.configuration.properties;
    expect(props['csprLint.customTerms'].items.required).toEqual(['pattern', 'message']);
    expect(props['csprLint.allow'].items.type).toBe('string');
  });
});
