// The JSON writer (lib/contract/writers/json.ts), with JSON.parse as the oracle: every payload
// reads back as itself; RFC 8259 section 7 escapes for strings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeCompactJson, writeJson, writtenJsonValue } from '../../../lib/contract/writers/json';
import { SecretScanner } from '../../../lib/rules/readers/secret-scanner';
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

describe('writtenJsonValue', () => {
  it('gives back, once, the plain data behind a text writeJson wrote: what the text parses to', () => {
    fc.assert(fc.property(fc.jsonValue(), (data) => {
      const text = writeJson(data);
      const own = writtenJsonValue(text);
      expect(own).toBeDefined();
      expect(JSON.stringify(own!.value)).toBe(JSON.stringify(JSON.parse(text)));
      expect(writtenJsonValue(text)).toBeUndefined();
    }), { numRuns: 300 });
    expect(writtenJsonValue('{"not":"written here"}\n')).toBeUndefined();
  });

  it('does not remember a value that would not parse back key for key: toJSON, a Date, a Map, a class instance, undefined, NaN, a hole', () => {
    class Box { constructor(public readonly v: string) {} }
    const hole: unknown[] = [1];
    hole[2] = 3;
    const values: unknown[] = [
      { password: { toJSON: () => 'hunter2' } }, { at: new Date(0) }, { m: new Map([['a', 1]]) }, [new Box('b')],
      { a: undefined }, [undefined], { n: Number.NaN }, { n: Infinity }, hole, Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
    ];
    for (const v of values) {
      const text = writeJson(v);
      expect(writtenJsonValue(text), text).toBeUndefined();
    }
  });

  it('lets SEC-009 find the same secrets in a written file as in the text parsed, and find one a toJSON method writes', () => {
    const data = { sections: { capacity: { password: 'hunter2', env: [{ name: 'DB_PASSWORD', value: 'x' }] } }, entries: [{ notes: ['sasl.jaas.config=... password="p";'] }] };
    const parsed = SecretScanner.scanContent(JSON.stringify(data, null, 2) + '\n', 'report.json');
    expect(parsed.length).toBe(3);
    expect(SecretScanner.scanContent(writeJson(data), 'report.json')).toEqual(parsed);
    const hidden = { section: { token: { toJSON: () => 'abc123' } } };
    expect(SecretScanner.scanContent(writeJson(hidden), 'report.json')).toEqual([{ location: 'report.json#.section.token', what: "a secret value in key 'token'" }]);
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
