// Bundles the client, the language server, the CLI and the docs tool into dist/ (CommonJS for Node 20).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const RULES_DIR = resolve(import.meta.dirname, 'rules');

/**
 * Reads and validates rules/ with the project's own loader (bundled on the fly), so the bundles can
 * carry the result instead of parsing YAML and compiling the schema at every start. A problem in a
 * built-in rule or data file stops the build, with the loader's message naming the file and line.
 */
async function snapshotRules() {
  const built = await esbuild.build({ entryPoints: ['server/src/rules-loader.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const snapshot = module.exports.readRules(RULES_DIR);
  if (snapshot.errors.length > 0) throw new Error(`the built-in rules have problems:\n${snapshot.errors.join('\n')}`);
  return snapshot;
}

/** Every file under rules/ the snapshot reads, for watch mode. */
const ruleFiles = (dir = RULES_DIR) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'docs' ? [] : ruleFiles(join(dir, e.name))) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : []));

/** Replaces server/src/builtin-rules.ts with the snapshot, as a JSON string (parsed faster than an object literal). */
const builtinRules = {
  name: 'builtin-rules',
  setup(build) {
    let cached;
    build.onStart(() => {
      cached = undefined;
    });
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]builtin-rules\.ts$/ }, async () => {
      cached ??= snapshotRules().then((s) => JSON.stringify(JSON.stringify(s)));
      return { contents: `export const BUILTIN_RULES = JSON.parse(${await cached});\n`, loader: 'js', watchFiles: ruleFiles() };
    });
  },
};

const options = {
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli/main.ts',
    // The batch worker thread (Word and PDF reading included), started by the CLI's worker pool.
    'batch-worker': 'server/src/batch/worker.ts',
    tools: 'server/src/tools/main.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies are ES modules that read import.meta.url; give them the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
  plugins: [builtinRules],
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
