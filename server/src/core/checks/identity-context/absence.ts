/**
 * The absence rules: a whole review that never states the child's ethnicity, religion or faith,
 * first language, or disability and special educational needs; or states one as "not known"
 * without saying what was done to find out; or says something that says nothing ("reflective of
 * the local majority population"). One finding per characteristic, where the child is introduced,
 * with a sentence to fill in.
 */
import type { Check, CheckContext } from '../../check';
import { isWholeReview } from '../../context/document-kind';
import type { Fix, RuleMeta } from '../../types';
import { draft } from './examples';
import type { Characteristic, IdentityFacts } from './identity-facts';
import { identityFacts } from './identity-facts';
import { CHARACTERISTIC_WORDS, capitalise, possessive, skeleton, SOURCES } from './shared';

interface AbsenceText {
  id: string;
  summary: string;
  /** Why it matters, for a missing characteristic. */
  absent: (child: string) => string;
  rationale: string;
  good: string;
}

const TEXTS: Record<Characteristic, AbsenceText> = {
  ethnicity: {
    id: 'ethnicity-not-stated',
    summary: "State the child's ethnicity or heritage, as the child and family describe it.",
    absent: (c) =>
      `The review never states ${possessive(c)} ethnicity or heritage. The 2022 annual review of local reviews found this very often missing, and without it readers cannot see whether race or culture shaped how services saw ${c}; state it as ${c} and the family describe it.`,
    rationale:
      'The annual review of local reviews (2022) found that the child’s and family’s ethnicity was very often neither given nor considered, so that the researchers had to go back to the notification to find it; it calls this a form of invisibilisation and asks reviewers to specify the racial and cultural background of children and families unless there is a compelling reason, which the review should then give. The Panel’s annual report (2023) asks every review to record it. A review that states the heritage lets readers ask whether it shaped the child’s life and the response of services. Any clear statement counts: prose ("of Pakistani heritage", "White British", "white UK origin", "describes herself as mixed race"), a family composition table with an ethnicity column, or an `ethnicity:` field in the front matter. Saying it is not known counts when the review says what was done to find out.',
    good: 'Child R is of Somali heritage and was born in England; her mother arrived from Somalia in 2009.',
  },
  religion: {
    id: 'religion-not-stated',
    summary: 'Say whether the child and family follow a religion or faith, including when they do not.',
    absent: (c) =>
      `The review never says whether ${c} and the family follow a religion or faith. The Panel (2023) found practitioners who did not see how much a child’s religion mattered to them, and readers cannot judge that either unless it is stated; say it as they describe it, or that they do not follow one.`,
    rationale:
      'The Children Act 1989, as the annual review of local reviews (2022) notes, requires a child’s race, religion, culture and language to be taken into account, and that review describes cases where a family’s faith mattered but was not explored. The Panel (2023) asks how the race, culture, faith and ethnicity of the child and family were considered. Stating "no religion" is as useful as naming a faith: it tells readers the question was asked. A named faith ("describes herself as Muslim", "the family attend a Pentecostal church"), a table column or a front-matter field all count.',
    good: 'Child R describes herself as Muslim and attends the mosque with her mother at Eid; her father does not follow a religion.',
  },
  language: {
    id: 'first-language-not-stated',
    summary: 'State the first language of the child and of the parents or carers.',
    absent: (c) =>
      `The review never states the first language of ${c} or of the parents. The 2022 annual review of local reviews describes parents who could not make themselves understood, and readers can only see this if languages are stated; give each person’s first language and whether an interpreter was needed.`,
    rationale:
      'The annual review of local reviews (2022) describes mothers who could not tell professionals how frightened they were because nobody spoke their language and no interpreter was present, and asks that interpreters are always considered. A reader can only judge that if the review states the first language of the child and the adults caring for them. "First language Tigrinya", "English is their first language", "she speaks Polish and some English", a language column in a table or a front-matter field all count.',
    good: 'Child R’s first language is English; her mother’s first language is Tigrinya and she speaks some English.',
  },
  disability: {
    id: 'disability-not-stated',
    summary: 'Say whether the child has a disability or special educational need, including when they have none.',
    absent: (c) =>
      `The review never says whether ${c} has a disability or special educational need. The Panel (2023) asks reviews to record characteristics when absent as well as present, because readers cannot otherwise tell "none" from "not recorded"; state it, including "no known disability" where that is so.`,
    rationale:
      'The Panel’s guidance on rapid reviews asks that a known disability of the child is recorded, and its annual report (2023) recommends that children’s disabilities are not only recorded but explored, asks how disability shaped the child’s lived experience and practice, and asks that characteristics are recorded where they are not present as well as where they are. The annual review of local reviews (2022) also asks reviewers to specify disability alongside racial and cultural background. Recording that a child has no known disability or special educational need tells readers the question was asked; a named condition, an education, health and care plan, a table column or a front-matter field all count.',
    good: 'Child R has no diagnosed disability and no special educational needs; her school had asked for a speech and language assessment.',
  },
};

const NOT_KNOWN_FIX = ' [What was done to find out: for example, whether the family were asked and which records were checked.]';

function fixFor(facts: IdentityFacts, c: Characteristic): Fix[] {
  const intro = facts.introduction;
  if (!intro) return [];
  return [{ title: `Insert a sentence stating the ${CHARACTERISTIC_WORDS[c]}`, kind: 'suggestion', edits: [{ start: intro.insertAt, end: intro.insertAt, text: intro.insertPrefix + skeleton(c, facts.childName) }] }];
}

function makeCheck(c: Characteristic, examples: RuleMeta['examples']): Check {
  const t = TEXTS[c];
  const meta: RuleMeta = {
    id: t.id,
    category: 'identity-context',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'suggestion',
    summary: t.summary,
    message: t.absent('the child'),
    rationale: t.rationale,
    good: t.good,
    sources: c === 'disability' ? [SOURCES.panelDisability, SOURCES.panelIdentity, SOURCES.annualReviewLearning, SOURCES.digest] : [SOURCES.annualReviewRace, SOURCES.annualReviewLearning, SOURCES.panelIdentity, c === 'religion' ? SOURCES.panelCulture : SOURCES.annualReviewInterpreters, SOURCES.digest],
    examples,
  };
  return {
    meta,
    run(ctx: CheckContext) {
      if (!isWholeReview(ctx.doc)) return;
      const facts = identityFacts(ctx.doc);
      const cf = facts.characteristics[c];
      const child = facts.childName;
      const intro = facts.introduction;
      switch (cf.status) {
        case 'stated':
        case 'withheld':
        case 'not-known-explained':
          return;
        case 'not-known': {
          const s = cf.statements.find((x) => x.kind === 'not-known')!;
          ctx.report({
            span: s.span,
            message: `This says ${possessive(child)} ${CHARACTERISTIC_WORDS[c]} is not known, but not what was done to find out. Say whether the family were asked and which records were checked, so readers can tell "not recorded" from "never asked" (annual review of local reviews, 2022).`,
            fixes: [{ title: 'Say what was done to find out', kind: 'suggestion', edits: [{ start: s.sentence.end, end: s.sentence.end, text: NOT_KNOWN_FIX }] }],
          });
          return;
        }
        case 'evasive': {
          const s = cf.statements.find((x) => x.kind === 'evasive')!;
          ctx.report({
            span: s.span,
            message: `This says nothing about the family’s own heritage, and a reader cannot tell from it whether race or culture mattered. State ${possessive(child)} ethnicity as ${child} and the family describe it (annual review of local reviews, 2022).`,
            fixes: fixFor(facts, c),
          });
          return;
        }
        case 'parent-only':
          if (c === 'ethnicity' && intro) {
            ctx.report({
              span: intro.span,
              severity: 'info',
              message: `The review gives a parent’s ethnicity but not ${possessive(child)} own. A child’s heritage can differ from a parent’s, and the Panel (2023) notes this can shape family life; state ${possessive(child)} as ${child} and the family describe it.`,
              fixes: fixFor(facts, c),
            });
            return;
          }
          break;
        case 'absent':
          break;
      }
      if (!intro) return;
      const parentNote = cf.status === 'parent-only' ? ` It does say this for a parent; ${capitalise(possessive(child))} own is what readers need.` : '';
      ctx.report({ span: intro.span, message: t.absent(child) + parentNote, fixes: fixFor(facts, c) });
    },
  };
}

// Examples: whole reviews, because the rules stay quiet on fragments.
const bgNone = 'Child R lived with her mother and her younger brother in a rented flat. She was nine years old and in Year 5 at her local primary school, where staff described her as bright and kind. Her father lived in another town and saw the children most weekends.';
const fragment = { text: 'Child R lived with her mother and her younger brother. She was nine.', note: 'a fragment, not a whole review: absence rules stay quiet' };

export const ethnicityNotStated = makeCheck('ethnicity', {
  valid: [
    fragment,
    { text: draft({ background: `${bgNone} Child R and her mother are of Pakistani heritage; the family are Muslim.` }), note: 'heritage stated in prose' },
    { text: draft({ background: `${bgNone} The family describe themselves as white UK origin.` }), note: 'lower case, as real drafts often write it' },
    { text: draft({ background: `${bgNone}\n\n| Name | Relationship | Age | Ethnicity |\n| --- | --- | --- | --- |\n| Child R | subject | 9 | Mixed White and Black Caribbean |\n| Adult A | mother | 31 | White British |` }), note: 'a family composition table with an ethnicity column' },
    { text: draft({ frontMatter: 'review-type: lcspr\nchild: Child R\nethnicity: Black British', background: bgNone }), note: 'front matter' },
    { text: draft({ background: `${bgNone} Her ethnicity is not known: the family declined to take part and none of the agency records recorded it.` }), note: 'not known, with what was done to find out' },
    { text: draft({ background: `${bgNone} Her heritage has not been included because publishing it would put the children at risk of harm from a relative.` }), note: 'withheld with a reason (the anonymity rule judges the reason)' },
  ],
  invalid: [
    { text: draft({ background: bgNone }), match: 'Child R', output: draft({ background: `${bgNone} Child R is of [heritage, as Child R and the family describe it] heritage.` }) },
    { text: draft({ background: `${bgNone} Her ethnicity is not known.` }), match: 'ethnicity is not known', note: 'not known, with no word on what was done to find out' },
    { text: draft({ background: `${bgNone} The family's ethnicity is reflective of the local majority population.` }), match: 'reflective of the local majority population', note: 'an evasion, not a statement' },
    { text: draft({ background: `${bgNone} Her mother is of Polish heritage.` }), match: 'Child R', severity: 'info', note: 'only a parent’s heritage is given' },
    { text: draft({ frontMatter: 'review-type: rapid-review', background: bgNone }), match: 'Child R', severity: 'info', note: 'rapid reviews get information, not warnings' },
  ],
});

export const religionNotStated = makeCheck('religion', {
  valid: [
    fragment,
    { text: draft({ background: `${bgNone} Child R describes herself as Muslim.` }) },
    { text: draft({ background: `${bgNone} The family have no religion.` }), note: 'no religion is a statement' },
    { text: draft({ background: `${bgNone} Her mother attends a Pentecostal church and takes the children most Sundays.` }), note: 'a parent’s faith practice tells readers about the household' },
    { text: draft({ background: `${bgNone}\n\n| Name | Relationship | Religion |\n| --- | --- | --- |\n| Child R | subject | Sikh |\n| Adult A | mother | Sikh |` }) },
    { text: draft({ background: `The family do not follow a religion. ${bgNone} Her teacher acted in good faith.` }), note: '"good faith" is not a faith, but the draft states it elsewhere' },
  ],
  invalid: [
    { text: draft({ background: bgNone }), match: 'Child R', output: draft({ background: `${bgNone} Child R and the family [follow (faith, as they describe it) / do not follow a religion].` }) },
    { text: draft({ background: `${bgNone} Staff acted in good faith throughout.` }), match: 'Child R', note: '"good faith" is not a statement of religion' },
    { text: draft({ background: `${bgNone} Religion: not known.` }), match: 'Religion: not known' },
  ],
});

export const firstLanguageNotStated = makeCheck('language', {
  valid: [
    fragment,
    { text: draft({ background: `${bgNone} Her mother's first language is Tigrinya; Child R speaks Tigrinya at home and English at school.` }) },
    { text: draft({ background: `${bgNone} Child R is bilingual in Urdu and English.` }) },
    { text: draft({ background: `${bgNone} English is the first language of everyone in the family.` }) },
    { text: draft({ frontMatter: 'review-type: lcspr\nchild: Child R\nfirst-language: English', background: bgNone }) },
  ],
  invalid: [
    { text: draft({ background: bgNone }), match: 'Child R', output: draft({ background: `${bgNone} Child R’s first language is [language], and [parent or carer]’s is [language]; an interpreter [was / was not] needed.` }) },
    { text: draft({ background: `${bgNone} Her first language is unknown.` }), match: 'first language is unknown' },
  ],
});

export const disabilityNotStated = makeCheck('disability', {
  valid: [
    fragment,
    { text: draft({ background: `${bgNone} Child R has no diagnosed disability and no special educational needs.` }) },
    { text: draft({ background: `${bgNone} Child R is autistic and has an education, health and care plan.` }) },
    { text: draft({ background: `${bgNone}\n\n| Name | Disability or SEN |\n| --- | --- |\n| Child R | None known |` }) },
  ],
  invalid: [
    { text: draft({ background: bgNone }), match: 'Child R', output: draft({ background: `${bgNone} Child R [has (disability or special educational need, and whether it was diagnosed) / has no known disability or special educational need].` }) },
    { text: draft({ background: `${bgNone} Her mother has a learning disability.` }), match: 'Child R', note: 'only the mother’s disability is stated' },
    { text: draft({ background: `${bgNone} The school did not turn a blind eye and sent a referral.` }), match: 'Child R', note: '"blind eye" and "send" are not statements of disability' },
  ],
});

/** The four absence checks. */
export const absenceChecks: readonly Check[] = [ethnicityNotStated, religionNotStated, firstLanguageNotStated, disabilityNotStated];
