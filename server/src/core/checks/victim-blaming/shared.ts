/**
 * Helpers shared by the victim-blaming, adultification and equality checks: which blocks to read,
 * whose voice a match is in, who it is about, and per-block caching so a long draft stays fast.
 */
import type { CheckContext, Report } from '../../check';
import { buildPeople, precedingInBlock, subjectAt } from '../../context/people';
import type { PeopleIndex, SubjectInfo } from '../../context/people';
import { voiceOf } from '../../context/voice';
import type { Voice } from '../../context/voice';
import type { Block, Sentence } from '../../document/model';
import type { Fix, RuleSource, Severity, Span } from '../../types';
import { BoundedCache as HalfCache } from '../../bounded-cache';

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

/** A report with offsets relative to the block, so it can be cached and moved. */
interface CachedReport {
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  fixes: Fix[];
}

/** A cache that forgets its oldest half when full. */
export { HalfCache };

function peopleSignature(people: PeopleIndex): string {
  let s = '';
  for (const p of people.byName.values()) s += `${p.name}:${p.group}:${p.age ?? ''};`;
  return s;
}

/**
 * Runs `visit` over each prose block outside glossaries, reference lists and contents whose text
 * matches `quick`, caching the reports per block (keyed on the block, its heading, the next block's
 * opening and the draft's people), and reports them through `ctx`.
 */
export function eachBlock(
  ctx: CheckContext,
  cache: HalfCache<CachedReport[]>,
  quick: RegExp,
  visit: (block: Block, next: Block | undefined, people: PeopleIndex, out: Report[]) => void,
): void {
  const people = buildPeople(ctx.doc);
  const sig = peopleSignature(people);
  const prose = ctx.prose;
  for (let i = 0; i < prose.length; i++) {
    const block = prose[i]!;
    if (!PROSE_KINDS.has(block.kind) || SKIP_ROLES.has(block.role)) continue;
    quick.lastIndex = 0;
    if (!quick.test(block.prose)) continue;
    const next = prose[i + 1];
    const key = `${block.kind}\u0001${block.role}\u0001${block.cell?.header ?? ''}\u0001${block.cell?.isHeader ? 1 : 0}\u0001${block.sectionPath[block.sectionPath.length - 1] ?? ''}\u0001${sig}\u0001${next ? next.prose.slice(0, 300) : ''}\u0001${block.prose}`;
    let found = cache.get(key);
    if (!found) {
      const out: Report[] = [];
      visit(block, next, people, out);
      found = out.map((r) => {
        const c: CachedReport = {
          start: r.span.start - block.start,
          end: r.span.end - block.start,
          message: r.message,
          fixes: (r.fixes ?? []).map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start - block.start, end: e.end - block.start })) })),
        };
        if (r.severity) c.severity = r.severity;
        return c;
      });
      cache.set(key, found);
    }
    for (const f of found) {
      const r: Report = {
        span: { start: f.start + block.start, end: f.end + block.start },
        message: f.message,
        fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + block.start, end: e.end + block.start })) })),
      };
      if (f.severity) r.severity = f.severity;
      ctx.report(r);
    }
  }
}

/** Runs a global pattern over a block's prose and gives each match its context. */
export function eachMatch(block: Block, next: Block | undefined, people: PeopleIndex, pattern: RegExp, fn: (m: RegExpExecArray, mc: MatchContext) => void): void {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(block.prose))) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
    const index = block.sentences.findIndex((s) => s.start <= span.start && span.start < s.end);
    const sentence = index >= 0 ? block.sentences[index]! : { start: block.start, end: block.end, text: block.prose };
    const voice = voiceOf(block, span, next);
    fn(m, { block, sentence, index, span, voice, preceding: precedingInBlock(block, span.start), people, next });
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
