/**
 * The same property through the real server: a draft reached by a random sequence of incremental
 * edits gets exactly the diagnostics of the same text opened fresh, every range lies inside the
 * document, and the server never exits.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLinter } from '../server/src/core/linter';
import { loadRules } from '../server/src/rules-loader';
import { applyRandomEdit, draft, edits, exampleSentences, params, TIMEOUT } from './fuzz/arbitraries';
import type { TestServer } from './lsp-client';
import { DidChangeTextDocumentNotification, startServer } from './lsp-client';

const loaded = loadRules();
const EXAMPLES = exampleSentences(createLinter(loaded.definitions, { data: loaded.data }).rules);

/** What must match between two analyses: everything but the per-version data. */
const comparable = (items: Diagnostic[]) => items.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message }));

describe('properties through the real server', () => {
  let server: TestServer;
  let n = 0;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('incremental edits give the diagnostics of the same text opened fresh', async () => {
    await fc.assert(
      fc.asyncProperty(draft(EXAMPLES, 15), edits(EXAMPLES, 10), async (start, sequence) => {
        const uri = `file:///tmp/cspr-server-properties/edited-${++n}.md`;
        let doc = TextDocument.create(uri, 'markdown', 1, start);
        await server.open(uri, start);
        await server.pull(uri);
        for (const e of sequence) {
          // An offset inside a CRLF has no LSP position; the editor's copy (TextDocument) is the truth.
          const { start: from, end } = applyRandomEdit(doc.getText(), e);
          const range = { start: doc.positionAt(from), end: doc.positionAt(end) };
          doc = TextDocument.update(doc, [{ range, text: e.insert }], doc.version + 1);
          await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: e.insert }] });
          // Analyse some of the intermediate versions, as an editor does while typing.
          if (doc.version % 3 === 0) await server.pull(uri);
        }
        const edited = (await server.pull(uri)).items!;
        const fresh = `file:///tmp/cspr-server-properties/fresh-${n}.md`;
        await server.open(fresh, doc.getText());
        const opened = (await server.pull(fresh)).items!;
        expect(comparable(edited)).toEqual(comparable(opened));
        for (const d of edited) expect(doc.offsetAt(d.range.end)).toBeGreaterThanOrEqual(doc.offsetAt(d.range.start));
        expect(edited.filter((d) => d.code === 'rule-failed')).toEqual([]);
        expect(server.process.exitCode).toBeNull();
      }),
      params(8),
    );
  }, Math.max(TIMEOUT, 180_000));
});
