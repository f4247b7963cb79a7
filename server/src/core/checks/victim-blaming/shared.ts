/**
 * Helpers shared by the victim-blaming, adultification and equality checks: which blocks to read,
 * whose voice a match is in, who it is about, and the per-block facts that keep a keystroke cheap.
 *
 * Each check is split in two. A per-block fact finds the check's candidate matches and everything
 * about them that the block alone decides (the trigger, its sentence, its voice). A document-level
 * step then applies what only the whole draft knows: the people index (names with ages from other
 * paragraphs and the front matter) and, for a quotation left unchallenged, whether the next prose
 * block criticises it. That step's reports are remembered per block, keyed by exactly those two
 * things, so after an edit only the edited block (or a block whose document context changed) is
 * decided again.
 */
import { blockFacts } from '../../check';
import type { CheckContext, Report } from '../../check';
import { buildPeople, precedingInBlock, subjectAt } from '../../context/people';
import type { PeopleIndex, Person, SubjectInfo } from '../../context/people';
import { critiques, outsideQuotes, voiceOf } from '../../context/voice';
import type { Voice } from '../../context/voice';
import type { Block, ParsedDocument, Sentence } from '../../document/model';
import { detach } from '../../document/parse';
import { defineFact, factsOf, perDocumentValue } from '../../facts';
import type { Fact } from '../../facts';
import type { Fix, RuleSource, Severity, Span } from '../../types';

/** The seeds and research digests these checks rest on. */
export const SOURCES = {
  annualReviewLanguage: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Chapter 3, race and ethnicity: responsibilising and adultifying language (digest section 1.1, rules 1 and 2)' },
  annualReviewEngagement: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 2, practice issues: 'reluctant and sporadic engagement' sanitises what happened (digest section 1.1, rule 5)" },
  panelExploitation: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 5, children at risk of harm outside the home: victim-blaming language and the victim and perpetrator overlap (digest rules P23, P24, P29)' },
  panelAdultification: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: "Paragraphs 5.32 to 5.35 and Appendix A glossary: adultification; note on language, paragraph 1.9: under-18s are children (digest rule P27)" },
  panelEngagement: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 6, parental engagement: reasons behind not engaging often unexplored (digest rule P21)' },
  panelLanguageNote: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: "Note on language, paragraph 1.13: person-first language, for example 'children with disabilities' (digest rule P38)" },
  guidanceTable: { document: 'standards-and-language-guidance.md', year: 2022, section: 'Section 3.2 phrase table and 3.3 context exemptions (Children\'s Society, NSPCC, Language Matters, Durham SCP)' },
  guidanceAdultification: { document: 'standards-and-language-guidance.md', year: 2022, section: 'Section 4: adultification (HMICFRS glossary; Davis 2022; Oxfordshire schools note)' },
  pitfalls: { document: 'real-text-pitfalls.md', section: 'Engagement wording about parents; age depends on when; words that are also law; boys are exploited too' },
} satisfies Record<string, RuleSource>;

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);
const SKIP_ROLES = new Set(['glossary', 'references', 'contents']);

/** What a check sees for one match before deciding. */
export interface MatchContext {
  block: Block;
  sentence: Sentence;
  /** Index of the sentence in its block. */
  index: number;
  span: Span;
  voice: Voice;
  /** The paragraph's text before the sentence, for pronouns. */
  preceding: string;
  people: PeopleIndex;
  next: Block | undefined;
}

/** A candidate found by a check's per-block fact, with offsets relative to the block. */
export interface Candidate {
  start: number;
  end: number;
  /** Index of the sentence that holds `start` among the block's sentences, or -1. */
  sentence: number;
  /** The voice as the block alone decides it, without the next block. */
  voice: Voice;
  /**
   * True for a quotation the block leaves unchallenged: a critique opening the next prose block can
   * still challenge it, so its voice is decided again with the next block.
   */
  nextMayChallenge: boolean;
}

/** A candidate that is a match of a check's trigger pattern. */
export interface MatchCandidate extends Candidate {
  /** The matched words (the pattern's `m[0]`). */
  text: string;
  /** The pattern's named groups. */
  groups: Readonly<Record<string, string | undefined>>;
}

/** One block's candidates for one check. */
export interface BlockCandidates<C extends Candidate> {
  items: readonly C[];
  /** Some candidate's voice can change with the next block. */
  readsNext: boolean;
}

/** The candidates of a block that holds none. */
export const NO_CANDIDATES: BlockCandidates<never> = { items: [], readsNext: false };

/** A block's candidates, with `readsNext` worked out. */
export function candidates<C extends Candidate>(items: C[]): BlockCandidates<C> {
  return items.length === 0 ? NO_CANDIDATES : { items, readsNext: items.some((c) => c.nextMayChallenge) };
}

// A voice without the span of its quotation (which for a quoted record is the block itself): facts
// keep no pieces of the block.
function bare(v: Voice): Voice {
  if (v.kind !== 'quoted') return v;
  const out: Voice = { kind: 'quoted', challenged: v.challenged };
  if (v.speaker) out.speaker = v.speaker;
  return out;
}

/** The voice of `span` in `local` as far as the block decides it (see `Candidate.nextMayChallenge`). */
export function localVoice(local: Block, span: Span): { voice: Voice; nextMayChallenge: boolean } {
  const v = voiceOf(local, span, undefined);
  return { voice: bare(v), nextMayChallenge: v.kind === 'quoted' && !v.challenged };
}

/**
 * For a per-block fact: the matches of a global `pattern` in the block, each with its sentence and
 * voice. Matches that are not the author's framing whatever the next block says are left out.
 */
export function matchCandidates(local: Block, pattern: RegExp): BlockCandidates<MatchCandidate> {
  const items: MatchCandidate[] = [];
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(local.prose))) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    const { voice, nextMayChallenge } = localVoice(local, { start, end });
    if (!nextMayChallenge && notAuthors(voice)) continue;
    const groups: Record<string, string | undefined> = {};
    if (m.groups) for (const [k, g] of Object.entries(m.groups)) groups[k] = g === undefined ? undefined : detach(g);
    const sentence = local.sentences.findIndex((s) => s.start <= start && start < s.end);
    items.push({ start, end, sentence, voice, nextMayChallenge, text: detach(m[0]), groups });
  }
  return candidates(items);
}

/** The span of a candidate in the document. */
export function spanOf(block: Block, c: Candidate): Span {
  return { start: block.start + c.start, end: block.start + c.end };
}

/** The voice of a candidate, consulting the next block only where it can matter. */
export function voiceIn(block: Block, c: Candidate, next: Block | undefined): Voice {
  return c.nextMayChallenge ? voiceOf(block, spanOf(block, c), next) : c.voice;
}

/** The sentence that holds a candidate (the whole block when none does). */
export function sentenceOf(block: Block, c: Candidate): Sentence {
  return c.sentence >= 0 ? block.sentences[c.sentence]! : { start: block.start, end: block.end, text: block.prose };
}

/** A candidate's context for deciding, as the matches of a pattern used to be given it. */
export function matchContext(block: Block, c: Candidate, next: Block | undefined, people: PeopleIndex): MatchContext {
  const span = spanOf(block, c);
  const sentence = sentenceOf(block, c);
  return { block, sentence, index: c.sentence, span, voice: voiceIn(block, c, next), preceding: precedingInBlock(block, span.start), people, next };
}

/** A check's per-block fact, with its compute kept to read a block that is not in `ctx.doc.blocks`. */
export interface CandidateFact<C extends Candidate> {
  fact: Fact<BlockCandidates<C>>;
  compute: (local: Block) => BlockCandidates<C>;
  /** The check's bit in the prefilter mask (see `QUICK_MASK`). */
  bit: number;
}

const inScope = (local: Block): boolean => PROSE_KINDS.has(local.kind) && !SKIP_ROLES.has(local.role);

// The checks' prefilters, in the order they were defined (bit 1 << i is the i-th).
const quicks: RegExp[] = [];

/**
 * Defines a check's per-block fact: `find` gives the candidates of a prose block outside glossaries,
 * reference lists and contents whose text passes the check's cheap `quick` test.
 */
export function defineCandidates<C extends Candidate>(name: string, quick: RegExp, find: (local: Block) => BlockCandidates<C>): CandidateFact<C> {
  const compute = (local: Block): BlockCandidates<C> => (inScope(local) && quick.test(local.prose) ? find(local) : NO_CANDIDATES);
  const bit = 1 << quicks.length;
  quicks.push(quick);
  return { fact: defineFact(name, compute), compute, bit };
}

/**
 * Which checks' prefilters a block passes, as one fact for the family: every block of a draft is
 * read once for all five checks, and each check computes its own fact only for the blocks that pass.
 * Defined anew if a check is defined after it (so a mask never lacks a check's bit).
 */
let quickMask: { fact: Fact<number>; checks: number } | undefined;
function quickMaskFact(): Fact<number> {
  if (quickMask?.checks !== quicks.length) {
    const tests = quicks.slice();
    const fact = defineFact(`victim-blaming/quick-mask#${tests.length}`, (local): number => {
      if (!inScope(local)) return 0;
      let mask = 0;
      for (let i = 0; i < tests.length; i++) if (tests[i]!.test(local.prose)) mask |= 1 << i;
      return mask;
    });
    quickMask = { fact, checks: tests.length };
  }
  return quickMask.fact;
}

/** A check of this family: its candidates per block, and the document-level decision on them. */
export interface BlockCheck<C extends Candidate> {
  /** The per-block fact (see `defineCandidates`). */
  candidates: CandidateFact<C>;
  /** Whether `decide` reads the people index. */
  readsPeople: boolean;
  /** Decides one block's candidates, reporting with document offsets. */
  decide(block: Block, next: Block | undefined, candidates: readonly C[], people: PeopleIndex, out: Report[]): void;
}

/** Whether the next prose block can challenge a quotation: bit 1, its text critiques; bit 2, its first sentence (outside quotes) does. */
function critiqueBits(block: Block): number {
  const first = block.sentences[0];
  return (critiques(block.prose) ? 1 : 0) | (first && critiques(outsideQuotes(block, first)) ? 2 : 0);
}
const CRITIQUE_BITS = defineFact('victim-blaming/critique-bits', critiqueBits);

/** A prose block that passes some check's prefilter, with the next prose block. */
interface ProseEntry {
  block: Block;
  next: Block | undefined;
  mask: number;
}

const PROSE_ENTRIES = {};

/**
 * The prose blocks some check of the family reads, found once per parsed document from the cached
 * masks; undefined when the prose blocks are not the document's own (a context built by hand).
 */
function proseEntries(ctx: CheckContext): readonly ProseEntry[] | undefined {
  const held = perDocumentValue(ctx.doc, PROSE_ENTRIES, () => ({ prose: undefined as readonly Block[] | undefined, entries: undefined as ProseEntry[] | undefined }));
  if (held.prose === ctx.prose) return held.entries;
  const { prose, doc } = ctx;
  const { blocks } = doc;
  const masks = factsOf(doc, quickMaskFact());
  let entries: ProseEntry[] | undefined = [];
  // The prose blocks are the document's blocks in order: walk both lists to find each one's mask.
  for (let i = 0, j = 0; i < prose.length; i++, j++) {
    while (j < blocks.length && blocks[j] !== prose[i]) j++;
    if (j === blocks.length) {
      entries = undefined;
      break;
    }
    if (masks[j] !== 0) entries.push({ block: prose[i]!, next: prose[i + 1], mask: masks[j]! });
  }
  held.prose = prose;
  held.entries = entries;
  return entries;
}

/** Every prose block, for a context whose prose blocks are not the document's own. */
function allProse(ctx: CheckContext): ProseEntry[] {
  return ctx.prose.map((block, i) => ({ block, next: ctx.prose[i + 1], mask: -1 }));
}

interface PeopleState {
  people: PeopleIndex;
  /** Equal for documents whose people indexes are equal. */
  id: number;
  /** The people whose names occur in a block, by block (see `peopleKeyOf`). */
  keys: Map<Block, string>;
}

const personKey = (p: Person): string => `${p.name}\u0001${p.group}\u0001${p.age ?? ''}\u0001${p.gender ?? ''}\u0002`;
const peopleIds = new Map<string, number>();
let lastPeopleId = 0;

const PEOPLE = {};
const idByIndex = new WeakMap<PeopleIndex, number>();

/** The draft's people index and an id that is equal for equal indexes, once per parsed document. */
function peopleOf(doc: ParsedDocument): PeopleState {
  return perDocumentValue(doc, PEOPLE, () => {
    const people = buildPeople(doc);
    // \`buildPeople\` keeps its index object while the people are unchanged: its id is known then.
    let id = idByIndex.get(people);
    if (id === undefined) {
      let sig = '';
      for (const p of people.byName.values()) sig += personKey(p);
      id = peopleIds.get(sig);
      if (id === undefined) {
        if (peopleIds.size >= 256) peopleIds.clear();
        peopleIds.set(sig, (id = ++lastPeopleId));
      }
      idByIndex.set(people, id);
    }
    return { people, id, keys: new Map() };
  });
}

/**
 * The part of the people index a decision about `block` can read: the people whose names occur in
 * its text. Names are matched case-sensitively and looked up by the words of the block, so a person
 * whose name is not in the block cannot change what is decided about it.
 */
function peopleKeyOf(state: PeopleState, block: Block): string {
  let key = state.keys.get(block);
  if (key === undefined) {
    key = '';
    for (const p of state.people.byName.values()) if (block.prose.includes(p.name)) key += personKey(p);
    state.keys.set(block, key);
  }
  return key;
}

/** A report with offsets relative to the block, so it can be kept and moved. */
interface CachedReport {
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  fixes: Fix[];
}

/** A block's decided reports, with the document context they were decided in. */
interface Decided {
  /** The next block's `CRITIQUE_BITS` (0 when the candidates do not read the next block). */
  state: number;
  peopleId: number;
  peopleKey: string;
  reports: readonly CachedReport[];
}

/** Decisions by the candidates (a fact's value) they were made on; a few per value, for blocks repeated in a draft. */
const decided = new WeakMap<object, Decided[]>();
const NO_PEOPLE: PeopleIndex = { byName: new Map() };

function toCached(r: Report, base: number): CachedReport {
  const c: CachedReport = {
    start: r.span.start - base,
    end: r.span.end - base,
    message: r.message,
    fixes: (r.fixes ?? []).map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start - base, end: e.end - base })) })),
  };
  if (r.severity) c.severity = r.severity;
  return c;
}

function fromCached(f: CachedReport, base: number): Report {
  const r: Report = {
    span: { start: f.start + base, end: f.end + base },
    message: f.message,
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + base, end: e.end + base })) })),
  };
  if (f.severity) r.severity = f.severity;
  return r;
}

/**
 * Runs a check over the draft: each block that passes its prefilter gives its cached candidates,
 * and they are decided again only when the block is new or its document context (the next block's
 * critique, for unchallenged quotations; the people named in it) has changed.
 */
export function runBlockCheck<C extends Candidate>(ctx: CheckContext, check: BlockCheck<C>): void {
  const { fact, compute, bit } = check.candidates;
  let people: PeopleState | undefined;
  for (const { block, next, mask } of proseEntries(ctx) ?? allProse(ctx)) {
    if ((mask & bit) === 0) continue;
    const found = blockFacts(ctx, fact.name, block, compute);
    if (found.items.length === 0) continue;
    const state = found.readsNext && next ? blockFacts(ctx, CRITIQUE_BITS.name, next, critiqueBits) : 0;
    if (check.readsPeople) people ??= peopleOf(ctx.doc);
    const peopleId = people ? people.id : 0;
    let list = decided.get(found);
    let hit = list?.find((d) => d.state === state && d.peopleId === peopleId);
    let peopleKey: string | undefined;
    if (!hit && people) {
      peopleKey = peopleKeyOf(people, block);
      hit = list?.find((d) => d.state === state && d.peopleKey === peopleKey);
      if (hit) hit.peopleId = peopleId;
    }
    if (!hit) {
      const out: Report[] = [];
      check.decide(block, next, found.items, people ? people.people : NO_PEOPLE, out);
      hit = { state, peopleId, peopleKey: peopleKey ?? '', reports: out.map((r) => toCached(r, block.start)) };
      if (!list) decided.set(found, (list = []));
      if (list.length >= 4) list.shift();
      list.push(hit);
    }
    for (const f of hit.reports) ctx.report(fromCached(f, block.start));
  }
}

/** Who the match is about, from its sentence, the paragraph before it and the draft's people. */
export function subjectOf(mc: MatchContext, at: number = mc.span.start, end: number = mc.span.end): SubjectInfo {
  return subjectAt(mc.sentence.text, at - mc.sentence.start, mc.people, mc.preceding, end - mc.sentence.start);
}

/** True when the voice says the match is not the author's framing at all. */
export function notAuthors(voice: Voice): boolean {
  return voice.kind === 'meta' || voice.kind === 'rejected' || (voice.kind === 'quoted' && voice.challenged);
}

/** "her" → "her", "his" → "him", "their" → "them": the object form of a possessive pronoun. */
export function objectPronoun(possessive: string): string {
  const p = possessive.toLowerCase();
  return p === 'his' ? 'him' : p === 'their' ? 'them' : 'her';
}

/** "a" or "an" before a word. */
export function article(next: string): string {
  return /^(?:8|11|18|80|8\d)\b|^[aeiou]/i.test(next) ? 'an' : 'a';
}

/** Fills {{name}} placeholders. */
export function fillIn(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/** A suggestion fix replacing one span. */
export function suggestion(title: string, span: Span, text: string): Fix {
  return { title, kind: 'suggestion', edits: [{ start: span.start, end: span.end, text }] };
}
