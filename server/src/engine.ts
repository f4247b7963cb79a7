/** Builds the linter once from the bundled rules and runs it with settings: shared by the server and the CLI. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Settings } from './config';
import type { LintResult, Linter } from './core/linter';
import { createLinter } from './core/linter';
import { findRulesDir, loadRules } from './rules-loader';

/** A loaded engine: the linter, where its rules came from, and any problems loading them. */
export interface Engine {
  linter: Linter;
  rulesDir: string;
  loadErrors: string[];
  lint(text: string, language: 'markdown' | 'plaintext', settings: Settings, reviewTypeOverride?: Settings['reviewType']): LintResult;
  /** The local documentation page of a rule. */
  docPath(ruleId: string): string;
  docUri(ruleId: string): string;
}

/** Loads rules from `rulesDir` (the bundled folder by default) and creates the engine. */
export function createEngine(rulesDir: string = findRulesDir()): Engine {
  const loaded = loadRules(rulesDir);
  const linter = createLinter(loaded.definitions, { data: loaded.data });
  const docPath = (id: string): string => join(rulesDir, 'docs', `${id}.md`);
  return {
    linter,
    rulesDir,
    loadErrors: loaded.errors,
    lint(text, language, settings, reviewTypeOverride) {
      return linter.lint(text, {
        language,
        reviewType: settings.reviewType,
        reviewTypeOverride,
        severities: settings.rules,
        allowInlineDisable: settings.allowInlineDisable,
        maxLength: settings.maxDocumentSize,
        acronymAllow: settings.acronymAllow,
      });
    },
    docPath,
    docUri: (id) => pathToFileURL(docPath(id)).href,
  };
}
