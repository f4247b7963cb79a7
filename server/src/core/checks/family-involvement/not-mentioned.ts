/** R01: a whole review that never says whether the child and family took part (seed 000: 17% of 138 reviews). */
import type { Check } from '../../check';
import { wholeReview as isWhole } from './common';
import { analyseInvolvement } from './analysis';
import { digest, documentAnchor, RAPID_NOTE, SEED_000, SEED_002, SEED_003, skeletonFix } from './common';
import { GOOD_INVOLVEMENT, wholeReview } from './examples';

// For a rapid review, saying how the family will be told about it and its learning is enough (seed 003 section 1.2).
const RAPID_FAMILY_TOLD = /\b(?:family|families|parents?|mother|father|carers?)\b[^.]{0,80}\b(?:will be|were|was|has been|have been)\s+(?:told|informed|updated|given|offered)|\b(?:inform|tell|share (?:the )?(?:learning|findings) with)\s+(?:the )?(?:family|parents|mother|father)\b/i;

const MESSAGE =
  'This review does not say whether the child and family were invited to take part. One study of published reviews found 17% never said, so readers could not tell whether the family was involved, left out or forgotten (Harrison and Barker 2024). Add a short section: who was invited, who took part and how their views shaped the review, who did not and why, and the support offered.';
const RAPID_MESSAGE =
  'This rapid review does not say whether the family has been, or will be, told about the review and its learning.' + RAPID_NOTE + ' A sentence on how and when the family will be told, and on how the child\'s and family\'s perspective was considered, is enough (Panel guidance 2022, quoted in the Salford toolkit).';

export const familyInvolvementNotMentioned: Check = {
  meta: {
    id: 'family-involvement-not-mentioned',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'suggestion',
    summary: 'Say whether the child and family were invited to take part in the review, and who took part.',
    message: MESSAGE,
    rationale:
      "In a study of 138 published reviews, 24 (17%) never said whether the family had been involved, so a reader could not tell whether they were invited, excluded or simply not mentioned. The Panel's reviewers recommended that where families cannot be included, reviews give a brief statement of why. This check looks for an involvement section (however it is titled) or any statement about the review's own contact with the child or family: invited, met the reviewer, declined, not approached and why. It runs only on whole drafts, so a paragraph pasted in to try the checker is not told it lacks a family section. Rapid reviews are judged more lightly: the Panel does not expect families to be involved within 15 working days, so for them it is a note asking how the family will be told about the review and its learning.",
    good: 'The lead reviewer wrote to both parents in January and followed up by phone. The mother met the reviewer twice, supported by an advocate; the father declined. Child M met the reviewer with her foster carer present.',
    sources: [
      { document: SEED_000, year: 2024, section: 'Findings: "Reports do not mention family involvement" (24 of 138, 17%)', note: 'family-involvement.md line 126 (R01), line 734' },
      { document: SEED_000, year: 2024, section: 'Introduction: the 2021 annual review recommended a brief statement of reasons when families are not included' },
      { document: SEED_002, year: 2022, section: 'Chapter 4, The voice of the family: every effort to include family views unless there are compelling reasons' },
      { document: SEED_003, year: 2022, section: 'Section 1.2 Family engagement, quoting the Panel guidance on rapid reviews', note: 'family-involvement.md line 539-546 (G1 review-type switch)' },
      digest('126-145', 'R01 family-involvement-not-mentioned: trigger, quick-fix template and evidence'),
    ],
    examples: {
      valid: [
        { text: wholeReview({ involvement: GOOD_INVOLVEMENT }), note: 'an involvement section' },
        {
          text: wholeReview({ method: 'The review used a systems approach. The lead reviewer read agency chronologies and held a learning event. Both parents were invited to contribute by letter and by phone; the mother met the reviewer twice and the father did not respond to either approach.' }),
          note: 'involvement described in the method section',
        },
        { text: 'It has been a difficult year for practitioners in the partnership. Caseloads rose and several managers left.', note: 'a fragment, not a whole review' },
        {
          text: wholeReview({ frontMatter: 'review-type: rapid-review', method: 'This rapid review was completed within 15 working days. The family will be told about the review and its learning by the allocated social worker once it is agreed.' }),
          reviewType: 'rapid-review',
          note: 'a rapid review that says how the family will be told',
        },
      ],
      invalid: [
        { text: wholeReview(), match: '## How the review was carried out', note: 'a whole review that never mentions involvement' },
        { text: wholeReview({ frontMatter: 'review-type: rapid-review' }), match: '## How the review was carried out', severity: 'info', reviewType: 'rapid-review', note: 'a rapid review is judged more lightly' },
      ],
    },
  },
  run(ctx) {
    const { doc } = ctx;
    if (!isWhole(doc)) return;
    const a = analyseInvolvement(doc);
    if (a.statements.length > 0) return;
    // An involvement section with text about the family counts, even without a clear statement.
    if (a.familySection) return;
    const isRapid = ctx.reviewType === 'rapid-review';
    if (isRapid && a.units.some((u) => !u.quoted && RAPID_FAMILY_TOLD.test(u.text))) return;
    ctx.report({ span: documentAnchor(doc, a), message: isRapid ? RAPID_MESSAGE : MESSAGE, fixes: [skeletonFix(doc, a)] });
  },
};
