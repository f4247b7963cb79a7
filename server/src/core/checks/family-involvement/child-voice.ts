/** R21 and R22: the child's own voice and daily life, and whether the child was offered a say in the review. */
import type { Check, CheckContext } from '../../check';
import type { Span } from '../../types';
import type { InvolvementAnalysis } from './analysis';
import { wholeReview as isWhole } from './common';
import { analyseInvolvement } from './analysis';
import type { ChildFacts } from './children';
import { childFacts } from './children';
import { cap, digest, documentAnchor, insertion, RAPID_NOTE, rapid, SEED_000, SEED_002, SEED_004 } from './common';
import { babyReview, wholeReview } from './examples';

/** The age from which the checker expects a child to have been offered a say; the sources set none (digest line 403). */
export const CHILD_SAY_MIN_AGE = 7;

const VOICE_MESSAGE =
  "This review gives no account of {{name}}'s own views, wishes or feelings, or of their daily life. A good review keeps the child at the centre: say what they said, directly or through people who knew them, and what their day was like; if the records hold little of their voice, say so, as that is a finding in itself (Dickens et al. 2022).";
const BABY_MESSAGE =
  "{{name}} was a baby, so the review cannot report their words, but it can say what their day was like: who cared for them, where they slept, what they would have seen and heard. Babies have no voice of their own and depend entirely on their carers (Panel annual report 2022 to 2023).";
const NON_VERBAL_MESSAGE =
  "{{name}} did not communicate in words, so say what their day was like and how they showed their feelings, from the people who knew them best and from the records; the Panel stresses representing non-verbal children's voices in reviews (Panel annual report 2022 to 2023).";

function voiceAnchor(doc: CheckContext['doc'], a: InvolvementAnalysis): Span {
  const background = a.sections.find((s) => s.role === 'background');
  if (a.involvementSection) return a.involvementSection.section.heading;
  if (background) return background.section.heading;
  return documentAnchor(doc, a);
}

function voiceSkeletonAt(doc: CheckContext['doc'], a: InvolvementAnalysis, child: ChildFacts): { at: number; text: string } {
  const after = a.sections.find((s) => s.role === 'background') ?? a.involvementSection ?? a.methodSection;
  const level = after?.section.level ?? 2;
  const at = after ? after.section.end : doc.text.length;
  const name = child.key === 'child' ? 'The child' : child.label;
  const body = child.baby || child.nonVerbal
    ? `[What ${name === 'The child' ? 'the child' : name}'s day was like: who cared for them, where they slept, what they would have seen and heard, and how they showed how they felt, from the people who knew them and from the records.]`
    : `[What ${name === 'The child' ? 'the child' : name} said about their life, wishes and feelings, directly or through people who knew them; or, if the records hold little of their voice, say so.]`;
  const heading = doc.language === 'markdown' ? `${'#'.repeat(level)} ${name}'s voice and daily life` : `${name}'s voice and daily life`;
  const text = `${heading}\n\n${body}\n\n`;
  return at >= doc.text.length ? { at: doc.text.length, text: `\n\n${text.replace(/\n+$/, '\n')}` } : { at, text };
}

export const childVoiceAbsent: Check = {
  meta: {
    id: 'child-voice-absent',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'suggestion',
    summary: "Give the child's own voice: their views, wishes and feelings, and what their daily life was like.",
    message: VOICE_MESSAGE.replace('{{name}}', 'the child'),
    rationale:
      "The annual review of local reviews found that although many gave enough background, few gave any sense of the voice of the child; a good review shows the child's daily life. The Panel asks reviews, including rapid reviews, to focus on the child's lived experience and perspective. This check looks for a section on the child's voice or daily life, or sentences where the child speaks, wants, feels or describes something, or where their views, wishes and lived experience are discussed. For a baby or a child who does not use words it looks for what their day was like instead. It runs on whole drafts only; rapid reviews get a note rather than a warning.",
    good: "Child M told her class teacher that she liked drawing animals and wanted to be a vet. She said that she worried about her mother while she was at school.",
    sources: [
      { document: SEED_002, year: 2022, section: "Chapter 4, enough family context to illustrate the child's daily life; few gave any sense of the voice of the child", note: 'family-involvement.md line 385 (R21)' },
      { document: SEED_004, year: 2023, section: "Rapid reviews should focus on the child's lived experience; babies have no voice of their own; non-verbal children", note: 'family-involvement.md line 392' },
      { document: SEED_000, year: 2024, section: 'Introduction: the lived experience of the child keeps the child at the centre of the process' },
      digest('385-397', 'R21 child-voice-absent'),
    ],
    examples: {
      valid: [
        { text: wholeReview(), note: 'the background reports what the child said' },
        { text: wholeReview({ childVoice: '', episodes: "Child M's school records show little of her own views; no practitioner asked her what life at home was like, and this is itself a finding." }), note: 'the absence of her voice is recognised' },
        {
          text: babyReview({
            background: "Baby N was born in March and was 4 months old when she was admitted to hospital. Her day was spent mostly in a pram in the living room; her grandmother said she smiled when she was cuddled and cried when the flat was loud.",
          }),
          note: 'a baby whose daily life is described',
        },
        { text: 'The children were not seen alone during this period.', note: 'a fragment' },
      ],
      invalid: [
        { text: wholeReview({ childVoice: '' }), match: '## Background', note: "no account of the child's own voice" },
        {
          text: babyReview(),
          match: '## Background',
          note: 'a baby: the message asks what her day was like',
        },
      ],
    },
  },
  run(ctx) {
    const { doc } = ctx;
    if (!isWhole(doc)) return;
    const a = analyseInvolvement(doc);
    const children = childFacts(doc, a).filter((c) => c.key.startsWith('child'));
    if (children.length === 0) return;
    // With several children, report the first without any voice (one finding per draft is enough to prompt).
    const missing = children.find((c) => (c.baby || c.nonVerbal ? !c.dailyLife && !c.voice : !c.voice && !c.dailyLife));
    if (!missing) return;
    const name = missing.key === 'child' ? 'the child' : missing.label;
    const template = missing.baby ? BABY_MESSAGE : missing.nonVerbal ? NON_VERBAL_MESSAGE : VOICE_MESSAGE;
    const message = template.replace(/\{\{name\}\}/g, (m, offset: number) => (offset === 0 ? cap(name) : name)) + (rapid(ctx) ? RAPID_NOTE.replace('so this is a note', 'but the Panel still asks rapid reviews to explore the child\'s experience; this is a note') : '');
    const sk = voiceSkeletonAt(doc, a, missing);
    ctx.report({ span: voiceAnchor(doc, a), message, fixes: [insertion("Insert a section on the child's voice and daily life to complete", sk.at, sk.text)] });
  },
};

// ------------------------------------------------------------------------------------------------

const SAY_MESSAGE =
  '{{name}} was {{age}} and the review does not say whether they were offered a say in it, or why not. Children can take part in ways that suit them, such as meeting the reviewer with a trusted adult or answering written questions, and the best reviews include their view of how they could have been better protected (Harrison and Barker 2024; Dickens et al. 2022).';

const FAMILY_WIDE_MESSAGE =
  'The review says what the family were offered, but not whether {{name}}, who was {{age}}, was offered a say in their own right, or why not. Children can take part in ways that suit them, such as meeting the reviewer with a trusted adult or answering written questions (Harrison and Barker 2024).';

export const childSayInReviewNotAddressed: Check = {
  meta: {
    id: 'child-say-in-review-not-addressed',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'off' },
    scope: 'document',
    fix: 'suggestion',
    summary: 'Say whether a child old enough to give a view was offered a say in the review, and if not, why not.',
    message: SAY_MESSAGE.replace('{{name}}', 'The child').replace('{{age}}', `${CHILD_SAY_MIN_AGE} or older`),
    rationale:
      `Involving children in reviews happens less often than involving adults. The research found children left out because of their age or the risk of distress, and other reviews that found ways to hear them: a leaflet designed for them, written questions, meetings with the support of a carer, or a picture exchange system for a child who did not speak. This check applies to a living child whose stated age is ${CHILD_SAY_MIN_AGE} or more (the sources give no threshold, so the age is a conservative default) and asks for one sentence on whether they were offered a say and what happened. When the review only says that "the family" were invited, it is a note rather than a warning. It stays quiet when the child died, when their age is not stated, and for rapid reviews, where the family is not expected to take part.`,
    good: 'Child M, now 12, was offered the chance to meet the reviewer and chose to do so with her foster carer present.',
    sources: [
      { document: SEED_000, year: 2024, section: "Findings and Discussion: children excluded for their 'age'; a leaflet, written questions and picture exchange used to involve children", note: 'family-involvement.md line 398 (R22)' },
      { document: SEED_002, year: 2022, section: "Chapter 4: the best examples included young people's views of how they could have been better protected" },
      { document: SEED_004, year: 2023, section: 'Listening to the voice of the child who was the focus of the review, in reviews themselves' },
      digest('398-414', 'R22 child-not-involved-unexplained (b): the family section names only adults and the child is of an age to contribute'),
    ],
    examples: {
      valid: [
        { text: wholeReview({ involvement: { heading: 'Involvement of the child and family', text: 'Child M, now 12, met the reviewer with her foster carer present. The mother met the reviewer twice, supported by an advocate. The father met the reviewer once by video call.' } }) },
        { text: wholeReview({ involvement: { heading: 'Involvement of the child and family', text: 'Child M, now 12, was not asked to take part directly: on the advice of her therapist, and with her agreement, her views were gathered through her foster carer.' } }) },
        {
          text: wholeReview({ introduction: 'This review was commissioned after Child M, aged 3, was admitted to hospital with a serious head injury. Its purpose is to identify learning for the partnership, not to apportion blame.', background: 'Child M was 3 years old and lived with her mother. Her father saw her at weekends.', childVoice: 'Her nursery key worker said she loved the sand tray.' }),
          note: 'too young for the default threshold',
        },
      ],
      invalid: [
        {
          text: wholeReview({ involvement: { heading: 'Involvement of the family', text: 'The mother met the reviewer twice, supported by an advocate. The father met the reviewer once by video call.' } }),
          match: '## Involvement of the family',
        },
        {
          text: wholeReview({ involvement: { heading: 'Involvement of the family', text: 'The family were invited to contribute, and what they told the reviewer appears throughout the report.' } }),
          match: '## Involvement of the family',
          severity: 'info',
          note: 'only "the family" is mentioned, which may include the child',
        },
      ],
    },
  },
  run(ctx) {
    const { doc } = ctx;
    if (!isWhole(doc)) return;
    const a = analyseInvolvement(doc);
    // When the review never mentions involvement at all, family-involvement-not-mentioned already asks about the child.
    if (a.statements.length === 0 && !a.familySection) return;
    for (const c of childFacts(doc, a)) {
      if (!c.key.startsWith('child') || c.died || c.sayAddressed || c.age === undefined || c.age < CHILD_SAY_MIN_AGE) continue;
      const name = c.key === 'child' ? 'The child' : c.label;
      const anchor = documentAnchor(doc, a, 'involvement');
      const at = a.involvementSection?.section.end ?? a.methodSection?.section.end;
      const placeholder = `[Whether ${name === 'The child' ? 'the child' : name} was offered a say in the review, how (for example meeting the reviewer with a trusted adult, or written questions), and what they said; or why not, and how their views were heard another way.]`;
      const fixes = at !== undefined && at < doc.text.length ? [insertion("Add a placeholder for the child's say in the review", at, `${placeholder}\n\n`)] : [insertion("Add a placeholder for the child's say in the review", doc.text.length, `\n\n${placeholder}\n`)];
      // "The family were invited" may include the child: a note, asking for the child in their own right.
      const familyWide = (a.persons.get('family')?.statuses.length ?? 0) > 0;
      const message = familyWide
        ? FAMILY_WIDE_MESSAGE.replace('{{name}}', name === 'The child' ? 'the child' : name).replace('{{age}}', String(Math.floor(c.age)))
        : SAY_MESSAGE.replace('{{name}}', name).replace('{{age}}', String(Math.floor(c.age)));
      ctx.report({ span: anchor, message, fixes, severity: familyWide ? 'info' : undefined });
    }
  },
};
