import { KafkaIacError } from '../errors';
import { PrometheusDuration } from './prometheus-duration';

/**
 * The thresholds of the MON alerts. Every field is optional and defaults to RULES.md. A value
 * weaker than the default is allowed here, and then reported by the MON rule at synthesis, so
 * that weakening an alert needs a suppression with a written reason.
 */
export interface KafkaAlertThresholds {
  /**
   * MON-001: how long a Kafka node may be down or unscraped before the alert fires.
   * @default PrometheusDuration.minutes(1)
   */
  readonly nodeDownFor?: PrometheusDuration;
  /**
   * MON-002: consumer group lag (messages, summed over the partitions of a topic) that warns.
   * @default 10000
   */
  readonly consumerLagWarning?: number;
  /**
   * MON-003: consumer group lag that pages.
   * @default 100000
   */
  readonly consumerLagCritical?: number;
  /**
   * MON-002/003: how long lag stays above its threshold before the alert fires.
   * @default PrometheusDuration.minutes(5)
   */
  readonly consumerLagFor?: PrometheusDuration;
  /**
   * MON-004: data volume usage, percent, that warns.
   * @default 70
   */
  readonly diskUsageWarningPercent?: number;
  /**
   * MON-005: data volume usage, percent, that pages.
   * @default 85
   */
  readonly diskUsageCriticalPercent?: number;
  /**
   * MON-004/005: how long usage stays above its threshold.
   * @default PrometheusDuration.minutes(5)
   */
  readonly diskUsageFor?: PrometheusDuration;
  /**
   * MON-006: how long partitions may stay under-replicated (a rolling restart makes them so for
   * a few seconds per broker).
   * @default PrometheusDuration.minutes(5)
   */
  readonly underReplicatedFor?: PrometheusDuration;
  /**
   * MON-007: network throughput (bytes in + out, client and replication traffic) as a fraction
   * of the broker's capacity that warns.
   * @default 0.8
   */
  readonly networkUtilisationWarning?: number;
  /**
   * MON-007: a broker's network capacity, bytes per second (the instance's baseline bandwidth).
   * @default 125000000 (1 Gbit/s)
   */
  readonly brokerNetworkBytesPerSecond?: number;
  /**
   * MON-007: how long throughput stays above the threshold.
   * @default PrometheusDuration.minutes(15)
   */
  readonly networkFor?: PrometheusDuration;
  /**
   * MON-008: P99 produce and fetch request latency, milliseconds, that warns.
   * @default 100
   */
  readonly requestLatencyP99Ms?: number;
  /**
   * MON-008: how long latency stays above the threshold.
   * @default PrometheusDuration.minutes(10)
   */
  readonly requestLatencyFor?: PrometheusDuration;
  /**
   * MON-009: how long partitions may be offline, or the active controller count differ from 1.
   * @default PrometheusDuration.minutes(1)
   */
  readonly controllerFor?: PrometheusDuration;
  /**
   * MON-011: days before a certificate expires that warn.
   * @default 30
   */
  readonly certificateExpiryDays?: number;
  /**
   * MON-012: how long partitions may stay under their min ISR.
   * @default PrometheusDuration.minutes(1)
   */
  readonly underMinIsrFor?: PrometheusDuration;
}

/** Every threshold with its value in force. */
export type ResolvedThresholds = { readonly [K in keyof KafkaAlertThresholds]-?: NonNullable<KafkaAlertThresholds[K]> };

/** The RULES.md defaults. */
export const DEFAULT_THRESHOLDS: ResolvedThresholds = Object.freeze({
  nodeDownFor: PrometheusDuration.minutes(1),
  consumerLagWarning: 10_000,
  consumerLagCritical: 100_000,
  consumerLagFor: PrometheusDuration.minutes(5),
  diskUsageWarningPercent: 70,
  diskUsageCriticalPercent: 85,
  diskUsageFor: PrometheusDuration.minutes(5),
  underReplicatedFor: PrometheusDuration.minutes(5),
  networkUtilisationWarning: 0.8,
  brokerNetworkBytesPerSecond: 125_000_000,
  networkFor: PrometheusDuration.minutes(15),
  requestLatencyP99Ms: 100,
  requestLatencyFor: PrometheusDuration.minutes(10),
  controllerFor: PrometheusDuration.minutes(1),
  certificateExpiryDays: 30,
  underMinIsrFor: PrometheusDuration.minutes(1),
});

/** Fills in the defaults and refuses thresholds with the wrong sign or outside their range. */
export function resolveThresholds(path: string, t: KafkaAlertThresholds = {}): ResolvedThresholds {
  const r: ResolvedThresholds = { ...DEFAULT_THRESHOLDS, ...stripUndefined(t) };
  positive(path, 'MON-002', 'consumerLagWarning', r.consumerLagWarning, 'a lag of at least 1 message', 'Set consumerLagWarning to a positive number of messages, such as 10000.');
  positive(path, 'MON-003', 'consumerLagCritical', r.consumerLagCritical, 'a lag of at least 1 message', 'Set consumerLagCritical to a positive number of messages, such as 100000.');
  aboveWarning(path, 'MON-003', r, 'consumerLagCritical', 'consumerLagWarning', 'Make the critical lag larger than the warning lag.');
  percent(path, 'MON-004', 'diskUsageWarningPercent', r.diskUsageWarningPercent);
  percent(path, 'MON-005', 'diskUsageCriticalPercent', r.diskUsageCriticalPercent);
  aboveWarning(path, 'MON-005', r, 'diskUsageCriticalPercent', 'diskUsageWarningPercent', 'Make the critical disk usage larger than the warning usage.');
  if (!(r.networkUtilisationWarning > 0 && r.networkUtilisationWarning < 1)) {
    throw KafkaIacError.invalidProp({
      code: 'MON-007', path, prop: 'networkUtilisationWarning', found: r.networkUtilisationWarning,
      expected: 'a fraction of capacity between 0 and 1 (exclusive)', fix: 'Set networkUtilisationWarning to 0.8 (80%).',
    });
  }
  positive(path, 'MON-007', 'brokerNetworkBytesPerSecond', r.brokerNetworkBytesPerSecond, 'a positive number of bytes per second', 'Set brokerNetworkBytesPerSecond to the broker instance\'s baseline bandwidth in bytes per second.');
  positive(path, 'MON-008', 'requestLatencyP99Ms', r.requestLatencyP99Ms, 'a positive number of milliseconds', 'Set requestLatencyP99Ms to 100.');
  positive(path, 'MON-011', 'certificateExpiryDays', r.certificateExpiryDays, 'a positive number of days', 'Set certificateExpiryDays to 30.');
  return r;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function positive(path: string, code: string, prop: string, v: number, expected: string, fix: string): void {
  if (!(Number.isFinite(v) && v > 0)) throw KafkaIacError.invalidProp({ code, path, prop, found: v, expected, fix });
}

/** The thresholds that are numbers. */
type NumericThreshold = { [K in keyof ResolvedThresholds]: ResolvedThresholds[K] extends number ? K : never }[keyof ResolvedThresholds];

/** The critical threshold of a warning/critical pair of alerts is above the warning one. */
function aboveWarning(path: string, code: string, r: ResolvedThresholds, critical: NumericThreshold, warning: NumericThreshold, fix: string): void {
  if (r[critical] <= r[warning]) {
    throw KafkaIacError.invalidProp({ code, path, prop: critical, found: r[critical], expected: `more than ${warning} (${r[warning]})`, fix });
  }
}

function percent(path: string, code: string, prop: string, v: number): void {
  if (!(Number.isFinite(v) && v > 0 && v < 100)) {
    throw KafkaIacError.invalidProp({ code, path, prop, found: v, expected: 'a percentage above 0 and below 100', fix: `Set ${prop} to a percentage such as ${code === 'MON-004' ? 70 : 85}.` });
  }
}
