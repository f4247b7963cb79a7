/**
 * Decides whose voice a match is in: the author's own framing, a quotation the review challenges,
 * a quotation left unchallenged, or a sentence that discusses the wording as a concept.
 */
import type { Block, Quote, Sentence } from '../document/model';
import type { Span } from '../types';

// Words by which a review distances itself from wording it reports.
const CRITIQUE = new RegExp(
  [
    'victim[- ]blam\\w*', 'adultif\\w*', 'inappropriate(ly)?', 'unhelpful', 'misleading', 'mistaken(ly)?',
    'wrong(ly)?', 'incorrect(ly)?', 'harmful', 'stigmati[sz]\\w*', 'pejorative', 'derogatory', 'offensive',
    'responsibilis\\w*', 'blam(e|ed|es|ing)', 'problematic', 'not (an )?appropriate', 'should not (be|have been|describe|use|say|call|refer)',
    'was not (true|accurate|the case|a choice|her choice|his choice|their choice)', 'did not (choose|consent)',
    'could not (choose|consent|have consented)', 'cannot (choose|consent)', 'no child', 'in fact', 'in reality',
    'rather than', 'instead of', 'reframe\\w*', 'the review (regards|considers|notes|found|finds|challenges|questions|does not accept)',
    'this review (regards|considers|notes|found|finds|challenges|questions|does not accept)',
    'language', 'wording', 'terminology', 'phrase', 'label(led|ling|s)?', 'framing', 'framed', 'narrative',
    'reflects? (a|an|the)? ?(view|bias|assumption|attitude)', 'bias', 'assum(ed|ption)', 'failed to recognise',
    'did not recognise', 'not recogni[sz]ed', 'obscur\\w*', 'minimis\\w*', 'was (being )?(groomed|exploited|abused|coerced|controlled)',
    'lacks? (the )?capacity', 'unable to consent', 'too young',
  ].join('|'),
  'i',
);

// Markers that a sentence talks about the words rather than using them.
const META = /\b(the (terms?|phrases?|words?|language|labels?|expressions?|notion|concept|idea)( of)?|terms? such as|words? such as|language such as|phrases? such as|labels? such as|so[- ]called|(describ(e|es|ed|ing)|refer(s|red)? to|record(s|ed)?|label(s|led|ling)?|characteri[sz](e|es|ed|ing)|seen|view(s|ed)?|portray(s|ed)?|regard(s|ed)?|see)\s+(\w+\s+){0,3}as|referred to as|known as|described as|called (her|him|them)|words like|terms like|what (was|is) (meant|called))\b/i;

// Wording that turns a phrase around: "not X", "rather than X", "instead of X".
const REJECTED_BEFORE = /\b(rather than|instead of|not as|not|no longer|never|avoid(ing|s|ed)?|replac(e|ed|ing) (the )?(term|phrase|word)?|move away from|moved away from|refrain from|no child)\s*["'“‘]?\s*$/i;

// Reported speech without quotation marks: "records described her as …".
const ATTRIBUTION_BEFORE = /\b((described|referred to|recorded|labelled|characterised|noted|seen|viewed|portrayed|regarded|called|deemed|considered|assessed|perceived)\s+(\w+\s+){0,3}as|called (her|him|them)|(said|stated|wrote|recorded|noted|reported|believed|felt|thought|told \w+) that)\b[^.;]*$/i;

/** Where a match sits, as far as voice goes. */
export type Voice =
  | { kind: 'author' }
  | { kind: 'rejected' }
  | { kind: 'meta' }
  | { kind: 'quoted'; challenged: boolean; quote?: Span };

function containing(quotes: readonly Quote[], span: Span): Quote | undefined {
  for (const q of quotes) if (q.inner.start <= span.start && span.end <= q.inner.end) return q;
  return undefined;
}

function sentenceIndex(sentences: readonly Sentence[], at: number): number {
  for (let i = 0; i < sentences.length; i++) if (sentences[i]!.start <= at && at < sentences[i]!.end) return i;
  return -1;
}

function outsideQuotes(block: Block, s: Span): string {
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
  const following = i >= 0 ? block.sentences[i + 1] : undefined;
  if (following && CRITIQUE.test(outsideQuotes(block, following))) return true;
  if (!following && next && next.sentences[0] && CRITIQUE.test(next.sentences[0].text)) return true;
  if (heading && CRITIQUE.test(heading)) return true;
  return false;
}

/** Classifies the voice of `span` within `block`; `next` is the following block, for critiques that come after. */
export function voiceOf(block: Block, span: Span, next?: Block): Voice {
  const heading = block.sectionPath[block.sectionPath.length - 1];
  if (block.role === 'quoted-record') return { kind: 'quoted', challenged: challenged(block, span, next, undefined) || !!(next && CRITIQUE.test(next.prose)), quote: block };
  const quote = containing(block.quotes, span);
  const i = sentenceIndex(block.sentences, span.start);
  const sentence = i >= 0 ? block.sentences[i]! : undefined;
  const before = sentence ? block.prose.slice(sentence.start - block.start, (quote?.start ?? span.start) - block.start) : '';
  if (REJECTED_BEFORE.test(before)) return { kind: 'rejected' };
  if (quote) return { kind: 'quoted', challenged: challenged(block, quote, next, heading), quote };
  if (sentence && META.test(before)) {
    // "Officers described her as promiscuous" is reported speech; treat it like a quotation.
    if (ATTRIBUTION_BEFORE.test(before)) return { kind: 'quoted', challenged: challenged(block, span, next, heading) };
    return { kind: 'meta' };
  }
  if (sentence && ATTRIBUTION_BEFORE.test(before) && /\b(records?|notes?|files?|case|officers?|police|staff|professionals?|practitioners?|workers?|school|report(s|ed)?|referral|assessment|described|recorded|called)\b/i.test(before)) {
    return { kind: 'quoted', challenged: challenged(block, span, next, heading) };
  }
  return { kind: 'author' };
}
