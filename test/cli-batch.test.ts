/** The CLI on a batch of hundreds of drafts: every file reported, progress on standard error, output as for one file at a time. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'cspr-lint.js');

describe('cspr-lint on a batch', () => {
  it('checks 300 drafts, reports quiet progress lines when standard error is not a terminal, and keeps one JSON entry per file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-batch-'));
    mkdirSync(join(dir, 'reviews'));
    for (let i = 0; i < 300; i++) {
      writeFileSync(join(dir, 'reviews', `review-${String(i).padStart(3, '0')}.md`), `# Review ${i}\n\nChild B, aged 14, was putting herself at risk.\n\nParagraph ${i} of a synthetic draft.\n`);
    }
    writeFileSync(join(dir, 'reviews', 'scan.md'), Buffer.from([0, 1, 2, 3]));
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', '--no-config', 'reviews'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(out).toHaveLength(300);
    expect(out.every((f) => f.messages.some((m) => m.ruleId === 'no-putting-self-at-risk'))).toBe(true);
    expect(r.stderr).toContain('cspr-lint: skipped reviews/scan.md');
    const progress = r.stderr.split('\n').filter((l) => /files checked/.test(l));
    expect(progress.length).toBeGreaterThanOrEqual(9);
    expect(progress.length).toBeLessThanOrEqual(11);
    expect(progress[progress.length - 1]).toBe('cspr-lint: 301 of 301 files checked (100%)');
    const quiet = spawnSync(process.execPath, [BIN, '--no-progress', '--no-config', 'reviews'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(quiet.stderr).not.toContain('files checked');
    expect(quiet.stdout).toMatch(/in 300 of 300 files/);
  });
});
