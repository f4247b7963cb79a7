/**
 * Who was and was not asked: fathers and male carers left out when only the mother's involvement is
 * described (R24), other significant people never mentioned in the involvement account (R25), and
 * the support offered to those who took part (R10).
 */
import type { Check } from '../../check';
import type { ParsedDocument } from '../../document/model';
import type { InvolvementAnalysis, PersonFacts } from './analysis';
import { wholeReview as isWhole } from './common';
import { analyseInvolvement, processHas } from './analysis';
import { digest, documentAnchor, insertion, labelOf, rapidNote, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 } from './common';
import { GOOD_INVOLVEMENT, wholeReview } from './examples';
import { SUPPORT } from './lexicon';
import { memoTest } from './memo';
import { FATHER_GONE, unitHas } from './sentence-flags';

function maleCarersLeftOut(doc: ParsedDocument, a: InvolvementAnalysis): PersonFacts[] {
  // "Her father's identity is not known", "the father had died".
  const fatherAbsent = a.units.some((u) => unitHas(u, FATHER_GONE));
  return [...a.persons.values()].filter((p) => p.kind.maleCarer && p.statuses.length === 0 && p.mentions > 0 && !(p.key === 'father' && fatherAbsent));
}

const FATHER_MESSAGE =
  "The review describes {{mother}}'s part in it but not whether {{men}} {{verb}} invited, took part or why not. Reviews have focused on mothers when the men in the household were the risk; say whether each was approached and what happened (Dickens et al. 2022; Panel annual report 2022 to 2023).";

export const fatherMaleCarerNotAddressed: Check = {
  meta: {
    id: 'father-male-carer-not-addressed',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'suggestion',
    summary: "When the review describes the mother's involvement, say whether the father and any male carer were invited too.",
    message: FATHER_MESSAGE.replace('{{mother}}', 'the mother').replace('{{men}}', 'the father').replace('{{verb}}', 'was'),
    rationale:
      "Fathers and other men in the household are often invisible in practice and in reviews. The annual review of local reviews found reviews that focused on the mothers when the fathers were the perpetrators, and the Panel reports reviews that left out information about fathers, so it was unclear whether they had been considered. This check finds the men the draft names (father, stepfather, the mother's partner, a male carer, or their pseudonyms) and, when the involvement account describes the mother but says nothing about them, asks for a sentence on each. It stays quiet when the father is said to be unknown or to have died. Rapid reviews are judged more lightly.",
    good: "The mother met the reviewer twice. The father was written to and telephoned; he met the reviewer once. The mother's partner, who lived in the household, was not approached because he is charged with offences against the children, on the advice of the senior investigating officer.",
    sources: [
      { document: SEED_002, year: 2022, section: "Chapter 4: reviews focused on the mothers when the fathers were the perpetrators; the 'hidden men' issue", note: 'family-involvement.md line 425 (R24), line 680' },
      { document: SEED_004, year: 2023, section: 'Information about fathers not included within reviews; males hidden or invisible to services', note: 'family-involvement.md lines 681, 758' },
      digest('425-437', 'R24 father-male-carer-not-addressed'),
    ],
    examples: {
      valid: [
        { text: wholeReview({ involvement: GOOD_INVOLVEMENT }) },
        { text: wholeReview({ involvement: { heading: 'Involvement of the family', text: 'Both parents were invited by letter and by phone. The mother met the reviewer twice with an advocate; the father declined after a second approach through his probation officer.' } }), note: '"both parents" covers the father' },
        { text: wholeReview({ background: "Child M lived with her mother. Her father's identity is not known.", analysis: 'Information was not brought together.', involvement: { heading: 'Involvement of the family', text: 'The mother met the reviewer twice, supported by an advocate.' } }), note: 'the father is unknown' },
      ],
      invalid: [
        {
          text: wholeReview({ involvement: { heading: 'Involvement of the family', text: 'The mother met the reviewer twice at her home, supported by an advocate. She told the review that she had felt judged.' } }),
          match: 'The mother met the reviewer twice at her home, supported by an advocate.',
        },
      ],
    },
  },
  run(ctx) {
    const { doc } = ctx;
    if (!isWhole(doc)) return;
    const a = analyseInvolvement(doc);
    const mother = a.persons.get('mother');
    if (!mother || mother.statuses.length === 0) return;
    const left = maleCarersLeftOut(doc, a);
    if (left.length === 0) return;
    const men = labelOf(a, left.map((p) => p.key));
    const span = mother.statements[0] ?? documentAnchor(doc, a, 'involvement');
    const message = FATHER_MESSAGE.replace('{{mother}}', 'the mother').replace('{{men}}', men).replace('{{verb}}', left.length > 1 ? 'were' : 'was') + rapidNote(ctx);
    const at = a.statements.filter((s) => s.persons.includes('mother')).map((s) => s.unit.block.end).pop() ?? span.end;
    ctx.report({ span, message, fixes: [insertion('Add a placeholder for the father and male carers', at, `\n\n[Whether ${men} ${left.length > 1 ? 'were' : 'was'} invited, how and by whom; whether they took part and what they said; or why not.]`)] });
  },
};

// ------------------------------------------------------------------------------------------------

const EXTENDED = new Set(['grandparent', 'aunt-uncle', 'kinship-carer', 'foster-carer', 'relative', 'sibling', 'step-parent', 'partner', 'carer']);

const EXTENDED_MESSAGE =
  '{{name}} appear{{s}} several times in the narrative but the involvement account does not say whether they were invited. The research asks reviews to map the whole family and significant others; say whether each was approached (Harrison and Barker 2024).';

export const extendedFamilyNotConsidered: Check = {
  meta: {
    id: 'extended-family-not-considered',
    category: 'family-involvement',
    kind: 'check',
    severity: 'hint',
    severityByReviewType: { 'rapid-review': 'off' },
    scope: 'document',
    fix: 'none',
    summary: 'Say whether significant people other than the parents (grandparents, kinship or foster carers, siblings) were invited.',
    message: EXTENDED_MESSAGE.replace('{{name}}', 'The maternal grandmother').replace('{{s}}', 's'),
    rationale:
      "Grandparents, aunts and uncles, siblings, foster and kinship carers and family friends often hold a great deal about a child's life. The study of published reviews defined the family to include them, and professionals in the four-nation study thought all relevant people should be involved. This hint lists people who appear at least three times in the draft but are missing from the account of who took part. It is a hint, not a requirement: not everyone needs to be invited, but the reader should be able to see that they were considered.",
    good: "The maternal grandmother, who cared for Child M at weekends, met the reviewer once.",
    sources: [
      { document: SEED_000, year: 2024, section: "Methodology: 'children and family' defined to include siblings, step-parents, grandparents, aunts and uncles", note: 'family-involvement.md line 439 (R25)' },
      { document: SEED_001, section: 'Professionals thought all relevant people should be involved, including foster carers, extended family and friends' },
      { document: SEED_003, year: 2022, section: 'Checklist: which family members are involved and why' },
      digest('439-447', 'R25 extended-family-not-considered'),
    ],
    examples: {
      valid: [{ text: wholeReview({ involvement: GOOD_INVOLVEMENT }) }],
      invalid: [
        {
          text: wholeReview({
            background: 'Child M lived with her mother. The maternal grandmother looked after her at weekends, and the maternal grandmother was the person she trusted most. Her father lived abroad.',
            episodes: 'The maternal grandmother rang the school twice in 2022 to say that she was worried.',
            involvement: { heading: 'Involvement of the family', text: 'Both parents met the reviewer, supported by an advocate.' },
          }),
          match: 'Both parents met the reviewer, supported by an advocate.',
        },
      ],
    },
  },
  run(ctx) {
    const { doc } = ctx;
    if (!isWhole(doc)) return;
    const a = analyseInvolvement(doc);
    if (a.statements.length === 0) return;
    const family = a.persons.get('family');
    if (family && family.statuses.length > 0 && a.statements.every((s) => s.persons.every((k) => k === 'family'))) return;
    const left = [...a.persons.values()].filter((p) => EXTENDED.has(p.kind.role) && !p.kind.maleCarer && p.statuses.length === 0 && p.mentions >= 3);
    if (left.length === 0) return;
    const name = labelOf(a, left.map((p) => p.key));
    const span = a.statements[0]!.unit.span;
    ctx.report({ span, message: EXTENDED_MESSAGE.replace('{{name}}', name[0]!.toUpperCase() + name.slice(1)).replace('{{s}}', left.length > 1 || /s$/.test(name) ? '' : 's') });
  },
};

// ------------------------------------------------------------------------------------------------

const SUPPORT_MESSAGE =
  'The review says who took part but not what support they were offered to do so, such as an advocate, a family liaison officer, an interpreter or a professional they know. Only one review in five described any support in one study, and every family offered support took part (Harrison and Barker 2024). This is good practice, not a statutory requirement.';

export const supportOfferNotDescribed: Check = {
  meta: {
    id: 'support-offer-not-described',
    category: 'family-involvement',
    kind: 'check',
    severity: 'info',
    severityByReviewType: { 'rapid-review': 'off' },
    scope: 'document',
    fix: 'suggestion',
    summary: 'Say what support was offered to family members who took part in the review.',
    message: SUPPORT_MESSAGE,
    rationale:
      'Taking part in a review after a child has been harmed or has died is hard. In the study of published reviews, only 16 of 84 reviews with family involvement (19%) described any support offered, and where support was offered the family always took part. Support can be an advocate, a family liaison officer, an interpreter, a professional the family already knows, help to seek legal advice, or simply a time and place of their choosing. The guidance does not require reviews to report it, so this is a note. Rapid reviews are not checked.',
    good: 'The mother met the reviewer at her home, at a time she chose, supported by an advocate from a bereavement charity.',
    sources: [
      { document: SEED_000, year: 2024, section: 'Findings: only 16 reports (19%) described any support; Discussion: where support was offered the family always took part', note: 'family-involvement.md line 266 (R10), line 743' },
      { document: SEED_003, year: 2022, section: 'Section 1.2: families supported to seek legal advice; checklist on support to be involved' },
      digest('266-278', 'R10 support-offer-not-described'),
    ],
    examples: {
      valid: [
        { text: wholeReview({ involvement: GOOD_INVOLVEMENT }) },
        { text: wholeReview({ involvement: { heading: 'Involvement of the family', text: 'Both parents were invited by letter; neither replied to the letter or to a follow-up call from their social worker.' } }), note: 'nobody took part' },
      ],
      invalid: [
        {
          text: wholeReview({ involvement: { heading: 'Involvement of the family', text: 'Both parents met the reviewer once. They told the review that they had not known who to ask for help.' } }),
          match: 'Both parents met the reviewer once.',
        },
      ],
    },
  },
  run(ctx) {
    const { doc } = ctx;
    if (!isWhole(doc)) return;
    const a = analyseInvolvement(doc);
    const took = a.statements.filter((s) => [...s.byPerson.values()].some((st) => st.has('took-part')));
    if (took.length === 0) return;
    if (processHas(a, SUPPORT) || took.some((s) => memoTest(SUPPORT, s.window))) return;
    ctx.report({
      span: took[0]!.unit.span,
      message: SUPPORT_MESSAGE,
      fixes: [insertion('Add a placeholder for the support offered', took[0]!.unit.block.end, '\n\n[Support offered: for example an advocate, a family liaison officer, an interpreter, or a professional the family knows; and a time and place of their choosing.]')],
    });
  },
};
