/**
 * Analysis checks: verdicts that stand in for analysis ("a lack of professional curiosity", "the school
 * failed to…") and hindsight blame of individual practitioners ("the social worker should have
 * known"). Both stay quiet when the same paragraph explains the conditions practitioners worked in or
 * what they knew at the time, when hindsight is acknowledged, and in quotations, discussion of the
 * wording, recommendations and an agency's own apology.
 */
import type { Check, CheckContext, Report } from '../../check';
import { voiceOf } from '../../context/voice';
import type { Block } from '../../document/model';
import type { Fact } from '../../facts';
import { defineFact, factsOf } from '../../facts';
import type { Fix, Span } from '../../types';
import type { Who } from './shared';
import { ACKNOWLEDGED_HINDSIGHT, around, explainsConditions, inQuote, outsideQuotes, sentenceAt, subjectAt, subjectBefore } from './shared';

// Roles where a verdict is not the author's analysis of practice.
const SKIP_ROLES = new Set(['glossary', 'references', 'contents', 'quoted-record', 'recommendations', 'method']);

const CURIOSITY_VERDICT = new RegExp(
  [
    "(?:lack|absence|paucity|dearth) of (?:(?:sufficient|appropriate|real|any|professional|critical|respectful|robust|effective) )*(?:curiosity|challenge|critical thinking|questioning)",
    '(?:little|insufficient|limited|not enough|too little|no) (?:professional )?(?:curiosity|challenge)(?! (?:to|from) (?:the|this|that|these|her|his|their)\\b)',
    '(?:more|greater|further|little more|additional|increased) (?:professional )?(?:curiosity|challenge) (?:was|is|would have been|could have been|should have been|were|had been) (?:needed|required|necessary|warranted|expected)',
    'not (?:sufficiently |very |enough |being )?(?:professionally )?curious(?: enough)?',
    '(?:should|could|would|ought to) have (?:been|shown|demonstrated|exercised|applied|displayed) (?:more |greater )?(?:professional(?:ly)? )?curio(?:us|sity)',
    'curiosity (?:was|is|were) (?:lacking|absent|missing|needed|required|not (?:shown|evident|applied|demonstrated|exercised))',
    "(?:failed|did not|didn't) (?:to )?(?:show|demonstrate|exercise|apply|use|display) (?:professional )?curiosity",
  ].join('|'),
  'giu',
);
const FAILED_TO = /\bfailed to\b/gi;
// "should have known", "ought to have referred", "should have been more curious".
const SHOULD_HAVE = /\b(?:should|ought to) (?:really |clearly |certainly |also |surely |perhaps |reasonably )?have (?:been )?(?<next>[\p{L}'’-]+)(?: (?<next2>[\p{L}'’-]+))?/giu;
const CLEAR_THAT = /\bit (?:is|was|should have been|must have been|would have been) (?:very |quite |abundantly )?(?:clear|obvious|evident|apparent|plain)(?: to (?<to>[^,.;]{2,60}?))? that(?![\p{L}])/giu;

const IRREGULAR_PARTICIPLES = new Set(
  'known seen done made taken told sought shown spoken written gone held kept met brought found understood heard felt left read sent put set thought taught led run begun chosen drawn driven fallen forgotten grown hidden lost meant paid said sat stood thrown woken won worn spent built caught dealt fed fought hit hurt let lit proven rung shut sold spun struck sworn torn undertaken withdrawn overseen foreseen rethought'.split(' '),
);
// Words after "should have been" that judge the person rather than describe what was done to them.
const BLAME_ADJECTIVES = /^(?:more|less|better|aware|alert|clearer|clear|curious|concerned|worried|alarmed|suspicious|proactive|assertive|robust|rigorous|thorough|persistent|challenging|questioning|sceptical|skeptical|mindful|obvious|apparent|evident|quicker|faster|firmer|stronger|braver|bolder)$/i;
const NEGATIVE_AFTER_CLEAR = /\b(?:should|ought|failed|fails|missed|did not|didn't|had not|hadn't|could have|would have|was wrong|were wrong|was mistaken|were mistaken|not)\b/i;

// Sentences that look forward, describe standard expectations, apologise for an agency, or report what a practitioner said.
const FORWARD = /\b(?:in future|in the future|going forward|from now on|should always|must always|will need to|needs? to|all (?:practitioners|professionals|staff|agencies|social workers|health visitors)|every (?:practitioner|professional|social worker|health visitor|GP|school|agency)|each (?:practitioner|professional|agency|school))\b/i;
const APOLOGY = /\b(?:could and should|should and could)\b|\b(?:accepts?|acknowledges?|recognises?|recognizes?|agrees?|admits?|concedes?) (?:that )?(?:it|its|they|their|we|our|the (?:trust|service|agency|council|force|school|practice|department))\b/i;
// "The review does not find that any practitioner failed to…": a judgement that is denied.
const DENIED = /\b(?:does|did|do|could|can) not (?:find|consider|think|believe|say|suggest|conclude|accept|agree)\b|\b(?:cannot|can't) (?:be said|say|conclude)\b|\bthere (?:is|was) no (?:evidence|suggestion|indication) that\b|\bit (?:is|was) not (?:the case|fair to say|true) that\b/i;
const REPORTED = /\b(?:told (?:the )?(?:review(?:er)?|author|panel|us|the practitioner event)|said|says|reflected|reflects|felt|feels|acknowledged|accepted|explained|described|believes?|believed|thought|recalled|commented|shared that|was of the view|considered that|recognised that|recognized that)\b/i;

type Finding = { span: Span; message: string; fixes?: Fix[]; severity?: 'warning' | 'info' };

interface Context {
  block: Block;
  /** Whether the paragraph explains conditions or time-of-knowledge (worked out only when needed). */
  explained(): boolean;
}

const TRIGGER_HINT = /fail|lack|absence|paucity|dearth|curio|challenge|should|ought|clear|obvious|evident|apparent|plain/i;
const PROSE_KINDS = new Set<Block['kind']>(['paragraph', 'list-item', 'table-cell', 'block-quote']);

/** Is the match the author's own judgement, not a quotation, a discussion of wording or an agency's apology? */
function authorsJudgement(c: Context, span: Span): boolean {
  // Only the kind of voice and the speaker matter here, and neither depends on the next block
  // (which can only add a challenge to a quotation), so the judgement is the block's own fact.
  const v = voiceOf(around(c.block, span.start), span);
  if (v.kind === 'meta' || v.kind === 'rejected') return false;
  // A real quotation is someone else's words; reported speech without marks is judged by REPORTED below.
  if (v.kind === 'quoted' && (inQuote(c.block, span) || c.block.role === 'quoted-record' || v.speaker === 'family')) return false;
  const s = sentenceAt(c.block, span.start);
  const before = s.text.slice(0, span.start - s.start);
  if (APOLOGY.test(s.text) || REPORTED.test(before) || DENIED.test(before)) return false;
  if (/\?\s*$/.test(s.text)) return false;
  return true;
}

/** Hindsight already acknowledged in the sentence or the one before it. */
function hindsightAcknowledged(block: Block, at: number): boolean {
  const s = sentenceAt(block, at);
  if (ACKNOWLEDGED_HINDSIGHT.test(s.text)) return true;
  const prev = s.index > 0 ? block.sentences[s.index - 1] : undefined;
  return !!prev && ACKNOWLEDGED_HINDSIGHT.test(prev.text);
}

/**
 * A per-block fact of a check's findings, with offsets relative to the block. Each block is read on
 * its own (what conditions it explains, who its clauses are about), so after an edit only the edited
 * block is looked at again.
 */
function blockFindings(name: string, find: (c: Context) => Finding[]): Fact<readonly Finding[]> {
  const none: readonly Finding[] = [];
  return defineFact(name, (block) => {
    if (!PROSE_KINDS.has(block.kind) || SKIP_ROLES.has(block.role) || !TRIGGER_HINT.test(block.prose)) return none;
    let known: boolean | undefined;
    const found = find({ block, explained: () => (known ??= explainsConditions(outsideQuotes(block))) });
    return found.length ? found : none;
  });
}

function reportAll(ctx: CheckContext, fact: Fact<readonly Finding[]>): void {
  const facts = factsOf(ctx.doc, fact);
  const blocks = ctx.doc.blocks;
  for (let i = 0; i < facts.length; i++) {
    const found = facts[i]!;
    if (found.length === 0) continue;
    const d = blocks[i]!.start;
    for (const f of found) ctx.report(moved(f, d));
  }
}

function moved(f: Finding, d: number): Report {
  const r: Report = { span: { start: f.span.start + d, end: f.span.end + d }, message: f.message };
  if (f.fixes) r.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + d, end: e.end + d })) }));
  if (f.severity) r.severity = f.severity;
  return r;
}

function isSomeone(who: Who): boolean {
  return who === 'role';
}

function failedToFix(block: Block, span: Span): Fix[] {
  const text = block.prose.slice(span.start - block.start, span.end - block.start);
  if (!/^failed to$/i.test(text)) return [];
  const replacement = text[0] === 'F' ? 'Did not' : 'did not';
  return [{ title: `Replace with "${replacement}" and add why`, kind: 'suggestion', edits: [{ ...span, text: replacement }] }];
}

/** Verdicts standing in for analysis: "a lack of professional curiosity", "children's social care failed to…". */
export const verdictWithoutAnalysis: Check = {
  meta: {
    id: 'verdict-without-analysis',
    category: 'analysis',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'paragraph',
    fix: 'suggestion',
    summary: 'Do not let "a lack of professional curiosity" or "failed to" stand in for analysis: explain what made it hard at the time.',
    message: "'{{match}}' is a verdict, not an explanation. Say what was not asked or done, and what made it hard at the time: caseload, supervision, the information practitioners had, time.",
    rationale:
      'The annual review of local reviews found a ready resort to phrases such as "lack of professional curiosity" without probing the system issues beneath them, and the Panel finds some reviews still weak on why things went wrong. A verdict tells the reader that practice fell short but not why, so it cannot lead to change. The rule asks for the conditions in the same paragraph (workload, supervision, what information was available, time, procedures, culture); it never asks the author to remove the criticism. Verdicts about an individual practitioner are left to the hindsight rule, and recommendations, quotations and discussion of the wording are not checked.',
    good: 'The health visitor did not ask who else lived at the flat. She had 480 families on her caseload and had not had supervision for four months, and the police information about the new partner had not been shared with health.',
    sources: [
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 4, 'The different styles of LCSPRs' (a ready resort to jargon)" },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 2, 'The absence of practice in the practice reviews' (context and systems shape direct practice)" },
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 2, para 2.23 (professional curiosity without analysis); Chapter 4, para 4.14' },
    ],
    examples: {
      valid: [
        { text: 'There was a lack of professional curiosity about the new partner. The health visitor had 480 families on her caseload and had not had supervision for four months.', note: 'the conditions are in the same paragraph' },
        { text: 'Children\'s social care failed to convene a strategy discussion because the referral was logged as information only.', note: 'a reason is given' },
        { text: 'Records noted "a lack of professional curiosity". The review found this label unhelpful and looked at why questions were not asked.', note: 'quoted and challenged' },
        { text: '## Recommendations\n\n1. The partnership should address the failure to share information.', note: 'recommendations are not analysis' },
        { text: 'The referral system failed to flag the earlier contact.', note: 'a system, not a verdict on practice' },
        { text: 'Her mother failed to attend the appointment.', note: 'about a parent; other rules cover this' },
      ],
      invalid: [
        { text: 'There was a lack of professional curiosity about the adults in the household.', match: 'lack of professional curiosity' },
        { text: 'A little more professional curiosity was needed.', match: 'little more professional curiosity was needed' },
        { text: 'The school failed to share the disclosure with children\'s social care.', match: 'failed to', severity: 'info', output: 'The school did not share the disclosure with children\'s social care.' },
        { text: 'Agencies failed to recognise the risk posed by the new partner.', match: 'failed to', severity: 'info' },
      ],
    },
  },
  run(ctx) {
    reportAll(ctx, VERDICTS);
  },
};

/** Hindsight blame of an individual: "the social worker should have known", "the GP failed to refer". */
export const hindsightIndividualBlame: Check = {
  meta: {
    id: 'hindsight-individual-blame',
    category: 'analysis',
    kind: 'check',
    severity: 'info',
    scope: 'paragraph',
    fix: 'suggestion',
    summary: 'When judging what a practitioner did, say what they knew and faced at the time, and ask what made their choice reasonable then.',
    message: "'{{match}}' judges {{who}} with what is known now. Say what they knew and were dealing with at the time, and ask the system question: what made this the reasonable choice at the time?",
    rationale:
      'Reviews are not conducted to hold individuals to account, and the Panel asks reviewers to be very mindful of hindsight bias: practitioners make finely balanced decisions at pace, with a partial picture. The annual review of local reviews separates what was known and understood at the time from what the review discovers now. Saying that a practitioner "should have known" or "failed to" act, without that framing, reads as blame and hides the system conditions that would make the learning useful. The rule stays quiet when the paragraph says what was known or available at the time or explains the conditions, when hindsight is acknowledged ("With hindsight, it is now known…"), for "should have" that looks forward ("reviews should have a stronger focus on…"), for an agency\'s own "could and should have been done", and in quotations and recommendations.',
    good: 'At the time, the GP knew of one bruise, which the mother explained as a fall. With hindsight, it is now known that the child had been hurt before. The review asked what made accepting the explanation the reasonable choice then: a ten-minute appointment and no access to the health visiting record.',
    sources: [
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 3, para 3.32 (be very mindful of hindsight bias)' },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 2, 'Understanding what the child's daily life is like' (known at the time and discovered now)" },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 4, 'The relationship between rapid reviews and LCSPRs' (key practice episodes and hindsight)" },
      { document: 'research/standards-and-language-guidance.md', section: '1.1 Purpose and "not about blame"' },
    ],
    examples: {
      valid: [
        { text: 'With hindsight, it is now known that the bruise was inflicted; the GP should have asked to see the child again.', note: 'acknowledged hindsight' },
        { text: 'The social worker should have visited sooner, but at the time she held 32 cases and the information about the partner had not been shared.', note: 'time-of-knowledge framing' },
        { text: 'Reviews should have a stronger focus on fathers.', note: 'prescriptive, about the future' },
        { text: 'Northshire Police accept that more could and should have been done.', note: "an agency's apology" },
        { text: 'The social worker told the review that she should have visited sooner.', note: "the practitioner's own reflection" },
        { text: 'The social worker should have been offered supervision.', note: 'what should have been done for her' },
        { text: 'In future, every health visitor should have access to the police record.', note: 'forward-looking' },
      ],
      invalid: [
        { text: 'The social worker should have known that the partner was violent.', match: 'should have known' },
        { text: 'The GP failed to refer Child A to the paediatrician.', match: 'failed to', output: 'The GP did not refer Child A to the paediatrician.' },
        { text: 'The health visitor should have been more curious about the bruising.', match: 'should have been more curious' },
        { text: 'It is clear that the school nurse should have escalated her concerns.', match: 'It is clear that' },
        { text: 'Social Worker 2 saw Child A at home but failed to ask about the new partner.', match: 'failed to' },
      ],
    },
  },
  run(ctx) {
    reportAll(ctx, HINDSIGHT);
  },
};

/** Each block's verdicts that stand in for analysis, in order. */
const VERDICTS = blockFindings('analysis/verdicts', (c) => {
  const out: Finding[] = [];
  const message = verdictWithoutAnalysis.meta.message;
  const { block } = c;
  CURIOSITY_VERDICT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CURIOSITY_VERDICT.exec(block.prose))) {
    const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
    if (c.explained() || !authorsJudgement(c, span)) continue;
    out.push({ span, message: message.replace('{{match}}', m[0]) });
  }
  FAILED_TO.lastIndex = 0;
  while ((m = FAILED_TO.exec(block.prose))) {
    const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
    const who = subjectAt(block, span.start);
    if (who !== 'agency' && who !== 'artefact') continue;
    if (c.explained() || !authorsJudgement(c, span) || hindsightAcknowledged(block, span.start)) continue;
    out.push({ span, message: message.replace('{{match}}', m[0]), fixes: failedToFix(block, span), severity: 'info' });
  }
  return out;
});

/** Each block's hindsight judgements of a practitioner, one per sentence, in order. */
const HINDSIGHT = blockFindings('analysis/hindsight', (c) => {
  const out: Finding[] = [];
  const message = hindsightIndividualBlame.meta.message;
  const { block } = c;
  // One finding per sentence: "It is clear that the GP should have known" is one judgement.
  const sentencesDone = new Set<number>();
  const consider = (span: Span, matched: string, who: Who, fixes: Fix[] = []): void => {
    if (!isSomeone(who)) return;
    const s = sentenceAt(block, span.start);
    if (sentencesDone.has(s.start)) return;
    if (c.explained() || !authorsJudgement(c, span) || hindsightAcknowledged(block, span.start)) return;
    if (FORWARD.test(s.text)) return;
    sentencesDone.add(s.start);
    const label = whoLabel(block, span);
    out.push({ span, message: message.replace('{{match}}', matched).replace('{{who}}', label), fixes });
  };
  let m: RegExpExecArray | null;
  CLEAR_THAT.lastIndex = 0;
  while ((m = CLEAR_THAT.exec(block.prose))) {
    const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
    const s = sentenceAt(block, span.start);
    const rest = s.text.slice(span.end - s.start);
    const to = m.groups!['to'];
    const aimed = to ? subjectBefore(to, to.length) : 'unknown';
    const judged = NEGATIVE_AFTER_CLEAR.exec(rest);
    const who: Who = aimed === 'role' ? 'role' : judged ? subjectBefore(rest, judged.index) : 'unknown';
    consider(span, m[0], who);
  }
  FAILED_TO.lastIndex = 0;
  while ((m = FAILED_TO.exec(block.prose))) {
    const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
    consider(span, m[0], subjectAt(block, span.start), failedToFix(block, span));
  }
  SHOULD_HAVE.lastIndex = 0;
  while ((m = SHOULD_HAVE.exec(block.prose))) {
    const beenUsed = /\bhave been\b/i.test(m[0]);
    const next = m.groups!['next']!;
    const next2 = m.groups!['next2'];
    // "should have been more curious" judges the person; "should have been offered supervision" does not.
    if (beenUsed ? !BLAME_ADJECTIVES.test(next) : !isParticiple(next)) continue;
    let end = m.index + m[0].length;
    if (next2 && !(beenUsed && /^(?:more|less|better)$/i.test(next))) end -= next2.length + 1;
    const span = { start: block.start + m.index, end: block.start + end };
    consider(span, block.prose.slice(m.index, end), subjectAt(block, span.start));
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
});

function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PARTICIPLES.has(w)) return true;
  return /(?:ed|en)$/.test(w) && !/^(?:need|been|often|open|even|children|garden|kitchen|women|men|when|then|than|ten|dedicated|named|red|bed|speed|specialised|trained|qualified|experienced|designated|allocated|agreed|protected|received|obtained|benefited|benefitted|got|gotten|given)$/.test(w);
}

const ROLE_WORDS = /\b((?:the|a|an)\s+)?((?:[\p{L}-]+\s+){0,2}(?:social workers?|health visitors?|nurses?|midwi(?:fe|ves)|GPs?|doctors?|paediatricians?|teachers?|officers?|workers?|practitioners?|professionals?|managers?|staff|DSLs?|IROs?|clinicians?|consultants?)(?:\s[A-Z0-9]{1,2}\b)?)/iu;

function whoLabel(block: Block, span: Span): string {
  const s = sentenceAt(block, span.start);
  const m = ROLE_WORDS.exec(s.text.slice(0, span.start - s.start)) ?? ROLE_WORDS.exec(s.text.slice(span.end - s.start));
  if (!m) return 'a practitioner';
  const noun = m[2]!.trim();
  const generic = /^[\p{Ll}]/u.test(noun) || /^(?:GPs?|DSLs?|IROs?)$/.test(noun.split(/\s+/)[0]!) || !/\s[A-Z0-9]{1,2}$/.test(noun);
  return generic ? `the ${/^[A-Z]{2,}/.test(noun) ? noun : noun[0]!.toLowerCase() + noun.slice(1)}` : noun;
}
