import { KafkaIacError } from '../errors';
import { parseDurationMs } from '../grammar/duration';

/**
 * A recovery objective's duration (the RPO or RTO of a DR pairing), in whole seconds.
 * Plain value, provider-neutral: the MirrorMaker 2 alerts turn it into a Prometheus duration,
 * the MSK Replicator alarms into CloudWatch thresholds.
 * @see DR-003
 */
export class DrDuration {
  /** `n` seconds. */
  public static seconds(n: number): DrDuration { return new DrDuration(n); }
  /** `n` minutes. */
  public static minutes(n: number): DrDuration { return new DrDuration(n * 60); }
  /** `n` hours. */
  public static hours(n: number): DrDuration { return new DrDuration(n * 3_600); }
  /**
   * Parses a duration written as Prometheus writes it (`30s`, `5m`, `1h30m`), with the one
   * duration grammar of kafka-iac; an objective is whole seconds, at least 1.
   */
  public static parse(text: string): DrDuration {
    const ms = parseDurationMs(text, { code: 'DR-003', path: 'DrDuration', prop: 'duration' });
    if (ms % 1_000 !== 0) {
      throw KafkaIacError.invalidProp({
        code: 'DR-003', path: 'DrDuration', prop: 'duration', found: text,
        expected: 'whole seconds (MirrorMaker 2 and MSK Replicator report lag per second at best)', fix: "Round the objective to seconds, for example '30s'.",
      });
    }
    return new DrDuration(ms / 1_000);
  }

  private constructor(
    /** The duration in whole seconds (at least 1). */
    public readonly seconds: number,
  ) {
    KafkaIacError.positiveWhole(seconds, {
      code: 'DR-003', path: 'DrDuration', prop: 'seconds', of: 'seconds',
      fix: 'Declare the objective with DrDuration.seconds(30), .minutes(5) or .hours(1).',
    });
  }

  /** In milliseconds (MirrorMaker 2 `replication-latency-ms`, MSK `ReplicationLatency`). */
  public get milliseconds(): number {
    return this.seconds * 1000;
  }

  /** A readable form, largest units first: `5m`, `1h30m`, `45s`. */
  public toString(): string {
    let rest = this.seconds;
    let out = '';
    for (const [unit, size] of [['h', 3_600], ['m', 60], ['s', 1]] as const) {
      const n = Math.floor(rest / size);
      if (n > 0) { out += `${n}${unit}`; rest -= n * size; }
    }
    return out;
  }
}
