/**
 * Practice jargon: terms a lay reader cannot decode (reported at first use when the review never
 * defines them) and labels the research calls stigmatising or out of date (reported even when
 * defined, with wording to use instead). The terms are data: rules/data/jargon.yaml.
 */
import { BlockCache } from '../../block-cache';
import { BoundedCache } from '../../bounded-cache';
import type { Check, CheckContext } from '../../check';
import { isDefinitionAt } from '../../context/definitions';
import { voiceOf } from '../../context/voice';
import type { JargonEntry } from '../../data';
import type { Block, ParsedDocument } from '../../document/model';
import type { Fact } from '../../facts';
import { defineFact, factsOf, perDocumentValue } from '../../facts';
import type { Fix, Severity, Span } from '../../types';
import type { CompiledList } from './shared';
import { around, compileList, inQuote, matchesIn, sentenceAt } from './shared';

interface Occurrence {
  entry: JargonEntry;
  block: Block;
  next: Block | undefined;
  span: Span;
  text: string;
}

const SKIP_ROLES = new Set(['glossary', 'references', 'contents']);
const DEFINITION_HEADER = /\b(definitions?|meanings?|what (it|this) means|explanation|description|stands for)\b/i;
const TERM_HEADER = /\b(terms?|words?|phrases?|concepts?|jargon|acronyms?|abbreviations?)\b/i;
// "X (a parent appearing to co-operate while …)", "X, that is, …", "X, meaning …", "X – by which we mean".
const GLOSS_AFTER = /^\s*["'”’]?\s*(?:\(\s*(?:that is|i\.e\.|meaning|which means|where|when|in which|the|a|an)?\s*[\p{Ll}][^)]{12,}\)|,?\s*(?:that is|i\.e\.|meaning|which means|by which (?:we|the review|this review) means?|here meaning|in other words)\b|\s+(?:is|are|was|means|describes|refers to|involves)\s+(?:when|where|the (?:idea|term|concept|practice|capacity|ability|process|tendency|approach|name)|a (?:term|phrase|concept|way|process|tendency|name|label|form|description|type)|an (?:approach|idea|expression|umbrella term)|used (?:here )?(?:to|for|when)|defined|understood|taken to mean|shorthand)\b)/iu;
const GLOSS_BEFORE = /\b(?:by|the term|the phrase|the concept of|the idea of|what (?:is|we) mean(?:t)? by|we use|this review uses|the review uses|is known as|are known as|defined as|referred to as|in this review,?|here,?)\s*["'“‘]?\s*$/i;
// "…is a meeting or call between…", "…are enquiries that…", "…is where…": a gloss after the term as subject.
const SUBJECT_GLOSS = /^\s*(?:\([^)]*\)\s*)?,?\s*(?:is|are|means|describes|refers to|involves)\s+(?:when|where|how|what|(?:a|an|the)\s+(?!(?:concern|problem|issue|theme|feature|factor|pattern|risk|sign|failure|example|key|major|common|recurring|clear|real|significant|serious|particular|central)\b)(?:[\p{L}-]+\s+){0,3}?(?:that|which|where|in which|of|for|between|to|used|held|when|by|with|in|about|who|whose|on)\b)/iu;

// A label followed by an explanation of what it meant in the case.
const EXPLANATION_AFTER = /\b(?:because|due to|as a result of|for example|for instance|such as|e\.g\.|in that|meaning that|this meant|which meant|that is|i\.e\.|in practice|specifically|in this case)\b/i;

function isGlossaryTableCell(block: Block): boolean {
  return !!block.cell && block.cell.column === 0 && (TERM_HEADER.test(block.cell.header) || DEFINITION_HEADER.test(block.cell.header));
}

/** True when this occurrence defines or glosses the term. */
function definesTerm(o: Occurrence): boolean {
  const { block, span } = o;
  if (block.role === 'glossary' || isGlossaryTableCell(block)) return true;
  if (isDefinitionAt(block, span)) return true;
  const rel = span.end - block.start;
  const after = block.prose.slice(rel, rel + 200);
  if (GLOSS_AFTER.test(after)) {
    // "Professional curiosity is needed" is not a definition; "is the capacity to…" is.
    return true;
  }
  const before = block.prose.slice(Math.max(0, span.start - block.start - 80), span.start - block.start);
  if (GLOSS_BEFORE.test(before)) return true;
  // "A strategy discussion is a meeting between…": the term opens its sentence and is glossed.
  const s = sentenceAt(block, span.start);
  if (/^[\s*_"'“‘]*(?:an?|the)?\s*$/i.test(s.text.slice(0, span.start - s.start)) && SUBJECT_GLOSS.test(after)) return true;
  if (o.entry.explainInParagraph && EXPLANATION_AFTER.test(block.prose.slice(rel))) return true;
  return false;
}

/** One use of a term in a block, as the per-block fact keeps it: offsets relative to the block. */
interface LocalUse {
  entry: JargonEntry;
  start: number;
  end: number;
  text: string;
  /** Whether this use defines or glosses the term. */
  defines: boolean;
  /** How the term is used, judged from the block alone (see `useWithNext`). */
  use: Use;
  /** Where a suggested definition goes: the end of the sentence, or of the block. */
  fixAt: number;
}

const NO_USES: readonly LocalUse[] = [];
const SKIP_KINDS = new Set<Block['kind']>(['code', 'front-matter', 'comment']);

/**
 * The uses of a jargon list's terms in each block. The terms are data fixed per linter, so each
 * list gets its own fact (a fact may read nothing but its block).
 */
const usesFacts = new WeakMap<readonly JargonEntry[], Fact<readonly LocalUse[]>>();
let listCount = 0;

function usesFact(list: readonly JargonEntry[]): Fact<readonly LocalUse[]> {
  let fact = usesFacts.get(list);
  if (!fact) {
    const compiled = compileList(list);
    fact = defineFact(`jargon/uses#${++listCount}`, (block) => (SKIP_KINDS.has(block.kind) ? NO_USES : usesIn(compiled, block)));
    usesFacts.set(list, fact);
  }
  return fact;
}

function usesIn(compiled: CompiledList<JargonEntry>, block: Block): readonly LocalUse[] {
  const hits = matchesIn(compiled, block);
  if (hits.length === 0) return NO_USES;
  return hits.map((h) => {
    const o: Occurrence = { entry: h.entry, block, next: undefined, span: h.span, text: h.text };
    const s = sentenceAt(block, h.span.start);
    return {
      entry: h.entry,
      start: h.span.start,
      end: h.span.end,
      text: h.text,
      defines: block.kind !== 'heading' && definesTerm(o),
      use: useOf(o),
      fixAt: s.index >= 0 ? s.start + s.text.length : block.end,
    };
  });
}

// Footnote definitions ("[^2]: Disguised compliance is …") are masked in prose, so they are read raw.
const FOOTNOTE = /^\s*\[\^[^\]]+\]:/;
const WHITESPACE = /\s/;
/** Terms a footnote's raw text names, by list and text (footnotes are few and rarely change). */
const footnoteTerms = new WeakMap<readonly JargonEntry[], BoundedCache<readonly JargonEntry[]>>();

function termsInFootnote(list: readonly JargonEntry[], raw: string): readonly JargonEntry[] {
  let cache = footnoteTerms.get(list);
  if (!cache) footnoteTerms.set(list, (cache = new BoundedCache(2_000)));
  let found = cache.get(raw);
  if (!found) {
    found = compileList(list).entries.filter((e) => e.entry.patterns.some((p) => new RegExp(p, 'iu').test(raw))).map((e) => e.entry);
    cache.set(raw, found);
  }
  return found;
}

/** What both jargon checks need from a document: every use in document order, and the terms it defines. */
interface Scan {
  fact: Fact<readonly LocalUse[]>;
  /** Each use with its block, the block's index and its own index among the block's uses. */
  uses: { block: Block; index: number; k: number; u: LocalUse }[];
  defined: Set<JargonEntry>;
}

/** Built from the per-block facts once per parsed document and shared by both checks. */
function scan(ctx: CheckContext): Scan | undefined {
  const list = ctx.data.jargon ?? [];
  if (list.length === 0) return undefined;
  const fact = usesFact(list);
  return perDocumentValue(ctx.doc, fact, () => scanDocument(ctx.doc, list, fact));
}

function scanDocument(doc: ParsedDocument, list: readonly JargonEntry[], fact: Fact<readonly LocalUse[]>): Scan {
  const facts = factsOf(doc, fact);
  const { text, blocks } = doc;
  const out: Scan = { fact, uses: [], defined: new Set() };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (SKIP_KINDS.has(block.kind)) continue;
    // Only a block whose raw text starts with "[" or white space can be a footnote definition.
    const first = text[block.start];
    if (first !== undefined && (first === '[' || WHITESPACE.test(first))) {
      const raw = text.slice(block.start, block.end);
      if (FOOTNOTE.test(raw)) {
        for (const e of termsInFootnote(list, raw)) out.defined.add(e);
        continue;
      }
    }
    const uses = facts[i]!;
    for (let k = 0; k < uses.length; k++) {
      const u = uses[k]!;
      if (u.defines) out.defined.add(u.entry);
      out.uses.push({ block, index: i, k, u });
    }
  }
  return out;
}

/** The block after `index` whose critique can challenge a quotation in it: the next paragraph within three blocks. */
function nextOf(blocks: readonly Block[], index: number): Block | undefined {
  for (let j = index + 1; j < blocks.length && j < index + 4; j++) if (blocks[j]!.paragraphIndex >= 0 && blocks[j]!.kind !== 'heading') return blocks[j];
  return undefined;
}

/**
 * Uses judged with the next block, by list, block and next block: a quotation left unchallenged in
 * its own block may be challenged by the paragraph after it, and nothing else about a use depends on it.
 */
const withNext = new WeakMap<Fact<readonly LocalUse[]>, BlockCache<Use[]>>();

function useWithNext(doc: ParsedDocument, fact: Fact<readonly LocalUse[]>, at: Scan['uses'][number]): Use {
  const { block, index, k, u } = at;
  if (u.use !== 'quoted' && u.use !== 'reported') return u.use;
  const next = nextOf(doc.blocks, index);
  if (!next) return u.use;
  let cache = withNext.get(fact);
  if (!cache) withNext.set(fact, (cache = new BlockCache(5_000)));
  let known = cache.get(block, next);
  if (!known) cache.set(block, next, '', (known = []));
  let use = known[k];
  if (use === undefined) {
    use = useOf({ entry: u.entry, block, next, span: { start: block.start + u.start, end: block.start + u.end }, text: u.text });
    known[k] = use;
  }
  return use;
}

type Use = 'author' | 'quoted' | 'reported' | 'rejected' | 'skip';

// "Rather than calling the family hard to reach", "we avoid describing this as…", "not to call it…".
const TURNED_AWAY = /\b(?:rather than|instead of|avoid(?:s|ed|ing)?|refrain(?:s|ed|ing)? from|move(?:d)? away from|replac(?:e|es|ed|ing)|(?:do|does|did|should|must) not (?:call|describe|label|use|refer to)|(?:not|never) to (?:call|describe|label|use))\b[^.;:!?]*$/i;

/** Whether an occurrence is the author's use of the term, an unchallenged quotation, or neither. */
function useOf(o: Occurrence): Use {
  const { block } = o;
  if (block.kind === 'heading' || SKIP_ROLES.has(block.role) || isGlossaryTableCell(block)) return 'skip';
  const v = voiceOf(around(block, o.span.start), o.span, o.next);
  if (v.kind === 'meta') return 'skip';
  const s = sentenceAt(block, o.span.start);
  if (v.kind === 'rejected' && inQuote(block, o.span)) return 'skip';
  if (v.kind === 'rejected' || TURNED_AWAY.test(s.text.slice(0, o.span.start - s.start))) return 'rejected';
  if (v.kind === 'quoted') {
    if (v.challenged) return 'skip';
    // Reported speech without quotation marks ("records described…") still puts the term before the reader.
    return inQuote(block, o.span) || block.role === 'quoted-record' ? 'quoted' : 'reported';
  }
  return 'author';
}

function definitionFix(entry: JargonEntry, end: number): Fix[] {
  const def = entry.definition;
  if (!def) return [];
  return [
    {
      title: `Add a definition of "${entry.term}" after this sentence (check it fits this review)`,
      kind: 'suggestion',
      edits: [{ start: end, end, text: ` In this review, "${entry.term}" means ${def}.` }],
    },
  ];
}

function severityOf(entry: JargonEntry, fallback: Severity): Severity {
  return entry.severity ?? fallback;
}

/** Practice jargon used without a definition anywhere in the review. */
export const jargonDefinedOnFirstUse: Check = {
  meta: {
    id: 'jargon-defined-on-first-use',
    category: 'jargon',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'suggestion',
    summary: 'Define practice jargon such as "professional curiosity" or "rule of optimism" once, in the glossary or where it is first used.',
    message: "'{{term}}' is not defined anywhere in the review. {{reason}} Say once what it means, in the glossary or where it is first used.",
    rationale:
      'Published reviews are read by families and the public, who cannot decode practice shorthand. The Panel asks reviews to define complex concepts such as "disguised compliance" and "professional curiosity" so that it is clear what they mean in this case, and the annual review of local reviews found phrases like these used as shorthand that explained nothing. A definition anywhere satisfies the rule: a glossary entry (a list or a table), a sentence such as "In this review, X means…", or a footnote. Only the first use is reported. The terms are kept as data with their sources in rules/data/jargon.yaml.',
    good: 'In this review, professional curiosity means asking about and checking what is happening in a child\'s life, rather than accepting what is presented. The health visitor did not ask who else lived at the flat.',
    sources: [
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 4, para 4.14 (define and carefully describe complex concepts)' },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 2, 'Critical thinking and challenge'; Chapter 4, 'The different styles of LCSPRs'" },
      { document: 'research/standards-and-language-guidance.md', section: '6. Jargon needing definition (first use)' },
    ],
    examples: {
      valid: [
        { text: 'In this review, professional curiosity means asking questions beyond what is presented. There was little professional curiosity about who lived in the home.' },
        { text: 'There was little professional curiosity about the household.\n\n## Glossary\n\n- Professional curiosity: exploring and understanding what is happening within a family rather than taking things at face value.', note: 'a glossary list after the first use' },
        { text: 'Practitioners showed the rule of optimism.\n\n## Key terms\n\n| Term | Meaning |\n| --- | --- |\n| Rule of optimism | Giving parents the benefit of the doubt |', note: 'a glossary table' },
        { text: 'Professionals may have been affected by the rule of optimism (seeing the parents’ progress in the most hopeful light).', note: 'a bracketed gloss' },
        { text: 'Respectful uncertainty[^1] was not applied.\n\n[^1]: Respectful uncertainty is keeping an open mind about what a family says.', note: 'a footnote' },
        { text: 'The annual review found that terms such as "healthy scepticism" have become clichés.', note: 'discussing the phrase, not using it' },
        { text: '## Professional curiosity\n\nThe health visitor did not ask who else lived at the flat.', note: 'a heading only' },
        { text: 'Start-again syndrome was evident: each new social worker began a fresh assessment because the case history was not summarised.', note: 'a label explained in the same paragraph' },
        { text: 'Practitioners asked who else lived at the address and checked the tenancy.' },
      ],
      invalid: [
        { text: 'There was a lack of professional curiosity about the adults in the household.', match: 'professional curiosity' },
        { text: 'Practitioners were not professionally curious about the new partner.', match: 'professionally curious' },
        {
          text: 'The rule of optimism was at play. The rule of optimism shaped the plan.',
          match: 'rule of optimism',
          output: 'The rule of optimism was at play. In this review, "rule of optimism" means professionals giving parents the benefit of the doubt and reading what they see in the most hopeful way. The rule of optimism shaped the plan.',
          note: 'only the first use is reported; the fix inserts a definition to check',
        },
        { text: 'A strategy discussion was held the next day.', match: 'strategy discussion', severity: 'info' },
        { text: 'Agencies needed to think the unthinkable.\n\n## Glossary\n\n- Disguised compliance: a parent appearing to co-operate.', match: 'think the unthinkable', note: 'the glossary defines other terms only' },
      ],
    },
  },
  run(ctx) {
    const found = scan(ctx);
    if (!found) return;
    const { defined } = found;
    const done = new Set<JargonEntry>();
    for (const at of found.uses) {
      const { entry } = at.u;
      if (entry.status !== 'define' || defined.has(entry) || done.has(entry)) continue;
      const use = useWithNext(ctx.doc, found.fact, at);
      // "Not professionally curious" still uses the term; only quotation and discussion are exempt.
      if (use !== 'author' && use !== 'rejected' && use !== 'reported') continue;
      done.add(entry);
      const d = at.block.start;
      ctx.report({
        span: { start: d + at.u.start, end: d + at.u.end },
        message: this.meta.message.replace('{{term}}', at.u.text).replace('{{reason}}', entry.why),
        fixes: definitionFix(entry, d + at.u.fixAt),
        severity: severityOf(entry, this.meta.severity),
      });
    }
  },
};

/** Labels the research calls stigmatising, contested or out of date, reported even when defined. */
export const jargonDiscreditedTerm: Check = {
  meta: {
    id: 'jargon-discredited-term',
    category: 'jargon',
    kind: 'check',
    severity: 'warning',
    scope: 'document',
    fix: 'none',
    summary: 'Replace labels the research calls stigmatising or out of date, such as "toxic trio" or "hard to reach", with a description of what happened.',
    message: "'{{term}}' {{reason}} Instead, {{replacement}}.",
    rationale:
      'Some practice labels do more than need a definition. "Toxic trio" hides which difficulties a family faced and stigmatises parents; "hard to reach" places the difficulty in the family rather than in how services were offered; guidance on "disguised compliance" warns that it can mislead and blame parents; and the Panel has asked that further reviews are not called "alternative learning reviews". Defining these terms does not remove the problem, so the first use is reported even when the review defines them (more gently for contested terms that the review defines). Quoting a record that used the label is fine when the review says why the wording mattered.',
    good: 'The parents attended every appointment, but the home conditions did not improve and the children\'s weight did not change.',
    sources: [
      { document: 'research/standards-and-language-guidance.md', section: '3.2 phrase table (disguised compliance; toxic trio; disengaged, hard to reach)' },
      { document: "NSPCC Learning, 'Why language matters: disguised compliance'", year: 2025 },
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Chapter 4, para 4.14' },
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: "Chapter 6, 'Deciding whether to commission LCSPRs' (alternative learning review)" },
    ],
    examples: {
      valid: [
        { text: 'The family faced domestic abuse, the mother\'s depression and the father\'s alcohol use.' },
        { text: 'The review avoids the term "toxic trio" because it hides which difficulties were present.', note: 'discussing the label' },
        { text: 'Records described the family as "hard to reach". That label was unhelpful: services had offered only office appointments.', note: 'quoted and challenged a sentence later' },
        { text: 'Rather than calling the family hard to reach, the review describes what services offered.', note: 'rejected' },
      ],
      invalid: [
        { text: 'The household showed the toxic trio of risk factors.', match: 'toxic trio' },
        { text: 'The family were hard to reach.', match: 'hard to reach' },
        { text: 'The family were hard-to-reach.\n\n## Glossary\n\n- Hard to reach: families who do not take up services.', match: 'hard-to-reach', note: 'reported even when defined' },
        { text: 'There was evidence of disguised compliance.', match: 'disguised compliance', severity: 'warning' },
        { text: 'In this review, disguised compliance means a parent appearing to co-operate while the concerns remain. There was disguised compliance.', match: 'disguised compliance', severity: 'info', note: 'contested and defined: a gentler note' },
        { text: 'The case notes said the family were "hard to reach".', match: 'hard to reach', severity: 'info', note: 'quoted without comment' },
      ],
    },
  },
  run(ctx) {
    const found = scan(ctx);
    if (!found) return;
    const { defined } = found;
    const done = new Set<JargonEntry>();
    for (const at of found.uses) {
      const { entry } = at.u;
      if (entry.status === 'define' || done.has(entry)) continue;
      const use = useWithNext(ctx.doc, found.fact, at);
      if (use === 'skip' || use === 'rejected') continue;
      done.add(entry);
      const isDefined = defined.has(entry);
      const contested = entry.status === 'contested';
      let reason = `${contested ? 'is a contested label.' : 'is a label to avoid.'} ${entry.why}`;
      if (contested && !isDefined) reason += ' If you keep the term, define it.';
      if (use === 'quoted' || use === 'reported') reason = `is quoted without comment: say whose words these are and why the wording matters. ${entry.why}`;
      const severity: Severity = use === 'quoted' || use === 'reported' || (contested && isDefined) ? 'info' : severityOf(entry, this.meta.severity);
      const d = at.block.start;
      ctx.report({
        span: { start: d + at.u.start, end: d + at.u.end },
        message: this.meta.message.replace('{{term}}', at.u.text).replace('{{reason}}', reason).replace('{{replacement}}', entry.instead ?? 'describe what happened'),
        severity,
      });
    }
  },
};
