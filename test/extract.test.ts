/**
 * Word and PDF in: the same synthetic draft gives the same findings as Markdown, Word and PDF, with
 * correct pages and headings; headers, footers, page numbers and contents are not analysed; bad
 * input (password-protected, corrupt, scanned, old .doc, huge, tables across pages, tracked changes
 * and comments, non-Latin scripts) gets a clear message or a sensible result. The .docx and .pdf
 * files are made here from our own drafts (docx package; LibreOffice when installed; pdf-lib).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeSettings } from '../server/src/config';
import type { ReviewType } from '../server/src/core/types';
import { createEngine } from '../server/src/engine';
import { extractText, pageAt } from '../server/src/extract';
import type { Extracted } from '../server/src/extract';
import { joinBroken } from '../server/src/extract/pdf';
import { locateFindings } from '../server/src/report/locate';
import { docxToPdf, libreOffice, markdownToDocx } from './fixtures/office';
import { compoundFile, encryptedPdf, imageOnlyPdf, typesetPdf } from './fixtures/pdf';

const ROOT = join(__dirname, '..');
const DRAFTS = join(ROOT, 'test-fixtures', 'drafts');
const OUT = join(tmpdir(), `cspr-lint-extract-${process.pid}`);
mkdirSync(OUT, { recursive: true });
const engine = createEngine(join(ROOT, 'rules'));
const settings = mergeSettings({});

// Drafts with headings at two levels, numbered and bulleted lists, tables, quotations and glossaries.
const SAME: { file: string; reviewType: ReviewType }[] = [
  { file: 'example-lcspr.md', reviewType: 'lcspr' },
  { file: 'jargon/northshire-child-r.md', reviewType: 'lcspr' },
  { file: 'family-involvement/18-mixed-problems.md', reviewType: 'lcspr' },
  { file: 'identity-context/model-family-table.md', reviewType: 'lcspr' },
  { file: 'family-involvement/model-table.md', reviewType: 'lcspr' },
];

function withoutFrontMatter(md: string): string {
  return md.replace(/^---\n[\s\S]*?\n---\n/, '');
}

function keys(text: string, reviewType: ReviewType, pageStarts?: number[]): { keys: string[]; pages: (number | undefined)[]; sections: string[][] } {
  const r = engine.lint(text, 'markdown', settings, reviewType);
  const located = locateFindings(r.findings, r.document, pageStarts);
  return {
    keys: located.map((f) => `${f.ruleId} | ${f.location.section.join(' > ')} | ¶${f.location.paragraph ?? '-'} | ${f.location.quote}`).sort(),
    pages: located.map((f) => f.location.page),
    sections: located.map((f) => f.location.section),
  };
}

async function read(bytes: Uint8Array, name: string): Promise<Extracted> {
  const r = await extractText(bytes, name);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r;
}

describe('the same draft as Markdown, Word and PDF', () => {
  const docx = new Map<string, string>();
  beforeAll(async () => {
    for (const d of SAME) {
      const md = withoutFrontMatter(readFileSync(join(DRAFTS, d.file), 'utf8'));
      const path = join(OUT, d.file.replace(/\//g, '__').replace(/\.md$/, '.docx'));
      writeFileSync(path, await markdownToDocx(md, { header: 'Draft for the safeguarding partnership', pageNumbers: true, toc: true, pageBreakBeforeLevel2: true }));
      docx.set(d.file, path);
    }
    if (libreOffice()) await docxToPdf([...docx.values()], OUT);
  }, 240_000);

  for (const d of SAME) {
    it(`gives the same findings for ${d.file} from Word`, async () => {
      const md = withoutFrontMatter(readFileSync(join(DRAFTS, d.file), 'utf8'));
      const expected = keys(md, d.reviewType).keys;
      expect(expected.length).toBeGreaterThan(0);
      const ex = await read(new Uint8Array(readFileSync(docx.get(d.file)!)), 'x.docx');
      expect(ex.text).not.toContain('Draft for the safeguarding partnership');
      expect(ex.text).not.toMatch(/^Contents$/m);
      expect(keys(ex.text, d.reviewType).keys).toEqual(expected);
    });

    it.skipIf(!libreOffice())(`gives the same findings for ${d.file} from PDF, on the right pages`, async () => {
      const md = withoutFrontMatter(readFileSync(join(DRAFTS, d.file), 'utf8'));
      const expected = keys(md, d.reviewType).keys;
      const pdfPath = docx.get(d.file)!.replace(/\.docx$/, '.pdf');
      const ex = await read(new Uint8Array(readFileSync(pdfPath)), 'x.pdf');
      // Headers, footers, page numbers and the table of contents are not in the text.
      expect(ex.text).not.toContain('Draft for the safeguarding partnership');
      expect(ex.text).not.toMatch(/Page \d+ of \d+/);
      expect(ex.text).not.toMatch(/\.{5,}/);
      const got = keys(ex.text, d.reviewType, ex.pageStarts);
      expect(got.keys).toEqual(expected);
      // Each level-2 section starts a page (the Word copy says so): page 1 is the contents and the
      // title; the k-th level-2 heading is on a later page than the one before; findings lie between.
      const h2 = [...ex.text.matchAll(/^## (.*)$/gm)].map((m) => ({ title: m[1]!, page: pageAt(ex.pageStarts, m.index!)! }));
      expect(h2.length).toBeGreaterThan(2);
      for (let k = 1; k < h2.length; k++) expect(h2[k]!.page).toBeGreaterThan(h2[k - 1]!.page);
      got.sections.forEach((path, i) => {
        const page = got.pages[i]!;
        const k = h2.findIndex((h) => h.title === path[1]);
        if (k < 0) return;
        expect(page).toBeGreaterThanOrEqual(h2[k]!.page);
        if (h2[k + 1]) expect(page).toBeLessThan(h2[k + 1]!.page);
      });
    });
  }
});

describe('Word files', () => {
  it('reads the current text of tracked changes, keeps footnotes apart and does not check comments', async () => {
    const md = '# Review of Child M\n\n## Analysis\n\nThe health visitor saw Child M at home twice. The social worker recorded that Child M was putting herself at risk.\n\n## Glossary\n\n- Health visitor: a nurse who visits families with young children.\n';
    const bytes = await markdownToDocx(md, {
      comments: [{ anchor: 'health visitor saw', author: 'Editor', text: 'She was putting herself at risk? Check this wording.' }],
      tracked: [{ find: 'twice', deleted: 'once, in the spring,' }],
      footnotes: [{ after: 'at home twice.', text: 'Health visiting records, 2023.' }],
    });
    const ex = await read(new Uint8Array(bytes), 'm.docx');
    expect(ex.text).toContain('at home twice.');
    expect(ex.text).not.toContain('once, in the spring');
    expect(ex.text).not.toContain('Check this wording');
    expect(ex.comments).toEqual([{ author: 'Editor', text: 'She was putting herself at risk? Check this wording.' }]);
    expect(ex.warnings.join(' ')).toMatch(/tracked change/);
    expect(ex.warnings.join(' ')).toMatch(/1 comment was not checked/);
    expect(ex.text).toMatch(/# Footnotes\n\n\[\^1\]: Health visiting records, 2023\./);
    const r = engine.lint(ex.text, 'markdown', settings);
    // One finding for the wording in the text; none from the comment.
    expect(r.findings.filter((f) => f.ruleId === 'no-putting-self-at-risk')).toHaveLength(1);
  });

  it('reads a paragraph set in bold on its own as a heading, when the author used no heading style', async () => {
    const { htmlToMarkdown } = await import('../server/src/extract/html');
    const md = htmlToMarkdown('<h1>Review of Child C</h1><p><strong>Background</strong></p><p>Child C lived with her aunt.</p><p><strong>Note:</strong> dates are approximate.</p><p><strong>The review found that the school acted quickly.</strong></p>').markdown;
    expect(md).toContain('## Background\n\nChild C lived with her aunt.');
    expect(md).toContain('Note: dates are approximate.');
    expect(md).toContain('\n\nThe review found that the school acted quickly.');
  });

  it('keeps non-Latin scripts', async () => {
    const md = '# Review\n\n## Background\n\nHer mother speaks Urdu (اردو) and Polish (język polski); her grandmother writes Chinese (中文).\n';
    const ex = await read(new Uint8Array(await markdownToDocx(md)), 'n.docx');
    expect(ex.text).toContain('اردو');
    expect(ex.text).toContain('język polski');
    expect(ex.text).toContain('中文');
  });

  it('says what to do with password-protected, old-format and damaged files', async () => {
    const enc = await extractText(compoundFile(['EncryptionInfo', 'EncryptedPackage']), 'locked.docx');
    expect(enc.ok).toBe(false);
    if (!enc.ok) expect([enc.kind, enc.reason]).toEqual(['encrypted', expect.stringMatching(/password-protected.*remove the password/)]);
    const doc = await extractText(compoundFile(['WordDocument', '1Table']), 'old.doc');
    if (!doc.ok) expect([doc.kind, doc.reason]).toEqual(['old-format', expect.stringMatching(/old Word file \(\.doc\).*save it as a Word document \(\.docx\)/)]);
    else throw new Error('a .doc was read');
    const broken = await extractText(new Uint8Array(Buffer.from('PK\u0003\u0004 this is not really a zip file')), 'broken.docx');
    if (!broken.ok) expect([broken.kind, broken.reason]).toEqual(['corrupt', expect.stringMatching(/damaged.*save it again/)]);
    else throw new Error('a broken file was read');
    const truncated = (await markdownToDocx('# A\n\nText.\n')).subarray(0, 300);
    expect((await extractText(new Uint8Array(truncated), 't.docx')).ok).toBe(false);
  });
});

describe('PDF files', () => {
  it('joins broken lines, mends hyphenation, drops headers and footers, and places text on its page', async () => {
    const long = 'The health visitor made several visits to the family home during the spring and the summer, and each time she recorded that the baby was feeding well and was gaining weight. ';
    const { bytes, pages } = await typesetPdf(
      [
        { kind: 'heading', text: 'Review of Baby K', level: 1 },
        { kind: 'heading', text: 'Background' },
        { kind: 'paragraph', text: `${long.repeat(3)}The review found that safeguarding partners shared information.`, hyphenate: ['safe-guarding'] },
        { kind: 'paragraph', text: `A multi-agency meeting was held. ${long.repeat(2)}` },
        { kind: 'bullet', text: 'The police shared records of two call-outs to the address.' },
        { kind: 'heading', text: 'Analysis' },
        // Long enough to run on to the next page.
        ...Array.from({ length: 9 }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i + 1}. ${long.repeat(2)}${i === 8 ? 'Nobody asked who else lived in the home.' : ''}` })),
      ],
      { header: 'Northshire Safeguarding Children Partnership', footerPageNumbers: true, mark: ['Nobody asked who else', 'Paragraph 9.'] },
    );
    const ex = await read(bytes, 'k.pdf');
    expect(ex.pageCount).toBeGreaterThan(1);
    expect(ex.text).not.toContain('Northshire Safeguarding Children Partnership');
    expect(ex.text).not.toMatch(/Page \d of \d/);
    expect(ex.text).toContain('The review found that safeguarding partners shared information.');
    expect(ex.text).not.toMatch(/safe-\s*guarding/);
    expect(ex.text).toMatch(/^## Background$/m);
    expect(ex.text).toMatch(/^- The police shared records of two call-outs to the address\.$/m);
    // Each paragraph is one block, whatever its line breaks.
    expect(ex.text.match(/^Paragraph \d+\. /gm)).toHaveLength(9);
    const at = ex.text.indexOf('Nobody asked who else');
    expect(pageAt(ex.pageStarts, at)).toBe(pages.get('Nobody asked who else'));
    expect(pageAt(ex.pageStarts, ex.text.indexOf('Paragraph 9.'))).toBe(pages.get('Paragraph 9.'));
  });

  it('keeps the title of a one-page PDF and drops its running header and page number', async () => {
    const { bytes } = await typesetPdf([{ kind: 'heading', text: 'Rapid review: Baby Q', level: 1 }, { kind: 'heading', text: 'Summary' }, { kind: 'paragraph', text: 'Baby Q was taken to hospital.' }], { header: 'OFFICIAL SENSITIVE: draft', footerPageNumbers: true });
    const ex = await read(bytes, 'q.pdf');
    expect(ex.text).toBe('<!-- page 1 -->\n\n# Rapid review: Baby Q\n\n## Summary\n\nBaby Q was taken to hospital.\n');
  });

  it('mends words hyphenated at a line end but keeps compounds', () => {
    expect(joinBroken('the safe-', 'guarding partners')).toBe('the safeguarding partners');
    expect(joinBroken('a multi-', 'agency meeting')).toBe('a multi-agency meeting');
    expect(joinBroken('Child', 'A was seen')).toBe('Child A was seen');
    expect(joinBroken('the North-', 'East')).toBe('the North- East');
  });

  it('reads a table that runs across pages once, with its header row once', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`${i + 1} March`, `Agency ${i + 1}`, `Home visit number ${i + 1}; the baby was seen.`]);
    const { bytes, pageCount } = await typesetPdf([{ kind: 'heading', text: 'Chronology' }, { kind: 'table', header: ['Date', 'Agency', 'What happened'], rows }], { footerPageNumbers: true });
    expect(pageCount).toBeGreaterThan(1);
    const ex = await read(bytes, 'chronology.pdf');
    const tableLines = ex.text.split('\n').filter((l) => l.startsWith('|'));
    expect(tableLines[0]).toMatch(/^\| Date \| Agency \| What happened \|$/);
    expect(tableLines.filter((l) => /\| Date \|/.test(l))).toHaveLength(1);
    expect(tableLines.length).toBe(70 + 2);
    const r = engine.lint(ex.text, 'markdown', settings);
    expect(r.document.blocks.filter((b) => b.cell && b.cell.column === 2 && /Home visit number 70;/.test(b.prose))).toHaveLength(1);
  });

  it('reads a 300-page PDF in bounded time', async () => {
    const para = 'Practitioners met regularly and recorded what the child said about home and school. ';
    const blocks = Array.from({ length: 300 }, (_, i) => [{ kind: 'heading' as const, text: `Episode ${i + 1}` }, { kind: 'paragraph' as const, text: para.repeat(6) + `Marker ${i + 1}.` }, { kind: 'page-break' as const }]).flat();
    const { bytes, pageCount, pages } = await typesetPdf(blocks.slice(0, -1), { footerPageNumbers: true, header: 'Thematic review', mark: ['Episode 150', 'Episode 300'] });
    expect(pageCount).toBe(300);
    const t0 = performance.now();
    const ex = await read(bytes, 'big.pdf');
    expect(performance.now() - t0).toBeLessThan(60_000);
    expect(ex.pageCount).toBe(300);
    expect(pages.get('Episode 150')).toBe(150);
    expect(pageAt(ex.pageStarts, ex.text.indexOf('Marker 150.'))).toBe(150);
    expect(pageAt(ex.pageStarts, ex.text.indexOf('Marker 300.'))).toBe(300);
    expect(ex.text).not.toContain('Thematic review');
  }, 90_000);

  it('says what to do with scanned, password-protected and damaged PDFs', async () => {
    const scan = await extractText(await imageOnlyPdf(), 'scan.pdf');
    if (!scan.ok) expect([scan.kind, scan.reason]).toEqual(['no-text', expect.stringMatching(/no text.*scan.*Word version.*OCR/)]);
    else throw new Error('a scan was read');
    const locked = await extractText(await encryptedPdf(), 'locked.pdf');
    if (!locked.ok) expect([locked.kind, locked.reason]).toEqual(['encrypted', expect.stringMatching(/password-protected/)]);
    else throw new Error('an encrypted PDF was read');
    const good = (await typesetPdf([{ kind: 'paragraph', text: 'Some text.' }])).bytes;
    const cut = await extractText(good.subarray(0, Math.floor(good.length / 3)), 'cut.pdf');
    expect(cut.ok ? 'read' : cut.kind).toMatch(/corrupt|no-text|read/);
    const junk = await extractText(new Uint8Array(Buffer.from('%PDF-1.7\n this is not a PDF at all')), 'junk.pdf');
    expect(junk.ok).toBe(false);
    const notPdf = await extractText(new Uint8Array(Buffer.from('hello')), 'fake.pdf');
    if (!notPdf.ok) expect(notPdf.reason).toMatch(/not a PDF/);
  });

  it.skipIf(!libreOffice())('reads a Word table that runs across pages, with its header repeated and rows broken at the page end', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| ${i + 1} March 2023 | Health visitor | Visit number ${i + 1}: the baby was seen asleep in her cot and the mother said she was coping. |`);
    const md = `# Review\n\n## Chronology\n\n| Date | Agency | What happened |\n| --- | --- | --- |\n${rows.join('\n')}\n\n## Analysis\n\nThe health visitor visited often.\n`;
    const path = join(OUT, 'long-table.docx');
    writeFileSync(path, await markdownToDocx(md, { header: 'Draft for the partnership', pageNumbers: true }));
    await docxToPdf([path], OUT);
    const ex = await read(new Uint8Array(readFileSync(join(OUT, 'long-table.pdf'))), 'long-table.pdf');
    expect(ex.pageCount).toBeGreaterThan(2);
    const lines = ex.text.split('\n').filter((l) => l.startsWith('|'));
    expect(lines.filter((l) => l.includes('| Date |'))).toHaveLength(1);
    const body = lines.slice(2);
    expect(body).toHaveLength(60);
    body.forEach((l, i) => expect(l).toBe(`| ${i + 1} March 2023 | Health visitor | Visit number ${i + 1}: the baby was seen asleep in her cot and the mother said she was coping. |`));
    expect(ex.text).toMatch(/^## Analysis$/m);
    // The last row is on the last page of the table, after the page turns.
    expect(pageAt(ex.pageStarts, ex.text.indexOf('Visit number 60:'))).toBeGreaterThan(1);
  }, 120_000);

  it.skipIf(!libreOffice())('keeps non-Latin scripts through LibreOffice', async () => {
    const md = '# Review\n\n## Background\n\nHer mother speaks Polish (język polski) and Greek (ελληνικά); her uncle writes Russian (русский).\n';
    const path = join(OUT, 'scripts.docx');
    writeFileSync(path, await markdownToDocx(md));
    await docxToPdf([path], OUT);
    const ex = await read(new Uint8Array(readFileSync(join(OUT, 'scripts.pdf'))), 'scripts.pdf');
    expect(ex.text).toContain('język polski');
    expect(ex.text).toContain('ελληνικά');
    expect(ex.text).toContain('русский');
  }, 120_000);
});
