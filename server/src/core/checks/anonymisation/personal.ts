/**
 * Intimate and personal detail of family life (Panel, P39) and characteristics withheld for
 * anonymity (P40). The second joins up with the identity rules: it reads `identityFacts` for
 * ethnicity, religion, language and disability and defers to `anonymity-used-to-omit-identity`
 * where that rule already reports the sentence.
 */
import type { Check, CheckContext } from '../../check';
import { subjectBefore } from '../../context/people';
import type { Block, ParsedDocument } from '../../document/model';
import { defineFact, factsOf } from '../../facts';
import type { Span } from '../../types';
import type { Characteristic } from '../identity-context/identity-facts';
import { identityFacts } from '../identity-context/identity-facts';
import { ANONYMITY_REASON, HARM_TEST, NEGATED_OMISSION, OMISSION, OMITTED_IDENTITY, STATISTICS } from '../identity-context/lexicon';
import { PROSE_KINDS, SOURCES, inQuote, isInternal, overlaps } from './shared';
import { indexOfSpanAt } from '../../spans';

const PROSE_SKIP = new Set(['references', 'contents', 'glossary']);

interface Intimate {
  what: string;
  re: RegExp;
  advice?: string;
}

const INTIMATE: readonly Intimate[] = [
  { what: 'sexual health', re: /\b(?:sexually\s+transmitted\s+(?:infections?|diseases?)|STIs?|STDs?|chlamydia|gonorrh?o?ea|syphilis|genital\s+(?:herpes|warts)|herpes|trichomon\w+|sexual\s+health\s+(?:clinic|service|screening|check|appointment)s?|GUM\s+clinic|genito-?urinary)\b/u },
  { what: 'HIV or hepatitis status', re: /\bHIV\b|\bAIDS\b|\b[Hh]epatitis\s+[BC]\b|\bHep\s+[BC]\b/u },
  { what: 'pregnancy history', re: /\b(?:terminations?\s+of\s+(?:a\s+|her\s+)?pregnanc(?:y|ies)|terminated\s+(?:a|her|the)\s+pregnancy|abortions?|miscarriages?|miscarried|still-?births?)\b/iu },
  { what: 'sexual history', re: /\b(?:sexual\s+(?:history|histories|partners|relationship\s+with\s+(?:her|his)\s+(?:partner|husband|wife))|sex\s+life|extra-?marital|affairs?\s+with|infidelity|unfaithful|fertility\s+treatment|IVF|vasectomy|sterili[sz]ation)\b/iu },
  { what: 'sleeping arrangements', re: /\b(?:slept|sleeps|sleeping)\s+(?:in\s+)?(?:separate\s+(?:rooms|beds)|apart|together\s+in)\b|\bseparate\s+bedrooms\b/iu },
];
const PSYCH_EVENT = /\b(?:sectioned|detained\s+under\s+(?:section\s+\d+\s+of\s+)?the\s+Mental\s+Health\s+Act|(?:psychiatric|mental\s+health)\s+(?:admissions?|in-?patient|hospitali[sz]ations?|units?|wards?|hospitals?)|admitted\s+to\s+(?:a\s+|an\s+)?(?:psychiatric|mental\s+health|acute\s+mental\s+health)\s+(?:unit|ward|hospital)|overdoses?|overdosed|suicide\s+attempts?|attempted\s+suicide|attempts?\s+to\s+(?:take|end)\s+(?:her|his|their)\s+(?:own\s+)?life|self-?harm(?:ed|ing)?)\b/giu;
const YEAR = /\b(?:19|20)\d\d\b/g;
const COUNT = /\b(?:two|three|four|five|six|several|many|numerous|repeated|multiple|\d+)\s+(?:times|occasions|admissions|overdoses|attempts|episodes)\b/iu;
const ADULT_RELATIVE = /\b(?:mother|mum|father|dad|parents?|step-?(?:father|mother|dad|mum)|partner|boyfriend|girlfriend|husband|wife|grandmother|grandfather|grandparents?|nan|aunt|auntie|uncle)\b|\b(?:Ms|Mrs|Miss|Mr|Mx)\.?\s+\p{Lu}|\bAdult\s+[A-Z0-9]{1,3}\b/u;
/**
 * Every alternative starts with s, c or b (in any case), and saying so first lets the engine skip
 * other positions quickly: it finds the same matches about thirty times faster over a long draft,
 * which this reads whole on every edit that has a sleeping-arrangements candidate.
 */
const SUDI = /(?=[scb])(?:\bSUDI\b|\bSIDS\b|\bsudden\s+(?:and\s+)?(?:unexpected|unexplained)\s+(?:infant\s+)?death|\bsudden\s+infant\s+death|\bsafer\s+sleep|\bco-?sleeping\b|\bbed-?sharing\b)/giu;

function isSudiReview(text: string): boolean {
  SUDI.lastIndex = 0;
  let n = 0;
  while (SUDI.exec(text)) if (++n >= 2) return true;
  return false;
}

function protectedSentence(protectedSpans: readonly Span[], s: Span): boolean {
  return protectedSpans.some((p) => overlaps(p, s));
}

/** An intimate detail of an adult family member's life, in a draft for publication. */
export const intimateDetail: Check = {
  meta: {
    id: 'intimate-detail',
    category: 'anonymisation',
    kind: 'check',
    severity: 'info',
    severityByReviewType: { 'rapid-review': 'hint' },
    scope: 'sentence',
    fix: 'none',
    summary: 'Check whether intimate details of a parent\u2019s or relative\u2019s life are needed for the learning.',
    message: 'This is an intimate detail about a family member ({{what}}). Check whether the learning needs it: the Panel asks authors to remove intimate and personal details of family life so the published review does not undermine the child\u2019s wellbeing. If it is needed, say briefly why.',
    rationale:
      'The Panel (2023) asks partnerships to plan for publication from the outset and to write the review so that it does not undermine the child\u2019s wellbeing, often by removing intimate and personal details of a family\u2019s life; SCIE\u2019s quality markers say personal and sensitive information about family members should not be included. The prompt covers a parent\u2019s or relative\u2019s sexual health, HIV or hepatitis status, terminations and miscarriages, sexual history, and a detailed psychiatric history (repeated admissions, overdoses, dates); for the last it asks you to keep the condition and how it affected the care of the child, which the identity rules ask for, and leave out the detail. It is an information prompt, because sometimes the detail is the learning. Details about the child are never prompted: a child\u2019s sexual health can be evidence of abuse. Sleeping arrangements are prompted only outside reviews of a sudden unexpected death in infancy, where they are the learning. Sentences that state the family\u2019s heritage, faith, language or disability are still prompted, but the message says to keep those. Research and statistics, quotations the review challenges and internal drafts (`publication: internal`) are left alone, and rapid reviews, which are not published, get a hint.',
    good: 'Ms R\u2019s mental health had deteriorated, and she was not well enough to notice the changes in Child R.',
    sources: [SOURCES.panelPublication, SOURCES.scieReport, SOURCES.familyPublication],
    examples: {
      valid: [
        { text: 'Child R was diagnosed with chlamydia at 13, which should have led to a child protection referral.', note: 'about the child: it is evidence of abuse' },
        { text: 'Baby S was found unresponsive after bed-sharing. The review considers safer sleep advice. The parents slept in separate rooms that week because Baby S was unsettled.', note: 'a sudden infant death review' },
        { text: 'Ms R had depression, and it affected how she cared for Child R.', note: 'the condition the identity rules ask for' },
        { text: 'Research shows that parents with HIV face stigma in seeking help.', note: 'research, not this family' },
        { text: '---\npublication: internal\n---\n\nMs R had a termination of pregnancy in 2019.', note: 'internal draft' },
      ],
      invalid: [
        { text: 'Ms R had a termination of pregnancy in 2019.', match: 'termination of pregnancy' },
        { text: 'Her mother was diagnosed as HIV positive shortly after the birth.', match: 'HIV' },
        { text: 'Her father was sectioned in 2009, 2011 and 2015, and took several overdoses.', match: 'sectioned' },
      ],
    },
  },
  run(ctx) {
    const doc = ctx.doc;
    if (isInternal(doc)) return;
    let sudi: boolean | undefined;
    let protectedSpans: readonly Span[] | undefined;
    let childNames: readonly string[] | undefined;
    const facts = factsOf(doc, intimateCandidates);
    for (let i = 0; i < facts.length; i++) {
      const candidates = facts[i]!;
      if (candidates.length === 0) continue;
      const block = doc.blocks[i]!;
      for (const c of candidates) {
        // About the child, not an adult relative: a child's sexual health can be evidence of abuse.
        childNames ??= identityFacts(doc).childNames;
        if (subjectBefore(block.sentences[c.sentence]!.text, c.at, childNames) === 'child') continue;
        if (c.what === 'sleeping arrangements' && (sudi ??= isSudiReview(doc.text))) continue;
        const span = { start: block.start + c.start, end: block.start + c.end };
        if (inQuote(block, span) && block.kind !== 'block-quote') continue;
        protectedSpans ??= identityFacts(doc).protectedSpans;
        const sentence = { start: block.start + c.sentenceStart, end: block.start + c.sentenceEnd };
        const keep = protectedSentence(protectedSpans, sentence) ? ' Keep the heritage, faith, language or disability stated in this sentence: the identity rules ask for it.' : '';
        ctx.report({ span, message: this.meta.message.replace('{{what}}', c.what) + (c.advice ?? '') + keep });
      }
    }
  },
};

interface IntimateCandidate {
  start: number;
  end: number;
  /** The index of its sentence in the block, and where in the sentence it is. */
  sentence: number;
  at: number;
  sentenceStart: number;
  sentenceEnd: number;
  what: string;
  advice?: string;
}

const INTIMATE_QUICK = /HIV|AIDS|[Hh]ep|sex|STI|STD|chlamydia|gonor|syphilis|herpes|GUM|genito|pregnan|abortion|miscarr|still-?birth|affair|marital|unfaithful|fertility|IVF|vasectomy|sterili|slept|sleeps|sleeping|bedrooms|sectioned|Mental Health Act|psychiatric|mental health (?:admission|in-?patient|hospital|unit|ward)|overdos|suicid|self-?harm|own life/i;

const NO_INTIMATE: readonly IntimateCandidate[] = [];

/**
 * Intimate details in one block's sentences that name an adult relative, before the exemptions that
 * need the whole draft (the child's names, a review of a sudden infant death). Offsets relative to the block.
 */
const intimateCandidates = defineFact<readonly IntimateCandidate[]>('anonymisation/intimate', (b) => (PROSE_KINDS.has(b.kind) && !PROSE_SKIP.has(b.role) ? intimateIn(b) : NO_INTIMATE));

function intimateIn(block: Block): readonly IntimateCandidate[] {
  if (!INTIMATE_QUICK.test(block.prose)) return NO_INTIMATE;
  const out: IntimateCandidate[] = [];
  for (let j = 0; j < block.sentences.length; j++) {
    const s = block.sentences[j]!;
    const text = s.text;
    if (!ADULT_RELATIVE.test(text) || STATISTICS.test(text)) continue;
    let found: { at: number; len: number; what: string; advice?: string } | undefined;
    for (const t of INTIMATE) {
      const m = t.re.exec(text);
      if (!m) continue;
      found = { at: m.index, len: m[0].length, what: t.what };
      break;
    }
    if (!found) {
      PSYCH_EVENT.lastIndex = 0;
      const events = [...text.matchAll(PSYCH_EVENT)];
      const years = text.match(YEAR)?.length ?? 0;
      if (events.length >= 2 || (events.length === 1 && (years >= 2 || COUNT.test(text)))) {
        found = { at: events[0]!.index!, len: events[0]![0].length, what: 'a detailed psychiatric history', advice: ' Keep what the learning needs, the condition and how it affected the care of the child, and leave out the detailed history.' };
      }
    }
    if (!found) continue;
    const start = s.start - block.start + found.at;
    out.push({ start, end: start + found.len, sentence: j, at: found.at, sentenceStart: s.start - block.start, sentenceEnd: s.end - block.start, what: found.what, ...(found.advice ? { advice: found.advice } : {}) });
  }
  return out.length === 0 ? NO_INTIMATE : out;
}

/** Characteristics the identity rules do not cover, and the words that show they are discussed. */
const OTHER_CHARACTERISTICS: ReadonlyArray<{ what: string; named: RegExp; discussed: RegExp }> = [
  { what: 'sexuality', named: /\bsexual(?:ity|\s+orientation)\b|\b(?:LGBT\w*|gay|lesbian|bisexual)\b/iu, discussed: /\bsexual(?:ity|\s+orientation|\s+identity)\b|\bLGBT\w*|\bgay\b|\blesbian\b|\bbisexual\b|\bhomophob\w*/iu },
  { what: 'gender identity', named: /\bgender\s+identity\b|\btrans(?:gender)?\b|\bnon-?binary\b/iu, discussed: /\bgender\b|\btrans(?:gender|phob\w*)?\b|\bnon-?binary\b/iu },
  { what: 'immigration status', named: /\bimmigration\s+status\b|\basylum\b|\brefugee\s+status\b|\bno\s+recourse\s+to\s+public\s+funds\b/iu, discussed: /\bimmigration\b|\basylum\b|\brefugee\b|\brecourse\b|\bborder\b|\bHome\s+Office\b/iu },
  { what: 'health condition', named: /\b(?:medical|health|rare|life-?limiting|genetic|specific)\s+(?:condition|illness|disease|syndrome)s?\b/iu, discussed: /\bcondition\b|\billness\b|\bdisease\b|\bsyndrome\b|\bhealth\s+needs\b|\bmedical\s+needs\b/iu },
  { what: 'family background', named: /\b(?:the\s+)?(?:child['’]s|children['’]s|family['’]s|parents['’]|their|her|his)\s+background\b/iu, discussed: /\bbackground\b|\bheritage\b|\bcultur\w+|\bcommunit(?:y|ies)\b|\bidentity\b|\bupbringing\b/iu },
  { what: 'occupation', named: /\b(?:occupation|profession|job|employment|employer)\b/iu, discussed: /\b(?:occupation|profession|job|work|employment|employer)\b/iu },
];
const DISCUSSED: Record<Characteristic, RegExp> = {
  ethnicity: /\bheritage\b|\bcultur\w+|\bethnic\w*|\bracis\w+|\brace\b|\bracial\w*|\bcommunit(?:y|ies)\b|\bidentity\b|\bminorit\w+/iu,
  religion: /\bidentity\b|\bfaith\b|\breligio\w+|\bbelief|\bworship\b|\bchurch\b|\bmosque\b|\btemple\b|\bgurdwara\b|\bsynagogue\b/iu,
  language: /\bidentity\b|\blanguages?\b|\binterpret\w*|\btranslat\w+|\bEnglish\b|\bcommunicat\w+/iu,
  disability: /\b[Ii]dentity\b|\bdisab\w+|\bneeds\b|\bcondition\b|\bdiagnos\w+|\bautis\w+|\bimpair\w+|\bSEND?\b/u,
};
const WHAT: Record<Characteristic, string> = { ethnicity: 'heritage', religion: 'faith', language: 'first language', disability: 'disability' };
const REASON = /\b(?:because|due\s+to|as\s+(?:it|this|they|she|he|the\s+family)|in\s+order\s+to|so\s+as\s+to|to\s+(?:protect|avoid|prevent|respect)|at\s+(?:the\s+)?(?:[\p{L}]+['’]s?\s+)?request|for\s+reasons?\s+of)\b/iu;
const ANALYSIS_ROLES = new Set(['analysis', 'findings']);

/**
 * The "discussed" tests, in one list so a sentence can record which of them it passes: the identity
 * rules' four characteristics, then the others in the order of OTHER_CHARACTERISTICS.
 */
const IDENTITY_CHARACTERISTICS = ['ethnicity', 'religion', 'language', 'disability'] as const;
export const DISCUSSED_AS_WRITTEN: readonly RegExp[] = [...IDENTITY_CHARACTERISTICS.map((c) => DISCUSSED[c]), ...OTHER_CHARACTERISTICS.map((c) => c.discussed)];
/**
 * The same tests, each led by the letters its alternatives start with (under the same flags). That
 * changes no match, but lets the engine skip other positions: case-insensitive Unicode tests with
 * word boundaries are otherwise slow, and these run over every sentence of the analysis.
 */
const FIRST_LETTERS = ['hceirm', 'ifrbwcmtgs', 'iltec', 'IidncaS', 'sglbh', 'gtn', 'iarbh', 'cidshm', 'bhciu', 'opjwe'];
export const DISCUSSED_TESTS: readonly RegExp[] = DISCUSSED_AS_WRITTEN.map((re, i) => new RegExp(`(?=[${FIRST_LETTERS[i]}])(?:${re.source})`, re.flags));
const OTHER_OFFSET = IDENTITY_CHARACTERISTICS.length;

/**
 * The analysis was once read as its sentences joined with new lines, so a two-word test ("Home
 * Office", "health needs", "sexual orientation") could match across two sentences. These record
 * the first word at a sentence's end and the second at its start, so the same matches are found.
 */
const CROSSING: ReadonlyArray<{ test: number; end: RegExp; start: RegExp }> = [
  { test: OTHER_OFFSET + 0, end: /\bsexual\s*$/iu, start: /^\s*(?:orientation|identity)\b/iu },
  { test: OTHER_OFFSET + 2, end: /\bHome\s*$/iu, start: /^\s*Office\b/iu },
  { test: OTHER_OFFSET + 3, end: /\b(?:health|medical)\s*$/iu, start: /^\s*needs\b/iu },
];

/** What the withheld check needs of one sentence of the analysis; offsets relative to the block. */
interface AnalysisSentence {
  start: number;
  end: number;
  /** Bit i: DISCUSSED_TESTS[i] matches in the sentence. */
  passes: number;
  /** Bit i: CROSSING[i]'s first word ends the sentence, and its second word starts it. */
  ends: number;
  starts: number;
  /** Only white space: a match can run through it. */
  blank: boolean;
}
const NO_SENTENCES: readonly AnalysisSentence[] = [];

const analysisSentences = defineFact<readonly AnalysisSentence[]>('anonymisation/analysis-sentences', (b) => {
  if (!PROSE_KINDS.has(b.kind) || !ANALYSIS_ROLES.has(b.role) || b.sentences.length === 0) return NO_SENTENCES;
  return b.sentences.map((s) => {
    let passes = 0;
    for (let i = 0; i < DISCUSSED_TESTS.length; i++) if (DISCUSSED_TESTS[i]!.test(s.text)) passes |= 1 << i;
    let ends = 0;
    let starts = 0;
    for (let i = 0; i < CROSSING.length; i++) {
      if (CROSSING[i]!.end.test(s.text)) ends |= 1 << i;
      if (CROSSING[i]!.start.test(s.text)) starts |= 1 << i;
    }
    return { start: s.start, end: s.end, passes, ends, starts, blank: /^\s*$/u.test(s.text) };
  });
});

/**
 * True when DISCUSSED_TESTS[test] matches the analysis and findings, leaving out the sentences that
 * overlap `except`: what testing it against those sentences joined with new lines would give.
 */
function discussedInAnalysis(doc: ParsedDocument, test: number, except: readonly Span[]): boolean {
  const facts = factsOf(doc, analysisSentences);
  const crossing = CROSSING.findIndex((c) => c.test === test);
  const bit = 1 << test;
  // A sentence ended with the first word of the crossing test, and only blank sentences came since.
  let open = false;
  for (let i = 0; i < facts.length; i++) {
    const list = facts[i]!;
    if (list.length === 0) continue;
    const base = doc.blocks[i]!.start;
    for (const s of list) {
      const span = { start: base + s.start, end: base + s.end };
      if (except.some((e) => overlaps(e, span))) continue;
      if (s.passes & bit) return true;
      if (crossing < 0) continue;
      const c = 1 << crossing;
      if (open && s.starts & c) return true;
      if (!s.blank) open = (s.ends & c) !== 0;
    }
  }
  return false;
}

interface PlacedSentence extends Span {
  passes: number;
  ends: number;
  starts: number;
}

/**
 * `discussedInAnalysis` for one run of the check, answered from an index of the analysis sentences
 * built once per run instead of a scan per question (a draft with many withheld statements made
 * the scans take time growing with the square of its length). It gives exactly the same answers:
 * a sentence that passes the test and is not left out, or a pair of sentences across which the
 * crossing test's two words run, with only blank sentences between them once those left out are
 * removed. The answer for one list of exclusions is remembered, as the identity loop asks the same
 * question for every statement.
 */
function discussedOnce(doc: ParsedDocument): (test: number, except: readonly Span[]) => boolean {
  const facts = factsOf(doc, analysisSentences);
  // Non-blank analysis sentences in order, placed in the document.
  const seq: PlacedSentence[] = [];
  for (let i = 0; i < facts.length; i++) {
    const list = facts[i]!;
    if (list.length === 0) continue;
    const base = doc.blocks[i]!.start;
    for (const x of list) if (!x.blank) seq.push({ start: base + x.start, end: base + x.end, passes: x.passes, ends: x.ends, starts: x.starts });
  }
  const remembered = new Map<number, WeakMap<readonly Span[], boolean>>();
  // The sentences of `seq` that overlap a span (they are in order and do not overlap each other).
  const overlapping = (e: Span, into: Set<number>): void => {
    let lo = 0;
    let hi = seq.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[mid]!.end <= e.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < seq.length && overlaps(e, seq[k]!); k++) into.add(k);
  };
  // Per test: the sentences that pass it, and the sentence pairs the crossing test runs across.
  const passing = new Map<number, number[]>();
  const pairs = new Map<number, number[]>();
  const passingFor = (test: number): number[] => {
    let list = passing.get(test);
    if (!list) {
      const bit = 1 << test;
      passing.set(test, (list = []));
      for (let k = 0; k < seq.length; k++) if (seq[k]!.passes & bit) list.push(k);
    }
    return list;
  };
  const pairsFor = (c: number): number[] => {
    let list = pairs.get(c);
    if (!list) {
      pairs.set(c, (list = []));
      for (let k = 1; k < seq.length; k++) if (seq[k - 1]!.ends & c && seq[k]!.starts & c) list.push(k);
    }
    return list;
  };
  const answer = (test: number, except: readonly Span[]): boolean => {
    const crossing = CROSSING.findIndex((x) => x.test === test);
    const out = new Set<number>();
    for (const e of except) overlapping(e, out);
    // A passing sentence not left out: only the ones left out can be skipped over.
    for (const k of passingFor(test)) if (!out.has(k)) return true;
    if (crossing < 0) return false;
    const c = 1 << crossing;
    for (const k of pairsFor(c)) if (!out.has(k) && !out.has(k - 1)) return true;
    // Pairs that leaving sentences out brings together: either side of each run left out.
    for (const k of out) {
      if (out.has(k - 1)) continue;
      let after = k;
      while (out.has(after)) after++;
      const before = k - 1;
      if (before >= 0 && after < seq.length && seq[before]!.ends & c && seq[after]!.starts & c) return true;
    }
    return false;
  };
  return (test, except) => {
    let byList = remembered.get(test);
    if (!byList) remembered.set(test, (byList = new WeakMap()));
    let v = byList.get(except);
    if (v === undefined) byList.set(except, (v = answer(test, except)));
    return v;
  };
}

/** A characteristic stated as withheld for anonymity, which the analysis never comes back to. */
export const withheldCharacteristicNotAnalysed: Check = {
  meta: {
    id: 'withheld-characteristic-not-analysed',
    category: 'anonymisation',
    kind: 'check',
    severity: 'hint',
    scope: 'document',
    fix: 'none',
    summary: 'If a characteristic is withheld to protect anonymity, still discuss what it meant for the child.',
    message: 'The review says the {{what}} is withheld. The Panel accepts that a characteristic may be left out to protect the family, but the analysis should still discuss what it meant for the child and family, without naming it if need be.{{harm}}',
    rationale:
      'The Panel (2023) describes a review in which a child\u2019s specific cultural heritage was not named because it would have identified the family in a small community, and notes that there was then little exploration of what that heritage meant for the child and her family. Withholding can be right; losing the analysis is not. This rule joins up with the identity rules. For ethnicity, religion, language and disability it reads the identity rules\u2019 own facts (identityFacts): where the draft gives anonymity alone as the reason, `anonymity-used-to-omit-identity` already reports the sentence and asks for the Panel\u2019s harm test, so this rule stays quiet; where the reason is a risk of harm, or the family\u2019s wish, and the analysis never comes back to that characteristic, this rule asks for the analysis. The identity rules\u2019 absence checks already accept "withheld" and ask authors to say so, so this rule never repeats them. For characteristics the identity rules do not cover (sexuality, gender identity, immigration status, a health condition, the family\u2019s background, a parent\u2019s occupation) this rule does both: it asks for the harm test when anonymity is the only reason, and for the analysis. It is a hint, and it never asks for a characteristic to be removed.',
    good: 'The family\u2019s heritage is not named because publishing it would risk harm to the children from a relative. The analysis considers how the family\u2019s experience of racism in a small community shaped their trust in services.',
    sources: [SOURCES.panelWithheld, SOURCES.annualReviewAnonymity, SOURCES.familyPublication],
    examples: {
      valid: [
        {
          text: '## Background\n\nThe family\u2019s heritage is not named because publishing it would put the children at risk of harm.\n\n## Analysis\n\nThe family\u2019s experience of racism in a small community shaped their trust in services.',
        },
        {
          text: '## Background\n\nThe family\u2019s ethnicity has not been included in order to protect their anonymity.\n\n## Analysis\n\nPractitioners did not ask about the family.',
          note: 'anonymity-used-to-omit-identity reports this sentence; this rule defers to it',
        },
        { text: 'Child R\u2019s heritage has not been withheld: anonymity is protected by pseudonyms.\n\n## Analysis\n\nPractitioners did not ask.' },
      ],
      invalid: [
        {
          text: '## Background\n\nThe family\u2019s heritage is not named because publishing it would put the children at risk of harm.\n\n## Analysis\n\nPractitioners did not ask Child R about school.',
          match: 'not named',
        },
        {
          text: '## Background\n\nChild R\u2019s sexuality has been withheld to protect her anonymity.\n\n## Analysis\n\nPractitioners did not ask Child R about school.',
          match: 'withheld',
        },
      ],
    },
  },
  run(ctx) {
    const doc = ctx.doc;
    const facts = identityFacts(doc);
    if (!facts.hasAnalysisSection) return;
    const reported: Span[] = [];
    const discussed = discussedOnce(doc);
    const sentenceOf = (span: Span): { block: Block; s: { start: number; end: number; text: string }; next: string } | undefined => {
      const i = indexOfSpanAt(ctx.prose, span.start);
      if (i < 0) return undefined;
      const b = ctx.prose[i]!;
      const j = b.sentences.findIndex((x) => x.start <= span.start && span.start < x.end);
      if (j < 0) return undefined;
      return { block: b, s: b.sentences[j]!, next: b.sentences[j + 1]?.text ?? ctx.prose[i + 1]?.sentences[0]?.text ?? '' };
    };
    // Ethnicity, religion, language and disability: the identity rules' own facts.
    for (const c of ['ethnicity', 'religion', 'language', 'disability'] as const) {
      // Only the withheld statements: reading `statements` would place every statement in the draft.
      const withheld = facts.characteristics[c].withheld;
      let withheldSentences: Span[] | undefined;
      for (const st of withheld) {
        if (st.source !== 'prose') continue;
        const at = sentenceOf(st.span);
        if (!at || PROSE_SKIP.has(at.block.role)) continue;
        // anonymity-used-to-omit-identity reports anonymity-only reasons; leave those to it.
        if (ANONYMITY_REASON.test(at.s.text) && !HARM_TEST.test(at.s.text) && !HARM_TEST.test(at.next)) continue;
        if (reported.some((r) => overlaps(r, at.s))) continue;
        withheldSentences ??= withheld.map((x) => x.sentence);
        if (discussed(IDENTITY_CHARACTERISTICS.indexOf(c), withheldSentences)) continue;
        const om = omissionSpan(at.s);
        reported.push(at.s);
        ctx.report({ span: om, message: this.meta.message.replace('{{what}}', `child\u2019s ${WHAT[c]}`).replace('{{harm}}', '') });
      }
    }
    // Other characteristics: found here.
    const candidates = factsOf(doc, withheldCandidates);
    for (let i = 0; i < candidates.length; i++) {
      if (candidates[i]!.length === 0) continue;
      const block = doc.blocks[i]!;
      for (const w of candidates[i]!) {
        const s = { start: block.start + w.start, end: block.start + w.end };
        if (reported.some((r) => overlaps(r, s))) continue;
        const c = OTHER_CHARACTERISTICS[w.characteristic]!;
        if (discussed(OTHER_OFFSET + w.characteristic, [s])) continue;
        const harm = w.anonymityOnly ? ' The Panel\u2019s test for leaving it out is whether publishing it could harm the child or family, not whether they could be identified.' : '';
        reported.push(s);
        ctx.report({ span: { start: block.start + w.omissionStart, end: block.start + w.omissionEnd }, message: this.meta.message.replace('{{what}}', c.what).replace('{{harm}}', harm) });
      }
    }
  },
};

interface WithheldCandidate {
  start: number;
  end: number;
  omissionStart: number;
  omissionEnd: number;
  characteristic: number;
  anonymityOnly: boolean;
}

const NO_WITHHELD: readonly WithheldCandidate[] = [];

/** Sentences of each block that withhold a characteristic the identity rules do not cover. Offsets relative to the block. */
const withheldCandidates = defineFact<readonly WithheldCandidate[]>('anonymisation/withheld', (b) => (PROSE_KINDS.has(b.kind) && !PROSE_SKIP.has(b.role) ? withheldIn(b) : NO_WITHHELD));

function withheldIn(block: Block): readonly WithheldCandidate[] {
  const out: WithheldCandidate[] = [];
  OMISSION.lastIndex = 0;
  if (OMISSION.test(block.prose)) {
    for (let j = 0; j < block.sentences.length; j++) {
      const s = block.sentences[j]!;
      const text = s.text;
      OMISSION.lastIndex = 0;
      if (!OMISSION.test(text) || NEGATED_OMISSION.test(text)) continue;
      const anonymity = ANONYMITY_REASON.test(text);
      if (!anonymity && !REASON.test(text) && !HARM_TEST.test(text)) continue;
      if (OMITTED_IDENTITY.some(([, re]) => re.test(text))) continue;
      const c = OTHER_CHARACTERISTICS.findIndex((x) => x.named.test(text));
      if (c < 0) continue;
      const next = block.sentences[j + 1]?.text ?? '';
      const om = omissionSpan(s);
      out.push({ start: s.start - block.start, end: s.end - block.start, omissionStart: om.start - block.start, omissionEnd: om.end - block.start, characteristic: c, anonymityOnly: anonymity && !HARM_TEST.test(text) && !HARM_TEST.test(next) });
    }
  }
  return out.length === 0 ? NO_WITHHELD : out;
}

function omissionSpan(s: { start: number; end: number; text: string }): Span {
  OMISSION.lastIndex = 0;
  const m = OMISSION.exec(s.text);
  return m ? { start: s.start + m.index, end: s.start + m.index + m[0].length } : { start: s.start, end: s.end };
}
