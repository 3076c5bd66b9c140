import { KafkaIacError } from '../errors';

const UNITS: readonly (readonly [string, number])[] = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];

/**
 * A duration as Prometheus writes it (`5m`, `1h`, `30d`): the `for` of an alert, the window of
 * a burn-rate alert, the period of an SLO. Whole seconds only.
 */
export class PrometheusDuration {
  /** A duration of `n` seconds. */
  public static seconds(n: number): PrometheusDuration { return new PrometheusDuration(n); }
  /** A duration of `n` minutes. */
  public static minutes(n: number): PrometheusDuration { return new PrometheusDuration(n * 60); }
  /** A duration of `n` hours. */
  public static hours(n: number): PrometheusDuration { return new PrometheusDuration(n * 3_600); }
  /** A duration of `n` days. */
  public static days(n: number): PrometheusDuration { return new PrometheusDuration(n * 86_400); }

  /** Parses `90s`, `5m`, `1h30m`, `30d`, `1w`, `1y` (Prometheus: y = 365d, w = 7d). */
  public static parse(text: string): PrometheusDuration {
    const m = typeof text === 'string' && text.length <= 64 ? /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text) : null;
    if (!m || text === '') {
      throw KafkaIacError.grammar({
        code: 'KIAC-DURATION', path: 'PrometheusDuration', prop: 'duration', found: text,
        grammar: 'a Prometheus duration in whole seconds such as 30s, 5m, 1h, 30d or 1w', fix: "Write the duration as '<number><unit>' with unit s, m, h, d, w or y.",
      });
    }
    const [y, w, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
    return new PrometheusDuration(y * 365 * 86_400 + w * 7 * 86_400 + d * 86_400 + h * 3_600 + mi * 60 + s);
  }

  private constructor(public readonly totalSeconds: number) {
    if (!Number.isSafeInteger(totalSeconds) || totalSeconds < 0) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-DURATION', path: 'PrometheusDuration', prop: 'seconds', found: totalSeconds,
        expected: 'a whole, non-negative number of seconds', fix: 'Use whole seconds, minutes, hours or days.',
      });
    }
  }

  /** The Prometheus form, largest units first: `1h30m`, `30d`, `0s`. */
  public toString(): string {
    if (this.totalSeconds === 0) return '0s';
    let rest = this.totalSeconds;
    let out = '';
    for (const [unit, size] of UNITS) {
      const n = Math.floor(rest / size);
      if (n > 0) { out += `${n}${unit}`; rest -= n * size; }
    }
    return out;
  }

  /** A suffix for recording rule names: `5m`, `1h`, `30d`. */
  public get suffix(): string {
    return this.toString();
  }

  public get isZero(): boolean {
    return this.totalSeconds === 0;
  }
}
