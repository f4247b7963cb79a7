/** What the draft says about each child: age, whether a baby or non-verbal, whether they died, and any trace of their own voice. */
import type { ParsedDocument } from '../../document/model';
import type { InvolvementAnalysis, Unit } from './analysis';
import { kindOf } from './family-members';
import { CHILD_DIED, CHILD_SAY, DAILY_LIFE, STRONG_ANCHOR, VOICE_HEADING } from './lexicon';
import { memoBy, memoTest } from './memo';
import { afterRef, CHILD_NAMED, diesInText } from './units';

/** Facts about one child. */
export interface ChildFacts {
  key: string;
  label: string;
  /** The oldest age the draft gives them, in years (months as fractions). */
  age?: number;
  baby: boolean;
  nonVerbal: boolean;
  died: boolean;
  /** Their own words, views, wishes or feelings appear somewhere. */
  voice: boolean;
  /** Their daily life or lived experience is described. */
  dailyLife: boolean;
  /** The draft says whether they were offered a say in the review. */
  sayAddressed: boolean;
}

const BABY = /\b(?:bab(?:y|ies)|infants?|newborn|neonat\w*|pre-?verbal|\d+[- ](?:weeks?|months?)[- ]old|aged \d+ (?:weeks|months))\b/i;
const NON_VERBAL = /\bnon-?verbal\b|\b(?:does|did) not (?:use )?(?:speak|speech|words)\b|\bno (?:spoken )?(?:language|words|speech)\b|\bcommunicat\w* (?:difficult\w*|needs)\b|\bPECS\b|\bmakaton\b|\bpicture exchange\b/i;
const CHILD_WORD = /\b(?:child|baby|infant|son|daughter|girl|boy|young person)\b|\b(?:Child|Baby) [A-Z]{1,3}\b/i;
// "her own views", "Child M's wishes and feelings", also where the review notes their absence.
const VOICE_NOUN = /\b(?:her|his|their|the child.s|the baby.s|(?:Child|Baby|Young Person) [A-Z]{1,3}[0-9]{0,2}(?:'s|’s)) (?:own )?(?:views|voice|wishes(?: and feelings)?|feelings|lived experience|daily life|perspective)\b/;
const PRONOUN_SPEAKS = /\b(?:she|he|they)\s+(?:(?:had|has|have|also|often|later|then|once|repeatedly|clearly|would|could|still|now)\s+)*(?:told|tells|said|says|described|describes|explained|explains|wrote|writes|disclosed|asked|asks|wanted|wants|wished|wishes|hoped|hopes|liked|likes|loved|loves|enjoyed|enjoys|hated|felt|feels|expressed|talked|spoke|shared|drew|chose|did not want|did not like|does not want|does not like|was (?:proud|frightened|scared|afraid|happy|sad|worried|angry)|is (?:proud|frightened|scared|afraid|happy|sad|worried|angry))\b/i;
const IN_OWN_WORDS = /\bin (?:his|her|their) own words\b|\bwhat (?:life|(?:his|her|their) (?:life|day)) was like\b/i;

const BABY_NAMED = /\b(?:the baby|baby [A-Z]|infant|newborn|\d+[- ](?:weeks?|months?)[- ]old|aged \d+ (?:weeks|months))\b/i;

// What one unit's own text says, as bits.
const DIED = 1;
const CHILD_TERM = 2;
const NAMES_CHILD = 4;
const STARTS_PRONOUN = 8;
/** The child, named earlier in the paragraph, speaks: "She said she worried about her mother." */
const SPEAKS_LATER = 16;
const DAILY = 32;
const BABY_WORDS = 64;
const NON_VERBAL_WORDS = 128;
const OWN_VOICE = 256;
const SAY = 512;
const STRONG = 1024;

/** The child-related bits of a unit, and where a pronoun starts speaking ("she said"), or -1. */
export interface ChildText {
  bits: number;
  pronounSpeaks: number;
}

/** The bits read from the unit's text alone; `voiceNoun` waits for the test on the text with quotations. */
interface TextBits extends ChildText {
  voiceNoun: boolean;
}

function textBits(text: string): TextBits {
  let bits = 0;
  if (diesInText(text)) bits |= DIED;
  if (CHILD_WORD.test(text)) bits |= CHILD_TERM;
  if (CHILD_NAMED.test(text)) bits |= NAMES_CHILD;
  if (/^\s*(?:she|he|they|her|his|their)\b/i.test(text)) bits |= STARTS_PRONOUN;
  const speaks = PRONOUN_SPEAKS.exec(text);
  if (speaks) bits |= SPEAKS_LATER;
  if (DAILY_LIFE.test(text)) bits |= DAILY;
  if (BABY.test(text) && BABY_NAMED.test(text)) bits |= BABY_WORDS;
  if (NON_VERBAL.test(text)) bits |= NON_VERBAL_WORDS;
  if (CHILD_SAY.test(text)) bits |= SAY;
  if (STRONG_ANCHOR.test(text)) bits |= STRONG;
  return { bits, pronounSpeaks: speaks ? speaks.index : -1, voiceNoun: VOICE_NOUN.test(text) };
}

/**
 * A unit's child bits. Worked out only for blocks that may say something about a child, and found
 * again by text (the same string while the block is unchanged).
 */
const textBitsCache = new Map<string, TextBits>();

function childText(text: string, full: string): ChildText {
  const t = memoBy(textBitsCache, text, textBits);
  const ownVoice = memoTest(IN_OWN_WORDS, full) || t.voiceNoun;
  if (!ownVoice) return t;
  return { bits: t.bits | SPEAKS_LATER | OWN_VOICE, pronounSpeaks: t.pronounSpeaks };
}

function isChildKey(a: InvolvementAnalysis, key: string): boolean {
  return kindOf(a.table, key).role === 'child';
}

const factsCache = new WeakMap<InvolvementAnalysis, ChildFacts[]>();

/** Facts about each child the draft names (the generic "the child" when it names none); cached per analysis. */
export function childFacts(doc: ParsedDocument, a: InvolvementAnalysis): ChildFacts[] {
  const hit = factsCache.get(a);
  if (hit) return hit;
  const out = computeChildFacts(doc, a);
  factsCache.set(a, out);
  return out;
}

/** The deltas of one block's units (or one table row), in the order the facts are touched. */
function unitDeltas(
  units: readonly Unit[],
  from: number,
  to: number,
  voiceSections: ReadonlySet<number>,
  isChild: (k: string) => boolean,
  primary: string | undefined,
): { deltas: ChildDelta[]; died: boolean } {
  const deltas: ChildDelta[] = [];
  const get = (key: string): ChildDelta => {
    const d: ChildDelta = { key };
    deltas.push(d);
    return d;
  };
  let docDied = false;
  let lastChild: { block: Unit['block']; keys: string[] } | undefined;
  for (let i = from; i < to; i++) {
    const u = units[i]!;
    // A recommendation to hear children is not their voice.
    if (u.role === 'recommendations') continue;
    const refs = u.people.length === 0 ? u.people : u.people.filter((p) => p.keys.some(isChild));
    const ct = u.local ? (u.local.child ??= childText(u.text, u.full)) : childText(u.text, u.full);
    const bits = ct.bits;
    if (!docDied && !u.quoted && bits & DIED && (refs.length > 0 || bits & CHILD_TERM)) docDied = true;
    const inVoiceSection = u.section !== undefined && voiceSections.has(u.section.index);
    const namesChild = refs.length > 0 || (bits & NAMES_CHILD) !== 0 || u.found.namesChildAlias;
    // Someone else named first: a later "she said" is no longer about the child ("The mother attended. She disclosed…").
    if (refs.length === 0 && u.people.length > 0 && !(bits & STARTS_PRONOUN) && u.people[0]!.start - u.span.start < (ct.pronounSpeaks >= 0 ? ct.pronounSpeaks : Infinity)) lastChild = undefined;
    let keys: string[];
    // One reference's keys are already distinct.
    if (refs.length === 1) keys = refs[0]!.keys.filter(isChild);
    else if (refs.length > 0) keys = [...new Set(refs.flatMap((r) => r.keys.filter(isChild)))];
    else if (namesChild || inVoiceSection) keys = primary !== undefined ? [primary] : ['child'];
    else if (lastChild && lastChild.block === u.block) {
      // "She said she worried about her mother." after a sentence about the child, in the same paragraph.
      for (const k of lastChild.keys) {
        const f = get(k);
        if (bits & SPEAKS_LATER) f.voice = true;
        if (bits & DAILY) f.dailyLife = true;
      }
      continue;
    } else continue;
    lastChild = { block: u.block, keys };
    for (const r of refs) {
      const after = afterRef(u.full, r.end - u.span.start);
      for (const k of r.keys) {
        if (!isChild(k)) continue;
        const f = get(k);
        for (const age of after.ages) f.age = Math.max(f.age ?? 0, age);
        if (after.speaks) f.voice = true;
      }
    }
    for (const k of keys) {
      const f = get(k);
      if (bits & BABY_WORDS && refs.length > 0) f.baby = true;
      if (bits & NON_VERBAL_WORDS) f.nonVerbal = true;
      if (bits & OWN_VOICE || (u.quoted && refs.length > 0) || inVoiceSection) f.voice = true;
      if (bits & DAILY || inVoiceSection) f.dailyLife = true;
      if (bits & SAY && (u.section?.involvement || u.section?.method || bits & STRONG)) f.sayAddressed = true;
    }
  }
  return { deltas: merged(deltas), died: docDied };
}

/** The deltas with one per child, in the order each child was first touched (flags join, ages take the maximum). */
function merged(deltas: ChildDelta[]): ChildDelta[] {
  if (deltas.length < 2) return deltas;
  const byKey = new Map<string, ChildDelta>();
  for (const d of deltas) {
    const m = byKey.get(d.key);
    if (!m) {
      byKey.set(d.key, { ...d });
      continue;
    }
    addDelta(m, d);
  }
  return byKey.size === deltas.length ? deltas : [...byKey.values()];
}

/** Adds what a delta says to a child's facts, or to another delta for the same child. */
function addDelta(to: Omit<ChildDelta, 'key'>, d: ChildDelta): void {
  if (d.age !== undefined) to.age = Math.max(to.age ?? 0, d.age);
  if (d.baby) to.baby = true;
  if (d.nonVerbal) to.nonVerbal = true;
  if (d.voice) to.voice = true;
  if (d.dailyLife) to.dailyLife = true;
  if (d.sayAddressed) to.sayAddressed = true;
}

/** What one unit says about a child, to be added to the child's facts (flags only ever become true; ages take the maximum). */
interface ChildDelta {
  key: string;
  age?: number;
  baby?: boolean;
  nonVerbal?: boolean;
  voice?: boolean;
  dailyLife?: boolean;
  sayAddressed?: boolean;
}

/** A block's deltas in order, with what they were worked out from beyond the block's own facts. */
interface BlockChildMemo {
  keys: readonly (readonly string[])[];
  /** 1: the section is about the child's voice; 2: it is an involvement or method section. */
  section: number;
  primary: string | undefined;
  deltas: ChildDelta[];
  died: boolean;
}

/** Keyed by the people facts of the block's first unit (which stand for the block's text). */
const blockMemos = new WeakMap<object, BlockChildMemo>();

/** Whether the people of units [from, to) have exactly the keys remembered, without building the list. */
function samePeopleKeys(keys: readonly (readonly string[])[], units: readonly Unit[], from: number, to: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    for (const p of units[i]!.people) {
      const x = keys[n++];
      if (x === undefined) return false;
      const y = p.keys;
      if (x === y) continue;
      if (x.length !== y.length) return false;
      for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
    }
  }
  return n === keys.length;
}

function peopleKeys(units: readonly Unit[], from: number, to: number): string[][] {
  const out: string[][] = [];
  for (let i = from; i < to; i++) for (const p of units[i]!.people) out.push(p.keys);
  return out;
}

function inert(units: readonly Unit[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const u = units[i]!;
    if (u.people.length > 0 || u.found.namesChildAlias || u.found.childHint) return false;
  }
  return true;
}

/**
 * The first unit of every block (or row) the child facts may read, in document order: those the
 * analysis found naming someone, a child or a death, and every one in a child's-voice section.
 */
function groupHeads(a: InvolvementAnalysis, voiceSections: ReadonlySet<number>): readonly number[] {
  if (voiceSections.size === 0) return a.childHeads;
  const voice: number[] = [];
  for (const s of voiceSections) for (const u of a.unitsBySection.get(s) ?? []) if (u.part <= 0) voice.push(u.index);
  if (voice.length === 0) return a.childHeads;
  voice.sort((x, y) => x - y);
  const out: number[] = [];
  const heads = a.childHeads;
  let i = 0;
  let j = 0;
  while (i < heads.length || j < voice.length) {
    const x = i < heads.length ? heads[i]! : Infinity;
    const y = j < voice.length ? voice[j]! : Infinity;
    if (x <= y) {
      out.push(x);
      i++;
      if (x === y) j++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** Whether a key is a child's: a pure function of the key (codes and pseudonyms carry their role in it). */
const childKeyCache = new Map<string, boolean>();

function computeChildFacts(doc: ParsedDocument, a: InvolvementAnalysis): ChildFacts[] {
  const byKey = new Map<string, ChildFacts>();
  const real = (key: string): ChildFacts => {
    let f = byKey.get(key);
    if (!f) {
      f = { key, label: kindOf(a.table, key).label, baby: false, nonVerbal: false, died: false, voice: false, dailyLife: false, sayAddressed: false };
      byKey.set(key, f);
    }
    return f;
  };
  const voiceSections = new Set(a.sections.filter((s) => memoTest(VOICE_HEADING, s.section.title)).map((s) => s.index));
  const title = doc.sections[0]?.title ?? '';
  const titleDeath = CHILD_DIED.test(title);
  let docDied = false;
  const isChild = (k: string): boolean => {
    let v = childKeyCache.get(k);
    if (v === undefined) {
      if (childKeyCache.size >= 10_000) childKeyCache.clear();
      childKeyCache.set(k, (v = isChildKey(a, k)));
    }
    return v;
  };
  const primary = a.table.children[0];
  const units = a.units;
  for (const from of groupHeads(a, voiceSections)) {
    const head = units[from]!;
    let to = from + 1;
    while (to < units.length && units[to]!.blockIndex === head.blockIndex && units[to]!.part > 0) to++;
    const section = (head.section !== undefined && voiceSections.has(head.section.index) ? 1 : 0) | (head.section?.involvement || head.section?.method ? 2 : 0);
    // A block that names nobody, no child and no death, outside a voice section, says nothing about a child.
    if (head.role === 'recommendations' || (!(section & 1) && inert(units, from, to))) continue;
    let result: { deltas: ChildDelta[]; died: boolean };
    if (head.part < 0) result = unitDeltas(units, from, to, voiceSections, isChild, primary);
    else {
      const memo = blockMemos.get(head.found);
      if (memo && memo.section === section && memo.primary === primary && samePeopleKeys(memo.keys, units, from, to)) result = memo;
      else {
        result = unitDeltas(units, from, to, voiceSections, isChild, primary);
        blockMemos.set(head.found, { keys: peopleKeys(units, from, to), section, primary, deltas: result.deltas, died: result.died });
      }
    }
    if (result.died) docDied = true;
    for (const d of result.deltas) {
      addDelta(real(d.key), d);
    }
  }
  for (const s of a.statements) {
    for (const [k, st] of s.byPerson) {
      if (!isChild(k)) continue;
      const f = real(k);
      f.sayAddressed = true;
      // A child who took part in the review has been heard; whether the report shows it is another question.
      if (st.has('took-part')) f.voice = true;
    }
  }
  if (titleDeath || docDied) for (const f of byKey.values()) f.died = true;
  for (const f of byKey.values()) if (f.age !== undefined && f.age < 2) f.baby = true;
  // "The child" and a named child are usually the same person; keep the generic entry only if no child is named.
  if (byKey.size > 1 && byKey.has('child')) {
    const generic = byKey.get('child')!;
    byKey.delete('child');
    const primary = byKey.get(a.table.children[0] ?? '') ?? [...byKey.values()][0]!;
    primary.voice ||= generic.voice;
    primary.dailyLife ||= generic.dailyLife;
    primary.sayAddressed ||= generic.sayAddressed;
    primary.baby ||= generic.baby;
    primary.died ||= generic.died;
    if (generic.age !== undefined) primary.age = Math.max(primary.age ?? 0, generic.age);
  }
  return [...byKey.values()];
}

/** Units that show the child at all, for anchoring. */
export function firstChildUnit(a: InvolvementAnalysis, key: string): Unit | undefined {
  return a.units.find((u) => u.people.some((p) => p.keys.includes(key)));
}
