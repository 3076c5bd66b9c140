// The properties writer and reader (lib/model/properties-format.ts) case by case, with the
// semantics of java.util.Properties (store escapes, load: LineReader and loadConvert, JDK 17).
// test/hostile/properties.test.ts checks the same against Properties.load itself on random text.
import { describe, expect, it } from 'vitest';
import { escapeProperty, propertiesComment, readProperties, writeProperties, writeSortedProperties } from '../../../lib/contract/writers/properties';

describe('escapeProperty', () => {
  it('escapes \\, tab, line breaks and form feed in keys and values', () => {
    for (const isKey of [true, false]) expect(escapeProperty('a\\b\tc\nd\re\ff', isKey)).toBe('a\\\\b\\tc\\nd\\re\\ff');
  });
  it('escapes every space of a key, and only the leading space of a value', () => {
    expect(escapeProperty(' a b ', true)).toBe('\\ a\\ b\\ ');
    expect(escapeProperty(' a b ', false)).toBe('\\ a b ');
  });
  it('escapes =, :, # and ! in a key only', () => {
    expect(escapeProperty('a=b:c#d!e', true)).toBe('a\\=b\\:c\\#d\\!e');
    expect(escapeProperty('a=b:c#d!e', false)).toBe('a=b:c#d!e');
  });
  it('writes other control characters and everything past ~ as \\uXXXX, upper-case', () => {
    expect(escapeProperty('\x00\x01\x1f', false)).toBe('\\u0000\\u0001\\u001F');
    expect(escapeProperty('~\x7f\xe9\u20ac😀', false)).toBe('~\\u007F\\u00E9\\u20AC\\uD83D\\uDE00');
    expect(escapeProperty(' !"$%&()*+,-./09;<>?@AZ[]^_`az{|}', false)).toBe('\\ !"$%&()*+,-./09;<>?@AZ[]^_`az{|}');
  });
  it('escapes each character by the table above when it is the only one to escape, first or inside a key or value, and returns the rest as given', () => {
    // The java.util.Properties.store table, one code unit at a time: what c becomes at position `at` of a key or a value.
    const expected = (c: string, isKey: boolean, first: boolean): string => {
      const named: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f' };
      if (named[c]) return named[c];
      if (c === ' ') return isKey || first ? '\\ ' : ' ';
      if (isKey && '=:#!'.includes(c)) return `\\${c}`;
      const code = c.charCodeAt(0);
      return code < 0x20 || code > 0x7e ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : c;
    };
    for (let code = 0; code <= 0x17f; code++) {
      const c = String.fromCharCode(code);
      for (const isKey of [true, false]) {
        expect(escapeProperty(c, isKey)).toBe(expected(c, isKey, true));
        expect(escapeProperty(`ab${c}cd`, isKey)).toBe(`ab${expected(c, isKey, false)}cd`);
      }
    }
    for (const c of ['\u2028', '\ud83d', '\uffff']) expect(escapeProperty(`x${c}`, false)).toBe(`x${expected(c, false, false)}`);
    const plain = 'security.protocol-SASL_SSL/orders.v1';
    expect(escapeProperty(plain, true)).toBe(plain);
    expect(escapeProperty(`${plain} = x`, false)).toBe(`${plain} = x`);
  });
});

describe('propertiesComment', () => {
  it('writes a # line: control characters become spaces, non-ASCII \\uxxxx', () => {
    expect(propertiesComment('a\nb\r\x00c\x7fd é~')).toBe('# a b  c d \\u00e9~');
  });
});

describe('writeProperties and writeSortedProperties', () => {
  it('writes the comments, then key=value lines in the order given, ending with a line break', () => {
    expect(writeProperties([['k', 'v'], ['a b', 'x=y']], ['one', 'two'])).toBe('# one\n# two\nk=v\na\\ b=x=y\n');
    expect(writeProperties([])).toBe('\n');
  });
  it('sorts a record by key', () => {
    expect(writeSortedProperties({ b: '2', a: '1', 'a.b': '3' })).toBe('a=1\na.b=3\nb=2\n');
  });
});

describe('readProperties', () => {
  it('splits keys from values at =, : or blanks, skipping leading blanks and comment lines', () => {
    expect(readProperties('a=1\nb : 2\nc 3\n  d=4\n#x=1\n!y=2\ne\n\tf\fg\n\n   \n')).toEqual({ a: '1', b: '2', c: '3', d: '4', e: '', f: 'g' });
  });
  it('takes one separator: a second = or : belongs to the value', () => {
    expect(readProperties('a:=b\nc = = d\ne  :f\ng==h\n')).toEqual({ a: '=b', c: '= d', e: 'f', g: '=h' });
    expect(readProperties('=b\n:c\n')).toEqual({ '': 'c' });
    expect(readProperties('=b\n')).toEqual({ '': 'b' });
  });
  it('reads escaped separators and blanks as part of the key', () => {
    expect(readProperties('a\\ b=c\nd\\=e=f\ng\\:h:i\nj\\\\=k\n')).toEqual({ 'a b': 'c', 'd=e': 'f', 'g:h': 'i', 'j\\': 'k' });
  });
  it('decodes \\t \\n \\r \\f and \\uXXXX, keeps a malformed \\u as written, and drops the backslash of any other character', () => {
    expect(readProperties('a=\\t\\n\\r\\f\nb=\\u0041\\u00e9\nc=\\uZZ\nd=\\q\\#\ne=x\\')).toEqual({ a: '\t\n\r\f', b: 'Aé', c: '\\uZZ', d: 'q#', e: 'x' });
  });
  it('joins a line ending in an odd number of backslashes with the next, without its leading blanks', () => {
    expect(readProperties('a=1\\\n   2\nb=3\\\\\nc=4\n')).toEqual({ a: '12', b: '3\\', c: '4' });
  });
  it('reads a # after a continuation as text, and one after an empty continuation as a comment', () => {
    expect(readProperties('a=\\\n#b\n')).toEqual({ a: '#b' });
    expect(readProperties('\\\n#b=1\nc=2\n')).toEqual({ c: '2' });
  });
  it('ends lines at \\n, \\r\\n and \\r', () => {
    expect(readProperties('a=1\r\nb=2\rc=3\nd=4')).toEqual({ a: '1', b: '2', c: '3', d: '4' });
  });
  it('drops the backslash of a continuation at the very end of the text', () => {
    expect(readProperties('a=1\\')).toEqual({ a: '1' });
    expect(readProperties('a=1\\\n')).toEqual({ a: '1' });
    expect(readProperties('a=1\\\r\n')).toEqual({ a: '1' });
    // Even when that leaves the line empty: an empty key with an empty value.
    expect(readProperties('\\')).toEqual({ '': '' });
    expect(readProperties('\\\n')).toEqual({ '': '' });
  });
  it('lets a later duplicate key win, in the position of its last occurrence', () => {
    const read = readProperties('b=1\na=2\nb=3\n');
    expect(read).toEqual({ a: '2', b: '3' });
    expect(Object.keys(read)).toEqual(['a', 'b']);
  });
  it('reads back what writeProperties wrote', () => {
    const entries: [string, string][] = [['a b=c:d#e!f', ' v\\w\nx\ty'], ['é😀', '\x01\x7f~'], ['k', '']];
    expect(readProperties(writeProperties(entries, ['c\nd']))).toEqual(Object.fromEntries(entries));
  });
});
