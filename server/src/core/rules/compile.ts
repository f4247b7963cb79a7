/** Compiles rules kept as data into matchers, once, when the linter is created. */
import type { RuleDefinition } from './definition';

/** A compiled rule. */
export interface CompiledRule {
  def: RuleDefinition;
  /** One alternation of all the rule's patterns, longest first, with word boundaries. */
  any: RegExp;
  /** Each pattern alone, anchored, to tell which one matched. */
  entries: { exact: RegExp; replacement?: string }[];
  unlessSentence: RegExp[];
  requireSentence: RegExp[];
  unlessDocument: RegExp[];
}

const BOUNDARY_START = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_END = '(?![\\p{L}\\p{N}])';

/** Compiles one pattern the way every rule pattern is compiled; throws with the pattern named. */
export function compilePattern(source: string, caseSensitive = false, global = false): RegExp {
  try {
    return new RegExp(`${BOUNDARY_START}(?:${source})${BOUNDARY_END}`, `${global ? 'g' : ''}u${caseSensitive ? '' : 'i'}`);
  } catch (e) {
    throw new Error(`the pattern "${source}" is not a valid regular expression (${(e as Error).message})`);
  }
}

/** Compiles a rule definition; throws with a message naming the rule when a pattern is broken. */
export function compileRule(def: RuleDefinition): CompiledRule {
  const sources = def.kind === 'substitution' ? (def.swap ?? []).map((s) => s.pattern) : (def.patterns ?? []);
  const sorted = [...sources].sort((a, b) => b.length - a.length);
  const cs = def.caseSensitive ?? false;
  try {
    const any = new RegExp(`${BOUNDARY_START}(?:${sorted.map((s) => `(?:${s})`).join('|')})${BOUNDARY_END}`, `gu${cs ? '' : 'i'}`);
    const entries =
      def.kind === 'substitution'
        ? (def.swap ?? []).map((s) => ({ exact: new RegExp(`^(?:${s.pattern})$`, `u${cs ? '' : 'i'}`), replacement: s.replacement }))
        : sources.map((s) => ({ exact: new RegExp(`^(?:${s})$`, `u${cs ? '' : 'i'}`) }));
    const list = (xs: string[] | undefined): RegExp[] => (xs ?? []).map((x) => compilePattern(x, false));
    return {
      def,
      any,
      entries,
      unlessSentence: list(def.context?.unlessSentence),
      requireSentence: list(def.context?.requireSentence),
      unlessDocument: list(def.unlessDocument),
    };
  } catch (e) {
    throw new Error(`Rule ${def.id}: ${(e as Error).message}`);
  }
}
