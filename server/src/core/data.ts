/** Reference data the rules use (acronyms, jargon), loaded from `rules/data` by the server and passed in. */
import type { RuleSource, Severity } from './types';

/** A safeguarding acronym and what it stands for. */
export interface AcronymEntry {
  acronym: string;
  expansions: string[];
}

/**
 * A practice term a lay reader cannot decode. `define`: report when the review never defines it.
 * `contested`: the research questions the term itself; report even when defined, more gently.
 * `discredited`: the research calls it stigmatising or out of date; report even when defined.
 */
export interface JargonEntry {
  term: string;
  /** Regular expression sources (matched case-insensitively, on word boundaries). */
  patterns: string[];
  status: 'define' | 'contested' | 'discredited';
  /** Severity when reported; the rule's own severity when absent. */
  severity?: Severity;
  /** Why it matters, in one plain sentence. */
  why: string;
  /** A short plain definition the author can adapt (paraphrased, never quoted). */
  definition?: string;
  /** What to write instead, for contested and discredited terms. */
  instead?: string;
  /** A label that is also satisfied by an explanation in the same paragraph (because…, for example…). */
  explainInParagraph?: boolean;
  sources: RuleSource[];
}

/** A vague verb or phrase in a recommendation, with what a specific version looks like. */
export interface VagueActionEntry {
  phrase: string;
  patterns: string[];
  /** Only when it is the recommendation's main verb (after should/will/must/to, or first word). */
  mainVerbOnly?: boolean;
  advice: string;
  sources: RuleSource[];
}

/** Reference data for the rules. */
export interface LintData {
  acronyms: ReadonlyMap<string, AcronymEntry>;
  /** Acronyms everyone knows, never reported. */
  acronymAllow: ReadonlySet<string>;
  /** Practice jargon (rules/data/jargon.yaml); absent or empty means the jargon checks stay quiet. */
  jargon?: readonly JargonEntry[];
  /** Vague recommendation wording (rules/data/vague-actions.yaml). */
  vagueActions?: readonly VagueActionEntry[];
}

/** Optional lists beyond acronyms. */
export interface ExtraLintData {
  jargon?: JargonEntry[];
  vagueActions?: VagueActionEntry[];
}

/** Builds lint data from plain lists. */
export function makeLintData(acronyms: AcronymEntry[] = [], allow: string[] = [], extra: ExtraLintData = {}): LintData {
  return {
    acronyms: new Map(acronyms.map((a) => [a.acronym, a])),
    acronymAllow: new Set(allow),
    jargon: extra.jargon ?? [],
    vagueActions: extra.vagueActions ?? [],
  };
}
