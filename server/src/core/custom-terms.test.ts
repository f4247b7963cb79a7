/** Custom terms and allow lists: user patterns compiled with re2js (linear time), bad ones named. */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules-loader';
import { compileAllowList, compileCustomTerms, compileUserPattern, CUSTOM_TERM_META, validateAllowList, validateCustomTerms } from './custom-terms';
import { applyEdits } from './fixes';
import { createLinter } from './linter';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const SERVICE_USERS = compileCustomTerms([{ pattern: 'service users?', message: "Say who you mean rather than '{{match}}': families, parents or the child.", replacement: 'families' }]);
const terms = (text: string, customTerms = SERVICE_USERS) => linter.lint(text, { customTerms }).findings.filter((f) => f.ruleId === 'custom-term');

describe('custom terms', () => {
  it('runs the examples on its own documentation page, with `service users` listed', () => {
    for (const ex of CUSTOM_TERM_META.examples.valid) expect(terms(ex.text), ex.text).toEqual([]);
    for (const ex of CUSTOM_TERM_META.examples.invalid) {
      const found = terms(ex.text);
      const hit = found.find((f) => ex.text.slice(f.span.start, f.span.end) === ex.match);
      expect(hit, ex.text).toBeDefined();
      if (ex.output !== undefined) expect(applyEdits(ex.text, hit!.fixes[0]!.edits).text).toBe(ex.output);
    }
  });

  it('reports on word boundaries, after surrogate pairs, across a wrapped line, with the message filled', () => {
    const text = '😀 Service users met. Nonservice users? No. The service\nusers left; service users.';
    const found = terms(text);
    expect(found.map((f) => text.slice(f.span.start, f.span.end))).toEqual(['Service users', 'service\nusers', 'service users']);
    expect(found[0]!.message).toBe("Say who you mean rather than 'Service users': families, parents or the child.");
    expect(found[0]!.fixes[0]).toMatchObject({ kind: 'suggestion', edits: [{ text: 'Families' }] });
    expect(found[0]!.severity).toBe('warning');
  });

  it('uses the severity given, and the rule severity setting still wins', () => {
    const t = compileCustomTerms([{ pattern: 'DNA', message: 'Write "was not brought".', severity: 'error' }]);
    expect(terms('Child B was a DNA twice.', t)[0]!.severity).toBe('error');
    expect(linter.lint('Child B was a DNA twice.', { customTerms: t, severities: { 'custom-term': 'off' } }).findings.filter((f) => f.ruleId === 'custom-term')).toEqual([]);
  });

  it('never offers a custom replacement to "fix all"', () => {
    for (const f of terms('Service users and service users.')) expect(f.fixes.every((x) => x.kind === 'suggestion')).toBe(true);
  });

  it('matches a pathological pattern in linear time', () => {
    const t = compileCustomTerms([{ pattern: '(a+)+$', message: 'x' }, { pattern: '(x+x+)+y', message: 'y' }, { pattern: '(.*a){20}', message: 'z' }]);
    const text = `${'a'.repeat(50_000)}!\n\n${'x'.repeat(100_000)}\n\n${'a'.repeat(30_000)}`;
    const started = Date.now();
    linter.lint(text, { customTerms: t });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses bad patterns with a message naming the setting, and keeps the good ones', () => {
    const { terms: kept, problems } = validateCustomTerms([
      { pattern: 'service users', message: 'ok' },
      { pattern: '(?<=a)b', message: 'look-behind' },
      { pattern: '(((', message: 'broken' },
      { pattern: 'a*', message: 'empty' },
      { pattern: 'a)|(b', message: 'escapes the wrapper' },
      { pattern: '(a)\\1', message: 'back-reference' },
      { pattern: 'x', message: '' },
      { pattern: 'x', message: 'm', severity: 'loud' },
      { pattern: 'x', message: 'm', colour: 'red' },
      'just text',
    ]);
    expect(kept.map((t) => t.pattern)).toEqual(['service users']);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath)).toEqual(['customTerms[1].pattern', 'customTerms[2].pattern', 'customTerms[3].pattern', 'customTerms[4].pattern', 'customTerms[5].pattern', 'customTerms[6].message', 'customTerms[7].severity', 'customTerms[8].colour', 'customTerms[9]']);
    expect(byPath['customTerms[1].pattern']).toMatch(/look-behind .* not supported/);
    expect(byPath['customTerms[2].pattern']).toMatch(/missing closing \)/);
    expect(byPath['customTerms[3].pattern']).toMatch(/matches empty text/);
    expect(validateCustomTerms({ pattern: 'x' }).problems[0]!.path).toBe('customTerms');
  });

  it('treats a space as any white space, and copies escapes, classes and \\Q..\\E as written', () => {
    expect(compileUserPattern('a b', false).ok).toBe(true);
    const re = (p: string) => {
      const c = compileUserPattern(p, false);
      if (!c.ok) throw new Error(c.reason);
      return c.re;
    };
    expect(re('a b').matches('a \n b')).toBe(true);
    expect(re('[ )]x').matches(')x')).toBe(true);
    expect(re('\\Q(a b)\\E').matches('(a b)')).toBe(true);
    expect(re('\\)x').matches(')x')).toBe(true);
    expect(re('[[:alpha:])]+').matches('ab)')).toBe(true);
  });
});

describe('allow list', () => {
  it('hides a finding whose flagged words wholly match, never the checker\u2019s own reports', () => {
    const text = 'The MASH met. The TAF met.';
    const before = linter.lint(text).findings.filter((f) => f.ruleId === 'acronym-defined-on-first-use');
    expect(before.length).toBeGreaterThan(0);
    const allowed = compileAllowList(['mash', 'T.F']);
    expect(before.filter((f) => !allowed(f)).map((f) => f.quote)).toEqual(before.filter((f) => !/^(MASH|TAF)$/.test(f.quote ?? '')).map((f) => f.quote));
    expect(allowed({ ruleId: 'rule-failed', category: 'housekeeping', severity: 'info', message: '', span: { start: 0, end: 0 }, fixes: [], quote: 'MASH' })).toBe(false);
  });

  it('names bad entries', () => {
    expect(validateAllowList(['ok', '(', 3]).problems.map((p) => p.path)).toEqual(['allow[1]', 'allow[2]']);
    expect(validateAllowList('MASH').problems[0]!.path).toBe('allow');
  });
});
