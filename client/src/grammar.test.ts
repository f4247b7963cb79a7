/** Runs the TextMate grammar tests (test-fixtures/grammar/*.test.md) with vscode-tmgrammar-test. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('TextMate injection grammars', () => {
  it('give the expected scopes to disable comments, front matter, pseudonyms and quoted records', () => {
    const bin = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    const g = join(ROOT, 'test-fixtures', 'grammar');
    const run = spawnSync(process.execPath, [bin, '-g', join(g, 'markdown.tmLanguage.json'), '-g', join(g, 'yaml-stub.tmLanguage.json'), 'test-fixtures/grammar/*.test.md'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const out = `${run.stdout}${run.stderr}`.split('\n').filter((l) => !l.startsWith('grammar not found')).join('\n');
    expect(out, out).toMatch(/run successfuly/);
    expect(run.status, out).toBe(0);
    expect(out).not.toMatch(/failed/);
  });
});
