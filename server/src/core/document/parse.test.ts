/** The document model: sections, roles, blocks, quotations and front matter, in UTF-16 offsets. */
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse';

const slice = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end);

describe('parseDocument', () => {
  it('builds heading paths and gives sections their roles', () => {
    const text = '# Review of Child R\n\n## Method\n\nWe met staff.\n\n## Glossary\n\n- MASH: the hub.\n\n## Recommendations\n\n1. The partnership will act.\n\n## References\n\nSmith (2020) Risky choices.\n\n## Appendix 1: Chronology\n\nIn May the school rang.\n';
    const doc = parseDocument(text);
    const roleOf = (words: string): string => doc.blocks.find((b) => slice(text, b).includes(words))!.role;
    expect(roleOf('We met staff')).toBe('method');
    expect(roleOf('MASH: the hub')).toBe('glossary');
    expect(roleOf('The partnership will act')).toBe('recommendations');
    expect(roleOf('Risky choices')).toBe('references');
    expect(roleOf('the school rang')).toBe('appendix');
    expect(doc.blocks.find((b) => slice(text, b).includes('MASH'))!.sectionPath).toEqual(['Review of Child R', 'Glossary']);
    expect(doc.blocks.find((b) => slice(text, b).includes('The partnership'))!.kind).toBe('list-item');
  });

  it('masks markup but keeps offsets, so prose indices are document indices', () => {
    const text = 'Child R was **putting herself** at [risk](https://x.example/MASH) `code`.';
    const [b] = parseDocument(text).blocks;
    expect(b!.prose.length).toBe(text.length);
    expect(b!.prose).toContain('  putting herself   at  risk ');
    expect(b!.prose).not.toContain('MASH');
    expect(b!.prose).not.toContain('code');
  });

  it('splits sentences without breaking at abbreviations or initials', () => {
    const text = 'Dr. Patel saw Child R on 3 May, e.g. at home. J. Smith then rang. It was late!';
    const sentences = parseDocument(text).blocks[0]!.sentences.map((s) => s.text);
    expect(sentences).toEqual(['Dr. Patel saw Child R on 3 May, e.g. at home.', 'J. Smith then rang.', 'It was late!']);
  });

  it('finds straight, curly and unclosed quotations but not apostrophes', () => {
    const text = `Records said she was 'streetwise'. Staff called him “mature”. The child's mum said "she chose it. Then she left`;
    const b = parseDocument(text).blocks[0]!;
    expect(b.quotes.map((q) => slice(text, q.inner))).toEqual(['streetwise', 'mature', 'she chose it.']);
    expect(b.quotes.map((q) => q.closed)).toEqual([true, true, false]);
  });

  it('reads tables into cells that know their column header', () => {
    const text = '| Person | Ethnicity |\n| --- | --- |\n| Child R | White British |\n| Mother | Black British |\n';
    const cells = parseDocument(text).blocks.filter((b) => b.kind === 'table-cell');
    const ethnicity = cells.filter((c) => c.cell!.header === 'Ethnicity' && !c.cell!.isHeader).map((c) => slice(text, c));
    expect(ethnicity).toEqual(['White British', 'Black British']);
  });

  it('treats block quotes as quoted records and skips code', () => {
    const text = '> She was making her own choices.\n> (case note)\n\n```\nMASH\n```\n\nAfter.';
    const doc = parseDocument(text);
    expect(doc.blocks[0]!.role).toBe('quoted-record');
    expect(doc.blocks[0]!.prose).not.toContain('>');
    expect(doc.blocks[1]!.kind).toBe('code');
    expect(doc.blocks[1]!.prose.trim()).toBe('');
  });

  it('reads front matter: review type and pseudonyms; bad YAML gives a message', () => {
    const good = parseDocument('---\nreview-type: rapid review\npseudonyms: [Child R, Mary]\n---\n# Title\n');
    expect(good.frontMatter.reviewType).toBe('rapid-review');
    expect(good.frontMatter.pseudonyms).toEqual(['Child R', 'Mary']);
    const bad = parseDocument('---\nreview-type: [unclosed\n---\nText');
    expect(bad.frontMatter.error).toMatch(/not valid YAML/);
    const unknown = parseDocument('---\nreview-type: weekly\n---\nText');
    expect(unknown.frontMatter.error).toMatch(/not one of rapid-review, lcspr or national/);
  });

  it('finds headings in plain text: numbered, capitals and known section names', () => {
    const text = 'INTRODUCTION\n\nThis review looks at Child R.\n\n2. Methodology\n\nWe met staff.\n\nGlossary\n\nMASH means the hub.';
    const doc = parseDocument(text, { language: 'plaintext' });
    expect(doc.sections.map((s) => [s.title, s.role])).toEqual([
      ['INTRODUCTION', 'introduction'],
      ['2. Methodology', 'method'],
      ['Glossary', 'glossary'],
    ]);
  });

  it('handles CRLF, mixed endings and surrogate pairs with UTF-16 offsets', () => {
    const text = '# A\r\n\r\n😀 One.\rTwo.\n\nThree 👩‍👧.';
    const doc = parseDocument(text);
    const paras = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => slice(text, b));
    expect(paras).toEqual(['😀 One.\rTwo.', 'Three 👩‍👧.']);
    expect(doc.lineStarts).toEqual([0, 5, 7, 15, 20, 21]);
  });

  it('reads disable comments with and without reasons', () => {
    const text = '<!-- cspr-lint-disable-next-line rule-a, rule-b -- quoted from the minutes -->\nText.\n<!-- cspr-lint-disable-next-line rule-c -->\nMore.';
    const c = parseDocument(text).comments;
    expect(c.map((x) => [x.ruleIds, x.reason, x.targetLine])).toEqual([
      [['rule-a', 'rule-b'], 'quoted from the minutes', 1],
      [['rule-c'], '', 3],
    ]);
  });

  it('survives broken Markdown: unclosed fences, stray pipes and deep nesting', () => {
    const text = '```\nnever closed\n\n| a |\n' + '> '.repeat(200) + 'deep\n' + '  - '.repeat(100) + 'item\n';
    expect(() => parseDocument(text)).not.toThrow();
    expect(() => parseDocument('| a | b |\n| --- |\n' + '| x | y |\n'.repeat(10000))).not.toThrow();
  });
});

describe('front matter', () => {
  it('never prints a YAML warning, which would quote the draft in the server log', () => {
    const warned: unknown[] = [];
    const listener = (w: unknown): void => {
      warned.push(w);
    };
    process.on('warning', listener);
    const emit = process.emitWarning;
    process.emitWarning = ((w: unknown) => warned.push(w)) as typeof process.emitWarning;
    try {
      const doc = parseDocument('---\n!-- a private note about Child R\nreview-type: lcspr\n---\n\nBody.\n');
      expect(doc.blocks.length).toBeGreaterThan(0);
    } finally {
      process.emitWarning = emit;
      process.off('warning', listener);
    }
    expect(warned).toEqual([]);
  });
});
