// The scaling alerts of the design documents on every target: broker CPU > 70%, memory > 80%,
// throughput > 80% of the capacity plan, connections > 500 (Prometheus rules for Strimzi, the
// StatefulSet and MSK open monitoring; CloudWatch alarms for MSK), plus a failed Cruise Control
// rebalance on Strimzi. Each promtool unit test shows the alert firing above its threshold and
// quiet at or below it, and promtool runs them here.
// Metric names, by exporter:
// - cAdvisor (kubelet /metrics/cadvisor): container_cpu_usage_seconds_total, container_memory_working_set_bytes
//   (google/cadvisor docs/storage/prometheus.md);
// - kube-state-metrics: kube_pod_container_resource_limits{resource,unit}, kube_pod_labels{label_*}
//   (kubernetes/kube-state-metrics docs/metrics/workload/pod-metrics.md);
// - Kafka JMX exporter (Strimzi kafka-metrics.yaml rules, lib/targets/kubernetes/jmx-exporter-rules.ts):
//   kafka_server_brokertopicmetrics_bytesin_total, kafka_server_socket_server_metrics_connection_count;
// - node exporter (MSK open monitoring, port 11002): node_cpu_seconds_total{mode}, node_memory_MemAvailable_bytes,
//   node_memory_MemTotal_bytes; MSK JMX exporter (port 11001): kafka_server_BrokerTopicMetrics_Count{name="BytesInPerSec"};
// - CloudWatch AWS/Kafka, DEFAULT level (docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html):
//   CpuUser, CpuSystem, HeapMemoryAfterGC, ConnectionCount, BytesInPerSec;
// - Strimzi kube-state-metrics CustomResourceState (packaging/examples/metrics/kube-state-metrics/configmap.yaml):
//   strimzi_kafka_rebalance_resource_info{ready,proposal_ready,rebalancing,template}.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KafkaApp } from '../../lib/app/kafka-app';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { Environment } from '../../lib/model/environment';
import { resolveScalingThresholds } from '../../lib/model/monitoring/scaling-alerts';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { TEST_OUT } from '../support/paths';
import { checkRules, promtool } from '../support/promtool';

const OUT = path.join(TEST_OUT, 'scaling-alerts');
// 200 msg/s of 1 KiB: 204,800 bytes/s planned, the alert at 80%: 163,840 bytes/s.
const plan = CapacityPlan.forWorkload({ name: 'orders', messagesPerSecond: 200, averageMessageBytes: 1024, retentionSeconds: 604_800 });

function build(name: string, configure: (app: KafkaApp, env: Environment) => void): string {
  const dir = path.join(OUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist') });
  const env = Environment.staging({ name: 'staging', region: 'us-east-1' });
  configure(app, env);
  app.synth();
  return path.join(dir, 'dist', 'staging');
}

function scalingGroup(dist: string, cluster: string): { file: string; rules: Record<string, any>[] } {
  const file = path.join(dist, 'prometheus', `kafka-${cluster}-scaling.rules.yml`);
  return { file, rules: parse(fs.readFileSync(file, 'utf8')).groups[0].rules };
}

function promtoolTests(dist: string, cluster: string, alerts: readonly string[]): void {
  const files = alerts.map((a) => path.join(dist, 'prometheus', 'tests', cluster, `${a}.test.yml`));
  for (const f of files) expect(fs.existsSync(f), f).toBe(true);
  const r = promtool(['test', 'rules', ...files]);
  expect(r.ok, r.output).toBe(true);
  expect(r.output.match(/SUCCESS/g)).toHaveLength(files.length);
}

describe('scaling alerts on Strimzi (KafkaPrometheusMonitoring)', () => {
  const dist = build('strimzi', (app, env) => {
    new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, scaling: { capacityPlans: [plan] } });
  });

  it('writes CPU, memory, throughput, connections and failed-rebalance alerts linking the Strimzi scaling runbook', () => {
    const { rules } = scalingGroup(dist, 'orders');
    expect(rules.map((r) => [r.alert, r.labels.rule_id, r.annotations.runbook_url])).toEqual([
      ['KafkaBrokerCpuHigh', 'CAP-002', 'runbooks/scale-strimzi-brokers.md'],
      ['KafkaBrokerMemoryHigh', 'CAP-002', 'runbooks/scale-strimzi-brokers.md'],
      ['KafkaThroughputNearCapacityPlan', 'CAP-002', 'runbooks/scale-strimzi-brokers.md'],
      ['KafkaBrokerConnectionsHigh', 'CAP-002', 'runbooks/scale-strimzi-brokers.md'],
      ['KafkaRebalanceFailed', 'CAP-002', 'runbooks/rebalance-failed.md'],
    ]);
    const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));
    expect(byName.KafkaBrokerCpuHigh.expr).toContain('rate(container_cpu_usage_seconds_total{namespace="kafka",container="kafka"}[5m])');
    expect(byName.KafkaBrokerCpuHigh.expr).toContain('kube_pod_container_resource_limits{namespace="kafka",container="kafka",resource="cpu"}');
    expect(byName.KafkaBrokerCpuHigh.expr).toContain('kube_pod_labels{namespace="kafka",label_kafka_iac_dev_cluster="orders"}');
    expect(byName.KafkaBrokerCpuHigh.expr).toMatch(/ > 70$/);
    expect(byName.KafkaBrokerMemoryHigh.expr).toMatch(/container_memory_working_set_bytes.* > 80$/);
    expect(byName.KafkaThroughputNearCapacityPlan.expr).toBe('sum(rate(kafka_server_brokertopicmetrics_bytesin_total{kafka_cluster="orders",environment="staging",kafka_role="kafka",topic=""}[5m])) > 163840');
    expect(byName.KafkaBrokerConnectionsHigh.expr).toBe('sum by (pod) (kafka_server_socket_server_metrics_connection_count{kafka_cluster="orders",environment="staging",kafka_role="kafka"}) > 500');
    expect(byName.KafkaRebalanceFailed.expr).toBe('max by (name) (strimzi_kafka_rebalance_resource_info{exported_namespace="kafka",template!="true",ready!="True",proposal_ready!="True",rebalancing!="True"}) > 0');
    for (const r of rules) expect(r.for).toBe(r.alert === 'KafkaRebalanceFailed' ? '15m' : '10m');
  });

  it('puts the scaling group into the PrometheusRule too', () => {
    const rule = parse(fs.readFileSync(path.join(dist, 'monitoring.k8s.yaml'), 'utf8').split('\n---\n').find((d) => d.includes('kind: PrometheusRule'))!);
    expect(rule.spec.groups.map((g: any) => g.name)).toContain('kafka-orders-scaling');
  });

  it('passes promtool check rules and each alert\'s unit test: firing above the threshold, quiet below', () => {
    expect(checkRules([scalingGroup(dist, 'orders').file]).ok).toBe(true);
    promtoolTests(dist, 'orders', ['KafkaBrokerCpuHigh', 'KafkaBrokerMemoryHigh', 'KafkaThroughputNearCapacityPlan', 'KafkaBrokerConnectionsHigh', 'KafkaRebalanceFailed']);
    const cpu = parse(fs.readFileSync(path.join(dist, 'prometheus', 'tests', 'orders', 'KafkaBrokerCpuHigh.test.yml'), 'utf8'));
    expect(cpu.tests.map((t: any) => [t.name, t.alert_rule_test[0].exp_alerts.length])).toEqual([
      ['KafkaBrokerCpuHigh (CAP-002): fires at 72% CPU (> 70%) after 10m', 1],
      ['KafkaBrokerCpuHigh (CAP-002): quiet at 68% CPU, below the threshold', 0],
    ]);
  });

  it('writes the runbooks its alerts link to, and not those of the other targets', () => {
    const md = fs.readFileSync(path.join(dist, 'runbooks', 'scale-strimzi-brokers.md'), 'utf8');
    expect(md).toContain('# Scale out a Strimzi Kafka cluster');
    expect(md).toContain('`KafkaBrokerCpuHigh`');
    expect(md).toContain('Raise `replicas` of the broker KafkaNodePool');
    expect(md).toContain('autoRebalance');
    expect(fs.readFileSync(path.join(dist, 'runbooks', 'rebalance-failed.md'), 'utf8')).toContain('`KafkaRebalanceFailed`');
    expect(fs.existsSync(path.join(dist, 'runbooks', 'scale-statefulset-brokers.md'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'runbooks', 'scale-msk-brokers.md'))).toBe(false);
  });
});

describe('scaling alerts on Strimzi without the failed-rebalance alert', () => {
  const dist = build('strimzi-no-rebalance-alert', (app, env) => {
    new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, scaling: { capacityPlans: [plan], rebalanceFailedAlert: false } });
  });

  it('still writes the rebalance-failed runbook that the scale-out runbook sends the reader to, with no alert of its own', () => {
    const { rules } = scalingGroup(dist, 'orders');
    expect(rules.map((r) => r.alert)).not.toContain('KafkaRebalanceFailed');
    expect(fs.readFileSync(path.join(dist, 'runbooks', 'scale-strimzi-brokers.md'), 'utf8')).toContain('see rebalance-failed');
    const rebalance = fs.readFileSync(path.join(dist, 'runbooks', 'rebalance-failed.md'), 'utf8');
    expect(rebalance).toContain('Alerts: -.');
    expect(rebalance).not.toContain('`KafkaRebalanceFailed`');
  });
});

describe('scaling alerts on the StatefulSet target', () => {
  const dist = build('statefulset', (app, env) => {
    new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'sandbox', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 6, scaling: { capacityPlans: [] } });
  });

  it('links the StatefulSet runbook, has no throughput alert without a plan and no rebalance alert, and passes promtool', () => {
    const { file, rules } = scalingGroup(dist, 'sandbox');
    expect(rules.map((r) => [r.alert, r.annotations.runbook_url])).toEqual([
      ['KafkaBrokerCpuHigh', 'runbooks/scale-statefulset-brokers.md'],
      ['KafkaBrokerMemoryHigh', 'runbooks/scale-statefulset-brokers.md'],
      ['KafkaBrokerConnectionsHigh', 'runbooks/scale-statefulset-brokers.md'],
    ]);
    expect(rules[0].annotations.description).toContain('kafka-reassign-partitions');
    expect(checkRules([file]).ok).toBe(true);
    promtoolTests(dist, 'sandbox', ['KafkaBrokerCpuHigh', 'KafkaBrokerMemoryHigh', 'KafkaBrokerConnectionsHigh']);
  });

  it('writes the StatefulSet scaling runbook, listing its alerts, and no Strimzi or MSK one', () => {
    const md = fs.readFileSync(path.join(dist, 'runbooks', 'scale-statefulset-brokers.md'), 'utf8');
    expect(md).toContain('kafka-reassign-partitions.sh');
    expect(md).toContain('Alerts: `KafkaBrokerConnectionsHigh`, `KafkaBrokerCpuHigh`, `KafkaBrokerMemoryHigh`.');
    for (const other of ['scale-strimzi-brokers', 'rebalance-failed', 'scale-msk-brokers']) {
      expect(fs.existsSync(path.join(dist, 'runbooks', `${other}.md`)), other).toBe(false);
    }
  });
});

describe('scaling alerts on MSK open monitoring', () => {
  const dist = build('msk', (app, env) => {
    plan.attachTo(env);
    new MskPrometheusMonitoring(app.stack(env), 'Monitoring', { clusterName: 'payments-msk', brokers: 3 });
  });

  it('reads the node exporter and MSK\'s JMX exporter, takes the plan attached to the environment, and passes promtool', () => {
    const { file, rules } = scalingGroup(dist, 'payments-msk');
    const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));
    expect(Object.keys(byName)).toEqual(['KafkaBrokerCpuHigh', 'KafkaBrokerMemoryHigh', 'KafkaThroughputNearCapacityPlan', 'KafkaBrokerConnectionsHigh']);
    expect(byName.KafkaBrokerCpuHigh.expr).toBe('100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{kafka_cluster="payments-msk",environment="staging",kafka_role="node-exporter",mode="idle"}[5m]))) > 70');
    expect(byName.KafkaBrokerMemoryHigh.expr).toContain('node_memory_MemAvailable_bytes');
    expect(byName.KafkaThroughputNearCapacityPlan.expr).toContain('kafka_server_BrokerTopicMetrics_Count{kafka_cluster="payments-msk",environment="staging",kafka_role="kafka",name="BytesInPerSec",topic=""}');
    expect(byName.KafkaBrokerCpuHigh.annotations.runbook_url).toBe('runbooks/scale-msk-brokers.md');
    expect(checkRules([file]).ok).toBe(true);
    promtoolTests(dist, 'payments-msk', Object.keys(byName));
  });

  it('writes the MSK scaling runbook and none of the Kubernetes targets', () => {
    expect(fs.readFileSync(path.join(dist, 'runbooks', 'scale-msk-brokers.md'), 'utf8')).toContain('number_of_broker_nodes');
    for (const other of ['scale-strimzi-brokers', 'rebalance-failed', 'scale-statefulset-brokers']) {
      expect(fs.existsSync(path.join(dist, 'runbooks', `${other}.md`)), other).toBe(false);
    }
  });
});

describe('scaling alarms on MSK CloudWatch', () => {
  function alarms(props: Partial<ConstructorParameters<typeof MskCloudWatchAlarms>[2]> = {}) {
    const app = new KafkaApp({ terraformOutdir: path.join(OUT, 'cw', 'cdktf.out'), distDir: path.join(OUT, 'cw', 'dist') });
    const env = Environment.staging({ name: 'staging', region: 'us-east-1' });
    const stack = app.stack(env);
    new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: 'orders', brokers: 3, ...props });
    const json = JSON.parse(Testing.synth(stack, true));
    return Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).filter((a) => a.tags['kafka-iac:rule'] === 'CAP-002');
  }

  it('alarms per broker on CPU (CpuUser + CpuSystem) > 70, HeapMemoryAfterGC > 80 and ConnectionCount > 500, and on bytes in above 80% of the plan', () => {
    const cap = alarms({ scaling: { capacityPlans: [plan] } });
    expect(cap.map((a) => a.alarm_name).sort()).toEqual([
      ...[1, 2, 3].flatMap((b) => [`orders-CAP-002-broker-${b}-connections-scaling`, `orders-CAP-002-broker-${b}-cpu-scaling`, `orders-CAP-002-broker-${b}-memory-scaling`]),
      'orders-CAP-002-throughput-scaling',
    ].sort());
    const byName = Object.fromEntries(cap.map((a) => [a.alarm_name, a]));
    const cpu = byName['orders-CAP-002-broker-1-cpu-scaling'];
    expect([cpu.threshold, cpu.comparison_operator, cpu.evaluation_periods]).toEqual([70, 'GreaterThanThreshold', 10]);
    expect(cpu.metric_query.map((q: any) => q.metric?.metric_name ?? q.expression)).toEqual(['CpuUser', 'CpuSystem', 'FILL(user, 0) + FILL(system, 0)']);
    expect([byName['orders-CAP-002-broker-2-memory-scaling'].metric_name, byName['orders-CAP-002-broker-2-memory-scaling'].threshold]).toEqual(['HeapMemoryAfterGC', 80]);
    expect([byName['orders-CAP-002-broker-3-connections-scaling'].metric_name, byName['orders-CAP-002-broker-3-connections-scaling'].threshold]).toEqual(['ConnectionCount', 500]);
    const throughput = byName['orders-CAP-002-throughput-scaling'];
    expect(throughput.threshold).toBe(163840);
    expect(throughput.metric_query.at(-1).expression).toBe('SUM([FILL(m1, 0), FILL(m2, 0), FILL(m3, 0)])');
    for (const a of cap) expect(a.alarm_description).toContain('Runbook: runbooks/scale-msk-brokers.md');
  });

  it('leaves out the throughput alarm without a capacity plan, and takes overridden thresholds', () => {
    const cap = alarms({ scaling: { capacityPlans: [], thresholds: { cpuPercent: 60, connectionsPerBroker: 800 } } });
    expect(cap.some((a) => a.alarm_name.endsWith('throughput-scaling'))).toBe(false);
    expect(cap.find((a) => a.alarm_name === 'orders-CAP-002-broker-1-cpu-scaling').threshold).toBe(60);
    expect(cap.find((a) => a.alarm_name === 'orders-CAP-002-broker-1-connections-scaling').threshold).toBe(800);
  });
});

describe('scaling thresholds', () => {
  it('default to the documents\' triggers', () => {
    const t = resolveScalingThresholds('x');
    expect([t.cpuPercent, t.memoryPercent, t.throughputShareOfPlan, t.connectionsPerBroker, t.for.toString()]).toEqual([70, 80, 0.8, 500, '10m']);
  });

  it.each([['cpuPercent', 0], ['cpuPercent', 100], ['memoryPercent', -1], ['throughputShareOfPlan', 1.5], ['connectionsPerBroker', 0]] as const)('refuses %s %s', (prop, value) => {
    expect(() => resolveScalingThresholds('staging/Monitoring', { [prop]: value })).toThrow(new RegExp(`^CAP-002 \\[staging/Monitoring\\] scaling\\.${prop} is ${value}`));
  });
});
