/** Checks in code for the plain-english rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';
import { plainEnglishCheckList } from './checks';

export { readability } from './readability';
export type { ReadabilityReport, ReadabilityStats, SectionReadability } from './readability';

/** The plain-english checks. */
export const plainEnglishChecks: readonly Check[] = plainEnglishCheckList;
