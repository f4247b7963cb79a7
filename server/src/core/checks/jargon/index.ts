/** Checks in code for the jargon rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';

/** The jargon checks. */
export const jargonChecks: readonly Check[] = [];
