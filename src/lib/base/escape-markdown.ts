import { INVISIBLE_CONTROLS, codePointName } from './invisible-controls';

/**
 * Makes untrusted text (file, column and category names, CRS strings, anything read from a
 * report JSON) show as itself in Markdown, inline or in a GFM table cell. The rule:
 * - every ASCII character that Markdown or GFM gives a meaning inside a line is
 *   backslash-escaped (CommonMark §2.4 allows a backslash before any ASCII punctuation):
 *   `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `|` `~` `#` `!` `$`, so no emphasis, code span,
 *   link or image (`[x](javascript:…)`), raw HTML or comment (`<img …>`, `<!--`), entity,
 *   table cell break or strikethrough can start inside it;
 * - line breaks and tabs become a space (a newline would end a table row or start a block);
 * - other invisible controls (C0/C1, bidirectional overrides) are shown as ⟨U+XXXX⟩.
 * Plain URLs (`https://…`) stay text but a GFM renderer may still autolink them; `javascript:`
 * is never autolinked.
 * @example escapeMarkdown('a|b *c* <img>') // → 'a\\|b \\*c\\* \\<img\\>'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~#!$]/g, (ch) => `\\${ch}`).replace(INVISIBLE_CONTROLS, shownInMarkdown);
}

/**
 * Untrusted text as a Markdown code span: fenced by one more backtick than its longest run of
 * backticks (CommonMark §6.1), padded with a space when it starts or ends with a backtick, line
 * breaks as spaces and invisible controls as ⟨U+XXXX⟩ (backslashes do nothing in a code span).
 * @example markdownCodeSpan('a`b') // → '``a`b``'
 */
export function markdownCodeSpan(text: string): string {
  const shown = text.replace(INVISIBLE_CONTROLS, shownInMarkdown);
  const longest = Math.max(0, ...Array.from(shown.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/**
 * A relative file path as a Markdown link or image destination: percent-encoded like a URL
 * path (spaces, parentheses, `<`, `>` and every non-ASCII character), so it can neither end
 * the link early nor carry a scheme of its own (a `:` before the first `/` is encoded too, so
 * `javascript:x` becomes the relative path `javascript%3Ax`).
 * @example markdownPath('my report (1).capture.svg') // → 'my%20report%20%281%29.capture.svg'
 */
export function markdownPath(path: string): string {
  return encodeURIComponent(path)
    .replace(/%2F/gi, '/')
    .replace(/[()!'*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A line break or tab as a space, any other invisible control as ⟨U+XXXX⟩. */
function shownInMarkdown(ch: string): string {
  return /[\t\n\r\u2028\u2029]/.test(ch) ? ' ' : `⟨${codePointName(ch)}⟩`;
}
