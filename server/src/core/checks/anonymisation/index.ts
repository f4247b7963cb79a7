/** Checks in code for the anonymisation rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';

/** The anonymisation checks. */
export const anonymisationChecks: readonly Check[] = [];
