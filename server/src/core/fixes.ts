/** Applies fixes as data to text, refusing overlapping edits so a fix can never corrupt a draft. */
import type { Edit, Finding } from './types';

/** Applies non-overlapping edits; edits that overlap an earlier one are skipped and counted. */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  let applied = 0;
  let skipped = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) {
      skipped++;
      continue;
    }
    out += text.slice(at, e.start) + e.text;
    at = e.end;
    applied++;
  }
  return { text: out + text.slice(at), applied, skipped };
}

/** The edits of every safe fix among the findings: what "fix all" applies. Suggestions never join. */
export function safeEdits(findings: readonly Finding[]): Edit[] {
  return findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'safe').slice(0, 1).flatMap((x) => x.edits));
}
