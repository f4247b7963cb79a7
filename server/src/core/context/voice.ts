/**
 * Decides whose voice a match is in: the author's own framing, a quotation the review challenges,
 * a quotation left unchallenged, or a sentence that discusses the wording as a concept.
 *
 * Real review prose rarely puts the critique beside the word it criticises: it comes a sentence
 * later ("Records called her 'wilful'. That view was wrong: she was 13."), as a correction ("In fact,
 * she was being groomed"), in a heading ("No child 'chooses' to be groomed"), or around scare quotes
 * and square-bracket insertions ("staff felt she was '[choosing] to go back'"). Offence names, cited
 * titles, definition entries and the child's or family's own words are not the author's framing either.
 */
import type { Block, Quote, Sentence } from '../document/model';
import type { Span } from '../types';
import { precedingInBlock, subjectAt } from './people';

// Words by which a review distances itself from wording it reports.
const CRITIQUE = new RegExp(
  [
    'victim[- ]blam\\w*', 'adultif\\w*', 'inappropriate(ly)?', 'unhelpful', 'misleading', 'mistaken(ly)?',
    'wrong(ly)?', 'incorrect(ly)?', 'harmful', 'stigmati[sz]\\w*', 'pejorative', 'derogatory', 'offensive',
    'respons[ai]bilis\\w*', 'respons[ai]biliz\\w*', 'blam(e|ed|es|ing)', 'problematic', 'not (an )?appropriate',
    'should not (be|have been|describe|use|say|call|refer)',
    'was not (true|accurate|the case|a choice|her choice|his choice|their choice)', 'did not (choose|consent)',
    'could not (choose|consent|have consented)', 'cannot (choose|consent)', 'can never (choose|consent)', 'no child', 'in fact', 'in reality',
    'rather than', 'instead of', 'reframe\\w*', 'the review (regards|considers|notes|found|finds|challenges|questions|does not accept|did not accept|rejects)',
    'this review (regards|considers|notes|found|finds|challenges|questions|does not accept|did not accept|rejects)',
    'language', 'wording', 'terminology', 'phrase', 'label(led|ling|s)?', 'framing', 'framed', 'narrative',
    'reflects? (a|an|the)? ?(view|bias|assumption|attitude)', 'bias(ed)?', 'assum(ed|ption|ptions)', 'failed to recognise',
    'did not recognise', 'not recogni[sz]ed', 'obscur\\w*', 'minimis\\w*', 'was (being )?(groomed|exploited|abused|coerced|controlled|raped|trafficked)',
    'lacks? (the )?capacity', 'unable to consent', 'too young', 'placed (the )?(responsibility|onus|blame)', 'put (the )?(responsibility|onus|blame)',
    'shift(ed|s|ing)? (the )?(responsibility|blame|focus)', 'mask(ed|s|ing)?', 'hid (the|that)', 'hides', 'concealed (the|that)',
    'did not (reflect|describe|capture)', 'does not (reflect|describe|capture)', 'unfair(ly)?', 'dehumanis\\w*', 'racis[mt]',
    'stereotyp\\w*', 'discriminat\\w*', 'was (only|just|still) (a child|\\d{1,2})', 'a victim', 'victims of', 'child protection concern',
    '(this|that|such|the) (term|description|word|perception|judgement|judgment)', 'was a child', 'were children',
    'reject(ed|s|ing)?', 'dismissed (the|this|that) (claim|suggestion|view|idea)', 'never tested', 'untested', 'unfounded',
    '(located|placed|put|puts|places|locates) the (problem|responsibility|blame|focus) (in|on)', 'made it (less|more) likely', 'made it harder',
    'less likely that (the )?(adults|professionals|services|agencies)', 'in the child rather', 'the problem in the child',
  ].join('|'),
  'i',
);

// Markers that a sentence talks about the words rather than using them.
// "it suggests a child can protect themselves": the sentence says what a label implies.
const IMPLIES = /\b(suggest(s|ed|ing)?|impl(y|ies|ied|ying)|impression|connot(e|es|ation)|would mean|could mean|means)( that)?\s+(a|the|any|that the|that a)?\s*(child|children|young (person|people)|victims?|girls?|boys?)\b[^.;]*$/i;

const META = /\b(the (terms?|phrases?|words?|language|labels?|expressions?|notion|concept|idea)( of)?|terms? such as|words? such as|language such as|phrases? such as|labels? such as|descriptions? such as|so[- ]called|(describ(e|es|ed|ing)|refer(s|red)? to|record(s|ed)?|label(s|led|ling)?|characteri[sz](e|es|ed|ing)|seen|saw|view(s|ed)?|portray(s|ed)?|regard(s|ed)?|see|treat(s|ed|ing)?|perceiv(e|es|ed|ing)|presum(e|es|ed|ing)|deem(s|ed)?|dismiss(es|ed)?|categori[sz](e|es|ed))\s+([\w'’-]+\s+){0,6}(as|like)|referred to as|known as|described as|called (her|him|them)|words like|terms like|what (was|is) (meant|called))\b/i;

// Wording that turns a phrase around: "not X", "rather than X", "instead of X", "not a lifestyle choice".
// "no evidence that she had been …": the whole clause after the denial is turned round.
const REJECTED_CLAUSE = /\b(no evidence (that|of)|nothing to (suggest|show|indicate)|not (true|the case|accurate) that|did not find (that|any evidence)|untrue that|no reason to (think|believe|suggest))\b[^.;]*$/i;
const REJECTED_BEFORE = /\b(rather than|instead of|not as|not|no longer|never|avoid(ing|s|ed)?|replac(e|ed|ing) (the )?(term|phrase|word)?|move away from|moved away from|refrain from|no child|nor)(\s+(being|as|a|an|the|her|his|their|just|simply|merely|only|really|making|seen as|described as))*\s*["'“‘]?\s*$/i;

// Reported speech without quotation marks: "records described her as …".
const ATTRIBUTION_BEFORE = /\b((described|describes?|referred to|refers? to|recorded|records|labelled|labels?|characterised|characterises|noted|notes|seen|saw|sees|viewed|views|portrayed|portrays|regarded|regards|called|calls|deemed|considered|considers|assessed|perceived|perceives|treated|treats)\s+([\w'’-]+\s+){0,6}(as|like)|called (her|him|them)|(said|stated|wrote|recorded|noted|reported|believed|felt|thought|told \w+( \w+)?|considered|concluded|judged|assessed|assumed|presumed|supposed)( that)?|(claim|claimed|claims|suggestion|suggested|argued|argument|allegation|assertion|view|belief|impression) that)\b[^.;]*$/i;
const SOURCE_WORDS = /\b(records?|notes?|files?|case|officers?|police|staff|professionals?|practitioners?|workers?|school|teachers?|report(s|ed)?|referral|assessment|described|recorded|called|discussion|meeting|conference|minutes|plan|triage|panel|board|group|hub|MASH|team|service|unit|home|nurse|GP|doctor|clinician|paediatrician|consultant|psychiatrist|psychologist|therapist|manager|social worker|health visitor|midwife|magistrates?|judge|court|jury|prosecution|CPS|defen[cs]e|barrister|solicitor|agency|agencies|services|authority|council|hospital|A&E|ED|triage|log|entry|chronology|letter|email|statement|interview|ABE|review|reviewer|strategy|partnership|CAMHS|YOT|youth offending|health|social care|judge['’]s)\b/i;

// The child's or family's own account: "she told the review", "in her words", "Mother said".
const OWN_WORDS_BEFORE = /\b(told (the )?(review|reviewer|author|panel|independent reviewer|us)|said|says|explained|recalled|remembered|described( (her|him|them)sel(f|ves))?|wrote|writes|in (her|his|their) (own )?words|felt|feels|believed|believes)( (to|that))?\s*[:,]?\s*["'“‘]?\s*$/i;

// Offence and statute names contain trigger words, but they are law, not the author's framing.
const OFFENCE_NAMES = /\b(sexual activity with a (child|person)( under \d{1,2})?|causing or inciting a child (under \d{1,2} )?to engage in sexual activity|engaging in sexual activity in the presence of a child|causing a child to watch a sexual act|arranging or facilitating (the )?(commission of a )?(child sex offence|child prostitution|sexual exploitation of a child|sexual exploitation of children)|paying for (the )?sexual services of a child|(causing|inciting|controlling|arranging|facilitating)[\w ,]{0,60}(sexual exploitation of (a child|children)|child prostitution|child pornography|child prostitute)|controlling a child prostitute|offences? relating to prostitution|abuse of (a )?position of trust[\w :]{0,40}|sexual communication with a child|meeting a child following sexual grooming( etc\.?)?|keeping a brothel( used for prostitution)?|possession with intent to supply|being concerned in the supply of|(rape|sexual assault|assault by penetration) of a child under 13|indecent images of (a child|children)|child cruelty|human trafficking|modern slavery|county lines offences?)\b/i;
const OFFENCE_NAMES_G = new RegExp(OFFENCE_NAMES.source, 'gi');
const OFFENCE_HINT = /child|prostitut|brothel|trust|supply|grooming|images|cruelty|trafficking|slavery|county lines|under 13/i;
const LEGAL_CONTEXT = /\b(charged with|convicted of|conviction for|pleaded guilty to|pled guilty to|found guilty of|acquitted of|sentenced for|indicted (for|on)|arrested (for|on suspicion of)|on suspicion of|the offences? of|an offence of|offences? under|contrary to|counts? of|section \d+[A-Z]?( of)?|s\.? ?\d+[A-Z]? of|(Sexual Offences|Modern Slavery|Children|Criminal Justice|Domestic Abuse|Serious Crime|Misuse of Drugs|Crime and Disorder|Policing and Crime) Act( \d{4})?|the charges? of|charges? of|the legal (term|definition)|statutory (definition|offence)|the (offence|statute|legislation))\b/i;

// Titles of cited works.
const CITATION_AFTER = /^\s*["'”’]?\*?_?\s*[,.:]?\s*(\([^()]{0,90}?\b(19|20)\d\d[a-z]?\)|,?\s*\(?(19|20)\d\d[a-z]?\b|\[\d+\]|\(\w[^()]{0,60}(report|guidance|review)\))/i;
const TITLE_BEFORE = /\b(titled|entitled|called|named|the (report|review|guidance|guide|study|paper|book|article|briefing|publication|chapter|toolkit|strategy|framework|leaflet|campaign|programme|series|blog|webinar|podcast|conference|course|module|training)|(report|guidance|guide|study|paper|book|article|briefing|publication|toolkit|blog|leaflet),?|see( also)?|in their|cited in|published)\s*["'“‘*_]?\s*$/i;
const SMALL = /^(of|and|the|in|to|for|a|an|on|with|or|at|by|from|as|into|is|are|be|its|their|our|what|how|why|who|not|&|\/|–|-|—)$/i;

// A definition entry: the match opens a list item, cell or paragraph and a gloss follows.
const DEFINES_AFTER = /^\s*["'”’*_]*\s*(\([^)]{0,60}\)\s*)?(:|–|—|-\s|=|means\b|refers to\b|describes\b|is used (to|when|for)\b|is when\b|is where\b|(is|are) (a |an |the )?(term|label|phrase|word|expression|description)s?\b)/i;
const TERM_HEADER = /\b(terms?|phrases?|words?|wording|language|labels?|avoid|instead of|not this|don'?t|do not|unhelpful|victim[- ]blaming|problematic|alternatives?|concept|glossary|definition)\b/i;
const RECORD_HEADER = /\b(records?|recorded|notes?|entry|entries|log|quotes?|quotation|what was (written|recorded|said)|original|source text|verbatim)\b/i;

// A generic claim about children as a class: "Being streetwise does not protect a child."
const GENERIC_CHILD = /\b(no child|any child|a child|children|young people|every child|all children)\b/i;
const GENERIC_NEGATION = /\b(cannot|can never|can't|could not|does not|do not|doesn't|don't|is not|are not|isn't|aren't|never|should not|must not|no longer)\b/i;
const SPECIFIC_PERSON = /\b(Child|Sibling|Adult|Baby|Young Person) [A-Z0-9]{1,3}\b|\b(she|he|her|him|his|herself|himself)\b|\b(Mr|Mrs|Ms|Miss) [A-Z]/;

const LABEL_TALK = /^[^.]*?[;:,—–]\s*[^.]*\b(the|this|that|such) (label|term|word|description|phrase|wording)\b/i;

/** Where a match sits, as far as voice goes. */
export type Voice =
  | { kind: 'author' }
  | { kind: 'rejected' }
  | { kind: 'meta'; reason?: 'legal' | 'title' | 'definition' | 'discussion' | 'generic' }
  | { kind: 'quoted'; challenged: boolean; quote?: Span; speaker?: 'record' | 'professional' | 'family' | 'unknown' };

function containing(quotes: readonly Quote[], span: Span): Quote | undefined {
  for (const q of quotes) if (q.inner.start <= span.start && span.end <= q.inner.end) return q;
  return undefined;
}

/** A quotation the span only partly overlaps: scare quotes around one word of a longer phrase. */
function overlapping(quotes: readonly Quote[], span: Span): Quote | undefined {
  for (const q of quotes) if (q.inner.start < span.end && span.start < q.inner.end) return q;
  return undefined;
}

function sentenceIndex(sentences: readonly Sentence[], at: number): number {
  for (let i = 0; i < sentences.length; i++) if (sentences[i]!.start <= at && at < sentences[i]!.end) return i;
  return -1;
}

/** The text of a span of a block (a sentence, say) with its quotations blanked out. */
export function outsideQuotes(block: Block, s: Span): string {
  let text = block.prose.slice(s.start - block.start, s.end - block.start);
  for (const q of block.quotes) {
    if (q.end <= s.start || q.start >= s.end) continue;
    const a = Math.max(q.start, s.start) - s.start;
    const b = Math.min(q.end, s.end) - s.start;
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return text;
}

/** Is the quotation challenged in its own sentence, the next one, or the heading above? */
function challenged(block: Block, quote: Span, next?: Block, heading?: string): boolean {
  const i = sentenceIndex(block.sentences, quote.start);
  const here = i >= 0 ? block.sentences[i]! : { start: block.start, end: block.end };
  if (CRITIQUE.test(outsideQuotes(block, here))) return true;

  // The sentence before, when it is about the words ("The language used in records mattered.").
  const previous = i > 0 ? block.sentences[i - 1] : undefined;
  if (previous && /\b(language|wording|terms?|labels?|phrases?|words)\b/i.test(previous.text) && CRITIQUE.test(outsideQuotes(block, previous))) return true;
  const following = i >= 0 ? block.sentences[i + 1] : undefined;
  if (following && CRITIQUE.test(outsideQuotes(block, following))) return true;
  if (!following && next && next.sentences[0] && CRITIQUE.test(outsideQuotes(next, next.sentences[0]))) return true;
  if (heading && CRITIQUE.test(heading)) return true;
  return false;
}

/** True when the span is part of an offence or statute name, or legal wording about a charge. */
export function isLegalWording(block: Block, span: Span): boolean {
  const rel = span.start - block.start;
  const from = Math.max(0, rel - 140);
  const window = block.prose.slice(from, Math.min(block.prose.length, span.end - block.start + 140));
  const re = OFFENCE_NAMES_G;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  if (OFFENCE_HINT.test(window)) {
    while ((m = re.exec(window))) {
      const a = block.start + from + m.index;
      if (a <= span.start && span.end <= a + m[0].length) return true;
    }
  }
  const s = block.sentences.find((x) => x.start <= span.start && span.start < x.end);
  if (!s) return false;
  const before = block.prose.slice(Math.max(s.start - block.start, rel - 120), rel);
  return LEGAL_CONTEXT.test(before) && /\b(charged|convicted|conviction|guilty|sentenced|indicted|arrested|suspicion|offences?|contrary|counts?|section|s\.|Act|charges?|law|legally|statut\w+|legislation)\b[^.;]*$/i.test(before);
}

/** True when the span sits in the title of a cited work. */
export function isCitedTitle(block: Block, span: Span, quote?: Quote): boolean {
  if (block.role === 'references') return true;
  const prose = block.prose;
  if (quote) {
    const before = prose.slice(Math.max(0, quote.start - block.start - 60), quote.start - block.start);
    const after = prose.slice(quote.end - block.start, quote.end - block.start + 100);
    if (CITATION_AFTER.test(after) || TITLE_BEFORE.test(before)) return true;
  }
  // An unquoted Title Case run holding the match, followed by a year: "Safeguarding Children Involved in Prostitution (2000)".
  let a = span.start - block.start;
  let b = span.end - block.start;
  const words: string[] = [];
  // Extend left and right over Title Case and small words.
  const isTitleWord = (w: string): boolean => /^\p{Lu}/u.test(w) || SMALL.test(w);
  while (a > 0) {
    const left = prose.slice(Math.max(0, a - 40), a);
    const mm = /([\p{L}'’-]+)([\s:,–-]+)$/u.exec(left);
    if (!mm || !isTitleWord(mm[1]!) || /[.;!?]/.test(mm[2]!)) break;
    a -= mm[0].length;
    words.unshift(mm[1]!);
  }
  while (b < prose.length) {
    const right = prose.slice(b, b + 40);
    const mm = /^([\s:,–-]+)([\p{L}'’-]+)/u.exec(right);
    if (!mm || !isTitleWord(mm[2]!)) break;
    b += mm[0].length;
    words.push(mm[2]!);
  }
  const matched = prose.slice(span.start - block.start, span.end - block.start).split(/\s+/);
  const capitals = [...words, ...matched].filter((w) => /^\p{Lu}/u.test(w)).length;
  const matchCapitalised = matched.filter((w) => !SMALL.test(w)).every((w) => /^\p{Lu}/u.test(w));
  if (capitals < 3 || !matchCapitalised) return false;
  return CITATION_AFTER.test(prose.slice(b, b + 100));
}

/** True when the match is the term of a definition entry, or sits in a "language to avoid" table column. */
export function isDefinitionEntry(block: Block, span: Span): boolean {
  const rel = span.start - block.start;
  const after = block.prose.slice(span.end - block.start, span.end - block.start + 80);
  const lead = block.prose.slice(0, rel);
  if (/^\s*["'“‘*_]*\s*$/.test(lead) && DEFINES_AFTER.test(after)) return true;
  // "'Streetwise' is a label that …" anywhere in a sentence.
  if (/^\s*["'”’]\s*(is|are|was|were) (a |an |the )?(term|label|phrase|word|expression|description)s?\b/i.test(after)) return true;
  if (block.cell && !block.cell.isHeader && TERM_HEADER.test(block.cell.header) && !RECORD_HEADER.test(block.cell.header)) return true;
  if (block.cell?.isHeader) return true;
  return false;
}

/** True for a sentence that makes a general claim about children rather than describing one. */
function isGenericClaim(sentence: string, relStart: number): boolean {
  if (!GENERIC_CHILD.test(sentence) || !GENERIC_NEGATION.test(sentence)) return false;
  return !SPECIFIC_PERSON.test(sentence.slice(0, relStart)) && !SPECIFIC_PERSON.test(sentence.slice(relStart));
}

const SPEECH = /\b(told|said|says|explained|recalled|remembered|described|describes|wrote|writes|felt|feels|believed|believes|shouted|screamed|yelled|called|calls|texted|messaged|posted|threatened|taunted|recorded|records|noted|notes|referred to|refers to|labelled|reported|reports|stated|states|in (?:her|his|their) (?:own )?words)\b/gi;
// The review weighing a question: "asked whether the relationship between … was abuse".
const WEIGHING = /\b(asked|considered|questioned|examined|explored|tested|looked at|wanted to know|sought to understand) (whether|if|how far)\b[^.;]*$/i;

const NOT_SPEAKER_NAMES = /^(The|This|That|These|It|Police|Officers?|Staff|School|Records?|Notes|She|He|They|We|Professionals?|Practitioners?|Agencies|Services|Health|Nobody|Everyone|Someone|Social|CAMHS|Nurse|Doctor|Teacher|Panel|Review|Court|Judge)$/;

/** Who the quoted or reported words belong to, judged from the words before them. */
function speakerOf(before: string, preceding = ''): 'family' | 'professional' | 'record' | 'unknown' {
  if (/\b(records?|notes?|files?|log|referral|assessment|report|minutes|chronology|case file|entry)\b/i.test(before)) return 'record';
  // Try the verbs of speaking from the last back: "Child G described him as …, and the school recorded him as …",
  // but "Child R told the review she felt …" is still Child R.
  const verbs: RegExpExecArray[] = [];
  SPEECH.lastIndex = 0;
  for (let x: RegExpExecArray | null; (x = SPEECH.exec(before)); ) verbs.push(x);
  for (let k = verbs.length - 1; k >= 0; k--) {
    const who = speakerAt(before, verbs[k]!, preceding);
    if (who !== 'unknown') return who;
  }
  return 'unknown';
}

function speakerAt(before: string, m: RegExpExecArray, preceding: string): 'family' | 'professional' | 'unknown' {
  // Passive: "was described by her school as …" is the agent's voice, not the subject's.
  if (/\b(?:was|were|been|is|are|being|be)\s+(?:\w+ly\s+)?$/i.test(before.slice(0, m.index))) {
    const agent = /\bby\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)/i.exec(before.slice(m.index));
    if (!agent) return 'unknown';
    const who = subjectAt(agent[1]!, agent[1]!.length);
    const kind = who.referent?.kind;
    return kind === 'professional' ? 'professional' : kind === 'family' || kind === 'child' || kind === 'name' ? 'family' : 'unknown';
  }
  const head = before.slice(0, m.index);
  const who = subjectAt(head, head.length, undefined, preceding);
  const r = who.referent;
  if (r) {
    if (r.kind === 'professional') return 'professional';
    if (r.kind === 'child' || r.kind === 'family' || r.kind === 'name' || r.kind === 'age') return 'family';
    return 'unknown';
  }
  // A pseudonym just before the verb ("Jordan told the review") is the child or a family member.
  const named = /(?:^|[^\p{L}])(\p{Lu}[\p{Ll}'’-]+)\s+(?:had\s+|has\s+|later\s+|also\s+)?$/u.exec(head);
  if (named && !NOT_SPEAKER_NAMES.test(named[1]!)) return 'family';
  // "He told the review …": people who tell the review about themselves are usually the family.
  if (/^\s*(?:she|he|they)\s+(?:later\s+|also\s+)?$/i.test(head.split(/[,;:]/).pop() ?? '') && /^told (?:the )?(?:review|reviewer|author|panel)/i.test(before.slice(m.index)) && !/\b(worker|officer|nurse|teacher|GP|doctor|practitioner|manager|professional|health visitor|midwife|clinician)\b/i.test(preceding + head)) return 'family';
  return 'unknown';
}

/** Classifies the voice of `span` within `block`; `next` is the following block, for critiques that come after. */
export function voiceOf(block: Block, span: Span, next?: Block): Voice {
  const heading = block.sectionPath[block.sectionPath.length - 1];
  if (block.role === 'quoted-record') return { kind: 'quoted', challenged: challenged(block, span, next, undefined) || !!(next && CRITIQUE.test(next.prose)), quote: block, speaker: 'record' };
  const quote = containing(block.quotes, span) ?? overlapping(block.quotes, span);
  const i = sentenceIndex(block.sentences, span.start);
  const sentence = i >= 0 ? block.sentences[i]! : undefined;
  const sentenceStart = sentence ? sentence.start - block.start : 0;
  const before = sentence ? block.prose.slice(sentenceStart, Math.min(quote?.start ?? span.start, span.start) - block.start) : '';
  if (isLegalWording(block, span)) return { kind: 'meta', reason: 'legal' };
  if (isCitedTitle(block, span, quote)) return { kind: 'meta', reason: 'title' };
  if (isDefinitionEntry(block, span)) return { kind: 'meta', reason: 'definition' };
  if (REJECTED_BEFORE.test(before) || REJECTED_CLAUSE.test(before)) return { kind: 'rejected' };
  const preceding = sentence ? precedingInBlock(block, sentence.start) : '';
  // "Describing a 12-year-old as 'promiscuous' located the problem in the child": the act of describing is the subject.
  if (/^\s*(?:describing|calling|labelling|labeling|referring to|seeing|treating|viewing|characterising|characterizing|recording)\b/i.test(before) && /\b(as|like)\s+["'“‘]?\s*$/i.test(before)) return { kind: 'meta', reason: 'discussion' };
  if (quote) {
    const speaker = speakerOf(before, preceding);
    // The child's or family's own words are evidence of their view, not the author's framing.
    if (speaker === 'family') return { kind: 'quoted', challenged: true, quote, speaker };
    // A quotation that never closes has no reliable end: a critique after a dash or semicolon still counts.
    if (!quote.closed && sentence) {
      const tail = block.prose.slice(span.end - block.start, sentence.end - block.start);
      const cut = tail.search(/\s[—–-]\s|;/);
      if (cut >= 0 && CRITIQUE.test(tail.slice(cut))) return { kind: 'quoted', challenged: true, quote, speaker };
    }
    return { kind: 'quoted', challenged: challenged(block, quote, next, heading), quote, speaker };
  }
  const reportedSpeaker = sentence && (META.test(before) || ATTRIBUTION_BEFORE.test(before) || OWN_WORDS_BEFORE.test(before)) ? speakerOf(before, preceding) : 'unknown';
  // "She told the review she felt she had made her own choices": the child's or family's own account.
  if (reportedSpeaker === 'family' && /\b(told|said|says|explained|recalled|remembered|described|wrote|writes|felt|feels|believed|believes|in (her|his|their) (own )?words)\b/i.test(before)) {
    return { kind: 'quoted', challenged: true, speaker: 'family' };
  }
  if (sentence && META.test(before)) {
    // "Officers described her as promiscuous" is reported speech; treat it like a quotation.
    if (ATTRIBUTION_BEFORE.test(before)) return { kind: 'quoted', challenged: challenged(block, span, next, heading), speaker: reportedSpeaker };
    return { kind: 'meta', reason: 'discussion' };
  }
  if (sentence && ATTRIBUTION_BEFORE.test(before) && SOURCE_WORDS.test(before)) {
    const speaker = reportedSpeaker;
    return { kind: 'quoted', challenged: challenged(block, span, next, heading), speaker };
  }
  if (sentence && isGenericClaim(sentence.text, span.start - sentence.start)) return { kind: 'meta', reason: 'generic' };
  // "Sexually active young people can get contraception": a class of people, not this child.
  if (sentence && /^\s+(?:young people|children|teenagers|adolescents|pupils|girls|boys|adults|parents)\b/i.test(block.prose.slice(span.end - block.start, span.end - block.start + 20)) && !SPECIFIC_PERSON.test(sentence.text)) return { kind: 'meta', reason: 'generic' };
  if (sentence && IMPLIES.test(before)) return { kind: 'meta', reason: 'discussion' };
  if (sentence && WEIGHING.test(before)) return { kind: 'meta', reason: 'discussion' };
  // "…had been promiscuous; the label came from one teacher": the sentence is about the word.
  if (sentence && LABEL_TALK.test(block.prose.slice(span.end - block.start, sentence.end - block.start))) return { kind: 'meta', reason: 'discussion' };
  return { kind: 'author' };
}

/** The critique test on its own, for checks that look for a challenge nearby. */
export function critiques(text: string): boolean {
  return CRITIQUE.test(text);
}
