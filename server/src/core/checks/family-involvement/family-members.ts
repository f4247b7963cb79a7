/**
 * Finds the family members and significant people a draft names: by role noun ("Mother", "the
 * maternal grandmother", "her partner"), by code ("Child A", "Baby M", "Sibling 1") and by pseudonyms
 * defined in the text, in a family table or in front matter. Each person gets a stable key so
 * statements about them can be gathered (digest line 779: resolve role names and pseudonyms first).
 */
import type { Block, ParsedDocument } from '../../document/model';
import { defineFact, factsOf } from '../../facts';
import { sameStrings } from '../../equality';

/** What a person is to the child. */
export type PersonRole =
  | 'child'
  | 'sibling'
  | 'mother'
  | 'father'
  | 'step-parent'
  | 'partner'
  | 'grandparent'
  | 'aunt-uncle'
  | 'kinship-carer'
  | 'foster-carer'
  | 'carer'
  | 'relative'
  | 'family';

/** A kind of person the draft can refer to. */
export interface PersonKind {
  key: string;
  role: PersonRole;
  /** A readable name: the pseudonym, or the role as the draft writes it. */
  label: string;
  gender?: 'female' | 'male';
  /** True for fathers, stepfathers, mothers' partners and other male carers (digest line 426, R24). */
  maleCarer?: boolean;
}

/** One reference to people in a stretch of text. */
export interface PersonRef {
  start: number;
  end: number;
  keys: string[];
}

const MOTHER: PersonKind = { key: 'mother', role: 'mother', label: 'the mother', gender: 'female' };
const FATHER: PersonKind = { key: 'father', role: 'father', label: 'the father', gender: 'male', maleCarer: true };

/** Fixed kinds keyed by their key. */
export const KINDS: Record<string, PersonKind> = {
  mother: MOTHER,
  father: FATHER,
  stepfather: { key: 'stepfather', role: 'step-parent', label: 'the stepfather', gender: 'male', maleCarer: true },
  stepmother: { key: 'stepmother', role: 'step-parent', label: 'the stepmother', gender: 'female' },
  'step-parent': { key: 'step-parent', role: 'step-parent', label: 'the step-parent' },
  'mothers-partner': { key: 'mothers-partner', role: 'partner', label: "the mother's partner", gender: 'male', maleCarer: true },
  'fathers-partner': { key: 'fathers-partner', role: 'partner', label: "the father's partner", gender: 'female' },
  partner: { key: 'partner', role: 'partner', label: 'the partner' },
  'maternal-grandmother': { key: 'maternal-grandmother', role: 'grandparent', label: 'the maternal grandmother', gender: 'female' },
  'maternal-grandfather': { key: 'maternal-grandfather', role: 'grandparent', label: 'the maternal grandfather', gender: 'male' },
  'paternal-grandmother': { key: 'paternal-grandmother', role: 'grandparent', label: 'the paternal grandmother', gender: 'female' },
  'paternal-grandfather': { key: 'paternal-grandfather', role: 'grandparent', label: 'the paternal grandfather', gender: 'male' },
  grandmother: { key: 'grandmother', role: 'grandparent', label: 'the grandmother', gender: 'female' },
  grandfather: { key: 'grandfather', role: 'grandparent', label: 'the grandfather', gender: 'male' },
  grandparents: { key: 'grandparents', role: 'grandparent', label: 'the grandparents' },
  aunt: { key: 'aunt', role: 'aunt-uncle', label: 'the aunt', gender: 'female' },
  uncle: { key: 'uncle', role: 'aunt-uncle', label: 'the uncle', gender: 'male' },
  'kinship-carer': { key: 'kinship-carer', role: 'kinship-carer', label: 'the kinship carer' },
  'foster-carer': { key: 'foster-carer', role: 'foster-carer', label: 'the foster carer' },
  'male-carer': { key: 'male-carer', role: 'carer', label: 'the male carer', gender: 'male', maleCarer: true },
  carer: { key: 'carer', role: 'carer', label: 'the carer' },
  siblings: { key: 'siblings', role: 'sibling', label: 'the siblings' },
  relatives: { key: 'relatives', role: 'relative', label: 'the wider family' },
  child: { key: 'child', role: 'child', label: 'the child' },
  family: { key: 'family', role: 'family', label: 'the family' },
};

/** Group words that stand for several people. */
const PARENTS = ['mother', 'father'];

// Possessives that make a person word a modifier of something else ("Child A's mother", "the child's social worker").
const MODIFIER_AFTER = /^(?:['’]s?|s['’])\s+(?:(?:new|late|former|maternal|paternal|birth|own|older|younger|half|step|current|allocated|named|first|main|primary)[- ])?(?:mother|mum|father|dad|parents?|famil(?:y|ies)|siblings?|brothers?|sisters?|grand\w*|aunts?|uncles?|carers?|partner|boyfriend|girlfriend|social workers?|school|teachers?|GP|health visitors?|nursery|midwife|home|house|bedroom|cot|name|birth|death|case|care|placement|plan|records?|files?|bed|friends?|solicitor|advocate|key worker|class|doctor|paediatrician|injur\w*|body|funeral|behaviour|needs|development|agreement|consent|permission|knowledge|approval|request|wishes|address|flat|car|phone|mobile)\b/i;
// Compounds where a person word names a service, not a person.
const NOT_PERSON_AFTER = /^\s+(?:protection|in need|and family|and families|death|health|development|services?|abuse|care|minders?|minding|arrangements|sexual|exploitation|safeguarding|practice|social|centre|benefit|and adolescent|mental|psychiatr\w*|and baby|guidance|review|law|trafficking|criminal|neglect|sexual|poverty|-centred|centred|led|support|liaison|home|court|history|background|composition|situation|circumstances|functioning|dynamics|network|group|proceedings|environment|finances|hubs?|centres?|therapy|therapist|nurse|partnership|workers?|assessments?|plans?)\b/i;
const NOT_PERSON_BEFORE = /\b(?:ward|nursing|family support|parenting|foster(?:ing)? (?:panel|team)|local|corporate|looked[- ]after)\s*$/i;

interface Pattern {
  re: RegExp;
  keys: (m: RegExpExecArray) => string[];
  /** A cheap test on the lower-cased text before the pattern is run. */
  hint: RegExp;
}

function p(source: string, keys: string[] | ((m: RegExpExecArray) => string[]), caseSensitive: boolean, hint: RegExp): Pattern {
  return { re: new RegExp(`(?<![A-Za-z0-9])(?:${source})(?![A-Za-z0-9])`, caseSensitive ? 'g' : 'gi'), keys: typeof keys === 'function' ? keys : () => keys, hint };
}

// Ordered: longer compounds first, and a match blanks its text so "mother's partner" is not also "mother".
const PATTERNS: Pattern[] = [
  p("(?:the )?(?:mother|mum)(?:'s|’s) (?:new |former |then |current )?(?:partner|boyfriend|husband)|(?:her|mother’s) (?:new |former |then |current )?boyfriend|(?<=(?:mother|mum) and )her (?:new |former |then |current )?partner", ['mothers-partner'], false, /mother|mum|boyfriend|partner/),
  p("(?:the )?(?:father|dad)(?:'s|’s) (?:new |former |then |current )?(?:partner|girlfriend|wife)|(?<=(?:father|dad) and )his (?:new |former |then |current )?partner|(?:his|father’s) (?:new |former |then |current )?girlfriend", ['fathers-partner'], false, /father|dad|girlfriend|partner/),
  p('(?:the |her |his |their )?step-?(?:father|dad)', ['stepfather'], false, /step/),
  p('(?:the |her |his |their )?step-?(?:mother|mum)', ['stepmother'], false, /step/),
  p('(?:the |her |his |their )?step-?parents?', ['step-parent'], false, /step/),
  p('(?:the|her|his|their) male carer(?!s)', ['male-carer'], false, /male carer/),
  p('(?:the |her |his |their )?(maternal|paternal) (?:great[- ])?(grandmother|grandma|nan|nana|nanna|granny|grandfather|grandad|grandpa|grandparents?|aunt|uncle)', (m) => {
    const side = m[1]!.toLowerCase();
    const who = m[2]!.toLowerCase();
    if (/^(?:aunt|uncle)$/.test(who)) return [who];
    if (/parents?$/.test(who)) return [`${side}-grandmother`, `${side}-grandfather`];
    return [/^(?:grandfather|grandad|grandpa)$/.test(who) ? `${side}-grandfather` : `${side}-grandmother`];
  }, false, /maternal|paternal/),
  p('(?:the |her |his |their )?(?:great[- ])?(?:grandmother|grandma|nana|nanna|granny)', ['grandmother'], false, /grand|nan|granny/),
  p('(?:the |her |his |their )?(?:great[- ])?(?:grandfather|grandad|grandpa)', ['grandfather'], false, /grand/),
  p('(?:the |her |his |their |both )?(?:great[- ])?grandparents', ['grandparents'], false, /grandparent/),
  p('(?:the |her |his |their )?(?:kinship carers?|special guardians?|connected persons? carers?)', ['kinship-carer'], false, /kinship|guardian|connected/),
  p('(?:the |her |his |their )?(?:foster (?:carers?|parents?|mother|father|mum|dad)|foster family)', ['foster-carer'], false, /foster/),
  p('(?:the |her |his |their |both )?(?:birth |biological )?parents', PARENTS, false, /parent/),
  p('(?:the |her |his |their |each |either |neither )?(?:birth |biological )?parent(?! and)', ['parent'], false, /parent/),
  p('(?:the |her |his |their )?(?:birth |biological )?(?:mother|mum)(?! and baby)', ['mother'], false, /mother|mum/),
  p('(?:the |her |his |their )?(?:birth |biological )?(?:father|dad)', ['father'], false, /father|dad/),
  p("(?:the |her |his |their )?(?:new |former )?partner(?!s?hip)|(?:her|the) husband|(?:his|the) wife", ['partner'], false, /partner|husband|wife/),
  p('(?:the |her |his |their )?aunts?', ['aunt'], false, /aunt/),
  p('(?:the |her |his |their )?uncles?', ['uncle'], false, /uncle/),
  p('Sibling [A-Z0-9]{1,2}(?![a-z])', (m) => [`sibling:${m[0]}`], true, /sibling/),
  p('(?:the |her |his |their )?(?:older |younger |twin |half-?|step-?)?(?:siblings?|brothers?|sisters?)', ['siblings'], false, /sibling|brother|sister/),
  p('(?:the |her |his |their )?(?:wider|extended) family|(?:other )?relatives', ['relatives'], false, /relatives|family/),
  p('(?:the |her |his |their )?carers?(?! (?:assessment|allowance|support|team|role|panel))', ['carer'], false, /carer/),
  p('Child [A-Z]{1,3}[0-9]{0,2}(?![a-z])|Baby [A-Z]{1,2}[0-9]?(?![a-z])|Young Person [A-Z]{1,2}[0-9]?(?![a-z])|YP[A-Z0-9]?(?![a-z])', (m) => [`child:${m[0]}`], true, /child|baby|young person|yp/),
  p('(?:the|this) (?:subject |index |young |unborn |older |younger )?(?:child|baby|infant|young person|girl|boy|teenager|newborn)', ['child'], false, /child|baby|infant|young person|girl|boy|teenager|newborn/),
  p('(?:the|both|all|these|three|two|four) (?:subject )?children|(?:the )?(?:young people|babies|twins)', ['children'], false, /children|young people|babies|twins/),
  p('(?:her|his|their) (?:son|daughter|baby)', ['child'], false, /son|daughter|baby/),
  p('(?:the|this|her|his|their) famil(?:y|ies)|family members?|(?:the )?family', ['family'], false, /famil/),
];

/** A quick test that a stretch of text may name a person at all. */
const ANY_PERSON = /\b(?:mother|mum|father|dad|parents?|step|partner|boyfriend|girlfriend|husband|wife|grand|nan|granny|aunt|uncle|kinship|guardian|foster|carers?|siblings?|brothers?|sisters?|relatives|extended|wider|child|baby|babies|infant|young|girl|boy|teenager|newborn|son|daughter|famil|twins)|\bChild [A-Z]|\bBaby [A-Z]|\bYP/i;

/** The role a description gives: "Child A's mother", "maternal grandmother", "subject child". */
export function roleFromDescription(text: string): string | undefined {
  const t = text.toLowerCase();
  if (/\bstep-?(?:father|dad)\b/.test(t)) return 'stepfather';
  if (/\bstep-?(?:mother|mum)\b/.test(t)) return 'stepmother';
  if (/\b(?:mother|mum)(?:'s|’s) (?:partner|boyfriend|husband)\b|\bmale carer\b/.test(t)) return /male carer/.test(t) ? 'male-carer' : 'mothers-partner';
  if (/\b(?:father|dad)(?:'s|’s) (?:partner|girlfriend|wife)\b/.test(t)) return 'fathers-partner';
  const gp = /\b(maternal|paternal)? ?(grandmother|grandma|nan|nana|granny|grandfather|grandad|grandpa)\b/.exec(t);
  if (gp) {
    const male = /father|dad|pa$/.test(gp[2]!);
    return gp[1] ? `${gp[1]}-${male ? 'grandfather' : 'grandmother'}` : male ? 'grandfather' : 'grandmother';
  }
  if (/\b(?:kinship carer|special guardian|connected person)/.test(t)) return 'kinship-carer';
  if (/\bfoster/.test(t)) return 'foster-carer';
  if (/\baunt\b/.test(t)) return 'aunt';
  if (/\buncle\b/.test(t)) return 'uncle';
  if (/\b(?:mother|mum)\b/.test(t)) return 'mother';
  if (/\b(?:father|dad)\b/.test(t)) return 'father';
  if (/\bher (?:new |former )?(?:boyfriend|partner)\b|\bboyfriend\b/.test(t)) return 'mothers-partner';
  if (/\bhis (?:new |former )?(?:girlfriend|partner)\b|\bgirlfriend\b/.test(t)) return 'fathers-partner';
  if (/\bpartner\b/.test(t)) return 'partner';
  if (/\b(?:sibling|brother|sister|half-brother|half-sister)\b/.test(t)) return 'sibling';
  if (/\b(?:subject child|the child|child|baby|infant|young person|girl|boy|son|daughter|subject of (?:the|this) review)\b/.test(t)) return 'child';
  if (/\bcarer\b/.test(t)) return 'carer';
  return undefined;
}

/** The key for a named person of a role. */
function keyFor(role: string, name: string): string {
  if (role === 'child') return `child:${name}`;
  if (role === 'sibling') return `sibling:${name}`;
  return role;
}

function kindForKey(key: string, label?: string): PersonKind {
  if (key.startsWith('child:')) return { key, role: 'child', label: label ?? key.slice(6) };
  if (key.startsWith('sibling:')) return { key, role: 'sibling', label: label ?? key.slice(8) };
  const k = KINDS[key];
  if (k) return label ? { ...k, label } : k;
  return { key, role: 'relative', label: label ?? key };
}

/** The people a draft can refer to, with aliases. */
export interface FamilyTable {
  /** Alias (as written) to person key. */
  aliases: Map<string, string>;
  kinds: Map<string, PersonKind>;
  /** Regex over aliases (case-sensitive), or undefined when there are none. */
  aliasRe?: RegExp;
  /** Child keys in order of first appearance; the first is the primary subject. */
  children: string[];
  /** The aliases as fixed for finding people (set once the table is built). */
  people: PeopleContext;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NAME = "(?:Child|Baby|Young Person|Sibling|Adult|Male|Female|Mr|Mrs|Ms|Miss|Mx) [A-Z][\\w-]*[0-9]{0,2}|[A-Z]{1,3}(?![\\w])|[A-Z][a-z][\\w-]+";
// "her mother, referred to as 'Sarah'", "the child, known in this review as Ella".
const DEFINED_AS = new RegExp(`\\b(?:referred to|known|called|named|described)(?: here| in this (?:review|report))? as\\s+["'“‘]?(${NAME})["'”’]?|\\bpseudonym(?: of)?\\s+["'“‘]?(${NAME})["'”’]?`, 'g');
// "Mother (Ms K)", "the stepfather (Adult C)".
const ROLE_PAREN = new RegExp(`\\b((?:(?:the|her|his|their|Child [A-Z]{1,3}(?:'s|’s)) )?(?:(?:maternal|paternal|birth|step-?) ?)?(?:mother|father|grandmother|grandfather|stepfather|stepmother|partner|boyfriend|aunt|uncle|sibling|brother|sister|half-brother|half-sister|foster carer|kinship carer|male carer|child|young person|baby))\\s*\\((?:referred to as |known as |hereafter )?["'“‘]?(${NAME})["'”’]?\\)`, 'gi');
// "Ella (the child)", "Adult C (mother's partner)".
const NAME_PAREN = new RegExp(`\\b(${NAME})\\s*\\(((?:the |her |his |Child [A-Z]{1,3}(?:'s|’s) )?[^()]{2,40}?)\\)`, 'g');

// "her mother's partner, Mr P, moved in"; "Ms R, the children's mother, said".
const ROLE_APPOS = new RegExp(`\\b((?:(?:the|her|his|their|Child [A-Z]{1,3}(?:'s|’s)) )?(?:(?:maternal|paternal|birth|step-?) ?)?(?:mother(?:'s|’s) partner|father(?:'s|’s) partner|mother|father|grandmother|grandfather|stepfather|stepmother|partner|boyfriend|aunt|uncle|foster carer|kinship carer|male carer))\\s*,\\s*(${NAME})\\s*(?=,|\\.|;|$)`, 'g');
const NAME_APPOS = new RegExp(`(?:^|[.;]\\s+|\\band\\s+)(${NAME})\\s*,\\s*((?:the |her |his |their |Child [A-Z]{1,3}(?:'s|’s) |the child(?:'s|’s) |the children(?:'s|’s) )(?:(?:maternal|paternal|birth|step-?) ?)?(?:mother(?:'s|’s) partner|mother|father|grandmother|grandfather|stepfather|stepmother|partner|aunt|uncle|foster carer|kinship carer))\\s*,`, 'g');

const NAME_IS_PSEUDONYM = /\b([A-Z][a-z][\w-]+) is (?:the|a) (?:name|pseudonym)\b/gu;
const TITLE_NAME = /(?:review|CSPR|LCSPR|SCR|report)\b[^:–—]*[:–—-]\s*(?:the (?:death|serious harm|injuries|injury|abuse|neglect) (?:of|to) )?["“'‘]?([A-Z][a-z][\w-]+)["”'’]?\s*$/u;

function addAlias(table: FamilyTable, name: string, role: string | undefined): void {
  const clean = name.trim().replace(/^["'“‘]|["'”’]$/g, '');
  if (!clean || !role || clean.length < 2 && !/^[A-Z]$/.test(clean)) return;
  if (/^(?:The|This|Her|His|Their|It|In|Mother|Father|Child|Baby)$/.test(clean)) return;
  if (table.aliases.has(clean)) return;
  if (role === 'partner' && /^Mr\b/.test(clean)) role = 'mothers-partner';
  else if (role === 'partner' && /^(?:Ms|Mrs|Miss)\b/.test(clean)) role = 'fathers-partner';
  const key = keyFor(role, clean);
  table.aliases.set(clean, key);
  if (!table.kinds.has(key)) table.kinds.set(key, kindForKey(key, role === 'child' || role === 'sibling' ? clean : `${kindForKey(key).label} (${clean})`));
}

function frontMatterAliases(table: FamilyTable, doc: ParsedDocument): void {
  const raw = doc.frontMatter.raw;
  const visit = (value: unknown, roleHint?: string): void => {
    if (typeof value === 'string') {
      for (const part of value.split(/[,;]/)) {
        const s = part.trim();
        const m = /^(.+?)\s*\((.+)\)$/.exec(s) ?? /^(.+?)\s*[:–-]\s+(.+)$/.exec(s);
        if (m) addAlias(table, m[1]!, roleFromDescription(m[2]!) ?? roleHint);
        else if (s) addAlias(table, s, roleHint ?? (roleFromDescription(s) === 'child' || /^(?:Child|Baby|Young Person) /.test(s) ? 'child' : roleHint ?? 'child'));
      }
    } else if (Array.isArray(value)) for (const v of value) visit(v, roleHint);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const keyRole = roleFromDescription(k.replace(/[-_]/g, ' '));
        if (typeof v === 'string' && keyRole) visit(v, keyRole);
        else if (typeof v === 'string') addAlias(table, k, roleFromDescription(v) ?? roleHint);
        else visit(v, keyRole ?? roleHint);
      }
    }
  };
  for (const field of ['pseudonyms', 'pseudonym', 'people', 'family']) if (raw[field] !== undefined) visit(raw[field]);
  if (raw['child'] !== undefined) visit(raw['child'], 'child');
  if (raw['children'] !== undefined) visit(raw['children'], 'child');
}

/** One call to `addAlias` a block asks for: a name and the role its context gives. */
type AliasCall = readonly [name: string, role: string | undefined];

/** The alias definitions in one block, in the order the table takes them. */
interface BlockAliases {
  /** "referred to as", "Mother (Ms K)", "Ms R, the children's mother,", "Ella (the child)". */
  defined: readonly AliasCall[];
  /** "Kai is the name he chose for this report". */
  pseudonyms: readonly AliasCall[];
}
const NO_CALLS: readonly AliasCall[] = [];
const NO_ALIASES: BlockAliases = { defined: NO_CALLS, pseudonyms: NO_CALLS };

const ALIAS_BLOCKS: ReadonlySet<Block['kind']> = new Set(['paragraph', 'list-item', 'table-cell', 'heading']);

function aliasesIn(b: Block): BlockAliases {
  if (!ALIAS_BLOCKS.has(b.kind) || b.role === 'references') return NO_ALIASES;
  const text = b.prose;
  const defined: AliasCall[] = [];
  if (/referred|known|called|named|described|pseudonym|\(|,/.test(text)) {
    for (const m of text.matchAll(DEFINED_AS)) {
      const name = m[1] ?? m[2]!;
      const before = text.slice(Math.max(0, m.index - 60), m.index).split(/[.;:()]/).pop()!;
      defined.push([name, roleFromDescription(before) ?? (/^(?:Child|Baby|Young Person) /.test(name) ? 'child' : undefined)]);
    }
    for (const m of text.matchAll(ROLE_PAREN)) defined.push([m[2]!, roleFromDescription(m[1]!.replace(/^Child [A-Z]{1,3}(?:'s|’s) /, ''))]);
    for (const m of text.matchAll(ROLE_APPOS)) defined.push([m[2]!, roleFromDescription(m[1]!.replace(/^Child [A-Z]{1,3}(?:'s|’s) /, ''))]);
    for (const m of text.matchAll(NAME_APPOS)) defined.push([m[1]!, roleFromDescription(m[2]!.replace(/^(?:Child [A-Z]{1,3}|the child|the children)(?:'s|’s) /, ''))]);
    for (const m of text.matchAll(NAME_PAREN)) {
      const role = roleFromDescription(m[2]!.replace(/^Child [A-Z]{1,3}(?:'s|’s) /, ''));
      if (role && !/\b(?:aged?|years?|months?|\d)\b/.test(m[2]!) || role === 'child') defined.push([m[1]!, role]);
    }
  }
  const pseudonyms: AliasCall[] = [];
  for (const m of text.matchAll(NAME_IS_PSEUDONYM)) pseudonyms.push([m[1]!, roleFromDescription(text.slice(m.index + m[0].length, m.index + m[0].length + 60)) === 'mother' ? undefined : 'child']);
  return defined.length > 0 || pseudonyms.length > 0 ? { defined: defined.length > 0 ? defined : NO_CALLS, pseudonyms: pseudonyms.length > 0 ? pseudonyms : NO_CALLS } : NO_ALIASES;
}

const NAME_ONLY = new RegExp(`^(?:${NAME})$`, 'u');

/** What a family-composition table needs from one of its cells. */
interface CellFacts {
  /** A header naming the relationship column. */
  relationHeader: boolean;
  /** A header naming the name column. */
  nameHeader: boolean;
  value: string;
  /** The role the cell's text describes, for a relationship cell. */
  role: string | undefined;
  /** The cell holds a name or code, for a name cell. */
  isName: boolean;
}

function cellFactsOf(b: Block): CellFacts | undefined {
  if (b.kind !== 'table-cell') return undefined;
  const value = b.prose.trim();
  return {
    relationHeader: /\b(?:relationship|relation|role|who)\b/i.test(b.prose),
    nameHeader: /\b(?:name|pseudonym|person|family member|referred to|initials|known as)\b/i.test(b.prose),
    value,
    role: roleFromDescription(value),
    isName: NAME_ONLY.test(value),
  };
}

/** What the alias table needs from one block: its alias definitions and, for a table cell, its cell. */
interface BlockFamily {
  aliases: BlockAliases;
  cell: CellFacts | undefined;
}
const NOTHING: BlockFamily = { aliases: NO_ALIASES, cell: undefined };

const familyFact = defineFact<BlockFamily>('family/aliases', (b) => {
  const aliases = aliasesIn(b);
  const cell = cellFactsOf(b);
  return aliases === NO_ALIASES && !cell ? NOTHING : { aliases, cell };
});

/** Family-composition tables: a name column and a relationship column. */
function tableAliases(table: FamilyTable, blocks: readonly Block[], facts: readonly BlockFamily[]): void {
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind !== 'table-cell') {
      i++;
      continue;
    }
    const from = i;
    while (i < blocks.length && blocks[i]!.kind === 'table-cell') i++;
    let relCol: number | undefined;
    let nameCol: number | undefined;
    for (let j = from; j < i; j++) {
      const c = blocks[j]!;
      if (!c.cell?.isHeader) continue;
      const f = facts[j]!.cell!;
      if (relCol === undefined && f.relationHeader) relCol = c.cell.column;
      if (nameCol === undefined && f.nameHeader) nameCol = c.cell.column;
    }
    nameCol ??= 0;
    if (relCol === undefined || relCol === nameCol) continue;
    const rows = new Map<number, Map<number, CellFacts>>();
    for (let j = from; j < i; j++) {
      const c = blocks[j]!;
      if (c.cell!.isHeader) continue;
      const row = rows.get(c.cell!.row) ?? new Map<number, CellFacts>();
      row.set(c.cell!.column, facts[j]!.cell!);
      rows.set(c.cell!.row, row);
    }
    for (const row of rows.values()) {
      const name = row.get(nameCol);
      const rel = row.get(relCol);
      if (!name?.value || !rel?.value) continue;
      if (rel.role && name.isName) addAlias(table, name.value, rel.role);
    }
  }
}

/** Alias regexes by their source: the same aliases give the same pattern on every keystroke. */
const aliasPatterns = new Map<string, RegExp>();

function aliasPattern(names: readonly string[]): RegExp {
  const source = `(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`;
  let re = aliasPatterns.get(source);
  if (!re) {
    if (aliasPatterns.size >= 64) aliasPatterns.clear();
    re = new RegExp(source, 'gu');
    aliasPatterns.set(source, re);
  }
  return re;
}

/** A table as built, with what it was built from: the front matter, the title and the blocks' alias facts. */
interface TableMemo {
  frontMatter: string;
  title: string | undefined;
  /** The non-empty alias facts and every table cell's facts in order, with `RUN_END` between tables. */
  inputs: readonly unknown[];
  table: FamilyTable;
}
const RUN_END = {};
const tableMemos: TableMemo[] = [];

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Builds the alias table for a document from its blocks' cached alias facts. While typing, the same
 * facts come back, so the last table built from them is copied instead (codes found later in the
 * text are added to the copy, so the kinds and children are copied, not shared).
 */
export function buildFamilyTable(doc: ParsedDocument): FamilyTable {
  const found = factsOf(doc, familyFact);
  const inputs: unknown[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (f === NOTHING) {
      if (i > 0 && found[i - 1]!.cell) inputs.push(RUN_END);
      continue;
    }
    if (f.aliases !== NO_ALIASES) inputs.push(f.aliases);
    if (f.cell) inputs.push(f.cell);
    else if (i > 0 && found[i - 1]!.cell) inputs.push(RUN_END);
  }
  const span = doc.frontMatter.span;
  const frontMatter = span ? doc.text.slice(span.start, span.end) : '';
  const title = doc.sections[0]?.title;
  let memo = tableMemos.find((m) => m.frontMatter === frontMatter && m.title === title && sameInputs(m.inputs, inputs));
  if (!memo) {
    memo = { frontMatter, title, inputs, table: buildTable(doc, found) };
    tableMemos.unshift(memo);
    if (tableMemos.length > 8) tableMemos.pop();
  }
  const t = memo.table;
  return { aliases: t.aliases, kinds: new Map(t.kinds), aliasRe: t.aliasRe, children: [...t.children], people: t.people };
}

function buildTable(doc: ParsedDocument, found: readonly BlockFamily[]): FamilyTable {
  const table: FamilyTable = { aliases: new Map(), kinds: new Map(), children: [], people: NO_CONTEXT };
  frontMatterAliases(table, doc);
  tableAliases(table, doc.blocks, found);
  for (const f of found) for (const [name, role] of f.aliases.defined) addAlias(table, name, role);
  // "Kai is the name he chose for this report"; a title naming the child ("Review: Kai").
  for (const f of found) for (const [name, role] of f.aliases.pseudonyms) addAlias(table, name, role);
  const title = doc.sections[0]?.title;
  const tm = title ? TITLE_NAME.exec(title) : null;
  if (tm && !/^(?:Child|Baby|Young Person) [A-Z]{1,3}$/.test(tm[1]!) && !/(?:and|children|family|siblings)/i.test(tm[1]!)) addAlias(table, tm[1]!, 'child');
  // Codes like "Child A" need no definition; role codes like "Adult B" do.
  for (const [alias, key] of [...table.aliases]) if (/^(?:Child|Baby|Young Person) [A-Z]{1,3}[0-9]{0,2}$/.test(alias) && !key.startsWith('child:') && !key.startsWith('sibling:')) table.aliases.delete(alias);
  const names = [...table.aliases.keys()].filter((a) => !/^(?:Child|Baby|Young Person) [A-Z]{1,3}[0-9]{0,2}$/.test(a)).sort((a, b) => b.length - a.length);
  if (names.length > 0) table.aliasRe = aliasPattern(names);
  for (const k of table.aliases.values()) if (k.startsWith('child:') && !table.children.includes(k)) table.children.push(k);
  table.people = peopleContext(table);
  return table;
}

/** Registers a child code the first time it is seen. */
function registerCode(table: FamilyTable, key: string): void {
  if (!table.kinds.has(key)) table.kinds.set(key, kindForKey(key));
  if (key.startsWith('child:') && !table.children.includes(key)) table.children.push(key);
}

/** The person kind for a key (fixed kinds, pseudonyms and codes). */
export function kindOf(table: FamilyTable, key: string): PersonKind {
  return table.kinds.get(key) ?? kindForKey(key);
}

/**
 * A person reference before the table's children are known: group words that depend on the
 * children named so far ("the children", "the child") are resolved in document order.
 */
export interface RawRef {
  start: number;
  end: number;
  keys: readonly string[];
  /** 0: keys as they are; 1: "the children"; 2: "the child". */
  mode: 0 | 1 | 2;
  /** The keys include a child or sibling code to register. */
  code: boolean;
}

/** What the alias table fixes for finding people: the same aliases give the same references. */
export interface PeopleContext {
  /** Identifies the aliases, so facts computed with them are reused only with them. */
  signature: string;
  aliases: ReadonlyMap<string, string>;
  aliasRe?: RegExp;
  /** Any child's alias anywhere in a text (a plain substring, as `includes` finds it), or undefined when there are none. */
  childNameRe?: RegExp;
}

const contexts = new Map<string, PeopleContext>();
const NO_CONTEXT: PeopleContext = { signature: '', aliases: new Map() };

function peopleContext(table: FamilyTable): PeopleContext {
  let signature = table.aliasRe?.source ?? '';
  for (const [alias, key] of table.aliases) signature += `\u0000${alias}\u0001${key}`;
  let c = contexts.get(signature);
  if (!c) {
    if (contexts.size >= 32) contexts.clear();
    const childNames = [...table.aliases].filter(([, k]) => k.startsWith('child:')).map(([n]) => n);
    // One pattern instead of a search per name: the same answer as `childNames.some((n) => text.includes(n))`.
    const childNameRe = childNames.length > 0 ? new RegExp(childNames.map(escape).join('|')) : undefined;
    c = { signature, aliases: new Map(table.aliases), aliasRe: table.aliasRe, childNameRe };
    contexts.set(signature, c);
  }
  return c;
}


/**
 * Every match of every person pattern in a text, in the order the patterns are tried, whatever the
 * aliases: a pattern's matches do not depend on which characters are claimed (a claimed match is
 * skipped, not re-searched), so the aliases can be laid over these later (`peopleWith`). Pure in the
 * text, so it can live in a per-block fact that an alias typed or deleted does not invalidate.
 */
export interface PatternHit {
  start: number;
  end: number;
  /** The pattern's keys, before an alias or "parent" replaces them. */
  keys: readonly string[];
  /** The matched text, for an alias written as a role word ("Mum"). */
  text: string;
  /** Claims its characters but is not a person ("Child A's mother" for "Child A", "child protection"). */
  rejected: boolean;
}

const NO_HITS: readonly PatternHit[] = [];

/** The pattern matches in `text` (none when it cannot name a person at all). */
export function patternHits(text: string): readonly PatternHit[] {
  if (!ANY_PERSON.test(text)) return NO_HITS;
  const hits: PatternHit[] = [];
  const lower = text.toLowerCase();
  for (const pat of PATTERNS) {
    if (!pat.hint.test(lower)) continue;
    pat.re.lastIndex = 0;
    let mm: RegExpExecArray | null;
    while ((mm = pat.re.exec(text))) {
      const s = mm.index;
      const e = s + mm[0].length;
      if (e === s) {
        pat.re.lastIndex++;
        continue;
      }
      const after = text.slice(e, e + 40);
      const rejected = MODIFIER_AFTER.test(after) || NOT_PERSON_AFTER.test(after) || NOT_PERSON_BEFORE.test(text.slice(Math.max(0, s - 30), s));
      hits.push({ start: s, end: e, keys: pat.keys(mm), text: mm[0], rejected });
    }
  }
  return hits;
}

/**
 * People named in `text`, before group words are resolved against the children named so far; in
 * the order they are found (aliases first, then by pattern), which is the order codes are registered.
 * `hits` are the text's `patternHits`.
 */
export function peopleWith(context: PeopleContext, text: string, hits: readonly PatternHit[]): RawRef[] {
  const refs: RawRef[] = [];
  // Claimed stretches: a longer compound found first keeps its words from counting twice.
  const claimed: number[] = [];
  const free = (s: number, e: number): boolean => {
    for (let i = 0; i < claimed.length; i += 2) if (claimed[i]! < e && s < claimed[i + 1]!) return false;
    return true;
  };
  const aliasRe = context.aliasRe;
  if (aliasRe) {
    aliasRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = aliasRe.exec(text))) {
      const e = m.index + m[0].length;
      claimed.push(m.index, e);
      if (MODIFIER_AFTER.test(text.slice(e, e + 40))) continue;
      refs.push({ start: m.index, end: e, keys: [context.aliases.get(m[0])!], mode: 0, code: false });
    }
  }
  for (const h of hits) {
    if (!free(h.start, h.end)) continue;
    claimed.push(h.start, h.end);
    if (h.rejected) continue;
    let keys = h.keys;
    const alias = context.aliases.get(h.text);
    if (alias) keys = [alias];
    let mode: RawRef['mode'] = 0;
    if (keys[0] === 'children') mode = 1;
    else if (keys[0] === 'child') mode = 2;
    else if (keys[0] === 'parent') keys = PARENTS;
    refs.push({ start: h.start, end: h.end, keys, mode, code: mode === 0 && keys.some((k) => k.startsWith('child:') || k.startsWith('sibling:')) });
  }
  return refs;
}

/** Whether the aliases could change what `peopleWith` finds in a text with these hits. */
export function aliasesTouch(context: PeopleContext, text: string, hits: readonly PatternHit[]): boolean {
  if (context.aliases.size === 0) return false;
  if (context.aliasRe) {
    context.aliasRe.lastIndex = 0;
    if (context.aliasRe.test(text)) return true;
  }
  for (const h of hits) if (context.aliases.has(h.text)) return true;
  return false;
}

const NO_REFS: PersonRef[] = [];

/**
 * Resolves raw references found in text at document offset `base`, in the order they were found:
 * "the children" to every child key known so far, "the child" to the first, and new codes
 * registered. Returns them sorted by position.
 */
export function resolvePeople(table: FamilyTable, raw: readonly RawRef[], base: number): PersonRef[] {
  // Most sentences name nobody: they share one empty list (nothing adds to a unit's people).
  if (raw.length === 0) return NO_REFS;
  const refs: PersonRef[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    let keys = r.keys as string[];
    if (r.mode === 1) keys = table.children.length > 0 ? [...table.children, 'siblings'] : ['child', 'siblings'];
    else if (r.mode === 2 && table.children.length > 0) keys = [table.children[0]!];
    if (r.code) for (const k of keys) if (k.startsWith('child:') || k.startsWith('sibling:')) registerCode(table, k);
    refs[i] = { start: base + r.start, end: base + r.end, keys };
  }
  if (refs.length > 1) refs.sort((x, y) => x.start - y.start);
  return refs;
}

/** A unit's references as last resolved, with what the resolution depended on beyond them. */
export interface ResolvedPeople {
  base: number;
  /** The children known when the unit was reached, if it has group words ("the children", "the child"). */
  children: readonly string[] | undefined;
  refs: PersonRef[];
}

/**
 * `resolvePeople` for references kept in `holder` (a unit's people facts), giving back the last
 * answer while the unit has not moved and, for group words, the children known so far are the same:
 * the unchanged part of a draft before an edit then builds no references. Codes are still registered.
 */
export function resolvePeopleOf(table: FamilyTable, holder: { readonly raw: readonly RawRef[]; resolved?: ResolvedPeople }, base: number): PersonRef[] {
  const raw = holder.raw;
  if (raw.length === 0) return NO_REFS;
  let groups = false;
  for (const r of raw) if (r.mode !== 0) groups = true;
  const last = holder.resolved;
  if (last && last.base === base && (!groups || sameStrings(last.children, table.children))) {
    for (const r of raw) if (r.code) for (const k of r.keys) if (k.startsWith('child:') || k.startsWith('sibling:')) registerCode(table, k);
    return last.refs;
  }
  const children = groups ? (sameStrings(last?.children, table.children) ? last!.children : table.children.slice()) : undefined;
  const refs = resolvePeople(table, raw, base);
  // Updated in place: a unit after an edit moves on every keystroke, and a new record each time is garbage.
  if (last) {
    last.base = base;
    last.children = children;
    last.refs = refs;
  } else holder.resolved = { base, children, refs };
  return refs;
}

/** Pronouns that can stand for a person at the start of a clause. */
export const PRONOUN = /(?<![A-Za-z])(she|he|they|her|him|them|both|neither)(?![A-Za-z])/i;
