/**
 * Settings shared by the server and the CLI: defaults, the `.cspr-lint.yaml` workspace file
 * (schema-validated, with messages naming the field) and editor settings, merged in that order.
 */
import type AjvClass from 'ajv';
import type * as YamlLib from 'yaml';
import type { CustomTerm } from './core/custom-terms';
import { validateAllowList, validateCustomTerms } from './core/custom-terms';
import type { ReviewType, SeveritySetting } from './core/types';

/** Every setting the tool has. */
export interface Settings {
  enable: boolean;
  reviewType: ReviewType | undefined;
  rules: Record<string, SeveritySetting>;
  allowInlineDisable: boolean;
  maxDocumentSize: number;
  acronymAllow: string[];
  logLevel: 'off' | 'error' | 'info' | 'verbose';
  /** The partnership's own terms to report (RE2 patterns, see core/custom-terms.ts). */
  customTerms: CustomTerm[];
  /** Words or patterns never reported by any rule (RE2 patterns matched against the flagged words). */
  allow: string[];
}

/** The defaults, used wherever nothing else is set. */
export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  reviewType: undefined,
  rules: {},
  allowInlineDisable: true,
  maxDocumentSize: 2_000_000,
  acronymAllow: [],
  logLevel: 'error',
  customTerms: [],
  allow: [],
};

/** The JSON Schema for `.cspr-lint.yaml` and for the editor settings object. */
export const SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enable: { type: 'boolean' },
    reviewType: { enum: ['rapid-review', 'lcspr', 'national', null] },
    rules: { type: 'object', additionalProperties: { enum: ['error', 'warning', 'info', 'hint', 'off'] } },
    allowInlineDisable: { type: 'boolean' },
    maxDocumentSize: { type: 'integer', minimum: 1000, maximum: 50_000_000 },
    acronymAllow: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9&]{2,12}$' } },
    logLevel: { enum: ['off', 'error', 'info', 'verbose'] },
    // Checked entry by entry, and compiled with re2js, in validatePatternSettings.
    customTerms: {},
    allow: {},
  },
} as const;

// The schema compiler is loaded only for settings that may be wrong (see surelyValid), to find the
// messages: most starts have good settings or none, and need neither it nor the YAML reader.
let compiled: ReturnType<AjvClass['compile']> | undefined;
const validator = (): ReturnType<AjvClass['compile']> => {
  if (!compiled) {
    const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
    compiled = new Ajv({ allErrors: true, strict: false }).compile(SETTINGS_SCHEMA);
  }
  return compiled;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function hasType(type: unknown, v: unknown): boolean {
  switch (type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'object':
      return isRecord(v);
    case 'array':
      return Array.isArray(v);
    default:
      return false;
  }
}

/**
 * True only when `value` certainly satisfies `schema`: a strict reading of the few keywords
 * SETTINGS_SCHEMA uses. Anything it does not know, or any doubt, answers false, and the schema
 * compiler then gives the verdict and the messages; so it can never let a bad setting through.
 */
export function surelyValid(schema: object, value: unknown): boolean {
  const s = schema as Record<string, unknown>;
  for (const [keyword, arg] of Object.entries(s)) {
    switch (keyword) {
      case 'type':
        if (!hasType(arg, value)) return false;
        break;
      case 'enum':
        if (!(arg as unknown[]).some((x) => x === value)) return false;
        break;
      case 'minimum':
        if (typeof value === 'number' && !(value >= (arg as number))) return false;
        break;
      case 'maximum':
        if (typeof value === 'number' && !(value <= (arg as number))) return false;
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) return false;
        break;
      case 'items':
        if (Array.isArray(value) && !value.every((x) => surelyValid(arg as object, x))) return false;
        break;
      case 'properties':
        if (isRecord(value) && !Object.entries(arg as Record<string, object>).every(([k, sub]) => !Object.hasOwn(value, k) || surelyValid(sub, value[k]))) return false;
        break;
      case 'additionalProperties': {
        if (!isRecord(value)) break;
        const known = (s['properties'] ?? {}) as Record<string, unknown>;
        for (const k of Object.keys(value)) {
          if (Object.hasOwn(known, k)) continue;
          if (arg === false || (typeof arg === 'object' && arg !== null && !surelyValid(arg, value[k]))) return false;
          if (arg !== true && (typeof arg !== 'object' || arg === null)) return false;
        }
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** The result of reading settings from somewhere: what was usable, and a message per problem. */
export interface SettingsRead {
  settings: Partial<Settings>;
  errors: string[];
}

/**
 * Validates a settings object field by field. A bad field is dropped with a message naming it;
 * the good fields are kept, so one typo never switches everything back to defaults.
 */
export function validateSettings(value: unknown, where: string, lineOf?: (path: string) => number | undefined): SettingsRead {
  if (value === null || value === undefined) return { settings: {}, errors: [] };
  if (typeof value !== 'object' || Array.isArray(value)) return { settings: {}, errors: [`${where}: the settings should be a list of "name: value" lines; defaults are used.`] };
  const { customTerms, allow, ...rest } = value as Record<string, unknown>;
  const patterns = validatePatternSettings({ customTerms, allow }, where, lineOf);
  const fields = validateFields(rest, where, lineOf);
  return { settings: { ...fields.settings, ...patterns.settings }, errors: [...patterns.errors, ...fields.errors] };
}

/** User-supplied patterns: each entry is checked and compiled with re2js; a bad entry is dropped and named (`customTerms[2].pattern`). */
function validatePatternSettings(input: { customTerms?: unknown; allow?: unknown }, where: string, lineOf?: (path: string) => number | undefined): SettingsRead {
  const errors: string[] = [];
  const settings: Partial<Settings> = {};
  const say = (path: string, message: string): void => {
    const line = lineOf?.(path.replace(/\[(\d+)\]/g, '.$1'));
    errors.push(`${line ? `${where}:${line}` : where}: '${path}' ${message}; it was ignored.`);
  };
  if (input.customTerms !== undefined && input.customTerms !== null) {
    const read = validateCustomTerms(input.customTerms);
    read.problems.forEach((p) => say(p.path, p.message));
    settings.customTerms = read.terms;
  }
  if (input.allow !== undefined && input.allow !== null) {
    const read = validateAllowList(input.allow);
    read.problems.forEach((p) => say(p.path, p.message));
    settings.allow = read.patterns;
  }
  return { settings, errors };
}

function validateFields(input: Record<string, unknown>, where: string, lineOf?: (path: string) => number | undefined): SettingsRead {
  if (surelyValid(SETTINGS_SCHEMA, input)) return { settings: input as Partial<Settings>, errors: [] };
  const check = validator();
  if (check(input)) return { settings: input as Partial<Settings>, errors: [] };
  const errors: string[] = [];
  const bad = new Set<string>();
  for (const e of check.errors ?? []) {
    const field = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : e.instancePath.slice(1).split('/')[0]!;
    const path = e.keyword === 'additionalProperties' ? field : e.instancePath.slice(1).replace(/\//g, '.');
    if (bad.has(path)) continue;
    bad.add(path);
    const line = lineOf?.(path);
    const at = line ? `${where}:${line}` : where;
    if (e.keyword === 'additionalProperties') errors.push(`${at}: '${field}' is not a setting cspr-lint knows; it was ignored.`);
    else if (e.keyword === 'enum') errors.push(`${at}: '${path}' must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== null).join(', ')}; it was ignored.`);
    else errors.push(`${at}: '${path}' ${e.message}; it was ignored.`);
  }
  const settings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (bad.has(k)) continue;
    if (k === 'rules' && v && typeof v === 'object') {
      // Keep the good per-rule entries even when one is wrong.
      settings.rules = Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([id]) => !bad.has(`rules.${id}`)));
      continue;
    }
    if (k in SETTINGS_SCHEMA.properties && ![...bad].some((b) => b.startsWith(`${k}.`))) settings[k] = v;
  }
  return { settings: settings as Partial<Settings>, errors };
}

/** Reads the text of a `.cspr-lint.yaml` file. */
export function parseConfigFile(text: string, file: string): SettingsRead {
  if (text.includes('\u0000')) return { settings: {}, errors: [`${file}: the file is not text; defaults are used.`] };
  const { LineCounter, parseDocument } = require('yaml') as typeof YamlLib;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { settings: {}, errors: [`${file}:${e.linePos?.[0]?.line ?? 1}: the file is not valid YAML (${e.message.split('\n')[0]}); defaults are used.`] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { settings: {}, errors: [`${file}: the file could not be read (${(e as Error).message}); defaults are used.`] };
  }
  const lineOf = (path: string): number | undefined => {
    const node = doc.getIn(path.split('.'), true) as { range?: [number, number] } | undefined;
    const pair = (doc.contents as { items?: { key: { value?: unknown; range?: [number, number] } }[] } | null)?.items?.find((i) => i.key?.value === path.split('.')[0]);
    const range = node?.range ?? pair?.key?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
  return validateSettings(value, file, lineOf);
}

/** Merges settings sources, later ones winning; per-rule severities are merged rule by rule. */
export function mergeSettings(...sources: Partial<Settings>[]): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {}, acronymAllow: [], customTerms: [], allow: [] };
  for (const s of sources) {
    for (const [k, v] of Object.entries(s)) {
      if (v === undefined || v === null) continue;
      if (k === 'rules') out.rules = { ...out.rules, ...(v as Record<string, SeveritySetting>) };
      else if (k === 'acronymAllow') out.acronymAllow = [...new Set([...out.acronymAllow, ...(v as string[])])];
      else if (k === 'allow') out.allow = [...new Set([...out.allow, ...(v as string[])])];
      // Terms from user settings and the workspace file both apply; the same pattern listed twice keeps the later entry.
      else if (k === 'customTerms') out.customTerms = [...out.customTerms.filter((t) => !(v as CustomTerm[]).some((n) => n.pattern === t.pattern)), ...(v as CustomTerm[])];
      else (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
