/** What the draft says about each child: age, whether a baby or non-verbal, whether they died, and any trace of their own voice. */
import type { ParsedDocument } from '../../document/model';
import type { InvolvementAnalysis, Unit } from './analysis';
import { agesIn } from './ages';
import { kindOf } from './family-members';
import { CHILD_DIED, CHILD_SAY, DAILY_LIFE, STRONG_ANCHOR, VOICE_HEADING } from './lexicon';

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
// The child as speaker: "Child A told", "Ella, then 13, said", "Child A's views".
const SPEAKS_AFTER = /^(?:\s*\(\d{1,2}\))?(?:,[^,;.]{0,50},)?(?:\s+(?:is|was) (?:a|an) [^.;]{0,40}? who)?\s+(?:(?:had|has|have|also|often|later|then|once|repeatedly|clearly|consistently|recently|previously|sometimes|would|could|still)\s+)*(?:told|tells|tell|said|says|say|described|describes|explained|wrote|writes|disclosed|asked|asks|ask|wanted|wants|want|wished|hoped|liked|likes|like|loved|loves|enjoyed|enjoys|hated|felt|feels|expressed|talked|talk|spoke|speak|shared|drew|chose|did not want|did not like|does not want|was (?:proud|frightened|scared|afraid|happy|sad|worried|angry|clear)|is (?:proud|frightened|scared|afraid|happy|sad|worried|angry|clear))\b/i;
const POSSESSIVE_VOICE = /^(?:['’]s|s['’])\s+(?:own\s+)?(?:views?|voice|wishes|feelings|perspective|lived experience|daily life|experiences?|words|account|story|hopes|fears|worries|day|days|routine|world)\b/i;
const DIED_HINT = /die|death|kill|murder|passed away|fatal|sudden|sudi|sudc|own life|suicide/;
const CHILD_WORD = /\b(?:child|baby|infant|son|daughter|girl|boy|young person)\b|\b(?:Child|Baby) [A-Z]{1,3}\b/i;
const CHILD_NAMED = /\b(?:Child|Baby|Young Person) [A-Z]{1,3}[0-9]{0,2}\b|\bthe (?:child|baby|young person)\b/;
// "her own views", "Child M's wishes and feelings", also where the review notes their absence.
const VOICE_NOUN = /\b(?:her|his|their|the child.s|the baby.s|(?:Child|Baby|Young Person) [A-Z]{1,3}[0-9]{0,2}(?:'s|’s)) (?:own )?(?:views|voice|wishes(?: and feelings)?|feelings|lived experience|daily life|perspective)\b/;
const PRONOUN_SPEAKS = /\b(?:she|he|they)\s+(?:(?:had|has|have|also|often|later|then|once|repeatedly|clearly|would|could|still|now)\s+)*(?:told|tells|said|says|described|describes|explained|explains|wrote|writes|disclosed|asked|asks|wanted|wants|wished|wishes|hoped|hopes|liked|likes|loved|loves|enjoyed|enjoys|hated|felt|feels|expressed|talked|spoke|shared|drew|chose|did not want|did not like|does not want|does not like|was (?:proud|frightened|scared|afraid|happy|sad|worried|angry)|is (?:proud|frightened|scared|afraid|happy|sad|worried|angry))\b/i;
const IN_OWN_WORDS = /\bin (?:his|her|their) own words\b|\bwhat (?:life|(?:his|her|their) (?:life|day)) was like\b/i;

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

function computeChildFacts(doc: ParsedDocument, a: InvolvementAnalysis): ChildFacts[] {
  const byKey = new Map<string, ChildFacts>();
  const get = (key: string): ChildFacts => {
    let f = byKey.get(key);
    if (!f) {
      f = { key, label: kindOf(a.table, key).label, baby: false, nonVerbal: false, died: false, voice: false, dailyLife: false, sayAddressed: false };
      byKey.set(key, f);
    }
    return f;
  };
  const voiceSections = new Set(a.sections.filter((s) => VOICE_HEADING.test(s.section.title)).map((s) => s.index));
  const title = doc.sections[0]?.title ?? '';
  const titleDeath = CHILD_DIED.test(title);
  let docDied = false;
  let lastChild: { block: Unit['block']; keys: string[] } | undefined;
  const childAliases = [...a.table.aliases].filter(([, k]) => k.startsWith('child:')).map(([n]) => n);
  for (const u of a.units) {
    // A recommendation to hear children is not their voice.
    if (u.role === 'recommendations') continue;
    const refs = u.people.filter((p) => p.keys.some((k) => isChildKey(a, k)));
    const lower = u.text.toLowerCase();
    if (!docDied && !u.quoted && DIED_HINT.test(lower) && CHILD_DIED.test(u.text) && (refs.length > 0 || CHILD_WORD.test(u.text)) && !/child death overview|\bCDOP\b/i.test(u.text)) docDied = true;
    const inVoiceSection = u.section !== undefined && voiceSections.has(u.section.index);
    const namesChild = refs.length > 0 || CHILD_NAMED.test(u.text) || childAliases.some((n) => u.text.includes(n));
    // Someone else named first: a later "she said" is no longer about the child ("The mother attended. She disclosed…").
    if (refs.length === 0 && u.people.length > 0 && !/^\s*(?:she|he|they|her|his|their)\b/i.test(u.text) && u.people[0]!.start - u.span.start < (PRONOUN_SPEAKS.exec(u.text)?.index ?? Infinity)) lastChild = undefined;
    let keys: string[];
    if (refs.length > 0) keys = [...new Set(refs.flatMap((r) => r.keys.filter((k) => isChildKey(a, k))))];
    else if (namesChild || inVoiceSection) keys = a.table.children.length > 0 ? [a.table.children[0]!] : ['child'];
    else if (lastChild && lastChild.block === u.block) {
      // "She said she worried about her mother." after a sentence about the child, in the same paragraph.
      for (const k of lastChild.keys) {
        const f = get(k);
        if (PRONOUN_SPEAKS.test(u.text) || IN_OWN_WORDS.test(u.full) || VOICE_NOUN.test(u.text)) f.voice = true;
        if (DAILY_LIFE.test(u.text)) f.dailyLife = true;
      }
      continue;
    } else continue;
    lastChild = { block: u.block, keys };
    for (const r of refs) {
      const after = u.full.slice(r.end - u.span.start, r.end - u.span.start + 60);
      const upTo = after.split(/[.;]/)[0]!;
      for (const k of r.keys) {
        if (!isChildKey(a, k)) continue;
        const f = get(k);
        for (const age of agesIn(upTo)) f.age = Math.max(f.age ?? 0, age);
        if (SPEAKS_AFTER.test(after) || POSSESSIVE_VOICE.test(after)) f.voice = true;
      }
    }
    const text = u.full;
    for (const k of keys) {
      const f = get(k);
      if (BABY.test(u.text) && refs.length > 0) f.baby = f.baby || /\b(?:the baby|baby [A-Z]|infant|newborn|\d+[- ](?:weeks?|months?)[- ]old|aged \d+ (?:weeks|months))\b/i.test(u.text);
      if (NON_VERBAL.test(u.text)) f.nonVerbal = true;
      if (IN_OWN_WORDS.test(text) || (u.quoted && refs.length > 0) || inVoiceSection || VOICE_NOUN.test(u.text)) f.voice = true;
      if (DAILY_LIFE.test(u.text) || inVoiceSection) f.dailyLife = true;
      if (CHILD_SAY.test(u.text) && (u.section?.involvement || u.section?.method || STRONG_ANCHOR.test(u.text))) f.sayAddressed = true;
    }
  }
  for (const s of a.statements) {
    for (const [k, st] of s.byPerson) {
      if (!isChildKey(a, k)) continue;
      const f = get(k);
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
