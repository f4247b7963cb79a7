// Bundles the in-host test suite (e2e/suite) into out/e2e/suite, one file per test module.
// `vscode` comes from the extension host; mocha is loaded from node_modules at run time.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SUITE_OUT = path.join(here, '..', 'out', 'e2e', 'suite');

export async function buildSuite() {
  const dir = path.join(here, 'suite');
  const entryPoints = fs.readdirSync(dir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(dir, f));
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return SUITE_OUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildSuite();
