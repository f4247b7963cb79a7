/** Checks in code for the family-involvement rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';

/** The family-involvement checks. */
export const familyInvolvementChecks: readonly Check[] = [];
