/**
 * The pseudonym register: the names a draft says it uses for the child and family, wherever it
 * declares them (front matter, "referred to as Child R", "known in this review as Mary", a family
 * table, the glossary), and the names that are not the family's (the reviewer's, cited authors',
 * and words inside the names of agencies). Pure, and computed once per parsed document as a fold
 * over per-block facts, so after an edit only the edited block's text is read again.
 */
import type { Block, FrontMatter, ParsedDocument } from '../../document/model';
import { BLOCK_IDENTITY, defineFact, factsOf, perDocumentValue } from '../../facts';
import type { BlockNames } from './names';
import { blockNames, isFirstName, namesInProse, nameGender } from './names';
import { PROSE_KINDS, inAboutSection } from './shared';
import { sameStrings } from '../../equality';

/** Where a pseudonym was declared. */
export type RegisterSource = 'front-matter' | 'declaration' | 'table' | 'glossary';

/** One name the draft declares for a person in the review. */
export interface RegisterEntry {
  name: string;
  /** The person's role when the draft gives it ("child", "mother", "brother"). */
  role?: string;
  gender?: 'female' | 'male';
  source: RegisterSource;
}

/** What the anonymisation rules know about the names in a draft. */
export interface PseudonymRegister {
  entries: RegisterEntry[];
  /** Lower-case words of every declared name (and alias), for look-ups. */
  words: ReadonlySet<string>;
  /** Lower-case declared names as written ("child r", "ms b", "mum"). */
  names: ReadonlySet<string>;
  /** Lower-case words of the reviewer's, authors' and chair's names. */
  reviewers: ReadonlySet<string>;
  /** Lower-case capitalised words of the reference list. */
  referenceWords: ReadonlySet<string>;
  /** Lower-case words seen inside names of agencies, services and places. */
  agencyWords: ReadonlySet<string>;
  /** Anonymisation codes used in the text ("Child R", "Adult B") with their counts. */
  codes: ReadonlyMap<string, number>;
  /** The draft says all its names are pseudonyms ("the names used in this review are pseudonyms"). */
  blanket: boolean;
}


const NAME = String.raw`(?:(?:Child|Baby|Sibling|Young\s+Person|Adult|Mr|Mrs|Ms|Miss|Mx)\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?`;
const DECLARATIONS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:referred\s+to|known|called|named|identified)\s+(?:(?:in|throughout)\s+(?:this|the)\s+(?:review|report|document|summary)\s+|here(?:after)?\s+|throughout\s+|below\s+|for\s+the\s+purposes?\s+of\s+(?:this|the)\s+(?:review|report)\s+)as\s+["“‘']?(${NAME})`, 'gu'),
  new RegExp(String.raw`\b(?:referred\s+to|known)\s+as\s+["“‘']?(${NAME})`, 'gu'),
  new RegExp(String.raw`\b(?:will\s+be|is|are|was|were)\s+(?:called|referred\s+to\s+as|known\s+as)\s+["“‘']?(${NAME})["”’']?\s+(?:in|throughout)\s+(?:this|the)\s+(?:review|report)`, 'gu'),
  new RegExp(String.raw`\b(?:referred\s+to|known)\s+as\s+["“‘']?(${NAME})["”’']?\s*(?:\(|,)?\s*(?:a\s+|the\s+)?(?:pseudonym|not\s+(?:her|his|their)\s+real\s+name)`, 'gu'),
  new RegExp(String.raw`\b(?:the\s+)?(?:pseudonym|name)\s+["“‘']?(${NAME})["”’']?\s+(?:(?:has|have|was|were|is)\s+(?:been\s+)?(?:used|chosen|given|agreed)|(?:chosen|agreed|used)\s+(?:by|with))`, 'gu'),
  new RegExp(String.raw`\b(?:uses?|used|given|gave|chose|chosen|choose|agreed|picked)\s+(?:the\s+)?(?:pseudonym|name)\s+["“‘']?(${NAME})`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(${NAME})["”’']?\s*\((?:a\s+)?(?:pseudonym|not\s+(?:her|his|their)\s+real\s+name|name\s+changed|anonymised)\)`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(${NAME})["”’']?\s+is\s+(?:a|the|her|his|their)\s+(?:chosen\s+)?pseudonym`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(${NAME})["”’']?\s*(?:,|–|—)\s*(?:a|the|her|his|their)\s+(?:chosen\s+)?pseudonym`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(${NAME})["”’']?\s+is\s+not\s+(?:her|his|their)\s+real\s+name`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(${NAME})["”’']?\s+is\s+(?:the|a)\s+name\s+(?:that\s+)?(?:he|she|they|the\s+(?:child|family|young\s+person)|(?:her|his|their)\s+\p{Ll}+)\s+(?:chose|picked|asked\s+for|wanted|preferred|agreed)`, 'gu'),
  new RegExp(String.raw`\b(?:we|the\s+review(?:er)?|this\s+review|the\s+author)\s+(?:call|calls|refer\s+to|refers\s+to)\s+(?:her|him|them|the\s+child|the\s+family)\s+(?:as\s+)?["“‘']?(${NAME})`, 'gu'),
];
/** "The names used in this review are pseudonyms": every name in that paragraph and the next is a pseudonym. */
// Led by the letters its alternatives start with, which changes no match but skips other positions quickly.
const BLANKET = /(?=[atnfp])\b(?:(?:all\s+)?(?:the\s+)?(?:names|first\s+names)\s+(?:used\s+)?(?:in\s+(?:this|the)\s+(?:review|report)\s+)?(?:are|have\s+been)\s+(?:all\s+)?(?:pseudonyms|changed|anonymised|altered)|pseudonyms\s+(?:are|have\s+been)\s+used)\b/iu;
/** A sentence that lists pseudonyms: every name in it with a role in brackets is a pseudonym. */
const LISTS_PSEUDONYMS = /\bpseudonyms?\b|\bnot\s+(?:their|her|his)\s+real\s+names?\b|\bnames?\s+(?:have|has)\s+been\s+changed\b|\breferred\s+to\s+as\s+follows\b/iu;
const LISTED = new RegExp(String.raw`(?<![\p{L}])(${NAME})["”’']?\s*(?:\(|,|–|—|-|:)\s*(?:the\s+|her\s+|his\s+|their\s+|Child\s+\p{Lu}{1,3}['’]s\s+)?((?:older\s+|younger\s+|elder\s+|half-|step-?|maternal\s+|paternal\s+)?(?:child|subject|mother|father|mum|dad|brother|sister|sibling|son|daughter|partner|boyfriend|girlfriend|grandmother|grandfather|grandparent|aunt|uncle|cousin|carer|stepfather|stepmother|baby|infant|girl|boy|young\s+person|friend|adult))`, 'gu');

const ROLE_WORD = /\b(child|subject of (?:this|the) review|mother|father|mum|dad|brother|sister|sibling|son|daughter|partner|boyfriend|girlfriend|grandmother|grandfather|grandparent|aunt|uncle|cousin|carer|stepfather|stepmother|step-father|step-mother|baby|infant|girl|boy|young person|friend|adult|pseudonym)\b/i;
const FEMALE_ROLE = /^(?:mother|mum|sister|daughter|girlfriend|grandmother|aunt|stepmother|step-mother|girl)$/i;
const MALE_ROLE = /^(?:father|dad|brother|son|boyfriend|grandfather|uncle|stepfather|step-father|boy)$/i;

const REVIEWER_KEYS = /^(?:author|authors|reviewer|reviewers|lead[-_ ]?reviewer|independent[-_ ]?reviewer|lead[-_ ]?author|independent[-_ ]?author|chair|independent[-_ ]?chair|written[-_ ]?by|prepared[-_ ]?by|report[-_ ]?author|reviewed[-_ ]?by)$/i;
const PERSON_NAME = String.raw`(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}`;
const REVIEWER_TEXT: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:lead\s+|independent\s+|report\s+)?(?:reviewer|author|chair|report\s+writer|scrutineer)s?\s*(?::|–|—|-|\bis\b|\bwas\b)\s*(${PERSON_NAME}(?:\s*(?:,|and|&)\s*${PERSON_NAME})*)`, 'gu'),
  new RegExp(String.raw`\b(?:written|prepared|authored|led|undertaken|conducted|completed|chaired|carried\s+out|commissioned\s+from)\s+by\s+(${PERSON_NAME}(?:\s*(?:,|and|&)\s*${PERSON_NAME})*)`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(${PERSON_NAME})\s*,?\s*\(?(?:an?\s+|the\s+)?(?:independent|lead)\s+(?:safeguarding\s+|social\s+work\s+)?(?:reviewer|author|consultant|chair|scrutineer)`, 'gu'),
];

const CODE = /(?<![\p{L}\p{N}])((?:Child|Sibling|Baby|Young Person|YP|Adult|Male|Female|Person|Parent|Mother|Father|Subject)) ([A-Z]{1,3}|[0-9]{1,2})(?![\p{L}\p{N}])/gu;

function lowerWords(name: string): string[] {
  return name
    .replace(/['’]s$/u, '')
    .split(/[\s/,()]+/)
    .map((w) => w.replace(/[.'"“”‘’]+$/u, '').replace(/^["“‘']+/u, '').toLowerCase())
    .filter((w) => w.length > 0);
}

function roleGender(role: string | undefined): 'female' | 'male' | undefined {
  if (!role) return undefined;
  const r = role.toLowerCase().replace(/^(?:older|younger|elder|half-|step-|maternal|paternal)\s*/, '');
  if (FEMALE_ROLE.test(r)) return 'female';
  if (MALE_ROLE.test(r)) return 'male';
  return undefined;
}

function clean(name: string): string {
  return name.replace(/["“”‘’']+$/u, '').replace(/^["“‘']+/u, '').replace(/['’]s$/u, '').replace(/[.,;:]+$/u, '').trim();
}

function entry(name: string, source: RegisterSource, role?: string): RegisterEntry | undefined {
  const n = clean(name);
  if (!n || n.length > 40 || !/\p{Lu}/u.test(n)) return undefined;
  const e: RegisterEntry = { name: n, source };
  if (role) e.role = role.toLowerCase();
  const g = roleGender(role) ?? (/^(?:Mrs|Ms|Miss)\b/.test(n) ? 'female' : /^Mr\b/.test(n) ? 'male' : nameGender(n.replace(/^(?:Child|Baby|Sibling)\s+/, '')));
  if (g) e.gender = g;
  return e;
}

interface FrontMatterNames {
  entries: readonly RegisterEntry[];
  reviewers: readonly string[];
}
/** The parser keeps the front matter object while the front matter is unchanged, so it is read once. */
const byFrontMatter = new WeakMap<FrontMatter, FrontMatterNames>();

function frontMatterNames(frontMatter: FrontMatter): FrontMatterNames {
  let known = byFrontMatter.get(frontMatter);
  if (!known) {
    const entries: RegisterEntry[] = [];
    const reviewers = new Set<string>();
    frontMatterEntries(frontMatter, entries, reviewers);
    byFrontMatter.set(frontMatter, (known = { entries, reviewers: [...reviewers] }));
  }
  return known;
}

/** Reads pseudonyms from front matter: `pseudonyms: [Child R]`, `family: { mother: Ms B }`, `child: Mary`. */
function frontMatterEntries(frontMatter: FrontMatter, out: RegisterEntry[], reviewers: Set<string>): void {
  const raw = frontMatter.raw;
  const visit = (value: unknown, key: string, depth: number): void => {
    if (depth > 4 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      for (const part of value.split(/[,;]/)) {
        const m = /^\s*([^()]+?)\s*(?:\(([^)]*)\))?\s*$/u.exec(part);
        if (!m) continue;
        const role = m[2] ?? (ROLE_WORD.test(key) ? key : undefined);
        const e = entry(m[1]!, 'front-matter', role ? ROLE_WORD.exec(role)?.[1] ?? role : undefined);
        if (e) out.push(e);
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v) => visit(v, key, depth + 1));
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        // "mother: Ms B" (role to name) or "Ms B: mother" (name to role).
        if (typeof v === 'string' && !ROLE_WORD.test(k) && ROLE_WORD.test(v) && /^\p{Lu}/u.test(k)) {
          const e = entry(k, 'front-matter', ROLE_WORD.exec(v)![1]);
          if (e) out.push(e);
        } else visit(v, k, depth + 1);
      }
    }
  };
  for (const [k, v] of Object.entries(raw)) {
    if (REVIEWER_KEYS.test(k)) {
      const add = (x: unknown): void => {
        if (typeof x === 'string') for (const w of lowerWords(x)) reviewers.add(w);
        else if (Array.isArray(x)) x.forEach(add);
        else if (x && typeof x === 'object') Object.values(x as Record<string, unknown>).forEach(add);
      };
      add(v);
      continue;
    }
    if (/^(?:pseudonyms?|child|children|family|people|names|siblings|mother|father|carers?|adults?|register|cast|persons|subjects?|young[-_ ]?person)$/i.test(k)) visit(v, k.replace(/s$/, ''), 0);
  }
}

interface Declared {
  name: string;
  role?: string;
}

/** What one block's own text declares, cached per block text. */
interface BlockDeclarations {
  declared: Declared[];
  reviewerWords: string[];
  codes: string[];
  blanket: boolean;
}

function declarationsIn(prose: string): BlockDeclarations {
  const out: BlockDeclarations = { declared: [], reviewerWords: [], codes: [], blanket: false };
  if (/pseudonym|referred|known|called|named|real name|identified|chose|chosen|agreed|given|anonymised|the name/i.test(prose)) {
    for (const re of DECLARATIONS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(prose))) {
        const name = clean(m[1]!);
        const at = m.index + m[0].lastIndexOf(m[1]!);
        if (!name || /^(?:The|This|That|A|An)$/.test(name) || /^\p{Lu}{2,}$/u.test(name) || namesInProse(prose.slice(at, at + name.length + 40)).orgWords.length) continue;
        // The role, when the words around say whose name it is: "her mother, referred to as Ms B".
        const around = prose.slice(Math.max(0, m.index - 60), Math.min(prose.length, at + name.length + 60));
        const role = ROLE_WORD.exec(around)?.[1];
        out.declared.push({ name, ...(role && role !== 'pseudonym' ? { role } : {}) });
      }
    }
    for (const s of splitForLists(prose)) {
      if (!LISTS_PSEUDONYMS.test(s)) continue;
      LISTED.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = LISTED.exec(s))) {
        const name = clean(m[1]!);
        if (!name || /^(?:The|This|That|A|An|Pseudonyms?)$/.test(name)) continue;
        out.declared.push({ name, role: m[2]! });
      }
    }
  }
  if (BLANKET.test(prose)) out.blanket = true;
  if (/reviewer|author|chair|written|prepared|led|undertaken|conducted|completed|scrutineer|carried|commissioned/i.test(prose)) {
    for (const re of REVIEWER_TEXT) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(prose))) {
        for (const part of m[1]!.split(/\s*(?:,|\band\b|&)\s*/u)) {
          const words = lowerWords(part).filter((w) => !/^(?:dr|prof|professor|mr|mrs|ms|miss|mx|sir|dame|the|an?|independent|lead|reviewer|author)$/.test(w));
          // Only people's names: a first name in the lexicon, or a two-word name.
          if (words.length >= 2 || (words.length === 1 && isFirstName(words[0]!))) out.reviewerWords.push(...words);
        }
      }
    }
  }
  if (/(?:Child|Sibling|Baby|Young Person|YP|Adult|Male|Female|Person|Parent|Mother|Father|Subject) [A-Z0-9]/.test(prose)) {
    CODE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CODE.exec(prose))) out.codes.push(`${m[1]} ${m[2]}`);
  }
  return out;
}

/** Sentences for the pseudonym-list test: split on full stops, cheaply. */
function splitForLists(prose: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of prose.matchAll(/[.!?](?=\s|$)/g)) {
    out.push(prose.slice(start, m.index! + 1));
    start = m.index! + 1;
  }
  if (start < prose.length) out.push(prose.slice(start));
  return out;
}

const NAME_HEADER = /\b(?:name|names|pseudonym|pseudonyms|referred\s+to\s+as|known\s+as|called|person)\b/i;
const ROLE_HEADER = /\b(?:relationship|relation|role|family\s+member|who|connection|relationship\s+to)\b/i;

function tableEntries(cells: readonly Block[], out: RegisterEntry[]): void {
  const headers = cells.filter((c) => c.cell!.isHeader);
  const nameCol = headers.find((h) => NAME_HEADER.test(h.prose) && !/\b(?:agency|organisation|service|school)\b/i.test(h.prose))?.cell!.column;
  const roleCol = headers.find((h) => ROLE_HEADER.test(h.prose))?.cell!.column;
  if (nameCol === undefined && roleCol === undefined) return;
  const rows = new Map<number, Block[]>();
  for (const c of cells) if (!c.cell!.isHeader) rows.set(c.cell!.row, [...(rows.get(c.cell!.row) ?? []), c]);
  for (const row of rows.values()) {
    const role = roleCol !== undefined ? row.find((c) => c.cell!.column === roleCol)?.prose.trim() : undefined;
    let nameCell = nameCol !== undefined ? row.find((c) => c.cell!.column === nameCol) : undefined;
    if (!nameCell && roleCol !== undefined) {
      // "| Family member | Age |" style tables with the name first.
      nameCell = row.find((c) => c.cell!.column !== roleCol && /^\s*\p{Lu}/u.test(c.prose) && c.prose.trim().split(/\s+/).length <= 4 && !/\d/.test(c.prose));
    }
    if (!nameCell) continue;
    const roleWord = role ? ROLE_WORD.exec(role)?.[1] ?? role.split(/\s+/).slice(0, 3).join(' ') : undefined;
    for (const part of nameCell.prose.split(/\s*(?:\/|,|;|\bor\b|\(|\))\s*/u)) {
      const t = part.trim();
      if (!t || /^(?:not\s+known|unknown|n\/?a|-+|—)$/i.test(t) || /\d/.test(t)) continue;
      const e = entry(t, 'table', roleWord);
      if (e) out.push(e);
    }
  }
}

const GLOSSARY_ENTRY = new RegExp(String.raw`^\s*["“‘*_]*(${NAME})["”’*_]*\s*(?::|–|—|=|\s-\s|\()\s*(.{0,160})`, 'u');

/** A glossary line that names a person ("Yusuf: Leila's older brother"). */
interface GlossaryLine {
  name: string;
  role: string | undefined;
}

function glossaryLine(block: Block): GlossaryLine | undefined {
  if (block.cell) return undefined;
  const m = GLOSSARY_ENTRY.exec(block.prose);
  if (!m) return undefined;
  const role = ROLE_WORD.exec(m[2]!)?.[1];
  if (!role) return undefined;
  return { name: m[1]!, role: role === 'pseudonym' ? undefined : role };
}

const WHOLE_NAME = new RegExp(`^\\s*${NAME}\\s*$`, 'u');

function glossaryTableEntries(cells: readonly Block[], out: RegisterEntry[]): void {
  const rows = new Map<number, Block[]>();
  for (const c of cells) if (!c.cell!.isHeader) rows.set(c.cell!.row, [...(rows.get(c.cell!.row) ?? []), c]);
  for (const row of rows.values()) {
    const first = row.find((c) => c.cell!.column === 0);
    const second = row.find((c) => c.cell!.column === 1);
    if (!first || !second) continue;
    const role = ROLE_WORD.exec(second.prose)?.[1];
    if (!role || !WHOLE_NAME.test(first.prose)) continue;
    const t = first.prose.trim();
    const e = entry(t, 'glossary', role === 'pseudonym' ? undefined : role);
    if (e) out.push(e);
  }
}

/** What one block contributes to the register, before the document-level fold. Offsets relative to the block. */
interface BlockRegister {
  /** Capitalised words, lower case, of a block of the reference list. */
  referenceWords?: readonly string[];
  glossary?: GlossaryLine;
  info?: BlockDeclarations;
}
const NOTHING: BlockRegister = {};
/** A block of prose that declares nothing: the fold skips it unless it follows a blanket statement. */
const QUIET: BlockRegister = { info: { declared: [], reviewerWords: [], codes: [], blanket: false } };

const blockRegister = defineFact<BlockRegister>('anonymisation/register', (b) => {
  if (!PROSE_KINDS.has(b.kind) && b.kind !== 'heading') return NOTHING;
  if (b.role === 'references') return { referenceWords: Array.from(b.prose.matchAll(/\p{Lu}[\p{L}'’-]+/gu), (m) => m[0].toLowerCase()) };
  if (b.kind === 'heading') return NOTHING;
  const glossary = b.role === 'glossary' ? glossaryLine(b) : undefined;
  const info = declarationsIn(b.prose);
  if (!glossary && info.declared.length === 0 && info.reviewerWords.length === 0 && info.codes.length === 0 && !info.blanket) return QUIET;
  return { info, ...(glossary ? { glossary } : {}) };
});

/** What the latest register was folded from, to tell whether the next draft's register is the same. */
interface Folded {
  blocks: readonly Block[];
  frontMatter: FrontMatterNames;
  tokens: readonly object[];
  facts: readonly BlockRegister[];
  names: readonly BlockNames[];
  register: PseudonymRegister;
}
let latest: Folded | undefined;

/**
 * The register of a parsed draft; computed once per document. Typing in a paragraph that declares
 * nothing leaves the register as it was, so the previous draft's register is kept when every block
 * that changed contributes to it exactly what it did before: the fold (about half a millisecond
 * on a long draft) then runs only when a name, a code or a table changes.
 */
export function pseudonymRegister(doc: ParsedDocument): PseudonymRegister {
  return perDocumentValue(doc, pseudonymRegister, () => {
    const tokens = factsOf(doc, BLOCK_IDENTITY);
    const facts = factsOf(doc, blockRegister);
    const names = factsOf(doc, blockNames);
    const frontMatter = frontMatterNames(doc.frontMatter);
    const register = latest && sameInputs(latest, doc.blocks, frontMatter, tokens, facts, names) ? latest.register : foldRegister(doc, facts, names, frontMatter);
    latest = { blocks: doc.blocks, frontMatter, tokens, facts, names, register };
    return register;
  });
}

function sameHits(a: BlockNames, b: BlockNames): boolean {
  if (a === b) return true;
  if (a.hits.length !== b.hits.length) return false;
  for (let i = 0; i < a.hits.length; i++) if (a.hits[i]!.text !== b.hits[i]!.text) return false;
  return true;
}

/** Two blocks' facts add the same to the register (offsets aside, which it does not keep). */
function sameContribution(a: BlockRegister, b: BlockRegister): boolean {
  if (a === b) return true;
  if (!!a.referenceWords !== !!b.referenceWords || (a.referenceWords && !sameStrings(a.referenceWords, b.referenceWords!))) return false;
  if (a.glossary?.name !== b.glossary?.name || a.glossary?.role !== b.glossary?.role) return false;
  const x = a.info;
  const y = b.info;
  if (!x || !y) return x === y;
  if (x.blanket !== y.blanket || x.declared.length !== y.declared.length) return false;
  for (let i = 0; i < x.declared.length; i++) if (x.declared[i]!.name !== y.declared[i]!.name || x.declared[i]!.role !== y.declared[i]!.role) return false;
  return sameStrings(x.reviewerWords, y.reviewerWords) && sameStrings(x.codes, y.codes);
}

/**
 * True when the fold would give the same register as last time. Blocks are compared by position,
 * so only a draft with the same number of blocks qualifies; a changed block must keep its kind,
 * role, section and place among the paragraphs (which decide how the fold reads it) and contribute
 * the same words. Table cells are read as tables, so a change to one folds again; where the draft
 * says its names are pseudonyms, that paragraph's names and the next one's are declared, so a
 * changed block must also keep its names.
 */
function sameInputs(was: Folded, blocks: readonly Block[], frontMatter: FrontMatterNames, tokens: readonly object[], facts: readonly BlockRegister[], names: readonly BlockNames[]): boolean {
  if (was.frontMatter !== frontMatter || was.blocks.length !== blocks.length) return false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const p = was.blocks[i]!;
    if (b.kind !== p.kind || b.paragraphIndex !== p.paragraphIndex) return false;
    if (tokens[i] === was.tokens[i]) continue;
    if (b.kind === 'table-cell' || b.role !== p.role || !sameStrings(b.sectionPath, p.sectionPath)) return false;
    if (!sameContribution(facts[i]!, was.facts[i]!) || !sameStrings(names[i]!.orgWords, was.names[i]!.orgWords)) return false;
    if (was.register.blanket && !sameHits(names[i]!, was.names[i]!)) return false;
  }
  return true;
}

function foldRegister(doc: ParsedDocument, facts: readonly BlockRegister[], names: readonly BlockNames[], fromFrontMatter: FrontMatterNames): PseudonymRegister {
  const entries: RegisterEntry[] = [];
  const reviewers = new Set<string>();
  const referenceWords = new Set<string>();
  const agencyWords = new Set<string>();
  const codes = new Map<string, number>();
  let blanket = false;
  let blanketLeft = 0;
  entries.push(...fromFrontMatter.entries);
  for (const w of fromFrontMatter.reviewers) reviewers.add(w);
  let table: Block[] = [];
  const flush = (): void => {
    if (table.length > 0) {
      tableEntries(table, entries);
      if (table[0]!.role === 'glossary') glossaryTableEntries(table, entries);
    }
    table = [];
  };
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'table-cell') flush();
    if (!PROSE_KINDS.has(b.kind) && b.kind !== 'heading') continue;
    if (b.kind === 'table-cell') {
      const last = table[table.length - 1];
      if (last && ((b.cell!.isHeader && !last.cell!.isHeader) || !sameStrings(last.sectionPath, b.sectionPath))) flush();
      table.push(b);
    }
    const fact = facts[i]!;
    if (b.role === 'references') {
      if (fact.referenceWords) for (const w of fact.referenceWords) referenceWords.add(w);
      continue;
    }
    // Indexed loops and an early skip: this runs over every block on every edit.
    const orgWords = names[i]!.orgWords;
    for (let j = 0; j < orgWords.length; j++) agencyWords.add(orgWords[j]!);
    if (b.kind === 'heading' || (fact === QUIET && blanketLeft === 0)) continue;
    if (fact.glossary) {
      const g = fact.glossary;
      const e = entry(g.name, 'glossary', g.role);
      if (e) entries.push(e);
    }
    const info = fact.info!;
    for (const d of info.declared) {
      const e = entry(d.name, 'declaration', d.role);
      if (e) entries.push(e);
    }
    if (blanketLeft > 0 || info.blanket) {
      for (const h of names[i]!.hits) {
        const e = entry(h.text, 'declaration', undefined);
        if (e) entries.push(e);
      }
      if (info.blanket) {
        blanket = true;
        blanketLeft = 1;
      } else blanketLeft--;
    }
    if (info.reviewerWords.length > 0 && (inAboutSection(b) || b.paragraphIndex < 12 || b.role === 'title' || b.role === 'introduction' || b.role === 'method')) for (const w of info.reviewerWords) reviewers.add(w);
    if (b.role !== 'contents') for (const c of info.codes) codes.set(c, (codes.get(c) ?? 0) + 1);
  }
  flush();
  // One entry per name, keeping the first role given.
  const byName = new Map<string, RegisterEntry>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    const had = byName.get(key);
    if (!had) byName.set(key, e);
    else if (!had.role && e.role) byName.set(key, { ...had, role: e.role, gender: had.gender ?? e.gender });
  }
  const unique = [...byName.values()];
  const words = new Set<string>();
  for (const e of unique) for (const w of lowerWords(e.name)) if (!/^(?:child|baby|sibling|young|person|adult|mr|mrs|ms|miss|mx)$/.test(w)) words.add(w);
  const register: PseudonymRegister = {
    entries: unique,
    words,
    names: new Set(unique.map((e) => e.name.toLowerCase())),
    reviewers,
    referenceWords,
    agencyWords,
    codes,
    blanket,
  };
  return register;
}
