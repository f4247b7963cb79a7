/**
 * A readability summary of a draft, for the quality report: per document and per section, the
 * sentence lengths, Flesch reading ease and Flesch-Kincaid grade, and counts of the plain-English
 * patterns. Pure; per-block work is cached, so it is cheap to call again after an edit.
 */
import { syllable } from 'syllable';
import type { Block, ParsedDocument, Section } from '../../document/model';
import type { Span } from '../../types';
import { BoundedMap } from '../anonymisation/shared';
import { analyseBlock } from './analyse';
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

const SKIP_ROLES = new Set(['references', 'contents', 'glossary', 'quoted-record']);
const WORD = /[\p{L}][\p{L}'’-]*/gu;
const syllableCache = new BoundedMap<number>(20_000);

function zero(): Counts {
  return { words: 0, sentences: 0, long: 0, veryLong: 0, syllables: 0, passives: 0, chains: 0, hidden: 0, officialese: 0 };
}

function syllablesIn(text: string): number {
  const hit = syllableCache.get(text);
  if (hit !== undefined) return hit;
  let n = 0;
  for (const w of text.match(WORD) ?? []) n += Math.max(1, syllable(w));
  syllableCache.set(text, n);
  return n;
}

function blockCounts(block: Block): Counts {
  const c = zero();
  for (const s of analyseBlock(block)) {
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
  return c;
}

function add(a: Counts, b: Counts): void {
  for (const k of Object.keys(a) as (keyof Counts)[]) a[k] += b[k];
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
  const total = zero();
  const bySection = new Map<Section, Counts>();
  // Sections nest; a block belongs to the deepest section that holds it.
  const sections = [...doc.sections];
  let si = -1;
  const stack: Section[] = [];
  for (const block of doc.blocks) {
    while (si + 1 < sections.length && sections[si + 1]!.heading.start <= block.start) {
      si++;
      const s = sections[si]!;
      while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop();
      stack.push(s);
    }
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    if (SKIP_ROLES.has(block.role)) continue;
    const c = blockCounts(block);
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
