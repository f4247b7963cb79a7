/**
 * What start-up relies on instead of reading files: the rules snapshot embedded in the bundles is
 * exactly what reading rules/ gives, and the quick settings check never accepts what the schema
 * rejects (so the schema compiler, loaded only when settings may be wrong, still has the last word).
 */
import Ajv from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, surelyValid, validateSettings } from '../server/src/config';
import { SERVER_NODE_FLAGS } from '../client/src/server-flags';
import { findRulesDir, fromSnapshot, loadRules, readRules } from '../server/src/rules-loader';

const ROOT = join(__dirname, '..');

describe('built-in rules snapshot', () => {
  const snapshot = readRules(findRulesDir());

  it('the built-in rule and data files have no problems (the build stops on one)', () => {
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.definitions.length).toBeGreaterThan(10);
  });

  it('survives the JSON round trip the bundle makes, and loads as the files do', () => {
    const copy = JSON.parse(JSON.stringify(snapshot));
    expect(copy).toStrictEqual(snapshot);
    const fromCopy = fromSnapshot(copy, findRulesDir());
    const fromFiles = loadRules();
    expect(fromCopy.definitions).toStrictEqual(fromFiles.definitions);
    expect(fromCopy.data).toStrictEqual(fromFiles.data);
    expect(fromCopy.errors).toEqual(fromFiles.errors);
  });

  it('each bundle embeds the current snapshot (`npm test` builds them first)', () => {
    for (const bundle of ['server.js', 'cli.js', 'batch-worker.js', 'tools.js']) {
      const code = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      // esbuild may print the string in any quotes: evaluate the expression as written.
      const m = /BUILTIN_RULES = (JSON\.parse\(.*\));$/m.exec(code);
      expect(m, `${bundle} has no embedded rules; run node esbuild.mjs`).toBeTruthy();
      expect(JSON.parse(JSON.stringify(runInNewContext(m![1]!))), `${bundle} is stale; run node esbuild.mjs`).toStrictEqual(snapshot);
    }
  });
});

describe('quick settings check', () => {
  const ajv = new Ajv({ allErrors: true, strict: false }).compile(SETTINGS_SCHEMA);

  it('accepts the settings an editor sends by default, so no schema compiler is loaded for them', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const defaults = Object.fromEntries(
      Object.entries(pkg.contributes.configuration.properties as Record<string, { default: unknown }>)
        .map(([k, v]): [string, unknown] => [k.replace(/^csprLint\./, ''), v.default])
        .filter(([k, v]) => v !== null && k in SETTINGS_SCHEMA.properties),
    );
    const { customTerms, allow, ...rest } = defaults;
    expect(surelyValid(SETTINGS_SCHEMA, rest)).toBe(true);
    const { customTerms: _t, allow: _a, ...builtIn } = DEFAULT_SETTINGS;
    expect(surelyValid(SETTINGS_SCHEMA, Object.fromEntries(Object.entries(builtIn).filter(([, v]) => v !== undefined)))).toBe(true);
    expect(surelyValid(SETTINGS_SCHEMA, { rules: { 'child-voice-absent': 'off' }, reviewType: 'national', acronymAllow: ['TAF', 'A&E'], maxDocumentSize: 5000 })).toBe(true);
    expect(validateSettings({ ...rest, customTerms, allow }, 'x')).toEqual({ settings: { ...rest, customTerms: [], allow: [] }, errors: [] });
  });

  it('never accepts what the schema rejects', () => {
    const value = fc.oneof(
      fc.constantFrom<unknown>(true, false, null, 0, 1000, 999, 50_000_000, 50_000_001, 2.5, -1, Number.NaN, '', 'TAF', 'a', 'A&E', 'toolongacronym', 'lcspr', 'national', 'rapid-review', 'off', 'error', 'warning', 'info', 'hint', 'verbose', 'nope', [], {}),
      fc.string(),
      fc.double(),
      fc.integer(),
    );
    const field = fc.constantFrom('enable', 'reviewType', 'rules', 'allowInlineDisable', 'maxDocumentSize', 'acronymAllow', 'logLevel', 'customTerms', 'allow', 'unknown', '__proto__', 'constructor');
    const settingValue = fc.oneof(value, fc.array(value, { maxLength: 4 }), fc.dictionary(fc.constantFrom('child-voice-absent', 'x', ''), value, { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.dictionary(field, settingValue, { maxKeys: 5 }), (input) => {
        if (surelyValid(SETTINGS_SCHEMA, input)) expect(ajv(input), JSON.stringify(input)).toBe(true);
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});

describe('server process flags', () => {
  it('the benchmark starts the server with the flags the editor client uses', async () => {
    const path = join(ROOT, 'bench', 'lsp.mjs');
    const bench = (await import(path)) as { SERVER_FLAGS: string[] };
    expect(bench.SERVER_FLAGS).toEqual([...SERVER_NODE_FLAGS]);
    expect(readFileSync(join(ROOT, 'client', 'src', 'client.ts'), 'utf8')).toMatch(/run: \{ module, transport: TransportKind\.ipc, options: \{ execArgv: \[\.\.\.SERVER_NODE_FLAGS\] \} \}/);
  });
});
