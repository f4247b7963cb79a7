/**
 * Decides whether the words near a match are about a child or an adult, from the ages and roles
 * the draft states. When nothing tells, the answer is 'unknown' and rules choose their own default.
 *
 * Age is the age at the time being described: "Child R, now 19, was described as a young woman" is
 * about Child R at the time of the events, not now; "Child R, now 19, is a young woman" is about now.
 * A parent's own adolescence ("her mother, as a teenager, …", "Mother, then 16, …") is about a child.
 */
import type { Block, ParsedDocument } from '../document/model';
import { detach } from '../document/parse';
import { defineFact, factsOf, perDocumentValue } from '../facts';

/** Who a stretch of text is about. */
export type Subject = 'child' | 'adult' | 'unknown';

/** A person's stated gender, when the words give it. */
export type Gender = 'female' | 'male';

/** When an age applies: at the time described, now (at the time of writing), later (by a trial), or unstated. */
export type When = 'then' | 'now' | 'later' | 'plain';

/** An age stated in the text. */
export interface AgeMention {
  age: number;
  start: number;
  end: number;
  when: When;
}

/** A mention of a person (or a pronoun) in the text. */
export interface Referent {
  start: number;
  end: number;
  text: string;
  kind: 'child' | 'family' | 'professional' | 'person' | 'name' | 'pronoun' | 'age';
  group: Subject;
  gender?: Gender;
  age?: number;
  when?: When;
}

/** A person the draft names, with what it says about them. */
export interface Person {
  name: string;
  group: Subject;
  age?: number;
  gender?: Gender;
}

/** The people of a draft by name, and a matcher for their names. */
export interface PeopleIndex {
  byName: ReadonlyMap<string, Person>;
  /** Matches any known name (global), or undefined when there are none. */
  names?: RegExp;
}

/** What was decided about the subject of a match. */
export interface SubjectInfo {
  subject: Subject;
  age?: number;
  /** The pseudonym or role word that names the subject, when the text gives one. */
  name?: string;
  gender?: Gender;
  /** The referent the decision rests on. */
  referent?: Referent;
}

const CHILD_AGE = 18;

// Ages: "aged 14", "14-year-old", "14 years old", "14 years of age", "in Year 9", "at 13", "then 15",
// "now 19", "when she was 15", "Child R (14)", "Adult B, 24,".
const AGE_SOURCES_I = [
  String.raw`\b(?:aged|age|ages)\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+|almost\s+)?(\d{1,2})(?![\d:.]\d)(?:\s+(?:weeks?|months?|days?)(?:\s+old)?)?\b`,
  String.raw`\b(\d{1,2})[- ](?:week|month|day)s?[- ]old\b`,
  String.raw`\b(\d{1,2})[- ](?:year|yr)s?[- ]old\b`,
  String.raw`\b(\d{1,2}) years? of age\b`,
  String.raw`\b(?:in|into|entered|entering|started|starting|joined|of|a|her|his|their) year (\d{1,2})\b(?! of the)|\byear (\d{1,2}) (?:pupil|student|class|group)s?\b`,
  String.raw`\b(?:at|then|now|who was|who is|who were|when (?:she|he|they) (?:was|were)|(?:she|he|they) (?:was|were) (?:only|just|still)) (\d{1,2})\b(?![:.]\d|\s*(?:am|pm|a\.m|p\.m|o'clock|o’clock|hours?|hrs|minutes?|mins?|days?|weeks?|months?|years?|times|miles|km|%|per ?cent|th|st|nd|rd)\b|\s+[A-Z][a-z]+ (?:Street|Road|Avenue|Lane|Close|Drive|Way|Court|Place|Crescent|Terrace|Gardens))`,
  String.raw`\b(?:was|were|is) (\d{1,2})(?=\s+(?:at the time|when|then|and|at that time|by)\b|[,.;)]|$)`,
];
// Ages attached to a name by brackets or commas: "Child R (14)", "Adult B, 24,".
const AGE_SOURCES_CS = [
  String.raw`(?<=(?:\b(?:Child|Adult|Sibling|Baby|Male|Female|Person) [A-Z0-9]{1,3}|\b[A-Z][a-z]{2,}|\b(?:girl|boy|son|daughter|brother|sister|mother|father|partner|boyfriend|girlfriend|sibling|child|man|woman|baby|uncle|aunt|carer)) ?)\((?:aged |age )?(\d{1,2})\)`,
  String.raw`(?<=(?:\bChild [A-Z]{1,3}|\bAdult [A-Z0-9]{1,3}|\b(?:[Mm]other|[Ff]ather|[Ss]ister|[Bb]rother|[Pp]artner|[Uu]ncle|[Aa]unt|[Cc]ousin|[Bb]oyfriend|[Gg]irlfriend|[Ss]on|[Dd]aughter|[Cc]arer|[Gg]randmother|[Gg]randfather|[Ss]tep-?(?:father|mother|brother|sister)|[Hh]alf-(?:brother|sister))|\b[A-Z][a-z]{2,}(?<!\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|However|Later|Then|There|Here|In|At|On|By|Of|To|And)))), (\d{1,2})(?=,|\)| (?:and|was|were|had|is|lived)\b)`,
];
const AGE_I = new RegExp(AGE_SOURCES_I.join('|'), 'gi');
const AGE_CS = new RegExp(AGE_SOURCES_CS.join('|'), 'g');

// Life stages that make an adult of the rest of the review a child at the time described.
const LIFE_STAGE_CHILD = /\b(as a (?:young )?(?:teenager|teen|child|girl|boy|minor|pupil|schoolgirl|schoolboy|13|14|15|16|17)(?=\s*[,.;:)—–]|\s*$|\s+(?:she|he|they|her|his|herself|himself|in|at|and|was|were|had|by|of|who|when)\b)|in (?:her|his|their) (?:early |mid[- ])?teens|when (?:she|he|they) (?:was|were) (?:a )?(?:child|teenager|teen|young girl|young boy|at school|still at school|in care|under 18|under 16)|during (?:her|his|their) (?:own )?(?:childhood|adolescence|teenage years|teens)|(?:her|his|their) own (?:childhood|adolescence|teenage years)|(?:still|then) (?:a )?(?:child|teenager|minor)|teenage (?:mother|parent|father|mum|dad)|under (?:the age of )?(?:16|18)|a minor)\b/i;
const LIFE_STAGE_ADULT = /\bin (?:her|his|their) (?:early |mid[- ]|late )?(?:twenties|thirties|forties|fifties|sixties|20s|30s|40s|50s|60s)\b/i;

const NOW_BEFORE = /\b(?:now|currently|today|presently|is now|are now|who is now|has since turned|since turned)\s+(?:aged\s+|an?\s+)?$/i;
const NOW_AFTER = /^\s*(?:years? old\s+)?(?:now|today|at the time of (?:writing|this review|the review|publication|this report)|when (?:she|he|they) (?:spoke to|met|talked to) the (?:review|reviewer|author|panel))/i;
const LATER_BEFORE = /\b(?:by the time of (?:the )?(?:trial|hearing|court case|sentencing|conviction|inquest|review)[^.;]{0,30}|later|subsequently|by then|turned|when (?:she|he|they) turned)\s*(?:aged\s+)?$/i;
const LATER_AFTER = /^\s*(?:years? old\s+)?(?:by the time of|at the time of (?:the )?(?:trial|sentencing|hearing|court|conviction|inquest)|when (?:the case|it) (?:came|went) to (?:court|trial)|at (?:the )?(?:trial|sentencing))/i;
const THEN_BEFORE = /\b(?:then|at the time|at that time|when (?:she|he|they) (?:was|were)|was then|were then|who was then)\s*(?:aged\s+)?$/i;
const THEN_AFTER = /^\s*(?:years? old\s+)?(?:at the time|then|when|during|at that time)/i;

/** When the age stated at `start`..`end` of `text` applies: then, now, later, or unstated. */
export function whenAt(text: string, start: number, end: number): When {
  return whenOf(text, start, end);
}

function whenOf(text: string, start: number, end: number): When {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  if (NOW_BEFORE.test(before) || NOW_AFTER.test(after)) return 'now';
  if (LATER_BEFORE.test(before) || LATER_AFTER.test(after)) return 'later';
  if (THEN_BEFORE.test(before) || THEN_AFTER.test(after)) return 'then';
  return 'plain';
}

/** Every age stated in `text`, with when it applies (school years converted to the usual age). */
export function ageMentions(text: string): AgeMention[] {
  const out: AgeMention[] = [];
  if (!/\d/.test(text)) return out;
  for (const re of [AGE_I, AGE_CS]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const value = m.slice(1).find((g) => g !== undefined);
      if (value === undefined) continue;
      const raw = Number(value);
      const school = /\byear \d/i.test(m[0]) && !/old/i.test(m[0]);
      if (school && (raw < 1 || raw > 13)) continue;
      const infant = /\d[- ]*(?:weeks?|months?|days?)\b/i.test(m[0]);
      const age = infant ? 0 : school ? raw + 5 : raw;
      const start = m.index;
      if (out.some((a) => start < a.end && start + m![0].length > a.start)) continue;
      // Judge "now 19" and "then 15" from the words up to the number itself.
      const digits = start + m[0].search(/\d/);
      out.push({ age, start, end: start + m[0].length, when: whenOf(text, digits, start + m[0].length) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Ages stated in `text`, as numbers (school years converted to the usual age). */
export function statedAges(text: string): number[] {
  return ageMentions(text).map((a) => a.age);
}

// Words that name people. Order inside each alternation matters only for readability.
const CHILD_WORD = String.raw`child(?:ren)?|girls?|boys?|bab(?:y|ies)|infants?|toddlers?|teenagers?|teens?|adolescents?|young (?:people|person)|pupils?|students? at (?:the )?school|sons?|daughters?|siblings?|brothers?|sisters?|step-?(?:son|daughter)s?|grand(?:son|daughter)s?|minors?|juveniles?|schoolgirls?|schoolboys?`;
const FAMILY_WORD = String.raw`famil(?:y|ies)|households?|mothers?|mum|mums|fathers?|dad|dads|parents?|step-?(?:father|mother|parent|dad|mum)s?|partners?|boyfriends?|girlfriends?|husbands?|wife|wives|uncles?|aunts?|aunties?|grand(?:father|mother|parent|ma|pa|dad|mum)s?|carers?|foster carers?|kinship carers?|special guardians?|guardians?`;
const PROFESSIONAL_WORD = String.raw`teachers?|officers?|(?:social |youth |support |key |care |family support |outreach )?workers?|professionals?|practitioners?|nurses?|doctors?|GPs?|health visitors?|midwi(?:fe|ves)|managers?|staff|clinicians?|police|paediatricians?|psychiatrists?|psychologists?|consultants?|therapists?|counsellors?|head ?teachers?|headteachers?|school|schools|agenc(?:y|ies)|services|CAMHS|social care|the review(?:er)?|the panel|the author|the court|the judge|magistrates?|the local authority|the council|records?|case notes|notes|files|assessments?|the referral|referrals`;
const DOCUMENT = /^(?:records?|case notes|notes|files|assessments?|the referral|referrals|reports?|minutes|logs?)$/i;
const PERSON_WORD = String.raw`young (?:man|woman|lady|men|women|ladies)|adults?|men|man|women|woman|perpetrators?|offenders?|abusers?|suspects?|defendants?|males?|females?`;
const PRONOUN_WORD = String.raw`she|he|they|her|him|his|them|their|hers|theirs`;

const REFERENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${CHILD_WORD})|(${FAMILY_WORD})|(${PROFESSIONAL_WORD})|(${PERSON_WORD})|(${PRONOUN_WORD}))(?![\p{L}\p{N}])`,
  'giu',
);
// Anonymisation codes and titles, matched case-sensitively: "Child R", "Adult B", "Male 1", "Mr K".
const CODE = /(?<![\p{L}\p{N}])(?:((?:Child|Sibling|Baby|Young Person|YP) (?:[A-Z]{1,3}|[0-9]{1,2}))|((?:Adult|Male|Female|Person) [A-Z0-9]{1,3}|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][\p{L}'’-]*))(?![\p{L}\p{N}])/gu;

const FEMALE = /^(?:girls?|daughters?|sisters?|step-?daughters?|granddaughters?|schoolgirls?|mothers?|mum|mums|girlfriends?|wife|wives|aunts?|aunties?|grandmothers?|grandma|grandmum|step-?(?:mother|mum)s?|women|woman|females?|Mrs|Ms|Miss|she|her|hers)\b/i;
const MALE = /^(?:boys?|sons?|brothers?|step-?sons?|grandsons?|schoolboys?|fathers?|dad|dads|boyfriends?|husbands?|uncles?|grandfathers?|grandpa|granddad|step-?(?:father|dad)s?|men|man|males?|Mr|he|him|his)\b/i;

function genderOf(word: string): Gender | undefined {
  if (/^(?:Male|Female) [0-9A-Z]/.test(word)) return word.startsWith('F') ? 'female' : 'male';
  if (FEMALE.test(word)) return 'female';
  if (MALE.test(word)) return 'male';
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const fromNamesMemo = new Map<string, PeopleIndex>();

/** Builds an index from plain child pseudonyms (as the front matter lists them); memoised. */
export function peopleFromNames(childNames: readonly string[]): PeopleIndex {
  const key = childNames.join('\u0001');
  const hit = fromNamesMemo.get(key);
  if (hit) return hit;
  if (fromNamesMemo.size > 200) fromNamesMemo.clear();
  const index = buildFromNames(childNames);
  fromNamesMemo.set(key, index);
  return index;
}

function buildFromNames(childNames: readonly string[]): PeopleIndex {
  const byName = new Map<string, Person>();
  for (const n of childNames) {
    const name = n.trim();
    if (!name || name.length > 40 || !/^\p{Lu}/u.test(name)) continue;
    if (/^(Adult|Mr|Mrs|Ms|Miss|Dr|Male|Female|Mother|Father|Mum|Dad|Partner)\b/i.test(name)) {
      byName.set(name, { name, group: 'adult' });
    } else byName.set(name, { name, group: 'child' });
  }
  return withMatcher(byName);
}

function withMatcher(byName: Map<string, Person>): PeopleIndex {
  const names = [...byName.keys()].filter((n) => /[\p{L}]/u.test(n)).sort((a, b) => b.length - a.length);
  if (names.length === 0) return { byName };
  return { byName, names: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRe).join('|')})(?:'s|’s)?(?![\\p{L}\\p{N}])`, 'gu') };
}

const EMPTY: PeopleIndex = { byName: new Map() };

const referentMemo = new WeakMap<PeopleIndex, Map<string, Referent[]>>();

/** Mentions of people in `text`, in order, with ages attached where the text attaches them (memoised; do not mutate). */
export function referents(text: string, people: PeopleIndex = EMPTY): Referent[] {
  let memo = referentMemo.get(people);
  if (!memo) {
    memo = new Map();
    referentMemo.set(people, memo);
  }
  const hit = memo.get(text);
  if (hit) return hit;
  if (memo.size > 5000) memo.clear();
  const out = computeReferents(text, people);
  memo.set(text, out);
  return out;
}

function computeReferents(text: string, people: PeopleIndex): Referent[] {
  const out: Referent[] = [];
  const ages = ageMentions(text);
  const taken: Array<[number, number]> = [];
  if (people.names) {
    people.names.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = people.names.exec(text))) {
      const name = m[0].replace(/(?:'s|’s)$/, '');
      const p = people.byName.get(name);
      out.push({ start: m.index, end: m.index + name.length, text: name, kind: 'name', group: p?.group ?? 'unknown', gender: p?.gender, age: p?.age });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  CODE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CODE.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const word = m[0];
    out.push({ start, end, text: word, kind: m[1] ? 'child' : 'person', group: m[1] ? 'child' : 'adult', gender: genderOf(word) });
    taken.push([start, end]);
  }
  REFERENT.lastIndex = 0;
  while ((m = REFERENT.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const word = m[0];
    let kind: Referent['kind'];
    let group: Subject;
    if (m[1]) {
      kind = 'child';
      group = 'child';
    } else if (m[2]) {
      kind = 'family';
      group = 'adult';
    } else if (m[3]) {
      kind = 'professional';
      group = 'adult';
    } else if (m[4]) {
      kind = 'person';
      group = 'adult';
    } else {
      kind = 'pronoun';
      group = 'unknown';
    }
    out.push({ start, end, text: word, kind, group, gender: genderOf(word) });
  }
  out.sort((a, b) => a.start - b.start);
  // Attach ages: "Child R, aged 14", "Adult B (24)", "her mother, then 16", and "a 14-year-old girl".
  for (const a of ages) {
    const after = out.find((r) => r.start >= a.end && r.start - a.end <= 12 && /^[\s-]*(?:[\w-]+\s+)?$/.test(text.slice(a.end, r.start)) && r.kind !== 'pronoun');
    const beforeRef = [...out].reverse().find((r) => r.end <= a.start && a.start - r.end <= 40 && r.kind !== 'pronoun' && r.kind !== 'professional' && /^[\s,(]*(?:(?:who|which) (?:was|is|were)\s*|was\s*|is\s*|(?:then|now|at the time)\s*,?\s*|(?:a|an)\s+)?(?:aged\s+|age\s+)?$/i.test(text.slice(r.end, a.start).replace(/(?:'s|’s)$/, '')));
    const isAdjective = /year[- ]old$/i.test(text.slice(a.start, a.end)) && /^[\s-]+[\p{L}]/u.test(text.slice(a.end, a.end + 3));
    const target = isAdjective && after ? after : (beforeRef ?? (isAdjective ? after : undefined));
    if (target && target.age === undefined) {
      target.age = a.age;
      target.when = a.when;
    } else if (!target) {
      out.push({ start: a.start, end: a.end, text: text.slice(a.start, a.end), kind: 'age', group: a.age < CHILD_AGE ? 'child' : 'adult', age: a.age, when: a.when });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

// A verb of reporting between an antecedent and a pronoun: "her mother said she was …" is ambiguous.
const REPORTING = /\b(said|says|told|tells|felt|feels|thought|thinks|believed|believes|described|describes|reported|reports|stated|states|explained|explains|recalled|recalls|claimed|claims|considered|considers|recorded|records|noted|notes|wrote|writes|asked|worried|feared|accepted|denied|saw|sees|seen|viewed|views|regarded|regards|treated|treats|perceived|perceives|labelled|labels|called|calls|characterised|deemed|judged|assessed|found|referred to|concluded|were concerned|was concerned)\b/i;

// Present-tense framing of the clause that holds the match: "is now a young woman".
const PRESENT_FRAME = /\b(is|are|'s|’s|has become|have become|remains|remain|seems|appears|looks|lives|describes (?:herself|himself|themselves)|now|today|currently)\b[^,;]{0,40}$/i;
const PAST_FRAME = /\b(was|were|had|became|seemed|appeared|looked|acted|behaved|presented|at the time|then)\b[^,;]{0,40}$/i;

/** Is the clause before `at` in `text` about now rather than about the time described? */
export function presentFrame(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  // "she is described as …", "is recorded as": the historic present of a document, not now.
  if (/\b(?:is|are)\s+(?:\w+ly\s+)?(?:described|recorded|called|referred to|seen|viewed|portrayed|labelled|noted|said|characterised|presented|treated|mentioned|named)\b/i.test(before)) return false;
  const p = PRESENT_FRAME.exec(before);
  if (!p) return false;
  const q = PAST_FRAME.exec(before);
  return !q || p.index > q.index;
}

const OBJECT_BEFORE = /\b(?:by|with|to|from|for|about|towards|against|near|around|among|amongst|between|including|alongside|than|in|on|at|of|into|within|under|after|before|during|throughout|via)\s+(?:(?:a|an|the|her|his|their|its|own|older|younger|adult|several|two|three|four|five|other|known|local|unknown|some|many|male|female|\d+|\d{1,2}-year-old)\s+){0,3}$/i;

function isObject(text: string, r: Referent): boolean {
  if (r.kind === 'pronoun') return false;
  return OBJECT_BEFORE.test(text.slice(Math.max(0, r.start - 60), r.start));
}

function ageGroup(r: Referent, present: boolean): { group: Subject; age?: number } {
  if (r.age !== undefined) {
    const usable = present ? r.when !== 'then' : r.when !== 'now' && r.when !== 'later';
    if (usable) return { group: r.age < CHILD_AGE ? 'child' : 'adult', age: r.age };
  }
  if (r.kind === 'name' && r.age !== undefined && !present) return { group: r.age < CHILD_AGE ? 'child' : 'adult', age: r.age };
  return { group: r.group };
}

function compatible(pronoun: Referent, r: Referent): boolean {
  if (!pronoun.gender || !r.gender) return true;
  return pronoun.gender === r.gender;
}

function decide(r: Referent, present: boolean, clause: string): SubjectInfo {
  const { group, age } = ageGroup(r, present);
  let subject = group;
  // A parent's own adolescence: "her mother, as a teenager, …".
  if (subject === 'adult' && age === undefined && !present && LIFE_STAGE_CHILD.test(clause)) subject = 'child';
  if (subject !== 'adult' && age === undefined && LIFE_STAGE_ADULT.test(clause) && !LIFE_STAGE_CHILD.test(clause)) subject = 'adult';
  const info: SubjectInfo = { subject, referent: r };
  if (age !== undefined) info.age = age;
  if (r.kind === 'name' || r.kind === 'child' && /^(?:Child|Sibling|Baby|Young Person|YP)\b/.test(r.text)) info.name = r.text;
  const g = r.gender ?? (r.kind === 'name' ? undefined : genderOf(r.text));
  if (g) info.gender = g;
  return info;
}

/**
 * Who the words at `matchStart` in `text` (one sentence) are about. `preceding` is the text of the
 * paragraph before the sentence, used only to resolve a pronoun; `people` knows the draft's names.
 */
export function subjectAt(text: string, matchStart: number, people: PeopleIndex = EMPTY, preceding = '', matchEnd = matchStart): SubjectInfo {
  const clauseStart = Math.max(0, Math.max(text.lastIndexOf('; ', matchStart), text.lastIndexOf(': ', matchStart)) + 1);
  const clause = text.slice(clauseStart, matchStart);
  const present = presentFrame(text, matchStart);
  const refs = referents(text, people);
  const before = refs.filter((r) => r.end <= matchStart && r.start >= clauseStart);
  // Life stage stated for the subject in the sentence ("at the time a 15-year-old", "as a teenager").
  const sentenceStage = LIFE_STAGE_CHILD.test(text);
  for (let i = before.length - 1; i >= 0; i--) {
    const r = before[i]!;
    if (r.kind === 'pronoun') {
      // Resolve to the nearest non-professional antecedent, unless a reporting verb sits between.
      for (let j = i - 1; j >= 0; j--) {
        const a = before[j]!;
        if (a.kind === 'pronoun' || a.kind === 'professional') continue;
        if (!compatible(r, a)) continue;
        if (/^(?:she|he|they)$/i.test(r.text) && REPORTING.test(text.slice(a.end, r.start))) return { subject: 'unknown', gender: r.gender };
        return decide(a, present, clause + (sentenceStage ? ' as a teenager' : ''));
      }
      // "In Year 9 he was …": a lone age in the sentence with no other person named.
      const lone = refs.filter((x) => x.kind === 'age');
      const nouns = refs.filter((x) => x.kind !== 'pronoun' && x.kind !== 'professional' && x.kind !== 'age');
      if (lone.length === 1 && nouns.length === 0) return decide(lone[0]!, present, clause);
      const fromBefore = resolveFromPreceding(preceding, r, people);
      if (fromBefore) return fromBefore;
      const info: SubjectInfo = { subject: sentenceStage && !present ? 'child' : 'unknown' };
      if (r.gender) info.gender = r.gender;
      return info;
    }
    // A professional reporting about someone ("the school said …") does not decide who is meant,
    // and documents ("records", "the referral") are never the person described.
    if (r.kind === 'professional' && (REPORTING.test(text.slice(r.end, matchStart)) || DOCUMENT.test(r.text))) continue;
    // "Child V's 'sex work'": the possessor of the words matched is who they are about.
    if (/^['’]s\s+(?:[\p{L}-]+\s+){0,2}["'“‘]?$/u.test(text.slice(r.end, matchStart))) return decide(r, present, clause);
    // The object of a preposition ("described by police", "time with older men") is not the subject.
    if (isObject(text, r)) continue;
    // "a young woman who makes her own decisions": resolve "young woman" like a pronoun.
    if (/^young (?:m[ae]n|wom[ae]n|lad(?:y|ies))$/i.test(r.text) && r.age === undefined) {
      for (let j = i - 1; j >= 0; j--) {
        const a = before[j]!;
        if (a.kind === 'professional' || (a.kind === 'pronoun' && !/^(?:she|he|they)$/i.test(a.text))) continue;
        if (!compatible(r, a)) continue;
        if (a.kind === 'pronoun') {
          const fromBefore = resolveFromPreceding(preceding, a, people);
          if (fromBefore) return fromBefore;
          return { subject: 'unknown' };
        }
        return decide(a, present, clause);
      }
      return { subject: 'unknown' };
    }
    return decide(r, present, clause);
  }
  // A pronoun inside the match ("her risky behaviour", "herself") names the subject.
  const inside = refs.find((r) => r.start >= matchStart && r.end <= matchEnd && r.kind === 'pronoun');
  if (inside) {
    const fromBefore = resolveFromPreceding(preceding, inside, people);
    if (fromBefore) return fromBefore;
    const info: SubjectInfo = { subject: sentenceStage && !present ? 'child' : 'unknown' };
    if (inside.gender) info.gender = inside.gender;
    return info;
  }
  // Nothing before the match in its clause: "Streetwise and confident, Jordan …".
  const after = refs.find((r) => r.start >= matchEnd && r.kind !== 'pronoun' && r.kind !== 'professional');
  if (after && /,/.test(text.slice(matchEnd, after.start)) && !/[;:]/.test(text.slice(matchEnd, after.start))) return decide(after, present, text);
  const pronounAfter = refs.find((r) => r.start >= matchEnd && r.kind === 'pronoun');
  if (pronounAfter) {
    const fromBefore = resolveFromPreceding(preceding, pronounAfter, people);
    if (fromBefore) return fromBefore;
  }
  return { subject: sentenceStage && !present ? 'child' : 'unknown' };
}

/** Resolves a pronoun from the paragraph's earlier sentences; undefined when they disagree. */
function resolveFromPreceding(preceding: string, pronoun: Referent, people: PeopleIndex): SubjectInfo | undefined {
  if (!preceding.trim()) return undefined;
  // Only the last sentence or two: a pronoun rarely reaches further.
  const parts = preceding.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
  for (let k = parts.length - 1; k >= Math.max(0, parts.length - 2); k--) {
    const s = parts[k]!;
    const cands = referents(s, people).filter((r) => r.kind !== 'pronoun' && r.kind !== 'professional' && compatible(pronoun, r));
    if (cands.length === 0) continue;
    const decided = cands.map((c) => decide(c, false, s));
    const groups = new Set(decided.map((d) => d.subject));
    if (groups.size === 1 && !groups.has('unknown')) return decided[decided.length - 1];
    return undefined;
  }
  return undefined;
}

/**
 * Who the words just before a match are about. `childNames` are pseudonyms the draft uses for
 * children (Child R, a first name defined as a child's); `preceding` is the paragraph's text before
 * the sentence, used to resolve pronouns.
 */
export function subjectBefore(text: string, matchStart: number, childNames: readonly string[] = [], preceding = ''): Subject {
  return subjectAt(text, matchStart, peopleFromNames(childNames), preceding).subject;
}

// Names with ages in running text: "Jordan (15)", "Jordan, 15,", "Jordan, aged 15", "Jordan, a
// 15-year-old", "Jordan was 15", "Child R, then 14".
const NAMED_AGE = new RegExp(
  String.raw`\b((?:Child|Sibling|Baby|Adult|Young Person|YP) [A-Z0-9]{1,3}|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z'’-]+|[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)(?:'s|’s)?(?:,| \(| was| is| who was| who is)? ?(?:then |now |at the time |a |an |aged |age |only |just )*(?:aged |age )?(\d{1,2})(?:[- ]years?[- ]old)?\b(?![:.]\d| ?(?:am|pm|minutes?|hours?|days?|weeks?|months?|times|%)\b)`,
  'g',
);
const NOT_NAMES = new Set([
  'The', 'This', 'That', 'These', 'Those', 'There', 'Then', 'When', 'Where', 'While', 'After', 'Before', 'During', 'Between', 'From', 'Since', 'Until', 'Aged', 'Age', 'Year', 'Years', 'About', 'Around', 'Over', 'Under', 'Only', 'Just', 'Some', 'Both', 'Each', 'Every', 'Many', 'Most', 'Section', 'Paragraph', 'Page', 'Table', 'Figure', 'Chapter', 'Appendix', 'Recommendation', 'Finding', 'Episode', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'However', 'Later', 'Here', 'Also', 'Key', 'Stage', 'Level', 'Phase', 'Part', 'Step', 'Tier', 'Grade', 'Class', 'Room', 'Group', 'Band', 'Week', 'Day', 'Term', 'Line', 'Question', 'Practice', 'Learning', 'Review', 'Panel',
]);

function frontMatterPeople(doc: ParsedDocument, byName: Map<string, Person>): void {
  for (const n of doc.frontMatter.pseudonyms) {
    const name = n.trim();
    if (!name || name.length > 40 || byName.has(name) || !/^\p{Lu}/u.test(name)) continue;
    byName.set(name, { name, group: /^(Adult|Mr|Mrs|Ms|Miss|Dr|Male|Female)\b/.test(name) ? 'adult' : 'child' });
  }
  const raw = doc.frontMatter.raw;
  const describe = (name: string, value: unknown): void => {
    if (typeof name !== 'string' || !name.trim() || name.length > 40 || !/^\p{Lu}/u.test(name.trim())) return;
    const key = name.trim();
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : value && typeof value === 'object' ? JSON.stringify(value) : '';
    const ages = ageMentions(text).filter((a) => a.when !== 'now' && a.when !== 'later');
    const bare = /^\s*(\d{1,2})\s*$/.exec(text);
    const ageObj = value && typeof value === 'object' ? (value as Record<string, unknown>)['age'] : undefined;
    const age = typeof ageObj === 'number' ? ageObj : bare ? Number(bare[1]) : ages[0]?.age;
    const prev = byName.get(key);
    const adultWord = /\b(adult|mother|father|mum|dad|partner|uncle|aunt|grand|step-?(father|mother)|carer|man|woman|perpetrator|offender)\b/i.test(text) && !/\b(child|girl|boy|son|daughter|sibling|baby|young person|pupil)\b/i.test(text);
    const childWord = /\b(child|girl|boy|son|daughter|sibling|baby|young person|pupil|teenager)\b/i.test(text);
    const group: Subject = age !== undefined ? (age < CHILD_AGE ? 'child' : 'adult') : adultWord ? 'adult' : childWord ? 'child' : prev?.group ?? 'unknown';
    const person: Person = { name: key, group };
    if (age !== undefined) person.age = age;
    const g = /\b(girl|daughter|female|she|her|sister|mother|woman)\b/i.test(text) ? 'female' : /\b(boy|son|male|he|his|brother|father|man)\b/i.test(text) ? 'male' : undefined;
    if (g) person.gender = g;
    byName.set(key, person);
  };
  for (const field of ['pseudonyms', 'pseudonym', 'children', 'child', 'people', 'family', 'ages']) {
    const v = raw[field];
    if (Array.isArray(v)) {
      for (const item of v) {
        if (item && typeof item === 'object') {
          const rec = item as Record<string, unknown>;
          const name = rec['name'] ?? rec['pseudonym'];
          if (typeof name === 'string') describe(name, rec);
        }
      }
    } else if (v && typeof v === 'object') {
      for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
        // "child: Child R" maps a role to a name; "Child R: girl, 14" maps a name to a description.
        if (typeof val === 'string' && /^(?:child|mother|father|sibling|carer|partner|grand\w*|step\w*|brother|sister|uncle|aunt|adult)(?:[-_ ]?\d+)?$/i.test(k)) describe(val, k);
        else describe(k, val);
      }
    }
  }
}

/** Names given an age in one block, with the age, in order (ages said to be now or later left out). */
type NamedAges = readonly { name: string; age: number }[];
const NO_AGES: NamedAges = [];
const NAMED_AGES = defineFact('people/named-ages', (block): NamedAges => {
  if (block.kind === 'code' || block.kind === 'front-matter' || block.kind === 'comment' || block.role === 'references') return NO_AGES;
  if (!/\d/.test(block.prose)) return NO_AGES;
  const out: { name: string; age: number }[] = [];
  NAMED_AGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMED_AGE.exec(block.prose))) {
    const name = m[1]!;
    const first = name.split(' ')[0]!;
    if (NOT_NAMES.has(first) || NOT_NAMES.has(name)) continue;
    const ageStart = m.index + m[0].lastIndexOf(m[2]!);
    const when = whenOf(block.prose, ageStart, ageStart + m[2]!.length);
    if (when === 'now' || when === 'later') continue;
    out.push({ name: detach(name), age: Number(m[2]) });
  }
  return out.length ? out : NO_AGES;
});

/**
 * The last few people indexes built, with what they were built from. After an edit that touches no
 * age and not the front matter, the same index object comes back, so that what checks remember per
 * index (names already resolved, say) stays valid.
 */
const recent: { frontMatter: ParsedDocument['frontMatter']; ages: NamedAges[]; index: PeopleIndex }[] = [];

function builtFrom(frontMatter: ParsedDocument['frontMatter'], facts: readonly NamedAges[]): PeopleIndex | undefined {
  for (const r of recent) {
    // No front matter names nobody, whichever parse it came from.
    if (r.frontMatter !== frontMatter && (r.frontMatter.span || frontMatter.span)) continue;
    let i = 0;
    let same = true;
    for (const f of facts) {
      if (f === NO_AGES) continue;
      if (r.ages[i++] !== f) {
        same = false;
        break;
      }
    }
    if (same && i === r.ages.length) return r.index;
  }
  return undefined;
}

/**
 * The people a draft names, from its front matter and from ages it attaches to names in the text
 * ("Jordan (15)", "Child R, aged 14", "Adult B, 24"). Computed once per parsed document, from
 * per-block facts so that an edit reads only the edited paragraph again.
 */
export function buildPeople(doc: ParsedDocument): PeopleIndex {
  return perDocumentValue(doc, NAMED_AGES, () => {
    const facts = factsOf(doc, NAMED_AGES);
    const known = builtFrom(doc.frontMatter, facts);
    if (known) return known;
    const byName = new Map<string, Person>();
    frontMatterPeople(doc, byName);
    for (const found of facts) {
      for (const { name, age } of found) {
        const prev = byName.get(name);
        // The first stated age is usually the age at the events; keep the youngest.
        if (prev?.age !== undefined && prev.age <= age) continue;
        const person: Person = { name, group: age < CHILD_AGE ? 'child' : 'adult', age };
        if (prev?.gender) person.gender = prev.gender;
        byName.set(name, person);
      }
    }
    const index = withMatcher(byName);
    recent.unshift({ frontMatter: doc.frontMatter, ages: facts.filter((f) => f !== NO_AGES), index });
    if (recent.length > 4) recent.pop();
    return index;
  });
}

/** The text of `block` before the sentence that holds `at`, for pronoun resolution. */
export function precedingInBlock(block: Block, at: number): string {
  const s = block.sentences.find((x) => x.start <= at && at < x.end);
  const start = s ? s.start : at;
  return block.prose.slice(0, Math.max(0, start - block.start));
}
