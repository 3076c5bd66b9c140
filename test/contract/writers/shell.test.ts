// The shell writer (lib/contract/writers/shell.ts), character by character, with bash itself as
// the oracle where bash reads what the writer writes. test/hostile/admin-scripts.test.ts runs the
// generated admin scripts with the injection payloads.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeArgumentLine, encodeArgument, encodeArgumentLine, inDoubleQuotes, refuseUnsafeCredential, RUN_ARGUMENT_LINES, shellComment, shellQuote, shellWord,
} from '../../../lib/contract/writers/shell';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-shell-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const bash = (script: string, env: Record<string, string> = {}) =>
  execFileSync('bash', ['-c', script], { cwd: work, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('shellQuote', () => {
  it("single-quotes a value, writing each ' as '\\''", () => {
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's 'x'")).toBe("'it'\\''s '\\''x'\\'''");
    expect(shellQuote('')).toBe("''");
  });
});

describe('encodeArgument', () => {
  it('writes the empty argument as \\c (printf %b prints nothing)', () => {
    expect(encodeArgument('')).toBe('\\c');
  });
  it('writes \\ as \\\\, and space, # and control characters as \\xHH', () => {
    expect(encodeArgument('a\\b')).toBe('a\\\\b');
    expect(encodeArgument('a b#c')).toBe('a\\x20b\\x23c');
    expect(encodeArgument('\x00\x01\n\x1f\x7f')).toBe('\\x00\\x01\\x0a\\x1f\\x7f');
  });
  it('keeps the other printable characters and non-ASCII text as written', () => {
    expect(encodeArgument("orders._-:*=,/!'\"$`~\x80é😀")).toBe("orders._-:*=,/!'\"$`~\x80é😀");
  });
  it('joins the arguments of a line with single spaces', () => {
    expect(encodeArgumentLine(['--topic', 'a b', ''])).toBe('--topic a\\x20b \\c');
    expect(encodeArgumentLine([])).toBe('');
  });
});

describe('decodeArgumentLine', () => {
  it('gives no call for a blank line or a comment line', () => {
    for (const line of ['', '   ', '\t', '# a comment', '#x y', '  # indented']) expect(decodeArgumentLine(line)).toBeUndefined();
  });
  it('splits on runs of space, tab and newline, and keeps a # inside a word', () => {
    expect(decodeArgumentLine('  a  b\tc\nd x#y ')).toEqual(['a', 'b', 'c', 'd', 'x#y']);
  });
  it("decodes printf %b's simple escapes", () => {
    expect(decodeArgumentLine('\\a\\b\\e\\E\\f\\n\\r\\t\\v\\\\')).toEqual(['\x07\b\x1b\x1b\f\n\r\t\v\\']);
  });
  it('stops a word at \\c, keeps a trailing backslash and an unknown escape as written', () => {
    expect(decodeArgumentLine('ab\\cde x\\ \\q')).toEqual(['ab', 'x\\', '\\q']);
  });
  it('decodes octal escapes: \\0 and up to three digits after it, or up to three digits', () => {
    expect(decodeArgumentLine('\\0101 \\101 \\1011 \\0 \\08 \\777')).toEqual(['A', 'A', 'A1', '\x00', '\x008', '\xff']);
  });
  it('decodes \\xHH (one or two digits), \\uHHHH and \\UHHHHHHHH, and leaves \\x with no digit as written', () => {
    expect(decodeArgumentLine('\\x41 \\x4 \\x411 \\xg \\u263a \\u41 \\U0001F600 \\U00110000x')).toEqual(['A', '\x04', 'A1', '\\xg', '☺', 'A', '😀', 'x']);
    // The last code point, and the first past it (printed as nothing).
    expect(decodeArgumentLine('\\U0010FFFF \\U00110000')).toEqual(['\u{10ffff}', '']);
  });
  it('agrees with bash (read -r -a, printf %b) on every escape form', () => {
    const line = 'a\\x20b \\c \\0101\\101 \\x41\\u263a\\U0001F600 \\q\\ \\t# x#y \\e\\v';
    fs.writeFileSync(path.join(work, 'line.txt'), `${line}\n`);
    // bash decodes \u and \U in a UTF-8 locale only (in the C locale it keeps them as written).
    const out = bash(`read -r -a words < line.txt; for w in "\${words[@]}"; do printf -v arg '%b' "$w"; printf '%s\\0' "$arg"; done`, { LC_ALL: 'C.UTF-8' });
    expect(out.split('\0').slice(0, -1)).toEqual(decodeArgumentLine(line));
  });
  it('decodes what encodeArgument wrote back to the same arguments', () => {
    const args = ['a b', '', '#x', 'c\\d', 'tab\there', 'nl\nx', 'é😀', '\x7f'];
    expect(decodeArgumentLine(encodeArgumentLine(args))).toEqual(args);
  });

  it('encodes any argument as the character-by-character rule does, and decodes it back, whatever it holds', () => {
    // The rule written out for every character; encodeArgument and printf %b return a word with nothing to escape as it is.
    const byCharacter = (value: string): string => value === '' ? '\\c' : [...value].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === '\\') return '\\\\';
      return ch === ' ' || ch === '#' || code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
    }).join('');
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', '1', '.', '_', '-', '*', '=', 'é', '😀', '\\', ' ', '#', '\t', '\n', '\x00', '\x7f', 'x'), fc.string({ unit: 'binary', maxLength: 1 })) });
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), (args) => {
      for (const a of args) expect(encodeArgument(a)).toBe(byCharacter(a));
      if (args.length > 0) expect(decodeArgumentLine(encodeArgumentLine(args))).toEqual(args);
    }), { numRuns: 1000 });
  });
});

describe('RUN_ARGUMENT_LINES', () => {
  it('calls the tool once per argument line, each word one argument, skipping comments and blank lines', () => {
    fs.writeFileSync(path.join(work, 'tool.sh'), '#!/bin/bash\nfor a in "$@"; do printf "%s|" "$a"; done; echo\n', { mode: 0o755 });
    const lines = ['# a comment', '', encodeArgumentLine(['--create', '--topic', 'a b$(id)']), '   ', encodeArgumentLine(['--list', ''])];
    // The last line has no line break: it is still read.
    fs.writeFileSync(path.join(work, 'lines.txt'), lines.join('\n'));
    const out = bash(`${RUN_ARGUMENT_LINES}\nconfig=/tmp/admin.properties\nrun ./tool.sh lines.txt`, { BOOTSTRAP_SERVERS: 'b:9092' });
    expect(out).toBe([
      '--bootstrap-server|b:9092|--command-config|/tmp/admin.properties|--create|--topic|a b$(id)|',
      '--bootstrap-server|b:9092|--command-config|/tmp/admin.properties|--list||',
      '',
    ].join('\n'));
  });
});

describe('shellComment', () => {
  it('writes one # line: line breaks and other control characters become spaces', () => {
    expect(shellComment('a\nb\rc\x00d\x1fe\x7ff~g')).toBe('# a b c d e f~g');
  });
});

describe('refuseUnsafeCredential', () => {
  it('writes a case line that stops on a quote, a backslash or a line break, and passes other values', () => {
    const line = refuseUnsafeCredential('ADMIN_PASSWORD');
    expect(line).toContain('ADMIN_PASSWORD holds a quote, a backslash or a line break; refusing to write it into a properties file');
    for (const bad of ['a"b', 'a\\b', 'a\nb', 'a\rb']) {
      expect(() => bash(`${line}\necho ok`, { ADMIN_PASSWORD: bad }), JSON.stringify(bad)).toThrow(/refusing to write it into a properties file/);
    }
    for (const good of ["a'b", 'a b$c', 'plain', '']) expect(bash(`${line}\necho ok`, { ADMIN_PASSWORD: good })).toBe('ok\n');
  });
  it('takes only a shell variable name', () => {
    expect(refuseUnsafeCredential('A_1')).toContain('"${A_1}"');
    expect(refuseUnsafeCredential('_X')).toContain('"${_X}"');
    for (const bad of ['1A', 'a', 'A-B', 'A B', 'xA', 'A;x', '']) expect(() => refuseUnsafeCredential(bad), bad).toThrow(`not a shell variable name: ${bad}`);
  });
});

describe('shellWord and inDoubleQuotes', () => {
  it('write a value of plain characters as it is', () => {
    const plain = 'Az09._/:=@%+,-';
    expect(shellWord(plain)).toBe(plain);
    expect(inDoubleQuotes(plain)).toBe(plain);
  });
  it('single-quote any other value (inside double quotes: close, quote, reopen)', () => {
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord('')).toBe("''");
    expect(shellWord('x$y')).toBe("'x$y'");
    expect(shellWord('x\ny')).toBe("'x\ny'");
    expect(shellWord('ab!')).toBe("'ab!'");
    expect(shellWord('!ab')).toBe("'!ab'");
    expect(inDoubleQuotes('a b')).toBe(`"'a b'"`);
    expect(bash(`printf '%s' "pre-${inDoubleQuotes('$(id) `x` "q"')}-post"`)).toBe('pre-$(id) `x` "q"-post');
  });
});
