/** Reports disable comments that give no reason, or that the workspace does not allow. */
import type { Check } from '../check';

/** The text the editor inserts for the author to replace with a reason. */
export const DISABLE_REASON_PLACEHOLDER = 'give your reason here';

/** A disable comment must say why, so an editor can judge it later. */
export const disableCommentReason: Check = {
  meta: {
    id: 'disable-comment-reason',
    category: 'housekeeping',
    kind: 'check',
    severity: 'warning',
    scope: 'document',
    fix: 'none',
    summary: 'A comment that switches a check off must give a reason.',
    message: 'This comment switches off {{name}} without a reason. Add one after " -- ", for example "-- direct quotation from the case record".',
    rationale:
      'Switching a check off is sometimes right, for instance for a direct quotation the review goes on to discuss. A written reason lets an editor or the Panel see why, and stops switched-off checks hiding real problems.',
    good: '<!-- cspr-lint-disable-next-line no-putting-self-at-risk -- quotation from the strategy meeting minutes -->',
    sources: [{ document: 'cspr-lint design', note: 'Follows ESLint\u2019s "-- description" convention for disable comments.' }],
    examples: {
      valid: [{ text: '<!-- cspr-lint-disable-next-line acronym-defined-on-first-use -- defined in the glossary of the partner report -->\nThe MASH met.' }],
      invalid: [{ text: '<!-- cspr-lint-disable-next-line acronym-defined-on-first-use -->\nThe MASH met.', match: '<!-- cspr-lint-disable-next-line acronym-defined-on-first-use -->' }],
    },
  },
  run(ctx) {
    for (const c of ctx.doc.comments) {
      // The placeholder the "disable with a reason" code action inserts is not yet a reason.
      if (c.reason && c.reason !== DISABLE_REASON_PLACEHOLDER) continue;
      ctx.report({ span: c, message: this.meta.message.replace('{{name}}', c.ruleIds.length ? c.ruleIds.join(', ') : 'every check') });
    }
  },
};
