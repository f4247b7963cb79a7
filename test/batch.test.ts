/**
 * Whole batches: a folder of more than 40 synthetic drafts of mixed kinds (.md, .txt, .docx, .pdf)
 * and some bad files runs through the worker pool with progress, CSV and the HTML report; one bad
 * file never stops the batch (it is listed with its reason and the exit code says so); and the
 * report's figures agree with the fixtures' known labels (seed 000's involvement groups for the
 * family-involvement drafts, identity stated and used for the identity drafts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFiles, findWorkerFile } from '../server/src/batch/pool';
import { parseCsv } from '../server/src/cli/csv';
import { mergeSettings } from '../server/src/config';
import { createEngine } from '../server/src/engine';
import { markdownToDocx } from './fixtures/office';
import { compoundFile, imageOnlyPdf, typesetPdf } from './fixtures/pdf';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'cspr-lint.js');
const FI = join(ROOT, 'test-fixtures', 'drafts', 'family-involvement');
const ID = join(ROOT, 'test-fixtures', 'drafts', 'identity-context');
const OUT = join(ROOT, 'test-output');

interface FiLabel {
  file: string;
  group: string;
  reviewType?: string;
}
const fiLabels: FiLabel[] = parse(readFileSync(join(FI, 'labels.yaml'), 'utf8')).cases;
const idLabels: Record<string, { expect: string[]; model?: boolean; allow?: string[] }> = parse(readFileSync(join(ID, 'labels.yaml'), 'utf8')).drafts;
const GROUP_TEXT: Record<string, string> = { 'never-mentioned': 'never mentioned', excluded: 'excluded', 'invited-not-involved': 'invited but not involved', involved: 'involved' };
const ABSENCE = ['ethnicity-not-stated', 'religion-not-stated', 'first-language-not-stated', 'disability-not-stated'];

/** Each review's section of the report: its name, its involvement group and its markers' statuses. */
function reviewsOf(html: string): Map<string, { group: string; status: Record<string, string> }> {
  const out = new Map<string, { group: string; status: Record<string, string> }>();
  for (const part of html.split('<section class="review"').slice(1)) {
    const name = /<h2 id="[^"]*">([^<]*)<\/h2>/.exec(part)![1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const group = /falls in seed 000&#39;s group &quot;([^&]*)&quot;/.exec(part)?.[1] ?? '';
    const status: Record<string, string> = {};
    for (const m of part.matchAll(/<tr><th scope="row">([^<]*)<div class="muted small">[^<]*<\/div><\/th><td><span class="status ([a-z-]+)">/g)) status[m[1]!.replace(/&#39;/g, "'")] = m[2]!;
    out.set(name.split('/').pop()!, { group, status });
  }
  return out;
}

/** A table of the report, by id: its body rows as cell texts. */
function tableRows(html: string, id: string): string[][] {
  const t = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(t)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
}

describe('a batch of mixed drafts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cspr-lint-batch-'));
  const inbox = join(dir, 'submissions');
  let run: { status: number | null; stdout: string; stderr: string };
  let html = '';
  let md = 0;
  beforeAll(async () => {
    mkdirSync(join(inbox, 'family'), { recursive: true });
    mkdirSync(join(inbox, 'identity'), { recursive: true });
    // Drafts without front matter are read as the labels say (a rapid review where it says so).
    for (const c of fiLabels) {
      if (c.reviewType && c.reviewType !== 'lcspr') continue;
      copyFileSync(join(FI, c.file), join(inbox, 'family', c.file));
      md++;
    }
    for (const f of Object.keys(idLabels)) {
      copyFileSync(join(ID, f), join(inbox, 'identity', f));
      md++;
    }
    // Word and PDF copies of two drafts, and files that cannot be checked.
    const asWord = ['01-never-mentioned-neglect.md', 'model-in-method.md'];
    for (const f of asWord) writeFileSync(join(inbox, 'family', f.replace(/\.md$/, ' (Word copy).docx')), await markdownToDocx(readFileSync(join(FI, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')));
    const pdf = await typesetPdf([
      { kind: 'heading', text: 'Rapid review: Baby Q', level: 1 },
      { kind: 'heading', text: 'Summary' },
      { kind: 'paragraph', text: 'Baby Q, aged four months, was taken to hospital with a fractured arm. The family were known to early help. The review was notified to the Panel on 3 March 2024 and completed within 15 working days.' },
      { kind: 'heading', text: 'Analysis' },
      { kind: 'paragraph', text: 'The referral went to the MASH, which passed it to early help. Nobody asked who else lived in the home.' },
    ]);
    writeFileSync(join(inbox, 'rapid-review-baby-q.pdf'), pdf.bytes);
    writeFileSync(join(inbox, 'locked.docx'), compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    writeFileSync(join(inbox, 'old-review.doc'), compoundFile(['WordDocument', '1Table']));
    writeFileSync(join(inbox, 'scanned.pdf'), await imageOnlyPdf(3));
    mkdirSync(OUT, { recursive: true });
    run = spawnSync(process.execPath, [BIN, '--no-config', '--format', 'csv', '--report', join(OUT, 'batch-report.html'), '--jobs', '2', inbox], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28, timeout: 240_000 });
    html = existsSync(join(OUT, 'batch-report.html')) ? readFileSync(join(OUT, 'batch-report.html'), 'utf8') : '';
  }, 300_000);

  it('checks every file, lists the bad ones with what to do, and says so in the exit code', () => {
    expect(md).toBeGreaterThanOrEqual(40);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not check .*locked\.docx: the Word file is password-protected/);
    expect(run.stderr).toMatch(/could not check .*old-review\.doc: this is an old Word file \(\.doc\)/);
    expect(run.stderr).toMatch(/could not check .*scanned\.pdf: the PDF has no text to read/);
    // Progress on standard error: lines, since it is not a terminal here.
    expect(run.stderr).toMatch(/cspr-lint: \d+ of \d+ files checked \(\d+%\)/);
    expect(run.stderr).toContain('wrote the quality report');
  });

  it('writes one CSV row per finding with file, page, section, category, rule, severity, message and quoted words', () => {
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual(['file', 'page', 'section', 'paragraph', 'line', 'column', 'category', 'rule', 'severity', 'message', 'quoted words', 'suggested wording']);
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(100);
    for (const r of body) expect(r).toHaveLength(12);
    const files = new Set(body.map((r) => r[0]!.split('/').pop()));
    expect(files.has('rapid-review-baby-q.pdf')).toBe(true);
    expect(files.has('01-never-mentioned-neglect (Word copy).docx')).toBe(true);
    const pdfRows = body.filter((r) => r[0]!.endsWith('.pdf'));
    expect(pdfRows.every((r) => r[1] === '1')).toBe(true);
    expect(body.filter((r) => !r[0]!.endsWith('.pdf')).every((r) => r[1] === '')).toBe(true);
    expect(body.some((r) => r[7] === 'family-involvement-not-mentioned' && r[0]!.includes('01-never-mentioned-neglect'))).toBe(true);
  });

  it("puts each family-involvement draft in seed 000's group its label gives, Word copies included", () => {
    const reviews = reviewsOf(html);
    let checked = 0;
    for (const c of fiLabels) {
      if (c.reviewType && c.reviewType !== 'lcspr') continue;
      expect([c.file, reviews.get(c.file)?.group]).toEqual([c.file, GROUP_TEXT[c.group]]);
      checked++;
      const word = reviews.get(c.file.replace(/\.md$/, ' (Word copy).docx'));
      if (word) expect([c.file, word.group]).toEqual([c.file, GROUP_TEXT[c.group]]);
    }
    expect(checked).toBeGreaterThan(20);
    // The batch's table of groups adds up the reviews, and sits beside seed 000's figures.
    const table = tableRows(html, 'table-groups');
    expect(table.map((r) => r[0])).toEqual(['Never mentioned', 'Excluded', 'Invited but not involved', 'Involved']);
    expect(table.map((r) => r[3])).toEqual(['17%', '10%', '12%', '61%']);
    const tally = (label: string): number => [...reviews.values()].filter((r) => r.group === label).length;
    expect(table.map((r) => Number(r[1]))).toEqual(['never mentioned', 'excluded', 'invited but not involved', 'involved'].map(tally));
    const fiCount = (g: string): number => fiLabels.filter((c) => (!c.reviewType || c.reviewType === 'lcspr') && c.group === g).length;
    for (const [k, g] of ['never-mentioned', 'excluded', 'invited-not-involved', 'involved'].entries()) expect(Number(table[k]![1])).toBeGreaterThanOrEqual(fiCount(g));
    expect(html).toContain("figures are the research's, shown for comparison");
  });

  it('scores identity stated and used as the identity drafts are labelled', () => {
    const reviews = reviewsOf(html);
    let models = 0;
    for (const [file, label] of Object.entries(idLabels)) {
      const r = reviews.get(file)!;
      expect(r, file).toBeDefined();
      const stated = r.status['Identity stated'];
      const used = r.status['Identity used in the analysis'];
      if (label.model) {
        models++;
        expect([file, stated, used]).toEqual([file, 'met', 'met']);
      }
      if (label.expect.some((e) => ABSENCE.includes(e))) expect([file, stated]).not.toEqual([file, 'met']);
      if (label.expect.includes('identity-not-analysed')) expect([file, used]).toEqual([file, 'not-met']);
    }
    expect(models).toBeGreaterThanOrEqual(10);
    // The batch table counts the reviews' own scorecards.
    const markers = tableRows(html, 'table-markers');
    const statedRow = markers.find((r) => r[0]!.startsWith('Identity stated'))!;
    const met = [...reviews.values()].filter((r) => r.status['Identity stated'] === 'met').length;
    expect(Number(statedRow[1])).toBe(met);
    expect(markers.map((r) => r.slice(1).reduce((n, x) => n + Number(x), 0))).toEqual(markers.map(() => reviews.size));
    const failed = tableRows(html, 'table-failed');
    expect(failed.map((r) => r[0]!.split('/').pop()).sort()).toEqual(['locked.docx', 'old-review.doc', 'scanned.pdf']);
  });
});

describe('the worker pool', () => {
  const engine = createEngine(join(ROOT, 'rules'));
  const files = readdirSync(FI)
    .filter((f) => f.endsWith('.md'))
    .slice(0, 8)
    .map((f) => ({ path: join(FI, f), shown: f }));

  it.skipIf(!findWorkerFile())('hands results on in order, and gives up on a file that takes too long without stopping', async () => {
    const seen: string[] = [];
    const outcomes: boolean[] = [];
    await checkFiles(files, { settings: mergeSettings({}), reviewType: undefined, want: { text: false, located: true, report: false }, engine, jobs: 2 }, (o) => {
      seen.push(o.shown);
      outcomes.push(o.ok);
    });
    expect(seen).toEqual(files.map((f) => f.shown));
    expect(outcomes.every(Boolean)).toBe(true);
    const slow: string[] = [];
    await checkFiles(files.slice(0, 4), { settings: mergeSettings({}), reviewType: undefined, want: { text: false, located: true, report: false }, engine, jobs: 2, timeoutMs: 1 }, (o) => slow.push(o.ok ? 'ok' : o.failure!));
    expect(slow).toHaveLength(4);
    expect(slow.every((s) => s === 'timeout' || s === 'ok')).toBe(true);
  }, 120_000);
});
