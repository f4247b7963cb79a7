/**
 * Statements that someone did not take part in the review: no reason given (R02), a decision given
 * as if it were a reason (R03), criminal proceedings as the only reason (R04), the child's age, the
 * risk of distress or re-traumatisation, and declining after a single letter.
 */
import type { Check, CheckContext } from '../../check';
import type { InvolvementAnalysis, InvolvementStatus, Statement } from './analysis';
import { analyseInvolvement, processHas, sectionHas } from './analysis';
import { cap, digest, insertion, labelOf, notInvolvedKeys, rapidNote, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 } from './common';
import { kindOf } from './family-members';
import type { ReasonKind } from './lexicon';
import { childFacts } from './children';
import { memoTest } from './memo';
import { ALTERNATIVE, CHILD_ALTERNATIVE, CONSULTED, FURTHER_ATTEMPT, LIAISON, RENEWAL, SINGLE_ATTEMPT, SUPPORT } from './lexicon';

const BABY_WINDOW = /\b(?:bab(?:y|ies)|infants?|newborn|pre-?verbal|\d+ (?:weeks|months) old|aged \d+ (?:weeks|months))\b/i;

const has = (s: Statement, ...st: InvolvementStatus[]): boolean => st.some((x) => s.statuses.has(x));
const onlyReasons = (s: Statement, allowed: ReasonKind[]): boolean => s.reasons.size > 0 && [...s.reasons].every((r) => allowed.includes(r));

/** Whether the pattern is in the statement's window or anywhere in its section (cached per section). */
function near(a: InvolvementAnalysis, s: Statement, re: RegExp): boolean {
  return memoTest(re, s.window) || sectionHas(a, s.unit, re);
}

function who(a: InvolvementAnalysis, s: Statement): string {
  const keys = notInvolvedKeys(s);
  return labelOf(a, keys.length > 0 ? keys : s.persons);
}

function each(ctx: CheckContext, test: (a: InvolvementAnalysis, s: Statement) => void): void {
  const a = analyseInvolvement(ctx.doc);
  for (const s of a.statements) test(a, s);
}

// ------------------------------------------------------------------------------------------------

const R02_MESSAGE =
  "This says {{name}} did not take part in the review but gives no reason. A good review says why, for example they declined, did not reply to two letters and a call, or criminal proceedings were under way, and what was tried. Harrison and Barker (2024) found published reviews that gave no reason at all for a family not taking part.";

export const familyNonInvolvementUnexplained: Check = {
  meta: {
    id: 'family-non-involvement-unexplained',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'When someone in the family did not take part in the review, say why and what was tried.',
    message: R02_MESSAGE,
    rationale:
      "A bare statement that it \"has not been possible\" to meet the family, like one quoted in the study of published reviews, leaves the reader unable to tell whether the family were invited, declined, could not be found, or were never asked. The Panel's reviewers asked for a brief statement of the reasons, and one study found 17% of reviews gave none. A reason counts when it sits in the same sentence, the one before, or the two after (or the same list item). Declining, not replying and not being traceable are reasons in themselves; a decision (\"the panel decided\") is not, and has its own rule. Sentences in the chronology about engagement with services are not checked, only the review's own contact with the family. Rapid reviews are judged more lightly.",
    good: 'It has not been possible to meet the father: he did not reply to letters in January and March or to a call through his probation officer. The offer remains open.',
    sources: [
      { document: SEED_000, year: 2024, section: 'Findings: "Children and families were invited but were not involved" (three reports gave no reason; Review 96)', note: 'family-involvement.md line 146 (R02), line 666' },
      { document: SEED_000, year: 2024, section: 'Discussion: 17% of reports failed to state why the child or family had not been included' },
      { document: SEED_003, year: 2022, section: 'Checklist: are the reasons for non-involvement reasonable and documented?' },
      digest('146-160', 'R02 family-non-involvement-unexplained; reason window at line 84; reason taxonomy lines 86-120'),
    ],
    examples: {
      valid: [
        { text: '## Family involvement\n\nIt has not been possible to meet with the father, who declined the invitation sent by the lead reviewer.' },
        { text: '## Family involvement\n\nThe father was not involved in the review. He was serving a prison sentence and did not reply to two letters.', note: 'reason in the next sentence' },
        { text: '## Chronology\n\nThe father was not involved in the assessment and was not seen by the social worker.', note: 'about practice, not the review' },
        { text: 'Research has found that reviews often say the parents were not involved without saying why.', note: 'about research, not this review' },
        { text: "## Family involvement\n\nSome reviews write that 'it has not been possible to meet with the parents', which tells the reader nothing.", note: 'quoted critique' },
      ],
      invalid: [
        {
          text: '## Family involvement\n\nUnfortunately it has not been possible to meet with the parents and incorporate their views into the review.',
          match: 'Unfortunately it has not been possible to meet with the parents and incorporate their views into the review.',
          output: '## Family involvement\n\nUnfortunately it has not been possible to meet with the parents and incorporate their views into the review. [Reason: say why they did not take part, for example they declined, did not reply to two letters and a call, or proceedings were under way; and say what was tried.]',
        },
        { text: 'The reviewer was unable to meet with the mother.', match: 'The reviewer was unable to meet with the mother.' },
        { text: '## Involvement\n\n| Family member | Took part | Notes |\n| --- | --- | --- |\n| Father | No | |', match: 'Father | No', note: 'a row of an involvement table' },
        { text: '---\nreview-type: rapid-review\n---\n## Family involvement\n\nThe father has not been spoken to by the review.', match: 'The father has not been spoken to by the review.', severity: 'info', reviewType: 'rapid-review' },
      ],
    },
  },
  run(ctx) {
    each(ctx, (a, s) => {
      const targets = [...s.byPerson]
        .filter(([, st]) => (st.has('not-involved') || st.has('not-approached')) && !['declined', 'no-response', 'not-reached', 'deferred'].some((x) => st.has(x as InvolvementStatus)))
        .map(([k]) => k);
      if (targets.length === 0 || has(s, 'declined', 'no-response', 'not-reached', 'deferred')) return;
      if (s.reasons.size > 0 || s.decision) return;
      // For a child, saying how their voice was heard instead explains enough.
      if (targets.every((k) => ['child', 'sibling'].includes(kindOf(a.table, k).role)) && memoTest(CHILD_ALTERNATIVE, s.window)) return;
      ctx.report({
        span: s.unit.span,
        message: R02_MESSAGE.replace('{{name}}', labelOf(a, targets)) + rapidNote(ctx),
        fixes: [insertion('Add a placeholder for the reason and what was tried', s.unit.span.end, ' [Reason: say why they did not take part, for example they declined, did not reply to two letters and a call, or proceedings were under way; and say what was tried.]')],
      });
    });
  },
};

// ------------------------------------------------------------------------------------------------

const R03_MESSAGE =
  'This records a decision not to involve {{name}}, but a decision is not a reason. Say who decided, when and why, and whether their views were sought another way; in one study, a tenth of reviews recorded decisions to exclude children or family, some saying only that the panel had decided (Harrison and Barker 2024).';
const R03_AGENTLESS = ' It also does not say who made the decision.';

export const familyExclusionDecisionUnexplained: Check = {
  meta: {
    id: 'family-exclusion-decision-unexplained',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'A decision not to involve the family needs its reasons, its decision-maker and what was done instead.',
    message: R03_MESSAGE,
    rationale:
      '"The panel decided not to involve the family" reads like an explanation but gives none. Reviews in one study recorded decisions to exclude children and family members, either because of criminal proceedings or simply because the panel had decided so. Decisions about who takes part should be made case by case and the reasons recorded, with what was done instead so the family\'s perspective still reaches the learning. When a reason is given nearby (proceedings, distress, the person\'s own wishes), this rule stays quiet and the reason\'s own rule, if any, applies. Rapid reviews are judged more lightly.',
    good: 'The review panel decided in February not to approach the father, because he is charged in connection with the injuries and the police advised that contact could prejudice the trial. His perspective is reflected through his statements to the police.',
    sources: [
      { document: SEED_000, year: 2024, section: 'Findings: "Children and families were excluded" (13 of 138; "the panel made a decision to exclude them")', note: 'family-involvement.md line 162 (R03), lines 110 and 675' },
      { document: SEED_001, section: 'Decisions about inclusion need to be made case by case' },
      { document: SEED_003, year: 2022, section: 'Checklist: has there been discussion about which family members are involved and why?' },
      digest('162-180', 'R03 family-exclusion-decision-unexplained'),
    ],
    examples: {
      valid: [
        { text: '## Family involvement\n\nThe panel decided not to involve the father because he has been charged with offences against the children.' },
        { text: '## Family involvement\n\nIt was agreed that Child B would not be asked to take part, as her therapist advised that it could cause her further distress; her views were gathered through her foster carer.' },
        { text: '## Recommendations\n\nThe partnership decided to review how it involves families in reviews.', note: 'not about anyone not taking part' },
      ],
      invalid: [
        { text: '## Family involvement\n\nThe panel made a decision not to involve the family in this review.', match: 'The panel made a decision not to involve the family in this review.' },
        { text: '## Family involvement\n\nIt was decided that the parents would not be approached.', match: 'It was decided that the parents would not be approached.' },
        { text: '## Family involvement\n\nIt was not considered appropriate to involve Child C.', match: 'It was not considered appropriate to involve Child C.' },
      ],
    },
  },
  run(ctx) {
    each(ctx, (a, s) => {
      if (!s.decision || !has(s, 'not-involved', 'not-approached', 'deferred')) return;
      if (s.reasons.size > 0) return;
      ctx.report({
        span: s.unit.span,
        message: R03_MESSAGE.replace('{{name}}', who(a, s)) + (s.agentless ? R03_AGENTLESS : '') + rapidNote(ctx),
        fixes: [insertion('Add a placeholder for who decided, why, and what was done instead', s.unit.span.end, ' [Who decided, when and why; how their perspective was reflected instead; when the decision will be looked at again.]')],
      });
    });
  },
};

// ------------------------------------------------------------------------------------------------

const R04_MESSAGE =
  'Legal proceedings are the only reason given for not involving {{name}}. Proceedings alone should not rule a family out: the Panel\'s guidance lets the two processes run side by side (Harrison and Barker 2024). Say {{missing}}.';

export const legalProceedingsBlanketExclusion: Check = {
  meta: {
    id: 'legal-proceedings-blanket-exclusion',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'none',
    summary: 'When proceedings are the reason the family were not involved, say what was done instead and whether the offer will be renewed.',
    message: R04_MESSAGE.replace('{{missing}}', 'whether the police, senior investigating officer or CPS were consulted, what was done instead (for example meeting the wider family), and whether the offer will be renewed when proceedings end'),
    rationale:
      'Ongoing criminal proceedings are among the reasons reviews give for leaving families out. The research on published reviews found little effort to represent the family\'s views in other ways, such as meeting the extended family, and notes that the guidance does not require the family to be excluded: the review looks at system learning and the trial at individual culpability, and the CPS protocol sets out how the two liaise. A reader needs to know whether the police or CPS were consulted, what was done instead, and whether the family will be offered the chance to contribute later. The rule is a warning when none of that is said, and a note when only the renewed offer is missing. Rapid reviews are judged more lightly.',
    good: 'Following liaison with the senior investigating officer under the CPS protocol, it was agreed that the father could not be approached before the trial. The maternal grandmother met the reviewer instead, and both parents will be offered the chance to contribute when the trial ends, with any new learning published as an addendum.',
    sources: [
      { document: SEED_000, year: 2024, section: 'Discussion: ongoing legal proceedings alone should not automatically preclude involvement; CPS liaison protocol', note: 'family-involvement.md line 181 (R04)' },
      { document: SEED_003, year: 2022, section: 'Section 1.3 Impact of parallel processes: involve the senior investigating officer early' },
      { document: SEED_004, year: 2023, section: 'Panel annual report: involving children in a different way when there are criminal investigations' },
      digest('181-197', 'R04 legal-proceedings-blanket-exclusion; reason REASON_LEGAL at line 92'),
    ],
    examples: {
      valid: [
        { text: '## Family involvement\n\nThe parents were not approached because of the ongoing criminal proceedings. This was agreed with the senior investigating officer, and the maternal grandmother met the reviewer instead. The parents will be offered the opportunity to contribute when the trial ends.' },
        { text: '## Family involvement\n\nThe mother declined to take part while criminal proceedings were ongoing.', note: 'her own choice, not an exclusion' },
      ],
      invalid: [
        { text: '## Family involvement\n\nThe father was not involved in the review due to ongoing criminal proceedings.', match: 'The father was not involved in the review due to ongoing criminal proceedings.' },
        {
          text: '## Family involvement\n\nAfter discussion with the senior investigating officer, the parents were not approached because of the criminal investigation.',
          match: 'After discussion with the senior investigating officer, the parents were not approached because of the criminal investigation.',
          severity: 'info',
          note: 'liaison described; only the renewed offer is missing',
        },
      ],
    },
  },
  run(ctx) {
    const a = analyseInvolvement(ctx.doc);
    const seen = new Set<unknown>();
    for (const s of a.statements) {
      if (!has(s, 'not-involved', 'not-approached', 'deferred') || has(s, 'declined', 'no-response')) continue;
      if (!onlyReasons(s, ['legal', 'suspect'])) continue;
      const key = s.unit.section ?? s.unit.block;
      if (seen.has(key)) continue;
      const liaison = near(a, s, LIAISON) || processHas(a, LIAISON);
      const instead = near(a, s, ALTERNATIVE);
      const renewal = s.statuses.has('deferred') || near(a, s, RENEWAL);
      if ((liaison || instead) && renewal) continue;
      seen.add(key);
      const missing: string[] = [];
      if (!liaison) missing.push('whether the police, senior investigating officer or CPS were consulted');
      if (!instead) missing.push('what was done instead, for example meeting the wider family or drawing on their statements');
      if (!renewal) missing.push('whether the offer will be renewed when proceedings end');
      const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')}, and ${missing[missing.length - 1]}` : missing[0]!;
      ctx.report({
        span: s.unit.span,
        message: R04_MESSAGE.replace('{{name}}', who(a, s)).replace('{{missing}}', list) + rapidNote(ctx),
        severity: liaison || instead ? 'info' : undefined,
      });
    }
  },
};

// ------------------------------------------------------------------------------------------------

const AGE_MESSAGE =
  "{{name}}'s age is given as the reason they were not asked to take part. Age alone rarely rules out hearing a child: say how old they were, whether ways suited to their age were considered, and how their views or daily life were captured another way, for example through their carer, social worker or school (Harrison and Barker 2024).";
const BABY_MESSAGE =
  "{{name}} was too young to take part, which a reader will accept; what the review still needs is what their day was like, from the people who cared for them and the records, so the baby stays at the centre of the learning (Panel annual report 2022 to 2023).";

export const childAgeReasonNeedsMore: Check = {
  meta: {
    id: 'child-age-reason-needs-more',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: "When a child's age is the reason they were not involved, say how their voice was heard another way.",
    message: AGE_MESSAGE,
    rationale:
      "Reviews that excluded children often gave their age as the reason. The research shows children can be involved despite their age and needs, by written questions, play, or through professionals and carers who know them, and that the best reviews include children's own views of how they could have been better protected. When age is the reason, a reader needs to know what was done instead. For a baby, age is reason enough, but the review should still describe the baby's daily life. The rule stays quiet when another route to the child's voice is described nearby. Rapid reviews are judged more lightly.",
    good: 'Child B, who was four, was not interviewed because of her age. The reviewer met her foster carer and her nursery key worker, who described her daily routine and what she has said about home.',
    sources: [
      { document: SEED_000, year: 2024, section: "Findings: children excluded because of their 'age'; Discussion: children can be involved despite their needs", note: 'family-involvement.md line 398 (R22), reason REASON_CHILD_AGE at line 99' },
      { document: SEED_002, year: 2022, section: "Chapter 4: alternative routes to young people's voices; enough context to show the child's daily life" },
      { document: SEED_004, year: 2023, section: 'Babies have no voice of their own and depend entirely on their carers' },
      digest('398-414', 'R22 child-not-involved-unexplained; alternative routes to the child\'s voice, lines 722-725'),
    ],
    examples: {
      valid: [
        { text: "## Involvement of the children\n\nChild B, aged 5, was not asked to take part because of her age. Her foster carer and social worker told the review about her daily routine and what she has said about home." },
        { text: '## Involvement of the children\n\nChild B, aged 12, met the reviewer with her foster carer present.' },
      ],
      invalid: [
        { text: '## Involvement of the children\n\nChild B, aged 7, was not asked to take part in the review because of her age.', match: 'Child B, aged 7, was not asked to take part in the review because of her age.' },
        { text: '## Involvement of the children\n\nThe children were not involved in the review due to their young age.', match: 'The children were not involved in the review due to their young age.' },
      ],
    },
  },
  run(ctx) {
    const a = analyseInvolvement(ctx.doc);
    let babyLife: boolean | undefined;
    for (const s of a.statements) {
      if (!s.reasons.has('child-age') || !has(s, 'not-involved', 'not-approached')) continue;
      const children = notInvolvedKeys(s).filter((k) => ['child', 'sibling'].includes(kindOf(a.table, k).role));
      if (children.length === 0) continue;
      if (near(a, s, CHILD_ALTERNATIVE)) continue;
      const baby = memoTest(BABY_WINDOW, s.window);
      babyLife ??= childFacts(ctx.doc, a).some((c) => c.dailyLife);
      if (baby && babyLife) continue;
      ctx.report({
        span: s.unit.span,
        message: (baby ? BABY_MESSAGE : AGE_MESSAGE).replace('{{name}}', cap(labelOf(a, children))) + rapidNote(ctx),
        fixes: [insertion("Add a placeholder for how the child's voice was captured", s.unit.span.end, baby ? " [What the baby's day was like, from those who cared for them and the records.]" : " [How old they were, whether methods suited to their age were considered, and how their views were captured another way, for example through their carer, social worker or school.]")],
      });
    }
  },
};

// ------------------------------------------------------------------------------------------------

const TRAUMA_MESSAGE =
  'The risk of distress or re-traumatisation is given as the reason {{name}} was not involved. That can be right, but a reader needs to know who judged it and how, whether {{name}} or the people closest to them were asked, and how their views were heard another way or what support could make it possible later (Harrison and Barker 2024).';

export const retraumatisationReasonNeedsMore: Check = {
  meta: {
    id: 'retraumatisation-reason-needs-more',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'When distress or re-traumatisation is the reason someone was not involved, say who judged it and how their voice was heard instead.',
    message: TRAUMA_MESSAGE,
    rationale:
      'Reviews often keep children, and sometimes adults, out of the review to protect them from distress, re-traumatisation or disruption to a placement. The research found these concerns were real but that little thought was given to how to address them: a trauma-informed approach, support, the advice of those who know the person, or another route to their views. Without that, protecting someone and silencing them look the same on the page. The rule stays quiet when the text says who was consulted, what support was considered, or how the person\'s views were heard another way, and when the person chose not to take part themselves. Rapid reviews are judged more lightly.',
    good: "On the advice of her therapist, Child D (14) was not asked to meet the reviewer, to avoid adding to her distress before the trial. She chose instead to answer written questions with her foster carer's help.",
    sources: [
      { document: SEED_000, year: 2024, section: "Findings: exclusion because it would be 'unsettling' or 'disruptive and potentially distressing'; Discussion: little evidence of a trauma-informed approach", note: 'family-involvement.md line 321 (R15), line 398 (R22), reason REASON_TRAUMA at line 97' },
      { document: SEED_003, year: 2022, section: 'Section 1.2: involvement must not impact negatively on lived experience; support and advice from the partnership' },
      digest('321-330', 'R15 trauma-context-unaddressed, with R22 lines 398-414'),
    ],
    examples: {
      valid: [
        { text: "## Involvement of the children\n\nAfter discussion with her foster carer, it was agreed that Child D would not meet the reviewer because it could be distressing. Her views were gathered through written questions she answered with her carer." },
        { text: '## Involvement of the family\n\nThe mother did not feel able to take part because it would be too distressing so soon after her son\'s death.', note: 'her own choice' },
      ],
      invalid: [
        { text: '## Involvement of the children\n\nThe children were not involved in the review, as it was felt this could re-traumatise them.', match: 'The children were not involved in the review, as it was felt this could re-traumatise them.' },
        { text: '## Involvement of the children\n\nChild E was not approached because it would be unsettling and could affect her placement stability.', match: 'Child E was not approached because it would be unsettling and could affect her placement stability.' },
      ],
    },
  },
  run(ctx) {
    const a = analyseInvolvement(ctx.doc);
    for (const s of a.statements) {
      if (!(s.reasons.has('trauma') || s.reasons.has('stability')) || !has(s, 'not-involved', 'not-approached', 'deferred') || has(s, 'declined', 'no-response')) continue;
      if (near(a, s, CONSULTED) || memoTest(CHILD_ALTERNATIVE, s.window) || memoTest(ALTERNATIVE, s.window) || memoTest(SUPPORT, s.window)) continue;
      const name = labelOf(a, notInvolvedKeys(s));
      ctx.report({
        span: s.unit.span,
        message: TRAUMA_MESSAGE.replace(/\{\{name\}\}/g, name) + rapidNote(ctx),
        fixes: [insertion('Add a placeholder for who judged the risk and how their views were heard', s.unit.span.end, ' [Who judged the risk and on what basis; whether they, or those closest to them, were asked; how their views were heard another way, or what support could make involvement possible later.]')],
      });
    }
  },
};

// ------------------------------------------------------------------------------------------------

const SINGLE_MESSAGE =
  '{{name}} is said to have declined or not replied after a single letter or call. One approach is a thin attempt; in one study, every family offered support to take part did so (Harrison and Barker 2024). Say how many approaches were made and by whom, whether support or a professional they know was offered, and whether the offer stays open.';

export const declinedAfterSingleInvitation: Check = {
  meta: {
    id: 'declined-after-single-invitation',
    category: 'family-involvement',
    kind: 'check',
    severity: 'info',
    severityByReviewType: { 'rapid-review': 'off' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'When someone declined or did not reply after one letter, say what else was tried and whether the offer stays open.',
    message: SINGLE_MESSAGE,
    rationale:
      "Declining is a family member's right and is a reason in itself. But a single letter from a stranger, sent to a bereaved or frightened family, is a thin attempt. The research found most reviews did not say how they had tried to engage families who did not take part, few used a professional the family already knew, and no review in that group described offering support, although where support was offered families always took part. This is good practice rather than statute, so it is a note. Rapid reviews are not checked.",
    good: "The father did not reply to the reviewer's letter in March. A second approach was made through his probation officer in April, with the offer of an advocate; he declined, and the offer remains open.",
    sources: [
      { document: SEED_000, year: 2024, section: "Findings: 14 of 17 reports did not say how attempts were made; no report described offering support; Discussion: limiting attempts", note: 'family-involvement.md line 198 (R05), statistics lines 736-743' },
      { document: SEED_003, year: 2022, section: 'Section 1.2: it can be entirely appropriate to decline; the most appropriate person to engage them' },
      digest('198-214', 'R05 declined-or-no-response-without-context'),
    ],
    examples: {
      valid: [
        { text: '## Family involvement\n\nThe father was sent a letter in March and then contacted through his probation officer in April. He declined, and the offer remains open.' },
        { text: '## Family involvement\n\nThe mother declined to take part after meeting the reviewer and her advocate to talk it through.' },
      ],
      invalid: [
        { text: '## Family involvement\n\nA letter was sent to both parents inviting them to contribute. Neither responded.', match: 'Neither responded.' },
        { text: '## Family involvement\n\nThe father was sent one letter by the business manager and declined to take part.', match: 'The father was sent one letter by the business manager and declined to take part.' },
      ],
    },
  },
  run(ctx) {
    const a = analyseInvolvement(ctx.doc);
    for (const s of a.statements) {
      if (!has(s, 'declined', 'no-response')) continue;
      if (!memoTest(SINGLE_ATTEMPT, s.window) || memoTest(FURTHER_ATTEMPT, s.window) || memoTest(SUPPORT, s.window)) continue;
      ctx.report({
        span: s.unit.span,
        message: SINGLE_MESSAGE.replace('{{name}}', cap(labelOf(a, notInvolvedKeys(s).length > 0 ? notInvolvedKeys(s) : s.persons))) + rapidNote(ctx),
        fixes: [insertion('Add a placeholder for further approaches and support', s.unit.span.end, ' [Further approaches: how many, by whom (ideally someone they know), the support offered, and whether the offer stays open.]')],
      });
    }
  },
};
