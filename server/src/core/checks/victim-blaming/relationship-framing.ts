/**
 * `no-abuse-as-relationship`: a child's "boyfriend", "relationship with" or "sexual relationship"
 * where the other person is an adult or a person in authority. Decided from the ages and roles the
 * draft states; relationships between adults, between children of a similar age, and ordinary
 * family or professional relationships are left alone.
 */
import type { Check, Report } from '../../check';
import { referents } from '../../context/people';
import type { Referent, Subject } from '../../context/people';
import type { Block } from '../../document/model';
import type { PeopleIndex } from '../../context/people';
import type { Fix, Severity } from '../../types';
import type { BlockCandidates, BlockCheck, MatchCandidate, MatchContext } from './shared';
import { defineCandidates, fillIn, matchCandidates, matchContext, notAuthors, objectPronoun, runBlockCheck, SOURCES, subjectOf, suggestion } from './shared';

const QUICK = /boyfriend|girlfriend|relationship|dating|going out with|went out with|affair|sex|intercourse|slept with|sleeping with/i;

// The trigger phrases, as one alternation with named groups.
const TRIGGER = new RegExp(
  [
    String.raw`(?<poss>\b(?:her|his|their)\s+|\b(?:Child|Sibling|Young Person) [A-Z]{1,3}['’]s\s+|\b[A-Z][a-z]+['’]s\s+|\bthe child['’]s\s+)?(?<mod>(?:(?:much|significantly|considerably|far) )?older\s+|adult\s+|\d{1,2}[- ]year[- ]old\s+|new\s+|first\s+)?(?<bf>boyfriend|girlfriend)s?\b`,
    String.raw`\b(?<qual>sexual|intimate|romantic|physical|sexualised|sexualized|inappropriate|secret) relationships?\b`,
    String.raw`\b(?<verb>(?:was|were|is|are|had been|has been|being) in|entered(?: into)?|started|began|begun|having|had|has|have|formed|maintained|continued|developed)\s+(?:a|an|the)?\s*(?:(?:close|special|ongoing|long-term|brief)\s+)?relationships?\s+with\b`,
    String.raw`\b(?<rel>relationships?)\s+(?<prep>with|between)\b`,
    String.raw`\b(?<date>dating|going out with|went out with|was seeing|an affair with|having an affair with|had an affair with)\b`,
    String.raw`\b(?<sexverb>(?:had|having|has|have|engaged in|engaging in|engages in)\s+(?:sex|sexual (?:activity|intercourse|contact|relations)|intercourse)\s+with|slept with|sleeping with|sleeps with)\b`,
  ].join('|'),
  'g',
);

const POSITIVE = /\b(good|positive|trusting|trusted|supportive|strong|close|warm|working|professional|therapeutic|secure|consistent|loving|stable|key|caring|meaningful|constructive|helpful|healthy|protective|nurturing|respectful|open|honest|safe|mentoring|family|sibling|parent-child|mother-daughter|father-son|attachment)\s+(?:\w+\s+)?$/i;
const ABUSE_CUE = /\b(sexual(?:ly)?|sex|abus\w*|groom\w*|exploit\w*|inappropriate|intimate|kiss\w*|pregnan\w*|messages?|images?|photos?|nudes?|rape\w*|assault\w*|grooming|touch\w*|secret)\b/i;
const AUTHORITY = /\b(teachers?|coach(?:es)?|tutors?|youth workers?|(?:foster )?carers?|residential (?:care )?workers?|support workers?|care workers?|key workers?|police officers?|officers?|priests?|imams?|vicars?|mentors?|employers?|managers?|staff|members? of staff|lecturers?|instructors?|(?:scout |group |youth |team )?leaders?|teaching assistants?|taxi drivers?|drivers?|landlords?|doctors?|nurses?|therapists?|counsellors?|social workers?)\b/i;
const FAMILY = /\b(mothers?|mum|fathers?|dad|parents?|siblings?|brothers?|sisters?|grand(?:mother|father|parent|ma|pa)s?|aunts?|uncles?|cousins?|family|step-?(?:father|mother|parent|dad|mum)s?|daughters?|sons?|child(?:ren)?|baby|peers?|friends?|classmates?|school|social worker|key worker|professionals?|practitioners?|services|agenc(?:y|ies)|team)\b/i;
const CHILD_OTHER = /\b(boy|girl|pupil|classmate|school ?friend|peer|child|teenager|young person)\b/i;
const ADULT_OTHER = /\b(adults?|man|men|woman|women|older (?:man|men|male|males|boy|boys|woman|women|person|people|youths?)|Mr|Mrs|Ms|Adult [A-Z0-9]{1,3}|(?:Male|Female) [0-9A-Z]{1,3}|offender|perpetrator|abuser)\b/;

interface Party {
  group: Subject;
  age?: number;
  authority?: boolean;
  family?: boolean;
  older?: boolean;
  /** Words naming the other person, for the suggestion ("a 24-year-old man"). */
  noun?: string;
  /** Length of an age phrase right after the words (", aged 24"), which a fix may absorb. */
  consumed?: number;
}

/** Reads the person a relationship is with, from the words after "with" (or around "boyfriend"). */
function otherParty(text: string, people: PeopleIndex): Party {
  const head = (text.slice(0, 90).split(/[.;]|,\s*(?:and|but|which|who|where|when|because)\b/)[0] ?? '').replace(/\b(?:(?:Adult|Child|Male|Female) [A-Z0-9]{1,3}|(?:Mr|Mrs|Ms) [A-Z][\w-]*|[A-Z][a-z]+|her|his|their|the)(?: [a-z]+)?['’]s\s+/g, (w) => ' '.repeat(w.length));
  const refs = referents(head, people).filter((r) => r.kind !== 'pronoun');
  const first: Referent | undefined = refs[0];
  const party: Party = { group: 'unknown' };
  if (/\b(much |significantly |considerably |far )?older\b/i.test(head.slice(0, 30))) party.older = true;
  const ageRef = refs.find((r) => r.age !== undefined && r.when !== 'now' && r.when !== 'later');
  if (ageRef?.age !== undefined) {
    party.age = ageRef.age;
    party.group = ageRef.age < 18 ? 'child' : 'adult';
  }
  if (AUTHORITY.test(head.slice(0, 40)) && !/\b(her|his|their) (?:own )?(?:mother|father|parents?)\b/i.test(head.slice(0, 20))) party.authority = true;
  if (first && first.kind === 'family' && !/carer/i.test(first.text) && first.start < 20) party.family = true;
  if (!party.authority && FAMILY.test(head.slice(0, 30)) && !ADULT_OTHER.test(head.slice(0, 30))) party.family = true;
  if (party.group === 'unknown') {
    if (ADULT_OTHER.test(head.slice(0, 40))) party.group = 'adult';
    else if (first && first.kind === 'name') party.group = first.group;
    else if (first && first.kind === 'person') party.group = 'adult';
    else if (CHILD_OTHER.test(head.slice(0, 30))) party.group = 'child';
  }
  const noun = /^\s*(?:an?\s+)?((?:\d{1,2}-year-old\s+)?(?:(?:much )?older\s+)?(?:man|woman|male|female|adult))\b/i.exec(head);
  if (noun) party.noun = noun[1]!.toLowerCase();
  return party;
}

/** The party described next to "boyfriend": "her boyfriend, aged 24", "her 24-year-old boyfriend". */
function boyfriendParty(mod: string | undefined, after: string, people: PeopleIndex): Party {
  const party: Party = { group: 'unknown' };
  const ageBefore = mod ? /(\d{1,2})[- ]year[- ]old/i.exec(mod) : null;
  if (ageBefore) {
    party.age = Number(ageBefore[1]);
    party.group = party.age < 18 ? 'child' : 'adult';
  }
  if (mod && /older|adult/i.test(mod)) {
    party.older = true;
    if (/adult/i.test(mod)) party.group = 'adult';
  }
  if (party.age === undefined) {
    const m = /^\s*(?:,\s*|\s*\(|\s+)(?:who (?:was|is)\s+|aged\s+|age\s+|then\s+)?(\d{1,2})\b(?![:.]\d)/.exec(after) ?? /^\s*,\s*(?:a|an)\s+(\d{1,2})[- ]year[- ]old/i.exec(after);
    if (m) {
      party.age = Number(m[1]);
      party.group = party.age < 18 ? 'child' : 'adult';
      const tail = /^\s*(?:,\s*|\s*\()?(?:who (?:was|is)\s+|aged\s+|age\s+|then\s+)?\d{1,2}\)?(?=[\s,.;:]|$)/.exec(after);
      if (tail && /^\s*(?:,|\(|\s)/.test(after)) party.consumed = tail[0].length;
    } else {
      const appos = /^\s*,\s*((?:Adult|Male|Female|Mr|Mrs|Ms) [A-Z][\w]*|an? (?:(?:much )?older |adult )?(?:man|woman|male|adult)|a man in his (?:twenties|thirties|forties|fifties|20s|30s|40s|50s))/i.exec(after);
      if (appos) party.group = 'adult';
      else {
        const refs = referents(after.slice(0, 40), people).filter((r) => r.kind === 'name');
        if (refs[0] && /^\s*,\s*$/.test(after.slice(0, refs[0].start))) party.group = refs[0].group;
        if (refs[0]?.age !== undefined) party.age = refs[0].age;
      }
    }
  }
  if (AUTHORITY.test(after.slice(0, 40)) && /^\s*,\s*(?:a|an|the|her|his)\s/i.test(after)) party.authority = true;
  // "a boyfriend of her own age", "a boyfriend from school": a peer.
  if (party.group === 'unknown' && /^\s*(?:,\s*)?(?:(?:of|about|around|roughly) (?:her|his|their|a similar|the same|similar) (?:own )?age|(?:from|at|in) (?:her|his|their|the same)? ?(?:school|class|year group|year)|(?:a|who was a) (?:classmate|pupil|school ?friend|peer))/i.test(after)) party.group = 'child';
  return party;
}

interface Decision {
  severity: Severity;
  why: string;
}

function decide(child: { subject: Subject; age?: number }, other: Party, kind: 'bf' | 'sexual' | 'plain', positive: boolean): Decision | undefined {
  if (child.subject === 'adult') return undefined;
  const sexual = kind !== 'plain';
  if ((other.family || other.authority) && positive && kind === 'plain') return undefined;
  if (other.family && !sexual) return undefined;
  const gap = child.age !== undefined && other.age !== undefined ? other.age - child.age : undefined;
  const otherAdult = other.group === 'adult' || (other.age !== undefined && other.age >= 18);
  const otherOlder = other.older || (gap !== undefined && gap >= 4);
  if (other.group === 'child' && !otherOlder && !(kind === 'sexual' && child.age !== undefined && child.age < 13)) return undefined;
  if (child.subject === 'child') {
    if (otherAdult) return { severity: 'warning', why: other.age !== undefined ? `the other person was ${other.age}` : 'the other person was an adult' };
    if (other.authority) return sexual || kind === 'plain' ? { severity: 'warning', why: 'the other person was in a position of trust' } : undefined;
    if (otherOlder) return { severity: 'warning', why: 'the other person was much older' };
    if (kind === 'sexual' && child.age !== undefined && child.age < 16) return { severity: 'warning', why: `a child of ${child.age} cannot consent in law` };
    if (sexual) return { severity: 'info', why: 'the other person’s age is not stated; if they were an adult or much older, this was abuse' };
    return undefined;
  }
  // The child's side is not known: only note it where the other person is plainly an adult.
  if (otherAdult || otherOlder || (other.authority && sexual)) return { severity: 'info', why: 'the other person was an adult' };
  return undefined;
}

const MESSAGE = "'{{match}}' presents the abuse of a child as a relationship{{who}}. A child cannot be in a relationship with an adult who is abusing or exploiting them, and the word hides the grooming and the power involved (NSPCC; Children's Society language guidance): describe it as abuse, for example '{{example}}'.";
const MESSAGE_UNKNOWN = "'{{match}}': the draft does not say how old {{other}} was. If {{other}} was an adult or much older than {{child}}, this was abuse, not a relationship: give the age and describe it as exploitation, for example '{{example}}'.";
const QUOTED = "'{{match}}' is quoted without comment. If this is a record's or a professional's wording, say so and say why it mattered: calling an adult a child's 'boyfriend' or their abuse a 'relationship' can mask sexual exploitation.";

const CANDIDATES = defineCandidates('victim-blaming/relationship-candidates', QUICK, (local): BlockCandidates<MatchCandidate> => matchCandidates(local, TRIGGER));

function decideBlock(block: Block, next: Block | undefined, items: readonly MatchCandidate[], people: PeopleIndex, out: Report[]): void {
  for (const c of items) decideOne(c, matchContext(block, c, next, people), people, out);
}

function decideOne(c: MatchCandidate, mc: MatchContext, people: PeopleIndex, out: Report[]): void {
  if (notAuthors(mc.voice)) return;
  const g = c.groups;
  const sentence = mc.sentence.text;
  const rel = mc.span.start - mc.sentence.start;
  const relEnd = mc.span.end - mc.sentence.start;
  const after = sentence.slice(relEnd);
  const before = sentence.slice(0, rel);
  let child: { subject: Subject; age?: number; name?: string };
  let other: Party;
  let sexual = false;
  let kind: 'bf' | 'sexual' | 'plain' = 'plain';
  let positive = false;
  let fixes: Fix[] = [];
  let example = 'was being sexually abused by Adult B, who was 24';
  if (g['bf']) {
    // Whose boyfriend: the possessor, or the subject of the clause.
    const poss = (g['poss'] ?? '').trim();
    if (poss) {
      const possAt = mc.span.start;
      const info = subjectOf(mc, possAt, possAt + poss.length);
      child = info;
      if (/['’]s$/.test(poss)) {
        const name = poss.replace(/['’]s$/, '');
        const known = people.byName.get(name);
        const role = referents(name, people)[0];
        if (/^(?:Child|Sibling|Young Person) /.test(name) || /^the child/i.test(name)) child = { subject: 'child', name };
        else if (known) child = { subject: known.group, age: known.age, name };
        else if (role && (role.kind === 'family' || role.kind === 'person' || role.kind === 'professional')) child = { subject: 'adult', name };
        else child = { subject: 'unknown', name };
      }
    } else {
      child = subjectOf(mc);
    }
    other = boyfriendParty(g['mod'], after, people);
    kind = 'bf';
    const isGirl = g['bf']!.toLowerCase().startsWith('girl');
    const noun = other.age !== undefined && other.age >= 18 ? `${other.age}-year-old ${isGirl ? 'woman' : 'man'}` : isGirl ? 'woman' : 'man';
    const object = poss && !/['’]s$/.test(poss) ? objectPronoun(poss) : (child.name ?? (poss ? poss.replace(/['’]s$/, '') : undefined));
    if (poss && object) {
      const replacement = `the ${noun} who was sexually exploiting ${object}`;
      example = replacement;
      const span = { start: mc.span.start, end: mc.span.end + (other.age !== undefined && other.age >= 18 ? (other.consumed ?? 0) : 0) };
      fixes = [suggestion(`Replace with "${replacement}"`, span, replacement)];
    } else example = `the ${noun} who was sexually exploiting her`;
  } else {
    positive = (!!g['rel'] && POSITIVE.test(before)) || (!!g['verb'] && POSITIVE.test(c.text.replace(/relationships?\s+with$/i, '')));
    const qual = g['qual'];
    sexual = !!qual && !/inappropriate|secret/i.test(qual) ? true : !!g['sexverb'] || !!g['date'];
    if (qual && /inappropriate|secret/i.test(qual)) sexual = ABUSE_CUE.test(sentence.replace(qual, ''));
    if (g['rel'] || g['verb'] || g['date']) {
      if (ABUSE_CUE.test(before.slice(-40)) || /\b(sexual|intimate|romantic)\b/i.test(before.slice(-25))) sexual = true;
    }
    // "the relationship between Child R and Adult B".
    if (g['prep'] === 'between') {
      const pair = after.slice(0, 90).split(/[.;]/)[0] ?? '';
      const parts = pair.split(/\band\b/);
      if (parts.length < 2) return;
      const left = otherParty(parts[0]!, people);
      const right = otherParty(parts.slice(1).join('and'), people);
      const firstIsChild = left.group === 'child' || /\bChild [A-Z]/.test(parts[0]!);
      const secondIsChild = right.group === 'child' || /\bChild [A-Z]/.test(parts[1]!);
      if (firstIsChild === secondIsChild) return;
      child = { subject: 'child', age: firstIsChild ? left.age : right.age };
      other = firstIsChild ? right : left;
    } else {
      // "Child R's relationship with …", or the subject of the clause.
      const poss = /((?:Child|Sibling|Young Person) [A-Z]{1,3}|[A-Z][a-z]+)['’]s\s+(?:\w+\s+)?$/.exec(before);
      if (poss && people.byName.has(poss[1]!)) {
        const p = people.byName.get(poss[1]!)!;
        child = { subject: p.group, age: p.age, name: p.name };
      } else if (poss && /^(?:Child|Sibling|Young Person) /.test(poss[1]!)) child = { subject: 'child', name: poss[1]! };
      else child = subjectOf(mc);
      other = otherParty(g['sexverb'] || g['date'] ? after : after, people);
      if (g['qual'] && !/^\s+with\b/i.test(after) && !/\bwith\b/i.test(before.slice(-30))) {
        // "a sexual relationship" with no one named: only a young child is certain.
        other = { group: 'unknown' };
      }
    }
    if (!sexual && other.authority && !ABUSE_CUE.test(sentence)) return;
    kind = sexual ? 'sexual' : 'plain';
    const verb = /^(?:was|were|is|are) in\b/i.exec(c.text);
    if (g['sexverb']) {
      const r = /^(?:had|slept)/i.test(c.text) ? 'was sexually abused by' : /^(?:having|sleeping|engaging)/i.test(c.text) ? 'being sexually abused by' : 'is sexually abused by';
      fixes = [suggestion(`Replace with "${r}"`, mc.span, r)];
      example = `${r} ${other.noun ? `a ${other.noun}` : 'Adult B'}`;
    } else if (verb || /^had\b/i.test(c.text)) {
      const r = verb ? `${verb[0].split(' ')[0]} being sexually abused by` : 'was sexually abused by';
      if (/with$/i.test(c.text)) {
        fixes = [suggestion(`Replace with "${r}"`, mc.span, r)];
        example = `${r} ${other.noun ? `a ${other.noun}` : 'Adult B'}`;
      }
    }
  }
  const d = decide(child, other, kind, positive);
  if (!d) return;
  const quoted = mc.voice.kind === 'quoted';
  const who = child.age !== undefined ? `: ${child.name ?? 'the child'} was ${child.age} and ${d.why}` : d.why ? ` (${d.why})` : '';
  const report: Report = {
    span: mc.span,
    message: fillIn(quoted ? QUOTED : d.severity === 'info' && child.subject === 'child' ? MESSAGE_UNKNOWN : MESSAGE, { match: c.text, who, example, other: g['bf'] && /^girl/i.test(g['bf']) ? 'she' : g['bf'] ? 'he' : 'the other person', child: child.name ?? 'the child' }),
    severity: quoted ? 'info' : d.severity,
  };
  if (!quoted && fixes.length) report.fixes = fixes;
  out.push(report);
}

const check: BlockCheck<MatchCandidate> = { candidates: CANDIDATES, readsPeople: true, decide: decideBlock };

/** The check. */
export const noAbuseAsRelationship: Check = {
  meta: {
    id: 'no-abuse-as-relationship',
    category: 'victim-blaming',
    kind: 'check',
    severity: 'warning',
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Do not call a child’s abuser their boyfriend or the abuse a relationship; describe it as abuse.',
    message: MESSAGE,
    rationale:
      'Calling an adult who is abusing a child her "boyfriend", or describing the abuse as a "relationship" or a "sexual relationship", frames it as consensual and between equals, and it can mask sexual exploitation: the language guides single out "older boyfriend" for this reason, and a 15-year-old "involved in a sexual relationship" with a teacher is a child being abused by a person in a position of trust. The check decides from what the draft states: the ages given for the child and the other person ("Child R, aged 14", "her boyfriend, aged 24", "a 24-year-old man"), anonymisation codes (Adult B), roles of trust (teacher, coach, carer) and the possessor of "boyfriend". It stays quiet for relationships between adults (a mother and her partner), between children of a similar age, for ordinary family and professional relationships ("a trusting relationship with her teacher"), for offence names and for wording the review quotes and challenges. When the child is known but the other person\'s age is not, "boyfriend" gets an information note asking whether he was an adult; when neither side is known, nothing is said. The suggestion keeps the child\'s pronoun or pseudonym ("the 24-year-old man who was sexually exploiting her").',
    good: 'Child R, aged 14, was being sexually exploited by Adult B, a 24-year-old man she had met online.',
    sources: [SOURCES.guidanceTable, SOURCES.panelExploitation, SOURCES.annualReviewLanguage, SOURCES.pitfalls],
    examples: {
      valid: [
        { text: 'Child R, aged 14, was being sexually exploited by Adult B, a 24-year-old man she had met online.' },
        { text: 'Her mother, aged 35, was in a relationship with Adult B, who was 40.', note: 'a relationship between adults' },
        { text: "Mother's new boyfriend moved into the flat in March.", note: 'an adult’s partner' },
        { text: 'Child R, 15, had a boyfriend of her own age at school.', note: 'a peer relationship' },
        { text: 'Child R, 15, and her boyfriend, 16, were both seen by the school nurse.', note: 'children of a similar age' },
        { text: 'Child R had a trusting relationship with her teacher, who was the first person she told.', note: 'an ordinary relationship with a person in authority' },
        { text: 'Jordan had a close relationship with his grandmother.', note: 'family' },
        { text: 'The relationship between the mother and Adult B was marked by coercive control.', note: 'between adults' },
        { text: 'Adult B, 31, was convicted of sexual activity with a child and of abuse of a position of trust.', note: 'offence names' },
        { text: "Police recorded Adult B as her 'boyfriend'; the review regards this as language that masked her sexual exploitation.", note: 'quoted and challenged' },
        { text: 'The review used the Signs of Safety model and the relationship with the family improved.', note: 'a model of practice and a working relationship' },
      ],
      invalid: [
        {
          text: 'Child R, aged 14, spent weekends with her boyfriend, aged 24.',
          match: 'her boyfriend',
          output: 'Child R, aged 14, spent weekends with the 24-year-old man who was sexually exploiting her.',
        },
        { text: 'Child R, 13, was seen getting into cars with her older boyfriend.', match: 'her older boyfriend' },
        {
          text: 'Child R, aged 15, was in a relationship with a 22-year-old man.',
          match: 'was in a relationship with',
          output: 'Child R, aged 15, was being sexually abused by a 22-year-old man.',
        },
        { text: 'At 15 she was involved in a sexual relationship with her teacher.', match: 'sexual relationship' },
        { text: 'Jordan, 14, had a girlfriend, aged 19, who gave him drugs.', match: 'girlfriend', note: 'boys are exploited too' },
        { text: 'Child R, aged 14, had sex with Adult B at the flat.', match: 'had sex with', output: 'Child R, aged 14, was sexually abused by Adult B at the flat.' },
        { text: 'Child R, aged 14, spoke often about her boyfriend.', match: 'her boyfriend', severity: 'info', note: 'his age is not stated: a note, not a warning' },
      ],
    },
  },
  run(ctx) {
    runBlockCheck(ctx, check);
  },
};
