import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../document/parse';
import { analyseInvolvement } from './analysis';
it('scratch', () => {
  for (const f of (process.env.FILES ?? '').split(',')) {
    const text = readFileSync(`test-fixtures/drafts/${f}`, 'utf8');
    const a = analyseInvolvement(parseDocument(text));
    console.log('==', f, a.group, [...a.table.aliases]);
    for (const s of a.statements) console.log('  S', JSON.stringify(text.slice(s.unit.span.start, s.unit.span.end).slice(0, 140)), [...s.byPerson].map(([k, v]) => `${k}:${[...v].join('/')}`).join(' '), [...s.reasons].join(','));
  }
});
