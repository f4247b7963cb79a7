/**
 * Compromise's lexicon, as far as the name checks read it: whether a word is known at all, a first
 * name (and of which gender), a surname, a place or a plain noun. The words come from
 * lexicon-data.ts, generated from compromise at build time by generate-lexicon.mjs, so the server
 * does not load compromise (about 300 ms and 36 MB) to answer these questions.
 */
import { WORDS_BY_FLAGS } from './lexicon-data';
export { ALL_NOUN, FEMALE, FIRST, KNOWN, LAST, MALE, PLACE } from './lexicon-data';
import { KNOWN } from './lexicon-data';

let byWord: Map<string, number> | undefined;

function decode(): Map<string, number> {
  const map = new Map<string, number>();
  for (const [flags, coded] of WORDS_BY_FLAGS) {
    let last = '';
    for (const item of coded.split(' ')) {
      const word = last.slice(0, parseInt(item[0]!, 36)) + item.slice(1);
      map.set(word, flags);
      last = word;
    }
  }
  return map;
}

/**
 * The flags of a lower-case word, 0 when the lexicon does not have it. Compromise's lexicon is a
 * plain object, so a word that names one of Object.prototype's members ("constructor") was found
 * there as a known word with no tags; that is kept, so no finding changes.
 */
export function lexiconFlags(lower: string): number {
  byWord ??= decode();
  return byWord.get(lower) ?? (lower in Object.prototype ? KNOWN : 0);
}
