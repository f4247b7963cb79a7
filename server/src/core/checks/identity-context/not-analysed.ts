/** Identity stated in the background but never used in the analysis or findings. */
import type { Check } from '../../check';
import { isWholeReview } from '../../context/document-kind';
import type { Fix } from '../../types';
import { draft } from './examples';
import type { Characteristic } from './identity-facts';
import { identityFacts } from './identity-facts';
import { CHARACTERISTICS } from './lexicon';
import { possessive, SOURCES } from './shared';

const WORDS: Record<Characteristic, string> = { ethnicity: 'heritage', religion: 'faith', language: 'language', disability: 'disability or special educational needs' };

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const bg = 'Child R is nine and lives with her mother and younger brother. The family are of Eritrean heritage and Orthodox Christian; her mother’s first language is Tigrinya. Child R has no known disability.';

/** The check. */
export const identityNotAnalysed: Check = {
  meta: {
    id: 'identity-not-analysed',
    category: 'identity-context',
    kind: 'check',
    severity: 'info',
    scope: 'document',
    fix: 'suggestion',
    summary: 'Use the child’s identity in the analysis, not only in the background.',
    message: "The review states the child's identity in the background but the analysis never returns to it. Stating a background is not enough: say what it meant for the child's daily life and for how services responded, even if the answer is that it made no difference.",
    rationale:
      'The annual review of local reviews (2022) says that naming a child’s ethnicity, disability or other characteristics is only a start: the review has to use them when it analyses the child’s daily life and whether the help they got was relevant; the Panel (2023) found that even where 95% of rapid reviews recorded ethnicity, this did not always lead to any consideration of its impact. The rule looks for any mention of identity, culture, faith, language, disability, racism or bias in the analysis or findings; a sentence saying the review considered identity and found it made no difference is enough. It stays quiet on fragments and on drafts without an analysis or findings section.',
    good: 'The review considered whether Child R’s Eritrean heritage and her mother’s limited English affected how services worked with the family: no interpreter was booked for the health visits, so her mother could not explain her worries.',
    sources: [SOURCES.annualReviewLearning, SOURCES.panelIdentity, SOURCES.panelRace, SOURCES.digest],
    examples: {
      valid: [
        { text: draft({ background: bg, analysis: 'No interpreter was booked for the health visits, so Child R’s mother could not explain her worries in her first language. The review considered whether the family’s heritage affected how services saw them.' }) },
        { text: draft({ background: bg, analysis: 'Practitioners did not ask how the family’s Orthodox faith shaped their routines.' }), note: 'a stated value, discussed' },
        { text: 'Child R is of Eritrean heritage. Her mother’s first language is Tigrinya.', note: 'a fragment' },
        { text: draft({ background: bg.replace(/The family.*Tigrinya\. /, ''), analysis: 'The review considered whether Child R’s heritage mattered and found no evidence that it shaped the response.' }) },
      ],
      invalid: [
        { text: draft({ background: bg }), match: 'of Eritrean heritage', severity: 'info' },
        { text: draft({ background: bg, analysis: 'The organisational culture of the team discouraged challenge.\n\nManagers did not review the case for six months.' }), match: 'of Eritrean heritage', note: '"organisational culture" is not identity' },
      ],
    },
  },
  run(ctx) {
    if (!isWholeReview(ctx.doc)) return;
    const facts = identityFacts(ctx.doc);
    if (!facts.hasAnalysisSection || facts.usedInAnalysis) return;
    const statements = CHARACTERISTICS.flatMap((c) => facts.characteristics[c].statements).filter((s) => s.kind === 'stated' && s.subject !== 'other' && s.subject !== 'generic');
    if (statements.length === 0) return;
    statements.sort((a, b) => a.span.start - b.span.start);
    const first = statements[0]!;
    const stated = CHARACTERISTICS.filter((c) => statements.some((s) => s.characteristic === c)).map((c) => WORDS[c]);
    const child = facts.childName;
    const section = ctx.doc.sections.find((s) => s.role === 'analysis' || s.role === 'findings');
    const fixes: Fix[] = section
      ? [
          {
            title: 'Insert a paragraph on how identity shaped the child’s experience',
            kind: 'suggestion',
            edits: [{ start: section.heading.end, end: section.heading.end, text: `\n\nHow ${possessive(child)} identity shaped their experience and the response of services: [${list(stated)} as they mattered in daily life]; [whether practitioners asked about them and how this affected their assessments]; [the learning].` }],
          },
        ]
      : [];
    ctx.report({
      span: first.span,
      message: `The review states ${possessive(child)} ${list(stated)}, but the analysis never returns to ${stated.length > 1 ? 'them' : 'it'}. The 2022 annual review of local reviews found that stating a background is not enough: say what it meant for ${possessive(child)} daily life and for how services responded, even if the answer is that it made no difference.`,
      fixes,
    });
  },
};
