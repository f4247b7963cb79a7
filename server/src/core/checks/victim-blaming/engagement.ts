/**
 * `no-engagement-blame`: "hard to reach", "refused to engage", "non-compliant", "absconded" and "did
 * not attend" used about a child (warning), or about parents and families (information, and only
 * when the paragraph gives no account of what happened). Agencies not engaging with each other are
 * not this pattern.
 */
import type { Check, Report } from '../../check';
import type { PeopleIndex } from '../../context/people';
import type { Block } from '../../document/model';
import type { Fix, Severity } from '../../types';
import type { BlockCandidates, BlockCheck, MatchCandidate, MatchContext } from './shared';
import { candidates, defineCandidates, fillIn, matchCandidates, matchContext, notAuthors, runBlockCheck, sentenceOf, SOURCES, subjectOf, suggestion } from './shared';

const QUICK = /engag|reach|complian|abscond|did not attend|didn't attend|failed to attend|\bDNA/i;

const TRIGGER = new RegExp(
  [
    String.raw`(?<reach>(?:(?:was|were|is|are|being|been) )?(?:hard|difficult)[- ]to[- ](?:reach|engage))`,
    String.raw`(?<refuse>(?:refused|refusing|refuses|refuse|failed|failing|fails|declined|declining|would not|wouldn't|did not|didn't|does not|doesn't|unwilling|reluctant|not willing|chose not) to engage|(?:was|were|is|are) not engaging|(?:did not|didn't|does not|doesn't) engage)`,
    String.raw`(?<label>non-?engag(?:ement|ing)|disengag(?:ed|ement|ing)|(?:poor|sporadic|limited|minimal|inconsistent|reluctant|little|lack of) engagement|reluctant (?:and|or) sporadic(?: engagement)?|non-?complian(?:t|ce)|avoidant(?![\s/-]+(?:attachment|personality|restrictive|food)))`,
    String.raw`(?<abscond>abscond(?:ed|ing|s|er|ers)?)`,
    String.raw`(?<dna>(?:did not|didn't|failed to) attend|\bDNA(?:'d|’d|'ed|ed)\b|\b(?:was|were) (?:recorded as )?(?:a )?DNA\b(?! (?:test|sample|evidence|profile|match)))`,
  ].join('|'),
  'gi',
);

// Concrete accounts of what happened, which make a parent's "did not engage" a summary, not a label.
const CONCRETE = /\b(because|fear\w*|afraid|frightened|scared|missed \w+ of|missed (?:\d+|two|three|four|five|six)|cancelled|declined|refused entry|hostil\w*|threat\w*|intimidat\w*|overwhelm\w*|distrust\w*|mistrust\w*|previous (?:removal|experience)|trauma\w*|interpreter|language|due to|as a result|owing to|so that|which meant|explained|told the review|said (?:she|he|they)|felt (?:judged|bullied|blamed)|no (?:interpreter|childcare|transport)|(?:worked|night) shifts|could not afford|bus fare|appointments? (?:were|was) (?:offered|sent|made))\b/i;
const AGENCY_OBJECT = /^\s+(?:with|in)\s+(?:the\s+)?(?:strategy|multi-agency|MARAC|meeting|conference|core group|panel|review|process|partnership|procedure)/i;

const MSG_CHILD = "'{{match}}' makes the child responsible for services not reaching them (annual review of LCSPRs, 2022). Say what was offered, how and where, and why it did not work for this child, for example 'CAMHS offered two clinic appointments by letter; Child R, who was being exploited, did not go, and no other way of seeing her was tried'.";
const MSG_ADULT = "'{{match}}' is a label that hides what services offered and why it did not fit the family (Panel annual report 2022/23). Say what happened, for example 'mother missed four of six appointments and twice did not answer the door', and what may explain it.";
const MSG_ABSCOND = "'{{match}}' is a criminal-justice word for a child going missing. Write '{{replacement}}' and say where the child may have been going and who with.";
const MSG_DNA = "'{{match}}' puts a young child's missed appointment on the child. A {{age}} cannot take themselves to an appointment: write '{{replacement}}', as the Panel does.";
const QUOTED = "'{{match}}' is quoted without comment. If this is a record's wording, say so and say what actually happened and why, so the label does not stand in for the explanation.";

function absconding(word: string): string {
  const w = word.toLowerCase();
  if (w === 'absconded') return 'went missing';
  if (w === 'absconding') return 'going missing';
  if (w === 'absconds') return 'goes missing';
  if (w === 'abscond') return 'go missing';
  return 'went missing';
}

// Agencies and professionals not engaging with a process ("with the strategy meeting") is read from the block alone.
const CANDIDATES = defineCandidates('victim-blaming/engagement-candidates', QUICK, (local): BlockCandidates<MatchCandidate> => {
  const found = matchCandidates(local, TRIGGER);
  if (found.items.length === 0) return found;
  return candidates(found.items.filter((c) => !AGENCY_OBJECT.test(afterMatch(local, c))));
});

/** The rest of the sentence after a match. */
function afterMatch(block: Block, c: MatchCandidate): string {
  const sentence = sentenceOf(block, c);
  return sentence.text.slice(block.start + c.end - sentence.start);
}

function decideBlock(block: Block, next: Block | undefined, items: readonly MatchCandidate[], people: PeopleIndex, out: Report[]): void {
  for (const c of items) decideOne(c, matchContext(block, c, next, people), out);
}

function decideOne(c: MatchCandidate, mc: MatchContext, out: Report[]): void {
  if (notAuthors(mc.voice)) return;
  const g = c.groups;
  const block = mc.block;
  const after = afterMatch(block, c);
  const quoted = mc.voice.kind === 'quoted';
  // "hard to reach families": the noun after the label is who it is about.
  const nounAfter = /^[\s-]+(famil(?:y|ies)|parents?|mothers?|fathers?|households?|communities|groups|adults?|men|dads|mums)\b/i.exec(after) ? 'adult' : /^[\s-]+(child(?:ren)?|young (?:people|person)|teenagers?|boys?|girls?|pupils?)\b/i.exec(after) ? 'child' : undefined;
  const subject = nounAfter ? undefined : subjectOf(mc);
  const who = subject ?? { subject: nounAfter as 'adult' | 'child', age: undefined as number | undefined };
  const ref = subject?.referent;
  // Agencies and professionals not engaging with each other (with a process: see CANDIDATES).
  if (ref && ref.kind === 'professional' && !g['dna']) return;
  let severity: Severity;
  let message: string;
  let fixes: Fix[] = [];
  let replacement: string | undefined;
  if (g['abscond']) {
    if (who.subject === 'adult') return;
    if (/^abscond(?:er|ers)$/i.test(c.text)) replacement = 'child who went missing';
    else replacement = absconding(c.text);
    severity = who.subject === 'child' ? 'warning' : 'info';
    message = MSG_ABSCOND;
    if (!/^abscond(?:er|ers)$/i.test(c.text)) fixes = [suggestion(`Replace with "${replacement}"`, mc.span, replacement)];
  } else if (g['dna']) {
    const young = (who.age !== undefined && who.age < 12) || (ref !== undefined && /\b(bab(?:y|ies)|infants?|toddlers?)\b|^Baby [A-Z]/i.test(ref.text));
    if (!young) return;
    replacement = /^DNA/i.test(c.text) ? 'was not brought to' : 'was not brought to';
    severity = 'info';
    message = MSG_DNA;
    if (/^(?:did not|didn't|failed to) attend$/i.test(c.text)) fixes = [suggestion(`Replace with "${replacement}"`, mc.span, replacement)];
  } else if (who.subject === 'child') {
    severity = CONCRETE.test(block.prose) ? 'info' : 'warning';
    message = MSG_CHILD;
  } else {
    // Parents, families or unknown: lower, and only when the paragraph explains nothing.
    if (CONCRETE.test(block.prose)) return;
    severity = 'info';
    message = MSG_ADULT;
    const reach = /^(was|were|is|are) (?:hard|difficult)[- ]to[- ]reach$/i.exec(c.text);
    if (reach) fixes = [suggestion(`Replace with "${reach[1]} not reached by services"`, mc.span, `${reach[1]} not reached by services`)];
  }
  const ageWord = who.age !== undefined ? `${who.age}-year-old` : 'young child';
  const report: Report = {
    span: mc.span,
    message: fillIn(quoted ? QUOTED : message, { match: c.text, replacement, age: ageWord }),
    severity: quoted ? 'info' : severity,
  };
  if (!quoted && fixes.length) report.fixes = fixes;
  out.push(report);
}

const check: BlockCheck<MatchCandidate> = { candidates: CANDIDATES, readsPeople: true, decide: decideBlock };

/** The check. */
export const noEngagementBlame: Check = {
  meta: {
    id: 'no-engagement-blame',
    category: 'victim-blaming',
    kind: 'check',
    severity: 'warning',
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Do not call a child hard to reach, non-engaging or absconding; say what services offered and why it did not work.',
    message: MSG_CHILD,
    rationale:
      '"Hard to reach", "refused to engage", "non-compliant" and "absconded" locate the problem in the child and hide what services offered and why it did not fit. The annual review of local reviews found that "reluctant and sporadic engagement" sanitised very different situations, from frightened parents to hostile and deceptive ones, and the Panel found the reasons behind not engaging (feeling overwhelmed, distrust, past abuse) often went unexplored. Used about a child, the words are victim-blaming and the check warns, or gives a note when the paragraph explains what happened. Used about parents and families (which is far more common) the words are a weaker problem, so the check gives only an information note, and only when the paragraph gives no account of what happened (missed appointments, fear, refused entry, an interpreter). Agencies not engaging with each other or with a meeting are not this pattern. "Absconded" is offered as "went missing", and a baby or young child who "did not attend" as "was not brought to", the Panel\'s own wording. When it is not clear who is meant, the wording is treated as being about the family.',
    good: 'CAMHS offered Child R two clinic appointments by letter. She did not go; she later told the review she was frightened the men would find out. No other way of seeing her was tried.',
    sources: [SOURCES.annualReviewEngagement, SOURCES.panelEngagement, SOURCES.guidanceTable, SOURCES.pitfalls],
    examples: {
      valid: [
        { text: 'CAMHS offered Child R two clinic appointments by letter. She did not go; she later told the review she was frightened the men would find out.' },
        { text: 'The GP did not engage with the strategy meeting.', note: 'an agency and a process' },
        { text: 'Mother did not engage with the health visitor because she feared her baby would be removed, as her older children had been.', note: 'parent wording with the reason given' },
        { text: "The review does not describe the family as 'hard to reach'; services did not find a way to reach them.", note: 'turned round' },
        { text: 'Adult B absconded from open prison in 2019.', note: 'an adult' },
        { text: "Baby N's DNA was tested at the hospital, and Child R showed an avoidant attachment to her carers.", note: 'DNA evidence and a clinical attachment style are not engagement labels' },
        { text: "Records say she 'absconded' from the unit; the review uses 'went missing', because she was a child.", note: 'quoted and challenged' },
      ],
      invalid: [
        { text: 'Child R, aged 15, refused to engage with CAMHS.', match: 'refused to engage' },
        { text: 'Jordan was described as hard to reach and non-compliant.', match: 'non-compliant', severity: 'info', note: 'reported, not challenged' },
        { text: 'Child R, aged 14, absconded from the children’s home twice that week.', match: 'absconded', output: 'Child R, aged 14, went missing from the children’s home twice that week.' },
        { text: 'The family were hard to reach.', match: 'were hard to reach', severity: 'info', output: 'The family were not reached by services.' },
        { text: 'Baby N, aged 8 weeks, did not attend her hearing screening.', match: 'did not attend', severity: 'info', output: 'Baby N, aged 8 weeks, was not brought to her hearing screening.' },
        { text: 'Mother’s engagement was reluctant and sporadic.', match: 'reluctant and sporadic', severity: 'info' },
      ],
    },
  },
  run(ctx) {
    runBlockCheck(ctx, check);
  },
};
