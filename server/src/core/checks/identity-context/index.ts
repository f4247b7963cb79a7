/** Checks in code for the identity-context rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';
import { absenceChecks } from './absence';
import { anonymityUsedToOmitIdentity } from './anonymity';
import { cultureAsExplanation } from './culture';
import { homogenisingEthnicityLabel } from './homogenising';
import { familyMemberAsInterpreter, interpreterUseNotStated } from './interpreter';
import { identityNotAnalysed } from './not-analysed';
import { racismNotConsidered } from './racism';

export { identityFacts } from './identity-facts';
export type { Characteristic, CharacteristicFacts, CharacteristicStatus, IdentityFacts, IdentityStatement, IdentitySubject, Introduction, StatementKind } from './identity-facts';

/** The identity-context checks. */
export const identityContextChecks: readonly Check[] = [
  ...absenceChecks,
  identityNotAnalysed,
  anonymityUsedToOmitIdentity,
  homogenisingEthnicityLabel,
  familyMemberAsInterpreter,
  interpreterUseNotStated,
  cultureAsExplanation,
  racismNotConsidered,
];
