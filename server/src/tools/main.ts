/** Project tools: `node dist/tools.js docs` regenerates rules/docs and the per-rule settings in package.json. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine';
import { generateDocs, rulesSettingSchema } from './build-docs';

function docs(): void {
  const engine = createEngine();
  if (engine.loadErrors.length) {
    for (const e of engine.loadErrors) process.stderr.write(`${e}\n`);
    process.exitCode = 1;
    return;
  }
  const dir = join(engine.rulesDir, 'docs');
  mkdirSync(dir, { recursive: true });
  const files = generateDocs(engine.linter.rules);
  for (const f of readdirSync(dir)) if (f.endsWith('.md') && !files.has(f)) rmSync(join(dir, f));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const pkgPath = join(engine.rulesDir, '..', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.contributes.configuration.properties['csprLint.rules'] = rulesSettingSchema(engine.linter.rules);
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  process.stdout.write(`Wrote ${files.size} pages to ${dir} and the csprLint.rules setting to package.json.\n`);
}

const command = process.argv[2];
if (command === 'docs') docs();
else {
  process.stderr.write('Usage: node dist/tools.js docs\n');
  process.exitCode = 2;
}
