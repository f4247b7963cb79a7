/**
 * The in-host test entry point, in the module shape @vscode/test-electron runs (`extensionTestsPath`):
 * `run()` runs the Mocha suites inside the extension host and rejects when a test fails. The
 * code-server runner (e2e/run-inhost.mjs) and the test-electron runner (e2e/run-electron.mjs) both load it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** The line after which the runners show the output. */
export const MARKER = '=== cspr-lint editor tests ===';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 180_000, reporter: 'spec' });
  const grep = process.env.CSPR_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    // The runners print the extension host's output from this line on.
    console.log(MARKER);
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e as Error);
    }
  });
}
