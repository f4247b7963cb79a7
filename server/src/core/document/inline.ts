/**
 * Masks Markdown inline syntax with spaces so rules see the words a reader sees, while every index
 * still points at the same place in the document.
 */

const SPACE = ' ';

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = SPACE;
  }
}

/** Replaces inline markup in Markdown text by spaces; newlines are kept. */
export function maskMarkdownInline(text: string): string {
  // Fast path: most paragraphs carry no markup at all.
  if (!/[`*_~[\]<>\\!h]/.test(text)) return text;
  const chars = text.split('');
  let m: RegExpExecArray | null;

  // HTML comments and tags.
  const comment = /<!--[\s\S]*?(?:-->|$)/g;
  while ((m = comment.exec(text))) blank(chars, m.index, m.index + m[0].length);
  const tag = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
  while ((m = tag.exec(text))) blank(chars, m.index, m.index + m[0].length);

  // Inline code spans are not prose.
  const code = /(`+)[^`]*?\1/g;
  while ((m = code.exec(text))) blank(chars, m.index, m.index + m[0].length);

  // Images are not prose; links keep their words and lose their targets.
  // Bracket contents exclude "[" and targets allow one level of parentheses, so scanning stays linear.
  const image = /!\[[^\][]*\]\((?:[^()]|\([^()]*\))*\)/g;
  while ((m = image.exec(text))) blank(chars, m.index, m.index + m[0].length);
  const link = /\[([^\][]*)\](\((?:[^()]|\([^()]*\))*\)|\[[^\][]*\])/g;
  while ((m = link.exec(text))) {
    if (chars[m.index] === SPACE) continue;
    chars[m.index] = SPACE;
    const close = m.index + 1 + m[1]!.length;
    blank(chars, close, m.index + m[0].length);
  }
  const footnote = /\[\^[^\][]*\]/g;
  while ((m = footnote.exec(text))) blank(chars, m.index, m.index + m[0].length);

  // Bare and angle-bracket URLs and email addresses: acronyms inside them are not the author's words.
  const url = /<?(?:https?:\/\/|www\.)[^\s<>]+>?/g;
  while ((m = url.exec(text))) blank(chars, m.index, m.index + m[0].length);

  // Emphasis and strike-through markers, and backslash escapes.
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*' || c === '~') {
      chars[i] = SPACE;
    } else if (c === '_') {
      const before = chars[i - 1] ?? ' ';
      const after = chars[i + 1] ?? ' ';
      // An underscore inside a word (snake_case) is a character, not emphasis.
      if (!(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after))) chars[i] = SPACE;
    } else if (c === '\\' && i + 1 < chars.length && /[\\`*_{}[\]()#+\-.!|"']/.test(chars[i + 1]!)) {
      chars[i] = SPACE;
    }
  }
  return chars.join('');
}

/** Masks HTML comments only, for plain text where every other character is the author's. */
export function maskComments(text: string): string {
  if (!text.includes('<!--')) return text;
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (s) => s.replace(/[^\r\n]/g, SPACE));
}
