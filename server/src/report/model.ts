/**
 * The quality report's model: per review, a scorecard against the research's quality markers with
 * what was found and where, and the findings by category and by section with the worst passages
 * quoted; across a batch, how many reviews meet each marker, the involvement groups beside seed
 * 000's figures, and the most frequent findings. Pure (no file access): the CLI's `--report`, the
 * batch workers and the language server's quality summary all build it here.
 *
 * Markers (see research/panel-annual-report-2022-23.md, section 5, and
 * research/lcspr-annual-review-2022.md, section 3): involvement (seed 000; Q5; G03, G04), the
 * child's voice and daily life (Q3; G35), identity stated (Q6; G11, G13) and used (Q7; G10, G12),
 * terms defined (Q8), hindsight managed (Q17; G32), recommendations (Q12; G17, G30), and the
 * review type's points (Q16 for rapid reviews; G01, G07, G22 for local reviews). The research
 * warns against adding them up into a grade, so the report never does.
 */
import type { CheckContext } from '../core/check';
import { involvementFacts } from '../core/checks/family-involvement';
import type { InvolvementGroup } from '../core/checks/family-involvement';
import { identityFacts } from '../core/checks/identity-context';
import type { Characteristic, CharacteristicStatus } from '../core/checks/identity-context';
import { findRecommendations } from '../core/checks/jargon/recommendations';
import { ACKNOWLEDGED_HINDSIGHT } from '../core/checks/jargon/shared';
import { isWholeReview, wordCount } from '../core/context/document-kind';
import type { Block, ParsedDocument } from '../core/document/model';
import type { LintResult } from '../core/linter';
import type { Category, Finding, ReviewType, RuleMeta, Severity } from '../core/types';
import { CATEGORIES, CATEGORY_TITLES, SEVERITIES } from '../core/types';
import type { SourceFormat } from '../extract/types';
import type { LocatedFinding, Location } from './locate';
import { locateFindings, locator } from './locate';
import { lineOf as lineAt } from '../core/document/parse';

/** How far a review meets a marker. */
export type MarkerStatus = 'met' | 'partly' | 'not-met' | 'not-applicable';

export type MarkerId = 'involvement' | 'child-voice' | 'identity-stated' | 'identity-used' | 'terms-defined' | 'hindsight' | 'recommendations' | 'review-type';

/** One line of the scorecard. */
export interface MarkerResult {
  id: MarkerId;
  title: string;
  status: MarkerStatus;
  /** What was found, in a sentence or two. */
  found: string;
  /** Where, at most a few places. */
  where: Location[];
  /** The research markers it stands for, such as "Q3", "G35". */
  research: string[];
}

/** The markers, in the order the report shows them. */
export const MARKERS: readonly { id: MarkerId; title: string; research: string[]; why: string }[] = [
  { id: 'involvement', title: 'Child and family involvement', research: ['seed 000', 'Q5', 'G03', 'G04'], why: 'Say who was invited, who took part, and why anyone did not.' },
  { id: 'child-voice', title: "The child's voice and daily life", research: ['Q3', 'G35'], why: "What life was like for the child, and the child's own views (or, for a baby, who spoke for them)." },
  { id: 'identity-stated', title: 'Identity stated', research: ['Q6', 'G11', 'G13'], why: 'Ethnicity, religion, first language and disability, each stated, given as not known, or withheld with a reason.' },
  { id: 'identity-used', title: 'Identity used in the analysis', research: ['Q7', 'G10', 'G12'], why: "How identity shaped the child's experience and the services' response." },
  { id: 'terms-defined', title: 'Jargon and acronyms defined', research: ['Q8'], why: 'Complex terms defined for this review; acronyms spelt out on first use or in a glossary.' },
  { id: 'hindsight', title: 'Hindsight managed', research: ['Q17', 'G32'], why: 'What was known at the time kept apart from what is known now.' },
  { id: 'recommendations', title: 'Recommendations: owner, action, measure, timescale', research: ['Q12', 'G17', 'G30'], why: 'Each recommendation says who will do what, how success will be measured, and by when.' },
  { id: 'review-type', title: 'Review type and its statutory points', research: ['Q16', 'G01', 'G07', 'G22'], why: 'The points the Panel looks for in this kind of review.' },
];

/** Seed 000's four groups (Harrison and Barker 2024, 138 published reviews). */
export const INVOLVEMENT_GROUPS: readonly InvolvementGroup[] = ['never-mentioned', 'excluded', 'invited-not-involved', 'involved'];
export const GROUP_LABELS: Record<InvolvementGroup, string> = {
  'never-mentioned': 'Never mentioned',
  excluded: 'Excluded',
  'invited-not-involved': 'Invited but not involved',
  involved: 'Involved',
};
/** The research's figures, for comparison only: percentages of 138 reviews in each group. */
export const SEED_000_PERCENT: Record<InvolvementGroup, number> = { 'never-mentioned': 17, excluded: 10, 'invited-not-involved': 12, involved: 61 };

export { CATEGORY_TITLES };

export const REVIEW_TYPE_LABELS: Record<ReviewType, string> = {
  'rapid-review': 'Rapid review',
  lcspr: 'Local child safeguarding practice review',
  national: 'National review',
};

/** Counts for one rule. */
export interface RuleCount {
  ruleId: string;
  summary: string;
  count: number;
}

/** Counts for one category. */
export interface CategoryCount {
  category: Category;
  title: string;
  count: number;
  rules: RuleCount[];
}

/** Counts for one section, in document order. */
export interface SectionCount {
  title: string;
  path: string[];
  /** Zero-based line of the heading; -1 for text before the first heading. */
  line: number;
  level: number;
  /** PDF page of the heading. */
  page?: number;
  count: number;
  byCategory: Partial<Record<Category, number>>;
}

/** One person's part in the review. */
export interface PersonRow {
  label: string;
  role: string;
  statuses: string[];
  reasons: string[];
  where?: Location;
}

/** The whole report on one review. */
export interface ReviewReport {
  name: string;
  format: SourceFormat;
  analysed: boolean;
  reviewType: ReviewType | null;
  wholeReview: boolean;
  words: number;
  pages?: number;
  /** Word comments, counted and never analysed. */
  comments: number;
  warnings: string[];
  markers: MarkerResult[];
  involvement: { group: InvolvementGroup; persons: PersonRow[] };
  identity: { characteristic: Characteristic; status: CharacteristicStatus; where?: Location }[];
  recommendations: { total: number; complete: number };
  total: number;
  safeFixes: number;
  bySeverity: Record<Severity, number>;
  byCategory: CategoryCount[];
  bySection: SectionCount[];
  /** The most serious findings, quoted. */
  worst: LocatedFinding[];
}

/** What the report needs besides the lint result. */
export interface ReportInput {
  name: string;
  result: LintResult;
  meta: (ruleId: string) => RuleMeta | undefined;
  format?: SourceFormat;
  pageStarts?: readonly number[];
  pageCount?: number;
  comments?: number;
  warnings?: string[];
  /** How many of the worst passages to quote (default 6). */
  worst?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
// The categories whose findings matter most to a child-centred review come first among equals.
const CATEGORY_RANK = new Map<Category, number>(['victim-blaming', 'adultification', 'family-involvement', 'identity-context', 'analysis', 'recommendations', 'equality', 'jargon', 'anonymisation', 'plain-english', 'housekeeping'].map((c, i) => [c as Category, i]));
const TERM_RULES = new Set(['acronym-defined-on-first-use', 'jargon-defined-on-first-use', 'professional-curiosity-defined', 'jargon-discredited-term']);
const HINDSIGHT_RULES = new Set(['hindsight-individual-blame']);
const STATED: ReadonlySet<CharacteristicStatus> = new Set(['stated', 'withheld', 'not-known-explained']);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Lines and headings the statutory points look for, per review type. */
const POINTS: Record<ReviewType, { label: string; pattern: RegExp }[]> = {
  'rapid-review': [
    { label: 'the decision on whether to hold a local review', pattern: /\b(?:(?:decision|decided|agreed|concluded|recommend\w*)\b[^.]{0,120}\b(?:LCSPR|local (?:child safeguarding )?(?:practice )?review|practice review)|(?:LCSPR|local (?:child safeguarding )?(?:practice )?review)\b[^.]{0,80}\b(?:(?:is|was|will be|be) (?:not )?(?:needed|required|necessary|held|commissioned|undertaken|carried out)|criteria (?:are|were|is) (?:not )?met))/i },
    { label: 'lines of enquiry or immediate learning', pattern: /\b(?:lines? of enquiry|KLoE|terms of reference|immediate (?:learning|actions?)|learning (?:identified|so far)|actions? (?:already )?taken)\b/i },
    { label: 'the dates of notification and completion', pattern: /\b(?:notif\w+|serious incident notification|SIN)\b[^.]{0,120}\b(?:\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|May|June|July|August|September|October|November|December) (?:19|20)\d\d|\d{1,2}\/\d{1,2}\/\d{2,4}|working days?)\b/i },
  ],
  lcspr: [
    { label: 'terms of reference or key lines of enquiry', pattern: /\b(?:terms of reference|lines? of enquiry|KLoE|scope of (?:the|this) review|questions? (?:for|addressed by) (?:the|this) review)\b/i },
    { label: 'how the review was done (its method)', pattern: /\b(?:methodology|method(?:s)? (?:used|of the review)|review (?:process|method)|systems (?:approach|methodology|method)|learning together|practitioner (?:learning )?events?|the review (?:used|followed|took) (?:a|an|the)\b|how (?:the|this) review was (?:carried out|conducted|undertaken|done|run)|approach (?:to|of|taken by) (?:the|this) review)/i },
    { label: 'an action plan or the partnership’s response', pattern: /\baction plans?\b|\b(?:partnership|safeguarding partners)['’]?s? response\b|\bresponse (?:of|from) the (?:partnership|safeguarding partners)\b/i },
  ],
  national: [
    { label: 'terms of reference or scope', pattern: /\b(?:terms of reference|scope of (?:the|this) review|lines? of enquiry|questions? (?:for|addressed by) (?:the|this) review)\b/i },
    { label: 'how the review was done (its method)', pattern: /\b(?:methodology|methods?|approach)\b/i },
    { label: 'recommendations for national or local agencies', pattern: /\brecommendations?\b/i },
  ],
};

function minimalContext(doc: ParsedDocument, reviewType: ReviewType | undefined): CheckContext {
  const prose = doc.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'table-cell' || b.kind === 'block-quote');
  return { doc, reviewType, data: { acronyms: new Map(), acronymAllow: new Set() }, prose, report: () => undefined };
}

function firstBlockMatching(doc: ParsedDocument, re: RegExp, ok: (b: Block) => boolean = () => true): Block | undefined {
  for (const b of doc.blocks) {
    if (b.kind === 'code' || b.kind === 'comment' || b.kind === 'front-matter') continue;
    if (ok(b) && re.test(b.prose)) return b;
  }
  return undefined;
}

/** Builds the report on one review from its lint result (no second analysis of the text). */
export function reviewReport(input: ReportInput): ReviewReport {
  const { result } = input;
  const doc = result.document;
  const findings = result.findings;
  const at = locator(doc, input.pageStarts);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const categories = new Map<Category, Map<string, number>>();
  let safeFixes = 0;
  for (const f of findings) {
    bySeverity[f.severity]++;
    if (f.fixes.some((x) => x.kind === 'safe')) safeFixes++;
    let rules = categories.get(f.category);
    if (!rules) categories.set(f.category, (rules = new Map()));
    rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
  }
  const byCategory: CategoryCount[] = CATEGORIES.filter((c) => categories.has(c)).map((c) => {
    const rules = [...categories.get(c)!].map(([ruleId, count]) => ({ ruleId, count, summary: input.meta(ruleId)?.summary ?? ruleId }));
    rules.sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
    return { category: c, title: CATEGORY_TITLES[c] ?? c, count: rules.reduce((n, r) => n + r.count, 0), rules };
  });
  const bySection = sectionCounts(doc, findings, input.pageStarts);

  const analysed = doc.blocks.length > 0 || findings.every((f) => f.ruleId !== 'document-too-large');
  const reviewType = result.reviewType ?? null;
  const wholeReview = isWholeReview(doc);
  const markers: MarkerResult[] = [];
  const mk = (id: MarkerId, status: MarkerStatus, found: string, where: Location[] = []): void => {
    const m = MARKERS.find((x) => x.id === id)!;
    markers.push({ id, title: m.title, status, found, where: where.filter((l, i, all) => all.findIndex((x) => x.line === l.line) === i).slice(0, 3), research: m.research });
  };
  const findingsOf = (pred: (f: Finding) => boolean): Finding[] => findings.filter(pred);
  const whereOf = (fs: Finding[]): Location[] => fs.slice(0, 3).map((f) => at(f.span, f.quote));

  // Involvement (seed 000's groups) and each person's part.
  const inv = involvementFacts(doc);
  const persons: PersonRow[] = inv.persons
    .filter((p) => p.role !== 'child' || p.statuses.length > 0 || true)
    .map((p) => ({ label: p.label, role: p.role, statuses: [...p.statuses], reasons: [...p.reasons], where: p.statements[0] ? at(p.statements[0]) : undefined }));
  const famWarnings = findingsOf((f) => f.category === 'family-involvement' && f.ruleId !== 'child-voice-absent' && f.ruleId !== 'child-say-in-review-not-addressed' && SEVERITY_RANK[f.severity] <= 1);
  const took = persons.filter((p) => p.statuses.includes('took-part')).map((p) => p.label);
  const notIn = persons.filter((p) => p.statuses.length && !p.statuses.includes('took-part')).map((p) => p.label);
  const groupText = `The review falls in seed 000's group "${GROUP_LABELS[inv.group].toLowerCase()}".`;
  const who = [took.length ? `Took part: ${joinAnd(took.slice(0, 6))}.` : '', notIn.length ? `Did not take part: ${joinAnd(notIn.slice(0, 6))}.` : ''].filter(Boolean).join(' ');
  if (!wholeReview && inv.group === 'never-mentioned') mk('involvement', 'not-applicable', `${groupText} This looks like a fragment of a review, not a whole one, so involvement is not scored.`);
  else if (inv.group === 'never-mentioned') mk('involvement', 'not-met', `${groupText} The draft does not say whether the child or family were invited to take part.`, whereOf(findingsOf((f) => f.ruleId === 'family-involvement-not-mentioned')));
  else if (inv.group === 'involved' && famWarnings.length === 0) mk('involvement', 'met', `${groupText} ${who}`.trim(), persons.filter((p) => p.where).map((p) => p.where!));
  else mk('involvement', famWarnings.length === 0 && inv.group !== 'excluded' ? 'met' : 'partly', `${groupText} ${who}${famWarnings.length ? ` ${plural(famWarnings.length, 'finding')} on how involvement is explained.` : ''}`.trim(), famWarnings.length ? whereOf(famWarnings) : persons.filter((p) => p.where).map((p) => p.where!));

  // The child's voice and daily life.
  const kids = inv.children;
  const voiceFindings = findingsOf((f) => f.ruleId === 'child-voice-absent');
  if (kids.length === 0 && !wholeReview) mk('child-voice', 'not-applicable', 'No child is named in this text.');
  else {
    const heard = kids.filter((c) => c.voice || ((c.baby || c.nonVerbal) && c.dailyLife));
    const daily = kids.filter((c) => c.dailyLife);
    const names = (cs: typeof kids): string => joinAnd(cs.map((c) => c.label).slice(0, 5));
    if (kids.length > 0 && heard.length === kids.length && daily.length === kids.length && voiceFindings.length === 0) mk('child-voice', 'met', `The voice and daily life of ${names(kids)} come through.`);
    else if (heard.length > 0 || daily.length > 0) {
      const unheard = kids.filter((c) => !heard.includes(c));
      const noDay = kids.filter((c) => !daily.includes(c));
      mk('child-voice', 'partly', `${heard.length ? `Heard: ${names(heard)}. ` : ''}${daily.length ? `Daily life described: ${names(daily)}. ` : ''}${unheard.length ? `Not heard: ${names(unheard)}. ` : ''}${noDay.length ? `Daily life not described: ${names(noDay)}.` : ''}`.trim(), whereOf(voiceFindings));
    } else mk('child-voice', 'not-met', kids.length ? `Neither the voice nor the daily life of ${names(kids)} comes through.` : 'The draft does not say what life was like for the child or what they thought.', whereOf(voiceFindings));
  }

  // Identity stated, and used in the analysis.
  const id = identityFacts(doc);
  const identity = (Object.keys(id.characteristics) as Characteristic[]).map((c) => {
    const facts = id.characteristics[c];
    const s = facts.statements[0];
    return { characteristic: c, status: facts.status, where: s ? at(s.span) : undefined };
  });
  const said = identity.filter((x) => STATED.has(x.status));
  const missing = identity.filter((x) => !STATED.has(x.status));
  const cname = (c: Characteristic): string => (c === 'language' ? 'first language' : c === 'religion' ? 'religion or faith' : c);
  if (!wholeReview && said.length === 0) mk('identity-stated', 'not-applicable', 'This looks like a fragment of a review, so identity is not scored.');
  else if (missing.length === 0) mk('identity-stated', 'met', `States ${joinAnd(said.map((x) => cname(x.characteristic)))}.`, said.filter((x) => x.where).map((x) => x.where!));
  else if (said.length > 0) mk('identity-stated', 'partly', `States ${joinAnd(said.map((x) => cname(x.characteristic)))}; not ${joinAnd(missing.map((x) => `${cname(x.characteristic)}${x.status === 'parent-only' ? ' (only for a parent)' : x.status === 'evasive' ? ' (evasive)' : x.status === 'not-known' ? ' (given as not known, with no reason)' : ''}`))}.`, said.filter((x) => x.where).map((x) => x.where!));
  else mk('identity-stated', 'not-met', "The draft does not state the child's ethnicity, religion, first language or disability.");
  if (said.length === 0 && !id.usedInAnalysis) mk('identity-used', wholeReview ? 'not-met' : 'not-applicable', wholeReview ? 'Identity is neither stated nor discussed in the analysis.' : 'This looks like a fragment of a review.');
  else if (id.usedInAnalysis) {
    const places = id.analysisMentions.map((s) => at(s)).filter((l, i, all) => all.findIndex((x) => x.paragraph === l.paragraph && x.line === l.line) === i);
    mk('identity-used', 'met', `The analysis discusses identity${places.length > 1 ? ` in ${plural(places.length, 'place')}` : ''}.`, places);
  }
  else mk('identity-used', id.hasAnalysisSection ? 'not-met' : 'partly', id.hasAnalysisSection ? 'Identity is stated but the analysis does not say how it shaped the child’s experience or the services’ response.' : 'Identity is stated; the draft has no analysis or findings section to use it in.', whereOf(findingsOf((f) => f.ruleId === 'identity-not-analysed')));

  // Jargon and acronyms defined.
  const terms = findingsOf((f) => TERM_RULES.has(f.ruleId) || f.category === 'jargon');
  const glossary = doc.sections.some((s) => s.role === 'glossary');
  if (terms.length === 0) mk('terms-defined', 'met', `No undefined jargon or acronyms found${glossary ? '; the draft has a glossary' : ''}.`);
  else mk('terms-defined', terms.length <= 3 ? 'partly' : 'not-met', `${plural(terms.length, 'term')} used without a definition or explanation${glossary ? ' (the draft has a glossary)' : ''}.`, whereOf(terms));

  // Hindsight managed.
  const hindsight = findingsOf((f) => HINDSIGHT_RULES.has(f.ruleId));
  const acknowledged = firstBlockMatching(doc, ACKNOWLEDGED_HINDSIGHT, (b) => b.kind !== 'heading' && b.role !== 'glossary' && b.role !== 'references');
  const knownThen = firstBlockMatching(doc, /\b(?:known|understood|available|in force|apparent) (?:to (?:practitioners|professionals|agencies) )?at the time\b|\bat the time(?:,)? (?:practitioners|professionals|agencies|staff) (?:knew|did not know|understood)\b|\bwhat was known (?:then|at the time)\b|\bguidance (?:then|at the time)\b/i, (b) => b.kind !== 'heading');
  const hindWhere = [...(acknowledged ? [at({ start: acknowledged.start, end: acknowledged.end })] : []), ...(knownThen && knownThen !== acknowledged ? [at({ start: knownThen.start, end: knownThen.end })] : [])];
  if (hindsight.length > 0) mk('hindsight', acknowledged || knownThen ? 'partly' : 'not-met', `${plural(hindsight.length, 'passage')} judge${hindsight.length === 1 ? 's' : ''} practice with hindsight${acknowledged || knownThen ? ', although the draft elsewhere says what was known at the time' : ''}.`, whereOf(hindsight));
  else if (acknowledged || knownThen) mk('hindsight', 'met', 'The draft says what was known at the time and keeps it apart from what is known now.', hindWhere);
  else mk('hindsight', wholeReview ? 'partly' : 'not-applicable', wholeReview ? 'No hindsight judgements were found, but the draft does not say what was known at the time.' : 'This looks like a fragment of a review.');

  // Recommendations.
  const recs = findRecommendations(minimalContext(doc, result.reviewType));
  const incomplete = findingsOf((f) => f.ruleId === 'recommendation-incomplete');
  const vague = findingsOf((f) => f.ruleId === 'recommendation-vague-action');
  const missingRecs = findingsOf((f) => f.ruleId === 'recommendations-missing');
  const complete = Math.max(0, recs.length - incomplete.length);
  if (recs.length === 0) {
    if (missingRecs.length) mk('recommendations', 'not-met', 'The draft has no recommendations (and no findings with questions for the partnership).', whereOf(missingRecs));
    else mk('recommendations', 'not-applicable', reviewType === 'rapid-review' ? 'No recommendations; a rapid review need not make them.' : 'No recommendations were found (a systems review may give findings and questions instead).');
  } else {
    const parts: string[] = [];
    const owner = recs.filter((r) => !r.owner).length;
    const measure = recs.filter((r) => !r.measure && !r.plan).length;
    const time = recs.filter((r) => !r.time && !r.plan).length;
    if (owner) parts.push(`${owner} without an owner`);
    if (measure) parts.push(`${measure} without a measure of success`);
    if (time) parts.push(`${time} without a timescale`);
    if (vague.length) parts.push(`${plural(vague.length, 'vague action')}`);
    const status: MarkerStatus = incomplete.length === 0 && vague.length === 0 ? 'met' : complete === 0 ? 'not-met' : 'partly';
    mk('recommendations', status, `${complete} of ${plural(recs.length, 'recommendation')} name an owner, an action, a measure and a timescale${parts.length ? `: ${joinAnd(parts)}` : ''}.${recs[0]?.plan ? ' The draft says an action plan sets measures and timescales.' : ''}`, whereOf([...incomplete, ...vague]));
  }

  // Review type and its points.
  const type = reviewType ?? 'lcspr';
  const points = POINTS[type].map((p) => ({ ...p, block: firstBlockMatching(doc, p.pattern, (b) => b.role !== 'glossary' && b.role !== 'references') }));
  const have = points.filter((p) => p.block);
  const lack = points.filter((p) => !p.block);
  const typeText = reviewType ? `Read as a ${REVIEW_TYPE_LABELS[reviewType].toLowerCase()}` : 'The review type is not stated; read as a local review';
  if (!wholeReview && have.length === 0) mk('review-type', 'not-applicable', `${typeText}. This looks like a fragment, so the statutory points are not scored.`);
  else mk('review-type', lack.length === 0 ? 'met' : have.length === 0 ? 'not-met' : 'partly', `${typeText}. ${have.length ? `Gives ${joinAnd(have.map((p) => p.label))}.` : ''}${lack.length ? ` Not found: ${joinAnd(lack.map((p) => p.label))}.` : ''}`.replace(/\s+/g, ' ').trim(), have.map((p) => at({ start: p.block!.start, end: p.block!.end })));

  // The worst passages: most serious first, then the child-centred categories.
  const n = input.worst ?? 6;
  const ordered = [...findings]
    .filter((f) => f.category !== 'housekeeping')
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (CATEGORY_RANK.get(a.category) ?? 99) - (CATEGORY_RANK.get(b.category) ?? 99) || a.span.start - b.span.start);
  const seen = new Set<string>();
  const worstFindings: Finding[] = [];
  for (const f of ordered) {
    const k = `${f.ruleId}:${f.quote ?? doc.text.slice(f.span.start, f.span.end)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    worstFindings.push(f);
    if (worstFindings.length >= n) break;
  }

  return {
    name: input.name,
    format: input.format ?? doc.language,
    analysed,
    reviewType,
    wholeReview,
    words: wordCount(doc),
    ...(input.pageCount !== undefined ? { pages: input.pageCount } : {}),
    comments: input.comments ?? 0,
    warnings: input.warnings ?? [],
    markers,
    involvement: { group: inv.group, persons },
    identity,
    recommendations: { total: recs.length, complete },
    total: findings.length,
    safeFixes,
    bySeverity,
    byCategory,
    bySection,
    worst: locateFindings(worstFindings, doc, input.pageStarts),
  };
}

/** Counts findings by section: each finding belongs to the deepest section holding its start. */
export function sectionCounts(doc: ParsedDocument, findings: readonly Finding[], pageStarts?: readonly number[]): SectionCount[] {
  const sections = [...doc.sections].sort((a, b) => a.start - b.start);
  const lineOf = (offset: number): number => lineAt(doc.lineStarts, offset);
  const at = pageStarts ? locator(doc, pageStarts) : undefined;
  const rows: SectionCount[] = sections.map((s) => {
    const row: SectionCount = { title: s.title, path: [...s.path], line: lineOf(s.heading.start), level: s.level, count: 0, byCategory: {} };
    const page = at?.(s.heading).page;
    if (page !== undefined) row.page = page;
    return row;
  });
  const preamble: SectionCount = { title: '(before the first heading)', path: [], line: -1, level: 0, count: 0, byCategory: {} };
  for (const f of findings) {
    let lo = 0;
    let hi = sections.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sections[mid]!.start <= f.span.start) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (idx >= 0 && sections[idx]!.end < f.span.start) idx--;
    const row = idx >= 0 ? rows[idx]! : preamble;
    row.count++;
    row.byCategory[f.category] = (row.byCategory[f.category] ?? 0) + 1;
  }
  return [...(preamble.count > 0 ? [preamble] : []), ...rows];
}

/** A file the batch could not check, and why. */
export interface FailedFile {
  name: string;
  reason: string;
}

/** Across a batch. */
export interface BatchReport {
  reviews: ReviewReport[];
  failed: FailedFile[];
  /** Per marker: how many reviews meet it, partly meet it, do not, or where it does not apply. */
  markers: { id: MarkerId; title: string; research: string[]; met: number; partly: number; notMet: number; notApplicable: number }[];
  groups: Record<InvolvementGroup, number>;
  /** Seed 000's percentages, for comparison: the research's figures, not this batch's. */
  research: Record<InvolvementGroup, number>;
  topFindings: { ruleId: string; category: Category; summary: string; count: number; reviews: number }[];
  bySeverity: Record<Severity, number>;
  total: number;
}

/** Aggregates reviews into the batch report. `meta` names rules. */
export function batchReport(reviews: readonly ReviewReport[], failed: readonly FailedFile[], meta: (ruleId: string) => RuleMeta | undefined): BatchReport {
  const markers = MARKERS.map((m) => {
    const row = { id: m.id, title: m.title, research: m.research, met: 0, partly: 0, notMet: 0, notApplicable: 0 };
    for (const r of reviews) {
      const s = r.markers.find((x) => x.id === m.id)?.status ?? 'not-applicable';
      if (s === 'met') row.met++;
      else if (s === 'partly') row.partly++;
      else if (s === 'not-met') row.notMet++;
      else row.notApplicable++;
    }
    return row;
  });
  const groups = Object.fromEntries(INVOLVEMENT_GROUPS.map((g) => [g, 0])) as Record<InvolvementGroup, number>;
  for (const r of reviews) groups[r.involvement.group]++;
  const rules = new Map<string, { category: Category; count: number; reviews: number }>();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let total = 0;
  for (const r of reviews) {
    for (const s of SEVERITIES) bySeverity[s] += r.bySeverity[s];
    total += r.total;
    for (const c of r.byCategory) {
      for (const x of c.rules) {
        const e = rules.get(x.ruleId) ?? { category: c.category, count: 0, reviews: 0 };
        e.count += x.count;
        e.reviews++;
        rules.set(x.ruleId, e);
      }
    }
  }
  const topFindings = [...rules]
    .filter(([, e]) => e.category !== 'housekeeping')
    .map(([ruleId, e]) => ({ ruleId, category: e.category, summary: meta(ruleId)?.summary ?? ruleId, count: e.count, reviews: e.reviews }))
    .sort((a, b) => b.reviews - a.reviews || b.count - a.count || a.ruleId.localeCompare(b.ruleId))
    .slice(0, 15);
  return { reviews: [...reviews], failed: [...failed], markers, groups, research: { ...SEED_000_PERCENT }, topFindings, bySeverity, total };
}
