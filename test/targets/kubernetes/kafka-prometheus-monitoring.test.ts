import * as fs from 'node:fs';
import * as path from 'node:path';
import { PodMonitor, PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { JsonPatch } from 'cdk8s';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../../lib/app/kafka-app';
import { Environment } from '../../../lib/model/environment';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskPrometheusMonitoring } from '../../../lib/targets/msk/msk-prometheus-monitoring';
import { ServiceLevelIndicator } from '../../../lib/model/monitoring/service-level-indicator';
import { ServiceLevelObjective } from '../../../lib/model/monitoring/service-level-objective';
import { PrometheusDuration } from '../../../lib/model/monitoring/prometheus-duration';
import { TEST_OUT } from '../../support/paths';

const OUT = path.join(TEST_OUT, 'monitoring-unit');

function synth(configure: (app: KafkaApp, env: Environment) => void, name = 'production'): string {
  const dir = path.join(OUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist') });
  const env = Environment.production({ name: 'production', region: 'us-east-1' });
  configure(app, env);
  app.synth();
  return path.join(dir, 'dist', 'production');
}

function objects(dist: string): Record<string, any>[] {
  return fs.readdirSync(dist).filter((f) => f.endsWith('.k8s.yaml')).flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dist, f), 'utf8')).map((d) => d.toJS()));
}

describe('KafkaPrometheusMonitoring', () => {
  const dist = synth((app, env) => {
    new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
  });
  const objs = objects(dist);

  it('writes PodMonitors and a PrometheusRule that pass the prometheus-operator schemas', () => {
    const monitors = objs.filter((o) => o.kind === 'PodMonitor');
    const rules = objs.filter((o) => o.kind === 'PrometheusRule');
    expect(monitors.map((m) => m.metadata.name)).toEqual(['orders-kafka-nodes', 'orders-kafka-exporter', 'orders-cluster-operator']);
    expect(rules).toHaveLength(1);
    for (const m of monitors) expect(() => new PodMonitor(m as any).validate()).not.toThrow();
    expect(() => new PrometheusRule(rules[0] as any).validate()).not.toThrow();
  });

  it('selects Strimzi node pods by labels (every node pool), never by pod-name patterns, and labels their series', () => {
    const nodes = objs.find((o) => o.metadata?.name === 'orders-kafka-nodes')!;
    expect(nodes.spec.selector).toEqual({ matchLabels: { 'strimzi.io/cluster': 'orders', 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': 'orders-kafka' } });
    const relabel = nodes.spec.podMetricsEndpoints[0].relabelings;
    expect(relabel.slice(0, 4).map((r: any) => [r.targetLabel, r.replacement])).toEqual([['kafka_cluster', 'orders'], ['environment', 'production'], ['region', 'us-east-1'], ['kafka_role', 'kafka']]);
    const rule = objs.find((o) => o.kind === 'PrometheusRule')!;
    const exprs: string[] = rule.spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.expr));
    expect(exprs.some((e) => /pod=~/.test(e))).toBe(false);
  });

  it('gives every alert severity, cluster, environment and region labels, and summary, description and runbook_url', () => {
    const rule = objs.find((o) => o.kind === 'PrometheusRule')!;
    const alerts = rule.spec.groups.flatMap((g: any) => g.rules.filter((r: any) => r.alert));
    // 13 MON alerts, 6 per SLO, and the scaling group (CPU, memory, connections, failed rebalance; no plan, no throughput alert).
    expect(alerts.length).toBe(14 + 3 * 6 + 4);
    for (const a of alerts) {
      expect(Object.keys(a.labels)).toEqual(expect.arrayContaining(['severity', 'rule_id', 'kafka_cluster', 'environment', 'region']));
      expect(Object.keys(a.annotations).sort()).toEqual(['description', 'runbook_url', 'summary']);
      expect(fs.existsSync(path.join(dist, a.annotations.runbook_url))).toBe(true);
    }
    expect(alerts.map((a: any) => a.labels.rule_id)).toEqual(expect.arrayContaining(['MON-001', 'MON-002', 'MON-003', 'MON-004', 'MON-005', 'MON-006', 'MON-007', 'MON-008', 'MON-009', 'MON-011', 'MON-012', 'SLO-001', 'SLO-002', 'SLO-003']));
  });

  it('writes the same groups as plain rule files with one promtool test per alert beside them', () => {
    const rule = objs.find((o) => o.kind === 'PrometheusRule')!;
    const files = fs.readdirSync(path.join(dist, 'prometheus')).filter((f) => f.endsWith('.rules.yml')).sort();
    expect(files).toEqual(['kafka-orders-jmx-exporter.rules.yml', 'kafka-orders-scaling.rules.yml', ...['broker-availability', 'consumer-lag', 'message-delivery'].flatMap((s) => [`kafka-slo-${s}-orders-budget.rules.yml`, `kafka-slo-${s}-orders.rules.yml`])]);
    const plain = files.flatMap((f) => parse(fs.readFileSync(path.join(dist, 'prometheus', f), 'utf8')).groups);
    expect(plain.sort((a: any, b: any) => a.name.localeCompare(b.name))).toEqual([...rule.spec.groups].sort((a: any, b: any) => a.name.localeCompare(b.name)));
    const tests = fs.readdirSync(path.join(dist, 'prometheus', 'tests', 'orders'));
    expect(tests).toHaveLength(14 + 3 * 6 + 4);
  });

  it('writes a runbook per topic with what it means, the first checks and the remediation', () => {
    const md = fs.readFileSync(path.join(dist, 'runbooks', 'under-replicated-partitions.md'), 'utf8');
    expect(md).toContain('# Under-replicated partitions');
    expect(md).toContain('## What it means');
    expect(md).toContain('## First checks');
    expect(md).toContain('## Remediation');
    expect(md).toContain('`KafkaUnderReplicatedPartitions`');
    for (const slug of ['broker-down', 'consumer-lag', 'disk-full', 'controller-problems']) expect(fs.existsSync(path.join(dist, 'runbooks', `${slug}.md`))).toBe(true);
  });

  it('points runbook_url at the user\'s own base URL', () => {
    const d = synth((app, env) => {
      new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 3, runbookBaseUrl: 'https://wiki.example.com/kafka/' });
    }, 'runbook-url');
    const rule = objects(d).find((o) => o.kind === 'PrometheusRule')!;
    expect(rule.spec.groups[0].rules[0].annotations.runbook_url).toBe('https://wiki.example.com/kafka/broker-down.md');
  });

  it('refuses a duplicate alert name, naming the rule and the fix', () => {
    const twice = new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99.9, period: PrometheusDuration.days(30) });
    expect(() => synth((app, env) => {
      new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, slos: [twice, twice] });
    }, 'duplicate')).toThrow(/SLO-001 \[cluster orders\] SLO 'message-delivery' is declared twice; expected unique names\. Rename or remove one of them\./);
  });

  it.each([
    ['KafkaPrometheusMonitoring', (app: KafkaApp, env: Environment, slos: ServiceLevelObjective[]) => new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, slos }), 'monitoring/Monitoring'],
    ['MskPrometheusMonitoring', (app: KafkaApp, env: Environment, slos: ServiceLevelObjective[]) => new MskPrometheusMonitoring(app.stack(env), 'Monitoring', { clusterName: 'orders-msk', brokers: 3, slos }), 'production/Monitoring'],
  ] as const)('%s refuses two SLOs whose names give the same alert names (consumer-lag-2 and consumer-lag2), naming the alert and the fix', (_, build, path) => {
    const slo = (name: string) => new ServiceLevelObjective({ id: 'SLO-002', name, indicator: ServiceLevelIndicator.maxConsumerLag(), objectivePercent: 99.5, period: PrometheusDuration.days(30) });
    expect(() => synth((app, env) => { build(app, env, [slo('consumer-lag-2'), slo('consumer-lag2')]); }, 'duplicate-alert'))
      .toThrow(`SLO-002 [${path}] alert is 'KafkaSLOConsumerLag2BurnRatePage1h'; expected a name used by one alert only (Alertmanager groups and silences by alert name). Rename one of the alerts named 'KafkaSLOConsumerLag2BurnRatePage1h', or declare it once.`);
  });

  it('refuses thresholds with the wrong sign', () => {
    expect(() => synth((app, env) => {
      new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, thresholds: { requestLatencyP99Ms: -100 } });
    }, 'bad-threshold')).toThrow(/MON-008 \[monitoring\/Monitoring\] requestLatencyP99Ms is -100; expected a positive number of milliseconds\. Set requestLatencyP99Ms to 100\./);
  });
});

describe('MskPrometheusMonitoring', () => {
  const dist = synth((app, env) => { new MskPrometheusMonitoring(app.stack(env), 'Monitoring', { clusterName: 'orders-msk', brokers: 6 }); }, 'msk');

  it('writes a scrape config for the JMX exporter (11001) and node exporter (11002) that labels the series', () => {
    const cfg = parse(fs.readFileSync(path.join(dist, 'prometheus', 'orders-msk-msk-scrape-config.yml'), 'utf8'));
    expect(cfg.scrape_configs.map((j: any) => [j.job_name, j.file_sd_configs[0].files[0]])).toEqual([
      ['orders-msk-msk-jmx', 'orders-msk-msk-brokers-11001.json'], ['orders-msk-msk-node', 'orders-msk-msk-brokers-11002.json'],
    ]);
    expect(cfg.scrape_configs[0].relabel_configs.map((r: any) => [r.target_label, r.replacement])).toContainEqual(['kafka_cluster', 'orders-msk']);
  });

  it('writes its rule groups into the stack as a terraform_data, and each rule file is that synthesized copy', () => {
    const tf = JSON.parse(fs.readFileSync(path.join(dist, '..', '..', 'cdktf.out', 'stacks', 'production', 'cdk.tf.json'), 'utf8'));
    const artefacts = Object.entries<any>(tf.resource.terraform_data).filter(([, r]) => r.input?.kind === 'kafka-iac/prometheus-rules');
    expect(artefacts.map(([, r]) => [r['//'].metadata.path, r.input.cluster, r.input.metrics_backend])).toEqual([['production/Monitoring/PrometheusRules', 'orders-msk', 'msk-open-monitoring']]);
    const groups = artefacts[0][1].input.groups;
    expect(groups.map((g: any) => g.name)).toEqual(['kafka-orders-msk-msk-open-monitoring', ...['message-delivery', 'consumer-lag', 'broker-availability'].flatMap((s) => [`kafka-slo-${s}-orders-msk`, `kafka-slo-${s}-orders-msk-budget`]), 'kafka-orders-msk-scaling']);
    for (const g of groups) {
      expect(parse(fs.readFileSync(path.join(dist, 'prometheus', `${g.name}.rules.yml`), 'utf8'))).toEqual({ groups: [g] });
    }
    // 11 MON alerts (KRaft: no KafkaOfflinePartitions, no cluster in the stack), 6 per SLO, and the scaling alerts (CPU, memory, connections; no capacity plan).
    expect(groups.flatMap((g: any) => g.rules.filter((r: any) => r.alert))).toHaveLength(11 + 3 * 6 + 3);
  });

  it('uses MSK\'s cased open-monitoring names', () => {
    const rules = parse(fs.readFileSync(path.join(dist, 'prometheus', 'kafka-orders-msk-msk-open-monitoring.rules.yml'), 'utf8')).groups[0].rules;
    const expr = (name: string) => rules.find((r: any) => r.alert === name).expr;
    expect(expr('KafkaUnderReplicatedPartitions')).toBe('max by (instance) (kafka_server_ReplicaManager_Value{kafka_cluster="orders-msk",environment="production",kafka_role="kafka",name="UnderReplicatedPartitions"}) > 0');
    expect(expr('KafkaConsumerLagWarning')).toContain('kafka_consumer_group_ConsumerLagMetrics_Value{kafka_cluster="orders-msk",environment="production",kafka_role="kafka",name="SumOffsetLag"}');
    expect(expr('KafkaRequestLatencyHigh')).toContain('kafka_network_RequestMetrics_99thPercentile');
    expect(rules.map((r: any) => r.alert)).not.toContain('KafkaCertificateExpiringSoon');
  });
});

describe('KafkaPrometheusMonitoring rule files for promtool', () => {
  it('are rendered from the PrometheusRule as synthesized, so a JSON patch reaches the file promtool tests', () => {
    const env = Environment.development({ name: 'development', region: 'us-east-1' });
    const app = new KafkaApp({ terraformOutdir: path.join(OUT, 'patched', 'cdktf.out'), distDir: path.join(OUT, 'patched', 'dist') });
    const m = new KafkaPrometheusMonitoring(app.chart(env, 'monitoring'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 1 });
    const groups = (m.resource.toJson() as any).spec.groups as any[];
    const g = groups.findIndex((x) => x.rules.some((r: any) => r.alert === 'KafkaUnderReplicatedPartitions'));
    const r = groups[g].rules.findIndex((x: any) => x.alert === 'KafkaUnderReplicatedPartitions');
    const file = m.files.ruleFiles.find((f) => f.endsWith(`/${groups[g].name}.rules.yml`))!;
    const rendered = () => parse(env.outputFiles.get(file)!()).groups[0].rules.find((x: any) => x.alert === 'KafkaUnderReplicatedPartitions');
    expect(rendered().expr).toMatch(/> 0$/);
    expect(Object.keys(rendered()).slice(0, 2)).toEqual(['alert', 'expr']);
    m.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, String(groups[g].rules[r].expr).replace(/> 0$/, '> 5')));
    expect(rendered().expr).toMatch(/> 5$/);
  });
});
