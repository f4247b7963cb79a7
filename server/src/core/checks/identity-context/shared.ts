/** Helpers shared by the identity-context checks: sentence facts, voice, skeleton sentences and sources. */
import type { CheckContext } from '../../check';
import { blockFacts } from '../../check';
import type { Fact } from '../../facts';
import { defineFact, factsOf } from '../../facts';
import { voiceOf } from '../../context/voice';
import type { Voice } from '../../context/voice';
import type { Block, Sentence } from '../../document/model';
import { NON_PROSE_ROLES } from '../../document/roles';
import type { RuleSource, Span } from '../../types';
import type { Characteristic } from './lexicon';

/** The seeds these rules rest on, cited by file name, year and section. */
export const SOURCES = {
  annualReviewRace: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Annual review of LCSPRs, chapter 3: race, ethnicity and culture ('Invisibilised' identities)" },
  annualReviewLearning: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs, chapter 6 learning points: specify the racial and cultural background and other characteristics, and apply them to the analysis' },
  annualReviewAnonymity: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs, chapter 3: Anonymity, and chapter 6 on publication (the Panel asks whether publishing risks harm)' },
  annualReviewInterpreters: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs, chapter 3: Troubling silences and problematic expressions; four messages for good practice (interpreters)' },
  annualReviewSchools: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs, chapter 3: Black children and schools; Intersection of social hazards (adultification); the comparator question' },
  annualReviewLanguage: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Annual review of LCSPRs, chapter 3: Troubling silences and problematic expressions (how minoritised families are described)" },
  panelIdentity: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraphs 4.18 to 4.21: recording and considering the child’s identity in rapid reviews' },
  panelDisability: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraphs 4.22 and 4.26: recording and exploring disability; recording characteristics that are absent as well as present' },
  panelRace: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraphs 5.28 to 5.31: giving central consideration to racial, ethnic and cultural identity' },
  panelAdultification: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraphs 5.32 to 5.35: adultification, the case studies, and exclusion from school' },
  panelCulture: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraphs 5.36 and 5.37: understanding ethnicity, culture and racism (assumptions about culture)' },
  panelTerms: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraph 1.11: the terms the Panel uses for communities; 3.19 to 3.20: reporting ethnicity figures' },
  digest: { document: 'lcspr-annual-review-2022.md (research digest)', section: 'section 1.4, rules 19 to 31' },
  standards: { document: 'standards-and-language-guidance.md (research digest)', section: 'section 5: ethnicity, race, culture, religion and language in reviews' },
} satisfies Record<string, RuleSource>;

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);

/** What a check read in one sentence on its own, by the sentence's index in its block. */
export interface SentenceHit<T> {
  index: number;
  hit: T;
}

const NO_HITS: readonly never[] = [];

/**
 * A per-block fact: what `read` finds in each sentence of author prose (outside glossaries,
 * reference lists and contents) in blocks that `quick` matches. `read` sees one sentence's text, so
 * offsets in what it returns are relative to that sentence. What needs more than the block (the
 * next sentence's text when it is in the next block, and the voice) is judged in `eachHit`.
 */
export function sentenceFact<T>(name: string, quick: RegExp, read: (text: string) => T | undefined): Fact<readonly SentenceHit<T>[]> {
  return defineFact(name, (block) => {
    if (!PROSE_KINDS.has(block.kind) || (NON_PROSE_ROLES.has(block.role) && block.role !== 'quoted-record')) return NO_HITS;
    quick.lastIndex = 0;
    if (!quick.test(block.prose)) return NO_HITS;
    let hits: SentenceHit<T>[] | undefined;
    const sentences = block.sentences;
    for (let j = 0; j < sentences.length; j++) {
      const hit = read(sentences[j]!.text);
      if (hit !== undefined) (hits ??= []).push({ index: j, hit });
    }
    return hits ?? NO_HITS;
  });
}

/** Whose voice words are in, as far as these checks ask: the kind, and whether a quotation is challenged. */
export interface VoiceVerdict {
  kind: Voice['kind'];
  challenged: boolean;
}

/** One sentence a check found something in, with what it needs to judge it. */
export interface SentenceVisit<T> {
  block: Block;
  sentence: Sentence;
  index: number;
  /** The next sentence's text, in this block or the next, for critiques that come a sentence later. */
  nextText: string;
  next: Block | undefined;
  voice(span: Span): VoiceVerdict;
  hit: T;
}

/** Stands for a block's content, role, section and table position: the same object while they stay the same. */
const content = (): object => ({});

/**
 * Voices already judged, by the block's hits (the same array while the block is unchanged) and
 * the next block's content: the voice reads both blocks and nothing else, and no offsets.
 */
const judged = new WeakMap<object, { next: object | undefined; voices: Map<string, VoiceVerdict> }>();

function verdictOf(v: Voice): VoiceVerdict {
  return { kind: v.kind, challenged: v.kind === 'quoted' && v.challenged };
}

/** Calls `fn` for each sentence in which `fact` found something, in document order. */
export function eachHit<T>(ctx: CheckContext, fact: Fact<readonly SentenceHit<T>[]>, fn: (v: SentenceVisit<T>) => void): void {
  const blocks = ctx.doc.blocks;
  const all = factsOf(ctx.doc, fact);
  for (let i = 0; i < blocks.length; i++) {
    const hits = all[i]!;
    if (hits.length === 0) continue;
    const block = blocks[i]!;
    const n = nextProse(blocks, i);
    const next = n < 0 ? undefined : blocks[n];
    // Only the few blocks after a hit are asked, so one at a time.
    const nextContent = next ? blockFacts(ctx, 'identity/content', next, content) : undefined;
    let memo = judged.get(hits);
    if (!memo || memo.next !== nextContent) judged.set(hits, (memo = { next: nextContent, voices: new Map() }));
    const voices = memo.voices;
    for (const { index, hit } of hits) {
      const sentence = block.sentences[index]!;
      const nextText = block.sentences[index + 1]?.text ?? next?.sentences[0]?.text ?? '';
      const voice = (span: Span): VoiceVerdict => {
        const key = `${index}:${span.start - block.start}:${span.end - block.start}`;
        let v = voices.get(key);
        if (!v) voices.set(key, (v = verdictOf(clauseVoice(block, index, span, next))));
        return v;
      };
      fn({ block, sentence, index, nextText, next, voice, hit });
    }
  }
}

/** The index of the prose block after `blocks[i]` (where a critique of its last sentence may be), or -1. */
function nextProse(blocks: readonly Block[], i: number): number {
  for (let k = i + 1; k < blocks.length; k++) if (PROSE_KINDS.has(blocks[k]!.kind)) return k;
  return -1;
}

/** True unless the words are discussed, turned round, or quoted and challenged: then the author is not using them. */
export function isReported(v: VoiceVerdict): boolean {
  return v.kind !== 'meta' && v.kind !== 'rejected' && !(v.kind === 'quoted' && v.challenged);
}

/**
 * The voice of `span`, judged within its clause: "described only as dual heritage; their ethnicity
 * was withheld" is the author's own voice after the semicolon, whatever came before it.
 */
export function clauseVoice(block: Block, index: number, span: Span, next: Block | undefined): Voice {
  const sentence = block.sentences[index];
  if (!sentence) return voiceOf(block, span, next);
  const rel = span.start - sentence.start;
  const cut = Math.max(sentence.text.lastIndexOf(';', rel), sentence.text.lastIndexOf(':', rel));
  if (cut < 0) return voiceOf(block, span, next);
  const clause: Sentence = { start: sentence.start + cut + 1, end: sentence.end, text: sentence.text.slice(cut + 1) };
  const sentences = block.sentences.map((s, i) => (i === index ? clause : s));
  return voiceOf({ ...block, sentences }, span, next);
}

/** "Child R" stays, "the child" becomes "The child" at the start of a sentence. */
export function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "Child R's", "the child's", "James'". */
export function possessive(name: string): string {
  return /s$/.test(name) && !/^the /i.test(name) ? `${name}’` : `${name}’s`;
}

/** A sentence with placeholders in square brackets, for inserting where the child is introduced. */
export function skeleton(c: Characteristic, child: string): string {
  const Child = capitalise(child);
  switch (c) {
    case 'ethnicity':
      return `${Child} is of [heritage, as ${child} and the family describe it] heritage.`;
    case 'religion':
      return `${Child} and the family [follow (faith, as they describe it) / do not follow a religion].`;
    case 'language':
      return `${capitalise(possessive(child))} first language is [language], and [parent or carer]’s is [language]; an interpreter [was / was not] needed.`;
    case 'disability':
      return `${Child} [has (disability or special educational need, and whether it was diagnosed) / has no known disability or special educational need].`;
  }
}

/** Human names of the characteristics, for messages. */
export const CHARACTERISTIC_WORDS: Readonly<Record<Characteristic, string>> = {
  ethnicity: 'ethnicity or heritage',
  religion: 'religion or faith',
  language: 'first language',
  disability: 'disability or special educational needs',
};

/** Words in a sentence (or the next) that show the author is already questioning what they report. */
export const AUTHOR_CRITIQUE = /\b(?:assum\w*|without\s+(?:asking|exploring|checking|testing|understanding|considering)|(?:was|were)\s+not\s+(?:explored|tested|checked|asked|challenged|questioned|considered|understood)|no\s+one\s+asked|nobody\s+asked|did\s+not\s+(?:ask|explore|check|test|question|challenge|consider|understand)|what\s+(?:this|that|was|it)\s+meant|stereotyp\w*|bias\w*|rather\s+than|instead\s+of|should\s+not|should\s+have|challeng\w+|question(?:ed|s)?\b|in\s+fact|in\s+reality|not\s+(?:a\s+)?(?:good|sufficient|valid|adequate)\s+(?:enough\s+)?reason|not\s+good\s+enough|the\s+review\s+(?:found|finds|considers|considered|questions|challenges|does\s+not\s+accept|regards)|inappropriate\w*|unacceptable|wrong\w*|mistaken\w*|misunderst\w*|uncritical\w*|lower(?:ed|ing)?\s+(?:their\s+)?expectations|told\s+the\s+review|the\s+family\s+(?:said|told|explained|described))\b/i;
