/** Checks in code for the victim-blaming rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';
import { noAdultTermsForChild } from './adult-terms';
import { noChildConsentFraming } from './child-consent';
import { noEngagementBlame } from './engagement';
import { inclusiveLanguage } from './inclusive-language';
import { noAbuseAsRelationship } from './relationship-framing';

/** The victim-blaming checks. */
export const victimBlamingChecks: readonly Check[] = [noAbuseAsRelationship, noChildConsentFraming, noEngagementBlame, noAdultTermsForChild, inclusiveLanguage];
