/**
 * The quality report: built from the model, one self-contained HTML file, opened in a real browser
 * (Debian's Chromium with playwright-core). It loads nothing from the network, its charts and
 * tables render with the same numbers, it prints, and a screenshot is kept as a test artefact in
 * test-output/. Skipped with a message when Chromium is not installed (CI installs it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSettings } from '../server/src/config';
import { createEngine } from '../server/src/engine';
import { reportHtml } from '../server/src/report/html';
import type { ReviewReport } from '../server/src/report/model';
import { batchReport, reviewReport } from '../server/src/report/model';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { qualitySummary } from '../server/src/lsp/summary';
import { summaryHtml } from '../client/src/summary-view';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'test-output');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const DRAFTS = [
  'example-lcspr.md',
  'family-involvement/01-never-mentioned-neglect.md',
  'family-involvement/08-invited-no-reason.md',
  'family-involvement/10-model-parents-declined-brother-involved.md',
  'family-involvement/04-excluded-proceedings-only.md',
  'identity-context/model-family-table.md',
  'identity-context/not-analysed.md',
  'jargon/northshire-child-r.md',
];

function reports(): ReviewReport[] {
  const engine = createEngine(join(ROOT, 'rules'));
  return DRAFTS.map((f) => {
    const text = readFileSync(join(ROOT, 'test-fixtures', 'drafts', f), 'utf8');
    return reviewReport({ name: f, result: engine.lint(text, 'markdown', mergeSettings({})), meta: (id) => engine.linter.meta(id) });
  });
}

describe('the report model', () => {
  it('scores each marker with what was found, and never adds them up', () => {
    const rs = reports();
    const never = rs.find((r) => r.name.includes('01-never-mentioned'))!;
    expect(never.involvement.group).toBe('never-mentioned');
    expect(never.markers.find((m) => m.id === 'involvement')!.status).toBe('not-met');
    const model = rs.find((r) => r.name.includes('10-model'))!;
    expect(model.involvement.group).toBe('involved');
    expect(model.markers.map((m) => m.id)).toEqual(['involvement', 'child-voice', 'identity-stated', 'identity-used', 'terms-defined', 'hindsight', 'recommendations', 'review-type']);
    for (const r of rs) for (const m of r.markers) expect(m.found.length).toBeGreaterThan(10);
    const ex = rs.find((r) => r.name === 'example-lcspr.md')!;
    expect(ex.markers.find((m) => m.id === 'recommendations')!.status).not.toBe('met');
    expect(ex.worst.length).toBeGreaterThan(0);
    expect(ex.worst[0]!.location.section.length).toBeGreaterThan(0);
    const b = batchReport(rs, [{ name: 'locked.docx', reason: 'the Word file is password-protected' }], () => undefined);
    expect(b.groups['never-mentioned'] + b.groups.excluded + b.groups['invited-not-involved'] + b.groups.involved).toBe(rs.length);
    expect(b.research).toEqual({ 'never-mentioned': 17, excluded: 10, 'invited-not-involved': 12, involved: 61 });
    const html = reportHtml(b);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).not.toMatch(/\bscore\b.*\btotal\b/i);
  });
});

describe("the editor's quality summary", () => {
  it('shows the same scorecard as the report, from the same model', () => {
    const engine = createEngine(join(ROOT, 'rules'));
    const text = readFileSync(join(ROOT, 'test-fixtures', 'drafts', 'family-involvement', '08-invited-no-reason.md'), 'utf8');
    const result = engine.lint(text, 'markdown', mergeSettings({}));
    const summary = qualitySummary(TextDocument.create('file:///d.md', 'markdown', 1, text), result, engine);
    const report = reviewReport({ name: 'file:///d.md', result, meta: (id) => engine.linter.meta(id) });
    expect(summary.markers).toEqual(report.markers);
    expect(summary.byCategory).toEqual(report.byCategory);
    expect(summary.involvementGroup).toBe('invited-not-involved');
    const html = summaryHtml(summary, 'd.md');
    expect(html).toContain('<h2>Quality markers</h2>');
    expect(html).toContain('Invited but not involved'.toLowerCase());
  });
});

describe.skipIf(!CHROMIUM)('the report in a real browser', () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  const file = join(OUT, 'report.html');
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, reportHtml(batchReport(reports(), [{ name: 'submissions/old-review.doc', reason: 'this is an old Word file (.doc), which the checker cannot read. Open it in Word and save it as a Word document (.docx), then check that copy' }], () => undefined), { version: '0.1.0', generated: '2026-01-01' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no network, renders its charts and tables with the same numbers, prints, and is kept as a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(await page.title()).toMatch(/Quality report/);
    // Charts: inline SVG with bars, each described for screen readers.
    const charts = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => ({ label: s.querySelector('title')?.textContent ?? '', bars: s.querySelectorAll('rect').length, width: s.getBoundingClientRect().width })));
    expect(charts.length).toBeGreaterThanOrEqual(3 + DRAFTS.length - 1);
    for (const c of charts) {
      expect(c.label.length).toBeGreaterThan(5);
      expect(c.bars).toBeGreaterThan(0);
      expect(c.width).toBeGreaterThan(200);
    }
    // The groups chart and its table carry the same numbers, beside the research's figures.
    const groupRows = await page.$$eval('#table-groups tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent?.trim())));
    expect(groupRows.map((r) => r[3])).toEqual(['17%', '10%', '12%', '61%']);
    const barTitles = await page.$$eval('#chart-groups rect title', (ts) => ts.map((t) => t.textContent));
    for (const r of groupRows) expect(barTitles).toContain(`${r[0]} (This batch (%)): ${r[2]}`);
    const scorecards = await page.$$eval('table.scorecard', (ts) => ts.map((t) => t.querySelectorAll('tbody tr').length));
    expect(scorecards).toEqual(DRAFTS.map(() => 8));
    expect(await page.isVisible('#table-failed')).toBe(true);
    // Every table has a caption and header cells for screen readers.
    const bare = await page.$$eval('table', (ts) => ts.filter((t) => !t.querySelector('caption') || !t.querySelector('th')).length);
    expect(bare).toBe(0);
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: false });
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);
});

if (!CHROMIUM) {
  describe('the report in a real browser', () => {
    it.skip('needs Chromium at /usr/bin/chromium (apt-get install chromium); CI installs it', () => undefined);
  });
}
