// Runs the same in-host suite with @vscode/test-electron, for machines that can download VS Code
// (or set VSCODE_EXECUTABLE to an installed one). Where the download is impossible, as on our
// offline machines, it says so and skips; e2e/run-inhost.mjs runs the suite in code-server instead.
// On Linux without a display, run it under xvfb-run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build.mjs';
import { copyWorkspace, ROOT, tempDir } from './lib/code-server.mjs';

const DOWNLOAD_TIMEOUT_MS = Number(process.env.CSPR_E2E_DOWNLOAD_TIMEOUT_MS || 20_000);

export async function runElectron({ log = console.log } = {}) {
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    try {
      const download = downloadAndUnzipVSCode({ version: '1.100.3', cachePath: path.join(ROOT, '.vscode-test'), timeout: DOWNLOAD_TIMEOUT_MS });
      vscodeExecutablePath = await Promise.race([download, new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS))]);
    } catch (e) {
      return { skipped: `VS Code could not be downloaded for @vscode/test-electron (${String(e.message || e).split('\n')[0]}); the same suite runs in code-server` };
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skipped: 'no display for Electron; run this under xvfb-run' };
  }
  const suite = await buildSuite();
  const tmp = tempDir('cspr-electron-');
  const workspace = copyWorkspace(tmp);
  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(suite, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'ud')}`],
    });
    return { ok: code === 0 };
  } catch (e) {
    log(`test-electron run failed: ${e.message || e}`);
    return { ok: false };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runElectron();
  if (r.skipped) console.log(`skipped: ${r.skipped}`);
  process.exit(r.skipped || r.ok ? 0 : 1);
}
