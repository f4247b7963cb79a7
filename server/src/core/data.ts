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

const SEVERITY_NAMES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint']);

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string' && v.length > 0) : typeof x === 'string' && x ? [x] : []);

function sourcesOf(x: unknown): RuleSource[] {
  if (!Array.isArray(x)) return [];
  return x.filter((s): s is RuleSource => !!s && typeof s === 'object' && typeof (s as RuleSource).document === 'string');
}

function patternError(p: string): string | undefined {
  try {
    new RegExp(p, 'iu');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Reads a list of pattern entries from plain data (already parsed from YAML). A bad entry is reported,
 * naming the file and entry, and skipped; entries without their own sources take the file's.
 */
function listFromData<T extends { patterns: string[]; sources: RuleSource[] }>(value: unknown, key: string, file: string, errors: string[], build: (e: Record<string, unknown>) => T | string): T[] {
  if (value === undefined || value === null) return [];
  const rec = value as Record<string, unknown>;
  const raw = typeof value === 'object' ? rec[key] : undefined;
  if (!Array.isArray(raw)) {
    errors.push(`${file}: '${key}' should be a list; the checks that use it stay quiet.`);
    return [];
  }
  const fileSources = sourcesOf(rec['sources']);
  const out: T[] = [];
  raw.forEach((e, i) => {
    const where = `${file}: entry ${i + 1} of '${key}'`;
    if (!e || typeof e !== 'object') return void errors.push(`${where} is not a map; skipped.`);
    const built = build(e as Record<string, unknown>);
    if (typeof built === 'string') return void errors.push(`${where} ${built}; skipped.`);
    if (built.patterns.length === 0) return void errors.push(`${where} has no patterns; skipped.`);
    for (const p of built.patterns) {
      const err = patternError(p);
      if (err) return void errors.push(`${where} has an invalid pattern "${p}" (${err}); skipped.`);
    }
    if (built.sources.length === 0) built.sources = fileSources;
    if (built.sources.length === 0) return void errors.push(`${where} cites no source; skipped.`);
    out.push(built);
  });
  return out;
}

/** The jargon list from `rules/data/jargon.yaml`, parsed to plain values by the caller. */
export function jargonFromData(value: unknown, file: string, errors: string[]): JargonEntry[] {
  return listFromData<JargonEntry>(value, 'terms', file, errors, (e) => {
    const term = e['term'];
    const status = e['status'] ?? 'define';
    if (typeof term !== 'string' || !term) return "has no 'term'";
    if (status !== 'define' && status !== 'contested' && status !== 'discredited') return `has an unknown status '${String(status)}'`;
    if (typeof e['why'] !== 'string' || !e['why']) return "has no 'why'";
    const out: JargonEntry = { term, patterns: strings(e['patterns'] ?? term), status, why: e['why'], sources: sourcesOf(e['sources']) };
    if (typeof e['severity'] === 'string' && SEVERITY_NAMES.has(e['severity'])) out.severity = e['severity'] as Severity;
    if (typeof e['definition'] === 'string') out.definition = e['definition'];
    if (typeof e['instead'] === 'string') out.instead = e['instead'];
    if (e['explainInParagraph'] === true) out.explainInParagraph = true;
    if (status !== 'define' && !out.instead) return "is contested or discredited but gives no 'instead'";
    return out;
  });
}

/** The vague recommendation wording from `rules/data/vague-actions.yaml`. */
export function vagueActionsFromData(value: unknown, file: string, errors: string[]): VagueActionEntry[] {
  return listFromData<VagueActionEntry>(value, 'phrases', file, errors, (e) => {
    const phrase = e['phrase'];
    if (typeof phrase !== 'string' || !phrase) return "has no 'phrase'";
    if (typeof e['advice'] !== 'string' || !e['advice']) return "has no 'advice'";
    const out: VagueActionEntry = { phrase, patterns: strings(e['patterns'] ?? phrase), advice: e['advice'], sources: sourcesOf(e['sources']) };
    if (e['mainVerbOnly'] === true) out.mainVerbOnly = true;
    return out;
  });
}
