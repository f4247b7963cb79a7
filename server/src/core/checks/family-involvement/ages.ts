/** Ages written after a child's name: "aged 7", "13-year-old", "(12)", "Year 9". */

const AGE = /\baged (\d{1,2})(?: (weeks?|months?))?\b|\b(\d{1,2})[- ](years?|months?|weeks?)[- ]old\b|\b(\d{1,2}) years? of age\b|\b(?:now|then) (\d{1,2})\b(?! (?:am|pm|years ago|weeks|months|days))|\bage (\d{1,2})\b|^\s*,?\s*\((\d{1,2})\)|\bYear (\d{1,2})\b|\b(?:was|is|turned) (\d{1,2})(?=\s*(?:years\b|when\b|at the time\b|and\b|,|\.|;|$))/gi;

/** Ages (in years) written in a short stretch after a child's name. */
export function agesIn(text: string): number[] {
  const out: number[] = [];
  AGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AGE.exec(text))) {
    if (m[1]) out.push(m[2] ? (m[2].startsWith('week') ? Number(m[1]) / 52 : Number(m[1]) / 12) : Number(m[1]));
    else if (m[3]) out.push(m[4]!.startsWith('year') ? Number(m[3]) : m[4]!.startsWith('month') ? Number(m[3]) / 12 : Number(m[3]) / 52);
    else if (m[5]) out.push(Number(m[5]));
    else if (m[6]) out.push(Number(m[6]));
    else if (m[7]) out.push(Number(m[7]));
    else if (m[8]) out.push(Number(m[8]));
    else if (m[9]) out.push(Number(m[9]) + 5);
    else if (m[10]) out.push(Number(m[10]));
  }
  return out;
}
