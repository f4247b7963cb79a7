/** The CLI as a process: formats, exit codes, files, folders, patterns, stdin and bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'cspr-lint.js');
const EXAMPLE = join(__dirname, '..', 'test-fixtures', 'drafts', 'example-lcspr.md');

function cli(args: string[], input?: string, cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cspr-cli-'));
}

describe('cspr-lint CLI', () => {
  it('prints readable findings for the bundled example draft', () => {
    const r = cli([EXAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('example-lcspr.md');
    expect(r.stdout).toMatch(/line \d+, col \d+ +warning +'was putting herself at risk'/);
    expect(r.stdout).toMatch(/\d+ findings in 1 of 1 file/);
  });

  it('prints exactly the documented JSON shape, with 1-based UTF-16 lines and columns', () => {
    const dir = tmp();
    const file = join(dir, 'd.md');
    writeFileSync(file, '# Review\n\n😀 Child B, aged 14, was putting herself at risk. The MASH met.\n');
    const r = cli(['--format', 'json', file]);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0]).sort()).toEqual(['errorCount', 'filePath', 'messages', 'warningCount']);
    const m = out[0].messages.find((x: { ruleId: string }) => x.ruleId === 'no-putting-self-at-risk');
    // The emoji is two UTF-16 code units, so the match starts at column 22, not 21.
    expect(m).toMatchObject({ category: 'victim-blaming', severity: 'warning', line: 3, column: 22, endLine: 3, endColumn: 49 });
    expect(m.suggestions[0].fix.text).toBe('was placed at risk by adults');
    expect(m.fix).toBeUndefined();
    const a = out[0].messages.find((x: { ruleId: string }) => x.ruleId === 'acronym-defined-on-first-use');
    expect(a.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: 'Multi-Agency Safeguarding Hub (MASH)' });
    for (const msg of out[0].messages) {
      expect(Object.keys(msg).every((k) => ['ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix', 'suggestions'].includes(k))).toBe(true);
    }
    expect(out[0].warningCount).toBe(2);
    expect(out[0].errorCount).toBe(0);
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', () => {
    const r = cli(['--format', 'sarif', EXAMPLE]);
    const log = JSON.parse(r.stdout);
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
  });

  it('exits 1 when a rule is set to error in .cspr-lint.yaml, and 0 when there are only warnings', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'd.md'), 'Child B, aged 14, was putting herself at risk.\n');
    expect(cli(['d.md'], undefined, dir).status).toBe(0);
    writeFileSync(join(dir, '.cspr-lint.yaml'), 'rules:\n  no-putting-self-at-risk: error\n');
    const r = cli(['--format', 'json', 'd.md'], undefined, dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].errorCount).toBe(1);
  });

  it('exits 2 on a usage error and on a missing file, but still checks the other files', () => {
    expect(cli(['--format', 'xml', EXAMPLE]).status).toBe(2);
    expect(cli(['--review-type', 'weekly', EXAMPLE]).stderr).toContain('--review-type must be');
    expect(cli([]).status).toBe(2);
    const r = cli(['--format', 'json', EXAMPLE, 'no-such-file.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-file.md: no such file or folder');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('reads standard input with -', () => {
    const r = cli(['--format', 'json', '-'], 'Child B was putting herself at risk.\n');
    expect(JSON.parse(r.stdout)[0].filePath).toBe('<stdin>');
    expect(JSON.parse(r.stdout)[0].messages[0].ruleId).toBe('no-putting-self-at-risk');
  });

  it('checks folders and patterns, skips a binary file with a message and carries on', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, 'drafts', 'a.md'), 'Child B was putting herself at risk.\n');
    writeFileSync(join(dir, 'drafts', 'b.txt'), 'Child C put himself in danger.\n');
    writeFileSync(join(dir, 'drafts', 'c.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const folder = cli(['--format', 'json', 'drafts'], undefined, dir);
    expect(folder.stderr).toContain('skipped drafts/c.md: it looks like a binary file');
    expect(JSON.parse(folder.stdout).map((x: { filePath: string }) => x.filePath.split('/').pop())).toEqual(['a.md', 'b.txt']);
    const glob = cli(['--format', 'json', 'drafts/*.md'], undefined, dir);
    expect(JSON.parse(glob.stdout)).toHaveLength(1);
    expect(cli(['nothing/*.md'], undefined, dir).stderr).toContain('no files match this pattern');
  });

  it('handles UTF-16 with a byte-order mark, invalid UTF-8 and a 5 MB file without crashing', () => {
    const dir = tmp();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Child B was putting herself at risk.\n', 'utf16le')]);
    writeFileSync(join(dir, 'u16.md'), utf16);
    writeFileSync(join(dir, 'bad.md'), Buffer.concat([Buffer.from('Child B was putting herself at risk. '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    writeFileSync(join(dir, 'big.md'), 'Child B was seen at home. '.repeat(200_000));
    const r = cli(['--format', 'json', 'u16.md', 'bad.md', 'big.md'], undefined, dir);
    const out = JSON.parse(r.stdout);
    expect(out[0].messages[0].ruleId).toBe('no-putting-self-at-risk');
    expect(out[1].messages[0].ruleId).toBe('no-putting-self-at-risk');
    expect(r.stderr).toContain('bad.md: it contains bytes that are not valid UTF-8');
    expect(out[2].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['document-too-large']);
  });

  it('explains a rule and lists the rules', () => {
    expect(cli(['--explain', 'no-putting-self-at-risk']).stdout).toContain('What good looks like');
    expect(cli(['--explain', 'nope']).status).toBe(2);
    expect(cli(['--list-rules']).stdout).toContain('acronym-defined-on-first-use');
  });
});
