/** The linter's own behaviour: severities, review types, disable comments, size limits and isolation. */
import { describe, expect, it } from 'vitest';
import type { Check } from './check';
import { builtinChecks } from './checks';
import { createLinter } from './linter';
import { loadRules } from '../rules-loader';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const VB = 'Child B, aged 14, was putting herself at risk.';
const ids = (text: string, o = {}): string[] => linter.lint(text, o).findings.map((f) => f.ruleId);

describe('linter', () => {
  it('applies per-rule severities and off', () => {
    expect(linter.lint(VB, { severities: { 'no-putting-self-at-risk': 'error' } }).findings[0]!.severity).toBe('error');
    expect(ids(VB, { severities: { 'no-putting-self-at-risk': 'off' } })).toEqual([]);
  });

  it('judges rapid reviews more lightly where a rule says so, from options or front matter', () => {
    const text = 'There was a lack of professional curiosity.';
    expect(linter.lint(text, { reviewType: 'lcspr' }).findings[0]!.severity).toBe('warning');
    expect(linter.lint(text, { reviewType: 'rapid-review' }).findings[0]!.severity).toBe('info');
    expect(linter.lint(`---\nreview-type: rapid-review\n---\n${text}`).findings[0]!.severity).toBe('info');
    expect(linter.lint(`---\nreview-type: rapid-review\n---\n${text}`, { reviewTypeOverride: 'lcspr' }).findings[0]!.severity).toBe('warning');
  });

  it('honours disable comments for the next line only, and reports those forbidden by settings', () => {
    const text = `<!-- cspr-lint-disable-next-line no-putting-self-at-risk -- quoted from the minutes -->\n${VB}\n\n${VB}`;
    expect(ids(text)).toEqual(['no-putting-self-at-risk']);
    expect(ids(text, { allowInlineDisable: false }).sort()).toEqual(['inline-disable-forbidden', 'no-putting-self-at-risk', 'no-putting-self-at-risk']);
  });

  it('does not analyse a document over the size limit, and says why', () => {
    const r = linter.lint(VB.repeat(100), { maxLength: 1000 });
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['document-too-large', 'info']]);
    expect(r.findings[0]!.message).toContain('too large');
  });

  it('switches off a rule that throws for that document, and still runs the others', () => {
    const broken: Check = {
      meta: { ...builtinChecks[0]!.meta, id: 'broken-check' },
      run() {
        throw new Error('boom');
      },
    };
    const l = createLinter(loaded.definitions, { data: loaded.data, checks: [broken, ...builtinChecks] });
    const r = l.lint(VB);
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['no-putting-self-at-risk', 'rule-failed']);
    expect(r.findings.find((f) => f.ruleId === 'rule-failed')!.message).toContain('broken-check');
  });

  it('reports front matter it cannot read, and still checks the draft', () => {
    expect(ids(`---\nreview-type: [\n---\n${VB}`).sort()).toEqual(['front-matter-invalid', 'no-putting-self-at-risk']);
  });

  it('gives the same findings however the text was reached (cache reuse)', () => {
    const a = `# R\n\n${VB}\n\nThe MASH met.`;
    const b = `# R\n\nSomething else.\n\nThe MASH met.`;
    const fresh = createLinter(loaded.definitions, { data: loaded.data });
    const first = fresh.lint(a).findings;
    fresh.lint(b);
    expect(fresh.lint(a).findings).toEqual(first);
    expect(linter.lint(a).findings).toEqual(first);
  });
});
