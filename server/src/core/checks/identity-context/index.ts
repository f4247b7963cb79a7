/** Checks in code for the identity-context rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';

/** The identity-context checks. */
export const identityContextChecks: readonly Check[] = [];
