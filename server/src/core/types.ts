/** Plain data shared by every layer: spans, fixes, findings and rule metadata. Offsets are UTF-16 indices. */

/** A half-open range of UTF-16 code-unit offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A replacement of one span by new text. */
export interface Edit extends Span {
  text: string;
}

/** How far a fix may be trusted: safe fixes may be applied in bulk, suggestions only one at a time. */
export type FixKind = 'safe' | 'suggestion';

/** One way of mending a finding, as data. */
export interface Fix {
  title: string;
  kind: FixKind;
  edits: Edit[];
}

/** Severity names, ordered from most to least serious. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A severity as configured by a user: a severity or off. */
export type SeveritySetting = Severity | 'off';

/** The fixed set of rule categories. */
export type Category =
  | 'family-involvement'
  | 'victim-blaming'
  | 'adultification'
  | 'identity-context'
  | 'jargon'
  | 'equality'
  | 'analysis'
  | 'recommendations'
  | 'anonymisation'
  | 'plain-english'
  | 'housekeeping';

export const CATEGORIES: readonly Category[] = [
  'family-involvement',
  'victim-blaming',
  'adultification',
  'identity-context',
  'jargon',
  'equality',
  'analysis',
  'recommendations',
  'anonymisation',
  'plain-english',
  'housekeeping',
];

/** Each category's title, as the docs, the quality summary and the report show it. */
export const CATEGORY_TITLES: Record<Category, string> = {
  'family-involvement': 'Family and child involvement',
  'victim-blaming': 'Victim-blaming language',
  adultification: 'Adultifying language',
  'identity-context': 'Identity: ethnicity, culture, religion, language, disability',
  jargon: 'Jargon and acronyms',
  equality: 'Inclusive language',
  analysis: 'Analysis: hindsight, blame and verdicts',
  recommendations: 'Recommendations',
  anonymisation: 'Ready for publication: anonymisation',
  'plain-english': 'Plain English',
  housekeeping: 'Checker housekeeping',
};

/** The statutory kinds of review the tool knows. */
export type ReviewType = 'rapid-review' | 'lcspr' | 'national';
export const REVIEW_TYPES: readonly ReviewType[] = ['rapid-review', 'lcspr', 'national'];

/** Something the linter reports. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  /** The flagged words, for reports that quote them. */
  quote?: string;
}

/** A source a rule rests on: a seed document (by file name) or published guidance, with year and section. */
export interface RuleSource {
  document: string;
  year?: number;
  section?: string;
  note?: string;
}

/** An example that must not produce a finding from the rule. */
export interface ValidExample {
  text: string;
  reviewType?: ReviewType;
  note?: string;
}

/** An example that must produce a finding on exactly `match`. */
export interface InvalidExample {
  text: string;
  /** The exact flagged text; must occur in `text`. */
  match: string;
  /** The text after applying the first fix, when the rule has one. */
  output?: string;
  severity?: Severity;
  reviewType?: ReviewType;
  note?: string;
}

/** Where a rule looks. */
export type Scope = 'sentence' | 'paragraph' | 'heading' | 'document';

/** The metadata every rule has, whether it is data (YAML) or code (a check). */
export interface RuleMeta {
  id: string;
  category: Category;
  kind: 'existence' | 'substitution' | 'conditional' | 'check';
  severity: Severity;
  /** Severity overrides per review type, for example lighter for rapid reviews. */
  severityByReviewType?: Partial<Record<ReviewType, SeveritySetting>>;
  scope: Scope;
  fix: 'safe' | 'suggestion' | 'none';
  summary: string;
  message: string;
  rationale: string;
  /** What good wording looks like, shown in hovers and docs. */
  good?: string;
  sources: RuleSource[];
  examples: { valid: ValidExample[]; invalid: InvalidExample[] };
  /** Off unless a user turns it on. */
  defaultOff?: boolean;
}
