/** R06: a promise to involve the family after a trial, inquest or proceedings that the draft never returns to. */
import type { Check } from '../../check';
import { analyseInvolvement, followedUp } from './analysis';
import { digest, insertion, labelOf, rapidNote, SEED_000, SEED_003 } from './common';
import { DEFERRAL_CONDITION, OWNER, TIMESCALE } from './lexicon';
import { memoTest } from './memo';

const MESSAGE =
  'This promises to involve {{name}} after the {{term}}, but nothing later in the draft says whether it happened. Published reviews have made this promise and never returned to it (Harrison and Barker 2024). Add an update saying whether the meeting took place and what it added, or say who will offer it, by when, and how any new learning will be published.';

const NOUN = /\b(proceedings|trial|inquest|investigations?|sentencing|hearings?|court case|prosecution|process(?:es)?)\b/i;

export const deferredInvolvementNotFollowedUp: Check = {
  meta: {
    id: 'deferred-involvement-not-followed-up',
    category: 'family-involvement',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'When the family is to be involved after a trial or inquest, say later whether it happened, or who will make it happen and when.',
    message: MESSAGE.replace('{{name}}', 'the family').replace('{{term}}', 'proceedings'),
    rationale:
      'Where a review decides to wait until criminal or civil proceedings end before meeting the family, the analysis may need to change later, and anticipating that early helps avoid tokenism. The study of published reviews found reports that stated an intention to meet the family once proceedings had concluded and then made no further reference to it. This rule looks for an update, addendum or later statement after the promise (for example "Since the trial ended, the mother has met the reviewer"), or a named owner with a timescale or an addendum arrangement beside it. Its quick fix inserts an update placeholder where the outcome belongs. Rapid reviews are judged more lightly.',
    good: 'Both parents will be offered the opportunity to contribute once the trial has concluded. The partnership business manager will make the offer within four weeks of the verdict, and any further learning will be published as an addendum.',
    sources: [
      { document: SEED_000, year: 2024, section: 'Findings, "Children and families were excluded": two reports intended to meet the family after proceedings and made no further reference to it', note: 'family-involvement.md line 215 (R06), line 671' },
      { document: SEED_003, year: 2022, section: 'Section 1.3: where involvement waits until proceedings conclude, it may be necessary to amend the analysis later' },
      digest('215-226', 'R06 deferred-involvement-not-followed-up'),
    ],
    examples: {
      valid: [
        { text: '## Family involvement\n\nThe parents will be invited to contribute once the criminal trial has concluded.\n\n## Update\n\nSince the trial ended, the mother has met the reviewer twice; her account is reflected in finding 2. The father declined.' },
        { text: '## Family involvement\n\nThe family will be offered the opportunity to contribute after the inquest. The partnership business manager will make the offer within six weeks of the inquest, and any new learning will be published as an addendum.' },
        { text: '## Family involvement\n\nOnce the trial had concluded, both parents met the lead reviewer.', note: 'a past event, not a promise' },
      ],
      invalid: [
        {
          text: '## Family involvement\n\nThe family will be invited to contribute once the criminal trial has concluded.\n\n## Background\n\nChild A lived with her mother.',
          match: 'The family will be invited to contribute once the criminal trial has concluded.',
          output: '## Family involvement\n\nThe family will be invited to contribute once the criminal trial has concluded.\n\n[Update: say whether the meeting with the family took place after the trial, what they said and whether it changed the findings. If it has not happened yet, say who will offer it, by when, and how any new learning will be published, for example as an addendum.]\n\n## Background\n\nChild A lived with her mother.',
        },
        { text: '## Family involvement\n\nThe reviewer intends to meet the father after the inquest.', match: 'The reviewer intends to meet the father after the inquest.' },
      ],
    },
  },
  run(ctx) {
    const a = analyseInvolvement(ctx.doc);
    for (const s of a.statements) {
      if (!s.statuses.has('deferred')) continue;
      if (memoTest(OWNER, s.window) && memoTest(TIMESCALE, s.window)) continue;
      if (followedUp(a, s)) continue;
      const cond = DEFERRAL_CONDITION.exec(s.unit.text)?.[0] ?? '';
      const term = (NOUN.exec(cond)?.[1] ?? 'proceedings').toLowerCase();
      const name = labelOf(a, s.persons);
      const placeholder = `[Update: say whether the meeting with ${name} took place after the ${term}, what they said and whether it changed the findings. If it has not happened yet, say who will offer it, by when, and how any new learning will be published, for example as an addendum.]`;
      // After the paragraph; for a table row, after the table's section, so the table is not broken.
      const sectionEnd = s.unit.section?.section.end ?? ctx.doc.text.length;
      const inTable = s.unit.kind === 'row' || s.unit.block.kind === 'table-cell';
      const at = inTable ? sectionEnd : s.unit.block.end;
      const text = inTable && at < ctx.doc.text.length ? `${placeholder}\n\n` : `\n\n${placeholder}`;
      ctx.report({
        span: s.unit.span,
        message: MESSAGE.replace('{{name}}', name).replace('{{term}}', term) + rapidNote(ctx),
        fixes: [
          insertion('Insert an update placeholder for the outcome', at, text),
        ],
      });
    }
  },
};
