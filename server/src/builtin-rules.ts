/**
 * The bundled rules and reference data, read and validated from `rules/` when the bundle is built:
 * esbuild.mjs replaces this module with the snapshot `readRules` gave, so starting the server or
 * the CLI parses no YAML and compiles no schema. Run from source (tests), there is no snapshot
 * and the engine reads the files.
 */
import type { RulesSnapshot } from './rules-loader';

export const BUILTIN_RULES: RulesSnapshot | undefined = undefined;
