/**
 * `--format csv`: one row per finding, for the spreadsheets reviewers already use. UTF-8 with a
 * byte-order mark (so Excel reads it), RFC 4180 quoting, and cells that a spreadsheet would run as
 * a formula (=, +, -, @) are prefixed with an apostrophe, since the quoted words come from
 * documents sent in by others.
 */
import type { LocatedFinding } from '../report/locate';

export const CSV_COLUMNS = ['file', 'page', 'section', 'paragraph', 'line', 'column', 'category', 'rule', 'severity', 'message', 'quoted words', 'suggested wording'] as const;

function cell(v: string | number | undefined): string {
  if (v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line (with the byte-order mark). */
export function csvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
}

/** The rows of one file. */
export function csvRows(file: string, findings: readonly LocatedFinding[]): string {
  let out = '';
  for (const f of findings) {
    const l = f.location;
    out += [file, l.page, l.section.join(' > '), l.paragraphLabel ?? l.paragraph, l.line, l.column, f.category, f.ruleId, f.severity, f.message, l.quote, f.suggestion].map(cell).join(',') + '\r\n';
  }
  return out;
}

/** Parses CSV text (for tests and for reading a report back). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
