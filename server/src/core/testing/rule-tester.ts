/** Runs a rule's own valid and invalid examples, the same ones its documentation shows. */
import { applyEdits } from '../fixes';
import type { Linter } from '../linter';
import type { Finding, InvalidExample, ReviewType, ValidExample } from '../types';

/** Findings of `ruleId` for an example text. */
export function findingsFor(linter: Linter, ruleId: string, text: string, reviewType?: ReviewType): Finding[] {
  return linter.lint(text, { reviewType: reviewType ?? 'lcspr' }).findings.filter((f) => f.ruleId === ruleId);
}

/** Problems with a valid example (empty when it passes). */
export function checkValid(linter: Linter, ruleId: string, ex: ValidExample): string[] {
  const found = findingsFor(linter, ruleId, ex.text, ex.reviewType);
  return found.map((f) => `unexpected finding on '${ex.text.slice(f.span.start, f.span.end)}': ${f.message}`);
}

/** Problems with an invalid example (empty when it passes). */
export function checkInvalid(linter: Linter, ruleId: string, ex: InvalidExample): string[] {
  const found = findingsFor(linter, ruleId, ex.text, ex.reviewType);
  const problems: string[] = [];
  const hit = found.find((f) => ex.text.slice(f.span.start, f.span.end) === ex.match);
  if (!hit) {
    problems.push(`expected a finding on '${ex.match}', got ${found.length ? found.map((f) => `'${ex.text.slice(f.span.start, f.span.end)}'`).join(', ') : 'none'}`);
    return problems;
  }
  if (/\{\{\s*\w+\s*\}\}/.test(hit.message)) problems.push(`message has an unfilled placeholder: ${hit.message}`);
  if (ex.severity && hit.severity !== ex.severity) problems.push(`expected severity ${ex.severity}, got ${hit.severity}`);
  if (ex.output !== undefined) {
    const fix = hit.fixes[0];
    if (!fix) problems.push('expected a fix, got none');
    else {
      const out = applyEdits(ex.text, fix.edits).text;
      if (out !== ex.output) problems.push(`fix gave '${out}', expected '${ex.output}'`);
    }
  }
  return problems;
}
