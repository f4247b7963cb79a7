/** `nextMatch` finds exactly what the rule's full pattern, with its leading word boundary, finds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../rules-loader';
import type { CompiledRule } from './compile';
import { compileRule, nextMatch } from './compile';

const rules = loadRules().definitions.map(compileRule);
const WORDS = ['putting', 'herself', 'at', 'risk', 'streetwise', 'mature', 'beyond', 'her', 'years', 'x', 'é', '😀', '𝐀', '9', ' ', ' ', '-', "'", 'chose', 'to', 'relationship', 'with', 'prostitute', 'promiscuous', 'Gypsy', 'roma'];

function withLookbehind(rule: CompiledRule, text: string): [number, string][] {
  const out: [number, string][] = [];
  rule.any.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = rule.any.exec(text))) {
    if (m[0].length === 0) rule.any.lastIndex++;
    out.push([m.index, m[0]]);
  }
  return out;
}
function withNextMatch(rule: CompiledRule, text: string): [number, string][] {
  const out: [number, string][] = [];
  rule.scan.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = nextMatch(rule, text))) {
    if (m[0].length === 0) rule.scan.lastIndex++;
    out.push([m.index, m[0]]);
  }
  return out;
}

describe('nextMatch', () => {
  it('finds the same matches as the pattern with its word boundary, for every rule', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.constantFrom(...rules), (words, rule) => {
        const text = words.join('');
        expect(withNextMatch(rule, text)).toEqual(withLookbehind(rule, text));
        const spaced = words.join(' ');
        expect(withNextMatch(rule, spaced)).toEqual(withLookbehind(rule, spaced));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('skips a match that starts mid-word but finds one inside it', () => {
    const rule = rules.find((r) => r.def.id === 'no-putting-self-at-risk')!;
    expect(withNextMatch(rule, 'Xputting herself at risk; she was putting herself at risk')).toEqual(withLookbehind(rule, 'Xputting herself at risk; she was putting herself at risk'));
    expect(withNextMatch(rule, '😀putting herself at risk').length).toBe(withLookbehind(rule, '😀putting herself at risk').length);
    expect(withNextMatch(rule, '𝐀putting herself at risk')).toEqual([]);
  });
});
