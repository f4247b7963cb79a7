/**
 * Node.js flags for the language server's process. The client starts the server with them, and the
 * benchmark (bench/lsp.mjs) reads this list to start it the same way, so keep it a plain array of
 * strings. A young generation of at most 8 MB per semi-space (Node's default grows to 16 MB) keeps
 * the server about 16 MB smaller with a large draft open. The server collects short-lived objects
 * while the author pauses, and one keystroke in a 100-page draft allocates about 5 MB, so an edit
 * rarely fills it and typing is no slower (at 4 MB, nearly every keystroke paid for a collection).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
