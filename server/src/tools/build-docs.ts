/** Generates one documentation page per rule, and an index, entirely from each rule's own metadata. */
import type { Category, RuleMeta } from '../core/types';
import { CATEGORIES, CATEGORY_TITLES } from '../core/types';

const FIX_TEXT = { safe: 'Yes, a safe fix that can be applied with "Fix all".', suggestion: 'A suggestion, offered one at a time, because it changes the wording\u2019s meaning.', none: 'No automatic fix: the author needs to write it.' };

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}markdown\n${text}\n${f}`;
}

/** The Markdown page for one rule. */
export function rulePage(m: RuleMeta): string {
  const lines = [`# ${m.id}`, '', m.summary, ''];
  lines.push(`- **Category:** ${CATEGORY_TITLES[m.category]} (\`${m.category}\`)`);
  lines.push(`- **Severity:** ${m.severity}${m.severityByReviewType ? ` (${Object.entries(m.severityByReviewType).map(([t, s]) => `${s} for ${t}`).join(', ')})` : ''}`);
  lines.push(`- **Fix:** ${FIX_TEXT[m.fix]}`);
  if (m.defaultOff) lines.push('- **Off by default:** turn it on in the settings.');
  lines.push('', '## Why it matters', '', m.rationale.trim(), '');
  if (m.good) lines.push('## What good looks like', '', `> ${m.good.replace(/\n/g, '\n> ')}`, '');
  lines.push('## Sources', '');
  for (const s of m.sources) lines.push(`- ${[s.document, s.year, s.section].filter(Boolean).join(', ')}${s.note ? `. ${s.note}` : ''}`);
  lines.push('');
  if (m.examples.invalid.length) {
    lines.push('## Reported', '');
    for (const ex of m.examples.invalid) {
      lines.push(fence(ex.text), '', `Reported: \`${ex.match.replace(/`/g, "'")}\`${ex.severity && ex.severity !== m.severity ? ` (as ${ex.severity})` : ''}${ex.note ? `, ${ex.note}` : ''}.`, '');
      if (ex.output !== undefined) lines.push('After the fix:', '', fence(ex.output), '');
    }
  }
  if (m.examples.valid.length) {
    lines.push('## Not reported', '');
    for (const ex of m.examples.valid) lines.push(fence(ex.text), ...(ex.note ? ['', `Not reported: ${ex.note}.`] : []), '');
  }
  lines.push('## Switching it off', '', 'Set its severity to `off` in the settings (`csprLint.rules`) or in `.cspr-lint.yaml`:', '', '```yaml', 'rules:', `  ${m.id}: off`, '```', '', 'or for one line, with a reason:', '', '```markdown', `<!-- cspr-lint-disable-next-line ${m.id} -- your reason -->`, '```', '');
  return lines.join('\n');
}

/** The index of every rule, grouped by category. */
export function indexPage(metas: readonly RuleMeta[]): string {
  const lines = ['# cspr-lint rules', '', 'Generated from the rule files by `npm run docs`; do not edit by hand.', ''];
  for (const c of CATEGORIES) {
    const rules = metas.filter((m) => m.category === c).sort((a, b) => a.id.localeCompare(b.id));
    if (rules.length === 0) continue;
    lines.push(`## ${CATEGORY_TITLES[c]}`, '', '| Rule | Severity | Fix | What it checks |', '| --- | --- | --- | --- |');
    for (const r of rules) lines.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${r.fix} | ${r.summary.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Every generated file, by name within rules/docs. */
export function generateDocs(metas: readonly RuleMeta[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of metas) files.set(`${m.id}.md`, rulePage(m));
  files.set('README.md', indexPage(metas));
  return files;
}

/** The `csprLint.rules` setting's schema for package.json, with one entry per rule. */
export function rulesSettingSchema(metas: readonly RuleMeta[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const m of [...metas].sort((a, b) => a.id.localeCompare(b.id))) {
    properties[m.id] = { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], description: `${m.summary} (default: ${m.defaultOff ? 'off' : m.severity})` };
  }
  return {
    type: 'object',
    default: {},
    additionalProperties: { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'] },
    properties,
    markdownDescription: 'Severity for each rule, or `off`. For example `{ "acronym-defined-on-first-use": "info" }`. See the rule documentation for what each rule checks.',
  };
}
