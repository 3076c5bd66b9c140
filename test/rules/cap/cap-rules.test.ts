import { describe, expect, it } from 'vitest';
import { CapacityPlanAnnotations as A } from '../../../lib/contract/capacity-plan-annotations';
import { CAP_001_STORAGE } from '../../../lib/rules/cap-001-storage';
import { CAP_002_BROKER_COUNT } from '../../../lib/rules/cap-002-broker-count';
import { CAP_003_PARTITIONS } from '../../../lib/rules/cap-003-partitions';
import { RuleRegistry } from '../../../lib/rules/registry';
import { STS_LABELS, kubernetes, mskCluster, nodePool, run, statefulSet, strimziKafka, terraform } from '../fixtures/cap-documents';

const MSK_PLAN = { [A.TAG_NAME]: 'orders', [A.TAG_STORAGE_GIB]: '693', [A.TAG_BROKERS]: '6' };
const K8S_PLAN = { [A.NAME]: 'orders', [A.STORAGE_GIB]: '693', [A.BROKERS]: '6' };

function topic(partitions: number | undefined, plan?: number) {
  return kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', {
    metadata: { labels: { 'strimzi.io/cluster': 'main' }, annotations: plan === undefined ? undefined : { [A.NAME]: 'orders', [A.PARTITIONS]: String(plan) } },
    spec: { ...(partitions === undefined ? {} : { partitions }), replicas: 3 },
  });
}

/** Topic lines as MskAccess and StatefulSetAccessJob write them: orders on line 2, payments on line 3. */
function topicLines(orders: string, payments = '--partitions 6'): string {
  return [
    '# kafka-iac topics of production/access: one line = the arguments of one kafka-topics.sh call.',
    `--create --if-not-exists --topic orders ${orders} --replication-factor 3`,
    `--create --if-not-exists --topic payments ${payments} --replication-factor 3`,
    '',
  ].join('\n');
}

const ORDERS_PLANNED = { orders: { plan: 'shop-orders', partitions: 12 } };

/** The MSK admin artefact (terraform_data) with its topic lines and, when given, the planned partitions by topic. */
function mskAdminArtefact(topics: unknown, plans?: Record<string, unknown>) {
  return terraform('terraform_data', 'admin', {
    input: { kind: 'kafka-iac/kafka-admin', cluster: 'production-kafka', acls: '', topics, ...(plans ? { [A.INPUT_TOPIC_PARTITIONS]: plans } : {}) },
  });
}

/** The StatefulSet access ConfigMap with its topics.txt and, when given, the planned partitions by topic (JSON annotation). */
function accessConfigMap(topics: string, plans?: Record<string, unknown>) {
  return kubernetes('v1', 'ConfigMap', 'main-access', {
    metadata: { labels: { ...STS_LABELS, 'kafka-iac.dev/acl-artefact': 'true' }, annotations: plans ? { [A.TOPIC_PARTITIONS]: JSON.stringify(plans) } : undefined },
    data: { 'topics.txt': topics, 'acls.txt': '' },
  });
}

describe('CAP rules are registered', () => {
  it('lists CAP-001 to CAP-004 and PERF-001 in the registry', () => {
    const ids = RuleRegistry.all().map((r) => r.id);
    for (const id of ['CAP-001', 'CAP-002', 'CAP-003', 'CAP-004', 'PERF-001']) expect(ids).toContain(id);
  });
});

describe('CAP-001 provisioned storage is not below the plan (error)', () => {
  it('does not apply to a cluster without a plan', () => {
    const report = run(CAP_001_STORAGE, [mskCluster({ volumeGiB: 10 })]);
    expect(report.entries).toEqual([]);
    expect(report.compliant).toEqual([]);
  });

  it('passes CAP-001 on MSK when volume_size meets the planned GiB per broker', () => {
    expect(run(CAP_001_STORAGE, [mskCluster({ volumeGiB: 693, tags: MSK_PLAN })]).compliant).toHaveLength(1);
  });

  it('fails CAP-001 on MSK when volume_size is below the plan', () => {
    const { entries, lines } = run(CAP_001_STORAGE, [mskCluster({ volumeGiB: 500, tags: MSK_PLAN })]);
    expect(entries[0].level).toBe('error');
    expect(lines[0]).toContain("CAP-001 [production/kafka/Resource] volume_size is 500 GiB per broker; expected at least 693 GiB per broker, the storage of capacity plan 'orders'");
    expect(lines[0]).toContain('Set volumeSizeGiB: 693 (plan.storagePerBrokerGiB');
  });

  it('divides the planned disk over the brokers the cluster has when the plan records its total', () => {
    const tags = { ...MSK_PLAN, [A.TAG_DISK_GIB]: '2077', [A.TAG_BROKERS]: '3' };
    // 6 brokers instead of 3: 2077 ÷ 6 = 346.2, so 347 GiB each is enough.
    expect(run(CAP_001_STORAGE, [mskCluster({ brokers: 6, volumeGiB: 347, tags })]).entries).toEqual([]);
    const { lines } = run(CAP_001_STORAGE, [mskCluster({ brokers: 6, volumeGiB: 346, tags })]);
    expect(lines[0]).toContain("CAP-001 [production/kafka/Resource] volume_size is 346 GiB per broker; expected at least 347 GiB per broker: capacity plan 'orders' needs 2077 GiB (retained bytes × RF + 20% headroom) over 6 brokers");
  });

  it('passes CAP-001 on Strimzi when each broker pool volume meets the plan on its Kafka', () => {
    expect(run(CAP_001_STORAGE, [strimziKafka({ annotations: K8S_PLAN }), nodePool('brokers', { size: '700Gi' }), nodePool('controllers', { roles: ['controller'], size: '10Gi' })]).entries).toEqual([]);
  });

  it('fails CAP-001 on Strimzi when a broker pool volume is below the plan', () => {
    const { lines } = run(CAP_001_STORAGE, [strimziKafka({ annotations: K8S_PLAN }), nodePool('brokers', { size: '100Gi' })]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("CAP-001 [staging/Kafka/KafkaNodePool-brokers] spec.storage is jbod of persistent-claim '100Gi' per broker; expected at least 693 GiB");
  });

  it('fails CAP-001 on Strimzi when a planned pool uses ephemeral storage', () => {
    const { entries } = run(CAP_001_STORAGE, [strimziKafka({ annotations: K8S_PLAN }), nodePool('brokers', { storage: { type: 'ephemeral' } })]);
    expect(entries[0].findings[0].found).toBe("spec.storage is 'ephemeral' (not persistent) per broker");
  });

  it('passes CAP-001 on the StatefulSet when the volume claim meets the plan', () => {
    expect(run(CAP_001_STORAGE, [statefulSet({ storage: '1Ti', annotations: K8S_PLAN })]).entries).toEqual([]);
  });

  it('fails CAP-001 on the StatefulSet when the volume claim is below the plan', () => {
    const { lines } = run(CAP_001_STORAGE, [statefulSet({ storage: '100Gi', annotations: K8S_PLAN })]);
    expect(lines[0]).toContain("CAP-001 [staging/Kafka/StatefulSet-kafka] volumeClaimTemplates request '100Gi' per broker; expected at least 693 GiB");
  });
});

describe('CAP-002 brokers are not fewer than the plan (warning)', () => {
  it('passes CAP-002 on MSK with the planned brokers', () => {
    expect(run(CAP_002_BROKER_COUNT, [mskCluster({ brokers: 6, tags: MSK_PLAN })]).compliant).toHaveLength(1);
  });

  it('warns CAP-002 on MSK with fewer brokers than the plan, naming the plan', () => {
    const { entries, lines } = run(CAP_002_BROKER_COUNT, [mskCluster({ brokers: 3, tags: MSK_PLAN })]);
    expect(entries[0].level).toBe('warning');
    expect(lines[0]).toContain("CAP-002 [production/kafka/Resource] number_of_broker_nodes is 3; expected at least 6, the brokers of capacity plan 'orders'");
  });

  it('passes CAP-002 on Strimzi when the broker pools add up to the plan', () => {
    const docs = [strimziKafka({ annotations: K8S_PLAN }), nodePool('brokers-a', { replicas: 3 }), nodePool('brokers-b', { replicas: 3 }), nodePool('controllers', { roles: ['controller'], replicas: 3 })];
    expect(run(CAP_002_BROKER_COUNT, docs).entries).toEqual([]);
  });

  it('warns CAP-002 on Strimzi when the broker pools have fewer brokers than the plan (controllers do not count)', () => {
    const { lines } = run(CAP_002_BROKER_COUNT, [strimziKafka({ annotations: K8S_PLAN }), nodePool('brokers', { replicas: 3 }), nodePool('controllers', { roles: ['controller'], replicas: 3 })]);
    expect(lines[0]).toContain("CAP-002 [staging/Kafka/Kafka-main] the broker node pools (brokers: 3) have 3 brokers; expected at least 6, the brokers of capacity plan 'orders'");
  });

  it('passes CAP-002 on the StatefulSet with the planned replicas, and warns with fewer', () => {
    expect(run(CAP_002_BROKER_COUNT, [statefulSet({ replicas: 6, annotations: K8S_PLAN })]).entries).toEqual([]);
    const { lines } = run(CAP_002_BROKER_COUNT, [statefulSet({ replicas: 3, annotations: K8S_PLAN })]);
    expect(lines[0]).toContain("CAP-002 [staging/Kafka/StatefulSet-kafka] spec.replicas is 3; expected at least 6, the brokers of capacity plan 'orders'");
  });
});

describe('CAP-003 partitions are not fewer than the plan (warning)', () => {
  it('passes CAP-003 on a Strimzi KafkaTopic with the planned partitions', () => {
    expect(run(CAP_003_PARTITIONS, [topic(12, 10)]).compliant).toHaveLength(1);
  });

  it('warns CAP-003 on a Strimzi KafkaTopic with fewer partitions than the plan, naming the plan', () => {
    const { entries, lines } = run(CAP_003_PARTITIONS, [topic(6, 10)]);
    expect(entries[0].level).toBe('warning');
    expect(lines[0]).toContain("CAP-003 [staging/Kafka/KafkaTopic-orders] spec.partitions is 6; expected at least 10, the partitions of capacity plan 'orders'");
  });

  it('warns CAP-003 when a planned topic leaves partitions to the broker default', () => {
    expect(run(CAP_003_PARTITIONS, [topic(undefined, 10)]).entries[0].findings[0].found).toBe('spec.partitions is not set (the broker default, 1)');
  });

  it('does not apply to a topic without a plan', () => {
    expect(run(CAP_003_PARTITIONS, [topic(1)]).compliant).toEqual([]);
  });
});

describe('CAP-003 on the topic lines of the MSK admin artefact (kafka-admin/topics.txt)', () => {
  it('passes CAP-003 when each planned topic is created with the planned partitions, and notes them', () => {
    const { entries, compliant } = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 12'), ORDERS_PLANNED)]);
    expect(entries).toEqual([]);
    expect(compliant[0].notes).toEqual(["topic 'orders': --partitions 12, capacity plan 'shop-orders' asks for 12"]);
  });

  it('warns CAP-003 with the line, the topic and the plan when a planned topic has fewer partitions', () => {
    const { entries, lines } = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 6'), ORDERS_PLANNED)]);
    expect(entries[0].level).toBe('warning');
    expect(lines).toEqual([expect.stringContaining("CAP-003 [production/admin/Resource] input.topics (kafka-admin/topics.txt) line 2 creates topic 'orders' with --partitions 6; expected at least 12, the partitions of capacity plan 'shop-orders'")]);
  });

  it('does not check topics of the artefact that carry no plan (payments has 1 partition here)', () => {
    expect(run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 12', '--partitions 1'), ORDERS_PLANNED)]).entries).toEqual([]);
  });

  it('warns CAP-003 when a planned topic line leaves partitions to the broker default', () => {
    const { entries } = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines(''), ORDERS_PLANNED)]);
    expect(entries[0].findings[0].found).toBe("input.topics (kafka-admin/topics.txt) line 2 creates topic 'orders' with --partitions not set (the broker default num.partitions, 1 unless changed)");
  });

  it('warns CAP-003 when the lines no longer create a planned topic', () => {
    const { entries } = run(CAP_003_PARTITIONS, [mskAdminArtefact('--create --if-not-exists --topic payments --partitions 6 --replication-factor 3\n', ORDERS_PLANNED)]);
    expect(entries[0].findings[0]).toMatchObject({
      found: "input.topics (kafka-admin/topics.txt) has no line for topic 'orders', which capacity plan 'shop-orders' plans",
      expected: "a line creating it with at least 12, the partitions of capacity plan 'shop-orders'",
    });
  });

  it('warns CAP-003 when the topic lines are not text', () => {
    const { entries } = run(CAP_003_PARTITIONS, [mskAdminArtefact(42, ORDERS_PLANNED)]);
    expect(entries[0].findings[0].found).toBe('input.topics (kafka-admin/topics.txt) is 42');
  });

  it('does not apply to an artefact without a plan', () => {
    const report = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 1'))]);
    expect(report.entries).toEqual([]);
    expect(report.compliant).toEqual([]);
  });
});

describe('CAP-003 on the topics.txt of the StatefulSet access ConfigMap', () => {
  it('passes CAP-003 when each planned topic is created with at least the planned partitions', () => {
    const plans = { ...ORDERS_PLANNED, payments: { plan: 'shop-payments', partitions: 6 } };
    const { entries, compliant } = run(CAP_003_PARTITIONS, [accessConfigMap(topicLines('--partitions 24'), plans)]);
    expect(entries).toEqual([]);
    expect(compliant[0].notes).toEqual([
      "topic 'orders': --partitions 24, capacity plan 'shop-orders' asks for 12",
      "topic 'payments': --partitions 6, capacity plan 'shop-payments' asks for 6",
    ]);
  });

  it('warns CAP-003 at the ConfigMap with the line, the topic and the plan when a planned topic has fewer partitions', () => {
    const { entries, lines } = run(CAP_003_PARTITIONS, [accessConfigMap(topicLines('--partitions 3'), ORDERS_PLANNED)]);
    expect(entries[0].level).toBe('warning');
    expect(lines).toEqual([expect.stringContaining("CAP-003 [staging/Kafka/ConfigMap-main-access] topics.txt line 2 creates topic 'orders' with --partitions 3; expected at least 12, the partitions of capacity plan 'shop-orders'")]);
  });

  it('does not apply to the ConfigMap without a plan, nor to one whose plan record is not JSON', () => {
    expect(run(CAP_003_PARTITIONS, [accessConfigMap(topicLines('--partitions 1'))]).compliant).toEqual([]);
    const unreadable = accessConfigMap(topicLines('--partitions 1'));
    const body = { ...unreadable.body, metadata: { ...unreadable.body.metadata, annotations: { [A.TOPIC_PARTITIONS]: '{not json' } } };
    expect(run(CAP_003_PARTITIONS, [{ ...unreadable, body }]).compliant).toEqual([]);
  });
});
