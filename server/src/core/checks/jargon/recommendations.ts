/**
 * Recommendation checks. Recommendations are found in many shapes: numbered or bulleted lists, "R1"
 * or "Recommendation 2" paragraphs and headings, tables with owner and timescale columns, and one
 * paragraph of items separated by semicolons. Each is checked for an owner, an action, a measure of
 * success and a timescale, and for vague verbs; a whole review with neither recommendations nor
 * findings is reported. Systems-method "questions for the partnership" are not recommendations.
 */
import type { Check, CheckContext } from '../../check';
import { isWholeReview } from '../../context/document-kind';
import type { VagueActionEntry } from '../../data';
import type { Block } from '../../document/model';
import { defineFact, factsOf } from '../../facts';
import { roleForHeading } from '../../document/roles';
import type { Severity, Span } from '../../types';
import { compileList, matchesIn, once } from './shared';
import { groupTables as tableRows } from '../../document/tables';

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const NUMBER_WORD = '\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four';

const QUESTIONS_HEADING = /\b(?:questions?|considerations?|issues?|prompts?|matters?) (?:for|to) (?:the )?(?:partnership|board|safeguarding partners|agencies|consider|consideration|reflection|the system)|\bquestions? to consider\b|\bfindings? and questions\b/i;
const NOT_RECS_HEADING = /\b(?:response|action plan|progress|implementation|monitoring|update|good practice|what (?:has|have) (?:changed|been done)|since the review)\b/i;
const REC_LABEL = /^[\s*_#>]*(?:(?:recommendation|rec\.?)\s*(?:no\.?\s*)?(?:\d+(?:\.\d+)*|[ivx]+(?=[\s:.)–—-])|[a-z](?=[:.)]))[\s*_]*[:.)–—-]?|R\s?\d+\b[\s*_]*[:.)–—-]?|\d+\.\d+(?:\.\d+)*\s)/i;
const INTRO = /^(?:(?:the|this) (?:review|report|panel|author|reviewers?|partnership)\b.{0,60}\b(?:makes?|made|sets? out|offers?|presents?|has|proposes?)\b.{0,40}\brecommendations?\b|(?:the )?(?:following|these|our|its|the review['’]s|the report['’]s) (?:\w+ )?recommendations?\b|recommendations? (?:are|is|were|have been|follow|below|arising|from this)\b|(?:the )?recommendations? (?:of|from) (?:this|the) review\b)/i;
const FIELD = /^[\s*_]*(?<name>owners?|lead(?: agency| officer| organisation)?|responsible(?: agency| officer| lead| body)?|accountable(?: lead| officer| body)?|who|agenc(?:y|ies)|timescales?|time ?frame|by when|by|deadline|target date|completion(?: date)?|date|when|measures?(?: of (?:success|impact))?|success (?:measures?|criteria)|evidence(?: of (?:impact|success|change))?|outcomes?(?: sought)?|impact|how (?:we|you|the partnership) will know|monitoring|progress measure|review date|indicators?)[\s*_]*[:–—=-]\s*(?<value>.*)$/i;
const FIELD_OWNER = /^(?:owners?|lead|responsible|accountable|who|agenc)/i;
const FIELD_TIME = /^(?:timescale|time ?frame|by when|by|deadline|target date|completion|date|when|review date)/i;
const EMPTY_VALUE = /^\s*(?:tbc|tbd|to be (?:confirmed|agreed|decided)|n\/a|none|\[[^\]]*\]|-|–|\?)?\s*[.;]?\s*$/i;

const DIRECTIVE = /\b(?:should|must|will|shall|(?:is|are) (?:asked|invited|recommended|expected|required|encouraged) to|needs? to|ought to|recommends? that|it is recommended that)(?![\p{L}])/iu;
const TO_DIRECTIVE = /(?<![\p{L}])to (?=[a-z])/u;
const ACTION_VERBS =
  'develop|review|introduce|establish|create|produce|publish|deliver|provide|commission|audit|revise|update|amend|implement|ensure|agree|set up|appoint|train|design|pilot|test|evaluate|monitor|map|write|issue|adopt|extend|expand|strengthen|improve|raise|remind|consider|explore|reflect|promote|share|disseminate|embed|seek|undertake|carry out|convene|hold|identify|record|include|add|require|make|use|work|engage|invite|offer|lead|report|assure|check|gather|collect|analyse|examine|investigate|link|align|clarify|confirm|set|build|fund|resource|recruit|support|replace|change|remove|apply|run|arrange|continue|reinforce|encourage|enable|notify|inform|ask|give|increase|reduce|rewrite|refresh|relaunch';
const IMPERATIVE_START = new RegExp(`^[\\s*_"'“‘]*(?:that\\s+|to\\s+)?(?:${ACTION_VERBS})(?:s|es|d|ed|ing)?\\b`, 'iu');
const HAS_VERB = new RegExp(`\\b(?:${ACTION_VERBS})(?:s|es|d|ed)?(?![\\p{L}])`, 'iu');

const OWNER = new RegExp(
  '\\b(?:' +
    [
      'safeguarding (?:children )?partnership', 'partnership(?: board| executive)?', 'safeguarding partners', 'executive (?:group|board)', 'board', 'sub-?groups?', 'steering group',
      'business (?:unit|manager)', 'independent (?:chair|scrutineer)', 'ICBs?', 'integrated care (?:board|system)', '(?:NHS |foundation |health |acute |community )?trusts?', 'hospitals?',
      'police', 'constabulary', 'local authorit(?:y|ies)', 'council', "children['’]s (?:social care|services|social work)", 'CSC', "director of children['’]s services", 'DCS',
      'education (?:service|department|team|settings?)', 'schools?', 'academ(?:y|ies)', 'multi-academy trusts?', 'nurser(?:y|ies)', 'colleges?', 'GPs?', 'GP practices?', 'primary care',
      'general practice', 'health visiting(?: service)?', 'school nursing(?: service)?', 'midwifery(?: service)?', 'maternity services?', 'CAMHS', 'mental health (?:trust|services?)',
      'probation(?: service)?', 'youth (?:justice|offending) (?:service|team)', 'YOT', 'YJS', 'housing(?: services?| providers?| department| associations?)?',
      'DSLs?', 'designated (?:safeguarding leads?|nurses?|doctors?|officers?|professionals?)', 'named (?:nurses?|doctors?|GPs?|professionals?|leads?)', 'MASH', 'front door',
      'early help(?: service)?', 'learning and development(?: team)?', 'workforce development(?: team)?', 'training (?:team|sub-?group)', 'commissioners?', 'public health',
      'ambulance service', 'LADO', 'quality assurance (?:group|sub-?group|team)', 'heads? of service', 'service managers?', 'team managers?', 'principal social worker',
      'safeguarding leads?', 'social care', 'LSCB', 'LSCP', '[A-Z]{1,4}SC?P', 'the Panel', 'Department for Education', 'DfE', 'Home Office', 'NHS England', 'Ofsted',
      'health partners', 'emergency department', 'paediatric (?:service|team|department)s?', 'police force',
      // Any named team, service or provider as the subject: "the children with disabilities team", "adult substance misuse services".
      'teams?', 'services?', 'units?', 'departments?', 'hubs?', 'panels?', 'providers?', 'practices', 'clinics?', 'directorates?', 'networks?',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);
// "the Northshire Domestic Abuse Service", "Northshire Children's Services".
const NAMED_BODY = /(?:[A-Z][\p{L}'’&-]+\s+){1,6}(?:Partnership|Board|Trust|Council|Service|Services|Police|Constabulary|Team|Unit|Hospital|Authority|Group|Panel|Network|Academy|School|College|Care|Department|Hub)\b/u;
const LED_BY = /\b(?:led|owned|overseen|chaired|delivered|undertaken|carried out|completed|coordinated|co-ordinated|sponsored) by\b/i;

const MEASURE = new RegExp(
  '\\b(?:' +
    [
      'measur\\w*', 'audit\\w*', 're-?audit\\w*', 'dip[- ]?sampl\\w*', 'evaluat\\w*', 'monitor\\w*', 'indicators?', 'KPIs?', 'performance (?:data|information|reports?|framework)',
      'data (?:on|about|showing|will|from)', 'evidence (?:of|that|will|from|showing|to show)', 'evidenced (?:by|through|in)', 'report(?:s|ed|ing)? (?:back |progress |findings |the (?:results|findings|outcomes?) |its findings )?(?:to|at)',
      "report(?:s|ed|ing)? (?:back )?(?:on |about )(?:[\\p{L}'’-]+ ){0,5}(?:to|at) (?:the |its |each )?(?:[\\p{L}'’-]+ ){0,3}(?:partnership|board|sub-?group|group|committee|panel|executive|meeting)",
      'outcomes? (?:for|will|measures?)', 'impact (?:on|will|of)', 'success will', '\\d+ ?%', 'per ?cent', 'percentage', 'proportion of', 'number of', 'baseline',
      'benchmark\\w*', 'survey\\w*', 'feedback (?:from|will)', 'compliance (?:with|will|rates?)', 'reviewed (?:after|at|in|by)', 'case file (?:audits?|reviews?)',
      'assurance reports?', '(?:increase|reduction|reduce|rise|fall|improvement) (?:in|to|from|by) ', 'so that (?:at least )?\\d', 'tested (?:by|through)', 'checked (?:by|through)',
    ].join('|') +
    ')',
  'iu',
);
const TIME = new RegExp(
  '\\b(?:' +
    [
      `by (?:the )?(?:end of |start of |beginning of |close of |middle of )?(?:(?:${MONTH})(?: (?:19|20)\\d\\d)?|(?:spring|summer|autumn|winter)(?: (?:19|20)\\d\\d)?|Q[1-4]|quarter (?:one|two|three|four|\\d)|(?:19|20)\\d\\d|(?:the )?(?:next|following|first) (?:year|quarter|month|meeting|financial year|academic year|board meeting|partnership meeting|review)|\\d{1,2}(?:st|nd|rd|th)? (?:${MONTH})|\\d{1,2}/\\d{1,2}/\\d{2,4})`,
      `within (?:the next )?(?:${NUMBER_WORD}) (?:working )?(?:days?|weeks?|months?|years?)`,
      `in the (?:next|first) (?:${NUMBER_WORD}) (?:weeks?|months?)`,
      `(?:in|during|from|before|until) (?:(?:${MONTH}) )?(?:19|20)\\d\\d(?:[-/](?:19|20)?\\d\\d)?`,
      `(?:${MONTH}) (?:19|20)\\d\\d`, '(?:19|20)\\d\\d[-/](?:19|20)?\\d\\d', 'Q[1-4](?: (?:19|20)\\d\\d)?',
      'annually', 'quarterly', 'six-monthly', 'monthly', `every (?:${NUMBER_WORD}) (?:weeks|months|years)`, 'each (?:year|quarter|term)', 'immediately', 'with immediate effect',
      'timescales?', 'deadline', 'target date', 'this (?:school |academic |financial |calendar )?year', 'this (?:term|quarter|month)', 'next (?:term|quarter|month|year)', 'before the end of (?:the |this )?(?:year|term|quarter)', `after (?:${NUMBER_WORD}) months`, 'next (?:financial|academic) year', `(?:${NUMBER_WORD}) months (?:after|from|of)`,
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);
const ACTION_PLAN = /\baction plans?\b[^.]{0,160}\b(?:timescales?|measures?|SMART|dates?|milestones?|monitor\w*|how progress|success|owners?)\b|\b(?:timescales?|measures?|SMART|milestones?)\b[^.]{0,160}\baction plans?\b/i;
const SMART = /\bSMART\b/;
const MAIN_VERB_BEFORE = /(?:^|(?<![\p{L}])(?:should|must|will|shall|to|needs? to|(?:is|are) asked to|and|or|then|that|also)\s+)(?:(?:also|further|urgently|jointly|together|collectively|formally|actively|regularly|now|then|carefully|fully)\s+)*$/iu;

interface Item {
  /** The recommendation's own words (not its owner, timescale or measure fields). */
  main: { block: Block; span: Span }[];
  /** Everything that belongs to it, for finding an owner, measure and timescale. */
  text: string;
  report: Span;
  owner: boolean;
  /** A measure or timescale in the recommendation itself (text, field or column). */
  measure: boolean;
  time: boolean;
  /** The draft says an action plan sets measures and timescales. */
  plan: boolean;
  /** A heading or label that starts a recommendation whose words follow. */
  open: boolean;
}

function raw(ctx: CheckContext, b: Block): string {
  return ctx.doc.text.slice(b.start, b.end);
}

// A heading that introduces a list of recommendations, not one that discusses them ("The quality of recommendations").
const REC_SECTION_TITLE = /^[\W\d]*(?:(?:the|our|key|main|summary of(?: the)?|list of|review|this review['’]s|the review['’]s)\s+)?(?:(?:findings|learning|conclusions|analysis|summary)(?:,)?\s+(?:and|&)\s+)?recommendations?\b(?!\s+(?:from|made in|of)\s+(?:previous|earlier|other)\b)|\bactions? for (?:the )?(?:partnership|agencies|safeguarding partners)\b|^[\W\d]*recommendations?\s+(?:for|to)\b/i;

interface RecSection {
  inside: boolean;
  /** Index in the section path of the heading that opens the recommendations. */
  from: number;
}

const recSectionCache = new WeakMap<readonly string[], RecSection>();

function recSection(path: readonly string[]): RecSection {
  let v = recSectionCache.get(path);
  if (v) return v;
  v = { inside: false, from: path.length };
  let labelled = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    const t = path[i]!;
    if (QUESTIONS_HEADING.test(t) || (NOT_RECS_HEADING.test(t) && !/\brecommendations?\b/i.test(t))) {
      labelled = -1;
      break;
    }
    if (REC_LABEL.test(t)) {
      labelled = i;
      continue;
    }
    if (roleForHeading(t) === 'recommendations') {
      v = { inside: REC_SECTION_TITLE.test(t), from: i };
      labelled = -1;
      break;
    }
  }
  // "## Recommendation 1: …" headings with no recommendations section around them.
  if (labelled >= 0) v = { inside: true, from: labelled };
  recSectionCache.set(path, v);
  return v;
}

/** True when the block sits in a recommendations section (not in questions for the partnership or a response). */
function inRecommendations(b: Block): boolean {
  return b.role === 'recommendations' && recSection(b.sectionPath).inside;
}

/** An owner named by a heading inside the recommendations section: "Recommendations for the ICB", "### Northshire Police". */
function headingOwner(b: Block): boolean {
  const { from } = recSection(b.sectionPath);
  return b.sectionPath.slice(from).some((t) => OWNER.test(t.replace(/\brecommendations?\b/gi, '')) || NAMED_BODY.test(t));
}

/** The trimmed span of a piece of a block's prose. */
function trimmed(b: Block, from: number, to: number): Span {
  let s = from;
  let e = to;
  while (s < e && /[\s*_;,.:–—-]/.test(b.prose[s - b.start]!)) s++;
  while (e > s && /[\s*_;,]/.test(b.prose[e - 1 - b.start]!)) e--;
  return { start: s, end: e };
}

/** Where to point: the first sentence (or first 160 characters) of the recommendation. */
function reportSpan(b: Block, span: Span): Span {
  const text = b.prose.slice(span.start - b.start, span.end - b.start);
  const label = REC_LABEL.exec(text);
  if (label && /[\p{L}]/u.test(label[0])) return trimmed(b, span.start, span.start + label[0].length);
  if (label) return reportSpan(b, trimmed(b, span.start + label[0].length, span.end));
  const stop = text.search(/[.!?](?:\s|$)|\n/);
  const end = stop > 0 && stop < 160 ? span.start + stop + 1 : Math.min(span.end, span.start + 160);
  return trimmed(b, span.start, end);
}

function ownerIn(text: string): boolean {
  const m = DIRECTIVE.exec(text);
  const colon = text.indexOf(':');
  let zone = m ? text.slice(0, m.index) : '';
  if (!m) {
    const t = TO_DIRECTIVE.exec(text);
    zone = t ? text.slice(0, t.index) : '';
  }
  if (colon > 0 && colon < 80) zone += ' ' + text.slice(0, colon);
  if (OWNER.test(zone) || NAMED_BODY.test(zone) || /(?<![\p{L}])[A-Z]{2,6}(?![\p{L}])/u.test(zone.replace(REC_LABEL, ''))) return true;
  return LED_BY.test(text) && (OWNER.test(text.slice(text.search(LED_BY))) || NAMED_BODY.test(text.slice(text.search(LED_BY))));
}

function newItem(b: Block, span: Span, context: { owner: boolean }): Item {
  const text = b.prose.slice(span.start - b.start, span.end - b.start);
  return { main: [{ block: b, span }], text, report: reportSpan(b, span), owner: context.owner, measure: false, time: false, plan: false, open: false };
}

function applyField(item: Item, text: string): boolean {
  const f = FIELD.exec(text);
  if (!f) return false;
  const name = f.groups!['name']!;
  const value = f.groups!['value'] ?? '';
  if (EMPTY_VALUE.test(value)) return true;
  if (FIELD_OWNER.test(name)) item.owner = true;
  else if (FIELD_TIME.test(name)) item.time = true;
  else item.measure = true;
  item.text += `\n${text}`;
  return true;
}

/** Splits "Recommendations include: a; b; c" into its items. */
function semicolonItems(b: Block, owner: boolean): Item[] | undefined {
  const p = b.prose;
  const first = p.indexOf(';');
  if (first < 0 || p.indexOf(';', first + 1) < 0) return undefined;
  const colon = p.indexOf(':');
  const hasIntro = colon >= 0 && colon < first;
  if (!hasIntro) return undefined;
  const intro = hasIntro ? p.slice(0, colon) : '';
  const ctxOwner = owner || (!!intro && (OWNER.test(intro.replace(/\brecommendations?\b/gi, '')) || NAMED_BODY.test(intro)));
  const items: Item[] = [];
  let from = hasIntro ? colon + 1 : 0;
  const bounds = [...p.matchAll(/;/g)].map((m) => m.index!).filter((i) => i > from);
  bounds.push(p.length);
  for (const to of bounds) {
    const piece = p.slice(from, to).replace(/^\s*(?:and|or)\s+/i, '');
    if (piece.replace(/[\s.]/g, '').length > 8) {
      const lead = p.slice(from, to).length - p.slice(from, to).trimStart().length;
      const span = trimmed(b, b.start + from + lead, b.start + to);
      const item = newItem(b, span, { owner: ctxOwner });
      items.push(item);
    }
    from = to + 1;
  }
  return items.length >= 2 ? items : undefined;
}

function tableItems(table: Block[][]): Item[] {
  const cells = table.flat();
  const header = (c: Block): string => c.cell?.header ?? '';
  const colOf = (re: RegExp): number | undefined => cells.find((c) => re.test(header(c)))?.cell?.column;
  const ownerCol = colOf(/\b(owner|lead|responsib|accountab|who|agenc)/i);
  const timeCol = colOf(/\b(timescale|time ?frame|by when|deadline|date|when|target)/i);
  const measureCol = colOf(/\b(measure|success|evidence|outcome|impact|how will|monitor|indicator)/i);
  let recCol = colOf(/\b(recommendations?|actions?|what)\b/i);
  if (recCol === undefined) {
    // The column with the most words.
    const words = new Map<number, number>();
    for (const c of cells) if (!c.cell!.isHeader) words.set(c.cell!.column, (words.get(c.cell!.column) ?? 0) + c.prose.split(/\s+/).length);
    recCol = [...words.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  if (recCol === undefined) return [];
  const items: Item[] = [];
  for (const row of table.slice(1)) {
    if (!row) continue;
    const rec = row.find((c) => c.cell!.column === recCol);
    if (!rec || rec.prose.trim().length < 10) continue;
    const span = trimmed(rec, rec.start, rec.end);
    const item = newItem(rec, span, { owner: headingOwner(rec) });
    const filled = (col: number | undefined): boolean => {
      const c = col === undefined ? undefined : row.find((x) => x.cell!.column === col);
      return !!c && !EMPTY_VALUE.test(c.prose);
    };
    if (filled(ownerCol)) item.owner = true;
    if (filled(timeCol)) item.time = true;
    if (filled(measureCol)) item.measure = true;
    for (const c of row) if (c !== rec) item.text += `\n${c.prose}`;
    items.push(item);
  }
  return items;
}

const FIND_KEY = Symbol('recommendations');

/** Finds each recommendation in the draft (once per document; two rules use it). */
export function findRecommendations(ctx: CheckContext): Item[] {
  return once(ctx.doc, FIND_KEY, () => findUncached(ctx));
}

function findUncached(ctx: CheckContext): Item[] {
  const items: Item[] = [];
  const blocks = ctx.doc.blocks;
  const hasSection = blocks.some((b) => b.kind === 'heading' && inRecommendations(b));
  let current: Item | undefined;
  let leadOwner = false;
  let tableOf: Map<Block, Block[][]> | undefined;
  const tableDone = new Set<Block>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'code' || b.kind === 'comment' || b.kind === 'front-matter') continue;
    if (!inRecommendations(b)) {
      current = undefined;
      leadOwner = false;
      // A summary that lists recommendations in one paragraph, in a draft with no recommendations section.
      if (!hasSection && b.kind === 'paragraph' && /^\s*(?:the )?(?:key |main |\w+ )?recommendations?\b|\b(?:makes?|made) (?:\w+ )?recommendations?\s*:/i.test(b.prose) && b.role !== 'glossary' && b.role !== 'references') {
        items.push(...(semicolonItems(b, false) ?? []));
      }
      continue;
    }
    const owner = headingOwner(b) || leadOwner;
    if (b.kind === 'heading') {
      leadOwner = false;
      current = undefined;
      const title = b.prose;
      const label = REC_LABEL.exec(title);
      if (label) {
        const rest = title.slice(label.index + label[0].length);
        current = newItem(b, trimmed(b, b.start, b.end), { owner: headingOwner(b) });
        current.report = trimmed(b, b.start, b.end);
        current.text = rest;
        current.main = rest.trim() ? [{ block: b, span: trimmed(b, b.start + label.index + label[0].length, b.end) }] : [];
        current.open = true;
        items.push(current);
      }
      continue;
    }
    if (b.cell) {
      if (tableDone.has(b)) continue;
      if (!tableOf) {
        tableOf = new Map();
        for (const t of tableRows(blocks)) for (const c of t.flat()) tableOf.set(c, t);
      }
      const table = tableOf.get(b) ?? [];
      for (const c of table.flat()) tableDone.add(c);
      items.push(...tableItems(table));
      current = undefined;
      continue;
    }
    const text = b.prose;
    if (current && FIELD.test(text)) {
      applyField(current, text);
      continue;
    }
    if (/\baction plan\b/i.test(text) && !REC_LABEL.test(text) && b.kind === 'paragraph') continue;
    if (b.kind === 'list-item') {
      const indented = /^(?: {2,}|\t)/.test(raw(ctx, b));
      if (indented && current) {
        if (!applyField(current, text.trim())) {
          current.text += `\n${text}`;
          current.main.push({ block: b, span: trimmed(b, b.start, b.end) });
        }
        continue;
      }
      if (/:\s*$/.test(text.trim()) && !REC_LABEL.test(text)) {
        leadOwner = OWNER.test(text) || NAMED_BODY.test(text);
        current = undefined;
        continue;
      }
      current = newItem(b, trimmed(b, b.start, b.end), { owner });
      items.push(current);
      continue;
    }
    const split = semicolonItems(b, owner);
    if (split) {
      items.push(...split);
      current = undefined;
      continue;
    }
    const labelled = REC_LABEL.exec(text);
    if (labelled) {
      current = newItem(b, trimmed(b, b.start, b.end), { owner });
      const rest = text.slice(labelled.index + labelled[0].length);
      if (rest.replace(/[\s*_:.]/g, '').length < 3) {
        current.open = true;
        current.main = [];
      }
      items.push(current);
      continue;
    }
    const firstSentence = b.sentences[0]?.text ?? text;
    if (/:\s*$/.test(text.trim()) || INTRO.test(firstSentence.trim())) {
      leadOwner = /:\s*$/.test(text.trim()) && (OWNER.test(text) || NAMED_BODY.test(text));
      current = undefined;
      continue;
    }
    if (current?.open) {
      current.text += `\n${text}`;
      current.main.push({ block: b, span: trimmed(b, b.start, b.end) });
      continue;
    }
    if (DIRECTIVE.test(text) || IMPERATIVE_START.test(text)) {
      current = newItem(b, trimmed(b, b.start, b.end), { owner });
      items.push(current);
    }
  }
  for (const it of items) {
    it.owner ||= ownerIn(it.text);
    it.measure ||= MEASURE.test(it.text);
    it.time ||= TIME.test(it.text);
  }
  // Whether an action plan sets measures and timescales matters only to an item that lacks one, and
  // finding out reads the whole draft.
  if (items.some((it) => !it.measure || !it.time)) {
    const plan = (/action plan/i.test(ctx.doc.text) && ACTION_PLAN.test(ctx.doc.text)) || SMART.test(ctx.doc.text);
    for (const it of items) it.plan = plan;
  }
  return items.filter((it) => it.main.length > 0 || it.text.trim().length > 0);
}

function hasAction(it: Item): boolean {
  return DIRECTIVE.test(it.text) || IMPERATIVE_START.test(it.text.replace(REC_LABEL, '')) || HAS_VERB.test(it.text);
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** Each recommendation: who will act, what they will do, how success will be measured, by when. */
export const recommendationIncomplete: Check = {
  meta: {
    id: 'recommendation-incomplete',
    category: 'recommendations',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'hint' },
    scope: 'paragraph',
    fix: 'none',
    summary: 'Each recommendation should say who will act, what they will do, how success will be measured and by when.',
    message: 'This recommendation does not say {{missing}}. Recommendations that name an accountable owner, a specific action, a measure of success and a timescale can be turned into an action plan and checked.',
    rationale:
      'The Panel finds that the best local reviews make clear recommendations that become specific actions with accountable owners, with a clear way of evaluating their impact, and that many recommendations are not clear, robust or measurable enough to change practice. The annual review of local reviews found one recommendation that did not say at whom it was aimed, and found partnerships rated recommendations less useful when they could not be turned into SMART actions. Each recommendation is checked for an owner (an agency, board or role, in the text, a heading such as "Recommendations for the ICB", an Owner field or a table column), an action, a measure and a timescale. Measures and timescales are not required when the draft says an action plan will set them. Systems-method findings with questions for the partnership are not checked.',
    good: 'Recommendation 2: Northshire ICB will add a prompt for the father\'s details to the GP referral form by March 2025, and audit 50 referrals in September 2025, reporting the results to the partnership board.',
    sources: [
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 4, para 4.13 (specific actions with accountable owners and an evaluation strategy); Summary (clear, robust, measurable)' },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 4, 'The different styles of LCSPRs' (recommendations not aimed at anyone); 'Features of the most helpful reviews' (SMART)" },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 5, 'The quality of recommendations'" },
    ],
    examples: {
      valid: [
        { text: '## Recommendations\n\n1. Northshire ICB will add a prompt for the father\'s details to the GP referral form by March 2025 and audit 50 referrals in September 2025.' },
        { text: '## Recommendations\n\n| Recommendation | Owner | Timescale | Measure of success |\n| --- | --- | --- | --- |\n| Add a prompt for fathers to the referral form | ICB | March 2025 | Audit of 50 referrals |', note: 'owner, timescale and measure in columns' },
        { text: '## Recommendations\n\nThe review makes three recommendations.\n\n### Recommendation 1\n\nThe partnership board should commission a multi-agency audit of neglect cases by June 2025.\n\n- Owner: partnership business manager\n- Measure: audit findings reported to the board', note: 'a heading, a paragraph and fields' },
        { text: '## Findings\n\nFinding 1: practitioners relied on the mother\'s account.\n\n### Questions for the partnership\n\n- How can agencies check a parent\'s account?', note: 'systems-method questions are not recommendations' },
        { text: '## Recommendations\n\n1. The ICB should review the referral pathway.\n\nThe partnership\'s action plan sets out timescales and measures for each recommendation.', note: 'an action plan holds the measures and dates' },
      ],
      invalid: [
        { text: '## Recommendations\n\n1. To improve the evidence base.', match: 'To improve the evidence base.', severity: 'warning', note: 'no owner, measure or timescale' },
        { text: '## Recommendations\n\n1. The ICB should review the referral pathway.', match: 'The ICB should review the referral pathway.', severity: 'info', note: 'owner and action, but no measure or timescale' },
        { text: '## Recommendations\n\nRecommendations include: the ICB should audit referrals by June 2025 and report to the board; schools should record fathers; the police should share information.', match: 'schools should record fathers', note: 'one paragraph split at semicolons' },
        { text: '## Recommendations\n\nR3. Develop a pathway for sharing information about fathers by December 2025, measured by audit.', match: 'R3.', severity: 'warning', note: 'no owner' },
      ],
    },
  },
  run(ctx) {
    for (const it of findRecommendations(ctx)) {
      const missing: string[] = [];
      if (!it.owner) missing.push('who will act');
      const action = hasAction(it);
      if (!action) missing.push('what will be done');
      if (!it.measure && !it.plan) missing.push('how success will be measured');
      if (!it.time && !it.plan) missing.push('by when');
      if (missing.length === 0) continue;
      const severity: Severity = !it.owner || !action ? 'warning' : 'info';
      ctx.report({ span: it.report, message: this.meta.message.replace('{{missing}}', joinList(missing)), severity });
    }
  },
};

/** Vague verbs in recommendations: raise awareness, seek assurance, remind staff, consider, reflect on. */
export const recommendationVagueAction: Check = {
  meta: {
    id: 'recommendation-vague-action',
    category: 'recommendations',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'hint' },
    scope: 'paragraph',
    fix: 'none',
    summary: 'Replace vague recommendation wording ("seek assurance", "raise awareness", "remind staff", "consider") with a specific, checkable action.',
    message: "'{{match}}' is hard to act on or check. {{reason}}",
    rationale:
      'The annual review of local reviews found many recommendations in the form "the partnership should seek assurance", or restating standard practice, and said it was hard to see what would change in practice from them; it found specific, case-linked recommendations far more useful because they could be followed up. The Panel asks for recommendations that translate into specific actions. Wording such as raise awareness, remind staff, consider, reflect on, explore or continue to describes an intention, not a change anyone can check. The wording list and the advice for each phrase are data (rules/data/vague-actions.yaml). A phrase is not reported when the recommendation already names who will act, how success will be measured and by when.',
    good: 'The ICB will audit 20 health visiting records for details of fathers by March 2025 and report the results to the partnership board.',
    sources: [
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 4, 'The different styles of LCSPRs' (seek assurance; reiterating standard practice)" },
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 4, para 4.13' },
    ],
    examples: {
      valid: [
        { text: '## Recommendations\n\n1. The ICB will audit 20 health visiting records for details of fathers by March 2025 and report the results to the board.' },
        { text: '## Recommendations\n\n1. The partnership board will consider the audit report at its June 2025 meeting and publish the changes it agrees, measured by a re-audit in December 2025.', note: 'specific in every other respect' },
        { text: '## Background\n\nThe partnership sought assurance from agencies in 2021.', note: 'not a recommendation' },
        { text: '## Questions for the partnership\n\n- How might agencies consider the father\'s role?', note: 'systems-method questions' },
      ],
      invalid: [
        { text: '## Recommendations\n\n1. The partnership should seek assurance that agencies share information.', match: 'seek assurance' },
        { text: '## Recommendations\n\n2. Raise awareness of neglect among staff.', match: 'Raise awareness' },
        { text: '## Recommendations\n\n- The local authority should remind staff to see children alone.', match: 'remind staff' },
        { text: '## Recommendations\n\n1. Agencies should consider how they record fathers.', match: 'consider' },
        { text: '## Recommendations\n\n1. The need for comprehensive information sharing within and between agencies.', match: 'The need for comprehensive' },
      ],
    },
  },
  run(ctx) {
    const list = ctx.data.vagueActions ?? [];
    if (list.length === 0) return;
    const compiled = compileList<VagueActionEntry>(list);
    for (const it of findRecommendations(ctx)) {
      // Specific in every other respect: the wording is not the problem.
      if (it.owner && it.measure && it.time) continue;
      let reported = false;
      for (const part of it.main) {
        if (reported) break;
        for (const h of matchesIn(compiled, part.block)) {
          if (h.span.start < part.span.start || h.span.end > part.span.end) continue;
          if (h.entry.mainVerbOnly) {
            const before = part.block.prose.slice(part.span.start - part.block.start, h.span.start - part.block.start).replace(REC_LABEL, '').trimStart();
            if (!MAIN_VERB_BEFORE.test(before)) continue;
          }
          ctx.report({ span: h.span, message: this.meta.message.replace('{{match}}', h.text).replace('{{reason}}', h.entry.advice) });
          reported = true;
          break;
        }
      }
    }
  },
};

const FINDINGS_HEADING = /\bfindings?\b|\blearning points?\b|\bkey learning\b|\bareas? for (?:improvement|development|learning)\b|\bimprovements? (?:needed|required|for)\b|\bpriorities for\b/i;

/** Kinds of block that have no paragraph index: they never hold a recommendation's label. */
const UNNUMBERED = new Set<Block['kind']>(['heading', 'front-matter', 'code', 'comment']);

/** A recommendations or findings heading, or a paragraph that opens "Recommendation 1" or "Finding 2". */
const FINDS_RECOMMENDATIONS = defineFact('recommendations/section-or-label', (b): boolean => {
  if (b.kind === 'heading') return b.role === 'recommendations' || FINDINGS_HEADING.test(b.prose);
  return !UNNUMBERED.has(b.kind) && /^[\s*_]*(?:recommendation|finding)\s*\d/i.test(b.prose);
});

/** A whole LCSPR without recommendations or findings. */
export const recommendationsMissing: Check = {
  meta: {
    id: 'recommendations-missing',
    category: 'recommendations',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'off' },
    scope: 'document',
    fix: 'none',
    summary: 'A local child safeguarding practice review needs recommendations, or systems findings with questions for the partnership.',
    message: 'This review has no recommendations or findings section. Say what should change and who should change it, or, if you use a systems method, set out the findings and the questions they raise for the partnership.',
    rationale:
      'A local review exists to identify improvements, and the final report is expected to summarise the improvements it recommends. The Panel and the annual review of local reviews judge reviews by whether their recommendations lead to change. Reviews using a systems method may give findings with questions or considerations for the partnership instead of recommendations; either satisfies the rule. Short fragments and rapid reviews are not checked.',
    good: '## Recommendations\n\n1. Northshire ICB will add a prompt for the father\'s details to the GP referral form by March 2025.',
    sources: [
      { document: 'research/standards-and-language-guidance.md', section: '1.4 LCSPR report content (a summary of recommended improvements)' },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 4, 'Features of the most helpful reviews'; Chapter 5, 'The quality of recommendations'" },
      { document: 'research/real-text-pitfalls.md', section: 'Recommendations (systems-method findings)' },
    ],
    examples: {
      valid: [
        { text: `# Review of Child R\n\n## Introduction\n\n${'The review looked at agency involvement with Child R over two years. '.repeat(40)}\n\n## Analysis\n\n${'Practitioners worked hard but information was not shared between health and the school. '.repeat(30)}\n\n## Recommendations\n\n1. The ICB will review the referral form by March 2025.` },
        { text: `# Review of Child R\n\n## Introduction\n\n${'The review looked at agency involvement with Child R over two years. '.repeat(40)}\n\n## Analysis\n\n${'Practitioners worked hard but information was not shared between health and the school. '.repeat(30)}\n\n## Finding 1: fathers were not seen\n\n### Questions for the partnership\n\n- How do agencies find out who lives in the home?`, note: 'systems-method findings' },
        { text: 'The social worker visited on 3 May and saw Child R alone.', note: 'a fragment' },
      ],
      invalid: [
        { text: `# Review of Child R\n\n## Introduction\n\n${'The review looked at agency involvement with Child R over two years. '.repeat(40)}\n\n## Analysis\n\n${'Practitioners worked hard but information was not shared between health and the school. '.repeat(30)}\n\n## Conclusion\n\nThe review ends here.`, match: '# Review of Child R' },
      ],
    },
  },
  run(ctx) {
    if (ctx.reviewType === 'rapid-review') return;
    const blocks = ctx.doc.blocks;
    for (const found of factsOf(ctx.doc, FINDS_RECOMMENDATIONS)) if (found) return;
    if (!isWholeReview(ctx.doc)) return;
    const first = blocks.find((b) => b.kind === 'heading') ?? blocks.find((b) => b.paragraphIndex >= 0);
    if (!first) return;
    const line = ctx.doc.text.slice(first.start, first.end).split(/\r?\n/)[0]!;
    ctx.report({ span: { start: first.start, end: first.start + line.length }, message: this.meta.message });
  },
};
