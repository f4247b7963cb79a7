/**
 * A synthetic whole review, for the examples of document-level rules: the checks stay quiet on
 * fragments, so their examples must read as whole drafts. No real case material.
 */

/** The parts of the example review that an example can replace. */
export interface ReviewParts {
  title?: string;
  frontMatter?: string;
  introduction?: string;
  methodHeading?: string;
  method?: string;
  /** The involvement section: heading and text. Omitted when undefined. */
  involvement?: { heading: string; text: string };
  background?: string;
  /** A sentence or two of the child's own voice, added to the background. */
  childVoice?: string;
  episodes?: string;
  analysis?: string;
  findings?: string;
  recommendations?: string;
}

const INTRODUCTION = `This review was commissioned by the Northshire Safeguarding Children Partnership after Child M, then aged 11, was admitted to hospital with injuries that raised concerns about neglect and physical harm at home. The rapid review found that agencies had been involved with the family for several years and that there were lessons about how information was shared and how concerns were escalated. The purpose of this review is to understand what happened from the point of view of the professionals and of the family, and to identify learning that will improve practice across the partnership. It is not the purpose of the review to apportion blame to any individual or agency.`;

const METHOD = `The review used a systems approach. The independent reviewer read the chronologies and reports provided by children's social care, the police, the school, the GP practice, the community paediatric service and the housing provider. A practitioner learning event was held in March, attended by eleven practitioners and their managers, and the reviewer held follow-up conversations with the designated safeguarding lead at the school and the allocated social worker. The review period runs from January 2021 to the date of the hospital admission in October 2023. A panel of senior managers from the three safeguarding partners oversaw the review and met four times.`;

const BACKGROUND = `Child M lived with her mother and her younger brother in a two-bedroom flat rented from a housing association. Her father lived in the next town and saw the children at weekends until the summer of 2022, when contact became irregular. The mother had a long history of depression and had been known to mental health services since her own adolescence. The family had moved three times in four years, each time after disputes with neighbours, and Child M changed primary school twice. She was described by her teachers as bright, quiet and keen to please.`;

const CHILD_VOICE = `Child M told her class teacher that she liked drawing animals and wanted to be a vet. She said that she worried about her mother while she was at school and that she did not like going home when her mother was unwell.`;

const EPISODES = `**Episode one: school attendance (2021 to 2022).** Child M's attendance fell below 80 per cent in the autumn term of 2021. The school made two home visits and referred the family to the early help service. An early help assessment was completed, but the plan focused on routines and did not explore the mother's mental health or who else was caring for the children.

**Episode two: the injury to the younger brother (June 2022).** The younger brother was seen at the emergency department with a burn to his hand. The explanation given was accepted, and no referral was made to children's social care. The GP was informed by letter two weeks later.

**Episode three: the strategy discussion (May 2023).** After a neighbour reported hearing shouting and a child crying late at night, the police attended and a strategy discussion was held. It was agreed that a child and family assessment would be completed. The assessment recorded that the home conditions were poor but that the mother was willing to accept support, and the case was stepped down to early help.`;

const ANALYSIS = `Practitioners knew a great deal about the family, but the information was held in different places and was rarely brought together. Each agency saw a part of the picture. The school saw the falling attendance and a child who was tired and hungry; the emergency department saw an injury with a plausible explanation; the police saw a single incident of shouting. No one agency was in a position to see the pattern, and the multi-agency meetings that could have done so were not convened.

The assessments that were completed focused on the mother's willingness to accept help rather than on what had changed for the children. The father's role, and whether he could offer the children a safe alternative, was not explored. Practitioners at the learning event said that high caseloads and staff turnover made it hard to follow up concerns that did not meet the threshold for statutory intervention.`;

const FINDINGS = `Finding 1: information about neglect was held by several agencies but was not brought together, so the cumulative harm to the children was not recognised.

Finding 2: assessments did not explore the role of the father or of other adults in the children's lives.

Finding 3: step-down decisions were made without a clear plan or a review of whether the children's circumstances had changed.`;

const RECOMMENDATIONS = `1. The partnership should review its neglect strategy and the use of the graded care profile, and report progress to the executive group within six months.
2. Children's social care should ensure that assessments record the views and role of both parents and of any other adult in the household.
3. The partnership should audit step-down decisions from assessment to early help and report the findings to the quality assurance subgroup by March next year.`;

const GLOSSARY = `| Term | Meaning |
| --- | --- |
| Early help | Support for children and families offered before problems reach the threshold for statutory social work. |
| Strategy discussion | A discussion between agencies to decide whether to start child protection enquiries. |
| Graded care profile | A tool that helps practitioners assess the quality of care a child receives. |`;

/** A whole synthetic review (about 850 words) with the given parts replaced. */
export function wholeReview(parts: ReviewParts = {}): string {
  const out: string[] = [];
  if (parts.frontMatter) out.push(`---\n${parts.frontMatter}\n---\n`);
  out.push(`# ${parts.title ?? 'Local Child Safeguarding Practice Review: Child M'}`, '');
  out.push('## Introduction', '', parts.introduction ?? INTRODUCTION, '');
  out.push(`## ${parts.methodHeading ?? 'How the review was carried out'}`, '', parts.method ?? METHOD, '');
  if (parts.involvement) out.push(`## ${parts.involvement.heading}`, '', parts.involvement.text, '');
  const background = parts.background ?? BACKGROUND;
  const voice = parts.childVoice ?? CHILD_VOICE;
  out.push('## Background', '', voice ? `${background} ${voice}` : background, '');
  out.push('## Key episodes', '', parts.episodes ?? EPISODES, '');
  out.push('## Analysis', '', parts.analysis ?? ANALYSIS, '');
  out.push('## Findings', '', parts.findings ?? FINDINGS, '');
  out.push('## Recommendations', '', parts.recommendations ?? RECOMMENDATIONS, '');
  out.push('## Glossary', '', GLOSSARY, '');
  return out.join('\n');
}

/** A good involvement section for the example review, with the father and the child addressed and support described. */
export const GOOD_INVOLVEMENT = {
  heading: 'Involvement of the child and family',
  text: `The independent reviewer wrote to the mother and the father in January and followed each letter with a phone call. The mother met the reviewer twice at her home, supported by an advocate from a local family support charity. She told the review that she had felt judged by professionals and that nobody had asked how she was coping; her account is reflected in findings 1 and 3.

The father met the reviewer once by video call and was offered a second meeting, which he declined. He told the review that he had asked for more contact with the children but did not know who to speak to.

Child M, now 12, chose to meet the reviewer with her foster carer present. She said that she had wanted someone to notice that she was hungry at school. Her younger brother, aged 6, was not asked to take part directly because of his age; his foster carer and social worker described his daily routine and what he has said about home.`,
};

const BABY_INTRODUCTION = `This review was commissioned by the Northshire Safeguarding Children Partnership after Baby N, aged 4 months, was admitted to hospital with a fractured arm and older bruising. The rapid review found that several agencies had seen the family in the weeks before the admission and that there were lessons about how bruising in a baby who was not yet mobile was recognised and acted on. The purpose of this review is to understand what happened and to identify learning that will improve practice across the partnership. It is not the purpose of the review to apportion blame to any individual or agency.`;

const BABY_EPISODES = `**Episode one: the new birth visit (April).** The health visitor completed the new birth visit at the flat. The mother said that she was coping well and that her partner helped with night feeds. The health visitor recorded that the home was clean and that the mother was anxious but loving.

**Episode two: the mark on the cheek (May).** At a baby clinic, the health visitor noticed a small mark on Baby N's cheek. The mother said that Baby N had scratched herself. The explanation was accepted and the mark was not measured or photographed, and no advice was sought from the safeguarding team.

**Episode three: the GP appointment (June).** The mother took Baby N to the GP because she was crying more than usual. The GP found no cause and advised paracetamol. The GP was not aware of the mark seen at the clinic.`;

const BABY_ANALYSIS = `Bruising or marks on a baby who is not yet mobile are rare and should always be explored, following the partnership's protocol. On two occasions practitioners saw or heard about signs that could have indicated harm, but the protocol was not used. Each practitioner saw a single episode and accepted a plausible explanation.

The mother's partner was present at the new birth visit but was not spoken to, and agencies knew little about him. His history, including an earlier conviction for violence towards a previous partner, was known to the police but was not shared with health services.`;

const BABY_FINDINGS = `Finding 1: the protocol for bruising in babies who are not mobile was not used when a mark was seen.

Finding 2: the adults caring for the baby, in particular the mother's partner, were not known to the practitioners who saw her.`;

/** The example review for a baby, with the given parts replaced. */
export function babyReview(parts: ReviewParts = {}): string {
  return wholeReview({
    title: 'Local Child Safeguarding Practice Review: Baby N',
    introduction: BABY_INTRODUCTION,
    background: `Baby N was born in March. She lived with her mother and her mother's partner in a one-bedroom flat above a shop. Her maternal grandmother lived nearby.`,
    childVoice: '',
    episodes: BABY_EPISODES,
    analysis: BABY_ANALYSIS,
    findings: BABY_FINDINGS,
    ...parts,
  });
}
