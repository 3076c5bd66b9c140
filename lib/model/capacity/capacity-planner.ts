import { markdownCell } from '../markdown-format';
import { formatGroupedNumber } from '../number-format';
import { checkInteger } from '../grammar/numbers';
import { KAFKA_MAX_PARTITIONS_PER_TOPIC, MAX_BROKERS, MSK_MAX_BROKERS_PER_CLUSTER } from '../grammar/limits';
import type { Environment } from '../environment';
import { KafkaIacError } from '../errors';

/** The title of the report section that lists an environment's capacity plans. */
export const CAPACITY_PLAN_SECTION_TITLE = 'Capacity plan';

const plansByEnvironment = new WeakMap<Environment, CapacityPlan[]>();

/** Bytes in one GiB (2^30). Capacity figures are in bytes or GiB, never a bare "TB". */
export const BYTES_PER_GIB = 1024 ** 3;

/** The headroom CAP-001 adds on top of the retained bytes: 20%. */
export const CAPACITY_HEADROOM = 0.2;

/** The fewest brokers a production cluster may have (HA-001, CAP-002). */
export const MIN_PRODUCTION_BROKERS = 3;

/**
 * The workload a cluster (or one topic of it) must carry. Every unit is in the name.
 * @see CAP-001, CAP-002, CAP-003
 */
export interface CapacityWorkload {
  /**
   * What the plan is for, shown in the report and in CAP-00x findings (`orders`, `main cluster`).
   */
  readonly name: string;
  /** Messages written per second, today (before growth). */
  readonly messagesPerSecond: number;
  /** The average size of one message, in bytes (key + value + headers, after compression). */
  readonly averageMessageBytes: number;
  /** How long messages are kept, in seconds (`log.retention.ms` ÷ 1000; 7 days = 604800). */
  readonly retentionSeconds: number;
  /**
   * Copies of every message.
   * @default 3
   * @see HA-002
   */
  readonly replicationFactor?: number;
  /**
   * The messages per second one broker can take, measured for the instance type in use.
   * @default - the broker count is then only the HA minimum and the zone rounding
   */
  readonly brokerCapacityMessagesPerSecond?: number;
  /**
   * The messages per second one consumer instance can process.
   * @default - the partition count is then only `consumersWanted`
   */
  readonly consumerMessagesPerSecond?: number;
  /**
   * The consumer instances that must be able to read in parallel (one partition each, at least).
   * @default 1
   */
  readonly consumersWanted?: number;
  /**
   * The messages per second of the busiest topic, used for partitions per topic (CAP-003).
   * @default - `messagesPerSecond` (the workload is one topic)
   */
  readonly topicMessagesPerSecond?: number;
  /**
   * The availability zones the brokers spread over; the broker count is a multiple of it.
   * @default 3
   * @see HA-006
   */
  readonly zones?: number;
  /**
   * The fewest brokers the plan allows (HA-001). Leave it at 3 for staging and production; a
   * development plan for a single-broker cluster may set 1 (with `zones: 1`).
   * @default 3
   * @see HA-001
   */
  readonly minimumBrokers?: number;
  /**
   * Expected growth of the message rate per year, as a fraction (0.5 = 50% a year),
   * compounded over `planningHorizonMonths`.
   * @default 0
   */
  readonly annualGrowthRate?: number;
  /**
   * How far ahead the plan looks, in months. The plan sizes for the rate at the end of it.
   * @default 12
   */
  readonly planningHorizonMonths?: number;
}

/** The figures of a capacity plan, as plain data (what the report's JSON section holds). */
export interface CapacityPlanFigures {
  readonly name: string;
  /** The growth multiplier applied to today's rate: (1 + annual rate)^(months / 12). */
  readonly growthFactor: number;
  /** The planned message rate: today's rate × growth factor. */
  readonly plannedMessagesPerSecond: number;
  /** messages/s × average bytes × retention seconds × RF, in bytes. */
  readonly retainedBytes: number;
  /** The retained bytes plus 20% headroom (CAP-001), in bytes, rounded up. */
  readonly diskBytes: number;
  /** `diskBytes` in GiB, to two decimals. */
  readonly diskGiB: number;
  /** The broker count for throughput alone: ⌈throughput ÷ per-broker capacity⌉ (0 when no capacity was given). */
  readonly brokersForThroughput: number;
  /** max(3, brokers for throughput), rounded up to a multiple of the zone count (CAP-002). */
  readonly brokers: number;
  /** The disk each broker needs, in whole GiB (`diskBytes ÷ brokers`, rounded up) (CAP-001). */
  readonly storagePerBrokerGiB: number;
  /** max(⌈topic rate ÷ one consumer's rate⌉, consumers wanted) (CAP-003). */
  readonly partitionsPerTopic: number;
  readonly zones: number;
  readonly replicationFactor: number;
}

/**
 * A capacity plan computed from a workload (CAP-001 to CAP-003). Pure: no construct, no I/O.
 *
 * Clusters and topics take their sizes from it as plain numbers
 * (`brokers: plan.brokers`, `storageGiB: plan.storagePerBrokerGiB`, `partitions: plan.partitionsPerTopic`),
 * and `CapacityPlanAnnotations` records the plan on the synthesized cluster so that the CAP rules
 * can compare what is provisioned with what was planned.
 *
 * @example
 * const plan = CapacityPlan.forWorkload({ name: 'orders', messagesPerSecond: 1000,
 *   averageMessageBytes: 1024, retentionSeconds: 7 * 24 * 3600 });
 * plan.diskBytes; // 2229534720000
 */
export class CapacityPlan {
  /** Plans a workload. Throws a KafkaIacError for a value that cannot be planned. */
  public static forWorkload(workload: CapacityWorkload): CapacityPlan {
    return new CapacityPlan(workload);
  }

  /** Disk for a retained workload: messages/s × bytes × seconds × RF, in bytes (no headroom). */
  public static retainedBytes(messagesPerSecond: number, averageMessageBytes: number, retentionSeconds: number, replicationFactor: number): number {
    return messagesPerSecond * averageMessageBytes * retentionSeconds * replicationFactor;
  }

  /** Bytes plus CAP-001's 20% headroom, rounded up to a whole byte. */
  public static withHeadroom(bytes: number): number {
    // × 6 ÷ 5 instead of × 1.2: exact for every integer below 2^53 ÷ 6.
    return Math.ceil((bytes * 6) / 5);
  }

  /**
   * CAP-002: max(3, ⌈messages/s ÷ per-broker capacity⌉), rounded up to a multiple of `zones`.
   * `minimumBrokers` replaces the 3 (a development plan only).
   */
  public static brokersFor(messagesPerSecond: number, brokerCapacityMessagesPerSecond: number, zones: number, minimumBrokers: number = MIN_PRODUCTION_BROKERS): number {
    const forThroughput = brokerCapacityMessagesPerSecond > 0 ? Math.ceil(messagesPerSecond / brokerCapacityMessagesPerSecond) : 0;
    const atLeast = Math.max(minimumBrokers, forThroughput);
    return Math.ceil(atLeast / zones) * zones;
  }

  /** CAP-003: max(⌈topic messages/s ÷ one consumer's messages/s⌉, consumers wanted). */
  public static partitionsFor(topicMessagesPerSecond: number, consumerMessagesPerSecond: number, consumersWanted: number): number {
    const forThroughput = consumerMessagesPerSecond > 0 ? Math.ceil(topicMessagesPerSecond / consumerMessagesPerSecond) : 0;
    return Math.max(forThroughput, consumersWanted, 1);
  }

  public readonly name: string;
  /** The workload as given. */
  public readonly workload: CapacityWorkload;
  /** (1 + annual growth)^(horizon months ÷ 12). */
  public readonly growthFactor: number;
  /** Today's rate × growth factor. */
  public readonly plannedMessagesPerSecond: number;
  /** messages/s × bytes × retention seconds × RF, in bytes, at the planned rate. */
  public readonly retainedBytes: number;
  /** The retained bytes plus 20% headroom, in bytes (CAP-001). */
  public readonly diskBytes: number;
  /** ⌈planned rate ÷ per-broker capacity⌉, before the HA minimum and zone rounding (0 with no capacity given). */
  public readonly brokersForThroughput: number;
  /** The planned broker count (CAP-002). */
  public readonly brokers: number;
  /** The planned disk per broker in whole GiB, rounded up (CAP-001). */
  public readonly storagePerBrokerGiB: number;
  /** The planned partitions per topic (CAP-003). */
  public readonly partitionsPerTopic: number;
  public readonly zones: number;
  public readonly replicationFactor: number;

  private constructor(workload: CapacityWorkload) {
    KafkaIacError.required(workload, { code: 'CAP-001', path: 'CapacityPlan', prop: 'workload', expected: 'a workload { name, messagesPerSecond, averageMessageBytes, retentionSeconds }', fix: 'Pass the workload to CapacityPlan.forWorkload.' });
    checkPlanName(workload.name);
    const path = `CapacityPlan ${workload.name}`;
    positive(path, 'messagesPerSecond', workload.messagesPerSecond, 'messages written per second, such as 1000');
    positive(path, 'averageMessageBytes', workload.averageMessageBytes, 'the average message size in bytes, such as 1024');
    positive(path, 'retentionSeconds', workload.retentionSeconds, 'the retention in seconds, such as 604800 for 7 days');
    const rf = workload.replicationFactor ?? 3;
    wholeAtLeast(path, 'replicationFactor', rf, 1, '3 in production');
    const zones = workload.zones ?? 3;
    wholeAtLeast(path, 'zones', zones, 1, 'the availability zones the brokers use, 3 in production');
    const minimumBrokers = workload.minimumBrokers ?? MIN_PRODUCTION_BROKERS;
    wholeAtLeast(path, 'minimumBrokers', minimumBrokers, 1, '3 for staging and production (HA-001)');
    const consumersWanted = workload.consumersWanted ?? 1;
    wholeAtLeast(path, 'consumersWanted', consumersWanted, 1, 'the consumer instances that read in parallel');
    if (workload.brokerCapacityMessagesPerSecond !== undefined) {
      positive(path, 'brokerCapacityMessagesPerSecond', workload.brokerCapacityMessagesPerSecond, 'the measured messages/s of one broker');
    }
    if (workload.consumerMessagesPerSecond !== undefined) {
      positive(path, 'consumerMessagesPerSecond', workload.consumerMessagesPerSecond, "one consumer's measured messages/s");
    }
    if (workload.topicMessagesPerSecond !== undefined) {
      positive(path, 'topicMessagesPerSecond', workload.topicMessagesPerSecond, "the busiest topic's messages/s");
    }
    const growth = workload.annualGrowthRate ?? 0;
    if (!Number.isFinite(growth) || growth < 0) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-001', path, prop: 'annualGrowthRate', found: growth,
        expected: 'a fraction of 0 or more (0.5 = 50% a year)', fix: 'Set annualGrowthRate: 0.5 for 50% growth a year, or leave it out.',
      });
    }
    const months = workload.planningHorizonMonths ?? 12;
    if (!Number.isFinite(months) || months < 0) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-001', path, prop: 'planningHorizonMonths', found: months,
        expected: 'a number of months of 0 or more', fix: 'Set planningHorizonMonths: 12, or leave it out.',
      });
    }

    this.name = workload.name;
    this.workload = workload;
    this.zones = zones;
    this.replicationFactor = rf;
    this.growthFactor = growth === 0 ? 1 : (1 + growth) ** (months / 12);
    this.plannedMessagesPerSecond = workload.messagesPerSecond * this.growthFactor;
    this.retainedBytes = CapacityPlan.retainedBytes(this.plannedMessagesPerSecond, workload.averageMessageBytes, workload.retentionSeconds, rf);
    this.diskBytes = CapacityPlan.withHeadroom(this.retainedBytes);
    if (!Number.isSafeInteger(this.diskBytes)) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-001', path, prop: 'disk (planned)', found: this.diskBytes,
        expected: `at most ${formatNumber(Number.MAX_SAFE_INTEGER)} bytes (8 PiB, the largest byte count the plan computes exactly)`,
        fix: 'Check messagesPerSecond, averageMessageBytes and retentionSeconds (bytes and seconds, not KiB or milliseconds), or split the workload over several clusters.',
      });
    }
    const capacity = workload.brokerCapacityMessagesPerSecond ?? 0;
    this.brokersForThroughput = capacity > 0 ? Math.ceil(this.plannedMessagesPerSecond / capacity) : 0;
    this.brokers = CapacityPlan.brokersFor(this.plannedMessagesPerSecond, capacity, zones, minimumBrokers);
    if (this.brokers > MAX_BROKERS) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-002', path, prop: 'brokers (planned)', found: this.brokers,
        expected: `at most ${MAX_BROKERS} brokers (Kubernetes supports 5,000 nodes per cluster, one Kafka node each; MSK allows ${MSK_MAX_BROKERS_PER_CLUSTER} per KRaft cluster)`,
        fix: 'Check messagesPerSecond and brokerCapacityMessagesPerSecond (the units are messages per second), or split the workload over several clusters.',
      });
    }
    this.storagePerBrokerGiB = Math.ceil(this.diskBytes / this.brokers / BYTES_PER_GIB);
    const topicRate = (workload.topicMessagesPerSecond ?? workload.messagesPerSecond) * this.growthFactor;
    this.partitionsPerTopic = CapacityPlan.partitionsFor(topicRate, workload.consumerMessagesPerSecond ?? 0, consumersWanted);
    if (this.partitionsPerTopic > KAFKA_MAX_PARTITIONS_PER_TOPIC) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-003', path, prop: 'partitions per topic (planned)', found: this.partitionsPerTopic,
        expected: `at most ${KAFKA_MAX_PARTITIONS_PER_TOPIC} (Kafka's recommended limit of partitions per cluster, KIP-578)`,
        fix: 'Check topicMessagesPerSecond, consumerMessagesPerSecond and consumersWanted, or split the topic.',
      });
    }
  }

  /** The disk with headroom, in GiB, to two decimals. */
  public get diskGiB(): number {
    return toGiB(this.diskBytes);
  }

  /** The retained bytes without headroom, in GiB, to two decimals. */
  public get retainedGiB(): number {
    return toGiB(this.retainedBytes);
  }

  /**
   * Adds this plan to the environment's report (section "Capacity plan": one row per plan).
   * A plan of the same name replaces the earlier one.
   */
  public attachTo(environment: Environment): void {
    const plans = (plansByEnvironment.get(environment) ?? []).filter((p) => p.name !== this.name);
    plans.push(this);
    plansByEnvironment.set(environment, plans);
    environment.addReportSection({
      title: CAPACITY_PLAN_SECTION_TITLE,
      data: plans.map((p) => p.toJson()),
      markdown: [
        'Figures from `CapacityPlan` (CAP-001 to CAP-003): disk = messages/s × average bytes × retention seconds × RF, plus 20% headroom; brokers = max(3 or the plan minimumBrokers, ⌈throughput ÷ per-broker capacity⌉) rounded up to a multiple of the zone count; partitions = max(⌈topic rate ÷ one consumer⌉, consumers wanted). 1 GiB = 2^30 bytes.',
        '',
        CAPACITY_PLAN_TABLE_HEADER,
        ...plans.map((p) => p.toMarkdownRow()),
      ].join('\n'),
    });
  }

  /** The plans attached to an environment with `attachTo`, in attach order. */
  public static attachedTo(environment: Environment): readonly CapacityPlan[] {
    return plansByEnvironment.get(environment) ?? [];
  }

  /** The plan as plain data. */
  public toJson(): CapacityPlanFigures {
    return {
      name: this.name,
      growthFactor: round(this.growthFactor, 4),
      plannedMessagesPerSecond: round(this.plannedMessagesPerSecond, 2),
      retainedBytes: this.retainedBytes,
      diskBytes: this.diskBytes,
      diskGiB: this.diskGiB,
      brokersForThroughput: this.brokersForThroughput,
      brokers: this.brokers,
      storagePerBrokerGiB: this.storagePerBrokerGiB,
      partitionsPerTopic: this.partitionsPerTopic,
      zones: this.zones,
      replicationFactor: this.replicationFactor,
    };
  }

  /** One Markdown table row: name, rate, disk, brokers, storage per broker, partitions. */
  public toMarkdownRow(): string {
    const growth = this.growthFactor === 1 ? '' : ` (×${round(this.growthFactor, 3)} growth)`;
    return `| ${markdownCell(this.name)} | ${formatNumber(round(this.plannedMessagesPerSecond, 2))}${growth} | ${formatNumber(this.retainedBytes)} B (${formatNumber(this.retainedGiB)} GiB) | ${formatNumber(this.diskBytes)} B (${formatNumber(this.diskGiB)} GiB) | ${this.brokers} | ${formatNumber(this.storagePerBrokerGiB)} | ${this.partitionsPerTopic} |`;
  }
}

/** The header of the table whose rows `CapacityPlan.toMarkdownRow` gives. */
export const CAPACITY_PLAN_TABLE_HEADER = [
  '| plan | messages/s planned | retained (× RF) | disk with 20% headroom | brokers | storage per broker (GiB) | partitions per topic |',
  '|---|---|---|---|---|---|---|',
].join('\n');

function toGiB(bytes: number): number {
  return round(bytes / BYTES_PER_GIB, 2);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** 1857945600000 → `1,857,945,600,000`; 1730.35 → `1,730.35`. */
export function formatNumber(n: number): string {
  return formatGroupedNumber(n, 0, 2);
}

function positive(path: string, prop: string, value: number, expected: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw KafkaIacError.invalidProp({ code: 'CAP-001', path, prop, found: value, expected: `a positive number: ${expected}`, fix: `Set ${prop} to a measured or forecast value.` });
  }
}

function wholeAtLeast(path: string, prop: string, value: number, min: number, expected: string): void {
  checkInteger(value, { code: 'CAP-002', path, prop }, {
    min, max: MAX_BROKERS, limitOf: 'Kubernetes node',
    fix: `Set ${prop} to a whole number from ${min} to ${MAX_BROKERS}: ${expected}.`,
  });
}

/**
 * A plan's name reaches the report (a Markdown cell), Kubernetes annotations (YAML), CAP findings
 * and, on MSK, a tag of the cluster (a Terraform string): each writer escapes it for its format.
 * The name itself is one non-blank line of at most 256 characters (the length of an AWS tag value).
 */
function checkPlanName(name: unknown): void {
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  if (typeof name === 'string' && name.trim() !== '' && name.length <= 256 && !/[\x00-\x1f\x7f\u2028\u2029]/.test(name)) return;
  throw KafkaIacError.grammar({
    code: 'CAP-001', path: 'CapacityPlan', prop: 'name', found: name,
    grammar: 'a non-blank name of at most 256 characters on one line (no control characters)',
    fix: "Name the plan after the cluster or topic, for example 'orders'.",
  });
}
