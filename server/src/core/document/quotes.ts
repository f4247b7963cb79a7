/** Finds quotations inside a block: straight and curly marks, closed or left open. */
import type { Quote, Sentence } from './model';

// The longest stretch a quotation may run before we stop believing it is one.
const MAX_QUOTE = 1200;

const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const opensAfter = (c: string | undefined): boolean => c === undefined || /[\s([{\u2014\u2013\-/:;,]/.test(c);

/** Returns quotations in `prose` (offsets shifted by `base`); unclosed ones end with their sentence. */
export function findQuotes(prose: string, base: number, sentences: readonly Sentence[]): Quote[] {
  if (!/["'“”‘’]/.test(prose)) return [];
  const quotes: Quote[] = [];
  const n = prose.length;
  const sentenceEnd = (at: number): number => {
    for (const s of sentences) if (s.start - base <= at && at < s.end - base) return s.end - base;
    return n;
  };
  let i = 0;
  while (i < n) {
    const c = prose[i]!;
    let mark: Quote['mark'] | undefined;
    let close: (j: number) => boolean = () => false;
    if (c === '“') {
      mark = 'curly-double';
      close = (j) => prose[j] === '”';
    } else if (c === '"' && opensAfter(prose[i - 1])) {
      mark = 'double';
      close = (j) => prose[j] === '"' || prose[j] === '”';
    } else if (c === '‘' && !isLetter(prose[i - 1])) {
      mark = 'curly-single';
      close = (j) => prose[j] === '’' && !isLetter(prose[j + 1]);
    } else if (c === "'" && opensAfter(prose[i - 1]) && /[\p{L}[\d]/u.test(prose[i + 1] ?? '')) {
      mark = 'single';
      close = (j) => prose[j] === "'" && !isLetter(prose[j + 1]) && !/\s/.test(prose[j - 1] ?? ' ');
    }
    if (!mark) {
      i++;
      continue;
    }
    let j = i + 1;
    const limit = Math.min(n, i + MAX_QUOTE);
    while (j < limit && !close(j)) {
      // A blank line ends any quotation.
      if (prose[j] === '\n' && prose[j + 1] === '\n') break;
      j++;
    }
    if (j < limit && close(j)) {
      quotes.push({ start: base + i, end: base + j + 1, inner: { start: base + i + 1, end: base + j }, closed: true, mark });
      i = j + 1;
    } else {
      const end = Math.max(i + 1, sentenceEnd(i));
      quotes.push({ start: base + i, end: base + end, inner: { start: base + i + 1, end: base + end }, closed: false, mark });
      i = end;
    }
  }
  return quotes;
}
