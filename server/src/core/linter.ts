/**
 * The linter: text in, findings out. Rules kept as data run per block and are cached per block;
 * document-level rules and checks run over the parsed document.
 */
import type { Check, CheckContext, Report } from './check';
import { rebaseBlock } from './check';
import { BoundedCache } from './bounded-cache';
import { builtinChecks } from './checks';
import type { CompiledCustomTerms } from './custom-terms';
import { CUSTOM_TERM_META } from './custom-terms';
import { findDefinition, isDefinitionAt } from './context/definitions';
import { subjectBefore } from './context/people';
import { voiceOf } from './context/voice';
import type { LintData } from './data';
import { makeLintData } from './data';
import type { Block, ParsedDocument } from './document/model';
import type { BlockText, DocumentLanguage } from './document/parse';
import { BlockCache } from './block-cache';
import { detach, lineOf, parseDocument } from './document/parse';
import { NON_PROSE_ROLES } from './document/roles';
import type { CompiledRule } from './rules/compile';
import { compileRule, nextMatch } from './rules/compile';
import type { RuleDefinition } from './rules/definition';
import { applySeverity, suppress } from './suppression';
import { fill } from './template';
import type { Finding, Fix, ReviewType, RuleMeta, Severity, SeveritySetting } from './types';

/** Options for one lint. */
export interface LintOptions {
  language?: DocumentLanguage;
  /** The review type to assume when the draft's front matter does not say. */
  reviewType?: ReviewType;
  /** A review type that wins over the front matter (the CLI's --review-type). */
  reviewTypeOverride?: ReviewType;
  /** Per-rule severity or off. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** When false, disable comments are ignored and reported. */
  allowInlineDisable?: boolean;
  /** Documents longer than this many UTF-16 code units are not analysed. */
  maxLength?: number;
  /** Extra acronyms everyone in this workspace knows, never reported. */
  acronymAllow?: readonly string[];
  /** The workspace's own terms (setting `customTerms`), compiled once with `compileCustomTerms`; run as one more check. */
  customTerms?: CompiledCustomTerms;
  /**
   * The previous result for the same document, when there is one (the editor's last analysis).
   * Only a speed-up: unchanged paragraphs before and after the edit are found by position instead of
   * by hashing their text. The findings are the same with or without it.
   */
  previous?: LintResult;
}

/** What one lint returns. */
export interface LintResult {
  findings: Finding[];
  document: ParsedDocument;
  reviewType: ReviewType | undefined;
}

/** The built linter. */
export interface Linter {
  readonly rules: readonly RuleMeta[];
  meta(id: string): RuleMeta | undefined;
  lint(text: string, options?: LintOptions): LintResult;
}

/** Default size limit: about 2 MB of text. */
export const DEFAULT_MAX_LENGTH = 2_000_000;

interface CachedFinding {
  ruleId: string;
  start: number;
  end: number;
  message: string;
  quoted: boolean;
  fixes: Fix[];
}

const PROSE_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);


function preserveCase(match: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = match[0] ?? '';
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

const META_RULE_IDS = new Set(['rule-failed', 'document-too-large', 'front-matter-invalid', 'inline-disable-forbidden']);

/** The metadata of the findings the linter itself reports about the run. */
const SYSTEM_META: RuleMeta[] = [
  {
    id: 'document-too-large', category: 'housekeeping', kind: 'check', severity: 'info', scope: 'document', fix: 'none',
    summary: 'Very large files are not analysed, to keep the editor responsive.',
    message: 'This file is too large to check ({{count}} characters; the limit is {{term}}). Split it, or raise the size limit in the settings.',
    rationale: 'Checking a file of many megabytes would slow the editor for little gain; review drafts are far smaller.',
    sources: [{ document: 'cspr-lint design' }],
    examples: { valid: [], invalid: [] },
  },
  {
    id: 'rule-failed', category: 'housekeeping', kind: 'check', severity: 'info', scope: 'document', fix: 'none',
    summary: 'A rule stopped with an internal error and was switched off for this document.',
    message: 'The rule {{name}} stopped with an internal error and was switched off for this document; the other rules still ran. Please report it.',
    rationale: 'One faulty rule should never stop the others from reporting.',
    sources: [{ document: 'cspr-lint design' }],
    examples: { valid: [], invalid: [] },
  },
  {
    id: 'inline-disable-forbidden', category: 'housekeeping', kind: 'check', severity: 'info', scope: 'document', fix: 'none',
    summary: 'Inline disable comments are switched off in this workspace.',
    message: 'Switching checks off in the text is not allowed in this workspace, so this comment has no effect. Ask the review\u2019s editor if a finding is wrong.',
    rationale: 'Some partnerships want every finding to stay visible to editors and the Panel; the allowInlineDisable setting turns disable comments off.',
    sources: [{ document: 'cspr-lint design', note: 'As markdownlint\u2019s noInlineConfig option.' }],
    examples: { valid: [], invalid: [] },
  },
  {
    id: 'front-matter-invalid', category: 'housekeeping', kind: 'check', severity: 'warning', scope: 'document', fix: 'none',
    summary: 'The front matter at the top of the draft could not be read.',
    message: '{{reason}}',
    rationale: 'The front matter tells the checker the review type and pseudonyms; if it cannot be read, defaults are used.',
    sources: [{ document: 'cspr-lint design' }],
    examples: { valid: [], invalid: [] },
  },
];

/** Creates a linter from rules kept as data, checks in code and reference data. */
export function createLinter(definitions: readonly RuleDefinition[], options: { checks?: readonly Check[]; data?: LintData } = {}): Linter {
  const compiled: CompiledRule[] = definitions.map(compileRule);
  const blockRules = compiled.filter((r) => r.def.kind !== 'conditional');
  const conditionalRules = compiled.filter((r) => r.def.kind === 'conditional');
  const checks = options.checks ?? builtinChecks;
  const data = options.data ?? makeLintData();
  const metas: RuleMeta[] = [
    ...definitions.map((d): RuleMeta => ({ ...d, kind: d.kind })),
    ...checks.map((c) => c.meta),
    CUSTOM_TERM_META,
    ...SYSTEM_META,
  ];
  const byId = new Map(metas.map((m) => [m.id, m]));
  const textCache = new BoundedCache<BlockText>(20_000);
  // Block rules' findings per block, keyed by what they read: the block, the next prose block, the children's names.
  const findingCache = new BlockCache<CachedFinding[]>(20_000);
  const conditionalCaches = new Map<string, { defines: BlockCache<boolean>; uses: BlockCache<{ at: number; match: string } | null> }>();
  const conditionalFacts = (id: string): { defines: BlockCache<boolean>; uses: BlockCache<{ at: number; match: string } | null> } => {
    let c = conditionalCaches.get(id);
    if (!c) conditionalCaches.set(id, (c = { defines: new BlockCache(20_000), uses: new BlockCache(20_000) }));
    return c;
  };
  function lintBlock(block: Block, next: Block | undefined, childNames: readonly string[], failed: Set<string>): CachedFinding[] {
    const out: CachedFinding[] = [];
    for (const rule of blockRules) {
      if (failed.has(rule.def.id)) continue;
      try {
        runRuleOnBlock(rule, block, next, childNames, out);
      } catch {
        // One faulty rule is switched off for this document; the others still report.
        failed.add(rule.def.id);
      }
    }
    return out;
  }

  function runRuleOnBlock(rule: CompiledRule, block: Block, next: Block | undefined, childNames: readonly string[], out: CachedFinding[]): void {
    {
      const def = rule.def;
      const ctx = def.context ?? {};
      if (def.scope === 'heading' ? block.kind !== 'heading' : !PROSE_KINDS.has(block.kind)) return;
      if (ctx.onlyRoles && !ctx.onlyRoles.includes(block.role)) return;
      const skip = ctx.skipRoles ?? [...NON_PROSE_ROLES].filter((r) => r !== 'quoted-record');
      if (skip.includes(block.role)) return;
      rule.scan.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = nextMatch(rule, block.prose))) {
        if (m[0].length === 0) {
          rule.scan.lastIndex++;
          continue;
        }
        const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
        const sentence = block.sentences.find((s) => s.start <= span.start && span.start < s.end);
        const sentenceText = sentence?.text ?? block.prose;
        if (rule.unlessSentence.some((r) => r.test(sentenceText))) continue;
        if (rule.requireSentence.length > 0 && !rule.requireSentence.some((r) => r.test(sentenceText))) continue;
        if (isDefinitionAt(block, span) && block.role === 'glossary') continue;
        const voice = voiceOf(block, span, next);
        if (voice.kind === 'meta' || voice.kind === 'rejected') continue;
        if (voice.kind === 'quoted' && (voice.challenged || ctx.quoted === 'skip')) continue;
        if (ctx.about === 'child' && sentence) {
          const subject = subjectBefore(sentence.text, span.start - sentence.start, childNames, block.prose.slice(0, sentence.start - block.start));
          if (subject === 'adult') continue;
        }
        const entry = rule.entries.find((e) => e.exact.test(m![0]));
        const replacement = entry?.replacement !== undefined ? preserveCase(m[0], m[0].replace(entry.exact, entry.replacement)) : undefined;
        const quoted = voice.kind === 'quoted';
        const template = quoted ? (def.quotedMessage ?? "'{{match}}' is quoted without comment. Say whose words these are and why the wording matters to the learning.") : def.message;
        const fixes: Fix[] =
          replacement !== undefined && def.fix !== 'none' && !quoted
            ? [{ title: `Replace with "${replacement}"`, kind: def.fix === 'safe' ? 'safe' : 'suggestion', edits: [{ ...span, text: replacement }] }]
            : [];
        out.push({ ruleId: def.id, start: span.start, end: span.end, message: fill(template, { match: m[0], replacement }), quoted, fixes });
      }
    }
  }

  function lint(text: string, lintOptions: LintOptions = {}): LintResult {
    const maxLength = lintOptions.maxLength ?? DEFAULT_MAX_LENGTH;
    if (text.length > maxLength) {
      const doc = parseDocument('', { language: lintOptions.language });
      const meta = byId.get('document-too-large')!;
      return {
        document: { ...doc, text },
        reviewType: lintOptions.reviewTypeOverride ?? lintOptions.reviewType,
        findings: [{ ruleId: meta.id, category: meta.category, severity: 'info', message: fill(meta.message, { count: text.length, term: maxLength }), span: { start: 0, end: 0 }, fixes: [] }],
      };
    }
    const doc = parseDocument(text, { language: lintOptions.language ?? 'markdown', cache: textCache, previous: lintOptions.previous?.document });
    const reviewType = lintOptions.reviewTypeOverride ?? doc.frontMatter.reviewType ?? lintOptions.reviewType;
    const raw: Finding[] = [];
    const failed = new Set<string>();
    const failedBefore = failed.size;
    const add = (meta: RuleMeta, r: Report): void => {
      raw.push({ ruleId: meta.id, category: meta.category, severity: r.severity ?? meta.severity, message: r.message, span: r.span, fixes: r.fixes ?? [], quote: text.slice(r.span.start, r.span.end) });
    };
    if (doc.frontMatter.error && doc.frontMatter.span) {
      add(byId.get('front-matter-invalid')!, { span: { start: 0, end: 3 }, message: doc.frontMatter.error });
    }

    if (lintOptions.allowInlineDisable === false) {
      const meta = byId.get('inline-disable-forbidden')!;
      for (const c of doc.comments) add(meta, { span: c, message: meta.message });
    }
    const childNames = doc.frontMatter.pseudonyms;
    const signature = `${childNames.join('|')}`;
    const prose = doc.blocks.filter((b) => PROSE_KINDS.has(b.kind));
    // The next prose block after each block (rules read it for critiques that follow a quotation).
    const nextProse: (Block | undefined)[] = new Array(doc.blocks.length);
    for (let i = doc.blocks.length - 1, after: Block | undefined; i >= 0; i--) {
      nextProse[i] = after;
      if (PROSE_KINDS.has(doc.blocks[i]!.kind)) after = doc.blocks[i];
    }
    for (let i = 0; i < doc.blocks.length; i++) {
      const block = doc.blocks[i]!;
      if (block.kind === 'code' || block.kind === 'front-matter' || block.kind === 'comment') continue;
      const next = nextProse[i];
      let found = findingCache.get(block, next, signature);
      if (!found) {
        // Cache with offsets relative to the block, so a block that moves keeps its entry.
        found = lintBlock(block, next, childNames, failed).map((f) => ({ ...f, start: f.start - block.start, end: f.end - block.start, fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start - block.start, end: e.end - block.start })) })) }));
        // A block where a rule failed is not cached, so the failure is reported again next time.
        if (failed.size === failedBefore) findingCache.set(block, next, signature, found);
      }
      for (const f of found) {
        const meta = byId.get(f.ruleId)!;
        const span = { start: f.start + block.start, end: f.end + block.start };
        raw.push({
          ruleId: f.ruleId,
          category: meta.category,
          severity: f.quoted ? 'info' : meta.severity,
          message: f.message,
          span,
          fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + block.start, end: e.end + block.start })) })),
          quote: text.slice(span.start, span.end),
        });
      }
    }

    for (const rule of conditionalRules) {
      const def = rule.def;
      try {
        runConditional(rule);
      } catch {
        failed.add(def.id);
      }
    }
    // Document-level rules from per-block facts: whether a block defines the term, and the first
    // use in a block that is neither quoted nor discussed (it reads the next block too). Only
    // changed blocks are looked at again after an edit.
    function runConditional(rule: CompiledRule): void {
      const def = rule.def;
      if (rule.unlessDocument.some((r) => r.test(text))) return;
      const facts = conditionalFacts(def.id);
      if (def.unlessDefined) {
        for (const block of doc.blocks) {
          if (block.kind === 'code' || block.kind === 'front-matter' || block.kind === 'comment') continue;
          let defines = facts.defines.get(block);
          if (defines === undefined) {
            const local = rebaseBlock(block);
            defines = findDefinition({ ...doc, text: detach(text.slice(block.start, block.end)) }, rule.any, [local]) !== undefined;
            facts.defines.set(block, undefined, '', defines);
          }
          if (defines) return;
        }
      }
      for (let i = 0; i < prose.length; i++) {
        const block = prose[i]!;
        if (NON_PROSE_ROLES.has(block.role) && block.role !== 'quoted-record') continue;
        const next = prose[i + 1];
        let use = facts.uses.get(block, next);
        if (use === undefined) {
          use = null;
          rule.scan.lastIndex = 0;
          const m = nextMatch(rule, block.prose);
          if (m) {
            const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
            const voice = voiceOf(block, span, next);
            // "Not professionally curious" still uses the term, so only quotations and discussion are exempt.
            if (voice.kind !== 'meta' && voice.kind !== 'quoted') use = { at: m.index, match: detach(m[0]) };
          }
          facts.uses.set(block, next, '', use);
        }
        if (!use) continue;
        const span = { start: block.start + use.at, end: block.start + use.at + use.match.length };
        add({ ...def, kind: def.kind }, { span, message: fill(def.message, { match: use.match, term: use.match }) });
        return;
      }
    }

    const lintData = lintOptions.acronymAllow?.length ? { ...data, acronymAllow: new Set([...data.acronymAllow, ...lintOptions.acronymAllow]) } : data;
    const ctxBase = { doc, reviewType, data: lintData, prose };
    for (const check of lintOptions.customTerms ? [...checks, lintOptions.customTerms] : checks) {
      const local: Finding[] = [];
      const ctx: CheckContext = { ...ctxBase, report: (r) => local.push({ ruleId: check.meta.id, category: check.meta.category, severity: r.severity ?? check.meta.severity, message: r.message, span: r.span, fixes: r.fixes ?? [], quote: text.slice(r.span.start, r.span.end) }) };
      try {
        check.run(ctx);
        raw.push(...local);
      } catch {
        failed.add(check.meta.id);
      }
    }
    // Switched off for the whole document: drop what a failed rule found before it failed, or in cached blocks.
    if (failed.size > 0) raw.splice(0, raw.length, ...raw.filter((f) => !failed.has(f.ruleId)));
    for (const id of failed) add(byId.get('rule-failed')!, { span: { start: 0, end: 0 }, message: fill(byId.get('rule-failed')!.message, { name: id }) });

    const severityFor = (f: Finding): Severity | 'off' => {
      if (META_RULE_IDS.has(f.ruleId)) return f.severity;
      return applySeverity(byId.get(f.ruleId)!, f.severity, reviewType, lintOptions.severities);
    };
    const findings = suppress(doc, raw, lintOptions.allowInlineDisable ?? true, byId)
      .map((f) => ({ ...f, severity: severityFor(f) }))
      .filter((f): f is Finding => f.severity !== 'off')
      .map((f) => clampFinding(f, text.length))
      .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
    return { findings, document: doc, reviewType };
  }

  return { rules: metas, meta: (id) => byId.get(id), lint };
}


function clampFinding(f: Finding, length: number): Finding {
  const c = (n: number): number => Math.max(0, Math.min(length, n));
  return { ...f, span: { start: c(f.span.start), end: Math.max(c(f.span.start), c(f.span.end)) } };
}

/** The zero-based line and UTF-16 character of an offset, for adapters that need them. */
export function positionOf(doc: ParsedDocument, offset: number): { line: number; character: number } {
  const line = lineOf(doc.lineStarts, offset);
  return { line, character: offset - doc.lineStarts[line]! };
}
