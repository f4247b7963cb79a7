/**
 * The quality report as one self-contained HTML file: no scripts, no fonts or images fetched, a
 * print style, charts drawn as inline SVG from the data with the same numbers in tables for screen
 * readers. Pure: takes the report model, returns a string.
 */
import type { LocatedFinding, Location } from './locate';
import { describeLocation } from './locate';
import type { BatchReport, MarkerResult, MarkerStatus, ReviewReport } from './model';
import { CATEGORY_TITLES, GROUP_LABELS, INVOLVEMENT_GROUPS, MARKERS, REVIEW_TYPE_LABELS } from './model';

/** Escapes text for HTML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STATUS: Record<MarkerStatus, { label: string; mark: string; cls: string }> = {
  met: { label: 'Met', mark: '✓', cls: 'met' },
  partly: { label: 'Partly met', mark: '◐', cls: 'partly' },
  'not-met': { label: 'Not met', mark: '✗', cls: 'not-met' },
  'not-applicable': { label: 'Not applicable', mark: '–', cls: 'na' },
};

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Information', hint: 'Hint' } as const;

const CSS = `
:root { --ink: #1b1b1b; --muted: #555; --rule: #c8c8c8; --met: #1d6b2f; --partly: #8a5a00; --notmet: #a4161a; --na: #666; --bar: #2b5797; --bar2: #9aa7b8; --bg-soft: #f3f4f6; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, "Liberation Sans", sans-serif; color: var(--ink); line-height: 1.45; margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem 3rem; font-size: 15px; }
h1 { font-size: 1.7rem; margin: 0.5rem 0 0.25rem; } h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; } h3 { font-size: 1.1rem; margin-top: 1.4rem; }
p.lede, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95em; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; }
.met { color: var(--met); } .partly { color: var(--partly); } .not-met { color: var(--notmet); } .na { color: var(--na); }
blockquote { margin: 0.4rem 0; padding: 0.3rem 0.8rem; border-left: 4px solid var(--bar2); background: var(--bg-soft); }
.passage { margin: 0.8rem 0 1.1rem; } .passage .where { color: var(--muted); font-size: 0.9em; }
.chart { margin: 0.5rem 0 0.25rem; } .chart svg { max-width: 100%; height: auto; }
.note { border: 1px solid var(--rule); padding: 0.5rem 0.8rem; background: var(--bg-soft); }
nav ol { columns: 2; padding-left: 1.2rem; } .small { font-size: 0.88em; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3rem; font-size: 0.85em; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; } a { color: inherit; text-decoration: none; }
  section.review { break-before: page; } h2, h3 { break-after: avoid; } tr, .passage, .chart { break-inside: avoid; }
  nav { display: none; }
}
`;

function statusCell(s: MarkerStatus): string {
  const st = STATUS[s];
  return `<span class="status ${st.cls}"><span aria-hidden="true">${st.mark}</span> ${st.label}</span>`;
}

function where(ls: readonly Location[]): string {
  if (!ls.length) return '';
  return `<ul class="small">${ls.map((l) => `<li>${esc(describeLocation(l))}${l.quote ? `: “${esc(l.quote)}”` : ''}</li>`).join('')}</ul>`;
}

/** A horizontal bar chart as inline SVG, described for screen readers; the caller also shows a table. */
export function barChart(id: string, title: string, rows: { label: string; values: number[] }[], options: { max?: number; series?: string[]; unit?: string } = {}): string {
  const series = options.series ?? [''];
  const colours = ['#2b5797', '#9aa7b8', '#1d6b2f', '#a4161a'];
  const max = options.max ?? Math.max(1, ...rows.flatMap((r) => r.values));
  const labelW = 250;
  const barW = 380;
  const bandH = 10 + 18 * series.length;
  const legendH = series.length > 1 ? 24 : 0;
  const height = legendH + rows.length * bandH + 8;
  const width = labelW + barW + 70;
  const unit = options.unit ?? '';
  const parts: string[] = [];
  if (series.length > 1) {
    series.forEach((s, k) => {
      const x = labelW + k * 150;
      parts.push(`<rect x="${x}" y="4" width="12" height="12" fill="${colours[k]}"/><text x="${x + 18}" y="14" font-size="12">${esc(s)}</text>`);
    });
  }
  rows.forEach((r, i) => {
    const y0 = legendH + i * bandH + 4;
    parts.push(`<text x="${labelW - 8}" y="${y0 + bandH / 2 + 4}" font-size="12" text-anchor="end">${esc(r.label.length > 38 ? `${r.label.slice(0, 36)}…` : r.label)}</text>`);
    r.values.forEach((v, k) => {
      const w = Math.max(v > 0 ? 2 : 0, Math.round((v / max) * barW));
      const y = y0 + k * 18;
      parts.push(`<rect x="${labelW}" y="${y}" width="${w}" height="14" fill="${colours[k % colours.length]}"><title>${esc(`${r.label}${series[k] ? ` (${series[k]})` : ''}: ${v}${unit}`)}</title></rect>`);
      parts.push(`<text x="${labelW + w + 6}" y="${y + 11}" font-size="12">${v}${unit}</text>`);
    });
  });
  return `<figure class="chart" id="${esc(id)}"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${esc(id)}-t" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="${esc(id)}-t">${esc(title)}</title>${parts.join('')}</svg></figure>`;
}

/** A stacked bar per marker: met, partly, not met, not applicable. */
function markerChart(b: BatchReport): string {
  const labelW = 360;
  const barW = 380;
  const rowH = 26;
  const n = b.reviews.length || 1;
  const colours: Record<string, string> = { met: '#1d6b2f', partly: '#d19a00', notMet: '#a4161a', notApplicable: '#c8c8c8' };
  const keys = ['met', 'partly', 'notMet', 'notApplicable'] as const;
  const names = { met: 'Met', partly: 'Partly met', notMet: 'Not met', notApplicable: 'Not applicable' };
  const parts: string[] = [];
  keys.forEach((k, i) => parts.push(`<rect x="${labelW + i * 100}" y="4" width="12" height="12" fill="${colours[k]}"/><text x="${labelW + i * 100 + 16}" y="14" font-size="12">${names[k]}</text>`));
  b.markers.forEach((m, i) => {
    const y = 28 + i * rowH;
    parts.push(`<text x="${labelW - 8}" y="${y + 13}" font-size="12" text-anchor="end">${esc(m.title.length > 56 ? `${m.title.slice(0, 54)}…` : m.title)}</text>`);
    let x = labelW;
    for (const k of keys) {
      const w = Math.round((m[k] / n) * barW);
      if (w > 0) parts.push(`<rect x="${x}" y="${y}" width="${w}" height="18" fill="${colours[k]}"><title>${esc(`${m.title}: ${names[k]} ${m[k]} of ${b.reviews.length}`)}</title></rect>`);
      if (w >= 18) parts.push(`<text x="${x + w / 2}" y="${y + 13}" font-size="11" text-anchor="middle" fill="${k === 'notApplicable' || k === 'partly' ? '#000' : '#fff'}">${m[k]}</text>`);
      x += w;
    }
  });
  const height = 28 + b.markers.length * rowH + 6;
  return `<figure class="chart" id="chart-markers"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-markers-t" viewBox="0 0 ${labelW + barW + 20} ${height}" width="${labelW + barW + 20}" height="${height}"><title id="chart-markers-t">How many reviews meet each quality marker</title>${parts.join('')}</svg></figure>`;
}

function pct(n: number, of: number): number {
  return of ? Math.round((n / of) * 100) : 0;
}

function scorecard(markers: readonly MarkerResult[]): string {
  return `<table class="scorecard"><caption>Scorecard against the research's quality markers</caption><thead><tr><th scope="col">Marker</th><th scope="col">Status</th><th scope="col">What was found, and where</th></tr></thead><tbody>${markers
    .map((m) => `<tr><th scope="row">${esc(m.title)}<div class="muted small">${esc(m.research.join(', '))}</div></th><td>${statusCell(m.status)}</td><td>${esc(m.found)}${where(m.where)}</td></tr>`)
    .join('')}</tbody></table>`;
}

/** The scorecard table alone, for other views (the editor's quality summary). */
export function scorecardHtml(markers: readonly MarkerResult[]): string {
  return scorecard(markers);
}

function passage(f: LocatedFinding): string {
  return `<div class="passage"><blockquote>${esc(f.location.quote)}</blockquote><div><span class="badge">${SEVERITY_LABEL[f.severity]}</span> ${esc(f.message)} <span class="muted small">[${esc(f.ruleId)}]</span></div>${f.suggestion ? `<div class="small">Suggested wording: “${esc(f.suggestion)}”</div>` : ''}<div class="where">${esc(describeLocation(f.location))}; line ${f.location.line}</div></div>`;
}

function reviewSection(r: ReviewReport, index: number): string {
  const id = `review-${index + 1}`;
  const facts = [
    r.reviewType ? REVIEW_TYPE_LABELS[r.reviewType] : 'Review type not stated (read as a local review)',
    { markdown: 'Markdown', plaintext: 'Plain text', docx: 'Word document', pdf: 'PDF' }[r.format],
    r.pages !== undefined ? `${r.pages} page${r.pages === 1 ? '' : 's'}` : '',
    `${r.words.toLocaleString('en-GB')} words`,
    `${r.total} finding${r.total === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const out: string[] = [`<section class="review" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(r.name)}</h2><p class="lede">${esc(facts.join(' · '))}</p>`];
  if (!r.wholeReview) out.push('<p class="note">This looks like a fragment or a short draft rather than a whole review, so some markers are not scored.</p>');
  for (const w of r.warnings) out.push(`<p class="note">Note: ${esc(w)}.</p>`);
  out.push(scorecard(r.markers));
  if (r.involvement.persons.length) {
    out.push(`<h3>Who took part</h3><table><caption>What the review says about each person's part (seed 000's group: ${esc(GROUP_LABELS[r.involvement.group])})</caption><thead><tr><th scope="col">Person</th><th scope="col">What the review says</th><th scope="col">Reasons given</th><th scope="col">Where</th></tr></thead><tbody>`);
    for (const p of r.involvement.persons) out.push(`<tr><th scope="row">${esc(p.label)}</th><td>${esc(p.statuses.join(', ').replace(/-/g, ' ') || 'mentioned only')}</td><td>${esc(p.reasons.join(', ').replace(/-/g, ' '))}</td><td class="small">${p.where ? esc(describeLocation(p.where)) : ''}</td></tr>`);
    out.push('</tbody></table>');
  }
  if (r.total > 0) {
    out.push('<h3>Findings by category</h3>');
    out.push(barChart(`${id}-categories`, `Findings by category in ${r.name}`, r.byCategory.map((c) => ({ label: c.title, values: [c.count] }))));
    out.push(`<table><caption>Findings by category and check</caption><thead><tr><th scope="col">Category</th><th scope="col">Check</th><th scope="col" class="n">Findings</th></tr></thead><tbody>`);
    for (const c of r.byCategory) c.rules.forEach((x, i) => out.push(`<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${c.rules.length}">${esc(c.title)}</th>` : ''}<td>${esc(x.summary)} <span class="muted small">(${esc(x.ruleId)})</span></td><td class="n">${x.count}</td></tr>`));
    out.push('</tbody></table>');
    const sections = r.bySection.filter((s) => s.count > 0);
    out.push(`<h3>Findings by section</h3><table><caption>Findings by section</caption><thead><tr><th scope="col">Section</th>${r.pages !== undefined ? '<th scope="col" class="n">Page</th>' : ''}<th scope="col" class="n">Findings</th><th scope="col">Categories</th></tr></thead><tbody>`);
    for (const s of sections) {
      const cats = Object.entries(s.byCategory)
        .map(([k, n]) => `${CATEGORY_TITLES[k as keyof typeof CATEGORY_TITLES] ?? k}: ${n}`)
        .join('; ');
      out.push(`<tr><th scope="row">${esc(s.path.length ? s.path.join(' › ') : s.title)}</th>${r.pages !== undefined ? `<td class="n">${s.page ?? ''}</td>` : ''}<td class="n">${s.count}</td><td class="small">${esc(cats)}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (r.worst.length) out.push('<h3>The passages that most need attention</h3>', ...r.worst.map(passage));
  } else out.push('<p>The checker found nothing to report in this review.</p>');
  out.push('</section>');
  return out.join('\n');
}

function batchSection(b: BatchReport): string {
  const n = b.reviews.length;
  const out: string[] = ['<section id="batch" aria-labelledby="batch-h"><h2 id="batch-h">Across the batch</h2>'];
  out.push(`<p>${n} review${n === 1 ? '' : 's'} checked${b.failed.length ? `; ${b.failed.length} file${b.failed.length === 1 ? '' : 's'} could not be checked (listed below)` : ''}. ${b.total} finding${b.total === 1 ? '' : 's'} in all.</p>`);
  out.push('<h3>How many reviews meet each marker</h3>', markerChart(b));
  out.push(`<table id="table-markers"><caption>Reviews meeting each quality marker (of ${n})</caption><thead><tr><th scope="col">Marker</th><th scope="col" class="n">Met</th><th scope="col" class="n">Partly met</th><th scope="col" class="n">Not met</th><th scope="col" class="n">Not applicable</th></tr></thead><tbody>`);
  for (const m of b.markers) out.push(`<tr><th scope="row">${esc(m.title)} <span class="muted small">${esc(m.research.join(', '))}</span></th><td class="n">${m.met}</td><td class="n">${m.partly}</td><td class="n">${m.notMet}</td><td class="n">${m.notApplicable}</td></tr>`);
  out.push('</tbody></table>');
  const groupsSeen = INVOLVEMENT_GROUPS.reduce((k, g) => k + b.groups[g], 0);
  out.push('<h3>Family involvement: the four groups</h3>');
  out.push(`<p class="note">Seed 000 (Harrison and Barker 2024) read 138 published reviews and sorted them into four groups. <strong>Its figures are the research's, shown for comparison; they are not this batch's.</strong></p>`);
  out.push(
    barChart(
      'chart-groups',
      'Involvement groups: this batch beside seed 000',
      INVOLVEMENT_GROUPS.map((g) => ({ label: GROUP_LABELS[g], values: [pct(b.groups[g], groupsSeen), b.research[g]] })),
      { max: 100, series: ['This batch (%)', 'Seed 000 (%), research figures'], unit: '%' },
    ),
  );
  out.push(`<table id="table-groups"><caption>Involvement groups</caption><thead><tr><th scope="col">Group</th><th scope="col" class="n">This batch (reviews)</th><th scope="col" class="n">This batch (%)</th><th scope="col" class="n">Seed 000 (%), research figures</th></tr></thead><tbody>`);
  for (const g of INVOLVEMENT_GROUPS) out.push(`<tr><th scope="row">${esc(GROUP_LABELS[g])}</th><td class="n">${b.groups[g]}</td><td class="n">${pct(b.groups[g], groupsSeen)}%</td><td class="n">${b.research[g]}%</td></tr>`);
  out.push('</tbody></table>');
  if (b.topFindings.length) {
    out.push('<h3>Most frequent findings</h3>');
    out.push(barChart('chart-top', 'Most frequent findings: reviews with each', b.topFindings.slice(0, 10).map((t) => ({ label: t.summary, values: [t.reviews] }))));
    out.push(`<table id="table-top"><caption>Most frequent findings</caption><thead><tr><th scope="col">Check</th><th scope="col">Category</th><th scope="col" class="n">Reviews</th><th scope="col" class="n">Findings</th></tr></thead><tbody>`);
    for (const t of b.topFindings) out.push(`<tr><th scope="row">${esc(t.summary)} <span class="muted small">(${esc(t.ruleId)})</span></th><td>${esc(CATEGORY_TITLES[t.category])}</td><td class="n">${t.reviews}</td><td class="n">${t.count}</td></tr>`);
    out.push('</tbody></table>');
  }
  if (b.failed.length) {
    out.push(`<h3>Files that could not be checked</h3><table id="table-failed"><caption>Files that could not be checked, and what to do</caption><thead><tr><th scope="col">File</th><th scope="col">Reason</th></tr></thead><tbody>`);
    for (const f of b.failed) out.push(`<tr><th scope="row">${esc(f.name)}</th><td>${esc(f.reason)}.</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

/** The whole report. `generated` is shown in the header (for example a date). */
export function reportHtml(b: BatchReport, options: { title?: string; generated?: string; version?: string } = {}): string {
  const title = options.title ?? (b.reviews.length === 1 && b.failed.length === 0 ? `Quality report: ${b.reviews[0]!.name}` : `Quality report: ${b.reviews.length} review${b.reviews.length === 1 ? '' : 's'}`);
  const body: string[] = [];
  body.push(`<header><h1>${esc(title)}</h1><p class="lede">A first reading by cspr-lint${options.version ? ` ${esc(options.version)}` : ''}${options.generated ? `, ${esc(options.generated)}` : ''}. The markers come from the Child Safeguarding Practice Review Panel's annual report 2022/23 (Q numbers) and the 2022 annual review of local reviews (G numbers). They are prompts for an editor's or reviewer's judgement, not a grade, and are never added up into one.</p></header>`);
  const markersList = `<details><summary>What each marker looks for</summary><ul>${MARKERS.map((m) => `<li><strong>${esc(m.title)}</strong> (${esc(m.research.join(', '))}): ${esc(m.why)}</li>`).join('')}</ul></details>`;
  body.push(markersList);
  if (b.reviews.length > 1 || b.failed.length > 0) {
    body.push(`<nav aria-label="Reviews"><h2>Reviews</h2><ol>${b.reviews.map((r, i) => `<li><a href="#review-${i + 1}">${esc(r.name)}</a> <span class="muted small">(${r.markers.filter((m) => m.status === 'met').length} of ${r.markers.filter((m) => m.status !== 'not-applicable').length} markers met)</span></li>`).join('')}</ol></nav>`);
    body.push(batchSection(b));
  }
  b.reviews.forEach((r, i) => body.push(reviewSection(r, i)));
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
