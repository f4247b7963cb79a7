/**
 * A Black or minoritised child excluded from school, treated as a suspect or seen as older than
 * their age, in a review that never considers race, racism or bias.
 */
import type { Check } from '../../check';
import { blockFacts } from '../../check';
import { isWholeReview } from '../../context/document-kind';
import type { BlockRole } from '../../document/model';
import { NON_PROSE_ROLES } from '../../document/roles';
import { perChildNames } from './by-names';
import { draft } from './examples';
import { identityFacts } from './identity-facts';
import { RACE_ANALYSIS } from './lexicon';
import { capitalise, possessive, SOURCES } from './shared';
import { subjectOf } from './subject';

const EVENTS: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:permanent(?:ly)?|fixed[\s-]+term)\s+exclu(?:ded|sions?)\b|\bexclu(?:ded|sions?)\s+from\s+(?:school|the\s+academy|college|class|lessons|the\s+classroom)\b|\bschool\s+exclusions?\b|\bsuspended\s+from\s+(?:school|the\s+academy)\b|\bmanaged\s+move\b|\boff-?roll(?:ed|ing)\b/i, 'excluded from school'],
  [/\bstrip[\s-]+search\w*|\b(?:was|were|been|being)\s+(?:arrested|handcuffed|searched|detained)\b|\bstop(?:ped)?\s+and\s+search\w*|\btreated\s+(?:him|her|them)?\s*(?:as|like)\s+(?:an?\s+)?(?:suspect|offender|criminal|perpetrator|adult)\b|\bcriminal(?:\s+justice)?\s+(?:response|approach)\b|\bsuspected\s+of\s+(?:possessing|carrying|dealing|theft|stealing|being)\b/i, 'treated as a suspect'],
  [/\b(?:seen|viewed|treated|perceived|regarded|described|spoken\s+to)\s+as\s+(?:much\s+|far\s+)?(?:older|an\s+adult|a\s+young\s+(?:man|woman)|mature|streetwise|street-?wise)\b|\bmature\s+(?:for|beyond)\s+(?:his|her|their)\s+(?:age|years)\b|\bstreet-?wise\b|\bolder\s+than\s+(?:his|her|their)\s+(?:age|years)\b/i, 'seen as older than their age'],
];
const QUICK = /exclu|suspend|managed\s+move|off-?roll|search|arrest|handcuff|detain|suspect|treated|criminal|older|mature|street/i;
const SKIP: ReadonlySet<BlockRole> = new Set(['glossary', 'references', 'contents', 'recommendations']);

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);

/** What a block says about race, and the first event in it that calls for it, with offsets relative to the block. */
interface RaceFacts {
  /** The block considers race, racism or bias (a heading counts too). */
  considered: boolean;
  /** The first event in its sentences that happened to the child or family. */
  event: { start: number; end: number; what: string } | undefined;
}
const NO_RACE: RaceFacts = { considered: false, event: undefined };
const CONSIDERED: RaceFacts = { considered: true, event: undefined };

// Who an event happened to turns on the children's names, so the fact is read with them.
const RACE = perChildNames<RaceFacts>('identity/race', (childNames) => (block) => {
  // Headings count too: "Adultification and race" as a section title shows it was considered.
  if (block.kind === 'heading') return RACE_ANALYSIS.test(block.prose) ? CONSIDERED : NO_RACE;
  if (!PROSE_KINDS.has(block.kind) || (NON_PROSE_ROLES.has(block.role) && block.role !== 'quoted-record')) return NO_RACE;
  if (RACE_ANALYSIS.test(block.prose)) return CONSIDERED;
  if (SKIP.has(block.role) || !QUICK.test(block.prose)) return NO_RACE;
  for (const s of block.sentences) {
    for (const [re, what] of EVENTS) {
      const m = re.exec(s.text);
      if (!m) continue;
      const subject = subjectOf(s.text, m.index, m.index + m[0].length, childNames);
      if (subject === 'parent' || subject === 'other' || subject === 'generic') continue;
      return { considered: false, event: { start: s.start + m.index, end: s.start + m.index + m[0].length, what } };
    }
  }
  return NO_RACE;
});

const bg = 'Child R is a 14-year-old Black British boy who lives with his mother and two sisters. The family are Christian and English is their first language. Child R has dyslexia and receives support at school.';

/** The check. */
export const racismNotConsidered: Check = {
  meta: {
    id: 'racism-not-considered',
    category: 'identity-context',
    kind: 'check',
    severity: 'info',
    scope: 'document',
    fix: 'suggestion',
    summary: 'Where a Black or minoritised child was excluded, treated as a suspect or seen as older, consider whether race or bias played a part.',
    message: 'The child was excluded from school, treated as a suspect or seen as older than their age, and the review does not consider whether race, racism or bias played a part. Ask: would a white British child in comparable circumstances have been treated the same way, and were the child’s age and vulnerability recognised (adultification)?',
    rationale:
      'The annual review of local reviews (2022) found that the possible impact of race and racism was not usually explored, gave examples where race was plainly relevant but not discussed, and described how an undervaluing of Black children’s needs led to late recognition of their vulnerability and heavy-handed responses such as exclusion; excluding minoritised children from school increases their exposure to exploitation. Among its messages for practice is a comparator question: would a white British child in a similar situation have been treated in the same way? The Panel (2023) describes adultification, citing Child Q, and the disproportionate exclusion of Black and minoritised teenagers. This is an information-level prompt, not a verdict: it fires only when the review describes the child or family as Black or minoritised, reports one of these events about the child, and never mentions race, racism, bias, discrimination, disproportionality, adultification or the comparator question anywhere.',
    good: 'The review asked whether a white British boy in comparable circumstances would have been excluded; the school’s own data showed that Black boys were excluded at three times the rate of their white peers.',
    sources: [SOURCES.annualReviewSchools, SOURCES.annualReviewRace, SOURCES.panelAdultification, SOURCES.digest],
    examples: {
      valid: [
        { text: draft({ background: bg, extra: '## Education\n\nChild R was permanently excluded from school in Year 9.\n', analysis: 'The review asked whether a white British child in comparable circumstances would have been excluded, and found that the school had not considered this. Black boys were excluded at a higher rate than their peers in the area.' }) },
        { text: draft({ background: bg, extra: '## Education\n\nChild R was permanently excluded from school in Year 9.\n', analysis: 'Practitioners saw Child R as older than he was; the review considers this adultification.' }) },
        { text: draft({ background: bg.replace('Black British', 'White British'), extra: '## Education\n\nChild R was permanently excluded from school in Year 9.\n' }), note: 'a White British child: the identity-not-analysed rule covers this' },
        { text: draft({ background: bg, extra: '## Education\n\nHis father was arrested in March.\n' }), note: 'the event is about an adult' },
        { text: 'Child R is a Black British boy. He was permanently excluded from school in Year 9.', note: 'a fragment' },
      ],
      invalid: [
        { text: draft({ background: bg, extra: '## Education\n\nChild R was permanently excluded from school in Year 9.\n' }), match: 'permanently excluded', severity: 'info' },
        { text: draft({ background: bg.replace('a 14-year-old Black British boy', 'a 14-year-old boy of mixed White and Black Caribbean heritage'), extra: '## Police contact\n\nChild R was strip-searched at school after staff suspected he had cannabis.\n' }), match: 'strip-searched' },
        { text: draft({ background: bg, extra: '## Education\n\nTeachers described Child R as streetwise and mature for his age.\n' }), match: 'streetwise' },
      ],
    },
  },
  run(ctx) {
    if (!isWholeReview(ctx.doc)) return;
    const facts = identityFacts(ctx.doc);
    if (!facts.minoritised) return;
    let event: { start: number; end: number; paragraphEnd: number; what: string } | undefined;
    const race = RACE(facts.childNames);
    // Block by block, so the first block that considers race ends the reading.
    for (const block of ctx.doc.blocks) {
      const f = blockFacts(ctx, race.fact.name, block, race.read);
      if (f.considered) return;
      if (event || !f.event) continue;
      event = { start: block.start + f.event.start, end: block.start + f.event.end, paragraphEnd: block.end, what: f.event.what };
    }
    if (!event) return;
    const child = facts.childName;
    ctx.report({
      span: { start: event.start, end: event.end },
      message: `${capitalise(child)} was ${event.what}, and the review never considers whether race, racism or bias played a part. The 2022 annual review asks: would a white British child in comparable circumstances have been treated the same way, and were ${possessive(child)} age and vulnerability recognised, or was ${child} adultified?`,
      fixes: [
        {
          title: 'Add the comparator question',
          kind: 'suggestion',
          edits: [{ start: event.paragraphEnd, end: event.paragraphEnd, text: ` [The review considered whether race or racism affected how ${child} was seen and treated: would a white British child in comparable circumstances have been treated the same way? Conclusion and evidence.]` }],
        },
      ],
    });
  },
};
