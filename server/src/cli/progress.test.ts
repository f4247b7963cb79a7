/** Progress on standard error: in place on a terminal, a few plain lines otherwise, silent for small batches. */
import { describe, expect, it } from 'vitest';
import { progressReport } from './progress';

function run(total: number, tty: boolean, step = 1): string {
  let out = '';
  let t = 0;
  const p = progressReport(total, (s) => (out += s), tty, () => (t += step));
  for (let i = 0; i < total; i++) p.tick(`drafts/review-${i}.md`);
  p.done();
  return out;
}

describe('progressReport', () => {
  it('writes one plain line per tenth of the way when standard error is not a terminal', () => {
    const lines = run(200, false).trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('cspr-lint: 20 of 200 files checked (10%)');
    expect(lines[9]).toBe('cspr-lint: 200 of 200 files checked (100%)');
  });

  it('stays silent for a single file, and for small batches in logs', () => {
    expect(run(1, true)).toBe('');
    expect(run(10, false)).toBe('');
  });

  it('redraws one line on a terminal, at most every 100 ms, and clears it at the end', () => {
    const out = run(50, true, 30);
    const frames = out.split('\r\u001b[2K').filter(Boolean);
    expect(frames.length).toBeLessThan(50);
    expect(frames[frames.length - 1]).toBe('cspr-lint: 50 of 50 files checked (100%) drafts/review-49.md');
    expect(out.endsWith('\r\u001b[2K')).toBe(true);
  });
});
