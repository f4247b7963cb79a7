/** Splits a block's prose into sentences without being fooled by abbreviations, initials and decimals. */
import type { Sentence } from './model';

// Abbreviations that end in a full stop but rarely end a sentence in review prose.
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'rev', 'sgt', 'insp', 'supt', 'det', 'cllr', 'hon',
    'e.g', 'i.e', 'eg', 'ie', 'cf', 'vs', 'v', 'viz', 'approx', 'ca', 'c', 'no', 'nos', 'para', 'paras',
    'p', 'pp', 'fig', 'vol', 'ch', 'sec', 'ref', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
    'sep', 'sept', 'oct', 'nov', 'dec', 'ltd', 'co', 'inc', 'al', 'ed', 'eds', 'op', 'cit', 'ibid',
  ],
);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00a0';
}

function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i]!)) i--;
  return text.slice(i + 1, dot).toLowerCase();
}

/** Returns the sentences of `prose`, with offsets shifted by `base`. */
export function splitSentences(prose: string, base: number): Sentence[] {
  const out: Sentence[] = [];
  const n = prose.length;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(prose[s])) s++;
    while (e > s && isSpace(prose[e - 1])) e--;
    if (e > s) out.push({ start: base + s, end: base + e, text: prose.slice(s, e) });
  };
  for (let i = 0; i < n; i++) {
    const c = prose[i]!;
    if (c === '\n' && prose[i + 1] === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // Swallow runs of terminators and closing quotes or brackets.
    let j = i + 1;
    while (j < n && /[.!?…"'”’)\]]/.test(prose[j]!)) j++;
    if (j < n && !isSpace(prose[j])) continue;
    if (c === '.') {
      const word = wordBefore(prose, i);
      if (ABBREVIATIONS.has(word.replace(/\.$/, ''))) continue;
      // A single capital letter before the stop is an initial ("J. Smith").
      if (/^\p{Lu}$/u.test(prose.slice(i - 1, i)) && (i < 2 || !/[\p{L}]/u.test(prose[i - 2]!))) continue;
    }
    // The next word must look like a sentence start.
    let k = j;
    while (k < n && isSpace(prose[k])) k++;
    if (k < n && /[\p{Ll}]/u.test(prose[k]!) && c === '.') continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(n);
  return out;
}
