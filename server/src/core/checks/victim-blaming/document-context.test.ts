/**
 * The victim-blaming checks keep each block's decisions and decide a block again only when its
 * document context changes: the people named in it (with ages stated elsewhere) and, for an
 * unchallenged quotation, a critique opening the next prose block. These edits change only that
 * context, never the block itself, and the findings must match a fresh analysis each time.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../rules-loader';
import type { LintResult } from '../../linter';
import { createLinter } from '../../linter';

const loaded = loadRules();
const IDS = new Set(['no-abuse-as-relationship', 'no-adult-terms-for-child', 'no-engagement-blame', 'no-child-consent-framing', 'inclusive-language']);

function ours(r: LintResult): string[] {
  return r.findings.filter((f) => IDS.has(f.ruleId)).map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.severity} ${f.message} ${JSON.stringify(f.fixes)}`);
}

/** Lints each text in turn with one linter (as an editor does) and each afresh; returns the incremental findings. */
function typeThrough(texts: string[]): string[][] {
  const long = createLinter(loaded.definitions, { data: loaded.data });
  let previous: LintResult | undefined;
  const out: string[][] = [];
  for (const text of texts) {
    const now = long.lint(text, previous ? { previous } : {});
    const fresh = createLinter(loaded.definitions, { data: loaded.data }).lint(text);
    expect(ours(now)).toEqual(ours(fresh));
    out.push(ours(now));
    previous = now;
  }
  return out;
}

describe('victim-blaming checks after edits elsewhere in the draft', () => {
  it('follow an age stated in another paragraph', () => {
    const later = '\n\nJordan was seen by police as a man.\n\nHer mother said Jordan spent weekends with his girlfriend, aged 24.\n';
    const [withAge, without, again] = typeThrough(['Jordan (15) lived with his aunt.' + later, 'Jordan lived with his aunt.' + later, 'Jordan (15) lived with his aunt.' + later]);
    expect(withAge!.some((f) => f.startsWith('no-adult-terms-for-child'))).toBe(true);
    expect(without!.some((f) => f.startsWith('no-adult-terms-for-child'))).toBe(false);
    expect(again).toEqual(withAge);
  });

  it('follow an age given in the front matter', () => {
    const body = 'Jordan was a polite young man.\n';
    const [withAge, adult] = typeThrough([`---\nchildren:\n  - name: Jordan\n    age: 15\n---\n\n${body}`, `---\nchildren:\n  - name: Jordan\n    age: 25\n---\n\n${body}`]);
    expect(withAge!.some((f) => f.startsWith('no-adult-terms-for-child'))).toBe(true);
    expect(adult!.some((f) => f.startsWith('no-adult-terms-for-child'))).toBe(false);
  });

  it('follow a critique in the next paragraph of a quotation left unchallenged', () => {
    const quoted = "Child R, aged 14, spent weekends with her 'boyfriend', aged 24.\n\n";
    const [plain, criticised, plainAgain] = typeThrough([quoted + 'Officers met twice that week.\n', quoted + 'That wording was wrong: she was being groomed.\n', quoted + 'Officers met twice that week.\n']);
    expect(plain!.length).toBeGreaterThan(0);
    expect(criticised).not.toEqual(plain);
    expect(plainAgain).toEqual(plain);
  });
});
