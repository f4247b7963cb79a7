/** Checks in code for the plain-english rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';

/** The plain-english checks. */
export const plainEnglishChecks: readonly Check[] = [];
