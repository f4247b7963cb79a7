/**
 * `no-adult-terms-for-child`: "young man", "young woman", "grown man", and "was a man / a woman /
 * an adult" said of someone who was a child at the time described. The age comes from what the draft
 * states: "Child R, aged 14", "a 14-year-old", "in Year 9", the front matter, "Jordan (15)" earlier
 * in the draft. "Now 19" counts only for sentences about now; "at the time aged 15" for the events.
 */
import type { Check, Report } from '../../check';
import { presentFrame, subjectAt, whenAt } from '../../context/people';
import type { PeopleIndex, SubjectInfo } from '../../context/people';
import type { Block } from '../../document/model';
import type { Fix } from '../../types';
import type { BlockCandidates, BlockCheck, MatchCandidate, MatchContext } from './shared';
import { article, defineCandidates, fillIn, matchCandidates, matchContext, notAuthors, runBlockCheck, SOURCES, suggestion } from './shared';

const QUICK = /\b(?:young (?:m[ae]n|wom[ae]n|lad(?:y|ies))|grown (?:m[ae]n|wom[ae]n)|m[ae]n\b|wom[ae]n\b|lady\b|adult\b)/i;

const COPULA = String.raw`(?:was|is|were|are|seemed|appeared|looked|acted|behaved|presented|came across|had become|became|become|being)\s+(?:(?:like|as)\s+)?(?:(?:very|quite|so|much|just|already|almost|nearly|more|every inch)\s+)*(?:(?:a|an)\s+)?(?:(?:proper|real|fully grown|grown|mature|confident|independent|strong|very|quite|young)\s+)*`;
const TRIGGER = new RegExp(
  String.raw`\b(?<np>young (?:man|woman|lady|men|women|ladies)|grown (?:man|woman|men|women))\b|(?<=\b(?:${COPULA}|(?:as|like)\s+(?:a|an)\s+(?:(?:proper|real|grown|fully grown|mature)\s+)*))(?<pred>man|woman|lady|adult)\b`,
  'gi',
);

function childWord(term: string): string {
  const t = term.toLowerCase();
  if (/\b(?:men)$/.test(t)) return 'boys';
  if (/\b(?:women|ladies)$/.test(t)) return 'girls';
  if (/\b(?:man)$/.test(t)) return 'boy';
  if (/\b(?:woman|lady)$/.test(t)) return 'girl';
  return 'child';
}

/** An age attached to the noun phrase itself: "a young man, aged 15", "young men aged 14 to 16", "a 15-year-old young woman". */
function attachedAge(text: string, start: number, end: number): { age: number; when: string } | undefined {
  const after = text.slice(end, end + 40);
  const a = /^\s*(?:,\s*|\s*\()?(?:aged\s+|age\s+|of\s+|then\s+|who was\s+|now\s+)(\d{1,2})\b(?!\s*(?:weeks|months|days))/i.exec(after) ?? /^\s*\((\d{1,2})\)/.exec(after);
  if (a) return { age: Number(a[1]), when: /now/i.test(a[0]) ? 'now' : /then/i.test(a[0]) ? 'then' : whenAt(text, end + a.index + a[0].length - a[1]!.length, end + a.index + a[0].length) };
  const before = text.slice(Math.max(0, start - 20), start);
  const b = /(\d{1,2})[- ]year[- ]old\s+$/i.exec(before);
  if (b) return { age: Number(b[1]), when: whenAt(text, start - b[0].length, start) };
  return undefined;
}

const COPULA_BEFORE = new RegExp(String.raw`\b${COPULA}(?:[\w-]+\s+){0,2}$`, 'i');

/** Who a noun phrase like "a young woman" refers to: the copula's subject, or a name in apposition. */
function referentOf(text: string, start: number, end: number, people: PeopleIndex, preceding: string): SubjectInfo | undefined {
  const before = text.slice(0, start);
  const copula = COPULA_BEFORE.exec(before) ?? /\b(?:as|like)\s+(?:a|an)?\s*(?:[\w-]+\s+){0,2}$/i.exec(before);
  if (copula) {
    // Drop a relative clause between the subject and the verb: "the person who approached her was a man".
    let head = before.slice(0, copula.index);
    const rel = /\b(?:who|that|which|whom)\b/i.exec(head);
    if (rel && /[\p{L}]/u.test(head.slice(0, rel.index))) head = head.slice(0, rel.index);
    return subjectAt(head, head.length, people, preceding);
  }
  // "Child R, a confident young woman," and "the young man, Jordan,".
  const appos = /,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$/i.exec(before);
  if (appos) return subjectAt(before.slice(0, appos.index), appos.index, people, preceding);
  const after = /^\s*,\s*((?:Child|Sibling|Young Person|Adult) [A-Z0-9]{1,3}|[A-Z][a-z]+)\s*,/.exec(text.slice(end));
  if (after) {
    const name = after[1]!;
    if (/^Adult /.test(name)) return { subject: 'adult', name };
    if (/^(?:Child|Sibling|Young Person) /.test(name)) return { subject: 'child', name };
    const p = people.byName.get(name);
    if (p) {
      const info: SubjectInfo = { subject: p.group, name };
      if (p.age !== undefined) info.age = p.age;
      return info;
    }
  }
  return undefined;
}

const MESSAGE = "'{{match}}' describes {{who}} in adult terms. Under-18s are children in law, and adult words can hide a child's vulnerability, which the Panel calls adultification (annual report 2022/23): write '{{replacement}}' or use the child's pseudonym.";
const MESSAGE_UNKNOWN = "'{{match}}': if this person was under 18 at the time described, say so and call them a child, a boy or a girl, or use their pseudonym. 'Young man' and 'young woman' can hide a child's vulnerability (adultification).";
const QUOTED = "'{{match}}' is quoted without comment, about {{who}}. If these are a record's or a professional's words, say so and say why they mattered: seeing a child as an adult is adultification.";

const CANDIDATES = defineCandidates('victim-blaming/adult-terms-candidates', QUICK, (local): BlockCandidates<MatchCandidate> => matchCandidates(local, TRIGGER));

function decideBlock(block: Block, next: Block | undefined, items: readonly MatchCandidate[], people: PeopleIndex, out: Report[]): void {
  for (const c of items) decideOne(c, matchContext(block, c, next, people), out);
}

function decideOne(c: MatchCandidate, mc: MatchContext, out: Report[]): void {
  if (notAuthors(mc.voice)) return;
  const g = c.groups;
  const text = mc.sentence.text;
  const start = mc.span.start - mc.sentence.start;
  const end = mc.span.end - mc.sentence.start;
  const present = presentFrame(text, start) || /\bnow\s+(?:a|an)?\s*(?:[\w-]+\s+)?$/i.test(text.slice(Math.max(0, start - 20), start));
  let info: SubjectInfo | undefined;
  const own = attachedAge(text, start, end);
  if (own && (present ? own.when !== 'then' : own.when !== 'now' && own.when !== 'later')) info = { subject: own.age < 18 ? 'child' : 'adult', age: own.age };
  if (!info) info = referentOf(text, start, end, mc.people, mc.preceding);
  if (!info) info = { subject: 'unknown' };
  if (info.subject === 'adult') return;
  if (present && info.age === undefined) return;
  if (present && info.subject !== 'child') return;
  const quoted = mc.voice.kind === 'quoted';
  if (info.subject === 'unknown') {
    // Plain "man", "woman" and "adult" say nothing about a child unless the draft says who it is.
    if (g['pred'] || quoted) return;
    out.push({ span: mc.span, message: fillIn(MESSAGE_UNKNOWN, { match: c.text }), severity: 'hint' });
    return;
  }
  const term = c.text;
  const word = childWord(term);
  let replacement = word;
  let fixSpan = mc.span;
  const ageStated = info.age !== undefined && new RegExp(`\\b${info.age}\\b`).test(text);
  const art = /\b(a|an)\s+$/i.exec(text.slice(Math.max(0, start - 4), start));
  if (info.age !== undefined && !ageStated && art && !/s$/.test(word)) {
    const aged = `${info.age}-year-old ${word}`;
    replacement = `${article(aged)} ${aged}`;
    fixSpan = { start: mc.span.start - art[0].length, end: mc.span.end };
  }
  const who = info.name
    ? info.age !== undefined ? `${info.name}, who was ${info.age} at the time,` : `${info.name}, a child at the time,`
    : info.age !== undefined ? `someone who was ${info.age} at the time` : 'a child';
  const age = info.age !== undefined ? String(info.age) : 'a child';
  const fixes: Fix[] = quoted ? [] : [suggestion(`Replace with "${replacement}"`, fixSpan, replacement)];
  const report: Report = {
    span: mc.span,
    message: fillIn(quoted ? QUOTED : MESSAGE, { match: term, who, age, replacement }),
    severity: quoted ? 'info' : 'warning',
  };
  if (fixes.length) report.fixes = fixes;
  out.push(report);
}

const check: BlockCheck<MatchCandidate> = { candidates: CANDIDATES, readsPeople: true, decide: decideBlock };

/** The check. */
export const noAdultTermsForChild: Check = {
  meta: {
    id: 'no-adult-terms-for-child',
    category: 'adultification',
    kind: 'check',
    severity: 'warning',
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Do not call a child a "young man", "young woman", "man" or "woman"; use child, boy, girl or their pseudonym.',
    message: MESSAGE,
    rationale:
      'Under-18s are children in law, and the Panel uses "children" throughout its reports for that reason. Calling a 14-year-old a "young man" or a "woman" is one of the ways adultification works: the child is seen as older and less vulnerable than they are, which the Panel and the annual review of local reviews found happening to Black children in particular. The check decides by the age the draft states for the time being described: "Child R, aged 14", "a 14-year-old", "in Year 9", an age in the front matter, or "Jordan (15)" earlier in the draft. "Child R, now 19, is a young woman" is about now and is fine; "Child R, now 19, was described as a young woman when she was 15" is about the child. A parent\'s own adolescence counts as childhood. "Young person", which the Panel itself uses, is never reported. When the age is not known, "young man" and "young woman" get only a hint asking for the age, and plain "man", "woman" and "adult" nothing, because the research supports a finding only where the person is known to be a child.',
    good: 'Jordan was 15. Police treated him as an adult suspect rather than as a child at risk.',
    sources: [SOURCES.panelAdultification, SOURCES.annualReviewLanguage, SOURCES.guidanceAdultification, SOURCES.pitfalls],
    examples: {
      valid: [
        { text: 'Jordan was 15. Police treated him as an adult suspect rather than as a child at risk.' },
        { text: 'Child R, now 19, is a confident young woman who spoke to the review about her experiences.', note: 'about now, when she is an adult' },
        { text: 'Her partner, a young man of 19, moved in that summer.', note: 'an adult' },
        { text: 'Adult B, 24, was a young man known to police.', note: 'an adult' },
        { text: 'The person who approached her at the bus station was a man in his forties.', note: 'the man is the adult, not the child' },
        { text: 'Jordan, 15, told the review that by then he felt like a man.', note: 'the child’s own words' },
        { text: 'The young person was seen by the school nurse.', note: "'young person' is the Panel's own term" },
        { text: "Staff described him as 'a young man'; the review considers this adultification of a 14-year-old.", note: 'quoted and challenged' },
      ],
      invalid: [
        { text: 'Child R, aged 14, was a confident young woman.', match: 'young woman', output: 'Child R, aged 14, was a confident girl.' },
        { text: 'A young man, aged 15, was stabbed near the station.', match: 'young man', output: 'A boy, aged 15, was stabbed near the station.' },
        { text: '---\nchildren:\n  - name: Jordan\n    age: 15\n---\n\nJordan was a polite young man.', match: 'young man', output: '---\nchildren:\n  - name: Jordan\n    age: 15\n---\n\nJordan was a polite boy.', note: 'age from the front matter' },
        { text: 'Jordan (15) lived with his aunt.\n\nJordan was seen by police as a man.', match: 'man', note: 'age stated earlier in the draft' },
        { text: 'Child R, now 19, was described as a young woman when she was 15.', match: 'young woman', severity: 'info', note: 'age at the time described, reported wording' },
        { text: 'The young man was later found in a flat in another city.', match: 'young man', severity: 'hint', note: 'no age: only a hint' },
        { text: 'Child R, aged 13, had been treated by the men as a young woman, and no one at school questioned it.', match: 'young woman', severity: 'info', note: 'reported treatment, unchallenged' },
      ],
    },
  },
  run(ctx) {
    runBlockCheck(ctx, check);
  },
};
