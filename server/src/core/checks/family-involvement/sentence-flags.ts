/**
 * Wordings a few checks look for in every sentence, found with the sentence units (one pass over a
 * block instead of one per check): follow-up after a deferral, a contribution dismissed as adding
 * nothing, and a father said to be unknown or dead.
 */
import type { Unit } from './analysis';
import { DISMISSED, FATHER_ABSENT, FOLLOW_UP } from './lexicon';

export const FOLLOWS_UP = 1;
export const DISMISSIVE = 2;
export const FATHER_GONE = 4;

// Cheap tests first: most sentences have none of these words.
const FOLLOW_UP_HINT = /addend|postscript|update|since|subsequently|now concluded|now ended|now finished|after the|outcome of/i;
const DISMISSED_HINT = /nothing|little|no (?:additional|new|further|significant)|did not (?:add|provide|offer|contribute|reveal|bring|change|alter|affect)|already known/i;

/** The flags of one unit's text (quotations blanked). */
export function flagsOf(text: string): number {
  let bits = 0;
  if (FOLLOW_UP_HINT.test(text) && FOLLOW_UP.test(text)) bits |= FOLLOWS_UP;
  if (DISMISSED_HINT.test(text) && DISMISSED.test(text)) bits |= DISMISSIVE;
  if (/father|dad/i.test(text) && FATHER_ABSENT.test(text)) bits |= FATHER_GONE;
  return bits;
}

/** Whether a unit has the given flag. */
export function unitHas(u: Unit, flag: number): boolean {
  return (u.flags & flag) !== 0;
}
