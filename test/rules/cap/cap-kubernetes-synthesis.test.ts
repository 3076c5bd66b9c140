import { CapacityPlanAnnotations } from '../../../lib/contract/capacity-plan-annotations';
// CAP-001/002/003 on Kubernetes output through a KafkaChart's synthesis (validations on), with
// the plan recorded by CapacityPlan.applyToCluster / applyToTopics (Strimzi KafkaTopics, the
// StatefulSet access ConfigMap) and broken by JSON patches.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { CapacityPlan } from '../../../lib/model/capacity/capacity-planner';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { AccessModel } from '../../../lib/model/access/access-model';
import { StatefulSetAccessJob } from '../../../lib/targets/statefulset/statefulset-access-job';
import { StrimziAccess } from '../../../lib/targets/strimzi/strimzi-access';
import { Environment } from '../../../lib/model/environment';
import { formatViolation } from '../../../lib/rules/engine';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { RuleRegistry } from '../../../lib/rules/registry';

const plan = CapacityPlan.forWorkload({
  name: 'events', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800,
  consumerMessagesPerSecond: 100, consumersWanted: 4,
});
const CAP_RULES = RuleRegistry.all().filter((r) => r.id.startsWith('CAP-'));

function chart() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-cap-'));
  const app = new App({ outdir });
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const c = new KafkaChart(app, 'kafka', { environment, rules: CAP_RULES });
  const labels = { 'strimzi.io/cluster': 'main' };
  const kafka = new ApiObject(c, 'Kafka', { apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'main' }, spec: { kafka: {} } });
  const pool = new ApiObject(c, 'Brokers', {
    apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', metadata: { name: 'brokers', labels },
    spec: { replicas: plan.brokers, roles: ['broker'], storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: `${plan.storagePerBrokerGiB}Gi` }] } },
  });
  const topic = new ApiObject(c, 'Orders', { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 'orders', labels }, spec: { partitions: plan.partitionsPerTopic, replicas: 3 } });
  expect(CapacityPlanAnnotations.applyToCluster(plan, c)).toBe(1);
  expect(CapacityPlanAnnotations.applyToTopics(plan, c)).toBe(1);
  return { app, c, kafka, pool, topic, cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}

function synthError(app: App): string {
  try { app.synth(); } catch (e) { return (e as Error).message; }
  throw new Error('expected synthesis to fail, but it passed');
}

describe('CAP rules on Kubernetes through KafkaChart synthesis', () => {
  it('passes CAP-001 to CAP-003 when the Strimzi objects take their sizes from the plan', () => {
    const { app, c, kafka, topic, cleanup } = chart();
    app.synth();
    expect(kafka.toJson().metadata.annotations).toEqual({
      'kafka-iac.dev/capacity-plan': 'events', 'kafka-iac.dev/capacity-plan-storage-gib': '693',
      'kafka-iac.dev/capacity-plan-disk-gib': '2077', 'kafka-iac.dev/capacity-plan-brokers': '3',
    });
    expect(topic.toJson().metadata.annotations).toEqual({ 'kafka-iac.dev/capacity-plan': 'events', 'kafka-iac.dev/capacity-plan-partitions': '10' });
    expect(c.complianceReport.entries.map((e) => [e.ruleId, e.status])).toEqual([['CAP-001', 'compliant'], ['CAP-002', 'compliant'], ['CAP-003', 'compliant'], ['CAP-004', 'not-applicable']]);
    cleanup();
  });

  it('fails CAP-001 at synthesis when a JSON patch shrinks the broker volume below the plan', () => {
    const { app, pool, cleanup } = chart();
    pool.addJsonPatch(JsonPatch.replace('/spec/storage/volumes/0/size', '100Gi'));
    expect(synthError(app)).toContain("CAP-001 [kafka/Brokers] spec.storage is jbod of persistent-claim '100Gi' per broker; expected at least 693 GiB per broker: capacity plan 'events' needs 2077 GiB (retained bytes × RF + 20% headroom) over 3 brokers");
    cleanup();
  });

  it('warns CAP-002 and CAP-003 (synthesis continues) when a JSON patch lowers replicas and partitions', () => {
    const { app, c, pool, topic, cleanup } = chart();
    // Two brokers must hold the whole planned disk: 2077 ÷ 2 = 1039 GiB each, so CAP-001 still passes.
    pool.addJsonPatch(JsonPatch.replace('/spec/replicas', 2), JsonPatch.replace('/spec/storage/volumes/0/size', '1039Gi'));
    topic.addJsonPatch(JsonPatch.replace('/spec/partitions', 3));
    app.synth();
    expect(c.complianceReport.warnings().map(formatViolation)).toEqual([
      expect.stringContaining("CAP-002 [kafka/Kafka] the broker node pools (brokers: 2) have 2 brokers; expected at least 3, the brokers of capacity plan 'events'"),
      expect.stringContaining("CAP-003 [kafka/Orders] spec.partitions is 3; expected at least 10, the partitions of capacity plan 'events'"),
    ]);
    cleanup();
  });
});

/** A chart with only the CAP rules and an access model creating `orders` (12 partitions) and `payments` (6). */
function accessChart() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-cap-'));
  const app = new App({ outdir });
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const c = new KafkaChart(app, 'kafka', { environment, rules: CAP_RULES });
  const model = new AccessModel({ environment });
  model.addTopic('orders', { partitions: 12 });
  model.addTopic('payments', { partitions: 6 });
  model.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() });
  return { app, c, model, cleanup: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}

function cap003(c: KafkaChart) {
  return c.complianceReport.entries.filter((e) => e.ruleId === 'CAP-003');
}

describe('CAP-003 on the topics.txt of the StatefulSet access ConfigMap', () => {
  function statefulSetAccess() {
    const fixture = accessChart();
    const job = new StatefulSetAccessJob(fixture.c, 'Access', { model: fixture.model, clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
    return { ...fixture, job };
  }

  it('records the plan of the named topics on the ConfigMap, and passes CAP-003 when they have the planned partitions', () => {
    const { app, c, job, cleanup } = statefulSetAccess();
    expect(CapacityPlanAnnotations.applyToTopics(plan, job, { topics: ['orders'] })).toBe(1);
    app.synth();
    expect(job.configMap.toJson().metadata.annotations).toEqual({ 'kafka-iac.dev/capacity-plan-topic-partitions': '{"orders":{"plan":"events","partitions":10}}' });
    expect(cap003(c).map((e) => [e.path, e.status])).toEqual([['kafka/Access/Artefacts', 'compliant']]);
    cleanup();
  });

  it('warns CAP-003 (synthesis continues) when a JSON patch lowers a planned topic\'s partitions in topics.txt', () => {
    const { app, c, job, cleanup } = statefulSetAccess();
    CapacityPlanAnnotations.applyToTopics(plan, job, { topics: ['orders'] });
    job.configMap.addJsonPatch(JsonPatch.replace('/data/topics.txt', '--create --if-not-exists --topic orders --partitions 2 --replication-factor 3\n'));
    app.synth();
    expect(c.complianceReport.warnings().map(formatViolation)).toEqual([
      expect.stringContaining("CAP-003 [kafka/Access/Artefacts] topics.txt line 1 creates topic 'orders' with --partitions 2; expected at least 10, the partitions of capacity plan 'events'"),
    ]);
    cleanup();
  });

  it('warns CAP-003 for every topic below the plan when the plan applies to all of them', () => {
    const { app, c, job, cleanup } = statefulSetAccess();
    expect(CapacityPlanAnnotations.applyToTopics(plan, job)).toBe(2);
    app.synth();
    expect(cap003(c).flatMap((e) => e.findings.map((f) => f.found))).toEqual(["topics.txt line 3 creates topic 'payments' with --partitions 6"]);
    cleanup();
  });
});

describe('CAP-003 on the KafkaTopics of a StrimziAccess', () => {
  it('marks only the named topics, and warns when a JSON patch lowers a marked topic below the plan', () => {
    const { app, c, model, cleanup } = accessChart();
    const access = new StrimziAccess(c, 'Access', { model, clusterName: 'main' });
    expect(CapacityPlanAnnotations.applyToTopics(plan, access, { topics: ['orders'] })).toBe(1);
    expect(access.topics.get('payments')!.toJson().metadata.annotations).toBeUndefined();
    access.topics.get('orders')!.addJsonPatch(JsonPatch.replace('/spec/partitions', 4));
    app.synth();
    expect(cap003(c).map((e) => [e.path, e.status])).toEqual([['kafka/Access/Topic-orders', 'non-compliant']]);
    expect(c.complianceReport.warnings().map(formatViolation)).toEqual([
      expect.stringContaining("CAP-003 [kafka/Access/Topic-orders] spec.partitions is 4; expected at least 10, the partitions of capacity plan 'events'"),
    ]);
    cleanup();
  });
});
