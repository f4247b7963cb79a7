/**
 * Finds words that look like people's names in one block of prose. The first-name and surname lists
 * are compromise's own lexicon (a maintained NLP package that ships its model), extracted at build
 * time into lexicon-data.ts; the context around a word decides the rest: "her brother Kayden",
 * "Amira said", "Ms Okafor", "Leila, aged 15".
 *
 * Only the lexicon is used, not compromise's tagging pipeline: the pipeline costs about 5 ms a
 * paragraph (over a second on a long draft), and the lexicon plus context finds the same names.
 * Results depend only on the block's text and are a per-block fact (`blockNames`).
 */
import { ALL_NOUN, FEMALE, FIRST, LAST, MALE, PLACE, lexiconFlags } from './lexicon';
import { defineFact } from '../../facts';

/** First names that are also ordinary English words: names only with strong evidence from the sentence. */
export const COMMON_WORD_NAMES: ReadonlySet<string> = new Set(
  ('hope grace will may june faith joy rose summer mark bill dawn amber ruby crystal holly ivy iris daisy poppy lily jasmine skye sky storm ' +
    'honor honour patience chase hunter mason taylor cooper frank sue pat rich ray drew guy art gene don sandy robin carol christian angel ' +
    'destiny harmony melody trinity precious major earl king prince duke marshall rod wade lance miles norman dean bishop parker page bell ' +
    'bob jay max april august autumn winter heather hazel olive violet willow river rain blossom jade pearl ebony star sunny sonny rocky ' +
    'buddy rusty misty brook brooke carter fisher porter baker archer sterling justice liberty unique kit nick penny ginger mercy charity ' +
    'verity constance prudence felicity rowan ash aspen bay cliff dale glen heath forest rex victor eve jack jean sally peg dot bunny candy ' +
    'cherry honey dee lee ed al mo bo tom sam harry jimmy billy bobby teddy frankie jo kay neil gay fanny dick randy hardy noble royal ' +
    'sage saffron clementine primrose marigold lavender meadow wren raven dove phoenix journey legend lyric ocean sunday tuesday') .split(' '),
);

/** Capitalised words that are never a person's name in review prose. */
const STOP = new Set(
  ('child children baby sibling adult mother father mum dad parent parents carer carers family families partner grandmother grandfather nan ' +
    'police council school academy nursery college university hospital surgery practice service services team unit centre centres court ' +
    'partnership panel review reviews reviewer author chair agency agencies board trust health care social safeguarding local authority ' +
    'national rapid learning findings finding recommendation recommendations appendix table figure chapter section paragraph page part ' +
    'act acts regulations guidance working together ofsted cafcass barnardo barnardos nspcc childline kooth mind samaritans refuge shelter ' +
    'early help strategy discussion conference plan protection need needs multi agency hub front door duty emergency department accident ' +
    'england wales scotland britain british english welsh scottish irish european uk northern southern eastern western north south east west ' +
    'christmas easter ramadan eid diwali new year january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday mr mrs ms miss mx dr sir lady lord dame professor prof the a an this that these ' +
    'those her his their she he they it we our when where while after before during later then however although because since until unless ' +
    'on in at of for to by with from and or but so yet not no yes all each every both some any other another first second third last next ' +
    'previous following key episode episodes period periods incident incidents event events home house flat address street road ' +
    'girl boy son daughter brother sister young person people man woman men women professional professionals practitioner practitioners ' +
    'worker workers officer officers teacher teachers nurse nurses doctor doctors consultant midwife visitor visitors manager managers ' +
    'gp gps camhs mash marac mappa nhs ambulance fire probation prison youth justice offending looked after virtual head headteacher ' +
    'god allah jesus prophet christian muslim hindu sikh jewish buddhist catholic anglican methodist baptist ' +
    'black white asian mixed arab roma gypsy traveller dual heritage somali polish romanian kurdish tamil urdu arabic punjabi bengali ' +
    'tigrinya amharic pashto dari farsi turkish albanian lithuanian latvian portuguese spanish french italian german russian ukrainian ' +
    'cantonese mandarin yoruba igbo twi akan hausa swahili shona zulu gujarati hindi sylheti mirpuri pahari nepali sinhala sinhalese ' +
    'covid coronavirus lockdown zoom teams whatsapp snapchat instagram facebook tiktok youtube twitter google microsoft internet online ' +
    'domestic abuse sexual criminal exploitation county lines gang gangs missing op operation encompass').split(/\s+/),
);

/** Words that make a run of capitalised words an organisation, service, statute or publication. */
const ORG_WORDS = new Set(
  ('School Schools Academy Academies Nursery Nurseries Pre-school Preschool College University Partnership Partnerships Council Councils Trust ' +
    'Hospital Hospitals Hospice Infirmary Police Constabulary Service Services Surgery Practice Centre Center Clinic Unit Team Court Courts ' +
    'Ltd Limited Plc Charity Project Hub Authority Agency Department Office Ministry Panel Commission Society Association Network Foundation ' +
    'Board Federation Alliance Institute Library Prison Probation Refuge Housing Homes Health Care Safeguarding NHS Church Mosque Temple ' +
    'Gurdwara Synagogue Chapel Cathedral Group Company Partners Associates Fund Aid Action Programme Scheme Review Reviews Inquiry Act ' +
    'Regulations Guidance Framework Protocol Strategy Plan Policy Standards Code Report Bureau Directorate Division Branch Station Ward ' +
    'Publishers Press Books Journal Magazine News Times Guardian Telegraph Independent Tribune Radio Television TV BBC ITV Corporation ' +
    'Children’s Children\'s Youth Families Women’s Women\'s Men’s Men\'s Borough County City District Region Commissioner Tribunal ' +
    'Law Laws Bill Order Rules Directive Convention Treaty Summit Conference Forum Committee Executive Cabinet Parliament Government ' +
    'Army Navy Force Forces Airport Barracks Base Estate Park Stadium Club Football Rugby Cricket United Rovers Athletic Street Road ' +
    'Avenue Lane Close Drive Way Crescent Terrace Gardens Grove Place Square Mews Hill Rise Parade Green Vale Walk Row Medical Practice').split(/\s+/),
);

/** Titles that name professionals and public figures, whose names are not family members'. */
const PROFESSIONAL_TITLE = /\b(?:Dr|Doctor|Prof|Professor|Lord|Lady|Sir|Dame|Baroness|Baron|Judge|Justice|HHJ|DC|DS|PC|DI|DCI|DSI|Det|Sgt|Sergeant|Insp|Inspector|Supt|Superintendent|Cllr|Councillor|Rev|Reverend|Canon|Imam|Rabbi|Prophet|Pastor|Bishop|Nurse|Sister|Matron|Officer|Constable|MP|QC|KC)\.?\s+(?:[\p{Lu}][\p{L}'’.-]*\s+){0,2}$/u;
const HONORIFIC_BEFORE = /(?<![\p{L}])(Mr|Mrs|Ms|Miss|Mx)\.?\s+$/u;

const KIN = String.raw`(?:(?:maternal|paternal|great-)\s*)?(?:(?:older|younger|elder|baby|little|big|twin|new|half-|step-?|best|close|school|former|ex-?|great-)\s*)?(?:brother|sister|sibling|son|daughter|friend|boyfriend|girlfriend|partner|cousin|uncle|aunt|auntie|nan|nana|grandmother|grandfather|grandma|grandad|stepfather|stepmother|step-father|step-mother|mother|father|mum|dad|carer|husband|wife|niece|nephew|associate|peer)`;
const STRONG_BEFORE = new RegExp(String.raw`(?:\b(?:her|his|their|the\s+child['’]s|the\s+baby['’]s|mother['’]s|father['’]s|[\p{Lu}][\p{L}]+['’]s|Child\s+[A-Z]{1,3}['’]s)\s+${KIN}\s*(?:,|\()?\s*$)|(?:\b(?:a|an|the)\s+(?:\d{1,2}[- ]year[- ]old\s+)?(?:man|woman|boy|girl|friend|adult|male|female|associate|peer|child|teenager|young\s+(?:man|woman|person))\s+(?:called|named|known\s+as)\s+$)`, 'iu');
const PERSON_PREP_BEFORE = /\b(?:with|about|met|meet|visited|told|asked|saw|phoned|texted|messaged|rang|joined|accompanied|collected)\s+$/u;
const STRONG_AFTER = new RegExp(
  [
    String.raw`^['’]s\s+(?:${KIN}|siblings|grandparents|children|family|bedroom|birthday|school|behaviour|wishes|views|voice|account|needs|death|injuries|life|safety|care|house|home|phone|foster\s+carers?|social\s+worker|teacher|experience|words|feelings|development)\b`,
    String.raw`^\s*,?\s*\(?\s*(?:aged|age)\s+\d`,
    String.raw`^\s*\(\d{1,2}\)`,
    String.raw`^\s*,\s*(?:then\s+|now\s+)?\d{1,2}\s*,`,
    String.raw`^\s*,\s*(?:her|his|their|the\s+child['’]s|Child\s+[A-Z]{1,3}['’]s|\p{Lu}\p{Ll}+['’]s)\s+${KIN}\b`,
    String.raw`^\s+(?:said|says|told|tells|asked|disclosed|reported|explained|wanted|felt|feels|went|goes|lived|lives|attended|attends|stayed|moved|ran|returned|arrived|spoke|cried|began|started|refused|recalled|remembered|recalls|remembers|wrote|texted|messaged|phoned|visited|met|shared|stated|described|confided|alleged|admitted|denied|agreed|became|turned|liked|loved|wished|hoped|worried|talked|played|slept|died|was\s+(?:born|arrested|seen|taken|found|born|missing|excluded|placed|living|staying|frightened|scared|upset|happy)|had\s+(?:been|told|said|gone|left|moved))\b`,
  ].join('|'),
  'iu',
);
const PUNCT_AFTER = /^\s*(?:[.,;:!?)]|\s(?:who|whose)\b)/u;
const CITATION_AFTER = /^(?:[^.;!?()\n]{0,60}?\(\s*(?:19|20)\d\d[a-z]?\b|['’]s?\s+\(\s*(?:19|20)\d\d|\s*,?\s*(?:et\s+al\.?|and\s+colleagues)|\s*,\s*(?:19|20)\d\d\b|\s+\((?:19|20)\d\d)/u;
const IN_PARENS_WITH_YEAR = /\([^()]*$/u;
const FIXED_AFTER = /^[ \t]+(?:baskets?|russells?|christmas|pan|tippee|jane\s+shoes)\b/iu;
/** Conditions and signs named after people: "Down's syndrome", "Crohn's disease", "Bell's palsy". */
const EPONYM_AFTER = /^['’]s\s+(?:syndrome|disease|palsy|sign|law|principle|hierarchy|model|triangle|theory|test|scale|criteria|formula)\b/iu;
const LAW_AFTER = /^['’]s\s+(?:Law|law|Review|review|Inquiry|inquiry|Trust|Fund|Foundation|Centre|House|Place|Day|Law\b)/u;
const CASE_LAW_BEFORE = /\b(?:Re|v|vs|R\s+v)\.?\s+$/u;
const CASE_LAW_AFTER = /^\s+v\.?\s+\p{Lu}/u;

/** Capitalised words: "Jessica", "O'Brien", "Labinjo-Hughes", "Mary's" (the possessive is not part of the name). */
const TOKEN = /(?<![\p{L}\p{N}'’_-])(\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)(?=(?:['’]s)?(?![\p{L}\p{N}]))/gu;
/** Runs of capitalised words (with the small words inside names of organisations). */
const RUN = /(?:St\.|\p{Lu}[\p{L}'’-]*)(?:[ \t]+(?:(?:of(?:[ \t]+the)?|and|for|upon|on|&|de|la|le|van|von)[ \t]+)?(?:St\.|\p{Lu}[\p{L}'’-]*|NHS))*/gu;

/** A word the block uses as a person's name. Offsets are relative to the block. */
export interface NameHit {
  start: number;
  end: number;
  /** The name as written ("Jessica", "Aisha Khan", "Ms Okafor"). */
  text: string;
  /** The word that identifies it, lower case, for counting and register look-ups. */
  key: string;
  kind: 'first' | 'full' | 'honorific' | 'context';
  gender?: 'female' | 'male';
}

/** What one block gives the name check: the names, and the words of organisations named in it. */
export interface BlockNames {
  hits: NameHit[];
  /** Lower-case words found inside names of organisations, places in them included ("northshire"). */
  orgWords: string[];
}

/** True when the lexicon knows `word` as a first name. */
export function isFirstName(word: string): boolean {
  return (lexiconFlags(word.toLowerCase()) & FIRST) !== 0;
}

/** The gender the lexicon gives a first name, when it gives one. */
export function nameGender(word: string): 'female' | 'male' | undefined {
  const f = lexiconFlags(word.toLowerCase().split(/\s+/)[0] ?? '');
  if (f & FEMALE) return 'female';
  if (f & MALE) return 'male';
  return undefined;
}

function isLastName(lower: string): boolean {
  return (lexiconFlags(lower) & LAST) !== 0;
}

function isSentenceStart(prose: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s"'“‘(\[*_>\-–—•]/u.test(prose[i]!)) i--;
  if (i < 0) return true;
  const c = prose[i]!;
  if (/[.!?:;…]/.test(c)) return true;
  // A list number or a table cell start.
  return /^\s*(?:\d+[.)]|[a-z][.)])\s*$/u.test(prose.slice(Math.max(0, i - 4), i + 1));
}

const NO_NAMES: BlockNames = { hits: [], orgWords: [] };
const NAMED_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote', 'heading']);

/** The names in each block of prose or heading, computed once per distinct block (a per-block fact). */
export const blockNames = defineFact<BlockNames>('anonymisation/names', (b) => (NAMED_KINDS.has(b.kind) ? namesInProse(b.prose) : NO_NAMES));

/** Words that look like names in `prose`, with the organisation words around them. */
export function namesInProse(prose: string): BlockNames {
  if (!/\p{Lu}\p{Ll}/u.test(prose)) return NO_NAMES;
  const out: BlockNames = { hits: [], orgWords: [] };
  // Organisation runs: every word in them is an agency or place word, never a person.
  const orgSpans: Array<[number, number]> = [];
  RUN.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = RUN.exec(prose))) {
    // "Jessica and Northshire Council": a leading part of first names only is not part of the organisation.
    let runText = r[0];
    let runStart = r.index;
    const lead = /^((?:\p{Lu}\p{Ll}+[ \t]+)*?\p{Lu}\p{Ll}+)[ \t]+(?:and|&)[ \t]+/u.exec(runText);
    if (lead && lead[1]!.split(/[ \t]+/).every((w) => isFirstName(w) && !ORG_WORDS.has(w))) {
      runStart += lead[0].length;
      runText = runText.slice(lead[0].length);
    }
    const words = runText.split(/[ \t]+/);
    if (words.length < 2) continue;
    if (!words.some((w) => ORG_WORDS.has(w.replace(/['’]s$/u, '')) || ORG_WORDS.has(w))) continue;
    orgSpans.push([runStart, runStart + runText.length]);
    for (const w of words) if (/^\p{Lu}/u.test(w)) out.orgWords.push(w.replace(/['’]s$/u, '').replace(/[.,]$/, '').toLowerCase());
  }
  const inOrg = (a: number, b: number): boolean => orgSpans.some(([s, e]) => a >= s && b <= e);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let skipUntil = -1;
  while ((m = TOKEN.exec(prose))) {
    const start = m.index;
    if (start < skipUntil) continue;
    const word = m[1]!;
    const end = start + word.length;
    const lower = word.toLowerCase();
    if (STOP.has(lower) || lower.length < 2) continue;
    const flags = lexiconFlags(lower);
    if (flags & PLACE) continue;
    const honorific = start >= 3 && /M[rsx]|Mrs|Miss/.test(prose.slice(Math.max(0, start - 6), start)) ? HONORIFIC_BEFORE.exec(prose.slice(Math.max(0, start - 8), start)) : null;
    // An ordinary English word ("The", "Strategy") is never a name unless a title comes before it.
    if (flags !== 0 && !honorific && !(flags & FIRST) && !COMMON_WORD_NAMES.has(lower)) continue;
    if (inOrg(start, end)) continue;
    const before = prose.slice(Math.max(0, start - 60), start);
    const after = prose.slice(end, end + 80);
    if (PROFESSIONAL_TITLE.test(before)) continue;
    if (LAW_AFTER.test(after) || CASE_LAW_BEFORE.test(before) || CASE_LAW_AFTER.test(after)) continue;
    if (CITATION_AFTER.test(after)) continue;
    if (IN_PARENS_WITH_YEAR.test(before) && /^[^()]*\b(?:19|20)\d\d\b[^()]*\)/u.test(after)) continue;
    // "Moses basket", "Jack Russell": a name followed straight by a noun is part of a thing's name.
    const nextLower = /^[ \t]+(\p{Ll}+)\b/u.exec(after);
    if (nextLower && FIXED_AFTER.test(after)) continue;
    if (nextLower && (lexiconFlags(nextLower[1]!) & ALL_NOUN) !== 0) continue;
    if (EPONYM_AFTER.test(after)) continue;
    const first = (flags & FIRST) !== 0;
    const known = flags !== 0;
    const ambiguous = COMMON_WORD_NAMES.has(lower);
    const initial = isSentenceStart(prose, start);
    // A following surname makes a full name: "Aisha Khan", "Jessica O'Neill".
    const nextWord = /^[ \t]+(\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*)(?![\p{L}])/u.exec(after);
    const surname = nextWord && !STOP.has(nextWord[1]!.toLowerCase()) && !ORG_WORDS.has(nextWord[1]!) && (isLastName(nextWord[1]!.toLowerCase()) || lexiconFlags(nextWord[1]!.toLowerCase()) === 0) ? nextWord[1]! : undefined;
    const strongAfter = STRONG_AFTER.test(surname ? after.slice(nextWord![0].length) : after);
    const strongBefore = STRONG_BEFORE.test(before);
    let kind: NameHit['kind'] | undefined;
    if (honorific) {
      if (word.length >= 2 && !/^(?:Justice)$/.test(word)) kind = 'honorific';
    } else if (first && !ambiguous) {
      kind = surname ? 'full' : 'first';
    } else if (first && ambiguous) {
      if (strongBefore || (strongAfter && (!initial || /^['’]s\s|^\s*,|^\s*\(/u.test(after)))) kind = surname ? 'full' : 'first';
    } else if (!known) {
      if (strongBefore || strongAfter || (!initial && PERSON_PREP_BEFORE.test(before) && PUNCT_AFTER.test(after))) kind = surname ? 'full' : 'context';
    }
    if (!kind) continue;
    const s = kind === 'honorific' ? start - honorific![0].length : start;
    const e = kind === 'full' ? end + nextWord![0].length : end;
    const text = prose.slice(s, e);
    const h: NameHit = { start: s, end: e, text, key: kind === 'honorific' ? text.replace(/\.?\s+/, ' ').toLowerCase() : lower, kind };
    const g = kind === 'honorific' ? (/^Mr\b/.test(text) ? 'male' : /^(?:Mrs|Ms|Miss)\b/.test(text) ? 'female' : undefined) : nameGender(word);
    if (g) h.gender = g;
    out.hits.push(h);
    if (kind === 'full') skipUntil = e;
  }
  return out;
}
