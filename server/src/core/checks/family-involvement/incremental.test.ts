/**
 * The involvement analysis is folded from per-block facts and reuses statements, child facts and the
 * alias table while their inputs are unchanged: after each edit it must say exactly what a fresh
 * analysis of the same text says, and an edit must not make it read the unchanged blocks again.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../document/model';
import { parseDocument } from '../../document/parse';
import { analyseInvolvement } from './analysis';
import { childFacts } from './children';
import { involvementFacts } from './index';

const DRAFT = `---
pseudonyms: Kai (the child)
---
# Local Child Safeguarding Practice Review: Kai

## Involvement of the family

The lead reviewer wrote to both parents in March. Ms K, the children's mother, met the reviewer twice with her advocate. She told the review that she had felt judged. The father did not reply to the letter. The children were not asked to take part because of their age.

The maternal grandmother could not be traced. Child T2 was not approached.

## Background

Kai was 13 and lived with his mother and Child B, aged 4. Kai said that he liked football. The children spent weekends with their grandmother.

| Name | Relationship |
| --- | --- |
| Ms K | mother |
| Mr L | mother's partner |

## Analysis

The review panel decided not to involve Mr L because of the ongoing criminal proceedings.
`;

/** What a check can see of the analysis, as plain data. */
function snapshot(doc: ParsedDocument): unknown {
  const a = analyseInvolvement(doc);
  return {
    facts: involvementFacts(doc),
    children: childFacts(doc, a),
    statements: a.statements.map((s) => ({ span: s.unit.span, persons: s.persons, statuses: [...s.statuses], reasons: [...s.reasons], window: s.window, byPerson: [...s.byPerson].map(([k, v]) => [k, [...v]]) })),
    units: a.units.map((u) => [u.span.start, u.span.end, u.section?.index, u.people.map((p) => [p.start, p.end, p.keys.join(',')])]),
    table: { aliases: [...a.table.aliases], children: [...a.table.children] },
  };
}

const EDITS: ReadonlyArray<[find: string, insert: string]> = [
  ['The father did not', 'x'],
  ['Kai said', 'The children met the reviewer. '],
  ['## Background', 'Child T3 was not involved.\n\n'],
  ['Kai was 13', 'Her grandson, referred to as "Leo", declined. '],
  ['| Mr L |', '| Ms J | grandmother |\n'],
  ['The review panel', 'She declined. '],
  ['---\n#', 'child: Ella\n'],
];

describe('the involvement analysis after edits', () => {
  it('says what a fresh analysis of the same text says', () => {
    let text = DRAFT;
    let doc = parseDocument(text);
    expect(snapshot(doc)).toEqual(snapshot(parseDocument(text)));
    for (const [find, insert] of EDITS) {
      const at = text.indexOf(find);
      expect(at).toBeGreaterThanOrEqual(0);
      text = text.slice(0, at) + insert + text.slice(at);
      doc = parseDocument(text, { previous: doc });
      const fresh = parseDocument(text);
      expect(snapshot(doc)).toEqual(snapshot(fresh));
    }
  });

  it('reuses what it worked out for the unchanged sentences', () => {
    const doc = parseDocument(DRAFT);
    const before = analyseInvolvement(doc);
    const at = DRAFT.indexOf('Kai said');
    const next = parseDocument(DRAFT.slice(0, at) + 'x' + DRAFT.slice(at), { previous: doc });
    const after = analyseInvolvement(next);
    expect(after).not.toBe(before);
    // The edit is after every statement: each is the same statement, worked out once.
    expect(before.statements.length).toBeGreaterThan(3);
    expect(after.statements.length).toBe(before.statements.length);
    after.statements.forEach((s, i) => expect(s.byPerson).toBe(before.statements[i]!.byPerson));
  });
});
