/** Small helpers shared by the family-involvement checks: review-type notes, labels and quick-fix texts. */
import type { CheckContext } from '../../check';
import { isWholeReview } from '../../context/document-kind';
import type { ParsedDocument } from '../../document/model';
import type { Edit, Fix, ReviewType, RuleSource, Span } from '../../types';
import type { InvolvementAnalysis, Statement } from './analysis';
import { kindOf } from './family-members';

/** The research digest, cited by line in every rule's sources. */
export const DIGEST = 'research/family-involvement.md';

/** Seed documents, by file name. */
export const SEED_000 = '000_0c7c9e062cace95c.txt';
export const SEED_001 = '001_a80a9db9217d6c68.txt';
export const SEED_002 = '002_b8b48b6c7b99a00f.txt';
export const SEED_003 = '003_32eeef488bccf521.txt';
export const SEED_004 = '004_0bedcfebabdff59e.txt';

/** A source entry for the digest line a rule rests on. */
export function digest(line: string, note: string): RuleSource {
  return { document: DIGEST, section: `family-involvement.md ${line.includes('-') ? 'lines' : 'line'} ${line}`, note };
}

/** Said once in rapid-review messages: they are judged more lightly (seed 003 section 1.2, quoting the Panel's 2022 guidance). */
export const RAPID_NOTE =
  ' This is a rapid review: the Panel does not expect families to take part within its 15 working days, so this is a note rather than a warning.';

export function rapid(ctx: CheckContext): boolean {
  return ctx.reviewType === 'rapid-review';
}

/** The rapid-review note added to a message, or nothing for other reviews. */
export function rapidNote(ctx: CheckContext): string {
  return rapid(ctx) ? RAPID_NOTE : '';
}

/** A readable label for people: "the mother", "Child A", "the mother and the father". */
export function labelOf(a: InvolvementAnalysis, keys: readonly string[]): string {
  const labels = [...new Set(keys.map((k) => kindOf(a.table, k).label))];
  if (labels.length === 0) return 'the family';
  if (labels.length === 1) return labels[0]!;
  if (labels.length === 2 && labels.includes('the mother') && labels.includes('the father')) return 'the parents';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Capitalises the first letter, for labels at the start of a message. */
export function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** The people a statement says did not take part. */
export function notInvolvedKeys(s: Statement): string[] {
  return [...s.byPerson].filter(([, st]) => [...st].some((x) => x !== 'invited' && x !== 'took-part')).map(([k]) => k);
}

/** An insertion edit. */
export function insertAt(at: number, text: string): Edit {
  return { start: at, end: at, text };
}

/** A suggestion fix with one insertion. */
export function insertion(title: string, at: number, text: string): Fix {
  return { title, kind: 'suggestion', edits: [insertAt(at, text)] };
}

/** The placeholder skeleton of an involvement section (issue 5 quick fix; digest line 139-141, R01). */
export function involvementSkeleton(level: number, markdown: boolean): string {
  const heading = markdown ? `${'#'.repeat(Math.min(6, Math.max(1, level)))} Involvement of the child and family` : 'Involvement of the child and family';
  return [
    heading,
    '',
    '[Who was invited: each family member and significant person (the child, each parent and carer, step-parents and partners, siblings, grandparents), who invited them, how (letter, phone, in person, through a professional they know) and when.]',
    '',
    '[Who took part and how their views shaped the review: how and how often each person contributed, what they told the review, and which findings their views informed.]',
    '',
    '[Who did not take part and why: for each person, the reason (for example they declined, did not respond to two letters and a call, or proceedings were under way and the police were consulted), what was tried instead, and whether the offer stays open.]',
    '',
    "[The child's voice: the child's views, wishes and feelings, directly or through people who knew them; for a baby or a child who does not speak, what their day was like.]",
    '',
    '[Support offered: for example an advocate, a family liaison officer, an interpreter, or a professional the family already knows.]',
    '',
    '',
  ].join('\n');
}

/** Where a new involvement section belongs: after the method section, else after the introduction, else before the second heading. */
export function skeletonFix(doc: ParsedDocument, a: InvolvementAnalysis): Fix {
  const intro = a.sections.find((s) => s.role === 'introduction');
  const target = a.methodSection ?? intro;
  const markdown = doc.language === 'markdown';
  let at: number;
  let level = 2;
  if (target) {
    at = target.section.end;
    level = target.section.level;
  } else if (doc.sections.length > 1) {
    at = doc.sections[1]!.heading.start;
    level = doc.sections[1]!.level;
  } else {
    at = doc.text.length;
  }
  let text = involvementSkeleton(level, markdown);
  if (at >= doc.text.length) {
    at = doc.text.length;
    text = (doc.text.endsWith('\n\n') ? '' : doc.text.endsWith('\n') ? '\n' : '\n\n') + text.replace(/\n+$/, '\n');
  }
  return insertion('Insert an "Involvement of the child and family" section to complete', at, text);
}

/** Where a document-level finding is shown: the method heading, else the involvement heading, else the title, else the first words. */
export function documentAnchor(doc: ParsedDocument, a: InvolvementAnalysis, prefer: 'method' | 'involvement' = 'method'): Span {
  const order = prefer === 'method' ? [a.methodSection, a.involvementSection] : [a.involvementSection, a.methodSection];
  for (const s of order) if (s) return s.section.heading;
  if (doc.sections.length > 0) return doc.sections[0]!.heading;
  const first = doc.blocks.find((b) => b.sentences.length > 0);
  if (first) return { start: first.sentences[0]!.start, end: first.sentences[0]!.end };
  return { start: 0, end: Math.min(1, doc.text.length) };
}

const wholeCache = new WeakMap<ParsedDocument, boolean>();

/** `isWholeReview`, computed once per document for the several checks that need it. */
export function wholeReview(doc: ParsedDocument): boolean {
  let v = wholeCache.get(doc);
  if (v === undefined) {
    v = isWholeReview(doc);
    wholeCache.set(doc, v);
  }
  return v;
}
