// Runs harper.js (WASM, in-process) over files, as a CLI would: `node bench/harper.mjs FILE...`.
// Prints one line per file with its lint count. Used by bench/run.mjs for the side-by-side timing.
import { readFileSync } from 'node:fs';
import { Dialect, LocalLinter } from 'harper.js';
import { binary } from 'harper.js/binary';

const linter = new LocalLinter({ binary, dialect: Dialect.British });
await linter.setup();
let total = 0;
for (const file of process.argv.slice(2)) {
  const lints = await linter.lint(readFileSync(file, 'utf8'), { language: file.endsWith('.txt') ? 'plaintext' : 'markdown' });
  total += lints.length;
  process.stdout.write(`${file}: ${lints.length}\n`);
}
process.stdout.write(`total: ${total}\n`);
