// The JSON writer (lib/contract/writers/json.ts), with JSON.parse as the oracle: every payload
// reads back as itself; RFC 8259 section 7 escapes for strings.
import { describe, expect, it } from 'vitest';
import { writeCompactJson, writeJson } from '../../../lib/contract/writers/json';
import { INJECTION_PAYLOADS } from '../../hostile/payloads';

const value = { title: 'x', panels: [{ id: 1, expr: 'sum(rate(x[5m]))', ok: true, none: null }], payloads: INJECTION_PAYLOADS };

describe('writeJson', () => {
  it('writes two-space indented JSON with a final newline', () => {
    expect(writeJson({ a: [1, 'b'], c: {} })).toBe('{\n  "a": [\n    1,\n    "b"\n  ],\n  "c": {}\n}\n');
  });

  it('writes text JSON.parse reads back as the value, every payload and control character included', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u2028\u2029"\\/';
    const text = writeJson({ ...value, controls });
    expect(JSON.parse(text)).toEqual({ ...value, controls });
    // One line per value: no payload's line break reaches the text raw.
    expect(text.split('\n')).toHaveLength(JSON.stringify({ ...value, controls }, null, 2).split('\n').length + 1);
  });
});

describe('writeCompactJson', () => {
  it('writes the same value on one line, without a final newline', () => {
    expect(writeCompactJson({ a: [1, 'b'], c: 'say "hi"\n' })).toBe('{"a":[1,"b"],"c":"say \\"hi\\"\\n"}');
    const text = writeCompactJson(value);
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual(value);
  });
});
