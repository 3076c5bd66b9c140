import { CapacityPlanAnnotations } from '../../../lib/contract/capacity-plan-annotations';
// PERF-001 and CAP-001/002 on the real KafkaStatefulSetCluster output, through KafkaChart synthesis.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, JsonPatch } from 'cdk8s';
import { afterEach, describe, expect, it } from 'vitest';
import { CapacityPlan } from '../../../lib/model/capacity/capacity-planner';
import { ClientNetwork } from '../../../lib/model/client-network';
import { Environment } from '../../../lib/model/environment';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { KafkaStatefulSetCluster, type KafkaStatefulSetClusterProps } from '../../../lib/targets/statefulset/kafka-statefulset-cluster';
import { formatViolation } from '../../../lib/rules/engine';
import { suppressMonitoringRules } from '../../support/monitoring-rules';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

function statefulSetCluster(props: Partial<KafkaStatefulSetClusterProps> = {}) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-sts-'));
  dirs.push(outdir);
  const app = new App({ outdir });
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const chart = new KafkaChart(app, 'kafka', { environment });
  suppressMonitoringRules(chart);
  const cluster = new KafkaStatefulSetCluster(chart, 'Kafka', {
    clientNetworks: [ClientNetwork.kubernetesPeer({ podLabels: { 'app.kubernetes.io/part-of': 'shop' }, description: 'shop workloads' })],
    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ...props,
  });
  return { app, chart, cluster };
}

const entriesOf = (chart: KafkaChart, id: string) => chart.complianceReport.entries.filter((e) => e.ruleId === id);

describe('PERF-001 on KafkaStatefulSetCluster', () => {
  it('passes PERF-001 on server.properties and on the KAFKA_HEAP_OPTS of every node set by default', () => {
    const { app, chart } = statefulSetCluster();
    app.synth();
    const perf = entriesOf(chart, 'PERF-001');
    expect(perf.map((e) => e.status)).toEqual(perf.map(() => 'compliant'));
    expect(perf.map((e) => e.resource.split('/')[0]).sort()).toEqual(['ConfigMap', 'StatefulSet', 'StatefulSet']);
  });

  it('warns PERF-001 when a JSON patch lowers num.network.threads in server.properties', () => {
    const { app, chart, cluster } = statefulSetCluster();
    const text = String((cluster.brokers.configMap.toJson() as { data: Record<string, string> }).data['server.properties']);
    cluster.brokers.configMap.addJsonPatch(JsonPatch.replace('/data/server.properties', text.replace('num.network.threads=8', 'num.network.threads=2')));
    app.synth();
    const lines = chart.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').map(formatViolation);
    expect(lines).toEqual([expect.stringMatching(/^PERF-001 \[kafka\/Kafka\/\S+\] num\.network\.threads is '2' in data\['server\.properties'\]; expected at least 8 \(the PERF-001 default\)/)]);
  });

  it('warns PERF-001 when a JSON patch gives the brokers a resizable heap', () => {
    const { app, chart, cluster } = statefulSetCluster();
    const env: { name: string }[] = (cluster.brokers.statefulSet.toJson() as any).spec.template.spec.containers[0].env;
    const i = env.findIndex((e) => e.name === 'KAFKA_HEAP_OPTS');
    cluster.brokers.statefulSet.addJsonPatch(JsonPatch.replace(`/spec/template/spec/containers/0/env/${i}/value`, '-Xms1g -Xmx4096m'));
    app.synth();
    const found = chart.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').flatMap((e) => e.findings.map((f) => f.found));
    expect(found).toEqual([expect.stringMatching(/KAFKA_HEAP_OPTS -Xms is '1g' and -Xmx is '4096m'$/)]);
  });
});

describe('CAP-001/002 on KafkaStatefulSetCluster', () => {
  const plan = CapacityPlan.forWorkload({ name: 'events', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800 });

  it('marks the broker StatefulSet only, and passes CAP-001/002 when it takes its sizes from the plan', () => {
    const { app, chart, cluster } = statefulSetCluster({ brokers: { replicas: plan.brokers, storageSize: `${plan.storagePerBrokerGiB}Gi` } });
    expect(CapacityPlanAnnotations.applyToCluster(plan, cluster)).toBe(1);
    app.synth();
    expect(entriesOf(chart, 'CAP-001').map((e) => [e.path, e.status])).toEqual([[cluster.brokers.statefulSet.node.path, 'compliant']]);
    expect(entriesOf(chart, 'CAP-002').map((e) => e.status)).toEqual(['compliant']);
  });

  it('fails CAP-001 when the broker volume claim is below the plan', () => {
    const { app, cluster } = statefulSetCluster({ brokers: { replicas: plan.brokers, storageSize: '50Gi' } });
    CapacityPlanAnnotations.applyToCluster(plan, cluster);
    expect(() => app.synth()).toThrow(/CAP-001 \[kafka\/Kafka\/\S+\] volumeClaimTemplates request '50Gi' per broker; expected at least 693 GiB per broker/);
  });
});
