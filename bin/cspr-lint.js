#!/usr/bin/env node
// Runs the bundled CLI. The bundle is built by `npm install` (the prepare script) or `npm run build`.
const { run } = require('../dist/cli.js');
run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`cspr-lint: an unexpected error stopped the check (${e && e.message}). Please report it.\n`);
    process.exitCode = 2;
  },
);
