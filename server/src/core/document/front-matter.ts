/** Reads the optional YAML front matter at the top of a draft. */
import { parse as parseYaml } from 'yaml';
import type { ReviewType } from '../types';
import { REVIEW_TYPES } from '../types';
import type { FrontMatter } from './model';

const REVIEW_TYPE_ALIASES: Record<string, ReviewType> = {
  'rapid-review': 'rapid-review',
  rapid: 'rapid-review',
  'rapid review': 'rapid-review',
  lcspr: 'lcspr',
  'local child safeguarding practice review': 'lcspr',
  national: 'national',
  'national review': 'national',
  ncspr: 'national',
};

/** Turns a free-text review type into one we know, or undefined. */
export function toReviewType(value: unknown): ReviewType | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toLowerCase();
  return REVIEW_TYPE_ALIASES[key] ?? (REVIEW_TYPES as readonly string[]).find((t) => t === key) as ReviewType | undefined;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    // A map of role to pseudonym ("child: Child R") or pseudonym to description.
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'string' && /^(child|mother|father|sibling|carer|partner|grand|step|brother|sister|uncle|aunt|adult)/i.test(k) ? [v.trim()] : typeof v === 'string' ? [k.trim()] : strings(v),
    );
  }
  return [];
}

/** Finds and reads front matter; returns the span it covers and its fields, or an error message. */
export function readFrontMatter(text: string): FrontMatter {
  const empty: FrontMatter = { pseudonyms: [], raw: {} };
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return empty;
  const close = /\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return empty;
  const span = { start: 0, end: m.index + m[0].length };
  const body = text.slice(open[0].length, m.index);
  let raw: unknown;
  try {
    // logLevel 'error': the library would otherwise print warnings quoting the draft's own text to stderr.
    raw = parseYaml(body, { maxAliasCount: 50, logLevel: 'error' });
  } catch (e) {
    return { ...empty, span, error: `The front matter is not valid YAML (${(e as Error).message.split('\n')[0]}); it was ignored.` };
  }
  if (raw === null || raw === undefined) return { ...empty, span };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ...empty, span, error: 'The front matter should be a list of "key: value" lines; it was ignored.' };
  const rec = raw as Record<string, unknown>;
  const typeValue = rec['review-type'] ?? rec['reviewType'] ?? rec['review_type'] ?? rec['type'];
  const reviewType = toReviewType(typeValue);
  const out: FrontMatter = {
    span,
    pseudonyms: [...strings(rec['pseudonyms']), ...strings(rec['pseudonym']), ...strings(rec['child']), ...strings(rec['children'])],
    raw: rec,
  };
  if (reviewType) out.reviewType = reviewType;
  else if (typeValue !== undefined)
    out.error = `The front matter's review type "${String(typeValue)}" is not one of rapid-review, lcspr or national; it was ignored.`;
  if (typeof rec['publication'] === 'string') out.publication = rec['publication'];
  return out;
}
