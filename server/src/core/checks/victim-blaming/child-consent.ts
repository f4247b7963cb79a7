/**
 * `no-child-consent-framing`: a child described as consenting, or abuse described as consensual.
 * Always reported for a child under 16 (who cannot consent in law); for 16 and 17-year-olds where
 * the sentence or paragraph shows exploitation or an adult; never for consent to a referral, a
 * medical or information sharing, nor where the review states the law ("cannot consent in law").
 */
import type { Check, Report } from '../../check';
import type { PeopleIndex } from '../../context/people';
import type { Block } from '../../document/model';
import type { Fix, Severity } from '../../types';
import type { BlockCandidates, BlockCheck, MatchCandidate } from './shared';
import { candidates, defineCandidates, fillIn, matchCandidates, matchContext, notAuthors, runBlockCheck, sentenceOf, SOURCES, subjectOf, suggestion } from './shared';

const QUICK = /consen|willing|agreed to (?:have )?sex/i;
const TRIGGER = /\b(?:(had|has|have) consented|consented|consenting|consensual(?:ly)?|gave (?:her|his|their) consent|willing(?:ly)? participa(?:nt|nts|ted|ting)|(?:was|were) (?:a )?willing(?! to (?:talk|speak|meet|engage|take part|share|help|attend))|agreed to (?:have )?(?:sex|sexual (?:activity|intercourse|contact)))\b/gi;

const SEXUAL = /\b(sex|sexual(?:ly)?|intercourse|relationship|boyfriend|girlfriend|intimate|touch\w*|kiss\w*|oral|penetrat\w*|rape\w*|abuse\w*|exploit\w*|groom\w*|images?|photos?|nudes?|videos?|activity|encounter|contact)\b/i;
const NON_SEXUAL = /\b(medical|examination|assessment|referral|information[- ]sharing|share (?:her |his |their )?information|treatment|vaccinat\w*|immunis\w*|parental consent|consent form|photograph|interview|ABE|achieving best evidence|early help|section 20|s\.? ?20|accommodat\w*|to be seen|to speak|to contact|to the (?:review|plan|referral|assessment|examination|medical)|for (?:the|a|her|his|their) (?:referral|assessment|examination|medical|review|records)|GP|CAMHS|therapy|counselling|school|surgery|procedure|operation|scan|x-ray|test)\b/i;
// The review stating the law or rejecting the idea of consent: not the author's framing.
const LAW = /\b(?:cannot|could not|can't|couldn't|unable to|not able to|incapable of|lack(?:ed|s)? (?:the )?capacity to|no capacity to|too young to|legally unable to|can never|could never|not legally able to|no child can|a child cannot)\s+(?:legally\s+|lawfully\s+)?(?:give\s+)?(?:consent|consenting|have consented)|age of consent|capacity to consent|consent is (?:irrelevant|not a defence)|(?:did not|didn't|could not have|never) consent|without (?:her|his|their) consent|no consent|not consensual|non-consensual|lack of consent|whether (?:or not )?(?:she|he|they|Child [A-Z]{1,3}|the child) (?:had )?consented|in law|legally|the law|irrespective of consent|regardless of (?:any )?consent|apparent consent|so-called consent|seeming consent|appeared to consent|what looked like consent/i;
const EXPLOITATION = /\b(exploit\w*|groom\w*|adult|older|Adult [A-Z0-9]|man|men|woman|women|coerc\w*|abus\w*|drugs?|alcohol|money|gifts|paid|\d{2}-year-old)\b/i;

const MESSAGE = "'{{match}}' suggests the child agreed to their own abuse (Children's Society language guidance). {{law}} Describe what happened as abuse or exploitation, for example 'Child R, aged 14, was sexually abused by Adult B'.";
const QUOTED = "'{{match}}' is quoted without comment. If this is a record's, an agency's or the abuser's account, say so and say why it mattered: treating a child as consenting can stop abuse being recognised.";

function lawText(age: number | undefined): string {
  if (age !== undefined && age < 13) return `A child of ${age} cannot consent to any sexual activity in law.`;
  if (age !== undefined && age < 16) return `A child of ${age} is under the age of consent, and no child can consent to being exploited.`;
  return 'A child cannot consent to their own abuse or exploitation, whatever they appeared to agree to.';
}

// The block alone decides whether a match is about sexual consent and whether the sentence states the law.
const CANDIDATES = defineCandidates('victim-blaming/consent-candidates', QUICK, (local): BlockCandidates<MatchCandidate> => {
  const found = matchCandidates(local, TRIGGER);
  if (found.items.length === 0) return found;
  return candidates(found.items.filter((c) => aboutSexualConsent(local, c)));
});

function aboutSexualConsent(block: Block, c: MatchCandidate): boolean {
  const held = sentenceOf(block, c);
  const sentence = held.text;
  const word = c.text.toLowerCase();
  const rel = block.start + c.start - held.start;
  const around = sentence.replace(c.text, ' ');
  const isConsensual = word.startsWith('consensual');
  const sexualNoun = isConsensual && /^\s+(?:sexual\s+)?(?:relationship|sex|intercourse|activity|contact|encounter)/i.test(sentence.slice(rel + c.text.length));
  const sexual = sexualNoun || /sex/.test(word) || SEXUAL.test(around);
  if (!sexual) return false;
  if (NON_SEXUAL.test(around) && !/\b(sex|sexual|intercourse|boyfriend|girlfriend|rape|abuse)\b/i.test(around)) return false;
  // "consented to a referral to the sexual health service": the object of consent decides.
  const object = /^\s+(?:to|for)\s+(?:(?:a|an|the|her|his|their)\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)/i.exec(sentence.slice(rel + c.text.length));
  if (object && NON_SEXUAL.test(object[1]!) && !/\b(sex|sexual activity|intercourse)\b/i.test(object[1]!)) return false;
  return !LAW.test(sentence);
}

function decideBlock(block: Block, next: Block | undefined, items: readonly MatchCandidate[], people: PeopleIndex, out: Report[]): void {
  for (const c of items) {
    const mc = matchContext(block, c, next, people);
    if (notAuthors(mc.voice)) continue;
    const who = subjectOf(mc);
    if (who.subject === 'adult') continue;
    // A relationship "between two adults" or an adult's own account is not about a child.
    let severity: Severity = 'warning';
    if (who.subject === 'child' && who.age !== undefined && who.age >= 16 && !EXPLOITATION.test(block.prose)) severity = 'hint';
    const quoted = mc.voice.kind === 'quoted';
    let fixes: Fix[] = [];
    if (!quoted && who.subject === 'child' && who.age !== undefined && who.age < 16) {
      if (/^(?:had|has|have) consented$/i.test(c.text)) fixes = [suggestion('Replace with "could not have consented"', mc.span, 'could not have consented')];
      else if (/^consented$/i.test(c.text)) fixes = [suggestion('Replace with "could not consent"', mc.span, 'could not consent')];
    }
    const report: Report = {
      span: mc.span,
      message: fillIn(quoted ? QUOTED : MESSAGE, { match: c.text, law: lawText(who.age) }),
      severity: quoted ? 'info' : severity,
    };
    if (fixes.length) report.fixes = fixes;
    out.push(report);
  }
}

const check: BlockCheck<MatchCandidate> = { candidates: CANDIDATES, readsPeople: true, decide: decideBlock };

/** The check. */
export const noChildConsentFraming: Check = {
  meta: {
    id: 'no-child-consent-framing',
    category: 'victim-blaming',
    kind: 'check',
    severity: 'warning',
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Do not describe a child as consenting to sexual abuse or exploitation, or the abuse as consensual.',
    message: MESSAGE,
    rationale:
      'Children cannot consent to their own abuse: a child under 13 cannot consent to any sexual activity in law, a child under 16 is below the age of consent, and no child can consent to being exploited, whatever they appeared to agree to. Describing sex between an adult and a child as "consensual", or a child as having "consented" or been "a willing participant", is the framing the language guides and the review of exploitation in Oxfordshire identify as hiding abuse. The check reads only sexual consent: consent to a referral, a medical, an interview or information sharing is left alone, as are sentences stating the law ("she could not consent in law", "the age of consent"), wording the review quotes and challenges, and adults. It always warns for a child under 16; for 16 and 17-year-olds it warns when the paragraph shows exploitation or an adult, and otherwise gives only a hint. When no age is given it warns, because in a review the word is almost always about the child.',
    good: 'Child R, aged 14, was sexually abused by Adult B; she could not consent in law, whatever she appeared to agree to.',
    sources: [SOURCES.guidanceTable, SOURCES.panelExploitation, SOURCES.annualReviewLanguage],
    examples: {
      valid: [
        { text: 'Child R, aged 14, was sexually abused by Adult B; she could not consent in law, whatever she appeared to agree to.' },
        { text: 'Child R consented to a referral to the sexual health service.', note: 'consent to a service, not to sex' },
        { text: 'Mother gave consent for information sharing with health.', note: 'consent to share information' },
        { text: 'Police initially asked whether Child R had consented, which the review considers the wrong question for a 13-year-old.', note: 'the review challenging the question' },
        { text: 'A child under 16 cannot consent to sexual activity.', note: 'the law stated' },
        { text: 'Her mother, aged 36, described her own relationship with Adult B as consensual.', note: 'an adult' },
        { text: "The defence claimed the sex was 'consensual'; the jury rejected that, and the review notes she was 14.", note: 'quoted and challenged' },
        { text: 'Adult B was charged with sexual activity with a child; consent is not a defence to that offence.', note: 'legal wording' },
      ],
      invalid: [
        { text: 'Child R, aged 14, consented to sex with Adult B.', match: 'consented', output: 'Child R, aged 14, could not consent to sex with Adult B.' },
        { text: 'The sexual activity between Child T, 13, and the men was described in her file as consensual.', match: 'consensual', severity: 'info', note: 'a record’s wording, not challenged' },
        { text: 'Jordan, 15, was a willing participant in the sexual activity.', match: 'was a willing', note: 'boys too' },
        { text: 'She appeared to have had a consensual relationship with a 25-year-old man.', match: 'consensual', note: 'no age stated for her; the rule still warns' },
      ],
    },
  },
  run(ctx) {
    runBlockCheck(ctx, check);
  },
};
