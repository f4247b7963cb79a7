/** Entry point of the language server: `cspr-lint-server --stdio` (or IPC when started by the client). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/language-server';

if (process.argv.includes('--version')) {
  process.stdout.write('cspr-lint-server 0.1.0\n');
  process.exit(0);
}

startServer(createConnection(ProposedFeatures.all));
