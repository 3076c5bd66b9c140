import type { CapacityPlan } from '../capacity/capacity-planner';
import { KafkaIacError } from '../errors';
import { AlertSeverity } from './alert-severity';
import type { AlertRule, AlertScenario, RuleGroup, TestSeries } from './alert-rule';
import { MetricSelector } from './metric-selector';
import { ScrapeRole, type MonitoredClusterIdentity } from './metrics-backend';
import { alertedCluster, clusterAlertLabels, roleSeriesLabels } from './series-labels';
import { PrometheusDuration } from './prometheus-duration';

/**
 * The broker scaling triggers of the design documents, as alerts: scale out when CPU passes
 * 70%, memory 80%, throughput 80% of the capacity plan, or connections 500 per broker. Each
 * links to the runbook that says how to scale its target.
 */
export interface ScalingAlertThresholds {
  /**
   * Broker CPU, percent of the container limit (Kubernetes) or of the instance (MSK).
   * @default 70
   */
  readonly cpuPercent?: number;
  /**
   * Broker memory, percent of the container limit (Kubernetes), of the instance (MSK open
   * monitoring) or of the JVM heap after GC (CloudWatch `HeapMemoryAfterGC`).
   * @default 80
   */
  readonly memoryPercent?: number;
  /**
   * Bytes in (all brokers) as a share of the capacity plan's bytes in per second.
   * @default 0.8
   */
  readonly throughputShareOfPlan?: number;
  /**
   * Open connections per broker.
   * @default 500
   */
  readonly connectionsPerBroker?: number;
  /**
   * How long a trigger holds before the alert fires (scaling is a planned change, not a page).
   * @default 10m
   */
  readonly for?: PrometheusDuration;
}

/** The thresholds with every default applied. */
export interface ResolvedScalingThresholds {
  readonly cpuPercent: number;
  readonly memoryPercent: number;
  readonly throughputShareOfPlan: number;
  readonly connectionsPerBroker: number;
  readonly for: PrometheusDuration;
}

/** Applies the documents' defaults and refuses values no alert can use. */
export function resolveScalingThresholds(path: string, t: ScalingAlertThresholds = {}): ResolvedScalingThresholds {
  const out: ResolvedScalingThresholds = {
    cpuPercent: t.cpuPercent ?? 70,
    memoryPercent: t.memoryPercent ?? 80,
    throughputShareOfPlan: t.throughputShareOfPlan ?? 0.8,
    connectionsPerBroker: t.connectionsPerBroker ?? 500,
    for: t.for ?? PrometheusDuration.minutes(10),
  };
  for (const [prop, value, max] of [['cpuPercent', out.cpuPercent, 100], ['memoryPercent', out.memoryPercent, 100], ['throughputShareOfPlan', out.throughputShareOfPlan, 1]] as const) {
    if (!(typeof value === 'number' && value > 0 && value < max)) {
      throw KafkaIacError.invalidProp({ code: 'CAP-002', path, prop: `scaling.${prop}`, found: value, expected: `a number above 0 and below ${max}`, fix: `Leave scaling.${prop} unset for the documents' default.` });
    }
  }
  if (!(Number.isInteger(out.connectionsPerBroker) && out.connectionsPerBroker > 0)) {
    throw KafkaIacError.invalidProp({ code: 'CAP-002', path, prop: 'scaling.connectionsPerBroker', found: out.connectionsPerBroker, expected: 'a positive whole number', fix: 'Set scaling.connectionsPerBroker: 500.' });
  }
  return out;
}

/** The scaling alerts of a cluster (the documents' broker scaling triggers). */
export interface ScalingAlertOptions {
  /**
   * Thresholds: CPU 70%, memory 80%, throughput 80% of the plan, 500 connections, for 10m.
   * @default - the documents' triggers
   */
  readonly thresholds?: ScalingAlertThresholds;
  /**
   * The capacity plans whose bytes in per second (planned messages/s × average message bytes,
   * summed) the throughput alert compares with.
   * @default - the plans attached to the environment (CapacityPlan.attachTo); no throughput alert without one
   */
  readonly capacityPlans?: readonly CapacityPlan[];
  /**
   * Strimzi only (KafkaPrometheusMonitoring): an alert when a KafkaRebalance fails (Cruise Control).
   * @default true on Strimzi
   */
  readonly rebalanceFailedAlert?: boolean;
}

/** Bytes in per second the plans size the cluster for, or undefined without a plan. */
export function plannedBytesInPerSecond(plans: readonly CapacityPlan[]): number | undefined {
  if (plans.length === 0) return undefined;
  return plans.reduce((sum, p) => sum + p.plannedMessagesPerSecond * p.workload.averageMessageBytes, 0);
}

/** The target a scaling alert tells people how to scale. */
export enum ScalingTarget {
  /** Strimzi node pools (replicas) and Cruise Control. */
  STRIMZI = 'strimzi',
  /** The StatefulSet target (replicas) and kafka-reassign-partitions. */
  STATEFULSET = 'statefulset',
  /** MSK broker count or instance type, and the partition move. */
  MSK = 'msk',
}

/** The runbook slug of each target's scaling procedure. */
export const SCALING_RUNBOOK: Readonly<Record<ScalingTarget, string>> = {
  [ScalingTarget.STRIMZI]: 'scale-strimzi-brokers',
  [ScalingTarget.STATEFULSET]: 'scale-statefulset-brokers',
  [ScalingTarget.MSK]: 'scale-msk-brokers',
};

/**
 * The series a scaling alert reads, per backend. Every metric name is one the exporter emits:
 * - Kubernetes: cAdvisor (kubelet) `container_cpu_usage_seconds_total`,
 *   `container_memory_working_set_bytes`; kube-state-metrics `kube_pod_container_resource_limits`
 *   (`resource` cpu/memory) and `kube_pod_labels` (the pod label `kafka-iac.dev/cluster`, allowed
 *   with `--metric-labels-allowlist=pods=[kafka-iac.dev/cluster]`); the Kafka JMX exporter's
 *   `kafka_server_brokertopicmetrics_bytesin_total` and
 *   `kafka_server_socket_server_metrics_connection_count` (Strimzi's kafka-metrics.yaml rules,
 *   lib/targets/kubernetes/jmx-exporter-rules.ts).
 * - MSK open monitoring: the node exporter's `node_cpu_seconds_total`,
 *   `node_memory_MemAvailable_bytes`, `node_memory_MemTotal_bytes`; MSK's JMX exporter
 *   `kafka_server_BrokerTopicMetrics_Count{name="BytesInPerSec"}` and
 *   `kafka_server_socket_server_metrics_connection_count`.
 * @see https://github.com/google/cadvisor/blob/master/docs/storage/prometheus.md
 * @see https://github.com/kubernetes/kube-state-metrics/blob/main/docs/metrics/workload/pod-metrics.md
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/open-monitoring.html
 */
export interface ScalingMetrics {
  readonly nodeLabel: string;
  /** The value of `nodeLabel` for the `i`th node, for promtool test series. */
  nodeExample(i: number): string;
  /** CPU usage in percent per node: an expression and the series that make it, for a given percent. */
  readonly cpu: UsageMetric;
  readonly memory: UsageMetric;
  /** Counter of client bytes in, all topics, per node. */
  readonly bytesIn: MetricSelector;
  /** Open connections per node (summed over listeners and network processors). */
  readonly connections: MetricSelector;
}

/** A percentage built from several series. */
export interface UsageMetric {
  /** PromQL: the usage in percent, by `nodeLabel`. */
  readonly expr: string;
  /** What it reads, for descriptions. */
  readonly source: string;
  /** Input series of one node whose usage is `percent` (values filled for `minutes` samples). */
  series(node: string, percent: number, minutes: number): TestSeries[];
}

/** cAdvisor + kube-state-metrics + the Kafka JMX exporter, for Strimzi and the StatefulSet. */
export function kubernetesScalingMetrics(id: MonitoredClusterIdentity, options: { readonly container?: string; readonly podClusterLabel?: string } = {}): ScalingMetrics {
  const ns = { namespace: id.namespace };
  const container = { ...ns, container: options.container ?? 'kafka' };
  const podLabel = options.podClusterLabel ?? 'label_kafka_iac_dev_cluster';
  const podLabels = new MetricSelector('kube_pod_labels', { ...ns, [podLabel]: id.cluster });
  const join = `* on (namespace, pod) group_left () max by (namespace, pod) (${podLabels})`;
  const node = roleSeriesLabels(id, ScrapeRole.KAFKA);
  const cpuUsage = new MetricSelector('container_cpu_usage_seconds_total', container);
  const memUsage = new MetricSelector('container_memory_working_set_bytes', container);
  const limit = (resource: string) => new MetricSelector('kube_pod_container_resource_limits', { ...container, resource });
  const limitSeries = (resource: string, pod: string, unit: string, v: number, minutes: number): TestSeries => ({ series: limit(resource).series({ pod, unit }), values: `${v}x${minutes}` });
  const labelSeries = (pod: string, minutes: number): TestSeries => ({ series: podLabels.series({ pod }), values: `1x${minutes}` });
  return {
    nodeLabel: 'pod',
    nodeExample: (i) => `${id.cluster}-broker-${i}`,
    cpu: {
      expr: `max by (pod) (100 * sum by (namespace, pod) (rate(${cpuUsage}[5m])) / sum by (namespace, pod) (${limit('cpu')}) ${join})`,
      source: 'container CPU (cAdvisor) over the container CPU limit (kube-state-metrics)',
      series: (pod, percent, minutes) => [
        // 2 cores of limit; usage in core-seconds grows by 60 × 2 × percent/100 per minute.
        { series: cpuUsage.series({ pod }), values: `0+${round(120 * percent / 100)}x${minutes}` },
        limitSeries('cpu', pod, 'core', 2, minutes),
        labelSeries(pod, minutes),
      ],
    },
    memory: {
      expr: `max by (pod) (100 * sum by (namespace, pod) (${memUsage}) / sum by (namespace, pod) (${limit('memory')}) ${join})`,
      source: 'container working-set memory (cAdvisor) over the container memory limit (kube-state-metrics)',
      series: (pod, percent, minutes) => [
        { series: memUsage.series({ pod }), values: `${percent * 100_000_000}x${minutes}` },
        limitSeries('memory', pod, 'byte', 10_000_000_000, minutes),
        labelSeries(pod, minutes),
      ],
    },
    bytesIn: new MetricSelector('kafka_server_brokertopicmetrics_bytesin_total', { ...node, topic: '' }),
    connections: new MetricSelector('kafka_server_socket_server_metrics_connection_count', node),
  };
}

/** The node exporter and MSK's JMX exporter (open monitoring). */
export function mskOpenMonitoringScalingMetrics(id: MonitoredClusterIdentity): ScalingMetrics {
  const jmx = roleSeriesLabels(id, ScrapeRole.KAFKA);
  const nodeExporter = roleSeriesLabels(id, ScrapeRole.NODE_EXPORTER);
  const idle = new MetricSelector('node_cpu_seconds_total', { ...nodeExporter, mode: 'idle' });
  const available = new MetricSelector('node_memory_MemAvailable_bytes', nodeExporter);
  const total = new MetricSelector('node_memory_MemTotal_bytes', nodeExporter);
  return {
    nodeLabel: 'instance',
    nodeExample: (i) => `b-${i + 1}.${id.cluster}.example.kafka.${id.region}.amazonaws.com:11002`,
    cpu: {
      expr: `100 * (1 - avg by (instance) (rate(${idle}[5m])))`,
      source: 'non-idle CPU time of the broker host (node exporter)',
      series: (instance, percent, minutes) => [
        // One CPU: idle seconds grow by 60 × (1 − percent/100) per minute.
        { series: idle.series({ instance, cpu: '0' }), values: `0+${round(60 * (1 - percent / 100))}x${minutes}` },
      ],
    },
    memory: {
      expr: `100 * (1 - max by (instance) (${available}) / max by (instance) (${total}))`,
      source: 'memory in use on the broker host, MemTotal − MemAvailable (node exporter)',
      series: (instance, percent, minutes) => [
        { series: available.series({ instance }), values: `${(100 - percent) * 100_000_000}x${minutes}` },
        { series: total.series({ instance }), values: `${10_000_000_000}x${minutes}` },
      ],
    },
    bytesIn: new MetricSelector('kafka_server_BrokerTopicMetrics_Count', { ...jmx, name: 'BytesInPerSec', topic: '' }),
    connections: new MetricSelector('kafka_server_socket_server_metrics_connection_count', jmx),
  };
}

/** What the scaling alerts need to know about the cluster. */
export interface ScalingAlertInput {
  readonly identity: MonitoredClusterIdentity;
  readonly metrics: ScalingMetrics;
  readonly target: ScalingTarget;
  readonly thresholds: ResolvedScalingThresholds;
  /**
   * Bytes in per second the capacity plan sizes the cluster for (planned messages/s × average
   * bytes); the throughput alert is left out without it.
   */
  readonly plannedBytesInPerSecond?: number;
}

const MINUTE = PrometheusDuration.minutes(1);

/** The rule group `kafka-<cluster>-scaling`: CPU, memory, throughput against the plan, connections. */
export function scalingAlertGroup(input: ScalingAlertInput): RuleGroup {
  return { name: `kafka-${input.identity.cluster}-scaling`, recordingRules: [], alerts: scalingAlerts(input) };
}

/** The scaling alerts, each with promtool scenarios: firing above the threshold, quiet at it. */
export function scalingAlerts(input: ScalingAlertInput): AlertRule[] {
  const { identity: id, metrics: m, thresholds: t } = input;
  const labels = clusterAlertLabels(id);
  const where = alertedCluster(id);
  const runbook = SCALING_RUNBOOK[input.target];
  const how = HOW_TO_SCALE[input.target];
  const node = m.nodeLabel;
  const n0 = m.nodeExample(0);
  const minutes = minutesOf(t.for) + 8;
  const evalAt = PrometheusDuration.minutes(minutesOf(t.for) + 7);
  const scenario = (name: string, series: TestSeries[], firing: Record<string, string>[]): AlertScenario => ({ name, interval: MINUTE, series, evalTime: evalAt, firing });
  const alerts: AlertRule[] = [];

  const usage = (alert: string, what: string, metric: UsageMetric, percent: number): AlertRule => ({
    alert, ruleId: 'CAP-002', severity: AlertSeverity.WARNING, for: t.for, labels,
    expr: `${metric.expr} > ${percent}`,
    summary: `Kafka broker {{ $labels.${node} }} of ${id.cluster} uses more than ${percent}% ${what}: scale out`,
    description: `${capitalise(what)} of {{ $labels.${node} }} in ${where} (${metric.source}) is above ${percent}% for ${t.for}, the documents' trigger to add brokers. ${how}`,
    runbook,
    scenarios: [
      scenario(`fires at ${percent + 2}% ${what} (> ${percent}%) after ${t.for}`, metric.series(n0, percent + 2, minutes), [{ [node]: n0 }]),
      scenario(`quiet at ${percent - 2}% ${what}, below the threshold`, metric.series(n0, percent - 2, minutes), []),
    ],
  });
  alerts.push(usage('KafkaBrokerCpuHigh', 'CPU', m.cpu, t.cpuPercent));
  alerts.push(usage('KafkaBrokerMemoryHigh', 'memory', m.memory, t.memoryPercent));

  if (input.plannedBytesInPerSecond !== undefined && input.plannedBytesInPerSecond > 0) {
    const planned = Math.round(input.plannedBytesInPerSecond);
    const share = t.throughputShareOfPlan;
    const limit = Math.round(planned * share);
    const perMinute = (rate: number) => Math.round(rate * 60);
    alerts.push({
      alert: 'KafkaThroughputNearCapacityPlan', ruleId: 'CAP-002', severity: AlertSeverity.WARNING, for: t.for, labels,
      expr: `sum(rate(${m.bytesIn}[5m])) > ${limit}`,
      summary: `Kafka cluster ${id.cluster} takes in more than ${Math.round(share * 100)}% of the bytes its capacity plan is sized for: scale out`,
      description: `Client bytes in, all brokers of ${where}, exceed ${Math.round(share * 100)}% of the capacity plan's ${planned} bytes/s (${limit} bytes/s) for ${t.for}. Re-plan capacity (CAP-001/002) and add brokers before the plan's headroom is gone. ${how}`,
      runbook,
      scenarios: [
        scenario(`fires at 105% of ${Math.round(share * 100)}% of the plan after ${t.for}`, [{ series: m.bytesIn.series({ [node]: n0 }), values: `0+${perMinute(limit * 1.05)}x${minutes}` }], [{}]),
        scenario(`quiet at 95% of ${Math.round(share * 100)}% of the plan`, [{ series: m.bytesIn.series({ [node]: n0 }), values: `0+${perMinute(limit * 0.95)}x${minutes}` }], []),
      ],
    });
  }

  const c = t.connectionsPerBroker;
  const conn = (pod: string, listener: string, v: number): TestSeries => ({ series: m.connections.series({ [node]: pod, listener, networkProcessor: '0' }), values: `${v}x${minutes}` });
  alerts.push({
    alert: 'KafkaBrokerConnectionsHigh', ruleId: 'CAP-002', severity: AlertSeverity.WARNING, for: t.for, labels,
    expr: `sum by (${node}) (${m.connections}) > ${c}`,
    summary: `Kafka broker {{ $labels.${node} }} of ${id.cluster} holds more than ${c} connections: scale out`,
    description: `Broker {{ $labels.${node} }} of ${where} has more than ${c} open connections (all listeners) for ${t.for}, the documents' trigger to add brokers. Check first for a client that leaks connections. ${how}`,
    runbook,
    scenarios: [
      scenario(`fires at ${c + 1} connections over two listeners after ${t.for}`, [conn(n0, 'SCRAM', c - 99), conn(n0, 'REPLICATION', 100)], [{ [node]: n0 }]),
      scenario(`quiet at ${c} connections`, [conn(n0, 'SCRAM', c - 100), conn(n0, 'REPLICATION', 100)], []),
    ],
  });
  return alerts;
}

/**
 * A KafkaRebalance that failed (Strimzi): the `NotReady` condition leaves `ready`,
 * `proposal_ready` and `rebalancing` all unset on `strimzi_kafka_rebalance_resource_info`, the
 * series Strimzi's kube-state-metrics CustomResourceState configuration emits
 * (packaging/examples/metrics/kube-state-metrics/configmap.yaml, with its own
 * KafkaRebalanceNotReady alert in prometheus-rules.yaml). Templates are excluded.
 */
export function rebalanceFailedAlert(id: MonitoredClusterIdentity, forDuration: PrometheusDuration = PrometheusDuration.minutes(15)): AlertRule {
  const info = new MetricSelector('strimzi_kafka_rebalance_resource_info', { exported_namespace: id.namespace });
  const expr = `max by (name) (${info.toString().replace(/\}$/, '')},template!="true",ready!="True",proposal_ready!="True",rebalancing!="True"}) > 0`;
  const labels = clusterAlertLabels(id);
  const minutes = minutesOf(forDuration) + 4;
  const evalAt = PrometheusDuration.minutes(minutesOf(forDuration) + 2);
  const series = (name: string, extra: Record<string, string>): TestSeries => ({ series: info.series({ name, ...extra }), values: `1x${minutes}` });
  const rebalance = `${id.cluster}-auto-rebalancing-add-brokers`;
  return {
    alert: 'KafkaRebalanceFailed', ruleId: 'CAP-002', severity: AlertSeverity.WARNING, for: forDuration, labels,
    expr,
    summary: `KafkaRebalance {{ $labels.name }} of ${id.cluster} failed or is stuck`,
    description: `KafkaRebalance {{ $labels.name }} in namespace ${id.namespace} has been neither ready, proposal-ready nor rebalancing for ${forDuration}: Cruise Control refused or aborted the rebalance (condition NotReady). Partitions have not moved to the new brokers, or off the brokers being removed.`,
    runbook: 'rebalance-failed',
    scenarios: [
      { name: `fires when a rebalance is NotReady for ${forDuration}`, interval: MINUTE, evalTime: evalAt, series: [series(rebalance, {})], firing: [{ name: rebalance }] },
      { name: 'quiet while a rebalance is running', interval: MINUTE, evalTime: evalAt, series: [series(rebalance, { rebalancing: 'True' })], firing: [] },
      { name: 'quiet for a ready rebalance and for a template', interval: MINUTE, evalTime: evalAt, series: [series(rebalance, { ready: 'True' }), series(`${id.cluster}-add-brokers-template`, { template: 'true' })], firing: [] },
    ],
  };
}

/** One line per target: how to scale it, repeated in each alert's description. */
const HOW_TO_SCALE: Readonly<Record<ScalingTarget, string>> = {
  [ScalingTarget.STRIMZI]: 'Raise the replicas of the broker KafkaNodePool (by the zone count); Cruise Control auto-rebalance moves partitions to the new brokers.',
  [ScalingTarget.STATEFULSET]: 'Raise the broker StatefulSet replicas (by the zone count), then move partitions with kafka-reassign-partitions.',
  [ScalingTarget.MSK]: 'Add brokers (number_of_broker_nodes, a multiple of the zone count) or move to a larger instance type, then reassign partitions to the new brokers.',
};

function minutesOf(d: PrometheusDuration): number {
  return Math.max(1, Math.ceil(d.totalSeconds / 60));
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function capitalise(s: string): string {
  return s === 'CPU' ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
