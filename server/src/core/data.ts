/** Reference data the rules use (acronyms, jargon), loaded from `rules/data` by the server and passed in. */

/** A safeguarding acronym and what it stands for. */
export interface AcronymEntry {
  acronym: string;
  expansions: string[];
}

/** Reference data for the rules. */
export interface LintData {
  acronyms: ReadonlyMap<string, AcronymEntry>;
  /** Acronyms everyone knows, never reported. */
  acronymAllow: ReadonlySet<string>;
}

/** Builds lint data from plain lists. */
export function makeLintData(acronyms: AcronymEntry[] = [], allow: string[] = []): LintData {
  return {
    acronyms: new Map(acronyms.map((a) => [a.acronym, a])),
    acronymAllow: new Set(allow),
  };
}
