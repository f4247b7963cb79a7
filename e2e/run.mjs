// `npm run test:e2e`: the editor tests, in real editors (the in-host suite is type-checked meanwhile).
//   1. Neovim's built-in LSP client receives diagnostics from cspr-lint-server --stdio.
//   2. The in-host Mocha suite runs inside VS Code's extension host (code-server), offline.
//   3. The UI test drives VS Code in headless Chromium and saves screenshots to test-output/.
//   4. `npm run package` builds the .vsix; installed with --install-extension, it shows diagnostics.
//   5. The same in-host suite under @vscode/test-electron, where VS Code can be downloaded.
// Missing tools are skipped with a message (e2e/install.sh installs them); CSPR_E2E_REQUIRE=1 (set by
// .ci/run) makes a missing tool a failure. CSPR_SKIP_E2E=1 skips everything.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { runElectron } from './run-electron.mjs';
import { runInHost } from './run-inhost.mjs';
import { runNeovim } from './neovim.mjs';
import { findChromium, findCodeServer, ROOT } from './lib/code-server.mjs';
import { runUi, runVsix } from './ui.mjs';

const required = process.env.CSPR_E2E_REQUIRE === '1';
const only = process.env.CSPR_E2E_ONLY ? process.env.CSPR_E2E_ONLY.split(',') : undefined;
const results = [];
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function step(id, title, fn, { optional = false } = {}) {
  if (only && !only.includes(id)) return;
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  let r;
  try {
    r = await fn();
  } catch (e) {
    console.log(`  ${e.stack || e}`);
    r = { ok: false };
  }
  const took = secs(Date.now() - started);
  if (r.skipped) {
    const fail = required && !optional;
    console.log(`${fail ? '✖' : '-'} ${title}: skipped: ${r.skipped}${fail ? ' (required in CI)' : ''}`);
    results.push(fail ? 'failed' : 'skipped');
  } else {
    console.log(`${r.ok ? '✔' : '✖'} ${title} (${took})`);
    results.push(r.ok ? 'passed' : 'failed');
  }
}

if (process.env.CSPR_SKIP_E2E === '1') {
  console.log('editor tests skipped (CSPR_SKIP_E2E=1)');
  console.log('e2e: 0 passed, 0 failed, 6 skipped');
  process.exit(0);
}

const log = (s) => console.log(`  ${s}`);
// Type-check the in-host suite in the background while the editors run; its result is the last step.
const typecheck = new Promise((resolve) => {
  if (only && !only.includes('typecheck')) return resolve(undefined);
  const tsc = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'e2e', 'tsconfig.json'), '--noEmit'], { cwd: ROOT });
  let out = '';
  tsc.stdout.on('data', (d) => (out += d));
  tsc.stderr.on('data', (d) => (out += d));
  tsc.on('close', (code) => resolve({ code, out }));
});
await step('neovim', 'Neovim LSP client receives diagnostics', () => runNeovim({ log }));
await step('inhost', 'In-host editor tests in VS Code (code-server)', () => runInHost());
await step('ui', 'UI test in VS Code with headless Chromium', () => runUi({ log }));
await step('vsix', 'Packaged .vsix installed into VS Code shows diagnostics', async () => {
  if (!findCodeServer() || !findChromium()) return { skipped: 'code-server or Chromium is not installed (run e2e/install.sh)' };
  const pack = spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // vscode:prepublish made a production build; put the development build back for the other tools.
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (pack.status !== 0) {
    log(`npm run package failed:\n${pack.stdout}${pack.stderr}`);
    return { ok: false };
  }
  log(pack.stdout.trim().split('\n').filter((l) => /DONE|Packaged/.test(l)).join(' '));
  return runVsix({ vsix: path.join(ROOT, 'out', 'cspr-lint.vsix'), log });
});
await step('typecheck', 'Type-check the in-host tests', async () => {
  const r = await typecheck;
  if (r.code !== 0) log(r.out);
  return { ok: r.code === 0 };
});
await step('electron', 'In-host editor tests under @vscode/test-electron', () => runElectron({ log }), { optional: true });

const count = (k) => results.filter((r) => r === k).length;
console.log(`\neditor tests took ${secs(Date.now() - t0)}`);
console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
process.exit(count('failed') > 0 ? 1 : 0);
