#!/usr/bin/env node
// Starts the bundled language server: cspr-lint-server --stdio
require('../dist/server.js');
