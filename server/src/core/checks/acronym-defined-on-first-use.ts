/** Reports acronyms a lay reader cannot decode: not spelled out at first use and not in the glossary. */
import type { Check, CheckContext } from '../check';
import type { Block } from '../document/model';
import type { Fix, Span } from '../types';

const TOKEN = /(?<![\p{L}\p{N}&\-/.@])([A-Z][A-Z0-9&]*[A-Z0-9])(s|'s|’s|s'|s’)?(?![\p{L}\p{N}&\-/@]|\.[A-Za-z])/gu;
// Codes that anonymise people ("Child LM", "Adult A") and honorifics before initials are not acronyms.
const ANON_BEFORE = /\b(child|adult|male|female|mother|father|sibling|person|parent|family|professional|practitioner|worker|officer|mr|mrs|ms|miss|mx|dr|baby|subject|case|participant|young person|carer|partner|grandparent|brother|sister|uncle|aunt|step-?father|step-?mother|agency|school|victim|perpetrator|witness)\.?\s+$/i;
const ROMAN = /^[IVXLCDM]+$/;
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&', 'a', 'an', 'at', 'with', 'by']);

interface Use {
  block: Block;
  span: Span;
  acronym: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `words` (an expansion) has initials that make up `acronym`. */
export function initialsMatch(words: string, acronym: string): boolean {
  const letters = acronym.replace(/[^A-Z]/g, '');
  const parts = words.split(/[\s\-–]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  const initials = parts.map((w) => w[0]!.toUpperCase()).join('');
  if (initials === letters) return true;
  // Allow words that give two letters ("Multi-Agency" gives MA) and small words counted in ("Child In Need").
  const all = words.split(/[\s\-–]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('');
  return all === letters || (letters.length >= 2 && initials.startsWith(letters) && parts.length - letters.length <= 1);
}

function inCitation(block: Block, span: Span): boolean {
  const rel = span.start - block.start;
  const open = block.prose.lastIndexOf('(', rel);
  const close = block.prose.indexOf(')', rel);
  if (open < 0 || close < 0 || block.prose.lastIndexOf(')', rel) > open) return false;
  return /\b(19|20)\d\d\b/.test(block.prose.slice(open, close));
}

function shouting(block: Block, span: Span): boolean {
  const s = block.sentences.find((x) => x.start <= span.start && span.start < x.end);
  const text = s?.text ?? block.prose;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 8 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.8;
}

/** Is this use itself a spelling-out: "child sexual exploitation (CSE)", "CSE (child sexual exploitation)", "CSE: …"? */
function definesHere(block: Block, span: Span, acronym: string): boolean {
  const rel = span.start - block.start;
  const relEnd = span.end - block.start;
  const before = block.prose.slice(Math.max(0, rel - 120), rel);
  const after = block.prose.slice(relEnd, relEnd + 160);
  const bracketAfter = /^\s*[([]\s*([^)\]]{3,150})[)\]]/.exec(after);
  if (bracketAfter && /\p{Ll}|\s/u.test(bracketAfter[1]!)) return true;
  const bracketBefore = /([\p{L}'’\-]+(?:\s+[\p{L}'’\-&]+){0,9})\s*[([]\s*$/u.exec(before);
  if (bracketBefore && /^\s*[)\]]/.test(after)) return true;
  // "CSE means…", "CSE – child sexual exploitation" at the start of a list item or cell.
  const atStart = /^\s*$/.test(block.prose.slice(0, rel));
  if (atStart && /^\s*(:|–|—|-|=|\|)\s*\S/.test(after)) return true;
  if (/^\s*(stands for|is short for|means)\b/i.test(after)) return true;
  // "the Multi-Agency Safeguarding Hub, or MASH," and "known as MASH".
  if (/\b(or|known as|called|referred to as)\s*["'“‘]?$/i.test(before.trimEnd()) && initialsMatch(before.replace(/,?\s*(or|known as|called|referred to as)\s*["'“‘]?\s*$/i, '').split(/[,.(;:]/).pop() ?? '', acronym)) return true;
  return false;
}

function collectUses(ctx: CheckContext): Use[] {
  const uses: Use[] = [];
  for (const block of ctx.prose) {
    if (block.role === 'references' || block.role === 'contents') continue;
    if (!/[A-Z]{2}|[A-Z]&[A-Z]/.test(block.prose)) continue;
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(block.prose))) {
      const acronym = m[1]!;
      if (acronym.replace(/[^A-Z]/g, '').length < 2 || /^\d/.test(acronym)) continue;
      const span = { start: block.start + m.index, end: block.start + m.index + acronym.length };
      uses.push({ block, span, acronym });
    }
  }
  return uses;
}

function expansionFor(ctx: CheckContext, acronym: string, glossary: Map<string, string>): { text: string; safe: boolean } | undefined {
  const own = glossary.get(acronym);
  if (own) return { text: own, safe: true };
  const entry = ctx.data.acronyms.get(acronym);
  if (!entry || entry.expansions.length === 0) return undefined;
  return { text: entry.expansions[0]!, safe: entry.expansions.length === 1 };
}

/** The check. */
export const acronymDefinedOnFirstUse: Check = {
  meta: {
    id: 'acronym-defined-on-first-use',
    category: 'jargon',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'safe',
    summary: 'Spell out each acronym the first time it is used, or define it in the glossary.',
    message: "'{{term}}' is not spelled out where it is first used. Families and the public read published reviews and cannot decode agency shorthand; write it in full the first time{{expansion}}, or add it to the glossary.",
    rationale:
      'Published reviews are read by families, elected members and the public, not only by safeguarding professionals. The national Panel asks that reviews are written so a lay reader can follow them, and the annual review of local reviews found reports that left agency shorthand unexplained. Spelling an acronym out at first use, or listing it in a glossary, costs a few words and removes a barrier for every reader. Later uses after the definition are fine, and so are acronyms everyone knows (GP, NHS, UK), which a workspace can extend.',
    good: 'The Multi-Agency Safeguarding Hub (MASH) received the referral. Later the MASH shared it with health.',
    sources: [
      { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs: clarity and accessibility of reports (digest section 1.3, rule 16)' },
      { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023: writing reports the public can understand' },
    ],
    examples: {
      valid: [
        { text: 'The Multi-Agency Safeguarding Hub (MASH) received the referral. The MASH passed it on the same day.' },
        { text: 'Child sexual exploitation (CSE) was not recognised. Later, CSE was discussed at the strategy meeting.' },
        { text: 'CSE (child sexual exploitation) was not recognised.' },
        { text: 'Child B saw the GP twice and attended A&E once.' },
        { text: 'Adult A and Child LM lived with Mr AB in the UK.' },
        { text: 'Local guidance (Northshire LSCB, 2019) sets out the threshold.' },
        { text: 'Child B was seen by CAMHS.\n\n## Glossary\n\n| Acronym | Meaning |\n| --- | --- |\n| CAMHS | Child and Adolescent Mental Health Services |' },
        { text: '# MASH response\n\nThe Multi-Agency Safeguarding Hub (MASH) met.' },
      ],
      invalid: [
        {
          text: 'The MASH received the referral.',
          match: 'MASH',
          output: 'The Multi-Agency Safeguarding Hub (MASH) received the referral.',
        },
        { text: 'Two ICPCs were held. An initial child protection conference (ICPC) was held in May.', match: 'ICPC' },
        { text: 'The case was discussed at the ZXQ panel.', match: 'ZXQ' },
      ],
    },
  },
  run(ctx) {
    const uses = collectUses(ctx);
    if (uses.length === 0) return;
    const glossary = new Map<string, string>();
    const defined = new Set<string>();
    // Glossary entries anywhere define an acronym for the whole review.
    for (const u of uses) {
      const b = u.block;
      const isGlossaryCell = b.cell && /\b(acronym|abbreviation|term|short|initials)\b/i.test(b.cell.header);
      if (b.role === 'glossary' || isGlossaryCell) {
        defined.add(u.acronym);
        const after = b.prose.slice(u.span.end - b.start).replace(/^\s*(:|–|—|-|=|\))\s*/, '').split(/\n/)[0]!.trim();
        if (after && after.length < 120 && !b.cell) glossary.set(u.acronym, after.replace(/[.;]$/, ''));
      }
    }
    // Table glossaries: the cell beside the acronym.
    for (const b of ctx.prose) {
      if (!b.cell || b.cell.column !== 1) continue;
      const left = ctx.prose.find((x) => x.cell && x.cell.row === b.cell!.row && x.cell.column === 0 && x.end <= b.start && b.start - x.end < 400 && x.sectionPath.join() === b.sectionPath.join());
      if (!left) continue;
      const acr = left.prose.trim();
      if (/^[A-Z][A-Z0-9&]+$/.test(acr) && (defined.has(acr) || /\b(meaning|stands for|full|definition|description|expansion)\b/i.test(b.cell.header))) {
        defined.add(acr);
        glossary.set(acr, b.prose.trim().replace(/[.;]$/, ''));
      }
    }
    const seen = new Set<string>();
    for (const u of uses) {
      const { block, span, acronym } = u;
      if (seen.has(acronym) || defined.has(acronym)) continue;
      if (block.kind === 'heading' || block.role === 'glossary' || block.role === 'quoted-record') continue;
      if (ctx.data.acronymAllow.has(acronym) || ROMAN.test(acronym)) continue;
      const before = block.prose.slice(Math.max(0, span.start - block.start - 30), span.start - block.start);
      if (ANON_BEFORE.test(before)) continue;
      if (inCitation(block, span) || shouting(block, span)) continue;
      seen.add(acronym);
      if (definesHere(block, span, acronym)) continue;
      // A full name written earlier with matching initials counts ("the Northshire Safeguarding Children Partnership … NSCP").
      const earlier = ctx.doc.text.slice(0, span.start);
      if (acronym.length >= 3 && new RegExp(acronym.replace(/[^A-Z]/g, '').split('').map((c) => `\\b${escape(c)}[\\p{L}'’-]*`).join("(?:\\s+(?:of|and|the|for|in|on|&))*\\s+"), 'u').test(earlier)) continue;
      const expansion = expansionFor(ctx, acronym, glossary);
      const fixes: Fix[] = expansion
        ? [{ title: `Spell out as "${expansion.text} (${acronym})"`, kind: expansion.safe ? 'safe' : 'suggestion', edits: [{ ...span, text: `${expansion.text} (${acronym})` }] }]
        : [];
      ctx.report({
        span,
        message: this.meta.message.replace('{{term}}', acronym).replace('{{expansion}}', expansion ? `, for example '${expansion.text} (${acronym})'` : ''),
        fixes,
      });
    }
  },
};
