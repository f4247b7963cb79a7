/** Keeps the core pure: no editor, protocol, file-system or network imports anywhere under core. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = __dirname;
const FORBIDDEN = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*|(node:)?(fs|fs\/promises|net|http|https|http2|dgram|dns|tls|child_process|worker_threads))$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

/** Every module specifier a file imports or requires. */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return specs;
}

describe('architecture', () => {
  it('finds imports of every form', () => {
    expect(importsOf("import * as fs from 'node:fs';\nconst x = require('http');\nimport('net');\nexport { a } from './a';").sort()).toEqual(['./a', 'http', 'net', 'node:fs']);
  });
  it('server/src/core imports no vscode, LSP, fs, net or http module', () => {
    const offenders = files(CORE).flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((s) => FORBIDDEN.test(s)).map((s) => `${relative(CORE, f)} imports ${s}`));
    expect(offenders).toEqual([]);
  });
  it('core never logs (no console calls), so document text cannot reach a log from there', () => {
    const offenders = files(CORE).filter((f) => /\bconsole\.(log|info|warn|error|debug)\(/.test(readFileSync(f, 'utf8'))).map((f) => relative(CORE, f));
    expect(offenders).toEqual([]);
  });
});
