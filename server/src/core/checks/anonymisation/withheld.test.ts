/**
 * The withheld-characteristic check reads the analysis from per-block facts. It once tested the
 * analysis as its sentences joined with new lines, so a two-word sign of discussion could run from
 * the end of one sentence into the next ("... her health" / "needs were ..."); that still counts.
 */
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../linter';
import { loadRules } from '../../../rules-loader';

const loaded = loadRules();
const linter = createLinter(loaded.definitions, { data: loaded.data });
const withheld = (text: string): string[] =>
  linter
    .lint(text, { reviewType: 'lcspr' })
    .findings.filter((f) => f.ruleId === 'withheld-characteristic-not-analysed')
    .map((f) => text.slice(f.span.start, f.span.end));

const background = '## Background\n\nChild R\u2019s medical condition has been withheld to protect her anonymity.\n\n## Analysis\n\n';

describe('withheld characteristic, analysis read from facts', () => {
  it('asks for the analysis when the analysis never comes back to it', () => {
    expect(withheld(`${background}- Practitioners did not ask about school\n- The plan was not reviewed`)).toEqual(['withheld']);
  });

  it('finds a two-word sign of discussion within one sentence', () => {
    expect(withheld(`${background}- Practitioners did not ask about her health needs at school`)).toEqual([]);
  });

  it('finds a two-word sign of discussion that runs from one sentence into the next', () => {
    expect(withheld(`${background}- Practitioners did not ask about her health\n- needs at school were not reviewed`)).toEqual([]);
    const immigration = background.replace('medical condition', 'immigration status');
    expect(withheld(`${immigration}- Practitioners did not ask about school`)).toEqual(['withheld']);
    expect(withheld(`${immigration}- The referral went to the Home\n- Office, which did not reply`)).toEqual([]);
  });
});

describe('signs of discussion, led by their first letters', () => {
  it('match exactly where the tests as written match, in every sentence of the fixtures', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { parseDocument } = await import('../../document/parse');
    const { DISCUSSED_AS_WRITTEN, DISCUSSED_TESTS } = await import('./personal');
    const root = join(__dirname, '../../../../..');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(md|txt)$/.test(f)) files.push(p);
      }
    };
    walk(join(root, 'test-fixtures'));
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    texts.push('\u017Fexual orientation, \u017Fynagogue, Identity, SEN, SEND, \u212Aitchen, LGBTQ+, non-binary, HOME OFFICE');
    let sentences = 0;
    for (const text of texts) {
      for (const b of parseDocument(text).blocks) {
        for (const s of b.sentences) {
          sentences++;
          for (let i = 0; i < DISCUSSED_TESTS.length; i++) {
            const g = (re: RegExp): string[] => [...s.text.matchAll(new RegExp(re.source, re.flags + 'g'))].map((m) => `${m.index}:${m[0]}`);
            expect(g(DISCUSSED_TESTS[i]!)).toEqual(g(DISCUSSED_AS_WRITTEN[i]!));
          }
        }
      }
    }
    expect(sentences).toBeGreaterThan(1000);
  });
});
