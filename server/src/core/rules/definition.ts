/** The shape of a rule kept as data (`rules/<category>/<id>.yaml`), after schema validation. */
import type { RuleMeta } from '../types';

/** One substitution: a pattern and the wording to offer instead ($1-style group references allowed). */
export interface Swap {
  pattern: string;
  replacement: string;
}

/** Context options that keep a rule quiet where the words are not the author's own framing. */
export interface RuleContext {
  /** `child`: stay quiet when the words are about an adult. */
  about?: 'child' | 'any';
  /** How to treat a match inside an unchallenged quotation: a note asking for attribution, or nothing. */
  quoted?: 'note' | 'skip';
  /** Patterns that, found in the same sentence, mean the rule does not apply. */
  unlessSentence?: string[];
  /** Patterns that must also be in the sentence for the rule to apply. */
  requireSentence?: string[];
  /** Roles to stay out of, replacing the default (glossary, references, contents). */
  skipRoles?: string[];
  /** Only look in these roles. */
  onlyRoles?: string[];
}

/** A rule as data. */
export interface RuleDefinition extends Omit<RuleMeta, 'kind'> {
  kind: 'existence' | 'substitution' | 'conditional';
  /** For existence and conditional: the patterns to look for. */
  patterns?: string[];
  /** For substitution: what to offer instead of each pattern. */
  swap?: Swap[];
  /** Message used for a match inside an unchallenged quotation. */
  quotedMessage?: string;
  /** For conditional: the term counts as fine once the document defines it. */
  unlessDefined?: boolean;
  /** For conditional: patterns anywhere in the document that satisfy the rule. */
  unlessDocument?: string[];
  /** Case-sensitive matching; the default is to ignore case. */
  caseSensitive?: boolean;
  context?: RuleContext;
  /** The file it came from, for messages about the rule itself. */
  file?: string;
}
