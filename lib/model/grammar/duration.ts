import { KafkaIacError } from '../errors';
import type { GrammarSite } from './names';

/**
 * The one duration grammar of kafka-iac, Prometheus' own (prometheus/common `model.ParseDuration`):
 * `^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$`, units
 * in that order, each at most once, y = 365d, w = 7d, d = 24h; `0` alone is allowed; the empty
 * string is not. `500ms`, `1h30m`, `1w` and `0` are durations; `1.5h`, `5 m`, `m5`, `30s5m` and
 * `-1m` are not. A Prometheus duration is a Go `time.Duration` (int64 nanoseconds), so at most
 * about 292 years.
 * @see https://github.com/prometheus/common/blob/main/model/time.go (ParseDuration)
 * @see https://prometheus.io/docs/prometheus/latest/querying/basics/#time-durations
 */
export const DURATION_GRAMMAR = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** The longest duration Prometheus holds: int64 nanoseconds, in whole milliseconds. */
export const MAX_DURATION_MS = 9_223_372_036_854; // floor((2^63 - 1) / 1e6)

const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1] as const;

/** Milliseconds of `text` under `DURATION_GRAMMAR`, or undefined. */
function durationMs(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length > 64) return undefined;
  if (text === '0') return 0;
  const m = text === '' ? null : DURATION_GRAMMAR.exec(text);
  if (!m) return undefined;
  const ms = m.slice(1).reduce((sum, part, i) => sum + (part === undefined ? 0 : Number(part) * UNIT_MS[i]), 0);
  // The sum is of whole numbers: exact below 2^53, far above MAX_DURATION_MS (an overflow is above it too).
  return ms > MAX_DURATION_MS ? undefined : ms;
}

/** Milliseconds of `text` under `DURATION_GRAMMAR`, or the library's grammar error. */
export function parseDurationMs(text: unknown, site: GrammarSite): number {
  const ms = durationMs(text);
  if (ms === undefined) {
    throw KafkaIacError.grammar({
      ...site, found: text,
      grammar: "a Prometheus duration: whole numbers with units y, w, d, h, m, s, ms in that order (500ms, 30s, 5m, 1h30m, 30d, 1w) or 0, at most 292 years",
      fix: "Write the duration as Prometheus does, for example '5m' or '1h30m' (no spaces, no fractions).",
    });
  }
  return ms;
}

/**
 * The Prometheus form of `ms`, largest units first: `1h30m`, `500ms`, `30d`, `0s`. Weeks and
 * years are written as days (`30d`, not Prometheus' own `4w2d`) so that recording-rule names
 * stay readable; Prometheus reads both.
 */
export function formatDurationMs(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) { out += `${n}${unit}`; rest -= n * size; }
  }
  return out;
}

/** Milliseconds of `text` under `DURATION_GRAMMAR`, or undefined (for readers of synthesized files, which never throw). */
export function readDurationMs(text: unknown): number | undefined {
  return durationMs(text);
}
