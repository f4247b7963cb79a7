/** Review draft templates: which there are, and filling in their placeholders. Pure, for tests. */

/** A template the "New review draft" command offers. */
export interface DraftTemplate {
  id: 'lcspr' | 'rapid-review';
  label: string;
  detail: string;
  file: string;
}

export const TEMPLATES: readonly DraftTemplate[] = [
  {
    id: 'lcspr',
    label: 'Local child safeguarding practice review',
    detail: 'Full structure: introduction to glossary, with a section on the child\u2019s daily life and voice, and on identity.',
    file: 'lcspr.md',
  },
  {
    id: 'rapid-review',
    label: 'Rapid review',
    detail: 'The same sections, shorter, for the 15 working days; ends with whether a local review is needed.',
    file: 'rapid-review.md',
  },
];

/** Checks a pseudonym: short, one line, no markup that would break the front matter. */
export function pseudonymProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Please give the pseudonym the review uses, for example "Child R".';
  if (v.length > 40) return 'Please keep the pseudonym short, for example "Child R".';
  if (/[[\]{}#:,<>"`|\\]/.test(v)) return 'Please use letters, numbers, spaces, hyphens or apostrophes only.';
  return undefined;
}

/** Fills a template's placeholders. */
export function fillTemplate(template: string, values: { pseudonym: string }): string {
  return template.replace(/\{\{pseudonym\}\}/g, values.pseudonym.trim());
}
