/**
 * Who an identity statement is about: the child, the family, a parent or carer, someone else (a
 * professional, an interpreter), people in general, or nobody the words name. Kept local to the
 * identity-context rules, which need "family" and "generic" as well as child and adult.
 */
import { STATISTICS } from './lexicon';

/** The person an identity statement is about. */
export type IdentitySubject = 'child' | 'family' | 'parent' | 'other' | 'generic' | 'unknown';

const CHILD = /\b(?:child|baby|infant|toddler|newborn|boy|girl|son|daughter|young\s+person|teenager|adolescent|pupil|student|sibling|brother|sister|half-?brother|half-?sister|step-?son|step-?daughter|grandson|granddaughter|twin|children|siblings|boys|girls|sons|daughters|brothers|sisters|twins|young\s+people|teenagers|pupils)\b|\b(?:Child|Sibling|Baby|Young\s+Person)\s+[A-Z0-9]{1,3}\b/gi;
const FAMILY = /\b(?:family|families|household|households|couple|parents|carers|grandparents)\b/gi;
const ADULT = /\b(?:mother|mum|father|dad|step-?father|step-?mother|step-?parent|partner|boyfriend|girlfriend|husband|wife|grandmother|grandfather|grandparent|nan|aunt|auntie|uncle|cousin|carer|guardian|adult|man|woman|men|women|mothers|fathers)\b|\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z\u00C0-\u00DE]|\b(?:Adult|Male|Female)\s+[A-Z0-9]{1,3}\b/gi;
const OTHER = /\b(?:social\s+workers?|workers?|teachers?|officers?|GPs?|nurses?|health\s+visitors?|midwi(?:fe|ves)|doctors?|paediatricians?|practitioners?|professionals?|interpreters?|staff|managers?|clinicians?|therapists?|police|reviewers?|author|consultants?|SENCOs?|head\s*teachers?|tutors?|advocates?|chair|translators?|volunteers?|mentors?)\b/gi;
const PLURAL = /^(?:children|siblings|boys|girls|sons|daughters|brothers|sisters|young\s+people|teenagers|pupils|families|households|parents|carers|mothers|fathers|men|women|grandparents)$/i;
const DETERMINER = /\b(?:the|these|those|both|all|her|his|their|its|our|my|your|two|three|four|five|six|seven|eight|nine|ten|\d+|[A-Za-z\u00C0-\u024F]+['’]s)\s+(?:[A-Za-z\u00C0-\u024F-]+\s+){0,3}$/i;
// Words that tie a sentence to particular people: a code, a pronoun, "the family".
const SPECIFIC = /\b(?:Child|Baby|Adult|Sibling|Young\s+Person)\s+[A-Z0-9]{1,3}\b|\b(?:he|she|his|him|hers|himself|herself)\b|\b(?:the|this)\s+(?:family|household|child|boy|girl|baby|mother|father|parents)\b|\b(?:Mr|Mrs|Ms|Miss|Mx)\b/u;
const PRONOUN = /\b(?:he|she|they|him|her|his|hers|them|their|theirs|himself|herself|themselves)\b/i;
// An aside that names someone else: "Child A, who lives with her father, is…" or "(her father's)".
const ASIDE = /,\s*(?:who|whose|which|with|like)\b[^,]*,|\([^)]*\)/gi;

interface Ref {
  kind: 'child' | 'family' | 'parent' | 'other';
  index: number;
  end: number;
  text: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function refsIn(text: string, childNames: readonly string[]): Ref[] {
  const refs: Ref[] = [];
  const scan = (re: RegExp, kind: Ref['kind']): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) refs.push({ kind, index: m.index, end: m.index + m[0].length, text: m[0] });
  };
  scan(CHILD, 'child');
  scan(FAMILY, 'family');
  scan(ADULT, 'parent');
  scan(OTHER, 'other');
  for (const name of childNames) {
    // A name the text does not hold cannot match; drafts list dozens of pseudonyms, so skip building their patterns.
    if (!name || !text.includes(name)) continue;
    const re = new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'gu');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) refs.push({ kind: 'child', index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // A longer reference wins over one inside it ("foster carer" over "carer", "Child A" over "child").
  refs.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: Ref[] = [];
  for (const r of refs) {
    const last = out[out.length - 1];
    if (last && r.index < last.end) continue;
    out.push(r);
  }
  return out;
}

function blank(text: string, re: RegExp): string {
  re.lastIndex = 0;
  return text.replace(re, (m) => ' '.repeat(m.length));
}

/** A bare plural ("Black boys are…") about people in general, not about anyone this sentence names. */
function isGeneric(ref: Ref, before: string, sentence: string, childNames: readonly string[]): boolean {
  if (!PLURAL.test(ref.text) || DETERMINER.test(before)) return false;
  if (STATISTICS.test(sentence)) return true;
  return !SPECIFIC.test(sentence) && !childNames.some((n) => n && sentence.includes(n));
}

/**
 * Who the words at [start, end) of `sentence` are about. Looks first at a person word right after
 * the statement ("a White British family"), then back through the clause, skipping asides.
 */
export function subjectOf(sentence: string, start: number, end: number, childNames: readonly string[] = []): IdentitySubject {
  // A person noun inside or right after the match: "Black British boy", "Somali heritage family".
  const lastWordStart = sentence.slice(start, end).search(/[\p{L}-]+$/u);
  const tailFrom = lastWordStart >= 0 ? start + lastWordStart : end;
  const tail = sentence.slice(tailFrom, Math.min(sentence.length, end + 30));
  const lastWordLength = end - tailFrom;
  const tailRefs = refsIn(tail, childNames).filter((r) => r.index < lastWordLength || /^[\s-]*(?:[\p{L}-]+\s+)?$/u.test(tail.slice(lastWordLength, r.index)));
  const first = tailRefs[0];
  if (first && first.kind !== 'other') {
    const before = sentence.slice(Math.max(0, start - 40), start);
    if (isGeneric(first, before, sentence, childNames)) return 'generic';
    return first.kind;
  }
  const clauseStart = Math.max(sentence.lastIndexOf(';', start), 0);
  let segment = sentence.slice(clauseStart, start);
  segment = blank(segment, ASIDE);
  const refs = refsIn(segment, childNames);
  const last = refs[refs.length - 1];
  if (!last) {
    if (STATISTICS.test(sentence) && !PRONOUN.test(sentence.slice(clauseStart, start))) return 'generic';
    return 'unknown';
  }
  const before = segment.slice(0, last.index);
  if (isGeneric(last, before, sentence, childNames)) return 'generic';
  if (last.kind === 'parent' || last.kind === 'child') {
    // "Child A and her mother are…", "Mother and the children are…": the family.
    for (let i = refs.length - 2; i >= 0; i--) {
      const r = refs[i]!;
      const between = segment.slice(r.end, last.index);
      if (!/^\s*(?:,\s*|\s+)?(?:and|&)\s+(?:(?:her|his|their|the|both)\s+)?(?:[\p{L}-]+\s+)?$/iu.test(between) && !/^\s*,\s*$/u.test(between)) break;
      if ((r.kind === 'child' && last.kind === 'parent') || (r.kind === 'parent' && last.kind === 'child') || r.kind === 'family') return 'family';
    }
    // "Child A's mother" stays the mother; "the mother's son" stays the child.
  }
  return last.kind;
}
