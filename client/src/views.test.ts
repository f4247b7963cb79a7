/** The pure parts of the VS Code client: rule page rendering, view HTML, templates, the quality summary. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEngine } from '../../server/src/engine';
import { mergeSettings } from '../../server/src/config';
import { qualitySummary } from '../../server/src/lsp/summary';
import { escapeHtml, renderMarkdown } from './markdown';
import { summaryHtml, summaryMarkdown } from './summary-view';
import { fillTemplate, pseudonymProblem, TEMPLATES } from './templates';
import { csp, page } from './webview';

const ROOT = join(__dirname, '..', '..');
const engine = createEngine();

function summarise(text: string) {
  const doc = TextDocument.create('file:///tmp/draft.md', 'markdown', 1, text);
  return qualitySummary(doc, engine.lint(text, 'markdown', mergeSettings({})), engine);
}

describe('rule documentation rendering', () => {
  it('renders headings, lists, quotations, code, tables and inline marks, escaping everything', () => {
    const html = renderMarkdown('# Title <b>\n\nA *short* **bold** `code <x>` line\ncontinued.\n\n- one\n- two with [a rule](other-rule.md)\n\n> quoted\n\n````markdown\n<!-- x -->\n```\n````\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n');
    expect(html).toContain('<h1>Title &lt;b&gt;</h1>');
    expect(html).toContain('<p>A <em>short</em> <strong>bold</strong> <code>code &lt;x&gt;</code> line continued.</p>');
    expect(html).toContain('<li>two with <a href="#" data-rule="other-rule">a rule</a></li>');
    expect(html).toContain('<blockquote><p>quoted</p></blockquote>');
    expect(html).toContain('<pre><code>&lt;!-- x --&gt;\n```</code></pre>');
    expect(html).toContain('<td>1</td><td>2</td>');
    expect(html).not.toMatch(/<b>|<x>/);
  });

  it('shows external addresses as text, never as links', () => {
    expect(renderMarkdown('See [the guidance](https://example.org/x).')).toBe('<p>See the guidance (https://example.org/x).</p>');
  });

  it('renders every generated rule page without raw HTML', () => {
    const dir = join(ROOT, 'rules', 'docs');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const html = renderMarkdown(readFileSync(join(dir, f), 'utf8'));
      expect(html, f).toMatch(/^<h1>/);
      expect(html, f).not.toMatch(/<(script|img|iframe|style)/i);
    }
  });
});

describe('views', () => {
  it('have a strict content security policy: nothing remote, one nonce for style and script', () => {
    const html = page('T', '<p>x</p>', 'abc', 'void 0');
    expect(csp('abc')).toMatch(/^default-src 'none';/);
    expect(html).toContain(`content="${csp('abc')}"`);
    expect(html).toContain('<style nonce="abc">');
    expect(html).toContain('<script nonce="abc">void 0</script>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(escapeHtml(`<"'&>`)).toBe('&lt;&quot;&#39;&amp;&gt;');
  });
});

describe('quality summary', () => {
  const DRAFT = '# Review\n\nChild B, aged 14, was putting herself at risk.\n\n## Key episodes\n\nThe MASH met on Monday.\n\n### Later\n\nShe was putting herself at risk again.\n\n## Glossary\n\n- Term: meaning.\n';

  it('counts findings by category and by the deepest section that holds them', () => {
    const s = summarise(DRAFT);
    expect(s.analysed).toBe(true);
    expect(s.total).toBeGreaterThanOrEqual(3);
    expect(s.byCategory.find((c) => c.category === 'victim-blaming')?.count).toBe(2);
    const section = (t: string) => s.bySection.find((x) => x.title === t);
    expect(section('Review')?.byCategory['victim-blaming']).toBe(1);
    expect(section('Later')?.byCategory['victim-blaming']).toBe(1);
    expect(section('Key episodes')?.byCategory.jargon).toBe(1);
    expect(section('Later')?.path).toEqual(['Review', 'Key episodes', 'Later']);
    expect(s.bySection.reduce((n, x) => n + x.count, 0)).toBe(s.total);
    expect(s.bySeverity.warning).toBeGreaterThanOrEqual(3);
  });

  it('counts text before the first heading, and an empty draft', () => {
    const s = summarise('Child B, aged 14, was putting herself at risk.\n\n# Later\n\nNothing.\n');
    expect(s.bySection[0]).toMatchObject({ title: '(before the first heading)', line: -1 });
    expect(summarise('').total).toBe(0);
  });

  it('renders as HTML and as Markdown, escaping headings', () => {
    const s = summarise('# <Review> | one\n\nChild B, aged 14, was putting herself at risk.\n');
    const html = summaryHtml(s, 'draft.md');
    expect(html).toContain('&lt;Review&gt;');
    expect(html).toContain('data-rule="no-putting-self-at-risk"');
    expect(html).toMatch(/By section/);
    const md = summaryMarkdown(s, 'draft.md');
    expect(md).toContain('# Quality summary: draft.md');
    expect(md).toContain('| <Review> \\| one |');
    expect(summaryHtml(summarise('# Fine\n\nNothing to see.\n'), 'x')).toBeDefined();
    // The page saved for printing has no buttons and, wrapped by page() without a script, no script.
    const printable = page('Quality summary', summaryHtml(s, 'draft.md', { actions: false }));
    expect(printable).not.toMatch(/<button|<script/);
    expect(html).toMatch(/<button id="save"/);
  });
});

describe('review draft templates', () => {
  const SECTIONS = ['Introduction', 'Terms of reference', 'Method', 'Involvement of the child and family', "Child A's daily life and voice", 'Identity', 'Key episodes', 'Analysis', 'Findings', 'Recommendations', 'Glossary'];

  for (const t of TEMPLATES) {
    it(`${t.label}: every section, the pseudonym filled in, and nothing the checker calls a warning`, () => {
      const text = fillTemplate(readFileSync(join(ROOT, 'client', 'templates', t.file), 'utf8'), { pseudonym: ' Child A ' });
      for (const h of SECTIONS) expect(text, h).toContain(`\n## ${h}\n`);
      expect(text).not.toContain('{{');
      expect(text).toContain(`review-type: ${t.id}`);
      expect(text).toContain('pseudonyms: [Child A]');
      const result = engine.lint(text, 'markdown', mergeSettings({}));
      expect(result.reviewType).toBe(t.id);
      // The recommendation placeholder may be flagged as incomplete: that is its purpose.
      const serious = result.findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && f.ruleId !== 'recommendation-incomplete'));
      expect(serious.map((f) => `${f.ruleId}: ${text.slice(f.span.start, f.span.end)}`)).toEqual([]);
    });
  }

  it('checks pseudonyms', () => {
    expect(pseudonymProblem('Child R')).toBeUndefined();
    expect(pseudonymProblem('  ')).toMatch(/pseudonym/);
    expect(pseudonymProblem('Child [R]')).toMatch(/letters/);
    expect(pseudonymProblem('x'.repeat(41))).toMatch(/short/);
  });
});
