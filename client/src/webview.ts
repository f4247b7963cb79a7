/**
 * The HTML shell of the extension's views (quality summary, rule documentation): local content
 * only, a strict Content Security Policy (no remote resources, one nonce-tagged script and style),
 * colours from the editor's theme, and a print style. Pure, for tests.
 */
import { escapeHtml } from './markdown';

/** A random nonce for the page's one script and style. */
export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

/** The Content-Security-Policy of every view. */
export function csp(n: string): string {
  return `default-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; form-action 'none'; base-uri 'none'`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.5; max-width: 60rem; padding: 0 1.5rem 2rem; }
h1 { font-size: 1.6em; margin-top: 1em; } h2 { font-size: 1.25em; margin-top: 1.5em; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
table { border-collapse: collapse; margin: 0.5em 0 1em; } th, td { text-align: left; padding: 0.25em 0.75em; border-bottom: 1px solid var(--vscode-panel-border, #8884); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: 0.95em; } pre { background: var(--vscode-textCodeBlock-background, #8881); padding: 0.5em 0.75em; white-space: pre-wrap; }
blockquote { margin: 0.5em 0; padding: 0 1em; border-left: 3px solid var(--vscode-textBlockQuote-border, #8888); }
a { color: var(--vscode-textLink-foreground); }
.level-2 { padding-left: 1.75em; } .level-3 { padding-left: 2.75em; } .level-4, .level-5, .level-6 { padding-left: 3.75em; }
.muted { color: var(--vscode-descriptionForeground); }
.actions { margin: 1em 0; display: flex; gap: 0.5em; flex-wrap: wrap; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 0.35em 0.9em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
@media print { .actions { display: none; } body { color: #000; background: #fff; } }
`;

/** A complete page. `script` runs with the nonce; `acquireVsCodeApi` is available to it. */
export function page(title: string, body: string, n: string = nonce(), script = ''): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(n)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${n}">${STYLE}</style>
</head>
<body>
${body}
${script ? `<script nonce="${n}">${script}</script>` : ''}
</body>
</html>`;
}
