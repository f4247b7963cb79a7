/**
 * Checks in code for the family-involvement rules, and a small pure API for other features (such as
 * a quality report): `involvementGroup` sorts a draft into seed 000's four groups and
 * `involvementFacts` lists, per person, what the draft says about their part in the review.
 */
import type { Check } from '../../check';
import type { ParsedDocument } from '../../document/model';
import type { Span } from '../../types';
import type { InvolvementGroup, InvolvementStatus } from './analysis';
import { analyseInvolvement } from './analysis';
import { childSayInReviewNotAddressed, childVoiceAbsent } from './child-voice';
import type { ChildFacts } from './children';
import { childFacts } from './children';
import { deferredInvolvementNotFollowedUp } from './deferred';
import { familyContributionDismissed } from './dismissed';
import type { PersonRole } from './family-members';
import type { ReasonKind } from './lexicon';
import { familyInvolvementNotMentioned } from './not-mentioned';
import {
  childAgeReasonNeedsMore, declinedAfterSingleInvitation, familyExclusionDecisionUnexplained, familyNonInvolvementUnexplained,
  legalProceedingsBlanketExclusion, retraumatisationReasonNeedsMore,
} from './non-involvement';
import { extendedFamilyNotConsidered, fatherMaleCarerNotAddressed, supportOfferNotDescribed } from './who';

export type { InvolvementGroup, InvolvementStatus } from './analysis';
export type { ChildFacts } from './children';
export type { PersonRole } from './family-members';
export type { ReasonKind } from './lexicon';

/** The family-involvement checks. */
export const familyInvolvementChecks: readonly Check[] = [
  familyInvolvementNotMentioned,
  familyNonInvolvementUnexplained,
  familyExclusionDecisionUnexplained,
  legalProceedingsBlanketExclusion,
  childAgeReasonNeedsMore,
  retraumatisationReasonNeedsMore,
  declinedAfterSingleInvitation,
  deferredInvolvementNotFollowedUp,
  familyContributionDismissed,
  childVoiceAbsent,
  childSayInReviewNotAddressed,
  fatherMaleCarerNotAddressed,
  extendedFamilyNotConsidered,
  supportOfferNotDescribed,
];

/** Seed 000's group for a draft: never mentioned, excluded, invited but not involved, or involved. */
export function involvementGroup(doc: ParsedDocument): InvolvementGroup {
  return analyseInvolvement(doc).group;
}

/** What the draft says about one person's part in the review. */
export interface PersonInvolvement {
  /** Stable key: "mother", "father", "maternal-grandmother", "child:Child A", "sibling:Sibling 1", "family". */
  key: string;
  role: PersonRole;
  /** The pseudonym or role as a reader would name them. */
  label: string;
  /** Fathers, stepfathers, mothers' partners and other male carers. */
  maleCarer: boolean;
  mentions: number;
  firstMention: Span;
  /** Invited, took part, declined, did not respond, could not be reached, not approached, not involved, deferred. */
  statuses: InvolvementStatus[];
  /** Reasons given near statements that they did not take part. */
  reasons: ReasonKind[];
  /** Where the draft says so. */
  statements: Span[];
}

/** The group, per-person facts and per-child facts of a draft. Pure; cached per parsed document. */
export function involvementFacts(doc: ParsedDocument): { group: InvolvementGroup; persons: PersonInvolvement[]; children: ChildFacts[] } {
  const a = analyseInvolvement(doc);
  const persons = [...a.persons.values()]
    .map((p) => ({
      key: p.key,
      role: p.kind.role,
      label: p.kind.label,
      maleCarer: p.kind.maleCarer === true,
      mentions: p.mentions,
      firstMention: p.firstMention,
      statuses: [...p.statuses],
      reasons: [...p.reasons],
      statements: [...p.statements],
    }))
    .sort((x, y) => x.firstMention.start - y.firstMention.start);
  return { group: a.group, persons, children: childFacts(doc, a) };
}
