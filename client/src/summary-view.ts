/** The quality summary as HTML (for the view) and as Markdown (to copy, save or print). Pure, for tests. */
import type { QualitySummary } from '../../server/src/lsp/summary';
import { escapeHtml } from './markdown';

const REVIEW_TYPES: Record<string, string> = {
  'rapid-review': 'Rapid review',
  lcspr: 'Local child safeguarding practice review',
  national: 'National review',
};

const MARKER_STATUS: Record<string, string> = { met: '✓ Met', partly: '◐ Partly met', 'not-met': '✗ Not met', 'not-applicable': '– Not applicable' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function headline(s: QualitySummary): string {
  if (!s.analysed) return 'Checking is switched off for this draft, so there is nothing to count.';
  if (s.total === 0) return 'No findings: the checker found nothing to report in this draft.';
  const sev = (['error', 'warning', 'info', 'hint'] as const).filter((k) => s.bySeverity[k] > 0).map((k) => (k === 'info' ? `${s.bySeverity[k]} information` : plural(s.bySeverity[k], k)));
  const fix = s.safeFixes > 0 ? ` ${plural(s.safeFixes, 'finding has', 'findings have')} a safe fix that "Fix all safe problems" can apply.` : '';
  return `${plural(s.total, 'finding')} (${sev.join(', ')}).${fix}`;
}

function sectionName(sec: QualitySummary['bySection'][number]): string {
  return sec.path.length > 1 ? sec.path.join(' › ') : sec.title;
}

/** The body of the summary view. */
export function summaryHtml(s: QualitySummary, name: string, options: { actions?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`<h1>Quality summary: ${escapeHtml(name)}</h1>`);
  if (s.reviewType) out.push(`<p class="muted">Read as: ${escapeHtml(REVIEW_TYPES[s.reviewType] ?? s.reviewType)}</p>`);
  out.push(`<p id="headline">${escapeHtml(headline(s))}</p>`);
  if (options.actions !== false) {
    out.push('<div class="actions"><button id="copy" type="button">Copy as text</button><button id="open" type="button">Open as Markdown</button><button id="save" type="button">Save as a web page (to print)</button><button id="problems" type="button">Open the Problems view</button></div>');
  }
  if (s.markers?.length) {
    // The scorecard of the quality report (the same model as `cspr-lint --report`).
    out.push('<h2>Quality markers</h2>', '<table id="markers"><thead><tr><th>Marker</th><th>Status</th><th>What was found</th></tr></thead><tbody>');
    for (const m of s.markers) out.push(`<tr><td><strong>${escapeHtml(m.title)}</strong><br><span class="muted">${escapeHtml(m.research.join(', '))}</span></td><td>${MARKER_STATUS[m.status] ?? m.status}</td><td>${escapeHtml(m.found)}</td></tr>`);
    out.push('</tbody></table>');
  }
  if (s.total > 0) {
    out.push('<h2>By category</h2>', '<table id="by-category"><thead><tr><th>Category</th><th>Check</th><th class="n">Findings</th></tr></thead><tbody>');
    for (const c of s.byCategory) {
      c.rules.forEach((r, i) => {
        const cat = i === 0 ? `<td rowspan="${c.rules.length}"><strong>${escapeHtml(c.title)}</strong><br><span class="muted">${plural(c.count, 'finding')}</span></td>` : '';
        out.push(`<tr>${cat}<td><a href="#" data-rule="${escapeHtml(r.ruleId)}">${escapeHtml(r.summary)}</a> <span class="muted">(${escapeHtml(r.ruleId)})</span></td><td class="n">${r.count}</td></tr>`);
      });
    }
    out.push('</tbody></table>');
    out.push('<h2>By section</h2>', '<table id="by-section"><thead><tr><th>Section</th><th class="n">Findings</th><th>Categories</th></tr></thead><tbody>');
    for (const sec of s.bySection) {
      const cats = Object.entries(sec.byCategory)
        .map(([k, n]) => `${escapeHtml(s.byCategory.find((c) => c.category === k)?.title ?? k)}: ${n}`)
        .join('; ');
      const title = sec.line >= 0 ? `<a href="#" data-line="${sec.line}">${escapeHtml(sectionName(sec))}</a>` : escapeHtml(sec.title);
      out.push(`<tr><td class="level-${Math.min(6, Math.max(1, sec.level))}">${title}</td><td class="n">${sec.count}</td><td class="muted">${cats}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('<p class="muted">Counts are of what the checker reports; they are a prompt for a quality conversation, not a score.</p>');
  return out.join('\n');
}

/** The summary as Markdown. */
export function summaryMarkdown(s: QualitySummary, name: string): string {
  const cell = (t: string): string => t.replace(/\|/g, '\\|');
  const lines = [`# Quality summary: ${name}`, ''];
  if (s.reviewType) lines.push(`Read as: ${REVIEW_TYPES[s.reviewType] ?? s.reviewType}`, '');
  lines.push(headline(s), '');
  if (s.markers?.length) {
    lines.push('## Quality markers', '', '| Marker | Status | What was found |', '| --- | --- | --- |');
    for (const m of s.markers) lines.push(`| ${cell(m.title)} | ${MARKER_STATUS[m.status] ?? m.status} | ${cell(m.found)} |`);
    lines.push('');
  }
  if (s.total > 0) {
    lines.push('## By category', '', '| Category | Check | Findings |', '| --- | --- | ---: |');
    for (const c of s.byCategory) for (const r of c.rules) lines.push(`| ${cell(c.title)} | ${cell(r.summary)} (${r.ruleId}) | ${r.count} |`);
    lines.push('', '## By section', '', '| Section | Findings |', '| --- | ---: |');
    for (const sec of s.bySection) lines.push(`| ${cell(sectionName(sec))} | ${sec.count} |`);
    lines.push('');
  }
  return lines.join('\n');
}
