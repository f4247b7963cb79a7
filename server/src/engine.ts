/** Builds the linter once from the bundled rules and runs it with settings: shared by the server and the CLI. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Settings } from './config';
import type { CompiledCustomTerms } from './core/custom-terms';
import { compileAllowList, compileCustomTerms } from './core/custom-terms';
import type { LintResult, Linter } from './core/linter';
import { createLinter } from './core/linter';
import { BUILTIN_RULES } from './builtin-rules';
import { findRulesDir, fromSnapshot, loadRules } from './rules-loader';

/** A loaded engine: the linter, where its rules came from, and any problems loading them. */
export interface Engine {
  linter: Linter;
  rulesDir: string;
  loadErrors: string[];
  /** `previous` is the last result for the same document, if any: it only makes the analysis faster. */
  lint(text: string, language: 'markdown' | 'plaintext', settings: Settings, reviewTypeOverride?: Settings['reviewType'], previous?: LintResult): LintResult;
  /** The local documentation page of a rule. */
  docPath(ruleId: string): string;
  docUri(ruleId: string): string;
}

/**
 * Creates the engine with the built-in rules, or with the rules read now from `dir` when one is
 * given. The built-in rules come from the snapshot embedded in the bundle when there is one.
 */
export function createEngine(dir?: string): Engine {
  const rulesDir = dir ?? findRulesDir();
  const loaded = dir === undefined && BUILTIN_RULES ? fromSnapshot(BUILTIN_RULES, rulesDir) : loadRules(rulesDir);
  const linter = createLinter(loaded.definitions, { data: loaded.data });
  const docPath = (id: string): string => join(rulesDir, 'docs', `${id}.md`);
  // User patterns are compiled once per distinct setting value, not per keystroke.
  const compiledTerms = new Map<string, CompiledCustomTerms>();
  const compiledAllow = new Map<string, ReturnType<typeof compileAllowList>>();
  const once = <T>(cache: Map<string, T>, value: unknown, make: () => T): T => {
    const key = JSON.stringify(value);
    let hit = cache.get(key);
    if (!hit) {
      if (cache.size > 20) cache.clear();
      hit = make();
      cache.set(key, hit);
    }
    return hit;
  };
  return {
    linter,
    rulesDir,
    loadErrors: loaded.errors,
    lint(text, language, settings, reviewTypeOverride, previous) {
      const customTerms = settings.customTerms?.length ? once(compiledTerms, settings.customTerms, () => compileCustomTerms(settings.customTerms)) : undefined;
      const result = linter.lint(text, {
        language,
        reviewType: settings.reviewType,
        reviewTypeOverride,
        severities: settings.rules,
        allowInlineDisable: settings.allowInlineDisable,
        maxLength: settings.maxDocumentSize,
        acronymAllow: settings.acronymAllow,
        customTerms,
        previous,
      });
      if (!settings.allow?.length) return result;
      const allowed = once(compiledAllow, settings.allow, () => compileAllowList(settings.allow));
      return { ...result, findings: result.findings.filter((f) => !allowed(f)) };
    },
    docPath,
    docUri: (id) => pathToFileURL(docPath(id)).href,
  };
}
