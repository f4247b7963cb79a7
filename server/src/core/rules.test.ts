/** Every rule's examples, run as tests: the same examples its generated documentation shows. */
import { describe, expect, it } from 'vitest';
import { createLinter } from './linter';
import { checkInvalid, checkValid } from './testing/rule-tester';
import { loadRules } from '../rules-loader';
import { builtinChecks } from './checks';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });

describe('rule files', () => {
  it('all load without errors', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.definitions.length).toBeGreaterThan(0);
  });
  it('have unique ids across data rules and checks', () => {
    const ids = linter.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

const all = [...loaded.definitions, ...builtinChecks.map((c) => c.meta)];
for (const rule of all) {
  describe(rule.id, () => {
    it('has valid and invalid examples and a cited source', () => {
      expect(rule.examples.valid.length).toBeGreaterThan(0);
      expect(rule.examples.invalid.length).toBeGreaterThan(0);
      expect(rule.sources.length).toBeGreaterThan(0);
    });
    it.each(rule.examples.valid.map((e) => [e.text.slice(0, 70), e] as const))('valid: %s', (_t, ex) => {
      expect(checkValid(linter, rule.id, ex)).toEqual([]);
    });
    it.each(rule.examples.invalid.map((e) => [e.text.slice(0, 70), e] as const))('invalid: %s', (_t, ex) => {
      expect(checkInvalid(linter, rule.id, ex)).toEqual([]);
    });
  });
}
