/** Compiles rules kept as data into matchers, once, when the linter is created. */
import type { RuleDefinition } from './definition';

/** A compiled rule. */
export interface CompiledRule {
  def: RuleDefinition;
  /** One alternation of all the rule's patterns, longest first, with word boundaries. */
  any: RegExp;
  /** `any` without its leading word boundary, which `nextMatch` checks instead (see there). */
  scan: RegExp;
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
    const alternation = `(?:${sorted.map((s) => `(?:${s})`).join('|')})${BOUNDARY_END}`;
    const any = new RegExp(`${BOUNDARY_START}${alternation}`, `gu${cs ? '' : 'i'}`);
    const scan = new RegExp(alternation, `gu${cs ? '' : 'i'}`);
    const entries =
      def.kind === 'substitution'
        ? (def.swap ?? []).map((s) => ({ exact: new RegExp(`^(?:${s.pattern})$`, `u${cs ? '' : 'i'}`), replacement: s.replacement }))
        : sources.map((s) => ({ exact: new RegExp(`^(?:${s})$`, `u${cs ? '' : 'i'}`) }));
    const list = (xs: string[] | undefined): RegExp[] => (xs ?? []).map((x) => compilePattern(x, false));
    return {
      def,
      any,
      scan,
      entries,
      unlessSentence: list(def.context?.unlessSentence),
      requireSentence: list(def.context?.requireSentence),
      unlessDocument: list(def.unlessDocument),
    };
  } catch (e) {
    throw new Error(`Rule ${def.id}: ${(e as Error).message}`);
  }
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** True when the code point before `at` is a letter or digit (so a match there would start mid-word). */
function wordBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  const start = c >= 0xdc00 && c <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff ? at - 2 : at - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/**
 * The next match of the rule at or after `rule.scan.lastIndex`, exactly as `rule.any` would find
 * it. A word boundary written as a lookbehind at the start of the pattern is tried at every
 * character and stops the regular expression engine skipping ahead to where an alternative could
 * begin; checking it after a match is about twice as fast over a whole draft. A match that starts
 * mid-word is dropped and the search goes on from the next character, as the lookbehind would.
 */
export function nextMatch(rule: CompiledRule, text: string): RegExpExecArray | null {
  const re = rule.scan;
  for (;;) {
    const m = re.exec(text);
    if (!m) return null;
    if (!wordBefore(text, m.index)) return m;
    re.lastIndex = m.index + 1;
  }
}
