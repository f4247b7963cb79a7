/**
 * The per-block facts the involvement analysis is folded from: each block's sentences as units
 * (quotations blanked), and the people each unit names. They are cached per block, so after an edit
 * only the edited block is read again; the analysis itself is a walk over these facts.
 */
import type { Block, BlockKind, BlockRole } from '../../document/model';
import type { Span } from '../../types';
import type { Fact } from '../../facts';
import { defineFact } from '../../facts';
import type { PatternHit, PeopleContext, RawRef, ResolvedPeople } from './family-members';
import { aliasesTouch, patternHits, peopleWith } from './family-members';
import { agesIn } from './ages';
import { flagsOf } from './sentence-flags';
import type { UnitStatus } from './analysis';
import type { ChildText } from './children';
import { CHILD_DIED, SELF_ANCHORED, STRONG_ANCHOR, WEAK_ANCHOR } from './lexicon';

export const PROSE_KINDS: ReadonlySet<BlockKind> = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);
export const SKIP_ROLES: ReadonlySet<BlockRole> = new Set(['references', 'glossary', 'contents']);

/** A sentence of a block, with offsets relative to the block. */
export interface LocalUnit {
  start: number;
  end: number;
  /** The masked prose with quotations blanked. */
  text: string;
  /** The masked prose with quotations kept. */
  full: string;
  /** Anchored to the review itself ("told the reviewer", "this review"). */
  anchored: boolean;
  /** Wordings a few checks look for (sentence-flags.ts). */
  flags: number;
  /**
   * What later steps read from the text alone, remembered here on first use (not part of the fact:
   * a cache beside it, so an unchanged sentence is not looked up by its text on every edit).
   */
  status?: UnitStatus;
  child?: ChildText;
  /** Its span in the draft it was last placed in (spans are never changed, so one serves every analysis while the block has not moved). */
  placed?: Span;
}

/** Blanks quotations inside [start, end); `from` is the first quote that can still overlap (sentences come in order). Linear in the text. */
export function blankQuotes(block: Block, start: number, end: number, from = 0): string {
  const text = block.prose.slice(start - block.start, end - block.start);
  const quotes = block.quotes;
  const parts: string[] = [];
  let at = 0;
  for (let i = from; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (q.inner.start >= end) break;
    if (q.inner.end <= start) continue;
    const x = Math.max(q.inner.start, start) - start;
    const y = Math.min(q.inner.end, end) - start;
    if (x < at) {
      if (y > at) {
        parts.push(' '.repeat(y - at));
        at = y;
      }
      continue;
    }
    parts.push(text.slice(at, x), ' '.repeat(y - x));
    at = y;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(at));
  return parts.join('');
}

const ANCHOR_HINT = /review|lcspr|cspr|scr|report|author|terms of reference|\bus\b|\bwe\b|possible|panel|partner/;

/** Whether a unit anchors itself to the review; `role` is its block's role. */
export function isAnchored(text: string, role: BlockRole): boolean {
  if (!ANCHOR_HINT.test(text.toLowerCase())) return false;
  if (STRONG_ANCHOR.test(text) || SELF_ANCHORED.test(text)) return true;
  if (role === 'chronology' || role === 'background') return false;
  return WEAK_ANCHOR.test(text);
}

/** Whether a block gives sentence units at all (a table cell's may be replaced by its row). */
export function hasUnits(b: Block): boolean {
  return PROSE_KINDS.has(b.kind) && !SKIP_ROLES.has(b.role);
}

/** The sentence units of a block (relative offsets). Pure: facts call it on their own block. */
export function localUnits(b: Block): LocalUnit[] {
  const out: LocalUnit[] = [];
  let q = 0;
  for (const s of b.sentences) {
    while (q < b.quotes.length && b.quotes[q]!.inner.end <= s.start) q++;
    const text = blankQuotes(b, s.start, s.end, q);
    // The caches are set here, empty, so every unit has one shape (fields added later would make the walks over units slow).
    out.push({ start: s.start, end: s.end, text, full: s.text, anchored: isAnchored(text, b.role), flags: flagsOf(text), status: undefined, child: undefined, placed: undefined });
  }
  return out;
}

/** What follows a person reference, for the child facts: ages written after a name, and the child speaking. */
export interface AfterRef {
  ages: number[];
  speaks: boolean;
}

/** The people one unit names, before "the children" and "the child" are resolved. */
export interface UnitPeople {
  /** In the order found (the order codes are registered). */
  raw: RawRef[];
  /** The unit's text contains a child's alias. */
  namesChildAlias: boolean;
  /** The unit names a child by code or as "the child", or says a child died: the child facts must read it. */
  childHint: boolean;
  /** The references as last resolved in a draft (a cache beside the facts, see `resolvePeopleOf`). */
  resolved?: ResolvedPeople;
}

const DIED_HINT = /die|death|kill|murder|passed away|fatal|sudden|sudi|sudc|own life|suicide/;
export const CHILD_NAMED = /\b(?:Child|Baby|Young Person) [A-Z]{1,3}[0-9]{0,2}\b|\bthe (?:child|baby|young person)\b/;

/** Says that a child died (not the child death overview panel). */
export function diesInText(text: string): boolean {
  return DIED_HINT.test(text.toLowerCase()) && CHILD_DIED.test(text) && !/child death overview|\bCDOP\b/i.test(text);
}


// The child as speaker: "Child A told", "Ella, then 13, said", "Child A's views".
const SPEAKS_AFTER = /^(?:\s*\(\d{1,2}\))?(?:,[^,;.]{0,50},)?(?:\s+(?:is|was) (?:a|an) [^.;]{0,40}? who)?\s+(?:(?:had|has|have|also|often|later|then|once|repeatedly|clearly|consistently|recently|previously|sometimes|would|could|still)\s+)*(?:told|tells|tell|said|says|say|described|describes|explained|wrote|writes|disclosed|asked|asks|ask|wanted|wants|want|wished|hoped|liked|likes|like|loved|loves|enjoyed|enjoys|hated|felt|feels|expressed|talked|talk|spoke|speak|shared|drew|chose|did not want|did not like|does not want|was (?:proud|frightened|scared|afraid|happy|sad|worried|angry|clear)|is (?:proud|frightened|scared|afraid|happy|sad|worried|angry|clear))\b/i;
const POSSESSIVE_VOICE = /^(?:['’]s|s['’])\s+(?:own\s+)?(?:views?|voice|wishes|feelings|perspective|lived experience|daily life|experiences?|words|account|story|hopes|fears|worries|day|days|routine|world)\b/i;

/** What follows a reference ending at `end` (relative to the unit) in the unit's full text. */
export function afterRef(full: string, end: number): AfterRef {
  const after = full.slice(end, end + 60);
  const upTo = after.split(/[.;]/)[0]!;
  return { ages: agesIn(upTo), speaks: SPEAKS_AFTER.test(after) || POSSESSIVE_VOICE.test(after) };
}

/** The people in one unit's text, with what the child facts need to know whether to read it. */
export function unitPeople(context: PeopleContext, text: string): UnitPeople {
  return peopleOf(context, text, patternHits(text), childHintIn(text));
}

function childHintIn(text: string): boolean {
  return CHILD_NAMED.test(text) || diesInText(text);
}

function peopleOf(context: PeopleContext, text: string, hits: readonly PatternHit[], childHint: boolean): UnitPeople {
  return { raw: peopleWith(context, text, hits), namesChildAlias: context.childNameRe?.test(text) ?? false, childHint, resolved: undefined };
}

/** A block's sentence units with what the people in them depend on beyond the aliases. */
export interface BlockScan {
  units: readonly LocalUnit[];
  /** Per unit, its pattern matches. */
  hits: readonly (readonly PatternHit[])[];
  /** Per unit, its people when no alias touches it. */
  plain: readonly UnitPeople[];
  /**
   * The people last laid over these matches, with the aliases used: a cache beside the fact, not
   * part of it (a property read is cheaper than a lookup by the fact, and this runs per block per edit).
   */
  laid?: BlockPeople;
}
const NO_SCAN: BlockScan = { units: [], hits: [], plain: [], laid: undefined };
const NO_ALIASES_CONTEXT: PeopleContext = { signature: '', aliases: new Map() };

/**
 * Each block's sentence units and the person patterns matched in them. Independent of the draft's
 * aliases, so typing in a sentence that defines one re-reads only that block; the aliases are laid
 * over the matches by `blockPeople`. One fact, so the first analysis of a draft reads each block once.
 */
export const unitsFact: Fact<BlockScan> = defineFact('family/units', (b) => {
  if (!hasUnits(b) || b.sentences.length === 0) return NO_SCAN;
  const units = localUnits(b);
  const hits = units.map((u) => patternHits(u.text));
  return { units, hits, plain: units.map((u, k) => peopleOf(NO_ALIASES_CONTEXT, u.text, hits[k]!, childHintIn(u.text))), laid: undefined };
});

/** A block's people as last worked out, with the aliases they were worked out with. */
interface BlockPeople {
  context: PeopleContext;
  people: readonly UnitPeople[];
  /** No unit names anyone, a child or a death (worked out when first asked). */
  inert?: boolean;
}

/** Whether a unit's people facts say nothing about anyone, a child or a death. */
export function inertPeople(p: UnitPeople): boolean {
  return p.raw.length === 0 && !p.namesChildAlias && !p.childHint;
}

/** Whether every unit of a block is inert, with the aliases last given to `blockPeople` for it. */
export function blockInert(scan: BlockScan): boolean {
  const laid = scan.laid;
  if (!laid) return scan.plain.every(inertPeople);
  return (laid.inert ??= laid.people.every(inertPeople));
}

/**
 * The people each unit of a block names, with the draft's aliases. A unit no alias touches keeps the
 * same people object whatever the aliases, so what later steps remember by it stays valid when an
 * alias is typed elsewhere in the draft.
 */
export function blockPeople(context: PeopleContext, scan: BlockScan): readonly UnitPeople[] {
  if (scan.units.length === 0) return scan.plain;
  const known = scan.laid;
  if (known && known.context === context) return known.people;
  let people: UnitPeople[] | undefined;
  for (let k = 0; k < scan.units.length; k++) {
    const text = scan.units[k]!.text;
    const hits = scan.hits[k]!;
    const plain = scan.plain[k]!;
    if (!aliasesTouch(context, text, hits) && !(context.childNameRe?.test(text) ?? false)) continue;
    people ??= scan.plain.slice();
    people[k] = peopleOf(context, text, hits, plain.childHint);
  }
  const out = people ?? scan.plain;
  scan.laid = { context, people: out, inert: undefined };
  return out;
}
