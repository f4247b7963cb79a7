/**
 * Reads rules kept as data from `rules/<category>/<id>.yaml`, validates each against the JSON Schema
 * and across files, and hands the good ones to core. A bad rule file is reported by name and line and
 * skipped; it never stops the others loading.
 *
 * The bundled rules are read and validated once, when the bundle is built (esbuild.mjs embeds what
 * `readRules` gives), so a server or CLI start-up neither parses YAML nor compiles the schema. The
 * YAML and schema libraries are loaded only when a folder of rule files is read at run time.
 */
import type AjvClass from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type * as YamlLib from 'yaml';
import type { LineCounter, parseDocument } from 'yaml';
import type { AcronymEntry, JargonEntry, LintData, VagueActionEntry } from './core/data';
import { jargonFromData, makeLintData, vagueActionsFromData } from './core/data';
import { compileRule } from './core/rules/compile';
import type { RuleDefinition } from './core/rules/definition';
import { placeholdersIn, PLACEHOLDERS } from './core/template';

/** What loading gives: the rules that passed, reference data, and a message per problem. */
export interface LoadedRules {
  definitions: RuleDefinition[];
  data: LintData;
  errors: string[];
  dir: string;
}

/**
 * What reading a rules folder gives, as plain data that survives a JSON round trip: the bundle
 * embeds this for the built-in rules (see builtin-rules.ts).
 */
export interface RulesSnapshot {
  definitions: RuleDefinition[];
  acronyms: AcronymEntry[];
  acronymAllow: string[];
  jargon: JargonEntry[];
  vagueActions: VagueActionEntry[];
  errors: string[];
}

// Loaded on first use: a start-up with the built-in rules needs neither.
let yamlLib: typeof YamlLib | undefined;
const yaml = (): typeof YamlLib => (yamlLib ??= require('yaml') as typeof YamlLib);

/** Finds the project's `rules` folder from a bundled or source file location. */
export function findRulesDir(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'rules');
    if (existsSync(join(candidate, 'schema.json'))) return candidate;
    dir = dirname(dir);
  }
  return join(from, '..', 'rules');
}

function lineOfPath(doc: ReturnType<typeof parseDocument>, counter: LineCounter, instancePath: string): number {
  const { isMap, isSeq } = yaml();
  const parts = instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let node: unknown = doc.contents;
  let range: [number, number, number] | undefined = (doc.contents as { range?: [number, number, number] } | null)?.range;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown })?.value === part);
      node = pair?.value;
      range = (pair?.key as { range?: [number, number, number] } | undefined)?.range ?? range;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      range = (node as { range?: [number, number, number] } | undefined)?.range ?? range;
    } else break;
  }
  return range ? counter.linePos(range[0]).line : 1;
}

let validator: ReturnType<AjvClass['compile']> | undefined;

function validate(schemaPath: string): ReturnType<AjvClass['compile']> {
  if (!validator) {
    const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  }
  return validator;
}

/** Loads and validates one rule file's text; returns the rule or the problems, each naming file and line. */
export function parseRuleFile(text: string, file: string, schemaPath: string, category?: string): { rule?: RuleDefinition; errors: string[] } {
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { errors: [`${file}:${e.linePos?.[0]?.line ?? 1}: the file is not valid YAML (${e.message.split('\n')[0]}).`] };
  }
  const value = doc.toJS({ maxAliasCount: 50 }) as unknown;
  const check = validate(schemaPath);
  if (!check(value)) {
    return {
      errors: (check.errors ?? []).slice(0, 5).map((e) => {
        const where = e.instancePath ? `'${e.instancePath.slice(1).replace(/\//g, '.')}'` : 'the rule';
        const extra = e.keyword === 'additionalProperties' ? ` ('${(e.params as { additionalProperty: string }).additionalProperty}')` : e.keyword === 'enum' ? ` (one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
        return `${file}:${lineOfPath(doc, counter, e.instancePath)}: ${where} ${e.message}${extra}.`;
      }),
    };
  }
  const rule = value as RuleDefinition;
  const errors: string[] = [];
  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (rule.id !== stem) errors.push(`${file}:1: the id '${rule.id}' must equal the file name '${stem}'.`);
  if (category && rule.category !== category) errors.push(`${file}:1: the category '${rule.category}' must equal the folder '${category}'.`);
  for (const t of [rule.message, rule.quotedMessage ?? '']) {
    for (const p of placeholdersIn(t)) if (!(PLACEHOLDERS as readonly string[]).includes(p)) errors.push(`${file}:1: the message uses an unknown placeholder {{${p}}}.`);
  }
  for (const ex of rule.examples.invalid) {
    if (!ex.text.includes(ex.match)) errors.push(`${file}:1: the invalid example's match '${ex.match}' does not occur in its text.`);
  }
  try {
    compileRule(rule);
  } catch (e) {
    errors.push(`${file}:1: ${(e as Error).message}.`);
  }
  if (errors.length) return { errors };
  return { rule: { ...rule, file }, errors: [] };
}

/** Reads an optional data file as plain values; a broken file is reported and treated as absent. */
function readDataFile(file: string, errors: string[]): unknown {
  if (!existsSync(file)) return undefined;
  try {
    const doc = yaml().parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors.length) throw new Error(doc.errors[0]!.message.split('\n')[0]);
    return doc.toJS();
  } catch (e) {
    errors.push(`${file}: could not be read (${(e as Error).message}); the checks that use it stay quiet.`);
    return undefined;
  }
}

type DataLists = Pick<RulesSnapshot, 'acronyms' | 'acronymAllow' | 'jargon' | 'vagueActions'>;

function readData(dir: string, errors: string[]): DataLists {
  const jargonFile = join(dir, 'data', 'jargon.yaml');
  const actionsFile = join(dir, 'data', 'vague-actions.yaml');
  const extra = {
    jargon: jargonFromData(readDataFile(jargonFile, errors), jargonFile, errors),
    vagueActions: vagueActionsFromData(readDataFile(actionsFile, errors), actionsFile, errors),
  };
  const file = join(dir, 'data', 'acronyms.yaml');
  if (!existsSync(file)) return { acronyms: [], acronymAllow: [], ...extra };
  try {
    const doc = yaml().parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors.length) throw new Error(doc.errors[0]!.message.split('\n')[0]);
    const v = doc.toJS() as { acronyms?: Record<string, unknown>; allow?: unknown; postNominals?: unknown; notAcronyms?: unknown };
    const entries: AcronymEntry[] = Object.entries(v.acronyms ?? {}).map(([acronym, e]) => ({
      acronym,
      expansions: (Array.isArray(e) ? e : [e]).filter((x): x is string => typeof x === 'string'),
    }));
    // Post-nominals and names written in capitals are never reported either.
    const allow = [v.allow, v.postNominals, v.notAcronyms].flatMap((l) => (Array.isArray(l) ? l.filter((x): x is string => typeof x === 'string') : []));
    return { acronyms: entries, acronymAllow: allow, ...extra };
  } catch (e) {
    errors.push(`${file}: the acronym list could not be read (${(e as Error).message}); acronyms are checked without expansions.`);
    return { acronyms: [], acronymAllow: [], ...extra };
  }
}

/** Reads and validates every rule and data file under `dir`, as plain data (see RulesSnapshot). */
export function readRules(dir: string): RulesSnapshot {
  const errors: string[] = [];
  const definitions: RuleDefinition[] = [];
  const schemaPath = join(dir, 'schema.json');
  if (!existsSync(schemaPath)) return { definitions, acronyms: [], acronymAllow: [], jargon: [], vagueActions: [], errors: [`No rules were found: ${schemaPath} is missing.`] };
  const seenIds = new Map<string, string>();
  const seenPatterns = new Map<string, string>();
  for (const category of readdirSync(dir, { withFileTypes: true })) {
    if (!category.isDirectory() || category.name === 'docs' || category.name === 'data') continue;
    for (const f of readdirSync(join(dir, category.name)).sort()) {
      if (!/\.ya?ml$/.test(f)) continue;
      const path = join(dir, category.name, f);
      const shown = relative(join(dir, '..'), path);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        errors.push(`${shown}: could not be read (${(e as Error).message}).`);
        continue;
      }
      const { rule, errors: errs } = parseRuleFile(text, shown, schemaPath, category.name);
      errors.push(...errs);
      if (!rule) continue;
      const other = seenIds.get(rule.id);
      if (other) {
        errors.push(`${shown}:1: the id '${rule.id}' is already used by ${other}.`);
        continue;
      }
      const patterns = rule.kind === 'substitution' ? (rule.swap ?? []).map((s) => s.pattern) : (rule.patterns ?? []);
      const clash = patterns.find((p) => seenPatterns.has(p.toLowerCase()));
      if (clash) {
        errors.push(`${shown}:1: the pattern '${clash}' is already claimed by ${seenPatterns.get(clash.toLowerCase())}.`);
        continue;
      }
      for (const p of patterns) seenPatterns.set(p.toLowerCase(), rule.id);
      seenIds.set(rule.id, shown);
      definitions.push(rule);
    }
  }
  return { definitions, ...readData(dir, errors), errors };
}

/** The loaded form of a snapshot, from a rules folder read now or embedded in the bundle. */
export function fromSnapshot(snapshot: RulesSnapshot, dir: string): LoadedRules {
  return {
    definitions: snapshot.definitions,
    data: makeLintData(snapshot.acronyms, snapshot.acronymAllow, { jargon: snapshot.jargon, vagueActions: snapshot.vagueActions }),
    errors: snapshot.errors,
    dir,
  };
}

/** Loads every rule under `dir`, reading the files now. */
export function loadRules(dir: string = findRulesDir()): LoadedRules {
  return fromSnapshot(readRules(dir), dir);
}
