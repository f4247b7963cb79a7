/** Finds where a draft defines a term: a glossary entry, "in this review, X means…", a footnote. */
import type { Block, ParsedDocument } from '../document/model';
import type { Span } from '../types';

// Cues after a term that introduce its definition.
const DEFINES_AFTER = /^\s*["'”’]?\s*(\)|\]|,)?\s*(\(([^)]*)\)\s*)?(:|–|—|-\s|means\b|is (defined|used|understood|taken|described) (as|to mean|here|in this review)|refers to\b|describes\b|is a term\b|is the (term|idea|practice|concept)\b|is when\b|is where\b|is (a|an|the) \w+ (that|which|where|in which|of|for)\b|(is|are) used (here )?to (mean|describe)|,? (which|that) (means|describes|refers to)|, (which|that) (is|are) (the|a|an) \w+|,? by which)/i;
// Cues before a term: "by X we mean", "we use X to mean", "what is meant by X".
const DEFINES_BEFORE = /\b(by|the term|the phrase|the concept of|what is meant by|we use|is known as|are known as|called|described as|defined as|referred to as)\s*["'“‘]?\s*$/i;

/** True when the match at `span` inside `block` sits in a definition of the term. */
export function isDefinitionAt(block: Block, span: Span): boolean {
  if (block.role === 'glossary') return true;
  if (block.cell && block.cell.column === 0 && /\b(term|acronym|abbreviation|word|phrase)\b/i.test(block.cell.header)) return true;
  const rel = span.end - block.start;
  const after = block.prose.slice(rel, rel + 80);
  const before = block.prose.slice(Math.max(0, span.start - block.start - 60), span.start - block.start);
  if (DEFINES_AFTER.test(after)) {
    // "X: " only defines at the start of a list item or paragraph, not mid-sentence.
    const colon = /^\s*["'”’]?\s*(:|–|—|-\s)/.test(after);
    if (!colon || /^\s*["'“‘]?\s*$/.test(block.prose.slice(0, span.start - block.start))) return true;
  }
  if (DEFINES_BEFORE.test(before)) return true;
  // A footnote definition: "[^2]: Professional curiosity is …".
  if (/^\[\^[^\]]+\]:/.test(block.prose.trimStart()) || /^\s*\[\^/.test(block.prose)) return true;
  return false;
}

/** The first place `pattern` is defined in the document, if it is. */
export function findDefinition(doc: ParsedDocument, pattern: RegExp, blocks: readonly Block[] = doc.blocks): Span | undefined {
  const g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const block of blocks) {
    if (block.kind === 'code' || block.kind === 'front-matter' || block.kind === 'comment') continue;
    // Footnote definitions are masked in prose; look at the raw text for them.
    const raw = doc.text.slice(block.start, block.end);
    const isFootnote = /^\s*\[\^[^\]]+\]:/.test(raw);
    g.lastIndex = 0;
    let m: RegExpExecArray | null;
    const hay = isFootnote ? raw : block.prose;
    while ((m = g.exec(hay))) {
      const span = { start: block.start + m.index, end: block.start + m.index + m[0].length };
      if (isFootnote || isDefinitionAt(block, span)) return span;
      if (m[0].length === 0) g.lastIndex++;
    }
  }
  return undefined;
}
