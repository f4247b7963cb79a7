/**
 * A partnership's own terms (the `customTerms` setting) and allow list (the `allow` setting).
 *
 * These patterns come from users, not from the project, so they are compiled with re2js, a port of
 * RE2: matching takes time linear in the text whatever the pattern, so a pattern such as `(a+)+$`
 * cannot hang the editor. RE2 has no look-ahead, look-behind or back-references; a pattern that uses
 * them, or does not compile, or matches empty text, is refused with a message naming the setting.
 */
import { RE2JS } from 're2js';
import type { Check } from './check';
import { voiceOf } from './context/voice';
import type { Block } from './document/model';
import { NON_PROSE_ROLES } from './document/roles';
import { fill } from './template';
import type { Finding, Fix, RuleMeta, Severity } from './types';
import { SEVERITIES } from './types';

/** One custom term as the user writes it. */
export interface CustomTerm {
  /** An RE2 regular expression, matched case-insensitively on word boundaries. */
  pattern: string;
  /** What to tell the author; may use {{match}} and {{replacement}}. */
  message: string;
  severity?: Severity;
  /** Wording to offer instead, as a suggestion (never applied by "fix all"). */
  replacement?: string;
}

/** A problem with one user-supplied entry: the setting path (`customTerms[2].pattern`) and why. */
export interface PatternProblem {
  path: string;
  message: string;
}

/** Limits that keep compiling and matching user patterns cheap. */
export const MAX_CUSTOM_TERMS = 500;
export const MAX_PATTERN_LENGTH = 1000;
export const MAX_MESSAGE_LENGTH = 1000;

/** The rule id every custom-term finding carries. */
export const CUSTOM_TERM_ID = 'custom-term';

/** The metadata of custom-term findings, shown in hovers and the generated docs page. */
export const CUSTOM_TERM_META: RuleMeta = {
  id: CUSTOM_TERM_ID,
  category: 'housekeeping',
  kind: 'check',
  severity: 'warning',
  scope: 'sentence',
  fix: 'suggestion',
  summary: 'Wording your partnership has listed to avoid, from the customTerms setting.',
  message: '\u2018{{match}}\u2019 is on your partnership\u2019s list of wording to avoid.',
  rationale:
    'Partnerships have their own house style and local terms that readers outside the area will not know. The customTerms setting (or `customTerms` in .cspr-lint.yaml) lists each one as a pattern with the message to show, a severity and, if you like, a replacement offered as a suggestion. Nothing is reported until a term is listed. Quotations and sentences that discuss the wording itself are left alone, as for the built-in rules.',
  good: 'Follow the message your partnership wrote for the term; it should say what to write instead.',
  sources: [
    {
      document: 'cspr-lint design',
      note: 'Patterns are compiled with re2js, a port of RE2, so matching time grows only in step with the text: a pattern cannot hang the editor, as with the user patterns of proselint, Harper and woke.',
    },
  ],
  examples: {
    valid: [
      { text: 'The leaflet invited "service users" to a drop-in session.', note: 'with the term `service users` listed: a quotation is not the author\u2019s own wording' },
      { text: 'The term service users was avoided in this review.', note: 'the sentence discusses the wording itself' },
      { text: 'Families were offered a home visit.', note: 'the listed wording is absent' },
    ],
    invalid: [
      { text: 'Service users were offered a home visit.', match: 'Service users', output: 'Families were offered a home visit.', note: 'with the term `service users` listed and `families` as its replacement' },
    ],
  },
};

const FLAGS = RE2JS.CASE_INSENSITIVE;
const BAD_FEATURE = /\(\?[=!]|\(\?<[=!]|\\[1-9]|\\k</;

/**
 * Checks that a pattern's parentheses balance (so it cannot close the word-boundary wrapper early)
 * and lets a space match any run of white space, as a paragraph may wrap between words.
 * Escapes, character classes and \Q...\E literals are copied as written.
 */
function prepare(source: string): { ok: true; source: string } | { ok: false; reason: string } {
  let out = '';
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (source[i + 1] === 'Q') {
        const end = source.indexOf('\\E', i + 2);
        const stop = end < 0 ? source.length : end + 2;
        out += source.slice(i, stop);
        i = stop - 1;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === '[') {
      // Copy the class through its closing bracket; "]" first in a class is a literal.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[' && source[j + 1] === ':') {
          const close = source.indexOf(':]', j + 2);
          if (close > 0) j = close + 1;
        }
      }
      out += source.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return { ok: false, reason: 'is not a pattern cspr-lint can use: it has a ")" without a matching "("' };
    out += c === ' ' ? '(?:\\s+)' : c;
  }
  return { ok: true, source: out };
}

/**
 * Compiles a user pattern with re2js, or says in plain words why it cannot be used.
 * `wrapped`: between word boundaries, with the term itself as group 1 (custom terms);
 * otherwise anchored to match whole words only (allow lists). Matching is case-insensitive.
 */
export function compileUserPattern(source: string, wrapped: boolean): { ok: true; re: RE2JS } | { ok: false; reason: string } {
  if (typeof source !== 'string' || source.trim() === '') return { ok: false, reason: 'is empty' };
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  const prepared = prepare(source);
  if (!prepared.ok) return prepared;
  let alone: RE2JS;
  let re: RE2JS;
  try {
    // Compiled as written first, so an error message quotes the user's own text.
    RE2JS.compile(source);
    alone = RE2JS.compile(`(?:${prepared.source})`, FLAGS);
    re = wrapped ? RE2JS.compile(`(?:^|[^\\pL\\pN])(${prepared.source})(?:[^\\pL\\pN]|$)`, FLAGS) : alone;
  } catch (e) {
    const detail = ((e as Error).message || 'not a valid pattern').replace(/^error parsing regexp:\s*/, '');
    const hint = BAD_FEATURE.test(source) ? ' (look-ahead, look-behind and back-references are not supported, so that matching always stays fast)' : '';
    return { ok: false, reason: `is not a pattern cspr-lint can use: ${detail}${hint}` };
  }
  if (alone.matches('')) return { ok: false, reason: 'matches empty text, so it would match everywhere' };
  return { ok: true, re };
}

/** Validates the `customTerms` setting entry by entry: good entries are kept, each bad one is named. */
export function validateCustomTerms(value: unknown, name = 'customTerms'): { terms: CustomTerm[]; problems: PatternProblem[] } {
  const problems: PatternProblem[] = [];
  const terms: CustomTerm[] = [];
  if (!Array.isArray(value)) return { terms, problems: [{ path: name, message: 'should be a list of terms, each with a pattern and a message' }] };
  if (value.length > MAX_CUSTOM_TERMS) problems.push({ path: name, message: `has ${value.length} terms; only the first ${MAX_CUSTOM_TERMS} are used` });
  value.slice(0, MAX_CUSTOM_TERMS).forEach((entry: unknown, i) => {
    const at = `${name}[${i}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return problems.push({ path: at, message: 'should have a pattern and a message' });
    const e = entry as Record<string, unknown>;
    const unknown = Object.keys(e).filter((k) => !['pattern', 'message', 'severity', 'replacement'].includes(k));
    if (unknown.length) return problems.push({ path: `${at}.${unknown[0]}`, message: 'is not a field of a custom term (use pattern, message, severity, replacement)' });
    if (typeof e.pattern !== 'string') return problems.push({ path: `${at}.pattern`, message: 'is missing or not text' });
    if (typeof e.message !== 'string' || e.message.trim() === '') return problems.push({ path: `${at}.message`, message: 'is missing or empty' });
    if (e.message.length > MAX_MESSAGE_LENGTH) return problems.push({ path: `${at}.message`, message: `is longer than ${MAX_MESSAGE_LENGTH} characters` });
    if (e.severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(e.severity)) return problems.push({ path: `${at}.severity`, message: `must be one of ${SEVERITIES.join(', ')}` });
    if (e.replacement !== undefined && (typeof e.replacement !== 'string' || e.replacement.length > MAX_MESSAGE_LENGTH)) return problems.push({ path: `${at}.replacement`, message: 'should be text' });
    const compiled = compileUserPattern(e.pattern, true);
    if (!compiled.ok) return problems.push({ path: `${at}.pattern`, message: compiled.reason });
    terms.push({ pattern: e.pattern, message: e.message, ...(e.severity ? { severity: e.severity as Severity } : {}), ...(e.replacement !== undefined ? { replacement: e.replacement } : {}) });
    return undefined;
  });
  return { terms, problems };
}

/** Validates an allow list of patterns (the `allow` setting). */
export function validateAllowList(value: unknown, name = 'allow'): { patterns: string[]; problems: PatternProblem[] } {
  const problems: PatternProblem[] = [];
  const patterns: string[] = [];
  if (!Array.isArray(value)) return { patterns, problems: [{ path: name, message: 'should be a list of words or patterns' }] };
  if (value.length > MAX_CUSTOM_TERMS) problems.push({ path: name, message: `has ${value.length} entries; only the first ${MAX_CUSTOM_TERMS} are used` });
  value.slice(0, MAX_CUSTOM_TERMS).forEach((p: unknown, i) => {
    if (typeof p !== 'string') return problems.push({ path: `${name}[${i}]`, message: 'should be text' });
    const compiled = compileUserPattern(p, false);
    if (!compiled.ok) return problems.push({ path: `${name}[${i}]`, message: compiled.reason });
    patterns.push(p);
    return undefined;
  });
  return { patterns, problems };
}

interface CompiledTerm {
  term: CustomTerm;
  re: RE2JS;
}

interface RawMatch {
  term: number;
  start: number;
  end: number;
}

/** Compiled custom terms: a check the linter runs like any other, so a failure is isolated the same way. */
export interface CompiledCustomTerms extends Check {
  readonly count: number;
}

function preserveCase(match: string, replacement: string): string {
  const first = match[0] ?? '';
  if (replacement && first && first === first.toUpperCase() && first !== first.toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * Compiles validated custom terms once. Entries that do not compile are skipped (validation has
 * already named them). Matches are cached per block text, so typing re-matches only the edited block.
 */
export function compileCustomTerms(terms: readonly CustomTerm[]): CompiledCustomTerms {
  const compiled: CompiledTerm[] = [];
  for (const term of terms.slice(0, MAX_CUSTOM_TERMS)) {
    if (!term || typeof term.pattern !== 'string' || typeof term.message !== 'string') continue;
    const c = compileUserPattern(term.pattern, true);
    if (c.ok) compiled.push({ term, re: c.re });
  }
  let cache = new Map<string, RawMatch[]>();
  const matchesIn = (prose: string): RawMatch[] => {
    const hit = cache.get(prose);
    if (hit) return hit;
    const out: RawMatch[] = [];
    compiled.forEach((t, i) => {
      if (!t.re.test(prose)) return;
      const m = t.re.matcher(prose);
      let at = 0;
      while (at <= prose.length && m.find(at)) {
        const start = m.start(1);
        const end = m.end(1);
        if (end > start) out.push({ term: i, start, end });
        // Resume at the end of the term itself: the boundary character after it may open the next match.
        at = Math.max(end, start + 1);
      }
    });
    if (cache.size > 20_000) cache = new Map();
    cache.set(prose, out);
    return out;
  };

  return {
    count: compiled.length,
    meta: CUSTOM_TERM_META,
    run(ctx) {
      if (compiled.length === 0) return;
      const prose = ctx.prose;
      for (let i = 0; i < prose.length; i++) {
        const block: Block = prose[i]!;
        if (NON_PROSE_ROLES.has(block.role) && block.role !== 'quoted-record') continue;
        const found = matchesIn(block.prose);
        for (const raw of found) {
          const span = { start: block.start + raw.start, end: block.start + raw.end };
          const voice = voiceOf(block, span, prose[i + 1]);
          // The partnership's list is about the author's own wording, not quotations or discussion of the term.
          if (voice.kind === 'quoted' || voice.kind === 'rejected' || (voice.kind === 'meta' && voice.reason !== 'generic')) continue;
          const { term } = compiled[raw.term]!;
          const match = ctx.doc.text.slice(span.start, span.end);
          const replacement = term.replacement !== undefined ? preserveCase(match, term.replacement) : undefined;
          const fixes: Fix[] = replacement !== undefined ? [{ title: `Replace with "${replacement}"`, kind: 'suggestion', edits: [{ ...span, text: replacement }] }] : [];
          ctx.report({ span, message: fill(term.message, { match, replacement }), fixes, ...(term.severity ? { severity: term.severity } : {}) });
        }
      }
    },
  };
}

/** Findings an allow list never hides: the checker's reports about itself. */
const NOT_ALLOWABLE = new Set(['rule-failed', 'document-too-large', 'front-matter-invalid', 'inline-disable-forbidden', 'disable-comment-reason']);

/**
 * Compiles an allow list: a finding whose flagged words wholly match one of the patterns
 * (ignoring case and runs of white space) is not reported.
 */
export function compileAllowList(patterns: readonly string[]): (f: Finding) => boolean {
  const res: RE2JS[] = [];
  for (const p of patterns.slice(0, MAX_CUSTOM_TERMS)) {
    const c = typeof p === 'string' ? compileUserPattern(p, false) : undefined;
    if (c?.ok) res.push(c.re);
  }
  if (res.length === 0) return () => false;
  return (f) => {
    if (NOT_ALLOWABLE.has(f.ruleId) || !f.quote) return false;
    const words = f.quote.replace(/\s+/g, ' ').trim();
    return words.length > 0 && res.some((re) => re.matches(words));
  };
}
