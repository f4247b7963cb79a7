/** Checks in code for the jargon rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';
import { hindsightIndividualBlame, verdictWithoutAnalysis } from './analysis';
import { recommendationIncomplete, recommendationsMissing, recommendationVagueAction } from './recommendations';
import { jargonDefinedOnFirstUse, jargonDiscreditedTerm } from './terms';

/** The jargon checks, and the analysis and recommendation checks that share their helpers. */
export const jargonChecks: readonly Check[] = [
  jargonDefinedOnFirstUse,
  jargonDiscreditedTerm,
  verdictWithoutAnalysis,
  hindsightIndividualBlame,
  recommendationIncomplete,
  recommendationVagueAction,
  recommendationsMissing,
];
