// Neovim's built-in LSP client (Debian's package) attached to `cspr-lint-server --stdio` receives
// the diagnostics: proof that any editor speaking the Language Server Protocol works.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, tempDir } from './lib/code-server.mjs';

export function findNeovim() {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

export async function runNeovim({ log = console.log } = {}) {
  const version = findNeovim();
  if (!version) return { skipped: 'Neovim is not installed (apt-get install neovim, or run e2e/install.sh)' };
  const tmp = tempDir('cspr-nvim-');
  const draft = path.join(tmp, 'draft.md');
  fs.copyFileSync(path.join(ROOT, 'test-fixtures', 'workspace', 'review-draft.md'), draft);
  const out = path.join(tmp, 'diagnostics.txt');
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'e2e', 'neovim', 'lsp.lua')}`, draft], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, SERVER_CMD: `${process.execPath} ${path.join(ROOT, 'bin', 'cspr-lint-server.js')} --stdio`, OUT: out },
  });
  const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  fs.rmSync(tmp, { recursive: true, force: true });
  const lines = text.trim().split('\n');
  const got = lines.slice(0, -1);
  log(`${version}: ${got.length} diagnostics`);
  got.forEach((l) => log(`  ${l.slice(0, 110)}`));
  const ok = lines.at(-1) === 'true' && got.some((l) => /^16:\d+ no-putting-self-at-risk cspr-lint /.test(l)) && got.some((l) => / acronym-defined-on-first-use cspr-lint /.test(l));
  if (!ok) log(`Neovim did not receive the expected diagnostics (exit ${r.status}): ${r.stderr || r.stdout || text}`);
  return { ok };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await runNeovim();
  if (r.skipped) console.log(`skipped: ${r.skipped}`);
  process.exit(r.skipped || r.ok ? 0 : 1);
}
