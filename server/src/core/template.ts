/** Fills named placeholders such as {{match}} in rule messages. */

/** Placeholders a rule message may use. */
export const PLACEHOLDERS = ['match', 'replacement', 'term', 'count', 'expansion', 'name', 'reason', 'section'] as const;

/** Replaces {{name}} with values; unknown placeholders are left as written so tests catch them. */
export function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : String(v);
  });
}

/** The placeholder names used in a template. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
}
