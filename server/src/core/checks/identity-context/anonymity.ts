/** Anonymity given as the reason to leave out the child's or family's identity. */
import type { Check } from '../../check';
import { identityFacts } from './identity-facts';
import { anonymityReasonBesides, HARM_TEST, NEGATED_OMISSION, OMISSION, OMITTED_IDENTITY } from './lexicon';
import { capitalise, eachHit, isReported, possessive, sentenceFact, SOURCES } from './shared';

const WHAT: Record<string, string> = { ethnicity: 'heritage', religion: 'faith', language: 'language', disability: 'disability', all: 'identity' };
// The author discussing the practice rather than doing it.
const DISCUSSES = /\bnot\s+(?:a\s+)?good\s+enough\b|\bnot\s+a\s+(?:good|sufficient|valid)\s+reason\b|\bshould\s+not\b|\bneed\s+not\b|\bdoes\s+not\s+need\s+to\b|\bwithout\s+erasing\b|\bcan\s+be\s+protected\s+without\b|\brather\s+than\b|\binstead\s+of\b|\b(?:one|another|some|other|several|many)\s+reviews?\b|\breviews\s+(?:often|sometimes|have)\b|\bthe\s+Panel\b|\bthe\s+annual\s+review\b/i;
const QUICK = /withh|omit|left\s+out|leav|remov|redact|not|without/i;
const REASON_PHRASE = /\b(?:(?:in\s+order\s+|so\s+as\s+)?to\s+|for\s+(?:reasons\s+of\s+)?|because\s+of\s+|due\s+to\s+)?(?:(?:protect|preserve|maintain|ensure|safeguard|respect)\s+)?(?:the\s+)?(?:[A-Za-z\u00C0-\u024F]+['’]s?\s+)?(?:anonymity|confidentiality|privacy)\b|\b(?:to\s+)?(?:prevent|avoid|reduce)\s+(?:the\s+risk\s+of\s+)?(?:jigsaw\s+)?identification\b|\b(?:could|would|might|may)\s+(?:be\s+)?(?:identif\w+|recogni[sz]\w+)\b[^.;]*|\bidentifiable\b[^.;]*/i;

const BOUNDARY = /[;:]|,\s*(?:but|and|while|whereas|although|though|so)\b|\s+(?:but|whereas|although|though)\s+/gi;

function lastBoundary(text: string, at: number): number {
  let last = 0;
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text)) && m.index < at) last = m.index + m[0].length;
  return last;
}

function nextBoundary(text: string, from: number): number {
  BOUNDARY.lastIndex = from;
  const m = BOUNDARY.exec(text);
  return m ? m.index : text.length;
}

/** An omission of identity for anonymity's sake, in a sentence that neither applies the harm test nor discusses the practice. */
const OMISSIONS = sentenceFact('identity/anonymity-omissions', QUICK, (text) => {
  OMISSION.lastIndex = 0;
  const om = OMISSION.exec(text);
  if (!om || NEGATED_OMISSION.test(text) || !anonymityReasonBesides(text, { index: om.index, length: om[0].length })) return undefined;
  // The identity words must be what is left out: in the omission's own clause.
  const clauseStart = lastBoundary(text, om.index);
  const clauseEnd = nextBoundary(text, om.index + om[0].length);
  const clause = text.slice(clauseStart, clauseEnd);
  const what = OMITTED_IDENTITY.filter(([, re]) => re.test(clause)).map(([c]) => c);
  if (what.length === 0) return undefined;
  if (HARM_TEST.test(text) || DISCUSSES.test(text)) return undefined;
  const reason = REASON_PHRASE.exec(text.slice(om.index + om[0].length));
  const end = reason ? om.index + om[0].length + reason.index + reason[0].length : om.index + om[0].length;
  return { start: om.index, end, words: [...new Set(what.map((c) => WHAT[c]!))].join(' and ') };
});

/** The check. */
export const anonymityUsedToOmitIdentity: Check = {
  meta: {
    id: 'anonymity-used-to-omit-identity',
    category: 'identity-context',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Do not leave out heritage, faith or language to protect anonymity; protect anonymity in other ways.',
    message: 'Anonymity is given as the reason to leave out the family’s identity. Anonymity can be protected without erasing identity, by using pseudonyms and leaving out places, schools and dates; the Panel’s test is whether publishing would risk harm, not whether someone could be identified.',
    rationale:
      'The annual review of local reviews (2022) found reviewers leaving out children’s racial background to protect anonymity and did not accept this as a reason: the aim is learning that readers can understand in context without harming the family, not a case nobody could ever recognise. It reports the Panel’s view that the test is whether publishing could harm the child, the family or anyone else, not whether they could be identified, and it gives the example of a review that named a Tamil family because the background was needed to see how health services had failed the mother. The Panel (2023) describes a case where a known heritage was not named and little was made of what it meant for the child. Anonymity can be kept with pseudonyms, by not naming the partnership, places or schools, and by changing dates; identity stays. Where a detail truly must be withheld because of a specific risk of harm, saying so (and still analysing it) is fine, and the rule stays quiet.',
    good: 'Child R’s Tamil heritage is stated because it is needed to understand why the mother did not get help; the review protects the family’s anonymity by not naming the hospital or the town.',
    sources: [SOURCES.annualReviewAnonymity, SOURCES.panelAdultification, SOURCES.digest],
    examples: {
      valid: [
        { text: 'Identifying details such as the school and the town have been removed to protect the family’s anonymity.', note: 'anonymising, but not erasing identity' },
        { text: 'The family’s heritage has not been included because publishing it would put the children at risk of harm from a relative.', note: 'the Panel’s harm test, applied' },
        { text: 'One review left out the girls’ heritage to prevent identification; the annual review said this was not a good enough reason.', note: 'discussing another review' },
        { text: 'Child R’s heritage has not been withheld: anonymity is protected by pseudonyms.' },
        { text: 'The review protects the identity of the child by using a pseudonym.', note: '"identity" meaning who someone is' },
        { text: 'This review does not name the school, to protect anonymity; Child R’s heritage is Somali.', note: 'the school is left out, not the heritage' },
        { text: 'The family did not identify with any faith.', note: '"identify with" is not identification' },
      ],
      invalid: [
        {
          text: 'The family’s ethnicity has not been included in order to protect their anonymity.',
          match: 'not been included in order to protect their anonymity',
          output: 'The child’s [heritage, faith and first language, as the family describe them] are stated because they are needed to understand the learning; anonymity is protected instead by [pseudonyms, and leaving out the names of places, schools and dates]. [If a detail must still be withheld: it is withheld because (the specific risk of harm), and the analysis still considers what it meant for the child.]',
        },
        { text: 'Child R’s religion is not named as the family could be identified in a small community.', match: 'not named as the family could be identified in a small community' },
        { text: 'To avoid jigsaw identification, we have not stated the family’s cultural background.', match: 'not stated' },
        { text: 'The girls are described only as dual heritage; their ethnicity was withheld to prevent identification.', match: 'withheld to prevent identification', severity: 'info', reviewType: 'rapid-review' },
      ],
    },
  },
  run(ctx) {
    let child: string | undefined;
    eachHit(ctx, OMISSIONS, ({ sentence, nextText, voice, hit: { start, end, words } }) => {
      if (HARM_TEST.test(nextText)) return;
      const span = { start: sentence.start + start, end: sentence.start + end };
      const v = voice(span);
      if (!isReported(v)) return;
      child ??= identityFacts(ctx.doc).childName;
      ctx.report({
        span,
        severity: v.kind === 'quoted' ? 'info' : undefined,
        message: `Anonymity is given as the reason to leave out ${words}. Anonymity can be protected without erasing identity, by using pseudonyms and leaving out places, schools and dates; the annual review of local reviews (2022) reports the Panel’s test, which is whether publishing would risk harm, not whether someone could be identified.`,
        fixes: [
          {
            title: 'State the identity and protect anonymity another way',
            kind: 'suggestion',
            edits: [
              {
                start: sentence.start,
                end: sentence.end,
                text: `${capitalise(possessive(child))} [heritage, faith and first language, as the family describe them] are stated because they are needed to understand the learning; anonymity is protected instead by [pseudonyms, and leaving out the names of places, schools and dates]. [If a detail must still be withheld: it is withheld because (the specific risk of harm), and the analysis still considers what it meant for ${child}.]`,
              },
            ],
          },
        ],
      });
    });
  },
};
