// The Markdown writer (lib/model/markdown-format.ts, exported from lib/contract/writers/markdown.ts),
// character by character; test/hostile/markdown.test.ts proves the same with a GFM parser
// (markdown-it). GFM: a `|` in a cell, even in code, is written `\|` (tables extension); any ASCII
// punctuation may be backslash-escaped (backslash escapes); a code span is fenced by a backtick
// string longer than any inside it, and one space is stripped from each side when both sides
// have one (code spans). https://github.github.com/gfm/
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownCell, markdownCode } from '../../../lib/contract/writers/markdown';

describe('markdownCell', () => {
  it('backslash-escapes every character that formats, links, fences code or opens a cell', () => {
    for (const c of ['\\', '`', '*', '_', '[', ']', '|', '~']) expect(markdownCell(`a${c}b${c}`), c).toBe(`a\\${c}b\\${c}`);
  });

  it('writes <, > and & as entities, so that no HTML tag or entity opens', () => {
    expect(markdownCell('<img src=x onerror=alert(1)> &lt; & >')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp;lt; &amp; &gt;');
  });

  it('writes every kind of line break as <br>, a CRLF as one', () => {
    expect(markdownCell('a\r\nb\rc\nd\n\ne')).toBe('a<br>b<br>c<br>d<br><br>e');
  });

  it('writes other control characters as spaces', () => {
    expect(markdownCell('a\tb\u0000c\u001fd\u007fe\u000bf')).toBe('a b c d e f');
  });

  it('leaves letters, digits and punctuation that cannot change the cell as written', () => {
    const plain = 'orders.v1 #2 (a-b): "x" \'y\' ! / ? = + , ; % $ { } ü ✓ \u0080';
    expect(markdownCell(plain)).toBe(plain);
  });
});

describe('markdownCode', () => {
  it('fences text in one backtick, or in more backticks than the longest run inside it', () => {
    expect(markdownCode('orders')).toBe('`orders`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('a``b`c')).toBe('```a``b`c```');
  });

  it('pads with a space when the text starts or ends with a backtick, or has spaces on both sides', () => {
    expect(markdownCode('`x')).toBe('`` `x ``');
    expect(markdownCode('x`')).toBe('`` x` ``');
    expect(markdownCode(' x ')).toBe('`  x  `');
    expect(markdownCode(' x')).toBe('` x`');
    expect(markdownCode('x ')).toBe('`x `');
  });

  it('escapes every | (a GFM table ends a cell at a pipe even inside code)', () => {
    expect(markdownCode('a|b|c')).toBe('`a\\|b\\|c`');
  });

  it('leaves other Markdown punctuation as written inside code', () => {
    expect(markdownCode('*x* _y_ <b> [l](u) ~s~ &amp; \\')).toBe('`*x* _y_ <b> [l](u) ~s~ &amp; \\`');
  });

  it('writes empty text and text with a control character as an escaped cell (a code span cannot hold it)', () => {
    expect(markdownCode('')).toBe('');
    expect(markdownCode('a|b\nc')).toBe('a\\|b<br>c');
    expect(markdownCode('a\tb*')).toBe('a b\\*');
    expect(markdownCode('a\u007fb')).toBe('a b');
    expect(markdownCode('\u0000')).toBe(' ');
  });

  it('fences any text as the general rule does: the longest backtick run plus one, padded, every | escaped', () => {
    // The rule written out in full; markdownCode writes text without a backtick, | or control character on a shorter path.
    const general = (s: string): string => {
      const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
      return `${fence}${pad}${s.replace(/\|/g, '\\|')}${pad}${fence}`;
    };
    // eslint-disable-next-line no-control-regex -- control characters are left to markdownCell, as markdownCode does
    const noControl = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '`', '|', '*', '_', '<', '&', '\\', '.', '/', 'é', '✓') }).filter((s) => s !== '' && !/[\x00-\x1f\x7f]/.test(s));
    fc.assert(fc.property(noControl, (s) => markdownCode(s) === general(s)), { numRuns: 2000 });
    for (const s of ['orders', ' orders ', ' orders', 'kafka/events-access/Topic-t1.events', 'KafkaTopic/t1.events']) expect(markdownCode(s)).toBe(general(s));
  });
});
