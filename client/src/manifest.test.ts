/** The extension manifest (package.json `contributes`) against the files and code it names. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const c = pkg.contributes;
const clientSource = readdirSync(join(ROOT, 'client', 'src'), { recursive: true, withFileTypes: false } as never)
  .map(String)
  .filter((f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f: string) => readFileSync(join(ROOT, 'client', 'src', f), 'utf8'))
  .join('\n');
const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');

describe('extension manifest', () => {
  it('every contributed command is registered by the client, and has a title in its category', () => {
    for (const cmd of c.commands) {
      expect(cmd.category).toBe('cspr-lint');
      expect(cmd.title.length).toBeGreaterThan(3);
      const constName = new RegExp(`(COMMAND\\s*=\\s*'${cmd.command.replace('.', '\\.')}'|registerCommand\\('${cmd.command.replace('.', '\\.')}')`);
      expect(clientSource, cmd.command).toMatch(constName);
    }
  });

  it('menus only name contributed commands', () => {
    const ids = new Set(c.commands.map((x: { command: string }) => x.command));
    for (const items of Object.values(c.menus) as { command: string }[][]) for (const m of items) expect(ids.has(m.command), m.command).toBe(true);
  });

  it('every setting has a description for the Settings UI', () => {
    for (const [key, prop] of Object.entries(c.configuration.properties) as [string, { description?: string; markdownDescription?: string }][]) {
      expect(prop.description ?? prop.markdownDescription, key).toBeTruthy();
    }
  });

  it('grammars, walkthrough pages and templates exist and are packaged', () => {
    for (const g of c.grammars) {
      expect(existsSync(join(ROOT, g.path)), g.path).toBe(true);
      expect(g.injectTo).toEqual(['text.html.markdown']);
      expect(JSON.parse(readFileSync(join(ROOT, g.path), 'utf8')).scopeName).toBe(g.scopeName);
    }
    const steps = c.walkthroughs[0].steps as { media: { markdown: string } }[];
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const s of steps) expect(existsSync(join(ROOT, s.media.markdown)), s.media.markdown).toBe(true);
    for (const needed of ['!dist/client.js', '!dist/server.js', '!syntaxes/**', '!client/templates/**', '!media/walkthrough/**', '!rules/docs/**']) expect(ignore).toContain(needed);
    expect(pkg.main).toBe('./dist/client.js');
  });
});
