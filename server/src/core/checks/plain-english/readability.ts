/**
 * A readability summary of a draft, for the quality report: per document and per section, the
 * sentence lengths, Flesch reading ease and Flesch-Kincaid grade, and counts of the plain-English
 * patterns. Pure, and built from the per-block sentence facts with each block's counts kept beside
 * them, so calling it again after an edit counts only the edited block.
 */
import { syllable } from 'syllable';
import type { Block, ParsedDocument, Section } from '../../document/model';
import { perDocumentValue } from '../../facts';
import type { Span } from '../../types';
import type { SentenceFacts } from './analyse';
import { sentenceFactsOf } from './analyse';
import { LONG_SENTENCE_WORDS, PASSIVE_CHAIN } from './checks';

/** Readability figures for a stretch of the draft. */
export interface ReadabilityStats {
  words: number;
  sentences: number;
  /** Words per sentence (0 when there are no sentences). */
  averageSentenceLength: number;
  /** Sentences of more than 25 words (the usual plain-English ceiling). */
  longSentences: number;
  /** Sentences of more than 40 words, which the long-sentence rule reports. */
  veryLongSentences: number;
  syllablesPerWord: number;
  /** Flesch reading ease: 60 to 70 is plain English; below 30 is very hard. */
  fleschReadingEase: number;
  /** Flesch-Kincaid grade (US school grade; add 5 for a reading age). */
  fleschKincaidGrade: number;
  /** Agentless passive verbs. */
  passives: number;
  /** Sentences with a chain of agentless passives. */
  passiveChains: number;
  /** "It was decided that" and the like. */
  hiddenDecisions: number;
  officialese: number;
}

/** The figures for one section, with where it is. */
export interface SectionReadability extends ReadabilityStats {
  title: string;
  path: readonly string[];
  span: Span;
}

/** The whole summary. */
export interface ReadabilityReport {
  document: ReadabilityStats;
  /** Each section's own text (not its subsections'), in document order; sections with no prose are left out. */
  sections: SectionReadability[];
}

interface Counts {
  words: number;
  sentences: number;
  long: number;
  veryLong: number;
  syllables: number;
  passives: number;
  chains: number;
  hidden: number;
  officialese: number;
}

const WORD = /[\p{L}][\p{L}'’-]*/gu;

function zero(): Counts {
  return { words: 0, sentences: 0, long: 0, veryLong: 0, syllables: 0, passives: 0, chains: 0, hidden: 0, officialese: 0 };
}

function syllablesIn(text: string): number {
  let n = 0;
  for (const w of text.match(WORD) ?? []) n += Math.max(1, syllable(w));
  return n;
}

/**
 * Counts by the block's sentence facts: the facts are shared by every block with the same content,
 * role and section, and the counts read nothing else (the prose is the same for all of them).
 */
const countsOf = new WeakMap<readonly SentenceFacts[], Counts>();

function blockCounts(block: Block, sentences: readonly SentenceFacts[]): Counts {
  let c = countsOf.get(sentences);
  if (c) return c;
  c = zero();
  for (const s of sentences) {
    if (s.words === 0) continue;
    c.sentences++;
    c.words += s.words;
    if (s.words > 25) c.long++;
    if (s.words > LONG_SENTENCE_WORDS) c.veryLong++;
    c.passives += s.passives.length;
    if (s.passives.length >= PASSIVE_CHAIN) c.chains++;
    if (s.hiddenDecision) c.hidden++;
    c.officialese += s.officialese.length;
  }
  if (c.words > 0) c.syllables = syllablesIn(block.prose);
  countsOf.set(sentences, c);
  return c;
}

// Field by field: this runs for every block on every summary, and a loop over the keys costs more than the rest of it.
function add(a: Counts, b: Counts): void {
  a.words += b.words;
  a.sentences += b.sentences;
  a.long += b.long;
  a.veryLong += b.veryLong;
  a.syllables += b.syllables;
  a.passives += b.passives;
  a.chains += b.chains;
  a.hidden += b.hidden;
  a.officialese += b.officialese;
}

const round = (n: number, places = 1): number => Math.round(n * 10 ** places) / 10 ** places;

function stats(c: Counts): ReadabilityStats {
  const wps = c.sentences ? c.words / c.sentences : 0;
  const spw = c.words ? c.syllables / c.words : 0;
  return {
    words: c.words,
    sentences: c.sentences,
    averageSentenceLength: round(wps),
    longSentences: c.long,
    veryLongSentences: c.veryLong,
    syllablesPerWord: round(spw, 2),
    fleschReadingEase: c.words ? round(206.835 - 1.015 * wps - 84.6 * spw) : 0,
    fleschKincaidGrade: c.words ? round(0.39 * wps + 11.8 * spw - 15.59) : 0,
    passives: c.passives,
    passiveChains: c.chains,
    hiddenDecisions: c.hidden,
    officialese: c.officialese,
  };
}

/** The readability summary of a parsed draft, per document and per section. */
export function readability(doc: ParsedDocument): ReadabilityReport {
  return perDocumentValue(doc, readability, () => summarise(doc));
}

function summarise(doc: ParsedDocument): ReadabilityReport {
  const facts = sentenceFactsOf(doc);
  const total = zero();
  const bySection = new Map<Section, Counts>();
  // Sections nest; a block belongs to the deepest section that holds it.
  const sections = [...doc.sections];
  let si = -1;
  const stack: Section[] = [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i]!;
    while (si + 1 < sections.length && sections[si + 1]!.heading.start <= block.start) {
      si++;
      const s = sections[si]!;
      while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop();
      stack.push(s);
    }
    // Reference lists, contents, glossaries and records have no sentence facts, so no words.
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    const c = blockCounts(block, facts[i]!);
    if (c.words === 0) continue;
    add(total, c);
    const owner = stack[stack.length - 1];
    if (owner) {
      const had = bySection.get(owner) ?? zero();
      add(had, c);
      bySection.set(owner, had);
    }
  }
  return {
    document: stats(total),
    sections: sections.filter((s) => bySection.has(s)).map((s) => ({ title: s.title, path: s.path, span: { start: s.start, end: s.end }, ...stats(bySection.get(s)!) })),
  };
}
