/**
 * Decides whether the words near a match are about a child or an adult, from the ages and roles
 * the draft states. When nothing tells, the answer is 'unknown' and rules choose their own default.
 */

/** Who a stretch of text is about. */
export type Subject = 'child' | 'adult' | 'unknown';

const CHILD_AGE = 18;

// "aged 14", "age 14", "14-year-old", "14 years old", "at 14" (only with a nearby child word), "Year 9".
const AGE = /\b(?:aged|age|ages)\s+(\d{1,2})\b|\b(\d{1,2})[- ](?:year|yr)s?[- ]old\b|\b(\d{1,2}) years? of age\b|\bYear (\d{1,2})\b|\b(?:at|then|now) (\d{1,2})(?=\W|$)(?! (?:am|pm|o'clock|hours|weeks|months|days|minutes))/gi;

// Words that name children and adults. Pronouns are deliberately absent: they tell nothing alone.
const CHILD_WORDS = /\b(child(ren)?|girls?|boys?|bab(y|ies)|infants?|toddlers?|teenagers?|adolescents?|young (people|person)|pupils?|students? at (school|the school)|sons?|daughters?|siblings?|brothers?|sisters?|step-?(son|daughter)s?|grand(son|daughter)s?|looked[- ]after|minors?|juveniles?|children in care|school ?girls?|school ?boys?)\b|\bChild [A-Z]{1,3}\b|\bSibling [A-Z0-9]\b/;
const ADULT_WORDS = /\b(adults?|men|man|women|woman|mothers?|mum|fathers?|dad|parents?|step-?(father|mother|parent)s?|partners?|boyfriend|girlfriend|husband|wife|uncle|aunt|grand(father|mother|parent)s?|carers?|perpetrators?|offenders?|abusers?|suspects?|teachers?|officers?|workers?|professionals?|practitioners?|nurses?|doctors?|GPs?|health visitors?|midwi(fe|ves)|manager|staff|clinicians?|Mr|Mrs|Ms|Miss)\b|\bAdult [A-Z0-9]{1,3}\b|\b(Male|Female) [0-9A-Z]\b/;

/** Ages stated in `text`, as numbers (school years converted to the usual age). */
export function statedAges(text: string): number[] {
  const ages: number[] = [];
  AGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AGE.exec(text))) {
    if (m[4]) ages.push(Number(m[4]) + 5);
    else ages.push(Number(m[1] ?? m[2] ?? m[3] ?? m[5]));
  }
  return ages;
}

/**
 * Who the words just before a match are about. `childNames` are pseudonyms the draft uses for
 * children (Child R, a first name defined as a child's).
 */
export function subjectBefore(text: string, matchStart: number, childNames: readonly string[] = []): Subject {
  // Look back to the start of the clause; a comma-separated aside often carries the age.
  const window = text.slice(Math.max(0, matchStart - 160), matchStart);
  const clause = window.split(/[.;!?]\s/).pop() ?? window;
  const ages = statedAges(clause);
  const lastAge = ages[ages.length - 1];
  if (lastAge !== undefined) return lastAge < CHILD_AGE ? 'child' : 'adult';
  const names = childNames.some((n) => n && clause.includes(n));
  // Use the nearest person word: in "her mother's partner said Child R…" the last word wins.
  const childAt = lastIndexOf(clause, CHILD_WORDS);
  const adultAt = lastIndexOf(clause, ADULT_WORDS);
  if (names && childAt < 0) return 'child';
  if (childAt < 0 && adultAt < 0) return names ? 'child' : 'unknown';
  return childAt >= adultAt ? 'child' : 'adult';
}

function lastIndexOf(text: string, pattern: RegExp): number {
  const g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) last = m.index;
  return last;
}
