/** Culture used as an explanation without saying what was meant or how it was tested. */
import type { Check } from '../../check';
import { AUTHOR_CRITIQUE, eachHit, isReported, sentenceFact, SOURCES } from './shared';

const POSS = "(?:the\\s+family['’]s\\s+|her\\s+|his\\s+|their\\s+|the\\s+parents['’]\\s+|the\\s+)";
const FAMILY_POSS = "(?:the\\s+family['’]s\\s+|her\\s+|his\\s+|their\\s+|the\\s+parents['’]\\s+)";
const CULTURE = new RegExp(
  [
    "\\bcultural\\s+(?:factors?|reasons?|norms?|practices?|differences?|issues?|matters?|beliefs?|expectations?|traditions?|values?)\\s+(?:may|might|could|would|probably|possibly|likely|must|can)?\\s*(?:well\\s+)?(?:have\\s+)?(?:explain(?:s|ed)?|account(?:s|ed)?\\s+for|been\\s+(?:the\\s+)?(?:reason|explanation|cause)|be\\s+(?:the\\s+)?(?:reason|explanation|cause)|underl(?:ie|ay|ies)|lie\\s+behind|lay\\s+behind)\\b",
    '\\bculturally\\s+(?:normal|normali[sz]ed|acceptable|accepted|normative|sanctioned|expected|usual|common)\\b',
    '\\b(?:a|an)\\s+cultural\\s+(?:matter|thing|issue|norm|practice)\\b',
    `\\b(?:put\\s+down|attributed|ascribed|due|owing)\\s+to\\s+${POSS}?(?:culture(?!\\s+(?:of|within|in|at|across)\\b)|cultural\\s+(?:background|practices?|norms?|beliefs?|differences?|factors?))\\b`,
    `\\bbecause\\s+of\\s+${POSS}(?:culture(?!\\s+(?:of|within|in|at|across)\\b)|cultural\\s+(?:background|practices?|norms?|beliefs?))\\b`,
    `\\bpart\\s+of\\s+${FAMILY_POSS}culture\\b`,
    `\\b(?:normal|common|usual|accepted|acceptable|expected|traditional|typical)\\s+(?:in|within|for|among)\\s+(?:${POSS}?culture(?!\\s+(?:of|within|in|at|across)\\b)|${FAMILY_POSS}(?:own\\s+)?(?:community|communities))\\b`,
    "(?:^|[.;:]\\s*)In\\s+(?:her|his|their|the\\s+family['’]s)\\s+culture\\b",
    '\\bwesterni[sz]ed\\b',
    '\\bcultural\\s+explanations?\\b',
  ].join('|'),
  'gi',
);
const QUICK = /cultur|westerni/i;
// Further ways the author shows the explanation was questioned, or gives the family's own account.
const OWN_ACCOUNT = /\b(?:she|he|they|mother|father|the\s+parents?|her\s+mother|his\s+mother|her\s+father|his\s+father)\s+(?:said|told|explained|described)\b|\b(?:did|do|does)\s+not\s+accept\b|\bexplored\s+with\b|\basked\s+(?:the\s+family|her|him|them|mother|father)\b/i;
const questioned = (text: string): boolean => AUTHOR_CRITIQUE.test(text) || OWN_ACCOUNT.test(text);

/** Culture offered as an explanation in a sentence that does not itself question it: offsets in the sentence. */
const EXPLANATIONS = sentenceFact('identity/culture-as-explanation', QUICK, (text) => {
  CULTURE.lastIndex = 0;
  const m = CULTURE.exec(text);
  if (!m || questioned(text)) return undefined;
  const lead = /^[.;:]?\s*/.exec(m[0])![0].length;
  return { start: m.index + lead, end: m.index + m[0].length };
});

/** The check. */
export const cultureAsExplanation: Check = {
  meta: {
    id: 'culture-as-explanation',
    category: 'identity-context',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Do not use culture as an explanation without saying what was meant and how it was checked.',
    message: 'This uses culture as an explanation without saying what was meant, whose view it was, or how it was checked with the family. The Panel found practitioners lowering expectations of safety out of cultural sensitivity; describe what the family said and what practitioners explored.',
    rationale:
      'The Panel’s annual report (2023) describes practitioners assuming that people were "westernised" without exploring what was meant, not challenging beliefs that delayed a child’s medical treatment, and accepting lower standards of safety for a child so as not to seem insensitive about culture; it says such assumptions can skew assessments away from what was actually happening to the child. The annual review of local reviews (2022) asks practitioners to check that families understand the concerns and to use cultural advisers where that helps. A review that itself offers culture as the explanation repeats the assumption. The rule stays quiet when the sentence or the next one questions the explanation (an assumption, something nobody asked the family about, the family’s own account) and on the author discussing the wording.',
    good: 'The social worker recorded that physical chastisement was "normal in their culture" but did not ask Child R’s parents about it; when the reviewer did, they said they had been smacked as children and wanted help to parent differently.',
    sources: [SOURCES.panelCulture, SOURCES.annualReviewInterpreters, SOURCES.standards],
    examples: {
      valid: [
        { text: 'Practitioners assumed that the bruising was culturally normal, and nobody asked the family.', note: 'the author names the assumption' },
        { text: 'The school accepted that the absences were culturally normal. The review found that no one explored this with Child R.', note: 'questioned in the next sentence' },
        { text: 'Culturally appropriate support, such as a Somali-speaking family worker, was not offered.', note: 'a description of a service, not an explanation' },
        { text: 'The organisational culture of the team discouraged challenge.' },
        { text: 'Anti-social behaviour was common in the community, and the police had a patrol there most nights.', note: '"the community" as a place' },
        { text: 'The delay was due to the culture of the team, where challenge was rare.', note: 'organisational culture' },
        { text: 'Her mother told the review that in her village it was normal in the community for grandparents to care for babies.', note: 'the family’s own account' },
      ],
      invalid: [
        { text: 'Cultural factors may explain why the family did not seek medical help.', match: 'Cultural factors may explain', output: 'Cultural factors may explain why the family did not seek medical help. [Whose view this was, what was meant by it, and how it was checked with the family.]' },
        { text: 'Leaving a nine-year-old to care for her siblings is culturally normal for this family.', match: 'culturally normal' },
        { text: 'This was seen as a cultural matter and the case was closed.', match: 'a cultural matter' },
        { text: 'The delay in treatment was due to the family’s cultural beliefs.', match: 'due to the family’s cultural beliefs' },
      ],
    },
  },
  run(ctx) {
    eachHit(ctx, EXPLANATIONS, ({ sentence, nextText, voice, hit }) => {
      if (questioned(nextText)) return;
      const span = { start: sentence.start + hit.start, end: sentence.start + hit.end };
      const v = voice(span);
      if (!isReported(v)) return;
      ctx.report({
        span,
        severity: v.kind === 'quoted' ? 'info' : undefined,
        message:
          v.kind === 'quoted'
            ? 'This quotes culture given as an explanation without comment. Say whose view it was and whether anyone checked it with the family; the Panel (2023) found such assumptions skewed assessments.'
            : 'This uses culture as an explanation without saying what was meant, whose view it was, or how it was checked with the family. The Panel (2023) found practitioners lowering expectations of safety out of cultural sensitivity; describe what the family said and what practitioners explored.',
        fixes: [
          {
            title: 'Say whose view this was and how it was checked',
            kind: 'suggestion',
            edits: [{ start: sentence.end, end: sentence.end, text: ' [Whose view this was, what was meant by it, and how it was checked with the family.]' }],
          },
        ],
      });
    });
  },
};
