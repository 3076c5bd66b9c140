import { KafkaIacError } from '../errors';
import { formatDurationMs, MAX_DURATION_MS, parseDurationMs } from '../grammar/duration';

/**
 * A duration as Prometheus writes it (`500ms`, `5m`, `1h30m`, `30d`, `1w`): the `for` of an
 * alert, the window of a burn-rate alert, the period of an SLO. Parsed with the one duration
 * grammar of kafka-iac (`lib/model/grammar/duration.ts`, Prometheus' `model.ParseDuration`).
 */
export class PrometheusDuration {
  /** A duration of `n` milliseconds. */
  public static milliseconds(n: number): PrometheusDuration { return new PrometheusDuration(n); }
  /** A duration of `n` seconds. */
  public static seconds(n: number): PrometheusDuration { return new PrometheusDuration(n * 1_000); }
  /** A duration of `n` minutes. */
  public static minutes(n: number): PrometheusDuration { return new PrometheusDuration(n * 60_000); }
  /** A duration of `n` hours. */
  public static hours(n: number): PrometheusDuration { return new PrometheusDuration(n * 3_600_000); }
  /** A duration of `n` days. */
  public static days(n: number): PrometheusDuration { return new PrometheusDuration(n * 86_400_000); }

  /** Parses `500ms`, `90s`, `5m`, `1h30m`, `30d`, `1w`, `1y` or `0` (Prometheus: y = 365d, w = 7d). */
  public static parse(text: string): PrometheusDuration {
    return new PrometheusDuration(parseDurationMs(text, { code: 'KIAC-DURATION', path: 'PrometheusDuration', prop: 'duration' }));
  }

  private constructor(
    /** The duration in whole milliseconds, Prometheus' resolution. */
    public readonly totalMilliseconds: number,
  ) {
    if (!Number.isSafeInteger(totalMilliseconds) || totalMilliseconds < 0 || totalMilliseconds > MAX_DURATION_MS) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-DURATION', path: 'PrometheusDuration', prop: 'milliseconds', found: totalMilliseconds,
        expected: 'a whole, non-negative number of milliseconds of at most 292 years (a Prometheus duration)', fix: 'Use whole milliseconds, seconds, minutes, hours or days.',
      });
    }
  }

  /** The duration in seconds (a fraction below one second: `500ms` is 0.5). */
  public get totalSeconds(): number {
    return this.totalMilliseconds / 1_000;
  }

  /** The Prometheus form, largest units first: `1h30m`, `30d`, `500ms`, `0s`. */
  public toString(): string {
    return formatDurationMs(this.totalMilliseconds);
  }

  /** A suffix for recording rule names: `5m`, `1h`, `30d`. */
  public get suffix(): string {
    return this.toString();
  }

  public get isZero(): boolean {
    return this.totalMilliseconds === 0;
  }
}
