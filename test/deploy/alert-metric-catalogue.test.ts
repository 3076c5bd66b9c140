import { Testing as Cdk8sTesting } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { Environment } from '../../lib/model/environment';
import { KafkaVersion } from '../../lib/model/kafka-version';
import { EXPORTER_METRICS, emittedMetric } from '../../lib/model/monitoring/exporter-metric-catalogue';
import type { RuleGroup } from '../../lib/model/monitoring/alert-rule';
import { MetricsBackendKind } from '../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { promqlSelectors } from '../support/dashboard-queries';
import { mskStack } from '../support/msk-stack';
import { SCRATCH_APP } from '../support/scratch';

/**
 * Every vector selector of a PromQL expression: its metric name (or the catalogued names its
 * `__name__` regex admits, which must be at least one) and its `name` label values.
 */
function selectors(expr: string): { name: string; nameLabels: string[] }[] {
  for (const [, byName] of expr.matchAll(/__name__=~"([^"]*)"/g)) {
    const re = new RegExp(`^(?:${byName})$`);
    expect(EXPORTER_METRICS.some((c) => re.test(c.name)), `__name__=~"${byName}" matches no catalogued metric`).toBe(true);
  }
  // Recording rules of our own (kafka_slo:...) are not exporter metrics.
  return promqlSelectors(expr).filter((s) => !s.name.includes(':'));
}

function expressions(groups: readonly RuleGroup[]): { rule: string; expr: string }[] {
  return groups.flatMap((g) => [
    ...g.alerts.map((a) => ({ rule: `alert ${a.alert}`, expr: a.expr })),
    ...g.recordingRules.map((r) => ({ rule: `record ${r.record}`, expr: r.expr })),
  ]);
}

function expectEveryMetricEmitted(groups: readonly RuleGroup[], kind: MetricsBackendKind, controllersScraped: boolean): void {
  const missing: string[] = [];
  let checked = 0;
  for (const { rule, expr } of expressions(groups)) {
    for (const s of selectors(expr)) {
      const labels = s.nameLabels.length > 0 ? s.nameLabels : [undefined];
      for (const l of labels) {
        checked++;
        if (!emittedMetric(kind, { controllersScraped }, s.name, l)) missing.push(`${rule}: ${s.name}${l ? `{name="${l}"}` : ''}`);
      }
    }
  }
  expect(checked).toBeGreaterThan(10);
  expect(missing).toEqual([]);
}

function kubernetesGroups(target: KubernetesKafkaTarget, replicationRpo?: PrometheusDuration): readonly RuleGroup[] {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  const chart = new KafkaChart(Cdk8sTesting.app(SCRATCH_APP), 'kafka', { environment });
  return new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target, expectedNodes: 6, replicationRpo }).groups;
}

describe('every alert and SLI reads a metric its exporter really emits', () => {
  it('catalogue entries name their upstream source', () => {
    for (const m of EXPORTER_METRICS) expect(m.source.length, m.name).toBeGreaterThan(20);
  });

  it('Strimzi: the JMX exporter rules shipped, Kafka Exporter, the Cluster Operator and MirrorMaker 2', () => {
    expectEveryMetricEmitted(kubernetesGroups(KubernetesKafkaTarget.STRIMZI, PrometheusDuration.minutes(5)), MetricsBackendKind.JMX_EXPORTER, true);
  });

  it('StatefulSet: the JMX exporter rules shipped, Kafka Exporter, cert-manager, kubelet and kube-state-metrics', () => {
    expectEveryMetricEmitted(kubernetesGroups(KubernetesKafkaTarget.STATEFULSET), MetricsBackendKind.JMX_EXPORTER, true);
  });

  it('MSK KRaft: only brokers are scraped, so no alert reads a controller metric (KafkaOfflinePartitions could never fire)', () => {
    // apache/kafka ControllerMetadataMetrics.java: OfflinePartitionsCount is "managed by the
    // ControllerServer class"; MSK's KRaft controllers are not exposed to open monitoring.
    const { stack } = mskStack();
    const monitoring = new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: 'production-kafka', brokers: 3, kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT });
    expectEveryMetricEmitted(monitoring.groups, MetricsBackendKind.MSK_OPEN_MONITORING, false);
    const alerts = monitoring.groups.flatMap((g) => g.alerts);
    expect(alerts.map((a) => a.expr).join('\n')).not.toContain('kafka_controller_KafkaController_Value');
    // MON-009 is still watched from the brokers: KIP-1001's CurrentControllerId.
    expect(alerts.filter((a) => a.ruleId === 'MON-009').map((a) => a.alert)).toEqual(['KafkaNoActiveController']);
  });

  it('MSK: the version defaults to that of the MskCluster of the same name in the stack', () => {
    const { stack, cluster } = mskStack();
    expect(KafkaVersion.isMskKraft(cluster.kafkaVersion.version)).toBe(true);
    const monitoring = new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: cluster.clusterName, brokers: 3 });
    expectEveryMetricEmitted(monitoring.groups, MetricsBackendKind.MSK_OPEN_MONITORING, false);
  });

  it('MSK without a version or a cluster in the stack: KRaft, the only mode HA-005 accepts, so no controller metric', () => {
    const { stack } = mskStack();
    const monitoring = new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: 'declared-elsewhere', brokers: 3 });
    expectEveryMetricEmitted(monitoring.groups, MetricsBackendKind.MSK_OPEN_MONITORING, false);
    expect(monitoring.groups.flatMap((g) => g.alerts).map((a) => a.alert)).not.toContain('KafkaOfflinePartitions');
  });

  it('MSK ZooKeeper mode: the controller broker reports offline partitions, and the alert reads it', () => {
    const { stack } = mskStack();
    const monitoring = new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: 'production-kafka', brokers: 3, kafkaVersion: KafkaVersion.of('3.6.0') });
    expectEveryMetricEmitted(monitoring.groups, MetricsBackendKind.MSK_OPEN_MONITORING, true);
    expect(monitoring.groups.flatMap((g) => g.alerts).map((a) => a.alert)).toContain('KafkaOfflinePartitions');
  });

  it('the catalogue refuses a controller metric where controllers are not scraped', () => {
    expect(emittedMetric(MetricsBackendKind.MSK_OPEN_MONITORING, { controllersScraped: false }, 'kafka_controller_KafkaController_Value', 'OfflinePartitionsCount')).toBeUndefined();
    expect(emittedMetric(MetricsBackendKind.MSK_OPEN_MONITORING, { controllersScraped: true }, 'kafka_server_ReplicaManager_Value', 'NoSuchGauge')).toBeUndefined();
    expect(emittedMetric(MetricsBackendKind.JMX_EXPORTER, { controllersScraped: true }, 'kafka_server_ReplicaManager_Value')).toBeUndefined();
  });
});
