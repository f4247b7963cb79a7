/** Applies inline disable comments and the user's per-rule severities to raw findings. */
import type { ParsedDocument } from './document/model';
import { lineOf } from './document/parse';
import type { Finding, ReviewType, RuleMeta, Severity, SeveritySetting } from './types';

/** Rules that report on disable comments themselves, which a disable comment must not hide. */
export const UNSUPPRESSIBLE = new Set(['disable-comment-reason', 'inline-disable-forbidden', 'rule-failed', 'document-too-large']);

/** Drops findings that a disable comment covers, when inline disables are allowed. */
export function suppress(doc: ParsedDocument, findings: Finding[], allowInline: boolean, _meta: ReadonlyMap<string, RuleMeta>): Finding[] {
  if (!allowInline || doc.comments.length === 0) return findings;
  return findings.filter((f) => {
    if (UNSUPPRESSIBLE.has(f.ruleId)) return true;
    const line = lineOf(doc.lineStarts, f.span.start);
    return !doc.comments.some(
      (c) => (c.ruleIds.length === 0 || c.ruleIds.includes(f.ruleId)) && (c.scope === 'file' || c.targetLine === line),
    );
  });
}

/** The final severity: the user's setting, else the rule's setting for this review type, else the finding's own. */
export function applySeverity(
  meta: RuleMeta,
  found: Severity,
  reviewType: ReviewType | undefined,
  user: Readonly<Record<string, SeveritySetting>> | undefined,
): SeveritySetting {
  const own = user?.[meta.id];
  if (own) return own;
  const byType = reviewType ? meta.severityByReviewType?.[reviewType] : undefined;
  if (meta.defaultOff) return 'off';
  if (byType === 'off') return 'off';
  // A finding reported below the rule's own level (a quoted record, say) keeps its lower level.
  if (byType && found === meta.severity) return byType;
  return found;
}
