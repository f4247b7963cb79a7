/**
 * Turns the small, regular HTML that mammoth writes for a Word document into the Markdown the
 * document model reads: headings, paragraphs, nested lists, tables (header row first), block
 * quotes, and footnotes gathered at the end under their own heading. Pure.
 */

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col']);
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
    }
    return ENTITY[e.toLowerCase()] ?? all;
  });
}

/** Parses HTML into a tree: linear, tolerant of unclosed tags. */
export function parseHtml(html: string): Node {
  const root: Node = { tag: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    const top = stack[stack.length - 1]!;
    if (m.index > at) top.children.push(decode(html.slice(at, m.index)));
    at = m.index + m[0].length;
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (m[1]) {
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]!.tag === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const attrs: Record<string, string> = {};
    const attr = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
    let a: RegExpExecArray | null;
    while ((a = attr.exec(m[3] ?? ''))) attrs[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    const node: Node = { tag: name, attrs, children: [] };
    top.children.push(node);
    if (!VOID.has(name) && !m[4]) stack.push(node);
  }
  if (at < html.length) stack[stack.length - 1]!.children.push(decode(html.slice(at)));
  return root;
}

/** Characters that would start Markdown block markup at the beginning of a line. */
function safeStart(s: string): string {
  return s.replace(/^(\s*)(#{1,6}\s|>|={3,}|-{3,}\s*$|```|~~~)/, '$1\\$2');
}

function squash(s: string): string {
  return s.replace(/[\s\u00a0]+/g, (w) => (w.includes('\u00a0') && !/[\t\n\r ]/.test(w) ? '\u00a0' : ' ')).trim();
}

/** Options for the conversion. */
export interface HtmlToMarkdownOptions {
  /** Heading above the footnotes gathered at the end. */
  footnotesHeading?: string;
}

/** The result: Markdown text, and how many footnotes were moved to the end. */
export interface HtmlToMarkdownResult {
  markdown: string;
  footnotes: number;
}

/** Converts mammoth's HTML to Markdown. */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): HtmlToMarkdownResult {
  const root = parseHtml(html);
  const blocks: string[] = [];
  const notes: { id: string; text: string }[] = [];
  const noteNumber = new Map<string, number>();

  // Footnote and endnote bodies are `<ol><li id="footnote-1">` lists that mammoth puts last.
  const isNoteList = (n: Node): boolean => n.tag === 'ol' && n.children.some((c) => typeof c !== 'string' && c.tag === 'li' && /^(foot|end)note-\d+$/.test(c.attrs.id ?? ''));

  const inline = (n: Node | string): string => {
    if (typeof n === 'string') return n;
    if (n.tag === 'br') return ' ';
    if (n.tag === 'img') return '';
    if (n.tag === 'a') {
      const href = n.attrs.href ?? '';
      const note = /^#((?:foot|end)note-\d+)$/.exec(href);
      if (note) {
        let k = noteNumber.get(note[1]!);
        if (k === undefined) noteNumber.set(note[1]!, (k = noteNumber.size + 1));
        return `[^${k}]`;
      }
      // Back-links from a note to its reference.
      if (/^#(?:foot|end)note-ref-\d+$/.test(href)) return '';
      return n.children.map(inline).join('');
    }
    if (n.tag === 'sup') {
      const inner = n.children.map(inline).join('');
      return /^\[\^\d+\]$/.test(inner.trim()) ? inner.trim() : inner;
    }
    return n.children.map(inline).join('');
  };
  const textOf = (n: Node): string => squash(n.children.map(inline).join(''));

  const list = (n: Node, depth: number): void => {
    let k = 0;
    for (const li of n.children) {
      if (typeof li === 'string' || li.tag !== 'li') continue;
      k++;
      const own = li.children.filter((c) => typeof c === 'string' || (c.tag !== 'ul' && c.tag !== 'ol'));
      const text = squash(own.map((c) => (typeof c === 'string' ? c : c.tag === 'p' ? ` ${textOf(c)} ` : inline(c))).join(''));
      const marker = n.tag === 'ol' ? `${k}.` : '-';
      if (text) blocks.push(`${'  '.repeat(depth)}${marker} ${text}`);
      for (const c of li.children) if (typeof c !== 'string' && (c.tag === 'ul' || c.tag === 'ol')) list(c, depth + 1);
    }
  };

  const cellText = (c: Node): string =>
    squash(
      c.children
        .map((x) => (typeof x === 'string' ? x : x.tag === 'p' || x.tag === 'li' ? ` ${textOf(x)} ` : x.tag === 'ul' || x.tag === 'ol' ? ` ${x.children.map((y) => (typeof y === 'string' ? y : textOf(y))).join('; ')} ` : inline(x)))
        .join(''),
    ).replace(/\|/g, '/');

  const table = (n: Node): void => {
    const rows: { cells: string[]; header: boolean }[] = [];
    const walk = (x: Node): void => {
      for (const c of x.children) {
        if (typeof c === 'string') continue;
        if (c.tag === 'tr') {
          const cells: string[] = [];
          let header = true;
          for (const td of c.children) {
            if (typeof td === 'string' || (td.tag !== 'td' && td.tag !== 'th')) continue;
            if (td.tag !== 'th') header = false;
            cells.push(cellText(td));
            const span = Number(td.attrs.colspan ?? '1');
            for (let i = 1; i < span && i < 50; i++) cells.push('');
          }
          if (cells.length) rows.push({ cells, header });
        } else if (c.tag !== 'table') walk(c);
      }
    };
    walk(n);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.cells.length));
    if (width === 1) {
      // A one-column table is a box of text: its cells read as paragraphs.
      for (const r of rows) if (r.cells[0]) blocks.push(safeStart(r.cells[0]));
      return;
    }
    const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] || ' ').join(' | ')} |`;
    let body = rows;
    let head: string[];
    // Word repeats header rows across pages; Markdown has one header row.
    const headerRows = rows.filter((r) => r.header);
    if (headerRows.length > 0 && rows[0]!.header) {
      head = rows[0]!.cells;
      body = rows.slice(1).filter((r) => !(r.header && r.cells.join('\u0000') === head.join('\u0000')));
    } else {
      head = rows[0]!.cells;
      body = rows.slice(1);
    }
    blocks.push([line(head), `|${' --- |'.repeat(width)}`, ...body.map((r) => line(r.cells))].join('\n'));
  };

  // Reviews written without heading styles often set a heading as a paragraph in bold on its own:
  // read it as a heading one level below the document's deepest styled heading.
  let deepest = 0;
  const scan = (n: Node): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      const h = /^h([1-6])$/.exec(c.tag);
      if (h) deepest = Math.max(deepest, Number(h[1]));
      else scan(c);
    }
  };
  scan(root);
  const boldHeading = (n: Node): string | undefined => {
    const kids = n.children.filter((c) => typeof c !== 'string' || c.trim());
    if (kids.length !== 1 || typeof kids[0] === 'string' || kids[0]!.tag !== 'strong') return undefined;
    const t = textOf(n);
    if (!t || t.length > 90 || /[.,;:!?]["'”’)]?$/.test(t) || /^\p{Ll}/u.test(t) || /\[\^\d+\]/.test(t)) return undefined;
    return t;
  };

  const block = (n: Node | string, quote = false): void => {
    if (typeof n === 'string') {
      const t = squash(n);
      if (t) blocks.push(quote ? `> ${t}` : safeStart(t));
      return;
    }
    const h = /^h([1-6])$/.exec(n.tag);
    if (h) {
      const t = textOf(n);
      if (t) blocks.push(`${'#'.repeat(Number(h[1]))} ${t}`);
      return;
    }
    switch (n.tag) {
      case 'p': {
        const bold = quote ? undefined : boldHeading(n);
        if (bold) {
          blocks.push(`${'#'.repeat(Math.min(6, Math.max(2, deepest + 1)))} ${bold}`);
          return;
        }
        const t = textOf(n);
        if (t) blocks.push(quote ? `> ${t}` : safeStart(t));
        return;
      }
      case 'ul':
      case 'ol':
        if (isNoteList(n)) {
          for (const li of n.children) {
            if (typeof li === 'string') continue;
            const id = /^((?:foot|end)note-\d+)$/.exec(li.attrs.id ?? '')?.[1];
            if (id) notes.push({ id, text: textOf(li) });
          }
          return;
        }
        list(n, 0);
        return;
      case 'table':
        table(n);
        return;
      case 'blockquote':
        for (const c of n.children) block(c, true);
        return;
      case 'hr':
        return;
      default:
        for (const c of n.children) block(c, quote);
    }
  };
  for (const c of root.children) block(c);

  if (notes.length) {
    blocks.push(`# ${options.footnotesHeading ?? 'Footnotes'}`);
    const ordered = notes.map((n) => ({ ...n, k: noteNumber.get(n.id) ?? Number.MAX_SAFE_INTEGER })).sort((a, b) => a.k - b.k);
    let extra = noteNumber.size;
    for (const n of ordered) blocks.push(`[^${n.k === Number.MAX_SAFE_INTEGER ? ++extra : n.k}]: ${n.text}`);
  }
  return { markdown: blocks.join('\n\n') + '\n', footnotes: notes.length };
}
