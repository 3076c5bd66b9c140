/**
 * The Markdown writer of kafka-iac: every user value that reaches a Markdown report (the rules
 * report, the capacity plan and cost sections, docs tables) goes through `markdownCell` or
 * `markdownCode`, which escape it for a GitHub-flavoured Markdown table cell: a `|` cannot open a
 * new cell, a line break cannot end the row, a backtick cannot open code, `<` cannot open HTML
 * and `*`, `_`, `[`, `~` cannot format. The implementation lives in the model (like the
 * properties writer) because the capacity plan writes its own table row; targets, rules and the
 * app import it from `lib/contract/writers/markdown.ts`.
 * @see https://github.github.com/gfm/#tables-extension- (a `|` in a cell, even in code, is escaped `\|`)
 * @see https://github.github.com/gfm/#backslash-escapes (any ASCII punctuation may be escaped)
 */

/** What can change the meaning of inline Markdown in a cell: escapes, code, emphasis, links, strikethrough, cells, HTML and entities. */
const ESCAPED = /[\\`*_[\]|~<>&]/g;
const HTML: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * `text` as the content of one table cell (or one line of a paragraph), shown literally:
 * Markdown punctuation backslash-escaped, `<`, `>` and `&` as entities, line breaks as `<br>`,
 * other control characters as spaces.
 */
export function markdownCell(text: string): string {
  return String(text)
    .replace(ESCAPED, (c) => HTML[c] ?? `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>')
    // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
    .replace(/[\x00-\x1f\x7f]/g, ' ');
}

/**
 * `text` as inline code in a table cell (`` `orders` ``): a code span fenced by more backticks
 * than `text` holds, with `|` escaped as GFM tables require. Text with a line break or another
 * control character is written as an escaped cell instead (a code span cannot hold it).
 */
export function markdownCode(text: string): string {
  const s = String(text);
  // Most text (resource names, construct paths) holds no backtick, `|` or control character:
  // fenced by one backtick as it is (the general case below gives the same).
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  if (s !== '' && !/[\x00-\x1f\x7f`|]/.test(s)) {
    const pad = s.startsWith(' ') && s.endsWith(' ') ? ' ' : '';
    return `\`${pad}${s}${pad}\``;
  }
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  if (s === '' || /[\x00-\x1f\x7f]/.test(s)) return markdownCell(s);
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${s.replace(/\|/g, '\\|')}${pad}${fence}`;
}
