// The PromQL writer, character by character (test/hostile/promql.test.ts proves the same with
// promtool). PromQL string literals take Go's escapes:
// https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals
import { describe, expect, it } from 'vitest';
import { promqlMatchers, promqlString } from '../../../lib/contract/writers/promql';

describe('promqlString', () => {
  it('double-quotes a plain value as written', () => {
    expect(promqlString('orders-v1.x_y ~ !')).toBe('"orders-v1.x_y ~ !"');
    expect(promqlString('')).toBe('""');
  });
  it('escapes a backslash and a double quote', () => {
    expect(promqlString('a\\b')).toBe('"a\\\\b"');
    expect(promqlString('x",kafka_cluster!="')).toBe('"x\\",kafka_cluster!=\\""');
  });
  it('writes every control character as \\xHH, two hex digits', () => {
    expect(promqlString('a\nb')).toBe('"a\\x0ab"');
    expect(promqlString('\x00\x01\x1f')).toBe('"\\x00\\x01\\x1f"');
    expect(promqlString('\x7f')).toBe('"\\x7f"');
  });
  it('keeps the first printable characters and non-ASCII text as written', () => {
    expect(promqlString(' \x7e\x80é😀')).toBe('" \x7e\x80é😀"');
  });
});

describe('promqlMatchers', () => {
  it('writes exact matchers joined by commas, each value through promqlString', () => {
    expect(promqlMatchers({ topic: 'orders', group: 'a"b' })).toBe('{topic="orders",group="a\\"b"}');
    expect(promqlMatchers({})).toBe('{}');
  });
});
