// The Markdown writer (lib/model/markdown-format.ts, exported from lib/contract/writers/markdown.ts),
// character by character; test/hostile/markdown.test.ts proves the same with a GFM parser
// (markdown-it). GFM: a `|` in a cell, even in code, is written `\|` (tables extension); any ASCII
// punctuation may be backslash-escaped (backslash escapes); a code span is fenced by a backtick
// string longer than any inside it, and one space is stripped from each side when both sides
// have one (code spans). https://github.github.com/gfm/
import { describe, expect, it } from 'vitest';
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
});
