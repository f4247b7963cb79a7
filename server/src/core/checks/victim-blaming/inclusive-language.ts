/**
 * `inclusive-language`: disability, mental-health, addiction and suicide wording, with retext-equality
 * as the engine and a curation layer for UK safeguarding reviews.
 *
 * retext-equality on its own flags "mother", "father", "he", "she", "girl", "Gypsy", "midwife",
 * "asylum" and "ADHD", which every review must use. Here only the patterns listed in CURATED are kept,
 * each with our own message in plain British English, and a few gaps are filled ("wheelchair-bound",
 * "suffers from autism", "an epileptic"). retext runs only on sentences that contain one of the kept
 * trigger words, and its results are cached per sentence, so a long draft stays fast. The core lint is
 * synchronous, so the processor is used through `runSync`.
 */
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { unified } from 'unified';
import type { Check, Report } from '../../check';
import type { PeopleIndex } from '../../context/people';
import { BoundedCache } from '../../bounded-cache';
import type { Block } from '../../document/model';
import { detach } from '../../document/parse';
import type { Fix, Severity, Span } from '../../types';
import type { BlockCandidates, BlockCheck, Candidate } from './shared';
import { candidates, defineCandidates, fillIn, localVoice, notAuthors, runBlockCheck, SOURCES, spanOf, suggestion, voiceIn } from './shared';

/** A message retext-equality produced, with offsets into the text it was given. */
export interface RetextHit {
  ruleId: string;
  actual: string;
  start: number;
  end: number;
}

interface Curated {
  /** The phrases of the retext pattern we keep (others of the same pattern are dropped). */
  keep: RegExp;
  message: string;
  severity: Severity;
  /** Words after the match that mean it is not about a person ("alcoholic drinks"). */
  unlessAfter?: RegExp;
}

const OFFENSIVE = 'is an offensive term for';

const SUFFERS = "'{{match}}' presents the condition as suffering or as a blight (the Panel's note on language asks for person-first wording). Write 'has …' or 'lives with …' (for example 'has cerebral palsy'), or use the words the person uses about themselves.";
const MENTAL = "'{{match}}' is a stigmatising way to describe mental distress. Describe what the person experienced or what was diagnosed, for example 'was very distressed' or 'had a diagnosis of psychosis'.";

// retext-equality pattern ids we keep, and what we say instead. Everything else it reports is dropped.
const CURATED: Record<string, Curated> = {
  'wheelchair-bound': { keep: /./, severity: 'info', message: "'{{match}}' describes the wheelchair as a confinement, when it gives the person freedom of movement. Write 'uses a wheelchair' or 'wheelchair user'." },
  handicapped: { keep: /./, severity: 'info', message: "'{{match}}' is outdated and many disabled people find it offensive. Write 'disabled', or say what the impairment is, for example 'has a learning disability'." },
  'handicapped-parking': { keep: /./, severity: 'info', message: "'{{match}}' is outdated. Write 'accessible parking' or 'disabled parking'." },
  gimp: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} a disabled person. Write 'disabled person' or say what the impairment is.` },
  spastic: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} someone with cerebral palsy. Say what the condition is, for example 'has cerebral palsy'.` },
  spaz: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} a disabled person. Say what the condition is, for example 'has cerebral palsy'.` },
  retard: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} someone with a learning disability. Write 'has a learning disability'.` },
  retards: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} people with learning disabilities. Write 'people with learning disabilities'.` },
  mongoloid: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} someone with Down's syndrome. Write 'has Down's syndrome'.` },
  deafmute: { keep: /./, severity: 'info', message: "'{{match}}' is outdated and offensive to Deaf people. Write 'deaf', or 'Deaf and uses British Sign Language' if that is how the person describes themselves." },
  dwarf: { keep: /^(?:midget|vertically challenged)$/i, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} a person of short stature. Write 'has restricted growth' or 'is of short stature', or name the condition.` },
  harelip: { keep: /./, severity: 'info', message: "'{{match}}' is outdated and hurtful. Write 'cleft lip'." },
  harelipped: { keep: /./, severity: 'info', message: "'{{match}}' is outdated and hurtful. Write 'has a cleft lip'." },
  'birth-defect': { keep: /./, severity: 'info', message: "'{{match}}' describes the child as defective. Write 'congenital condition', or name the condition." },
  ablebodied: { keep: /./, severity: 'info', message: "'{{match}}' implies disabled people are not able. Write 'non-disabled'." },
  'suffers-from-disabilities': { keep: /./, severity: 'info', message: SUFFERS },
  'suffers-from-md': { keep: /./, severity: 'info', message: SUFFERS },
  'multiple-sclerosis-victim': { keep: /./, severity: 'info', message: SUFFERS },
  'aids-victim': { keep: /./, severity: 'info', message: "'{{match}}' presents the person as a victim of their condition. Write 'is living with HIV' or 'has AIDS'." },
  'stroke-victim': { keep: /./, severity: 'info', message: "'{{match}}' presents the person as a victim. Write 'has had a stroke'." },
  'victim-of-polio': { keep: /^(?!infantile)/i, severity: 'info', message: SUFFERS },
  'intellectually-disabled': { keep: /suffer|afflicted/i, severity: 'info', message: "'{{match}}' presents a learning disability as suffering. In the UK write 'has a learning disability'." },
  psychotic: { keep: /suffer|afflicted|victim/i, severity: 'info', message: SUFFERS },
  manic: { keep: /suffer|afflicted/i, severity: 'info', message: SUFFERS },
  nuts: { keep: /^(?:psycho|loony|lunatic|lunacy|mental case|mental defective|batshit|crazy|insane|moron|moronic)$/i, severity: 'warning', message: MENTAL },
  schizo: { keep: /^schizo$/i, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} someone with schizophrenia. Write 'has schizophrenia', or describe what was diagnosed.` },
  sociopath: { keep: /./, severity: 'info', message: "'{{match}}' is a lay label, not a diagnosis. Say what diagnosis was made, if any (for example 'antisocial personality disorder'), or describe the behaviour." },
  sociopaths: { keep: /./, severity: 'info', message: "'{{match}}' is a lay label, not a diagnosis. Say what diagnosis was made, if any, or describe the behaviour." },
  senile: { keep: /./, severity: 'info', message: "'{{match}}' is outdated and dismissive. Write 'has dementia', or describe the person's needs." },
  bedlam: { keep: /^(?:loony bin|madhouse)$/i, severity: 'warning', message: "'{{match}}' mocks mental illness. Name the place: 'psychiatric hospital' or 'mental health unit'." },
  madman: { keep: /./, severity: 'info', message: MENTAL },
  madmen: { keep: /./, severity: 'info', message: MENTAL },
  maniac: { keep: /./, severity: 'info', message: MENTAL },
  idiot: { keep: /^(?:feebleminded|feeble minded|imbecile)$/i, severity: 'warning', message: "'{{match}}' is an old medical label that is now offensive. Write 'has a learning disability' if that is what is meant." },
  cretin: { keep: /./, severity: 'warning', message: "'{{match}}' is an old medical label that is now offensive. Describe the person's needs instead." },
  'commit-suicide': { keep: /commit suicide/i, severity: 'info', message: "'{{match}}' suggests a crime; suicide has not been a crime since 1961, and families find the word hurtful. Write 'die by suicide' or 'take their own life'." },
  'committed-suicide': { keep: /committed suicide|completed suicide/i, severity: 'info', message: "'{{match}}' suggests a crime; suicide has not been a crime since 1961, and families find the word hurtful. Write 'died by suicide' or 'took their own life'." },
  'failed-suicide': { keep: /^(?:failed suicide|suicide failure)$/i, severity: 'info', message: "'{{match}}' treats survival as failure. Write 'attempted suicide' or 'survived a suicide attempt'." },
  addict: { keep: /./, severity: 'info', message: "'{{match}}' defines a person by their drug use. Write 'person who uses drugs', 'was dependent on heroin' or 'had a drug problem'." },
  addicts: { keep: /./, severity: 'info', message: "'{{match}}' defines people by their drug use. Write 'people who use drugs' or 'people with a drug dependency'." },
  alcoholic: {
    keep: /./,
    severity: 'info',
    message: "'{{match}}' defines a person by their drinking. Write 'was dependent on alcohol' or 'had an alcohol problem', and say what was known about it.",
    unlessAfter: /^\s*(?:drinks?|beverages?|liver|content|units|spirits|products?|intake|poisoning|hepatitis|cirrhosis|Anonymous|ketoacidosis|blackout)/i,
  },
  fag: { keep: /^(?:faggot|dyke|homo|sodomite)$/i, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} a gay or lesbian person. Write 'gay' or 'lesbian', or the words the person uses about themselves.` },
  tranny: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} a trans person. Write 'trans' or 'transgender', or the words the person uses about themselves.` },
  heshe: { keep: /./, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} a trans person. Write 'trans woman', 'trans man' or the words the person uses about themselves.` },
  transgendered: { keep: /./, severity: 'info', message: "'{{match}}' is outdated. Write 'transgender' or 'trans'." },
  transgenders: { keep: /./, severity: 'info', message: "'{{match}}' uses an adjective as a noun. Write 'transgender people' or 'trans people'." },
  'sexual-preference': { keep: /./, severity: 'info', message: "'{{match}}' implies sexuality is a choice. Write 'sexual orientation'." },
  'sex-change-operation': { keep: /./, severity: 'info', message: "'{{match}}' is outdated. Write 'gender-affirming surgery', and only if it matters to the learning." },
  sexchange: { keep: /./, severity: 'info', message: "'{{match}}' is outdated. Write 'transition' or 'gender-affirming surgery', and only if it matters to the learning." },
  hermaphrodite: { keep: /./, severity: 'info', message: "'{{match}}' is outdated and hurtful. Write 'intersex' or 'has a variation in sex characteristics'." },
  'gay-lifestyle': { keep: /./, severity: 'info', message: "'{{match}}' treats being gay as a choice of lifestyle. Write 'gay' or describe the person's life." },
};

// Gaps retext-equality misses, as our own patterns.
interface Gap {
  pattern: RegExp;
  message: string;
  severity: Severity;
  fix?: (m: RegExpExecArray) => string | undefined;
}

const CONDITIONS = String.raw`autism|autistic spectrum disorder|autism spectrum disorder|ASD|ADHD|ADD|Asperger(?:'s|’s)?(?: syndrome)?|Down(?:'s|’s)? syndrome|Downs syndrome|cerebral palsy|(?:a )?learning disabilit(?:y|ies)|(?:a )?learning difficult(?:y|ies)|epilepsy|dyslexia|dyspraxia|(?:a )?disabilit(?:y|ies)|spina bifida|deafness|blindness|dementia|(?:a )?mental illness|mental health (?:problems|issues|difficulties|conditions)|depression|anxiety|schizophrenia|bipolar(?: disorder)?|psychosis|PTSD|post-traumatic stress disorder|OCD|(?:an )?eating disorder|anorexia|bulimia|(?:a )?personality disorder|foetal alcohol (?:syndrome|spectrum disorder)|FASD|a stammer|a stutter|hearing loss|sight loss|(?:a )?(?:physical|sensory) impairment|(?:a )?chronic illness|diabetes|asthma|multiple sclerosis|MS|muscular dystrophy|MD|AIDS|HIV|polio|a stroke|psychosis`;
const SUFFER_VERB: Record<string, string> = { suffers: 'has', suffer: 'have', suffered: 'had', suffering: 'living with', 'had suffered': 'had had', 'has suffered': 'has had' };
const GAPS: Gap[] = [
  {
    pattern: /\b(?:(is|was|are|were|be|been|being) )?(?:wheelchair[- ]bound|wheelchair[- ]confined)\b/gi,
    severity: 'info',
    message: CURATED['wheelchair-bound']!.message,
    fix: (m) => (m[1] ? ({ is: 'uses a wheelchair', was: 'used a wheelchair', are: 'use wheelchairs', were: 'used wheelchairs' } as Record<string, string>)[m[1].toLowerCase()] : undefined),
  },
  {
    pattern: new RegExp(String.raw`\b(had suffered|has suffered|suffers|suffered|suffering|suffer|afflicted|stricken|plagued|blighted) (?:from|with|by) (?:${CONDITIONS})\b`, 'gi'),
    severity: 'info',
    message: SUFFERS,
    fix: (m) => {
      const verb = SUFFER_VERB[m[1]!.toLowerCase()];
      return verb ? m[0].replace(new RegExp(`^${m[1]} (?:from|with|by)`, 'i'), verb) : undefined;
    },
  },
  { pattern: /\b(?:mentally handicapped|mental handicap|mentally retarded|mental retardation)\b/gi, severity: 'warning', message: "'{{match}}' is outdated and offensive. Write 'has a learning disability' (the UK term)." },
  { pattern: /\bthe (?:disabled|handicapped|mentally ill|deaf|blind)(?=\s*(?:[.,;:)!?]|$|\s+(?:and|or|are|were|is|was|who|have|had|in|of|to|at|as|for)\b))/gi, severity: 'info', message: "'{{match}}' describes people as a group defined by their condition (the Panel's note on language, 2023). Write 'disabled people', 'deaf people' or 'people with mental health conditions'." },
  { pattern: /\b(?:an?|the) (?:(?:paranoid|chronic|known|severe|diagnosed|violent|hopeless|recovering|former|ex-) )?(?:epileptic|diabetic|schizophrenic|depressive|psychotic|anorexic|spastic)(?=\s*(?:[.,;:)!?]|$|\s+(?:and|or|who|with|but|was|is|had|has|that|were|are|in|at)\b))/gi, severity: 'info', message: "'{{match}}' defines the person by their condition; the Panel writes person-first language (annual report 2022/23). Write 'person with epilepsy' (or diabetes, schizophrenia, depression…)." },
  { pattern: /\b(?:epileptics|diabetics|schizophrenics|depressives)\b/gi, severity: 'info', message: "'{{match}}' defines people by their condition. Write 'people with epilepsy' (or diabetes, schizophrenia, depression…)." },
  { pattern: /\bmongol(?:ism|s)?\b/g, severity: 'warning', message: `'{{match}}' ${OFFENSIVE} someone with Down's syndrome. Write 'has Down's syndrome'.` },
  { pattern: /\b(?:nutters?|nutcases?|crackheads?|smackheads?|druggies|druggie|druggy|junkies?|junky|pissheads?|alkies?|alkys?|winos?)\b/gi, severity: 'warning', message: "'{{match}}' is an insult, not a description. Say what the person's difficulty was, for example 'used crack cocaine daily' or 'had a serious alcohol problem'." },
  { pattern: /\b(?:drug|substance|alcohol|solvent) abusers?\b/gi, severity: 'info', message: "'{{match}}' defines a person by their drug or alcohol use. Write 'person who uses drugs', 'misused alcohol' or 'had a drug problem'." },
  { pattern: /\bunsuccessful suicide(?: attempt)?\b|\bsuicide attempt (?:that |which )?failed\b/gi, severity: 'info', message: CURATED['failed-suicide']!.message },
];

// Words that can start a kept retext phrase: the prefilter before retext runs on a sentence.
const RETEXT_TRIGGER = /\b(?:wheelchair|handicapped|cripple|crippled|gimp|spastic|spaz|retard|retarded|retards|short bus|mongoloid|deaf and dumb|deafmute|midget|vertically|harelip|hare lip|harelipped|birth defect|ablebodied|victim of (?:aids|multiple sclerosis|a stroke|polio|psychosis)|aids victim|multiple sclerosis victim|stroke victim|psycho|loony|lunatic|lunacy|mental case|mental defective|batshit|crazy|insane|moron|moronic|schizo|sociopaths?|senile|demented|madhouse|madman|madmen|mad man|mad men|maniac|feebleminded|feeble minded|imbecile|cretin|commit suicide|committed suicide|completed suicide|successful suicide|complete suicide|failed suicide|suicide failure|addicts?|junkies|alcoholic|alcohol abuser|faggot|dyke|homo|sodomite|tranny|shemale|she male|heshe|shehe|transgendered|transgenders|sexual preference|sex change|sexchange|hermaphrodite|gay lifestyle|homosexual lifestyle)\b/i;
const GAP_TRIGGER = /wheelchair|suffer|afflicted|stricken|plagued|blighted|handicap|retard|the (?:disabled|mentally ill|deaf|blind)|epileptic|diabetic|schizophrenic|depressive|psychotic|anorexic|spastic|mongol|nutter|nutcase|crackhead|smackhead|drugg|junk|pisshead|alk[iy]|wino|abuser|unsuccessful suicide|suicide attempt/i;
const QUICK = new RegExp(`${RETEXT_TRIGGER.source}|${GAP_TRIGGER.source}`, 'i');

type Processor = { parse(text: string): unknown; runSync(tree: unknown, file?: unknown): unknown };
let shared: Processor | undefined;
let collected: RetextHit[] = [];

interface VMessage {
  ruleId?: string | null;
  actual?: string;
  place?: { start?: { offset?: number }; end?: { offset?: number }; offset?: number } | null;
}

// A last plugin that copies retext's messages out of the file, so no vfile import is needed.
function collector() {
  return (_tree: unknown, file: { messages: VMessage[] }): void => {
    for (const m of file.messages) {
      const place = m.place;
      const start = place && 'start' in place ? place.start?.offset : undefined;
      const end = place && 'end' in place ? place.end?.offset : undefined;
      if (start === undefined || end === undefined || !m.ruleId) continue;
      collected.push({ ruleId: m.ruleId, actual: m.actual ?? '', start, end });
    }
  };
}

// One processor, built on first use: retext-english and retext-equality exactly as published.
function processor(): Processor {
  shared ??= unified().use(retextEnglish).use(retextEquality).use(collector) as unknown as Processor;
  return shared;
}

function runRetext(text: string): RetextHit[] {
  const p = processor();
  collected = [];
  p.runSync(p.parse(text), text);
  const out = collected;
  collected = [];
  return out;
}

/** What retext-equality alone reports on `text`, uncurated (for the comparison with this check). */
export function plainRetextEquality(text: string): RetextHit[] {
  return runRetext(text);
}

const sentenceCache = new BoundedCache<RetextHit[]>(50_000);

/** retext-equality's hits on one sentence, cached by the sentence's text. */
function retextHits(text: string): RetextHit[] {
  let hits = sentenceCache.get(text);
  if (!hits) {
    hits = RETEXT_TRIGGER.test(text) ? runRetext(text) : [];
    sentenceCache.set(text, hits);
  }
  return hits;
}

interface Hit {
  start: number;
  end: number;
  message: string;
  severity: Severity;
  fix?: string;
  fixSpan?: Span;
}

/** Our curated findings in one sentence, with offsets relative to the sentence. */
export function curatedHits(text: string): Hit[] {
  const out: Hit[] = [];
  if (!QUICK.test(text)) return out;
  for (const h of retextHits(text)) {
    const c = CURATED[h.ruleId];
    if (!c || !c.keep.test(h.actual)) continue;
    if (c.unlessAfter && c.unlessAfter.test(text.slice(h.end))) continue;
    const hit: Hit = { start: h.start, end: h.end, message: fillIn(c.message, { match: h.actual }), severity: c.severity };
    // "was confined to a wheelchair" → "used a wheelchair"; "committed suicide" → "died by suicide".
    if (h.ruleId === 'wheelchair-bound') {
      const cop = /\b(is|was|are|were)\s+$/i.exec(text.slice(Math.max(0, h.start - 6), h.start));
      if (cop) {
        const r = ({ is: 'uses a wheelchair', was: 'used a wheelchair', are: 'use wheelchairs', were: 'used wheelchairs' } as Record<string, string>)[cop[1]!.toLowerCase()]!;
        hit.fix = r;
        hit.fixSpan = { start: h.start - cop[0].length, end: h.end };
      }
    } else if (h.ruleId === 'committed-suicide' && /^committed suicide$/i.test(h.actual)) hit.fix = 'died by suicide';
    else if (h.ruleId === 'commit-suicide' && /^commit suicide$/i.test(h.actual)) hit.fix = 'die by suicide';
    out.push(hit);
  }
  for (const g of GAPS) {
    if (!GAP_TRIGGER.test(text)) break;
    g.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = g.pattern.exec(text))) {
      const start = m.index;
      const end = start + m[0].length;
      const word = /^(?:is|was|are|were|be|been|being) /i.test(m[0]) ? m[0].replace(/^\S+ /, '') : m[0];
      const hit: Hit = { start, end, message: fillIn(g.message, { match: word }), severity: g.severity };
      const fix = g.fix?.(m);
      if (fix) hit.fix = fix;
      out.push(hit);
    }
  }
  // Where two findings overlap, keep the longer ("mentally handicapped" over "handicapped").
  out.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Hit[] = [];
  for (const h of out) {
    const clash = kept.findIndex((k) => h.start < k.end && h.end > k.start);
    if (clash < 0) kept.push(h);
    else if (h.end - h.start > kept[clash]!.end - kept[clash]!.start) kept[clash] = h;
  }
  return kept;
}

const QUOTED = "'{{match}}' is quoted without comment. If these are someone else's words, say whose; if they are a record's, say why the wording matters.";

/** A curated finding in a block, before its voice is known for certain. */
interface InclusiveCandidate extends Candidate {
  /** The words matched, for the message about a quotation. */
  match: string;
  message: string;
  severity: Severity;
  fix?: string;
  /** The span the fix replaces, relative to the block, when it is not the match's. */
  fixSpan?: Span;
}

// Everything but a critique in the next block is read from the block: the findings do not depend on who is described.
const CANDIDATES = defineCandidates('victim-blaming/inclusive-candidates', QUICK, (local): BlockCandidates<InclusiveCandidate> => {
  const items: InclusiveCandidate[] = [];
  const sentences = local.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (!QUICK.test(sentence.text)) continue;
    for (const h of curatedHits(sentence.text)) {
      const start = sentence.start + h.start;
      const end = sentence.start + h.end;
      const { voice, nextMayChallenge } = localVoice(local, { start, end });
      if (!nextMayChallenge && notAuthors(voice)) continue;
      const c: InclusiveCandidate = { start, end, sentence: i, voice, nextMayChallenge, match: detach(sentence.text.slice(h.start, h.end)), message: detach(h.message), severity: h.severity };
      if (h.fix) c.fix = detach(h.fix);
      if (h.fixSpan) c.fixSpan = { start: sentence.start + h.fixSpan.start, end: sentence.start + h.fixSpan.end };
      items.push(c);
    }
  }
  return candidates(items);
});

function decideBlock(block: Block, next: Block | undefined, items: readonly InclusiveCandidate[], _people: PeopleIndex, out: Report[]): void {
  for (const c of items) {
    const span = spanOf(block, c);
    const voice = voiceIn(block, c, next);
    if (notAuthors(voice)) continue;
    // Someone else's words (a parent's insult, a record) are evidence, not the author's framing: a hint at most.
    if (voice.kind === 'quoted') {
      if (voice.speaker === 'family') continue;
      out.push({ span, message: fillIn(QUOTED, { match: c.match }), severity: 'hint' });
      continue;
    }
    const report: Report = { span, message: c.message, severity: c.severity };
    if (c.fix) {
      const fixSpan = c.fixSpan ? { start: block.start + c.fixSpan.start, end: block.start + c.fixSpan.end } : span;
      const fixes: Fix[] = [suggestion(`Replace with "${c.fix}"`, fixSpan, c.fix)];
      report.fixes = fixes;
    }
    out.push(report);
  }
}

const check: BlockCheck<InclusiveCandidate> = { candidates: CANDIDATES, readsPeople: false, decide: decideBlock };

/** The check. */
export const inclusiveLanguage: Check = {
  meta: {
    id: 'inclusive-language',
    category: 'equality',
    kind: 'check',
    severity: 'info',
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Describe disability, mental health, drug and alcohol use and suicide without labels that stigmatise.',
    message: "'{{match}}' is outdated or stigmatising. Use the words the person uses about themselves, or describe the condition, for example 'uses a wheelchair', 'has a learning disability', 'was dependent on alcohol', 'died by suicide'.",
    rationale:
      "Published reviews are read by the families they describe. The Panel writes person-first language in its own reports ('children with disabilities') because it helps combat stigma, while accepting the words people choose for themselves, and it asks reviews to explore disability and mental health rather than label them. This check uses retext-equality as its engine for disability, mental-health and addiction wording, curated for safeguarding reviews in England: family roles (mother, father), pronouns, 'girl' and 'boy', Gypsy, Roma and Traveller and other self-identifications, clinical and statutory terms ('ADHD', 'special educational needs', 'detox', 'substance misuse', 'asylum seeker', 'midwife', 'Down's syndrome') and identity-first words many people prefer ('autistic', 'disabled', 'Deaf') are never reported. It fills gaps the engine misses ('wheelchair-bound', 'suffers from autism', 'an epileptic', 'the disabled'). Offensive terms are warnings; outdated or medicalising ones are information notes. Someone else's words quoted in the review are evidence, not the author's framing, so they get at most a hint. Glossary entries, reference lists and offence names are not read.",
    good: 'Child R’s mother has a learning disability and uses a wheelchair; her father was dependent on alcohol.',
    sources: [
      SOURCES.panelLanguageNote,
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 4, paragraphs 4.20 to 4.22: record and explore disability and mental health, not only label them (digest rule P35)' },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Chapter 6 learning: specify disability and other characteristics and apply them to the analysis (digest rules 19 to 22)' },
      { document: 'retext-equality 7.1.0', note: 'Used as the engine; only the curated patterns are kept and every message is rewritten.' },
    ],
    examples: {
      valid: [
        { text: 'Child R’s mother has a learning disability and uses a wheelchair; her father was dependent on alcohol.' },
        { text: 'Her mother and father lived with her grandmother; she and her brother shared a room.', note: 'family roles and pronouns are never reported' },
        { text: 'The family are Romany Gypsies and lived on a council Traveller site; her grandmother is Irish Traveller.', note: 'self-identifications' },
        { text: 'Jordan has ADHD and special educational needs, and the midwife referred his mother to the substance misuse service.', note: 'clinical and statutory terms' },
        { text: 'Jordan describes himself as autistic, and his mother is Deaf and uses British Sign Language.', note: 'identity-first words people choose' },
        { text: 'The family had claimed asylum in 2019.', note: "'asylum' is not a hospital here" },
        { text: "Her father shouted that she was 'a retard'; the review records this as emotional abuse.", note: 'a quoted insult the review names' },
        { text: 'Her mother had been drinking alcoholic drinks since the morning.', note: "'alcoholic drinks' is not about a person" },
        { text: '## Glossary\n\n- Wheelchair-bound: a phrase this review does not use.', note: 'glossary entry' },
      ],
      invalid: [
        { text: 'Her mother was wheelchair-bound after the accident.', match: 'was wheelchair-bound', output: 'Her mother used a wheelchair after the accident.' },
        { text: 'He was confined to a wheelchair.', match: 'confined to a wheelchair', output: 'He used a wheelchair.' },
        { text: 'Her brother suffers from autism.', match: 'suffers from autism', output: 'Her brother has autism.' },
        { text: 'Her father was an alcoholic.', match: 'alcoholic' },
        { text: 'Mother’s partner was a known drug addict.', match: 'addict' },
        { text: 'Her uncle was described in the family as mentally handicapped.', match: 'mentally handicapped', severity: 'hint', note: 'reported wording: a hint only' },
        { text: 'Her uncle, aged 52, is mentally handicapped.', match: 'mentally handicapped', severity: 'warning' },
        { text: 'Her older brother committed suicide in 2020.', match: 'committed suicide', output: 'Her older brother died by suicide in 2020.' },
        { text: 'Child R’s grandfather was senile.', match: 'senile' },
      ],
    },
  },
  run(ctx) {
    runBlockCheck(ctx, check);
  },
};
