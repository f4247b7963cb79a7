/**
 * Privacy: what PRIVACY.md promises, as tests.
 * - The shipped bundles (dist/*.js, built by `node esbuild.mjs` before `npm test`) contain no network
 *   module or call outside an explicit allow list, and the allowed ones talk only to a local pipe or
 *   to 127.0.0.1.
 * - No telemetry: no telemetry module in the bundles, no telemetry call in our own code.
 * - The real server, at every log level, never writes document text to its log (window/logMessage),
 *   its messages (window/showMessage), protocol traces or stderr: a canary word in every part of a
 *   draft never appears there.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DidCloseTextDocumentNotification, HoverRequest, LogTraceNotification } from 'vscode-languageserver-protocol/node';
import type { TestServer } from './lsp-client';
import { markdownToDocx } from './fixtures/office';
import { typesetPdf } from './fixtures/pdf';
import { DidChangeConfigurationNotification, DidChangeTextDocumentNotification, startServer } from './lsp-client';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');

/** One module's code inside a bundle, found by the `// path` comment esbuild writes before each module. */
interface Section {
  module: string;
  code: string;
}

function sections(bundle: string): Section[] {
  const out: Section[] = [];
  let current: Section = { module: '(bundle preamble)', code: '' };
  for (const line of bundle.split('\n')) {
    const m = /^\/\/ ((?:node_modules|server|client|rules|bin)\/\S+)$/.exec(line);
    if (m) {
      out.push(current);
      current = { module: m[1]!, code: '' };
    } else current.code += `${line}\n`;
  }
  out.push(current);
  return out;
}

/** Network modules and calls: loading a network module, or a browser-style network API. */
const NETWORK = [
  { name: 'a network module', re: /\b(?:require|__require|import)\s*\(\s*["'](?:node:)?(http|https|http2|net|dgram|tls|dns|undici)["']\s*\)|\bfrom\s+["'](?:node:)?(http|https|http2|net|dgram|tls|dns|undici)["']/g },
  { name: 'fetch()', re: /(?<![\w$.])fetch\s*\(|\.fetch\s*\(/g },
  { name: 'XMLHttpRequest', re: /\bXMLHttpRequest\b/g },
  { name: 'WebSocket', re: /\bWebSocket\b/g },
  { name: 'EventSource', re: /\bEventSource\b/g },
  { name: 'sendBeacon', re: /\bsendBeacon\b/g },
  { name: 'a raw socket binding', re: /process\.binding\s*\(\s*["'](?:tcp_wrap|udp_wrap|pipe_wrap|tls_wrap|cares_wrap)["']/g },
];

/**
 * The only network code allowed in the bundles, and why. vscode-jsonrpc's Node entry point (in the
 * client and in the server) loads `net` for its pipe and socket transports: a named pipe or Unix
 * socket, or a TCP socket on 127.0.0.1 (loopback) at a port given on the command line by the program
 * that starts the server. The cspr-lint client starts the server over Node's IPC channel and the
 * server is otherwise run with --stdio, so in normal use `net` is loaded but never opens anything;
 * when an editor chooses --socket or --pipe, the connection still never leaves the machine.
 */
const ALLOWED: { bundle: RegExp; module: RegExp; found: string; why: string }[] = [
  {
    bundle: /^(client|server)\.js$/,
    module: /^node_modules\/(?:vscode-languageserver\/node_modules\/|vscode-languageclient\/node_modules\/)?vscode-jsonrpc\/lib\/node\/main\.js$/,
    found: 'net',
    why: 'LSP pipe and socket transports: a local named pipe, or TCP on 127.0.0.1 only',
  },
  // pdf.js can load a PDF, fonts and character maps from a URL. server/src/extract/pdf.ts always
  // passes the file's bytes and no URL of any kind (checked below, and at run time by the trap test),
  // so that code cannot run.
  ...(['fetch()', 'XMLHttpRequest'] as const).map((found) => ({
    bundle: /^(cli|server|batch-worker)\.js$/,
    module: /^node_modules\/pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/,
    found,
    why: 'pdf.js loading from URLs, never used: cspr-lint hands it the bytes of a local file',
  })),
];

const bundles = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.js')) : [];

describe('no network code in the shipped bundles', () => {
  it('the bundles exist and are not minified, so modules can be named (`npm test` builds them first)', () => {
    expect(bundles.sort()).toEqual(expect.arrayContaining(['cli.js', 'client.js', 'server.js']));
    for (const b of bundles) expect(readFileSync(join(DIST, b), 'utf8'), `${b} has no module comments; build without --production`).toMatch(/^\/\/ (?:node_modules|server|client)\//m);
  });

  it('has no network module or call outside the allow list', () => {
    const found: string[] = [];
    const allowedSeen = new Set<number>();
    for (const b of bundles) {
      for (const s of sections(readFileSync(join(DIST, b), 'utf8'))) {
        for (const { name, re } of NETWORK) {
          for (const m of s.code.matchAll(re)) {
            const what = m[1] ?? m[2] ?? name;
            const i = ALLOWED.findIndex((a) => a.bundle.test(b) && a.module.test(s.module) && a.found === what);
            if (i >= 0) allowedSeen.add(i);
            else found.push(`dist/${b}: ${s.module}: ${name}${m[1] ?? m[2] ? ` (${what})` : ''}: ${m[0]}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
    // Each allow-list entry must still be needed, so the list cannot quietly grow stale.
    expect([...allowedSeen].sort()).toEqual(ALLOWED.map((_, i) => i));
  });

  it('the allowed transport code connects only to a local pipe or 127.0.0.1', () => {
    for (const b of ['client.js', 'server.js']) {
      const allowed = sections(readFileSync(join(DIST, b), 'utf8')).filter((s) => ALLOWED.some((a) => a.found === 'net' && a.module.test(s.module)));
      expect(allowed.length).toBeGreaterThan(0);
      for (const s of allowed) {
        const hosts = [...s.code.matchAll(/\b(?:createConnection|connect|listen)\)?\(\s*[\w$.]+\s*,\s*["']([^"']+)["']/g)].map((m) => m[1]);
        expect(hosts.length).toBeGreaterThan(0);
        expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
      }
    }
  });

  it('PDFs are read from their bytes only: pdf.js is given no URL, so its network code never runs', () => {
    const source = readFileSync(join(ROOT, 'server', 'src', 'extract', 'pdf.ts'), 'utf8');
    const calls = [...source.matchAll(/getDocument\(\s*\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(calls.length).toBeGreaterThan(0);
    for (const options of calls) {
      expect(options).toMatch(/\bdata\s*:/);
      expect(options).not.toMatch(/\b(url|docBaseUrl|cMapUrl|standardFontDataUrl|wasmUrl|iccUrl|httpHeaders|withCredentials|useWorkerFetch)\s*:/);
    }
    expect(source).not.toMatch(/GlobalWorkerOptions\.workerSrc\s*=\s*['"`]https?:/);
  });

  it('the client starts the server over IPC or stdio, never a socket', () => {
    const client = walk(join(ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(client).toMatch(/TransportKind\.(ipc|stdio)/);
    expect(client).not.toMatch(/TransportKind\.(socket|pipe)|--socket|--pipe/);
  });

  it('the extension package ships no code but the scanned bundles', () => {
    // .vscodeignore leaves everything out, then lets back in what the extension runs and shows.
    const kept = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    expect(readFileSync(join(ROOT, '.vscodeignore'), 'utf8')).toMatch(/^\*\*$/m);
    expect(kept.filter((k) => /\.(c|m)?js$|\*\*$|\/\*$/.test(k) && !/^(rules|syntaxes|client\/templates|media)\//.test(k)).sort()).toEqual(['dist/client.js', 'dist/server.js']);
    expect(kept).toContain('PRIVACY.md');
  });

  it('the editor views cannot load anything from the network (Content-Security-Policy)', () => {
    const sources = walk(join(ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    // Every line that writes a policy (they start with default-src).
    const policies = sources.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.includes('default-src')));
    if (sources.some((f) => /createWebviewPanel|registerWebviewViewProvider/.test(readFileSync(f, 'utf8')))) expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) {
      expect(p).toContain("default-src 'none'");
      expect(p).toContain("connect-src 'none'");
      expect(p).not.toMatch(/https?:|\*/);
    }
  });

  // Files are written only where the user asks for one; nothing else in shipped code writes a file.
  const WRITERS_ALLOWED: Record<string, string> = {
    'server/src/cli/main.ts': 'the quality report, only to the file named with --report',
    'client/src/commands/quality-summary.ts': 'the quality summary, only where the user chooses in a save dialog',
  };
  it('writes files only where the user asks for one (the docs tool is not shipped)', () => {
    const shipped = ['server/src', 'client/src'].flatMap((d) => walk(join(ROOT, d))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes(`${join('server', 'src', 'tools')}`));
    const writers = shipped.filter((f) => /\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|mkdirSync|mkdtempSync|copyFileSync|renameSync|rmSync|unlinkSync)\s*\(|workspace\.fs\.(writeFile|createDirectory|delete|rename|copy)\b/.test(readFileSync(f, 'utf8')));
    expect(writers.map((f) => relative(ROOT, f).split('\\').join('/')).filter((f) => !WRITERS_ALLOWED[f])).toEqual([]);
  });

  it('has no telemetry: no telemetry module in the bundles, no telemetry call in our code', () => {
    for (const b of bundles) {
      const modules = sections(readFileSync(join(DIST, b), 'utf8')).map((s) => s.module);
      expect(modules.filter((m) => /telemetry|applicationinsights|sentry|segment|mixpanel|posthog|amplitude/i.test(m)), b).toEqual([]);
    }
    const ours = ['server/src', 'client/src'].flatMap((d) => walk(join(ROOT, d))).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const calls = ours.filter((f) => /\btelemetry\.|createTelemetryLogger|TelemetryLogger|extension-telemetry|TelemetryEventNotification|sendTelemetry/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(calls).toEqual([]);
  });
});

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// A word that appears nowhere in the code or the rules, so any sighting is document text leaking.
const CANARY = 'Quokkafrost';
const CANARY_DRAFT = `---
review-type: lcspr
pseudonyms: [${CANARY}]
---
# Review of ${CANARY}

${CANARY}, aged 14, was putting herself at risk. The MASH met ${CANARY} on Monday.

> Records said ${CANARY} was "choosing" this.

| Name | Note |
| --- | --- |
| ${CANARY} | The ICPC for ${CANARY} was held. |

- ${CANARY} did not attend; ${CANARY} service users.

<!-- cspr-lint-disable-next-line no-putting-self-at-risk -->
${CANARY} put herself in danger.

\`\`\`
${CANARY} in code
\`\`\`
`;
const BROKEN_FRONT_MATTER = `---\nreview-type: [${CANARY}\n---\n${CANARY} was putting herself at risk.\n`;
const LEVELS = ['off', 'error', 'info', 'verbose'] as const;

describe('no document text in logs, at every log level', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  // One server per diagnostics mode, started at the most talkative level, then taken through every
  // level in turn (levels are read afresh for each message, so this is what a user switching sees).
  it.each(['pull', 'push'] as const)('%s diagnostics: at every log level the canary never reaches a log, a message, a trace or stderr', async (mode) => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-privacy-'));
    // A workspace file with a problem, so the server has something to log.
    writeFileSync(join(dir, '.cspr-lint.yaml'), 'rules:\n  no-putting-self-at-risk: loud\n');
    const customTerms = [{ pattern: 'service users?', message: 'Say who you mean instead of {{match}}.', replacement: 'families' }, { pattern: '(?=bad)', message: 'bad pattern' }];
    server = await startServer({ pull: mode === 'pull', configuration: true, rootUri: pathToFileURL(dir).href, initializationOptions: { settings: { logLevel: 'verbose', customTerms } } });
    server.settings = { logLevel: 'verbose', customTerms };
    const s = server;
    const traces: string[] = [];
    s.connection.onNotification(LogTraceNotification.type, (p) => {
      traces.push(`${p.message} ${p.verbose ?? ''}`);
    });
    const diagnosticsOf = async (u: string, version: number): Promise<Diagnostic[]> =>
      mode === 'pull' ? (await s.pull(u)).items! : (await s.waitFor(() => s.pushed.filter((p) => p.uri === u && (p.version ?? 0) >= version).at(-1))).diagnostics;

    for (const logLevel of ['verbose', ...LEVELS] as const) {
      s.settings = { logLevel, customTerms };
      await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await new Promise((r) => setTimeout(r, 100));
      const before = s.logs.length;
      const uri = pathToFileURL(join(dir, `draft-${logLevel}.md`)).href;
      const broken = pathToFileURL(join(dir, `broken-${logLevel}.md`)).href;
      const plain = pathToFileURL(join(dir, `notes-${logLevel}.txt`)).href;
      await s.open(uri, CANARY_DRAFT);
      await s.open(broken, BROKEN_FRONT_MATTER);
      await s.open(plain, `${CANARY} notes.\n`, 'plaintext');
      const items = await diagnosticsOf(uri, 1);
      expect(items.length).toBeGreaterThan(0);
      await diagnosticsOf(broken, 1);
      await diagnosticsOf(plain, 1);
      // Every request an editor makes: hovers, quick fixes, fix all, edits, close.
      for (const d of items.slice(0, 6)) {
        await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d.range.start });
        await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      }
      (await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: items[0]!.range, context: { diagnostics: [], only: ['source.fixAll.cspr-lint'] } })) as CodeAction[];
      await s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: `${CANARY}, aged 15, was putting herself at risk. ` }] });
      await diagnosticsOf(uri, 2);
      // Requests about positions and documents that do not exist must fail without echoing text.
      await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 999, character: 999 } }).catch(() => undefined);
      await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }).catch(() => undefined);
      await s.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: broken } });
      await new Promise((r) => setTimeout(r, 100));
      // The test would prove nothing if the server were silent: at verbose it reports each analysis.
      if (logLevel === 'verbose') expect(s.logs.slice(before).join('\n')).toMatch(/analysed a document of \d+ characters/);
      if (logLevel === 'off') expect(s.logs.slice(before)).toEqual([]);
      const everything = [...s.logs, ...s.messages, ...traces, s.stderr()].join('\n');
      expect(everything.toLowerCase(), `at log level ${logLevel}`).not.toContain(CANARY.toLowerCase());
    }
    // At start-up (verbose) the bad workspace file and the bad custom term were reported, without text.
    expect([...s.logs, ...s.messages].join('\n')).toMatch(/customTerms\[1\]\.pattern/);
    expect(s.process.exitCode).toBeNull();
  }, 120_000);
});

const PRELOAD = join(__dirname, 'fuzz', 'no-network-preload.cjs');
const TRAP_DRAFT = '# Review of Child B\n\nChild B, aged 14, was putting herself at risk.\n\nThe MASH met on Monday.\n';

describe('no network use at run time (every network API trapped)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('the CLI reads Markdown, Word and PDF drafts and writes its report without touching the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cspr-no-network-'));
    writeFileSync(join(dir, 'draft.md'), TRAP_DRAFT);
    writeFileSync(join(dir, 'draft.docx'), await markdownToDocx(TRAP_DRAFT));
    writeFileSync(join(dir, 'draft.pdf'), (await typesetPdf([{ kind: 'heading', text: 'Review of Child B' }, { kind: 'paragraph', text: 'Child B, aged 14, was putting herself at risk.' }])).bytes);
    const report = join(dir, 'report.html');
    const r = spawnSync(process.execPath, ['--require', PRELOAD, join(ROOT, 'bin', 'cspr-lint.js'), '--format', 'json', '--report', report, 'draft.md', 'draft.docx', 'draft.pdf'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toContain('CSPR-NO-NETWORK-ACTIVE main');
    expect(r.stderr).not.toContain('CSPR-NETWORK-ATTEMPT');
    const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(files).toHaveLength(3);
    for (const f of files) expect(f.messages.map((m) => m.ruleId), f.filePath).toContain('no-putting-self-at-risk');
    // The report is one self-contained page that may not load anything.
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']https?:/i);
  }, 150_000);

  it('the server answers an editor, and reads Word and PDF files, without touching the network', async () => {
    server = await startServer({ env: { NODE_OPTIONS: `--require ${PRELOAD}` } });
    const uri = 'file:///tmp/cspr-no-network/draft.md';
    await server.open(uri, TRAP_DRAFT);
    expect((await server.pull(uri)).items!.map((d) => d.code)).toContain('no-putting-self-at-risk');
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 25 } });
    await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.cspr-lint'] } });
    // The editor's "Check a Word or PDF review" command: the server reads the files itself.
    const dir = mkdtempSync(join(tmpdir(), 'cspr-no-network-server-'));
    writeFileSync(join(dir, 'draft.docx'), await markdownToDocx(TRAP_DRAFT));
    writeFileSync(join(dir, 'draft.pdf'), (await typesetPdf([{ kind: 'heading', text: 'Review of Child B' }, { kind: 'paragraph', text: 'Child B, aged 14, was putting herself at risk.' }])).bytes);
    for (const f of ['draft.docx', 'draft.pdf']) {
      const read = (await server.connection.sendRequest('csprLint/extractFile', { uri: pathToFileURL(join(dir, f)).href })) as { ok: boolean; text?: string };
      expect(read.ok, `${f}: ${JSON.stringify(read).slice(0, 300)}`).toBe(true);
      expect(read.text, f).toContain('putting herself at risk');
    }
    expect(server.stderr()).toContain('CSPR-NO-NETWORK-ACTIVE main');
    expect(server.stderr()).not.toContain('CSPR-NETWORK-ATTEMPT');
  }, 60_000);

  it('the trap itself works: a real attempt is caught and reported', () => {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('https').get('https://example.org')"], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toContain('CSPR-NETWORK-ATTEMPT https.get');
    const f = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('net').connect(443, 'example.org')"], { encoding: 'utf8', timeout: 30_000 });
    expect(f.stderr).toContain('CSPR-NETWORK-ATTEMPT net connect to example.org');
  });
});
