/** The document model shared by all rules: blocks with roles, sentences and quotations, all in UTF-16 offsets. */
import type { ReviewType, Span } from '../types';

/** What a block is, syntactically. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'table-cell'
  | 'block-quote'
  | 'code'
  | 'front-matter'
  | 'comment';

/**
 * What a block is for in the review. Rules use it to stay quiet where a word is defined,
 * cited or quoted rather than used, and to look for things where they belong.
 */
export type BlockRole =
  | 'title'
  | 'contents'
  | 'introduction'
  | 'method'
  | 'involvement'
  | 'background'
  | 'chronology'
  | 'analysis'
  | 'findings'
  | 'recommendations'
  | 'glossary'
  | 'references'
  | 'appendix'
  | 'quoted-record'
  | 'body';

/** A quotation inside a block. `closed` is false when the closing mark never came. */
export interface Quote extends Span {
  /** The span of the words inside the marks. */
  inner: Span;
  closed: boolean;
  mark: 'double' | 'single' | 'curly-double' | 'curly-single';
}

/** A sentence: its span and the masked prose it covers. */
export interface Sentence extends Span {
  text: string;
}

/** Table position of a table cell. */
export interface CellPosition {
  row: number;
  column: number;
  /** The header text of the cell's column, when the table has one. */
  header: string;
  /** True for the header row itself. */
  isHeader: boolean;
}

/** A block of the document. */
export interface Block extends Span {
  kind: BlockKind;
  role: BlockRole;
  /** Heading texts from the top level down to the section that holds this block. */
  sectionPath: readonly string[];
  /** Heading level for headings (1-6). */
  level?: number;
  /**
   * The block's text with Markdown markup, links' targets, inline code and comments replaced by
   * spaces. It has exactly the block's length, so an index into it is an index into the document.
   */
  prose: string;
  sentences: readonly Sentence[];
  quotes: readonly Quote[];
  cell?: CellPosition;
  /** Zero-based index among the document's prose blocks (paragraphs, list items, cells, quotes). */
  paragraphIndex: number;
}

/** A section of the document under one heading. */
export interface Section extends Span {
  title: string;
  level: number;
  role: BlockRole;
  path: readonly string[];
  /** The heading block's span. */
  heading: Span;
}

/** An inline disable comment. */
export interface DisableComment extends Span {
  /** Rule ids named, or empty for all rules. */
  ruleIds: string[];
  reason: string;
  scope: 'next-line' | 'line' | 'file';
  /** The line (0-based) the comment applies to. */
  targetLine: number;
}

/** Front matter fields the rules understand, plus anything else the author wrote. */
export interface FrontMatter {
  span?: Span;
  reviewType?: ReviewType;
  pseudonyms: string[];
  publication?: string;
  /** A message when the front matter could not be read. */
  error?: string;
  raw: Record<string, unknown>;
}

/** The whole parsed document. */
export interface ParsedDocument {
  text: string;
  language: 'markdown' | 'plaintext';
  blocks: readonly Block[];
  sections: readonly Section[];
  frontMatter: FrontMatter;
  comments: readonly DisableComment[];
  /** Offsets at which each line starts, for line lookups. */
  lineStarts: readonly number[];
}
