/**
 * Identifying details: full dates of birth, exact dates of death, addresses and postcodes, named
 * schools, nurseries and GP surgeries, phone numbers and email addresses, NHS numbers and case or
 * crime reference numbers, and exact dates in a chronology. Information level, and off for drafts
 * marked `publication: internal`. Detection is pure in the block and is a per-block fact.
 */
import type { Check } from '../../check';
import type { Block, ParsedDocument } from '../../document/model';
import { defineFact, factsOf, perDocumentValue } from '../../facts';
import type { Fix, InvalidExample, RuleMeta, Span, ValidExample } from '../../types';
import { PROSE_KINDS, SOURCES, inAboutSection, isInternal } from './shared';

/** The kinds of identifying detail, one rule each. */
export type DetailKind = 'date-of-birth' | 'date-of-death' | 'address' | 'school' | 'contact' | 'reference-number' | 'exact-date';

/** One identifying detail in a block; offsets relative to the block. */
export interface Detail {
  kind: DetailKind;
  start: number;
  end: number;
  /** What to write instead, when there is a mechanical suggestion. */
  replacement?: string;
  /** Where the suggested edit starts, when it takes in a word before the detail ("on 3 March 2010"). */
  editStart?: number;
  /** A short name for what was found, for the message. */
  what: string;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTHS})\.?,?\s+((?:19|20)\d\d)\b`, 'g');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b(${MONTHS})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`, 'g');
const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)?\d\d)(?![\d./-])|(?<![\d./-])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d./-])/g;

const BIRTH = /\b(?:date\s+of\s+birth|birth\s+date|d\.?o\.?b\.?|born(?:\s+on)?|birthday)\b/i;
const DEATH = /\b(?:died|dies|death|deceased|passed\s+away|pronounced\s+(?:dead|life\s+extinct)|found\s+(?:dead|unresponsive)|date\s+of\s+death|d\.?o\.?d\.?|killed|fatal(?:ly)?)\b/i;

const POSTCODE = /(?<![\p{L}\p{N}-])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu;
const STREET_SUFFIX = 'Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Terrace|Gardens|Grove|Place|Walk|Square|Row|Mews|Hill|Rise|Parade|View|Green|Park|Vale|Boulevard|Wharf|Chase';
const NUMBERED_STREET = new RegExp(String.raw`(?<![\p{L}\p{N}£$.,-])(?:(?:Flat|Apartment|Apt|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?,?\s+(?:(?:\p{Lu}[\p{L}'’-]*)\s+){1,3}(?:${STREET_SUFFIX})\b\.?`, 'gu');
const NAMED_STREET = new RegExp(String.raw`\b(?:at|on|in|of|off|near|from|to)\s+((?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews))\b`, 'gu');
/** Courts and other places whose names end like streets but are not addresses. */
const NOT_STREET = /\b(?:Crown|Family|Magistrates['’]?|Youth|County|High|Coroner['’]?s?|Supreme|Appeal|Combined|Royal|Civic|Business|Retail|Science|Technology|Holiday|Caravan|Country|Theme|Safari|Industrial|Trading)\s+(?:Court|Park|Centre|Way|Place|Gardens)\b|\b(?:Downing|Fleet|Whitehall)\b/u;

const SCHOOL_TYPE = String.raw`(?:(?:C\s?of\s?E|CE|RC|Catholic|Church\s+of\s+England|Methodist|Community|Primary|Junior|Infant|Infants|Secondary|High|Grammar|Special|Free|Church|Village|Nursery|Pre-?[Ss]chool|Day)\s+)*(?:School|Academy|Nursery|Pre-?[Ss]chool|Children['’]s\s+Centre|College|Surgery|Medical\s+Centre|Health\s+Centre|Medical\s+Practice|Family\s+Practice|Group\s+Practice|GP\s+Practice|Day\s+Nursery)`;
const NAMED_SCHOOL = new RegExp(String.raw`(?<![\p{L}'’])((?:(?:St\.?|Saint)\s+)?(?:(?:\p{Lu}[\p{L}'’-]*|of|the|and|&)\s+){1,5}${SCHOOL_TYPE})(?![\p{L}])`, 'gu');
/** Words that describe a school without naming it. */
const GENERIC_SCHOOL_WORD = new Set(
  ('the a an her his their its this that another previous current former same new local mainstream independent residential boarding virtual hospital ' +
    'forest sunday medical health family group gp village town city primary secondary junior infant infants high grammar special free nursery community ' +
    'church england catholic methodist ce rc c of e and & pupil referral unit alternative provision children’s children\'s early years year sixth form further ' +
    'education art arts music dance drama police royal staff nursing day school academy college surgery practice centre pre-school preschool').split(/\s+/),
);
const NOT_SCHOOL = /\b(?:Virtual|Police|Royal\s+College|Forest|Sunday|Hospital|Staff|Nursing|Military|Naval|Open|Defence)\s+(?:School|College|Academy)\b|\bCollege\s+of\b|\bSchool\s+(?:of|for)\b|\b(?:London|Oxford|Cambridge|Harvard)\s+School\b|\b(?:Research|Policing)\s+(?:Academy|College)\b|\bCollege\s+of\s+Policing\b/u;

const PHONE = /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:[127]\d{2,3}|20)\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d])/g;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
const GENERIC_EMAIL = /^(?:info|enquir\w*|contact\w*|admin\w*|safeguarding\w*|lscp|scp|lscb|scb|mscp|partnership\w*|business\w*|hello|office|team\w*|mash|duty\w*|reception|help\w*|support|press|media|comms|communications|foi|dpo|complaints|reviews?|cspr\w*|lcspr\w*|panel|secretariat|[a-z]*(?:partnership|safeguarding|team|board|unit|service|hub)[a-z]*)@/i;
const NHS_NUMBER = /\bNHS\s*(?:number|no\.?|num|#)?\s*[:#]?\s*(\d{3}[\s-]?\d{3}[\s-]?\d{4})\b/gi;
const BARE_NHS = /(?<![\d\s-]\d|\d)(\d{3})[ -](\d{3})[ -](\d{4})(?![\d])/g;
const REFERENCE = /\b(?:crime\s+(?:reference|ref\.?|number|no\.?)(?:\s+(?:number|no\.?))?|incident\s+(?:number|no\.?|log(?:\s+number)?|reference)|case\s+(?:number|no\.?|reference|ref\.?)|police\s+(?:reference|ref\.?|log)(?:\s+(?:number|no\.?))?|court\s+(?:case\s+)?(?:number|no\.?|reference)|claim\s+(?:number|no\.?)|log\s+(?:number|no\.?)|occurrence\s+(?:number|no\.?)|(?:CAD|STORM|URN|CRN|PNC)(?:\s+(?:number|no\.?|reference|ref\.?))?|reference\s+(?:number|no\.?)|ref(?:erence)?\s*[:#])\s*[:#]?\s*([A-Z]{0,5}[\s/-]?\d[\dA-Z]*(?:[/-][\dA-Z]+)*)/gi;

function validDate(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function monthYear(monthWordOrNumber: string, year: string): string {
  const n = Number(monthWordOrNumber);
  const full = Number.isNaN(n) ? MONTH_NAMES.find((m) => m.startsWith(monthWordOrNumber.toLowerCase().slice(0, 3)))! : MONTH_NAMES[n - 1]!;
  const y = year.length === 2 ? `20${year}` : year;
  return `${full[0]!.toUpperCase()}${full.slice(1)} ${y}`;
}

interface FullDate extends Span {
  monthYear: string;
}

function fullDates(prose: string): FullDate[] {
  const out: FullDate[] = [];
  if (!/\d/.test(prose)) return out;
  for (const re of [DAY_MONTH_YEAR, MONTH_DAY_YEAR]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(prose))) {
      const [day, month] = re === DAY_MONTH_YEAR ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
      if (Number(day) < 1 || Number(day) > 31) continue;
      out.push({ start: m.index, end: m.index + m[0].length, monthYear: monthYear(month, m[3]!) });
    }
  }
  NUMERIC_DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMERIC_DATE.exec(prose))) {
    const day = Number(m[1] ?? m[5]);
    const month = Number(m[3] ?? m[6]);
    const year = (m[4] ?? m[7])!;
    if (!validDate(day, month)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, monthYear: monthYear(String(month), year) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function nhsChecksum(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

function sentenceOf(sentences: readonly { start: number; end: number; text: string }[], at: number, prose: string, base: number): string {
  for (const s of sentences) if (s.start - base <= at && at < s.end - base) return s.text;
  return prose;
}

/**
 * The identifying details in a block's prose. `sentences` are the block's sentences, with offsets
 * `base` ahead of the block's (its start in the document); `header` is a table cell's column header.
 */
export function detailsInBlock(prose: string, sentences: readonly { start: number; end: number; text: string }[], header: string, chronology: boolean, base = 0): Detail[] {
  const out: Detail[] = [];
  const taken: Span[] = [];
  const free = (a: number, b: number): boolean => !taken.some((t) => a < t.end && t.start < b);
  const push = (d: Detail): void => {
    if (!free(d.start, d.end)) return;
    taken.push(d);
    out.push(d);
  };
  if (/\d/.test(prose)) {
    for (const found of fullDates(prose)) {
      const sentence = sentenceOf(sentences, found.start, prose, base);
      const before = prose.slice(Math.max(0, found.start - 50), found.start);
      // "born on 3 March 2010" becomes "born in March 2010".
      const on = /\bon\s+$/i.exec(before);
      const d = on ? { ...found, monthYear: `in ${found.monthYear}` } : found;
      const edit = on ? { editStart: found.start - on[0].length } : {};
      if (BIRTH.test(before) || /\b(?:date\s+of\s+birth|d\.?o\.?b|born)\b/i.test(header) || (BIRTH.test(sentence) && /\bborn\b[^.;]{0,40}$/i.test(before))) {
        push({ kind: 'date-of-birth', start: d.start, end: d.end, replacement: d.monthYear, what: 'a full date of birth', ...edit });
      } else if (DEATH.test(sentence) || /\b(?:date\s+of\s+death|died|death)\b/i.test(header)) {
        push({ kind: 'date-of-death', start: d.start, end: d.end, replacement: d.monthYear, what: 'an exact date of death', ...edit });
      } else if (chronology || /\bdate\b/i.test(header)) {
        push({ kind: 'exact-date', start: d.start, end: d.end, replacement: d.monthYear, what: 'an exact date', ...edit });
      }
    }
    NHS_NUMBER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NHS_NUMBER.exec(prose))) push({ kind: 'reference-number', start: m.index, end: m.index + m[0].length, what: 'an NHS number' });
    BARE_NHS.lastIndex = 0;
    while ((m = BARE_NHS.exec(prose))) {
      if (m[1]!.startsWith('0')) continue;
      if (nhsChecksum(`${m[1]}${m[2]}${m[3]}`)) push({ kind: 'reference-number', start: m.index, end: m.index + m[0].length, what: 'an NHS number' });
    }
    REFERENCE.lastIndex = 0;
    while ((m = REFERENCE.exec(prose))) {
      const code = m[1]!;
      if ((code.match(/\d/g)?.length ?? 0) < 4) continue;
      push({ kind: 'reference-number', start: m.index, end: m.index + m[0].length, what: 'a case or crime reference number' });
    }
    PHONE.lastIndex = 0;
    while ((m = PHONE.exec(prose))) {
      const digits = m[0].replace(/\D/g, '').replace(/^44/, '0');
      if (digits.length < 10 || digits.length > 11) continue;
      push({ kind: 'contact', start: m.index, end: m.index + m[0].length, what: 'a phone number' });
    }
    POSTCODE.lastIndex = 0;
    while ((m = POSTCODE.exec(prose))) push({ kind: 'address', start: m.index, end: m.index + m[0].length, what: 'a postcode' });
    NUMBERED_STREET.lastIndex = 0;
    while ((m = NUMBERED_STREET.exec(prose))) {
      if (NOT_STREET.test(m[0]) || /^\d{1,4}\s+(?:[A-Z]\w*\s+)?(?:Year|Section|Paragraph|Chapter|Page|Table|Figure|Day|Week|Month|Hour|Minute)s?\b/.test(m[0])) continue;
      const before = prose.slice(Math.max(0, m.index - 20), m.index);
      if (/\b(?:aged|age|at|until|from|after|before|for|of|to|by)\s*$/i.test(before) && !/\b(?:at|of|to|from)\s*$/i.test(before)) continue;
      push({ kind: 'address', start: m.index, end: m.index + m[0].length, what: 'a street address' });
    }
  }
  if (/@/.test(prose)) {
    EMAIL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = EMAIL.exec(prose))) if (!GENERIC_EMAIL.test(m[0])) push({ kind: 'contact', start: m.index, end: m.index + m[0].length, what: 'an email address' });
  }
  if (/\b(?:Road|Street|Avenue|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews)\b/.test(prose)) {
    NAMED_STREET.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NAMED_STREET.exec(prose))) {
      const name = m[1]!;
      const at = m.index + m[0].length - name.length;
      if (NOT_STREET.test(name) || /\b(?:Surgery|School|Centre|Practice)\b/.test(prose.slice(at + name.length, at + name.length + 25))) continue;
      push({ kind: 'address', start: at, end: at + name.length, what: 'a street name' });
    }
  }
  if (/\b(?:School|Academy|Nursery|Pre-?[Ss]chool|Centre|College|Surgery|Practice)\b/.test(prose)) {
    NAMED_SCHOOL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NAMED_SCHOOL.exec(prose))) {
      let text = m[1]!;
      let start = m.index;
      // Trim a leading article or generic words: "the Oakfield Academy" names Oakfield Academy.
      const lead = /^(?:(?:the|a|an|her|his|their|local|new|former|previous)\s+)+/iu.exec(text);
      if (lead) {
        start += lead[0].length;
        text = text.slice(lead[0].length);
      }
      if (NOT_SCHOOL.test(text) || NOT_SCHOOL.test(prose.slice(Math.max(0, start - 20), start + text.length + 10))) continue;
      const words = text.split(/\s+/);
      const distinctive = words.filter((w) => !GENERIC_SCHOOL_WORD.has(w.toLowerCase()) && /^\p{Lu}/u.test(w));
      if (distinctive.length === 0) continue;
      // A word that starts the sentence is not a name: "Primary School staff…" has none left.
      if (/^(?:St\.?|Saint)$/.test(distinctive[0]!) && distinctive.length === 1) continue;
      const type = /Surgery|Medical|Health Centre|Practice/.test(text) ? 'GP surgery' : /Nursery|Pre-?[Ss]chool|Children['’]s\s+Centre/.test(text) ? 'nursery' : /College/.test(text) ? 'college' : 'school';
      const replacement = type === 'GP surgery' ? 'the GP practice' : type === 'nursery' ? 'the nursery' : type === 'college' ? 'a local college' : /Primary|Infant|Junior/.test(text) ? 'a local primary school' : /Secondary|High|Academy|Grammar/.test(text) ? 'a local secondary school' : 'a local school';
      push({ kind: 'school', start, end: start + text.length, replacement, what: `a named ${type}` });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

const PROSE_SKIP = new Set(['references', 'contents', 'glossary']);
const CHRONOLOGY_TITLE = /\b(?:chronology|timeline|key\s+(?:events|episodes|dates)|summary\s+of\s+events)\b/i;

function isChronology(block: Block): boolean {
  return block.role === 'chronology' || block.sectionPath.some((t) => CHRONOLOGY_TITLE.test(t));
}

interface Found {
  block: Block;
  detail: Detail;
  span: Span;
  /** The span the suggested edit replaces. */
  edit: Span;
}

const NO_DETAILS: readonly Detail[] = [];

/** The identifying details of each block the checks read (prose outside references, contents, glossary and sections about the review). */
const blockDetails = defineFact<readonly Detail[]>('anonymisation/details', (b) => {
  if (!PROSE_KINDS.has(b.kind) || PROSE_SKIP.has(b.role) || inAboutSection(b) || b.cell?.isHeader) return NO_DETAILS;
  const found = detailsInBlock(b.prose, b.sentences, b.cell?.header ?? '', isChronology(b));
  return found.length === 0 ? NO_DETAILS : found;
});

const NONE_FOUND: readonly Found[] = [];

/** Every identifying detail in the draft by kind, folded once per parsed document from the blocks' facts and shared by the checks. */
function detailsByKind(doc: ParsedDocument): ReadonlyMap<DetailKind, readonly Found[]> {
  return perDocumentValue(doc, detailsByKind, () => {
    const out = new Map<DetailKind, Found[]>();
    const facts = factsOf(doc, blockDetails);
    for (let i = 0; i < facts.length; i++) {
      const details = facts[i]!;
      if (details.length === 0) continue;
      const block = doc.blocks[i]!;
      for (const d of details) {
        const f: Found = { block, detail: d, span: { start: block.start + d.start, end: block.start + d.end }, edit: { start: block.start + (d.editStart ?? d.start), end: block.start + d.end } };
        const list = out.get(d.kind);
        if (list) list.push(f);
        else out.set(d.kind, [f]);
      }
    }
    return out;
  });
}

function collect(doc: ParsedDocument, kind: DetailKind): readonly Found[] {
  if (isInternal(doc)) return NONE_FOUND;
  return detailsByKind(doc).get(kind) ?? NONE_FOUND;
}

interface DetailRule {
  id: string;
  kind: DetailKind;
  summary: string;
  message: string;
  instead: string;
  rationale: string;
  good: string;
  fix: RuleMeta['fix'];
  valid: ValidExample[];
  invalid: InvalidExample[];
}

const COMMON_RATIONALE =
  'Reviews are written to be published: statutory guidance asks for a report that can be published without being amended or redacted, and the Panel asks partnerships to plan for publication from the start. SCIE\u2019s quality markers ask that precise details of the case are kept to a minimum. A detail like this rarely adds to the learning but, put beside the local area and the events, it can identify the child and family. These are information prompts, not errors: keep a detail the learning needs and say why. Drafts marked `publication: internal` in front matter are not checked, and rapid reviews, which go to the Panel rather than being published, get a hint only. The check never asks to remove the child\u2019s heritage, faith, language or disability, which the identity rules ask for.';

function detailCheck(r: DetailRule): Check {
  const meta: RuleMeta = {
    id: r.id,
    category: 'anonymisation',
    kind: 'check',
    severity: 'info',
    severityByReviewType: { 'rapid-review': 'hint' },
    scope: 'document',
    fix: r.fix,
    summary: r.summary,
    message: r.message,
    rationale: `${r.rationale} ${COMMON_RATIONALE}`,
    good: r.good,
    sources: [SOURCES.statutoryReport, SOURCES.scieReport, SOURCES.panelPublication, SOURCES.annualReviewChronologies],
    examples: { valid: r.valid, invalid: r.invalid },
  };
  return {
    meta,
    run(ctx) {
      const found = collect(ctx.doc, r.kind);
      if (r.kind === 'exact-date') {
        // One prompt per chronology section, at its first exact date.
        const bySection = new Map<string, Found[]>();
        for (const f of found) {
          const k = f.block.sectionPath.join('\u0001');
          bySection.set(k, [...(bySection.get(k) ?? []), f]);
        }
        for (const list of bySection.values()) {
          const f = list[0]!;
          const fixes: Fix[] = f.detail.replacement ? [{ title: `Write '${f.detail.replacement}'`, kind: 'suggestion', edits: [{ ...f.edit, text: f.detail.replacement }] }] : [];
          if (list.length > 1) fixes.push({ title: `Use month and year for all ${list.length} dates in this section`, kind: 'suggestion', edits: list.map((x) => ({ ...x.edit, text: x.detail.replacement! })) });
          const count = list.length === 1 ? 'an exact date' : `${list.length} exact dates`;
          ctx.report({ span: f.span, message: r.message.replace('{{count}}', count), fixes });
        }
        return;
      }
      for (const f of found) {
        const fixes: Fix[] = f.detail.replacement ? [{ title: `Write '${f.detail.replacement}'`, kind: 'suggestion', edits: [{ ...f.edit, text: f.detail.replacement }] }] : [];
        ctx.report({ span: f.span, message: r.message.replace('{{what}}', f.detail.what).replace('{{What}}', f.detail.what[0]!.toUpperCase() + f.detail.what.slice(1)), fixes });
      }
    },
  };
}

export const fullDateOfBirth = detailCheck({
  id: 'full-date-of-birth',
  kind: 'date-of-birth',
  summary: 'Give an age, or a month and year, instead of a full date of birth.',
  message: 'A full date of birth can identify the child once the review is published. Give an age ("aged 14") or a month and year instead.',
  instead: 'an age',
  rationale: 'A full date of birth is one of the few details that can identify a child on its own.',
  good: 'Child R was born in March 2010 and was 14 at the time of the incident.',
  fix: 'suggestion',
  valid: [
    { text: 'Child R was born in March 2010 and was 14 at the time.' },
    { text: 'Child R was born at 32 weeks, weighing 1.8 kg.' },
    { text: '---\npublication: internal\n---\n\nChild R (date of birth 3 March 2010) lived with her mother.', note: 'internal draft' },
  ],
  invalid: [
    { text: 'Child R was born on 3 March 2010 in Northshire.', match: '3 March 2010', output: 'Child R was born in March 2010 in Northshire.' },
    { text: '| Name | Date of birth |\n| --- | --- |\n| Child R | 03/03/2010 |', match: '03/03/2010' },
    { text: 'Child R was born on 3 March 2010.', match: '3 March 2010', severity: 'hint', reviewType: 'rapid-review', note: 'rapid reviews are not published' },
  ],
});

export const exactDateOfDeath = detailCheck({
  id: 'exact-date-of-death',
  kind: 'date-of-death',
  summary: 'Give the month and year of a death rather than the exact date.',
  message: 'An exact date of death is easy to match with press reports and can identify the family. Give the month and year instead, unless the exact date matters to the learning.',
  instead: 'month and year',
  rationale: 'Deaths of children are often reported locally, and an exact date links the review to those reports.',
  good: 'Baby S died in February 2022, aged four months.',
  fix: 'suggestion',
  valid: [{ text: 'Baby S died in February 2022, aged four months.' }, { text: 'The strategy meeting on 4 March 2022 agreed a plan.', note: 'not a death, and not in a chronology' }],
  invalid: [{ text: 'Baby S died on 14 February 2022 at the hospital.', match: '14 February 2022', output: 'Baby S died in February 2022 at the hospital.' }],
});

export const addressOrPostcode = detailCheck({
  id: 'address-or-postcode',
  kind: 'address',
  summary: 'Leave out street addresses, street names and postcodes.',
  message: '{{What}} points to where the family lives. Describe the place instead ("a flat in the town centre", "temporary accommodation").',
  instead: 'a description',
  rationale: 'A street name or postcode narrows a family down to a few homes.',
  good: 'The family moved to temporary accommodation in another part of the town.',
  fix: 'none',
  valid: [
    { text: 'The family moved to temporary accommodation in another part of the town.' },
    { text: 'The case was heard at Northshire Crown Court in Year 9.', note: 'a court, not an address' },
    { text: 'Child R was 14 at the time; section 47 enquiries began on day 3.' },
  ],
  invalid: [
    { text: 'The family lived at 14 Elm Road, Northtown NT4 7QX.', match: '14 Elm Road' },
    { text: 'The family lived at 14 Elm Road, Northtown NT4 7QX.', match: 'NT4 7QX' },
    { text: 'Police were called to a flat on Station Street twice.', match: 'Station Street' },
  ],
});

export const namedSchoolOrSurgery = detailCheck({
  id: 'named-school-or-surgery',
  kind: 'school',
  summary: 'Describe schools, nurseries and GP surgeries instead of naming them.',
  message: '{{What}} can identify the child, especially when the partnership is named. Describe it instead ("a local primary school", "the GP practice").',
  instead: 'a description',
  rationale: 'A school or GP surgery serves a small area, so its name, with the partnership\u2019s, can point to one family.',
  good: 'Child R attended a local secondary school, where she had a trusted teacher.',
  fix: 'suggestion',
  valid: [
    { text: 'Child R attended a local secondary school and was registered with the GP practice.' },
    { text: 'The Northshire Virtual School supported her as a child in care.', note: 'the virtual school is a local authority service' },
    { text: 'Guidance from the Royal College of Paediatrics and Child Health was followed.' },
    { text: 'Primary School staff noticed the change.', note: 'describes, does not name' },
  ],
  invalid: [
    { text: 'Child R attended St Mary\u2019s Primary School until Year 6.', match: 'St Mary\u2019s Primary School', output: 'Child R attended a local primary school until Year 6.' },
    { text: 'She was registered at the Riverside Surgery.', match: 'Riverside Surgery' },
    { text: 'Staff at Little Acorns Nursery saw a bruise.', match: 'Little Acorns Nursery' },
  ],
});

export const phoneOrEmail = detailCheck({
  id: 'phone-or-email',
  kind: 'contact',
  summary: 'Leave out phone numbers and personal email addresses.',
  message: '{{What}} identifies a person directly. Leave it out; say who was contacted and how ("by phone", "by email").',
  instead: 'how contact was made',
  rationale: 'A phone number or personal email address belongs to one person.',
  good: 'The school emailed the social worker the same afternoon.',
  fix: 'none',
  valid: [
    { text: 'The school emailed the social worker the same afternoon.' },
    { text: 'Contact the partnership at safeguarding@northshire.gov.uk or call Childline on 0800 1111.', note: 'an organisation\u2019s address and a national helpline' },
  ],
  invalid: [
    { text: 'Ms B texted the worker from 07700 900123 that night.', match: '07700 900123' },
    { text: 'The referral came from jane.smith@example.org.uk.', match: 'jane.smith@example.org.uk' },
  ],
});

export const nhsOrCaseNumber = detailCheck({
  id: 'nhs-or-case-number',
  kind: 'reference-number',
  summary: 'Leave out NHS numbers and case or crime reference numbers.',
  message: '{{What}} links the review to one person\u2019s records. Leave it out; the review does not need it.',
  instead: 'nothing',
  rationale: 'Record numbers are unique to one person or incident and add nothing to the learning.',
  good: 'Police recorded the incident as a crime the same day.',
  fix: 'none',
  valid: [
    { text: 'Police recorded the incident as a crime the same day.' },
    { text: 'Recommendation 3 and paragraph 4.15 of Working Together 2018 apply.' },
  ],
  invalid: [
    { text: 'Police recorded it under crime reference CR/12345/22.', match: 'crime reference CR/12345/22' },
    { text: 'Her NHS number 943 476 5919 was on the referral.', match: 'NHS number 943 476 5919' },
  ],
});

export const exactDateInChronology = detailCheck({
  id: 'exact-date-in-chronology',
  kind: 'exact-date',
  summary: 'In a published chronology, give the month and year where the exact day does not matter.',
  message: 'This chronology gives {{count}}. Exact dates make events easy to match with records and press reports; use the month and year where the day does not matter to the learning.',
  instead: 'month and year',
  rationale: 'The annual review of local reviews warns that long chronologies of family history can identify, damage and even re-traumatise the family; exact dates make that easier. The prompt comes once per chronology section, with a fix for all its dates; keep exact dates where the order of events within a week matters and say so.',
  good: 'March 2021: the school referred concerns to the front door.',
  fix: 'suggestion',
  valid: [
    { text: '## Chronology\n\nMarch 2021: the school referred concerns.\n\nApril 2021: a strategy discussion was held.' },
    { text: '## Analysis\n\nThe strategy discussion on 4 March 2021 did not include health.', note: 'not a chronology' },
  ],
  invalid: [
    {
      text: '## Chronology\n\n4 March 2021: the school referred concerns.\n\n9 April 2021: a strategy discussion was held.',
      match: '4 March 2021',
      output: '## Chronology\n\nMarch 2021: the school referred concerns.\n\n9 April 2021: a strategy discussion was held.',
    },
  ],
});

/** The identifying-detail checks. */
export const identifyingDetailChecks: readonly Check[] = [fullDateOfBirth, exactDateOfDeath, addressOrPostcode, namedSchoolOrSurgery, phoneOrEmail, nhsOrCaseNumber, exactDateInChronology];
