/**
 * Builds synthetic whole-review drafts for the examples of document-level rules: a neutral
 * introduction, method, key episodes and recommendations around the sections an example is about.
 * All names and events are invented.
 */

/** The parts of a synthetic review an example supplies. */
export interface DraftParts {
  /** Name the draft uses for the child. */
  child?: string;
  /** Text of the background section (without its heading). */
  background: string;
  /** Text of the analysis section; a neutral one is used when absent. */
  analysis?: string;
  /** Extra sections placed before the recommendations, as raw Markdown. */
  extra?: string;
  /** Front matter lines, without the fences. */
  frontMatter?: string;
}

const neutralAnalysis = (c: string): string =>
  [
    `Agencies did not share what they knew about ${c}'s absences from school in the autumn term. The school recorded each absence and telephoned home, but the attendance officer did not know that the health visitor had also been unable to make contact. Each agency therefore saw a small part of the picture and none saw the pattern.`,
    `Supervision records show that the social worker raised her worries twice and that her manager agreed a plan each time. The plans were sensible, but they relied on the household answering the door, and nobody decided what would happen if it did not. The review found that this reflected pressure on the team at the time, when two posts were vacant and caseloads were high.`,
    `Practitioners told the review that they would have welcomed a multi-agency meeting earlier. The threshold guidance in use at the time did not make clear who could call one, and the school believed only children's social care could do so.`,
  ].join('\n\n');

/** A whole review of more than 600 words with the given background and analysis. */
export function draft(parts: DraftParts): string {
  const c = parts.child ?? 'Child R';
  const fm = parts.frontMatter ? `---\n${parts.frontMatter}\n---\n\n` : '';
  return `${fm}# Local child safeguarding practice review: ${c}

## Introduction

This review was commissioned by the Northshire Safeguarding Children Partnership after ${c} was seriously harmed at home in the spring. Its purpose is to learn how agencies worked together and what could be done differently, not to find fault with individual practitioners. The partnership thanks everyone who took part, and especially those who spoke to the reviewer about a very difficult time.

The review was carried out between June and December by an independent reviewer with a background in health visiting, supported by a panel of senior managers from the police, health, education and children's social care. None of the panel members had managed the case. The partnership agreed at the outset that the report would be published, and the reviewer wrote it with that in mind, using a pseudonym for the child and leaving out the names of schools and streets.

## Background

${parts.background}

## Methodology

The review followed a systems approach. The independent reviewer read the records of six agencies, met practitioners and managers at two learning events, and spoke to them again when the draft findings were ready. The scope covered the eighteen months before the incident. Agencies checked the accuracy of the chronology and the reviewer met the partnership's review group three times to test emerging findings.

The review group agreed four lines of enquiry at the start: how well agencies shared information, how decisions to close the case were made, how the voice of the child was heard, and what managers knew about the pressures on frontline teams. The reviewer kept a log of decisions about the scope and shared it with the group, so that any change was agreed and recorded. Practitioners were given the draft chronology before the learning events and were invited to correct it. The report was written to be read by the public as well as by professionals.

## Key episodes

In January the health visitor tried to visit three times and left a card on each occasion. In February the school made a referral to children's social care about ${c}'s attendance and about bruising that ${c} said came from a fall in the park. The referral was screened and passed to the early help team, who wrote to the household offering support. No reply was received and the case was closed after four weeks.

In April the police attended the address after a neighbour reported shouting. Officers spoke to the adults present and recorded that there were no concerns. They did not see ${c}. A notification was sent to children's social care the next morning and was added to the existing record, but it was not linked to the earlier referral.

In May ${c} was taken to hospital with injuries that doctors judged were not accidental. A strategy meeting was held the same day and a child protection investigation began.

## Analysis

${parts.analysis ?? neutralAnalysis(c)}

${parts.extra ?? ''}

## Recommendations

1. The partnership will revise its threshold guidance by March so that any agency can call a multi-agency meeting, and will audit its use after six months.
2. Children's social care will make sure that police notifications are linked to open referrals, and will report on this to the quality assurance group each quarter.
3. The health visiting service will agree with schools how missed contacts are shared, and will test the arrangement with a sample of cases within a year.
`;
}
