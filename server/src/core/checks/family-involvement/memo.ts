/**
 * Pattern tests remembered by the text they ran on. The involvement checks test the same sentences,
 * windows and section texts on every keystroke; these answer again without running the pattern.
 * Only for patterns without the `g` or `y` flag (their `test` keeps no state).
 */
import { sameStrings } from '../../equality';

const LIMIT = 20_000;
const byPattern = new Map<RegExp, Map<string, boolean>>();

/** `re.test(text)`, remembered. */
export function memoTest(re: RegExp, text: string): boolean {
  let m = byPattern.get(re);
  if (!m) byPattern.set(re, (m = new Map()));
  let v = m.get(text);
  if (v === undefined) {
    if (m.size >= LIMIT) m.clear();
    v = re.test(text);
    m.set(text, v);
  }
  return v;
}

/** A value computed from a string, remembered by the string. */
export function memoBy<T>(cache: Map<string, T>, text: string, compute: (text: string) => T): T {
  let v = cache.get(text);
  if (v === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    v = compute(text);
    cache.set(text, v);
  }
  return v;
}

/** What was found in one joined text, kept while its parts stay the same. */
export interface JoinedMemo {
  parts: readonly string[];
  tests: Map<RegExp, boolean>;
}

/**
 * `re.test(parts.join(' '))` without joining when it can be avoided. `memos` holds the answers for
 * the same text under `key` from earlier analyses, checked part by part (unchanged parts are the
 * same string objects, so the check is cheap). A match inside one part is a match in the joined
 * text for the word-bounded lexicon patterns this is used with (their edges look only for a letter
 * or digit, and parts are joined with a space); only when no part matches alone is the joined text
 * built, for a match across parts. The first answer for a text is found in one pass over it.
 */
export function joinedHas(memos: Map<string, JoinedMemo>, key: string, parts: readonly string[], re: RegExp): boolean {
  const known = memos.get(key);
  let memo = known;
  if (!memo || !sameStrings(memo.parts, parts)) {
    if (memos.size >= 512) memos.clear();
    memo = { parts, tests: new Map() };
    memos.set(key, memo);
  }
  let v = memo.tests.get(re);
  if (v === undefined) {
    // The first time, one pass over the joined text; after an edit, part by part, where only the edited parts are new.
    v = known?.tests.has(re) ? parts.some((p) => memoTest(re, p)) || re.test(parts.join(' ')) : re.test(parts.join(' '));
    memo.tests.set(re, v);
  }
  return v;
}
