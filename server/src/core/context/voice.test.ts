/** Whose voice a match is in, for the real-text patterns that catch out word lists. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../document/parse';
import { voiceOf } from './voice';
import type { Voice } from './voice';

function voice(text: string, word: string): Voice {
  const doc = parseDocument(text);
  const start = text.indexOf(word);
  const blocks = doc.blocks.filter((b) => ['paragraph', 'list-item', 'table-cell', 'block-quote'].includes(b.kind));
  const i = blocks.findIndex((b) => b.start <= start && start < b.end);
  return voiceOf(blocks[i]!, { start, end: start + word.length }, blocks[i + 1]);
}

const kind = (text: string, word: string): string => {
  const v = voice(text, word);
  return v.kind === 'quoted' ? (v.challenged ? 'challenged' : 'quoted') : v.kind;
};

describe('voiceOf', () => {
  it('separates challenged quotations from unchallenged ones', () => {
    expect(kind("Police described her as 'streetwise', language the review regards as adultifying.", 'streetwise')).toBe('challenged');
    expect(kind("Case files recorded that she was 'putting herself at risk'.", 'putting herself')).toBe('quoted');
  });
  it('accepts the critique a sentence later, as a correction, or in the heading', () => {
    expect(kind('Records called her "wilful". That view was wrong: she was 13.', 'wilful')).toBe('challenged');
    expect(kind("Professionals assumed she was 'sexually active'. In fact, she was being raped.", 'sexually active')).toBe('challenged');
    expect(kind("## No child 'chooses' to be groomed\n\nRecords said she was 'making her own choices'.", 'making her own')).toBe('challenged');
  });
  it('treats scare quotes and square-bracket insertions as quoted', () => {
    expect(kind("She was 'choosing' to go back.", "choosing' to go back")).toBe('quoted');
    expect(kind("Staff felt she was '[choosing] to go back'.", '[choosing] to go back')).toBe('quoted');
  });
  it('reads reported speech without quotation marks as quoted', () => {
    expect(kind('Officers described her as promiscuous.', 'promiscuous')).toBe('quoted');
    expect(kind('The school assumed she could look after herself, an assumption never tested.', 'could look after')).toBe('challenged');
  });
  it("treats the child's and family's own words as theirs", () => {
    expect(kind('Child R told the review she felt she had put herself at risk.', 'put herself')).toBe('challenged');
    expect(kind("Her father shouted that she was 'a retard'.", 'retard')).toBe('challenged');
    expect(kind("The social worker told the review she was 'streetwise'.", 'streetwise')).toBe('quoted');
  });
  it('recognises offence names, cited titles and definition entries', () => {
    expect(kind('Adult B was convicted of paying for the sexual services of a child.', 'sexual services')).toBe('meta');
    expect(kind('He was charged with sexual activity with a child.', 'sexual activity with')).toBe('meta');
    expect(kind('Practice followed Safeguarding Children Involved in Prostitution (Department of Health, 2000).', 'Involved in Prostitution')).toBe('meta');
    expect(kind("Davis and Marsh's paper 'Boys to men: the cost of adultification' (2020) is cited.", 'Boys to men')).toBe('meta');
    expect(kind('- Sexually active: not used for children in this review.', 'Sexually active')).toBe('meta');
    expect(kind("'Streetwise' is a label the review avoids.", 'Streetwise')).toBe('meta');
  });
  it('recognises discussion of the words and generic claims', () => {
    expect(kind("Terms such as 'streetwise' can reflect adultification bias.", 'streetwise')).toBe('challenged');
    expect(['meta', 'challenged']).toContain(kind('Labels such as promiscuous stop professionals seeing abuse.', 'promiscuous'));
    expect(kind('Being streetwise does not protect a child from exploitation.', 'streetwise')).toBe('meta');
  });
  it('turns round negations', () => {
    expect(kind('No child puts themselves at risk.', 'puts themselves')).toBe('rejected');
    expect(kind('It was not a lifestyle choice.', 'lifestyle choice')).toBe('rejected');
    expect(kind('The review found no evidence that she had been promiscuous.', 'promiscuous')).toBe('rejected');
  });
  it("leaves the author's own framing as the author's", () => {
    expect(kind('Child R was putting herself at risk.', 'putting herself')).toBe('author');
    expect(kind('She was streetwise, and her mother knew it.', 'streetwise')).toBe('author');
  });
  it('never throws on quotes that span sentences or never close', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("'", '"', '“', '”', '‘', '’', '[', ']', 'streetwise', 'she was', '. ', '; ', ' — ', 'records said', 'no child', '\n\n', '(2019)', 'Child R', ' '), { minLength: 1, maxLength: 40 }), (parts) => {
        const text = parts.join(' ') + ' streetwise';
        const doc = parseDocument(text);
        const at = text.lastIndexOf('streetwise');
        for (const b of doc.blocks) if (b.start <= at && at < b.end) voiceOf(b, { start: at, end: at + 10 });
      }),
      { numRuns: 400 },
    );
  });
});
