import { CapacityPlanAnnotations } from '../../../lib/contract/capacity-plan-annotations';
// PERF-001 and CAP-001/002 on the real StrimziKafkaCluster output, through KafkaChart synthesis.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, JsonPatch } from 'cdk8s';
import { afterEach, describe, expect, it } from 'vitest';
import { CapacityPlan } from '../../../lib/model/capacity/capacity-planner';
import { ClientNetwork } from '../../../lib/model/client-network';
import { Environment } from '../../../lib/model/environment';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { StrimziKafkaCluster, type StrimziKafkaClusterProps } from '../../../lib/targets/strimzi/strimzi-kafka-cluster';
import { formatViolation } from '../../../lib/rules/engine';
import { suppressMonitoringRules } from '../../support/monitoring-rules';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

function strimzi(props: Partial<StrimziKafkaClusterProps> = {}) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-perf-'));
  dirs.push(outdir);
  const app = new App({ outdir });
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const chart = new KafkaChart(app, 'kafka', { environment });
  suppressMonitoringRules(chart);
  const cluster = new StrimziKafkaCluster(chart, 'Kafka', {
    clientNetworks: [ClientNetwork.kubernetesPeer({ podLabels: { 'app.kubernetes.io/part-of': 'shop' }, description: 'shop workloads' })],
    kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ...props,
  });
  return { app, chart, cluster };
}

const perf = (chart: KafkaChart) => chart.complianceReport.entries.filter((e) => e.ruleId === 'PERF-001');

describe('PERF-001 on StrimziKafkaCluster', () => {
  it('passes PERF-001 on the Kafka config and every node pool heap by default', () => {
    const { app, chart } = strimzi();
    app.synth();
    const entries = perf(chart);
    expect(entries.map((e) => e.status)).toEqual(entries.map(() => 'compliant'));
    expect(entries.map((e) => e.resource).sort()).toEqual(expect.arrayContaining(['Kafka/staging-kafka']));
    expect(entries.filter((e) => e.resource.startsWith('KafkaNodePool/')).length).toBeGreaterThanOrEqual(2);
  });

  it('warns PERF-001 when a JSON patch lowers num.io.threads in spec.kafka.config', () => {
    const { app, chart, cluster } = strimzi();
    cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/num.io.threads', 4));
    app.synth();
    expect(chart.complianceReport.warnings().map(formatViolation)).toEqual(expect.arrayContaining([
      expect.stringContaining("PERF-001 [kafka/Kafka/Resource] num.io.threads is '4' in spec.kafka.config; expected at least 16 (the PERF-001 default)"),
    ]));
  });

  it('warns PERF-001 when a JSON patch shrinks a broker pool heap below min(6 GiB, half its memory)', () => {
    const { app, chart, cluster } = strimzi();
    // The imported Strimzi classes apply JSON patches before mapping `xmx` to `-Xmx`, so the patch names `xmx`.
    cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/jvmOptions/xms', '1g'), JsonPatch.replace('/spec/jvmOptions/xmx', '1g'));
    app.synth();
    const lines = chart.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').map(formatViolation);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("PERF-001 [kafka/Kafka/BrokerPool] jvmOptions -Xmx is '1g' with resources.limits.memory '8Gi'; expected at least 4096m (PERF-001: min(6 GiB, half the memory limit))");
  });
});

describe('CAP-001/002 on StrimziKafkaCluster', () => {
  const plan = CapacityPlan.forWorkload({ name: 'events', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800 });

  it('passes CAP-001 and CAP-002 when the pools take their sizes from the plan', () => {
    const { app, chart, cluster } = strimzi({ brokerPools: [{ replicas: plan.brokers, storageSize: `${plan.storagePerBrokerGiB}Gi` }] });
    expect(CapacityPlanAnnotations.applyToCluster(plan, cluster)).toBe(1);
    app.synth();
    const cap = chart.complianceReport.entries.filter((e) => e.ruleId === 'CAP-001' || e.ruleId === 'CAP-002');
    expect(cap.map((e) => [e.ruleId, e.status])).toEqual([['CAP-001', 'compliant'], ['CAP-002', 'compliant']]);
  });

  it('fails CAP-001 when the broker pool volume is below the plan', () => {
    const { app, cluster } = strimzi({ brokerPools: [{ replicas: plan.brokers, storageSize: '100Gi' }] });
    CapacityPlanAnnotations.applyToCluster(plan, cluster);
    expect(() => app.synth()).toThrow(/CAP-001 \[kafka\/Kafka\/\S+\] spec.storage is jbod of persistent-claim '100Gi' per broker; expected at least 693 GiB per broker/);
  });
});
