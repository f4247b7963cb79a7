// Starting code-server (VS Code 1.100 in the browser) and headless Chromium for the editor tests.
// Only ever binds to 127.0.0.1. Everything it writes goes to a fresh temporary folder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST = '127.0.0.1';
export const CS_VERSION = '4.100.3';
const CACHE = process.env.CSPR_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cspr-lint-e2e');

/** The code-server binary, or undefined when it is not installed (run e2e/install.sh). */
export function findCodeServer() {
  const candidates = [process.env.CODE_SERVER, path.join(CACHE, `code-server-${CS_VERSION}`, 'node_modules', '.bin', 'code-server')].filter(Boolean);
  return candidates.find((c) => fs.existsSync(c));
}

/** Debian's Chromium, or undefined. */
export function findChromium() {
  return [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((c) => fs.existsSync(c));
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies the test workspace to a temporary folder (tests edit and save files in it). */
export function copyWorkspace(tmp) {
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test-fixtures', 'workspace'), ws, { recursive: true });
  return ws;
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'markdown.validate.enabled': false,
  'editor.hover.delay': 200,
  'editor.hover.above': false, // the screenshot keeps the draft's headings in view
  'window.commandCenter': false,
};

/** Installs a .vsix into an extensions folder with code-server's --install-extension. */
export function installVsix(codeServer, tmp, extensionsDir, vsix) {
  const r = spawnSync(codeServer, ['--extensions-dir', extensionsDir, '--user-data-dir', path.join(tmp, 'ud'), '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config') },
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`--install-extension failed: ${r.stdout}${r.stderr}`);
  return `${r.stdout}`.trim();
}

/**
 * Starts code-server on a free port. Returns { url(payload), port, stop(), logFile }.
 * `settings` are merged into the quiet user settings.
 */
export async function startCodeServer({ codeServer, tmp, workspace, extensionsDir = path.join(tmp, 'ext'), settings = {} }) {
  const port = await freePort();
  const ud = path.join(tmp, 'ud');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  const args = ['--config', path.join(tmp, 'config.yaml'), '--auth', 'none', '--bind-addr', `${HOST}:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', ud, '--extensions-dir', extensionsDir, workspace];
  const logFile = path.join(tmp, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(codeServer, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config') } });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
    const res = await Promise.race([exited.then(() => 'exited'), new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
    if (res === 'timeout') {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://${HOST}:${port}/healthz`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error(`code-server exited early; see ${logFile}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not come up; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const remote = (p) => `vscode-remote://${HOST}:${port}${p}`;
  const url = (payload = []) => {
    let u = `http://${HOST}:${port}/?folder=${encodeURIComponent(workspace)}`;
    if (payload.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  };
  return { port, url, remote, stop, logFile, pid: child.pid };
}

/** Launches headless Chromium with a fresh profile (playwright-core, Debian's /usr/bin/chromium). */
export async function launchChromium(tmp, viewport = { width: 1400, height: 900 }) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: findChromium(),
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
