/** Works out what a section is for from its heading, in the many ways review authors name them. */
import type { BlockRole } from './model';

// Order matters: the first pattern that matches a heading decides its role.
const HEADING_ROLES: ReadonlyArray<[RegExp, BlockRole]> = [
  [/\b(glossary|definitions?|terminology|abbreviations|acronyms|key terms|terms used)\b/i, 'glossary'],
  [/\b(references|bibliography|sources|further reading|reading list|documents? (reviewed|consulted))\b/i, 'references'],
  [/\b(appendix|appendices|annex|annexe)\b/i, 'appendix'],
  [/^\s*(table of )?contents\s*$/i, 'contents'],
  [/\brecommendations?\b|\bactions? for the partnership\b|\bconsiderations for\b|\bquestions for the partnership\b/i, 'recommendations'],
  [/\b(chronology|timeline|key (episodes?|events|practice episodes)|summary of events|what happened)\b/i, 'chronology'],
  [/\b(involvement|participation|contribution|views?) of (the )?(child|family|parents?|mother|father|carers?)|\b(family|parental|child'?s?) (involvement|participation|contribution|views|perspective)|\bvoice of the child\b|\bchild'?s voice\b|\bwhat the family (told|said)/i, 'involvement'],
  [/\b(method(ology)?|methods|approach|process of the review|review process|terms of reference|scope)\b/i, 'method'],
  [/\bfindings?\b|\blearning\b|\bconclusions?\b/i, 'findings'],
  [/\banalysis\b|\bappraisal\b|\bpractice issues\b|\bthemes?\b/i, 'analysis'],
  [/\bbackground|family (background|composition|history)|context|daily life|who (is|was) (child|the child)|identity\b/i, 'background'],
  [/\b(introduction|summary|overview|purpose|executive summary|foreword)\b/i, 'introduction'],
];

/** The role a heading gives its section, or undefined when the heading says nothing about it. */
export function roleForHeading(title: string): BlockRole | undefined {
  for (const [pattern, role] of HEADING_ROLES) if (pattern.test(title)) return role;
  return undefined;
}

/** Roles whose text is not the author's running prose: words there are cited, defined or quoted. */
export const NON_PROSE_ROLES: ReadonlySet<BlockRole> = new Set(['glossary', 'references', 'contents', 'quoted-record']);
