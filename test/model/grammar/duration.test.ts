// The duration grammar (lib/model/grammar/duration.ts) is Prometheus' own: prometheus/common
// model/time.go, ParseDuration: durationRE =
// ^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$,
// "0" alone allowed, the empty string refused, y = 365d, w = 7d, d = 24h; a time.Duration is
// int64 nanoseconds (at most 2^63 - 1 ns).
import { describe, expect, it } from 'vitest';
import { KafkaIacError } from '../../../lib/model/errors';
import { DURATION_GRAMMAR, formatDurationMs, MAX_DURATION_MS, parseDurationMs, readDurationMs } from '../../../lib/model/grammar/duration';

const site = { code: 'MON-001', path: 'prod/Alerts', prop: 'for' };
const DAY = 86_400_000;

describe('parseDurationMs', () => {
  it('reads every unit, with several digits, at its Prometheus size', () => {
    expect(parseDurationMs('12y', site)).toBe(12 * 365 * DAY);
    expect(parseDurationMs('12w', site)).toBe(12 * 7 * DAY);
    expect(parseDurationMs('12d', site)).toBe(12 * DAY);
    expect(parseDurationMs('12h', site)).toBe(12 * 3_600_000);
    expect(parseDurationMs('12m', site)).toBe(12 * 60_000);
    expect(parseDurationMs('12s', site)).toBe(12_000);
    expect(parseDurationMs('12ms', site)).toBe(12);
    expect(parseDurationMs('1y2w3d4h5m6s7ms', site)).toBe(365 * DAY + 14 * DAY + 3 * DAY + 4 * 3_600_000 + 5 * 60_000 + 6_000 + 7);
    expect(parseDurationMs('0', site)).toBe(0);
    expect(parseDurationMs('0s', site)).toBe(0);
    expect(parseDurationMs('007m', site)).toBe(420_000);
  });

  it('refuses units out of order or twice, fractions, signs, spaces, other units and text around a duration', () => {
    for (const text of ['', '1.5h', '-1m', '+1m', '5 m', ' 5m', '5m ', 'm5', '30s5m', '1h1d', '1m1m', '5M', '5H', '1ms1s', '5', '00', 'x5m', '5mx', '5m\n', '5mm', 'ms', 'y', '1d1y', '${x}']) {
      expect(() => parseDurationMs(text, site), JSON.stringify(text)).toThrow(KafkaIacError);
    }
  });

  it('refuses what is not a string, with the library error', () => {
    for (const v of [undefined, null, 300, {}, ['5m']]) expect(() => parseDurationMs(v, site)).toThrow(KafkaIacError);
  });

  it('reads up to 64 characters, and no more', () => {
    const longest = `${'0'.repeat(62)}5m`;
    expect(longest).toHaveLength(64);
    expect(parseDurationMs(longest, site)).toBe(300_000);
    expect(() => parseDurationMs(`0${longest}`, site)).toThrow(KafkaIacError);
  });

  it('reads up to the longest time.Duration (2^63 - 1 ns, in whole ms), and no more', () => {
    expect(MAX_DURATION_MS).toBe(Math.floor((2 ** 63 - 1) / 1e6));
    expect(parseDurationMs(`${MAX_DURATION_MS}ms`, site)).toBe(MAX_DURATION_MS);
    expect(() => parseDurationMs(`${MAX_DURATION_MS + 1}ms`, site)).toThrow(KafkaIacError);
    expect(parseDurationMs('292y', site)).toBe(292 * 365 * DAY);
    expect(() => parseDurationMs('293y', site)).toThrow(KafkaIacError);
    expect(() => parseDurationMs('99999999999999999999y', site)).toThrow(KafkaIacError);
  });

  it('tells the user the grammar and how to write a duration', () => {
    expect(() => parseDurationMs('5 minutes', site)).toThrow(
      "MON-001 [prod/Alerts] for is '5 minutes'; expected a Prometheus duration: whole numbers with units y, w, d, h, m, s, ms in that order "
      + "(500ms, 30s, 5m, 1h30m, 30d, 1w) or 0, at most 292 years. Write the duration as Prometheus does, for example '5m' or '1h30m' (no spaces, no fractions).");
  });

  it('exports the grammar it reads with', () => {
    expect(DURATION_GRAMMAR.test('1h30m')).toBe(true);
    expect(DURATION_GRAMMAR.test('30m1h')).toBe(false);
  });
});

describe('formatDurationMs', () => {
  it('writes the largest units first, weeks and years as days, and zero as 0s', () => {
    expect(formatDurationMs(0)).toBe('0s');
    expect(formatDurationMs(500)).toBe('500ms');
    expect(formatDurationMs(5_400_000)).toBe('1h30m');
    expect(formatDurationMs(30 * DAY)).toBe('30d');
    expect(formatDurationMs(365 * DAY)).toBe('365d');
    expect(formatDurationMs(DAY + 3_600_000 + 60_000 + 1_000 + 1)).toBe('1d1h1m1s1ms');
    expect(formatDurationMs(DAY + 1)).toBe('1d1ms');
    expect(formatDurationMs(59_999)).toBe('59s999ms');
  });

  it('writes what parseDurationMs reads back as the same milliseconds', () => {
    for (const ms of [1, 999, 1_000, 61_001, 3_599_999, DAY - 1, 7 * DAY + 5, MAX_DURATION_MS]) {
      expect(parseDurationMs(formatDurationMs(ms), site)).toBe(ms);
    }
  });
});

describe('readDurationMs (readers of synthesized files never throw)', () => {
  it('gives the milliseconds of a duration and undefined for anything else', () => {
    expect(readDurationMs('1h30m')).toBe(5_400_000);
    expect(readDurationMs('0')).toBe(0);
    for (const v of ['5 m', '', undefined, 300, '1.5h']) expect(readDurationMs(v)).toBeUndefined();
  });
});
