/**
 * The real language server over stdio, with one extra check that always throws: for the isolation
 * test through the protocol. Everything else is the shipped server code and the shipped rules.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Check } from '../../server/src/core/check';
import { builtinChecks } from '../../server/src/core/checks';
import { createLinter } from '../../server/src/core/linter';
import { createEngine } from '../../server/src/engine';
import { startServer } from '../../server/src/lsp/language-server';
import { loadRules } from '../../server/src/rules-loader';

const rulesDir = process.env.CSPR_RULES_DIR!;
const alwaysThrows: Check = {
  meta: { ...builtinChecks[0]!.meta, id: 'always-throws' },
  run() {
    throw new Error('internal failure for the isolation test');
  },
};
const base = createEngine(rulesDir);
const loaded = loadRules(rulesDir);
const linter = createLinter(loaded.definitions, { data: loaded.data, checks: [alwaysThrows, ...builtinChecks] });
// The shipped engine's settings handling, with the linter swapped for one that has the failing check.
const engine = { ...base, linter, lint: (text: string, language: 'markdown' | 'plaintext', settings: Parameters<typeof base.lint>[2], override?: Parameters<typeof base.lint>[3]) => {
  const result = linter.lint(text, { language, reviewType: settings.reviewType, reviewTypeOverride: override, severities: settings.rules, allowInlineDisable: settings.allowInlineDisable, maxLength: settings.maxDocumentSize, acronymAllow: settings.acronymAllow });
  return result;
} };

startServer(createConnection(ProposedFeatures.all), engine);
