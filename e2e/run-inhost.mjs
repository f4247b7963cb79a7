// Runs the in-host Mocha suite (out/e2e/suite) inside code-server's extension host: the same
// `extensionTestsPath` module @vscode/test-electron runs, offline. Exit code 0 when every test passed.
import fs from 'node:fs';
import { format } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build.mjs';
import { copyWorkspace, findChromium, findCodeServer, launchChromium, ROOT, startCodeServer, tempDir } from './lib/code-server.mjs';

export async function runInHost({ timeoutMs = 480_000 } = {}) {
  const codeServer = findCodeServer();
  if (!codeServer || !findChromium()) return { skipped: 'code-server or Chromium is not installed (run e2e/install.sh)' };
  const t0 = Date.now();
  const suite = await buildSuite();
  const tmp = tempDir('cspr-inhost-');
  const workspace = copyWorkspace(tmp);
  const server = await startCodeServer({ codeServer, tmp, workspace });
  if (process.env.CSPR_E2E_TIMING) console.log(`  [timing] code-server up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let browser;
  const output = [];
  try {
    browser = await launchChromium(tmp);
    const page = browser.pages()[0] || (await browser.newPage());
    let done;
    const finished = new Promise((r) => (done = r));
    // The workbench forwards everything the extension host logs; show only the tests' own output.
    let started = false;
    const NOISE = /^(Resolving connection|Resolved connection|Creating a socket|Creation of workbench|Updating additional|\[Service Worker\]|ChatSessionStore|getaddrinfo|\s+at )/;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(args || []));
      output.push(line);
      if (line.includes('=== cspr-lint editor tests ===')) {
        started = true;
        if (process.env.CSPR_E2E_TIMING) console.log(`  [timing] tests started after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      else if (process.env.CSPR_E2E_TIMING === 'all') console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)}] ${line.slice(0, 150)}`);
      else if (started && !NOISE.test(line)) process.stdout.write(`  ${line.replace(/\n/g, '\n  ')}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (c) => done(c));
    if (process.env.CSPR_E2E_TIMING) console.log(`  [timing] browser ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await page.goto(server.url([['extensionDevelopmentPath', server.remote(ROOT)], ['extensionTestsPath', server.remote(path.join(suite, 'index.js'))]]));
    const code = await Promise.race([finished, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    if (code === 'timeout') console.log(`  the in-host tests did not finish within ${timeoutMs / 1000} s; code-server log: ${server.logFile}`);
    if (process.env.CSPR_E2E_TIMING) console.log(`  [timing] tests finished after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { ok: code === 0, code, output };
  } finally {
    try {
      await browser?.close();
    } catch {}
    await server.stop();
    if (process.env.CSPR_E2E_TIMING) console.log(`  [timing] stopped after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (process.env.CSPR_E2E_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runInHost();
  if (r.skipped) console.log(`skipped: ${r.skipped}`);
  process.exit(r.skipped || r.ok ? 0 : 1);
}
