/** Checks in code for the anonymisation rules (and related categories); add each new check to this list. */
import type { Check } from '../../check';
import { identifyingDetailChecks } from './identifying';
import { intimateDetail, withheldCharacteristicNotAnalysed } from './personal';
import { inconsistentPseudonym, nameNotInRegister } from './pseudonyms';

/** The anonymisation checks. */
export const anonymisationChecks: readonly Check[] = [nameNotInRegister, inconsistentPseudonym, ...identifyingDetailChecks, intimateDetail, withheldCharacteristicNotAnalysed];
