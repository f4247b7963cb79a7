/**
 * Per-block facts that also read the children's names (the pseudonyms a draft uses). A block's
 * fact may read nothing but the block, so each list of names gets its own fact: a draft keeps its
 * names while it is edited, so a new list, and a full read of the draft with it, is rare.
 */
import type { Block } from '../../document/model';
import type { Fact } from '../../facts';
import { defineFact } from '../../facts';

/** Lists of names kept per fact: enough for a few drafts open at once. */
const LIMIT = 8;

/** One list's fact, and what reads a block for it (for `blockFacts`, which takes the two apart). */
export interface NamedFact<T> {
  fact: Fact<T>;
  read: (local: Block) => T;
}

/**
 * A family of facts, one per list of names. `make` is called once per list, so it can prepare
 * what the list needs (patterns for each name) before the returned function reads blocks.
 */
export function perChildNames<T>(name: string, make: (childNames: readonly string[]) => (local: Block) => T): (childNames: readonly string[]) => NamedFact<T> {
  const byList = new Map<string, NamedFact<T>>();
  let defined = 0;
  return (childNames) => {
    const key = childNames.join('\u0002');
    const known = byList.get(key);
    if (known) return known;
    const read = make(childNames);
    const named: NamedFact<T> = { fact: defineFact(`${name}#${++defined}`, read), read };
    if (byList.size >= LIMIT) byList.delete(byList.keys().next().value!);
    byList.set(key, named);
    return named;
  };
}
