/** The generated rule docs and per-rule settings must match the rule files; run `npm run docs` when they drift. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { generateDocs, rulesSettingSchema } from './build-docs';

const engine = createEngine();
const docsDir = join(engine.rulesDir, 'docs');

describe('generated documentation', () => {
  const files = generateDocs(engine.linter.rules);
  it.each([...files.keys()])('rules/docs/%s is up to date (run `npm run docs`)', (name) => {
    const path = join(docsDir, name);
    expect(existsSync(path), `${name} is missing: run npm run docs`).toBe(true);
    expect(readFileSync(path, 'utf8'), `${name} is out of date: run npm run docs`).toBe(files.get(name));
  });
  it('package.json lists every rule in the csprLint.rules setting (run `npm run docs`)', () => {
    const pkg = JSON.parse(readFileSync(join(engine.rulesDir, '..', 'package.json'), 'utf8'));
    expect(pkg.contributes.configuration.properties['csprLint.rules']).toEqual(rulesSettingSchema(engine.linter.rules));
  });
  it('every rule page cites a source and shows examples', () => {
    for (const m of engine.linter.rules) {
      const page = files.get(`${m.id}.md`)!;
      expect(page).toContain('## Sources');
      expect(page).toContain('## Why it matters');
    }
  });
});
