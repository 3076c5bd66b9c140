import { AlertSeverity } from './alert-severity';
import type { AlertRule, AlertScenario, TestSeries } from './alert-rule';
import type { ResolvedThresholds } from './kafka-alert-thresholds';
import type { MetricSelector } from './metric-selector';
import { type BackendMetrics, type MonitoredClusterIdentity } from './metrics-backend';
import { alertedCluster, clusterAlertLabels } from './series-labels';
import { PrometheusDuration } from './prometheus-duration';

/**
 * The names of the MON alerts (the `alertname` label), one per alert of `kafkaAlerts`. Routing,
 * inhibition and silences refer to alerts by these names: import them, never retype them.
 */
export enum KafkaAlertName {
  /** MON-001: a Kafka node is down or not scraped. */
  NODE_DOWN = 'KafkaNodeDown',
  /** MON-001: fewer Kafka nodes are up than expected. */
  NODES_MISSING = 'KafkaNodesMissing',
  /** MON-002. */
  CONSUMER_LAG_WARNING = 'KafkaConsumerLagWarning',
  /** MON-003. */
  CONSUMER_LAG_CRITICAL = 'KafkaConsumerLagCritical',
  /** MON-004. */
  DISK_USAGE_WARNING = 'KafkaDiskUsageWarning',
  /** MON-005. */
  DISK_USAGE_CRITICAL = 'KafkaDiskUsageCritical',
  /** MON-006. */
  UNDER_REPLICATED_PARTITIONS = 'KafkaUnderReplicatedPartitions',
  /** MON-007. */
  NETWORK_THROUGHPUT_HIGH = 'KafkaNetworkThroughputHigh',
  /** MON-008. */
  REQUEST_LATENCY_HIGH = 'KafkaRequestLatencyHigh',
  /** MON-009: partitions without a leader. */
  OFFLINE_PARTITIONS = 'KafkaOfflinePartitions',
  /** MON-012. */
  UNDER_MIN_ISR_PARTITIONS = 'KafkaUnderMinIsrPartitions',
  /** MON-009: not exactly one active KRaft controller. */
  ACTIVE_CONTROLLER_COUNT = 'KafkaActiveControllerCount',
  /** MON-009: a broker sees no active controller. */
  NO_ACTIVE_CONTROLLER = 'KafkaNoActiveController',
  /** MON-010: replication latency beyond the RPO. */
  MIRROR_MAKER_2_BEHIND_RPO = 'KafkaMirrorMaker2ReplicationBehindRpo',
  /** MON-010: no MirrorMaker 2 source task is running. */
  MIRROR_MAKER_2_DOWN = 'KafkaMirrorMaker2Down',
  /** MON-010: no MirrorMaker 2 checkpoint task is running. */
  MIRROR_MAKER_2_CHECKPOINTS_DOWN = 'KafkaMirrorMaker2CheckpointsDown',
  /** MON-011. */
  CERTIFICATE_EXPIRING_SOON = 'KafkaCertificateExpiringSoon',
}

/** What the catalog needs to know about the cluster beyond its metrics. */
export interface KafkaAlertCatalogInput {
  readonly identity: MonitoredClusterIdentity;
  readonly metrics: BackendMetrics;
  readonly thresholds: ResolvedThresholds;
  /** Kafka nodes (brokers and controllers) that are scraped; MON-001 fires when fewer are up. */
  readonly expectedNodes: number;
  /** MON-010: the declared RPO, when MirrorMaker 2 replicates into or out of this cluster. */
  readonly replicationRpo?: PrometheusDuration;
}

const MINUTE = PrometheusDuration.minutes(1);
const GROUP = 'orders-service';
const TOPIC = 'orders';

/**
 * MON-001 to MON-012 for one cluster and one metrics backend, each with its promtool
 * scenarios: firing at the threshold after its `for`, quiet just below it, and not yet firing
 * before the `for` has passed.
 */
export function kafkaAlerts(input: KafkaAlertCatalogInput): AlertRule[] {
  const { identity: id, metrics: m, thresholds: t } = input;
  const labels = clusterAlertLabels(id);
  const where = alertedCluster(id);
  const node = m.nodeLabel;
  const n0 = m.nodeExample(0);
  const alerts: AlertRule[] = [];

  alerts.push({
    alert: KafkaAlertName.NODE_DOWN, ruleId: 'MON-001', severity: AlertSeverity.CRITICAL, for: t.nodeDownFor, labels,
    expr: `max by (${node}) (${m.up}) == 0`,
    summary: `Kafka node {{ $labels.${node} }} of ${id.cluster} is down or not scraped`,
    description: `Prometheus cannot scrape Kafka node {{ $labels.${node} }} of ${where}. Its partitions have lost a replica; with a second failure, writes with acks=all stop.`,
    runbook: 'broker-down',
    scenarios: gauge({
      thresholdText: 'up == 0', forDuration: t.nodeDownFor, fire: 0, quiet: 1,
      series: (v) => [{ series: m.up.series({ [node]: n0 }), values: '' , v }],
      firing: [{ [node]: n0 }],
    }),
  });

  const upOk = (count: number): TestSeries[] => Array.from({ length: count }, (_, i) => ({ series: m.up.series({ [node]: m.nodeExample(i) }), values: constant(1, minutesFor(t.nodeDownFor) + 3) }));
  alerts.push({
    alert: KafkaAlertName.NODES_MISSING, ruleId: 'MON-001', severity: AlertSeverity.CRITICAL, for: t.nodeDownFor, labels,
    expr: `(count(${m.up} == 1) or vector(0)) < ${input.expectedNodes}`,
    summary: `Fewer than ${input.expectedNodes} Kafka nodes of ${id.cluster} are up`,
    description: `Fewer than the ${input.expectedNodes} expected Kafka nodes of ${where} are scraped and up: a pod is missing (not scheduled, deleted, or its target vanished from service discovery).`,
    runbook: 'broker-down',
    scenarios: [
      scenario(`fires when ${input.expectedNodes - 1} of ${input.expectedNodes} nodes are up for ${t.nodeDownFor}`, upOk(input.expectedNodes - 1), after(t.nodeDownFor), [{}]),
      scenario(`quiet when all ${input.expectedNodes} nodes are up`, upOk(input.expectedNodes), after(t.nodeDownFor), []),
    ],
  });

  const lagAlert = (ruleId: string, name: string, severity: AlertSeverity, threshold: number): AlertRule => ({
    alert: name, ruleId, severity, for: t.consumerLagFor, labels,
    expr: `${m.lagAggregation} by (${m.lagGroupLabel}, ${m.lagTopicLabel}) (${m.consumerLag}) > ${threshold}`,
    summary: `Consumer group {{ $labels.${m.lagGroupLabel} }} lags more than ${threshold} messages on {{ $labels.${m.lagTopicLabel} }}`,
    description: `Consumer group {{ $labels.${m.lagGroupLabel} }} on topic {{ $labels.${m.lagTopicLabel} }} of ${where} is more than ${threshold} messages behind for ${t.consumerLagFor}. Consumers are slower than producers, stuck, or down.`,
    runbook: 'consumer-lag',
    scenarios: gauge({
      thresholdText: `lag > ${threshold}`, forDuration: t.consumerLagFor, fire: threshold + 1, quiet: threshold,
      series: (v) => [{ series: m.consumerLag.series({ [m.lagGroupLabel]: GROUP, [m.lagTopicLabel]: TOPIC, partition: '0' }), values: '', v }],
      firing: [{ [m.lagGroupLabel]: GROUP, [m.lagTopicLabel]: TOPIC }],
    }),
  });
  alerts.push(lagAlert('MON-002', KafkaAlertName.CONSUMER_LAG_WARNING, AlertSeverity.WARNING, t.consumerLagWarning));
  alerts.push(lagAlert('MON-003', KafkaAlertName.CONSUMER_LAG_CRITICAL, AlertSeverity.CRITICAL, t.consumerLagCritical));

  const d = m.disk;
  const usage = `100 * (${d.capacity} - ${d.available}) / ${d.capacity}`;
  const joined = d.join ? `(${usage}) * on (${d.join.on.join(', ')}) group_left () ${d.join.selector}` : usage;
  const vol0 = d.volumeExample(0);
  const diskAlert = (ruleId: string, name: string, severity: AlertSeverity, percent: number): AlertRule => ({
    alert: name, ruleId, severity, for: t.diskUsageFor, labels,
    expr: `max by (${d.volumeLabel}) (${joined}) > ${percent}`,
    summary: `Kafka data volume {{ $labels.${d.volumeLabel} }} of ${id.cluster} is more than ${percent}% full`,
    description: `The Kafka data volume {{ $labels.${d.volumeLabel} }} of ${where} is more than ${percent}% full. A full log directory takes the broker offline.`,
    runbook: 'disk-full',
    scenarios: gauge({
      thresholdText: `usage > ${percent}%`, forDuration: t.diskUsageFor, fire: percent + 1, quiet: percent,
      series: (v) => {
        const capacity = 100_000;
        const used = Math.round(v * 1000);
        const common = { [d.volumeLabel]: vol0 };
        const out: (TestSeries & { v?: number })[] = [
          { series: d.capacity.series(common), values: '', v: capacity },
          { series: d.available.series(common), values: '', v: capacity - used },
        ];
        if (d.join) out.push({ series: d.join.selector.series(common), values: '', v: 1 });
        return out;
      },
      firing: [{ [d.volumeLabel]: vol0 }],
    }),
  });
  alerts.push(diskAlert('MON-004', KafkaAlertName.DISK_USAGE_WARNING, AlertSeverity.WARNING, t.diskUsageWarningPercent));
  alerts.push(diskAlert('MON-005', KafkaAlertName.DISK_USAGE_CRITICAL, AlertSeverity.CRITICAL, t.diskUsageCriticalPercent));

  alerts.push(perNodeCount('MON-006', KafkaAlertName.UNDER_REPLICATED_PARTITIONS, m.underReplicated, t.underReplicatedFor,
    `Kafka node {{ $labels.${node} }} of ${id.cluster} has under-replicated partitions`,
    `Partitions led by {{ $labels.${node} }} in ${where} have fewer in-sync replicas than their replication factor for ${t.underReplicatedFor}. One more failure can make them unavailable.`,
    'under-replicated-partitions'));

  const capacity = t.brokerNetworkBytesPerSecond;
  const u = t.networkUtilisationWarning;
  alerts.push({
    alert: KafkaAlertName.NETWORK_THROUGHPUT_HIGH, ruleId: 'MON-007', severity: AlertSeverity.WARNING, for: t.networkFor, labels,
    expr: `sum by (${node}) (rate(${m.networkBytes}[5m])) / ${capacity} > ${u}`,
    summary: `Kafka node {{ $labels.${node} }} of ${id.cluster} uses more than ${Math.round(u * 100)}% of its network capacity`,
    description: `Bytes in and out (client and replication traffic) of {{ $labels.${node} }} in ${where} exceed ${Math.round(u * 100)}% of ${capacity} bytes/s for ${t.networkFor}. Latency rises and replicas fall behind as the link saturates.`,
    runbook: 'network-saturation',
    scenarios: counterScenarios({
      forDuration: t.networkFor, fireRate: u * capacity * 1.02, quietRate: u * capacity * 0.98,
      series: (perMinute, minutes) => [{ series: m.networkBytes.series({ [node]: n0 }), values: `0+${perMinute}x${minutes}` }],
      firing: [{ [node]: n0 }], text: `${Math.round(u * 100)}% of capacity`,
    }),
  });

  alerts.push({
    alert: KafkaAlertName.REQUEST_LATENCY_HIGH, ruleId: 'MON-008', severity: AlertSeverity.WARNING, for: t.requestLatencyFor, labels,
    expr: `max by (${node}, ${m.requestLabel}) (${m.requestP99}) > ${t.requestLatencyP99Ms}`,
    summary: `P99 {{ $labels.${m.requestLabel} }} latency on {{ $labels.${node} }} of ${id.cluster} is above ${t.requestLatencyP99Ms} ms`,
    description: `The 99th percentile total time of {{ $labels.${m.requestLabel} }} requests on {{ $labels.${node} }} in ${where} is above ${t.requestLatencyP99Ms} ms for ${t.requestLatencyFor}.`,
    runbook: 'request-latency',
    scenarios: gauge({
      thresholdText: `p99 > ${t.requestLatencyP99Ms} ms`, forDuration: t.requestLatencyFor, fire: t.requestLatencyP99Ms + 1, quiet: t.requestLatencyP99Ms,
      series: (v) => [{ series: m.requestP99.series({ [node]: n0 }), values: '', v }],
      firing: [{ [node]: n0, [m.requestLabel]: 'Produce' }],
    }),
  });

  if (m.offlinePartitions) alerts.push(offlinePartitionsAlert(m.offlinePartitions));
  function offlinePartitionsAlert(offline: MetricSelector): AlertRule {
    return {
    alert: KafkaAlertName.OFFLINE_PARTITIONS, ruleId: 'MON-009', severity: AlertSeverity.CRITICAL, for: t.controllerFor, labels,
    expr: `sum(${offline}) > 0`,
    summary: `Kafka cluster ${id.cluster} has offline partitions`,
    description: `Partitions of ${where} have no leader for ${t.controllerFor}: producers and consumers of those partitions fail.`,
    runbook: 'offline-partitions',
    scenarios: gauge({
      thresholdText: 'offline partitions > 0', forDuration: t.controllerFor, fire: 1, quiet: 0,
      series: (v) => [{ series: offline.series({ [node]: n0 }), values: '', v }],
      firing: [{}],
    }),
    };
  }

  alerts.push(...controllerReplicationAndCertificateAlerts(input, { labels, where, node, n0 }));

  alerts.push(perNodeCount('MON-012', KafkaAlertName.UNDER_MIN_ISR_PARTITIONS, m.underMinIsr, t.underMinIsrFor,
    `Kafka node {{ $labels.${node} }} of ${id.cluster} has partitions under their min ISR`,
    `Partitions led by {{ $labels.${node} }} in ${where} have fewer in-sync replicas than min.insync.replicas: producers with acks=all are failing for them.`,
    'under-min-isr'));

  return alerts;

  function perNodeCount(ruleId: string, name: string, metric: MetricSelector, forDuration: PrometheusDuration, summary: string, description: string, runbook: string): AlertRule {
    return {
      alert: name, ruleId, severity: AlertSeverity.CRITICAL, for: forDuration, labels,
      expr: `max by (${node}) (${metric}) > 0`, summary, description, runbook,
      scenarios: gauge({
        thresholdText: 'count > 0', forDuration, fire: 1, quiet: 0,
        series: (v) => [{ series: metric.series({ [node]: n0 }), values: '', v }],
        firing: [{ [node]: n0 }],
      }),
    };
  }
}

/** Evaluation time: one minute after the `for` has passed (two when the `for` is zero). */
function after(forDuration: PrometheusDuration): PrometheusDuration {
  return PrometheusDuration.minutes(minutesFor(forDuration) + 1);
}

function minutesFor(d: PrometheusDuration): number {
  return Math.max(1, Math.ceil(d.totalSeconds / 60));
}

function constant(v: number, minutes: number): string {
  return `${v}x${minutes}`;
}

function scenario(name: string, series: readonly TestSeries[], evalTime: PrometheusDuration, firing: readonly Record<string, string>[]): AlertScenario {
  return { name, interval: MINUTE, series, evalTime, firing };
}

interface GaugeSpec {
  readonly thresholdText: string;
  readonly forDuration: PrometheusDuration;
  readonly fire: number;
  readonly quiet: number;
  /** The input series for a value of the alert's expression (values are filled in). */
  readonly series: (v: number) => readonly (TestSeries & { readonly v?: number })[];
  readonly firing: readonly Record<string, string>[];
}

/** A gauge alert: fires after `for` at the firing value, not before, and stays quiet at the quiet value. */
function gauge(g: GaugeSpec): AlertScenario[] {
  const minutes = minutesFor(g.forDuration) + 3;
  const fill = (v: number): TestSeries[] => g.series(v).map((s) => ({ series: s.series, values: constant(s.v ?? v, minutes) }));
  const fires = scenario(`fires at ${g.fire} (${g.thresholdText}) after ${g.forDuration}`, fill(g.fire), after(g.forDuration), g.firing);
  return [
    g.forDuration.totalSeconds >= 120 ? pendingFirst(fires, `pending, not firing, at ${g.fire} before ${g.forDuration} has passed`, g.forDuration) : fires,
    scenario(`quiet just below the threshold, at ${g.quiet}`, fill(g.quiet), after(g.forDuration), []),
  ];
}

/**
 * The firing scenario, also checked quiet one minute before its `for` has passed, in the same
 * run: promtool feeds the input series to the rules only up to each evaluation time
 * (cmd/promtool/unittest.go, `suite.WithSamplesTill`), so the check before `for` sees exactly
 * what a scenario of its own with the same series would (one run of evaluations instead of two).
 */
function pendingFirst(fires: AlertScenario, pending: string, forDuration: PrometheusDuration): AlertScenario {
  return { ...fires, name: `${pending}; ${fires.name}`, quietBefore: [PrometheusDuration.seconds(forDuration.totalSeconds - 60)] };
}

interface CounterSpec {
  readonly forDuration: PrometheusDuration;
  /** Per-second rates. */
  readonly fireRate: number;
  readonly quietRate: number;
  readonly series: (perMinute: number, minutes: number) => TestSeries[];
  readonly firing: readonly Record<string, string>[];
  readonly text: string;
}

/** A rate alert over a 5m window: the counter grows linearly from the start. */
function counterScenarios(c: CounterSpec): AlertScenario[] {
  const warmup = 6;
  const minutes = warmup + minutesFor(c.forDuration) + 3;
  const evalAt = PrometheusDuration.minutes(warmup + minutesFor(c.forDuration) + 1);
  return [
    scenario(`fires at 102% of ${c.text} after ${c.forDuration}`, c.series(c.fireRate * 60, minutes), evalAt, c.firing),
    scenario(`quiet just below the threshold, at 98% of ${c.text}`, c.series(c.quietRate * 60, minutes), evalAt, []),
  ];
}

/** The labels and wording every alert of one cluster shares. */
interface AlertContext {
  readonly labels: Readonly<Record<string, string>>;
  readonly where: string;
  readonly node: string;
  readonly n0: string;
}

/** MON-009 (the KRaft controllers), MON-010 (MirrorMaker 2 replication, with an RPO) and MON-011 (certificates), where the backend has the metrics. */
function controllerReplicationAndCertificateAlerts(input: KafkaAlertCatalogInput, ctx: AlertContext): AlertRule[] {
  const { identity: id, metrics: m, thresholds: t } = input;
  const { labels, where, node, n0 } = ctx;
  const alerts: AlertRule[] = [];
  if (m.activeControllers) {
    const ac = m.activeControllers;
    const controllers = (values: readonly number[]): TestSeries[] => values.map((v, i) => ({ series: ac.series({ [node]: `${id.cluster}-controller-${i}` }), values: constant(v, minutesFor(t.controllerFor) + 3) }));
    alerts.push({
      alert: KafkaAlertName.ACTIVE_CONTROLLER_COUNT, ruleId: 'MON-009', severity: AlertSeverity.CRITICAL, for: t.controllerFor, labels,
      expr: `(sum(${ac}) or vector(0)) != 1`,
      summary: `Kafka cluster ${id.cluster} does not have exactly one active controller`,
      description: `The KRaft controllers of ${where} have not reported exactly one active controller for ${t.controllerFor}. With none, metadata changes (leader elections, topic changes) stop.`,
      runbook: 'controller-problems',
      scenarios: [
        scenario(`fires when no controller is active for ${t.controllerFor}`, controllers([0, 0, 0]), after(t.controllerFor), [{}]),
        scenario(`fires when two controllers claim to be active for ${t.controllerFor}`, controllers([1, 1, 0]), after(t.controllerFor), [{}]),
        scenario('quiet with exactly one active controller', controllers([1, 0, 0]), after(t.controllerFor), []),
      ],
    });
  }
  if (m.currentControllerId) {
    const cc = m.currentControllerId;
    alerts.push({
      alert: KafkaAlertName.NO_ACTIVE_CONTROLLER, ruleId: 'MON-009', severity: AlertSeverity.CRITICAL, for: t.controllerFor, labels,
      expr: `min by (${node}) (${cc}) < 0`,
      summary: `Kafka node {{ $labels.${node} }} of ${id.cluster} sees no active controller`,
      description: `Broker {{ $labels.${node} }} of ${where} has known no active KRaft controller for ${t.controllerFor} (CurrentControllerId is -1). Metadata changes do not reach it.`,
      runbook: 'controller-problems',
      scenarios: gauge({
        thresholdText: 'CurrentControllerId < 0', forDuration: t.controllerFor, fire: -1, quiet: 0,
        series: (v) => [{ series: cc.series({ [node]: n0 }), values: '', v }],
        firing: [{ [node]: n0 }],
      }),
    });
  }

  if (m.mirrorMakerLatency && input.replicationRpo) {
    const rpoMs = input.replicationRpo.totalSeconds * 1000;
    const mm = m.mirrorMakerLatency;
    alerts.push({
      alert: KafkaAlertName.MIRROR_MAKER_2_BEHIND_RPO, ruleId: 'MON-010', severity: AlertSeverity.CRITICAL, for: MINUTE, labels,
      expr: `max by (topic) (${mm}) > ${rpoMs}`,
      summary: `MirrorMaker 2 replication of {{ $labels.topic }} is behind the RPO of ${input.replicationRpo}`,
      description: `MirrorMaker 2 replication latency of topic {{ $labels.topic }} for ${where} exceeds the declared RPO of ${input.replicationRpo}: a failover now would lose more data than promised.`,
      runbook: 'mirrormaker2-replication-lag',
      scenarios: gauge({
        thresholdText: `latency > RPO (${rpoMs} ms)`, forDuration: MINUTE, fire: rpoMs + 1, quiet: rpoMs,
        series: (v) => [{ series: mm.series({ topic: TOPIC, partition: '0', target: 'dr' }), values: '', v }],
        firing: [{ topic: TOPIC }],
      }),
    });
  }

  const connectorDown = (tasks: MetricSelector, alert: string, connector: string, what: string, consequence: string): AlertRule => {
    // When the MirrorMaker 2 pods or their tasks die, the connector's series disappear: this
    // fires when no task of the connector reports `running`.
    const rpo = input.replicationRpo!;
    const forDuration = rpo.totalSeconds < 300 ? rpo : PrometheusDuration.minutes(5);
    const running = (values: string): TestSeries => ({ series: tasks.series({ task: '0' }), values });
    const failed: TestSeries = { series: tasks.series({ task: '0', status: 'failed' }), values: constant(1, minutesFor(forDuration) + 3) };
    const failedFires = scenario(`fires when the only ${what} task has failed for ${forDuration}`, [failed], after(forDuration), [{}]);
    const scenarios: AlertScenario[] = [
      scenario(`fires when the only ${what} task stops reporting (pods gone or not scraped) for ${forDuration}`, [running('1x2 stale')], PrometheusDuration.minutes(3 + minutesFor(forDuration) + 1), [{}]),
      forDuration.totalSeconds >= 120 ? pendingFirst(failedFires, `pending, not firing, with no running ${what} task before ${forDuration} has passed`, forDuration) : failedFires,
      scenario(`quiet while a ${what} task is running`, [running(constant(1, minutesFor(forDuration) + 3))], after(forDuration), []),
    ];
    return {
      alert, ruleId: 'MON-010', severity: AlertSeverity.CRITICAL, for: forDuration, labels,
      expr: `(count(${tasks}) or vector(0)) < 1`,
      summary: `No MirrorMaker 2 ${what} task replicates into ${id.cluster}`,
      description: `No ${connector} task of the MirrorMaker 2 that replicates into ${where} has reported status running for ${forDuration}: its pods are down or not scraped, or its tasks failed or are paused. ${consequence}`,
      runbook: 'mirrormaker2-replication-lag',
      scenarios,
    };
  };
  if (m.mirrorMakerRunningSourceTasks && input.replicationRpo) {
    alerts.push(connectorDown(m.mirrorMakerRunningSourceTasks, KafkaAlertName.MIRROR_MAKER_2_DOWN, 'MirrorSourceConnector', 'source',
      `Replication has stopped, and without its latency series KafkaMirrorMaker2ReplicationBehindRpo cannot fire; every write to the primary since then is lost on failover (RPO ${input.replicationRpo}).`));
  }
  if (m.mirrorMakerRunningCheckpointTasks && input.replicationRpo) {
    alerts.push(connectorDown(m.mirrorMakerRunningCheckpointTasks, KafkaAlertName.MIRROR_MAKER_2_CHECKPOINTS_DOWN, 'MirrorCheckpointConnector', 'checkpoint',
      'Consumer group offsets are no longer translated to the DR cluster: consumers that fail over restart from stale positions and re-read or skip messages.'));
  }

  if (m.certificates) {
    const c = m.certificates;
    const days = t.certificateExpiryDays;
    const forDuration = PrometheusDuration.minutes(15);
    const evalAt = after(forDuration);
    const value = (remainingDays: number): number => (evalAt.totalSeconds + remainingDays * 86_400) * c.unitDivisor;
    const cert = c.certificateLabel === 'type' ? 'cluster-ca' : `${id.cluster}-broker-tls`;
    alerts.push({
      alert: KafkaAlertName.CERTIFICATE_EXPIRING_SOON, ruleId: 'MON-011', severity: AlertSeverity.WARNING, for: forDuration, labels,
      expr: `min by (${c.certificateLabel}) ((${c.expiry}${c.unitDivisor === 1 ? '' : ` / ${c.unitDivisor}`} - time()) / 86400) < ${days}`,
      summary: `Certificate {{ $labels.${c.certificateLabel} }} of ${id.cluster} expires in less than ${days} days`,
      description: `The certificate {{ $labels.${c.certificateLabel} }} used by ${where} expires in less than ${days} days. Clients and brokers refuse an expired certificate.`,
      runbook: 'certificate-expiry',
      scenarios: [
        scenario(`fires when the certificate expires in ${days - 1} days`, [{ series: c.expiry.series({ [c.certificateLabel]: cert }), values: constant(value(days - 1), minutesFor(forDuration) + 3) }], evalAt, [{ [c.certificateLabel]: cert }]),
        scenario(`quiet when the certificate expires in ${days} days`, [{ series: c.expiry.series({ [c.certificateLabel]: cert }), values: constant(value(days), minutesFor(forDuration) + 3) }], evalAt, []),
      ],
    });
    // Without the exporter's series the alert above has nothing to compare and stays silent:
    // absent() makes a missing scrape (Cluster Operator or cert-manager not scraped) visible.
    alerts.push({
      alert: 'KafkaCertificateExpiryMetricsAbsent', ruleId: 'MON-011', severity: AlertSeverity.WARNING, for: forDuration, labels,
      expr: `absent(${c.expiry})`,
      summary: `No certificate expiry metric for ${id.cluster}`,
      description: `Prometheus has no ${c.expiry.name} series for ${id.cluster}: the exporter of certificate expiry is not scraped, so KafkaCertificateExpiringSoon cannot fire.`,
      runbook: 'certificate-expiry',
      scenarios: [
        scenario('fires when no expiry series is scraped', [{ series: 'up{job="prometheus"}', values: constant(1, minutesFor(forDuration) + 3) }], evalAt, [{ ...c.expiry.matchers }]),
        scenario('quiet while the expiry series is scraped', [{ series: c.expiry.series({ [c.certificateLabel]: cert }), values: constant(value(days + 30), minutesFor(forDuration) + 3) }], evalAt, []),
      ],
    });
  }

  return alerts;
}
