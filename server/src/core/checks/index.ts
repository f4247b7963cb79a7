/** The registry of checks written in code: add a check to its family's index and tests and docs pick it up. */
import type { Check } from '../check';
import { acronymDefinedOnFirstUse } from './acronym-defined-on-first-use';
import { anonymisationChecks } from './anonymisation';
import { disableCommentReason } from './disable-comments';
import { familyInvolvementChecks } from './family-involvement';
import { identityContextChecks } from './identity-context';
import { jargonChecks } from './jargon';
import { plainEnglishChecks } from './plain-english';
import { victimBlamingChecks } from './victim-blaming';

/** Every built-in check. */
export const builtinChecks: readonly Check[] = [
  acronymDefinedOnFirstUse,
  disableCommentReason,
  ...victimBlamingChecks,
  ...familyInvolvementChecks,
  ...identityContextChecks,
  ...jargonChecks,
  ...anonymisationChecks,
  ...plainEnglishChecks,
];
