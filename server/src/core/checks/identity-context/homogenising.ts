/** Umbrella labels (BAME, BME, "ethnic minority", "non-white") used to describe a family. */
import type { Check } from '../../check';
import { identityFacts } from './identity-facts';
import { STATISTICS } from './lexicon';
import { eachHit, isReported, sentenceFact, SOURCES } from './shared';

const ACRONYM = /(?<![\p{L}\p{N}])(?:BAME|B\.A\.M\.E\.?|BME|B\.M\.E\.?|BAMER)(?![\p{L}\p{N}])/gu;
const PHRASE = /\bBlack,?\s+Asian,?\s+(?:and|&)\s+[Mm]inority\s+[Ee]thnic\b|\b[Bb]lack\s+and\s+[Mm]inority\s+[Ee]thnic\b|\b(?:[Ee]thnic\s+[Mm]inority|[Mm]inority\s+[Ee]thnic)\b|\b[Nn]on-?[Ww]hite\b/gu;
const QUICK = /BAME|B\.?M\.?E|minority|non-?white/i;
// A named body: "the BAME Staff Network", "BME Forum".
const ORGANISATION_AFTER = /^\s+(?:[Ss]taff\s+)?(?:Network|Forum|Group|Association|Council|Alliance|Project|Service|Committee|Lead|Women|Housing|Partnership|Charity|Trust|Centre|network|forum|association)\b/u;
// Something that ties the label to this family or person.
const REFERENT = /\b(?:the|this|her|his|their)\s+(?:family|household|child|boy|girl|baby|mother|father|mum|dad|parents?|carers?|young\s+person|siblings?|children|grandmother|grandfather)\b|\b(?:he|she|they)\s+(?:is|was|are|were)\b/i;
const NAMED = /\b(?:Child|Baby|Adult|Sibling)\s+[A-Z0-9]{1,3}\b|\b(?:Mr|Mrs|Ms|Miss|Mx)\b|\b(?:Mother|Father)\b/u;
const PERSON_AFTER = /^\s+(?:family|household|child|boy|girl|baby|mother|father|parent|woman|man|young\s+person|person|heritage|background|origin)\b/i;
// A label describing a service or group rather than a person: "a BAME youth project", "ethnic minority support workers".
const NON_PERSON_AFTER = /^\s+(?:[A-Za-z\u00C0-\u024F-]+\s+)?(?:network|forum|group|groups|association|council|alliance|project|service|services|committee|lead|charity|trust|centre|organisation|organization|staff|workers?|officers?|mentors?|programme|scheme|team|support|advocates?|champions?|panel|housing)\b/i;
// The author already saying the label tells nothing.
const CRITIQUE = /\btold\s+(?:\w+\s+)?nothing\b|\bsays?\s+nothing\b|\bsaid\s+nothing\b|\bhomogen\w+|\btoo\s+broad\b|\bvague\b|\blump\w*|\bumbrella\b|\bthe\s+family['’]s\s+own\s+description\b|\bas\s+(?:they|the\s+family)\s+describe/i;

/**
 * Umbrella labels in a sentence that neither reports figures nor criticises the label, leaving out
 * names of bodies and services; offsets in the sentence. Whether the sentence is about this family
 * may still turn on the children's names, which the check adds.
 */
const LABELS = sentenceFact('identity/umbrella-labels', QUICK, (text) => {
  const hits: { index: number; length: number; acronym: boolean }[] = [];
  for (const [re, acronym] of [[ACRONYM, true], [PHRASE, false]] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) hits.push({ index: m.index, length: m[0].length, acronym });
  }
  if (hits.length === 0 || STATISTICS.test(text) || CRITIQUE.test(text)) return undefined;
  const labels: { index: number; length: number; personAfter: boolean }[] = [];
  for (const h of hits) {
    const after = text.slice(h.index + h.length);
    if ((h.acronym && ORGANISATION_AFTER.test(after)) || NON_PERSON_AFTER.test(after)) continue;
    labels.push({ index: h.index, length: h.length, personAfter: PERSON_AFTER.test(after) });
  }
  return labels.length === 0 ? undefined : { refersToFamily: REFERENT.test(text) || NAMED.test(text), labels };
});

/** The check. */
export const homogenisingEthnicityLabel: Check = {
  meta: {
    id: 'homogenising-ethnicity-label',
    category: 'identity-context',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Describe a family’s heritage as they describe it, not with an umbrella label such as BAME.',
    message: "'BAME' groups many different people under one label and says nothing about this family. Use the family's own description of their heritage, for example 'of Bangladeshi heritage'.",
    rationale:
      'The annual review of local reviews (2022) criticised vague and sweeping descriptions of minoritised children and families, including a review that described two girls only as dual heritage and non-white, and said that such language can reveal underlying biases. The Panel (2023) notes that Black and minoritised groups are not one homogenous group and that experiences vary between heritages. An umbrella label tells readers nothing about the family’s own identity, faith or language, so it cannot support any learning about them. The rule only reports a label that describes this family or a person in it. Groupings used to report figures (the Panel’s own "Black, Asian and mixed heritage", or a statistic about ethnic minority children), names of organisations such as a BAME staff network, reference titles and quoted critique are left alone.',
    good: 'The family are of Bangladeshi heritage and Muslim; Child R’s mother was born in Sylhet.',
    sources: [SOURCES.annualReviewLanguage, SOURCES.annualReviewAnonymity, SOURCES.panelTerms, SOURCES.standards],
    examples: {
      valid: [
        { text: 'Black, Asian and mixed heritage children were over-represented in the rapid reviews notified that year.', note: 'the Panel’s grouping, reporting figures' },
        { text: 'Children from ethnic minority backgrounds made up 31% of the sample.', note: 'a statistic about groups' },
        { text: 'Child R’s mother had been supported by the BAME Women’s Network.', note: 'the name of an organisation' },
        { text: 'The referral described the family only as BME, which told practitioners nothing about them.', note: 'the review criticises the label' },
        { text: 'The family are of Gypsy heritage and Child R’s grandmother is an Irish Traveller.', note: 'proper identity terms are never findings' },
        { text: '## References\n\nLammy, D. (2017) The Lammy Review: treatment of and outcomes for Black, Asian and Minority Ethnic individuals in the criminal justice system.' },
      ],
      invalid: [
        { text: 'The family are BAME and live in private rented housing.', match: 'BAME', output: 'The family are [heritage, as the family describe it] and live in private rented housing.' },
        { text: 'Child R is from an ethnic minority background.', match: 'ethnic minority' },
        { text: 'Her mother, who is non-white, was not offered an interpreter.', match: 'non-white' },
        { text: 'Records described the family as BME.', match: 'BME', severity: 'info', note: 'quoted from a record without comment' },
      ],
    },
  },
  run(ctx) {
    let names: readonly string[] | undefined;
    eachHit(ctx, LABELS, ({ sentence, nextText, voice, hit }) => {
      if (CRITIQUE.test(nextText)) return;
      const text = sentence.text;
      names ??= identityFacts(ctx.doc).childNames;
      const refersToFamily = hit.refersToFamily || names.some((n) => text.includes(n));
      for (const label of hit.labels) {
        if (!refersToFamily && !label.personAfter) continue;
        const h = { index: label.index, text: text.slice(label.index, label.index + label.length) };
        const span = { start: sentence.start + h.index, end: sentence.start + h.index + h.text.length };
        const v = voice(span);
        if (!isReported(v)) continue;
        const quoted = v.kind === 'quoted';
        ctx.report({
          span,
          severity: quoted ? 'info' : undefined,
          message: quoted
            ? `'${h.text}' is a record’s label, quoted without comment. Give the family’s own description of their heritage alongside it, and say what the label left practitioners not knowing (annual review of local reviews, 2022).`
            : `'${h.text}' groups many different people under one label and says nothing about this family. The 2022 annual review of local reviews criticised vague, sweeping descriptions of minoritised families; use the family’s own description of their heritage, for example 'of Bangladeshi heritage'.`,
          fixes: quoted ? [] : [{ title: 'Replace with the family’s own description', kind: 'suggestion', edits: [{ ...span, text: '[heritage, as the family describe it]' }] }],
        });
      }
    });
  },
};
