/** R18: what the family said is dismissed as adding nothing, without saying how it was weighed. */
import type { Check } from '../../check';
import type { Unit } from './analysis';
import { analyseInvolvement } from './analysis';
import { digest, insertion, SEED_000, SEED_002 } from './common';
import { DISMISSED, global, RESEARCH, STRONG_ANCHOR, WEAK_ANCHOR, WEIGHED } from './lexicon';
import { memoTest } from './memo';
import { DISMISSIVE, unitHas } from './sentence-flags';

const MESSAGE =
  "This says the family's contribution added nothing. Unless the review says what they told it and how that was weighed against the records, it reads as dismissive; the study that found this wording also found that only 4 of 84 reviews met the family more than once (Harrison and Barker 2024).";

const CONTRIBUTION = /\b(?:the|this|that|each|their|her|his|these|those) (?:meetings?|conversations?|interviews?|contributions?|accounts?|views|discussions?)\b|\bmeeting with\b|\bconversation with\b/i;
const PRACTICE_MEETING = /\b(?:strategy|core group|conference|review health|child in need|CIN|team around|TAF|professionals'?|multi-agency|network|MARAC|MAPPA|planning|discharge|safety planning|looked[- ]after|LAC|PEP|CPA|ward|case) (?:meetings?|discussions?|conversations?)\b/i;
const REPORTED_BEFORE = /\b(?:she|he|they|mother|father|parents?|grand\w+|mum|dad) (?:said|told (?:the review(?:er)?|us|the author)|felt|described|explained|thought|believed|added) (?:that )?/i;
const CRITIQUE = /\btokenis\w*|\bdismiss\w*|\bshould not\b|\bdoes not accept\b|\bdid not accept\b|\bwrong(?:ly)?\b|\bsome reviews\b|\bother reviews\b|\brather than\b|\bin contrast\b|\bunlike\b/i;

function windowOf(units: readonly Unit[], i: number): string {
  const u = units[i]!;
  const parts = [u.text];
  for (const j of [i - 1, i + 1, i + 2]) {
    const v = units[j];
    if (v && v.section === u.section && !v.quoted) parts.push(v.text);
  }
  return parts.join(' ');
}

export const familyContributionDismissed: Check = {
  meta: {
    id: 'family-contribution-dismissed',
    category: 'family-involvement',
    kind: 'check',
    severity: 'info',
    severityByReviewType: { 'rapid-review': 'hint' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: "Don't write that the family's contribution added nothing; say what they said and how it was weighed.",
    message: MESSAGE,
    rationale:
      'Some published reviews note that meeting a parent produced "no additional learning" or "did not add anything new". The research reads this as a sign of tokenism: only a handful of those reviews met the family more than once or invited written contributions, and professionals may not grasp what families can add. A family\'s account that confirms the records is still evidence, and one that challenges them needs weighing. The rule stays quiet when the text says how the account was tested or used (for example "consistent with the school records", "see finding 2"), and on quoted critique of the phrase. It is a note, as the research presents it as good practice. Rapid reviews are judged more lightly.',
    good: "The father's account of the weekend contact was consistent with the school records, and it confirmed that nobody had asked him about the children's care; this is reflected in finding 2.",
    sources: [
      { document: SEED_000, year: 2024, section: 'Findings, "invited and at least one member was involved": contributions said to offer little (Reviews 32 and 102); only four reviews met families more than once', note: 'family-involvement.md line 354 (R18), lines 669-670' },
      { document: SEED_002, year: 2022, section: 'Chapter 4: family contributions visible and analysed, not taken at face value' },
      digest('354-363', 'R18 family-contribution-dismissed'),
    ],
    examples: {
      valid: [
        { text: "## Family involvement\n\nThe meeting with the father did not add anything new to the chronology, but it was consistent with the school records and confirmed that nobody had asked him about the children's care." },
        { text: "## Analysis\n\nSome reviews write that the family's contribution 'did not add anything new'; this review does not accept that framing.", note: 'quoted critique' },
        { text: '## Key episodes\n\nThe strategy meeting with the mother added nothing new to the plan.', note: 'a practice meeting in the chronology' },
      ],
      invalid: [
        { text: '## Family involvement\n\nFollowing the meeting with father no additional learning was identified in this case.', match: 'no additional learning was identified', output: '## Family involvement\n\nFollowing the meeting with father no additional learning was identified in this case. [What they told the review, and how it was weighed against the records and the other accounts.]' },
        { text: '## Involvement of the family\n\nThe mother met the reviewer once. This meeting did not add anything new to the review.', match: 'did not add anything new' },
      ],
    },
  },
  run(ctx) {
    const a = analyseInvolvement(ctx.doc);
    const re = global(DISMISSED);
    a.units.forEach((u, i) => {
      if (u.quoted || u.role === 'recommendations' || !unitHas(u, DISMISSIVE)) return;
      if (u.people.length === 0 && !CONTRIBUTION.test(u.text)) return;
      if (PRACTICE_MEETING.test(u.text) || CRITIQUE.test(u.text)) return;
      const strong = STRONG_ANCHOR.test(u.text);
      if (RESEARCH.test(u.text) && !strong) return;
      const process = u.section?.involvement || u.section?.method;
      const narrative = u.role === 'chronology' || u.role === 'background';
      if (!process && !strong && (narrative || !(WEAK_ANCHOR.test(u.text) || CONTRIBUTION.test(u.text)))) return;
      if (memoTest(WEIGHED, windowOf(a.units, i))) return;
      re.lastIndex = 0;
      const m = re.exec(u.text)!;
      // The family's own words about something else: "she said the meeting with the social worker added nothing".
      if (REPORTED_BEFORE.test(u.text.slice(0, m.index))) return;
      ctx.report({
        span: { start: u.span.start + m.index, end: u.span.start + m.index + m[0].length },
        message: MESSAGE,
        fixes: [insertion('Add a placeholder for what they said and how it was weighed', u.span.end, ' [What they told the review, and how it was weighed against the records and the other accounts.]')],
      });
    });
  },
};
