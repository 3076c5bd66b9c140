// CAP-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { RuleRegistry } from '../../lib/rules/registry';
import { run, mskCluster, strimziKafka, nodePool, statefulSet } from './fixtures/cap-documents';
import { CAP_001_STORAGE } from '../../lib/rules/cap-001-storage';
import { MSK_PLAN, K8S_PLAN } from './fixtures/cap-rules';
import { CapacityPlanAnnotations as A, CapacityPlanAnnotations } from '../../lib/contract/capacity-plan-annotations';
import { mskStack, synthJson, only, synthError } from '../support/msk-stack';
import { plan } from './fixtures/cap-msk-synthesis';
import { chart } from './fixtures/cap-kubernetes-synthesis';
import { JsonPatch } from 'cdk8s';
import { strimzi } from './fixtures/perf-strimzi-synthesis';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { statefulSetCluster, entriesOf } from './fixtures/perf-statefulset-synthesis';
import * as capKubernetesSynthesis from './fixtures/cap-kubernetes-synthesis';

import { itDescribesItself } from './fixtures/metadata';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { STS_LABELS, kubernetes, terraform } from './fixtures/cap-documents';

const PER_BROKER_693 = "at least 693 GiB per broker, the storage of capacity plan 'orders' (retained bytes × RF + 20% headroom ÷ brokers)";
const STRIMZI_FIX_693 = "Set the node pool's persistent-claim size to '693Gi' (plan.storagePerBrokerGiB with the planned brokers).";
const STS_FIX_693 = "Set the data volume claim to '693Gi' (plan.storagePerBrokerGiB with the planned brokers).";
/** A broker node pool of cluster `main` with its own plan (K8S_PLAN) and the given spec. */
const plannedPool = (spec: Record<string, unknown> | undefined, labels: Record<string, string> | null = { 'strimzi.io/cluster': 'main' }) =>
  kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', 'brokers', { metadata: { ...(labels ? { labels } : {}), annotations: K8S_PLAN }, ...(spec ? { spec } : {}) });
/** A StatefulSet of the StatefulSet target with the plan and the given spec. */
const plannedStatefulSet = (spec: Record<string, unknown> | undefined) =>
  kubernetes('apps/v1', 'StatefulSet', 'kafka', { metadata: { labels: STS_LABELS, annotations: K8S_PLAN }, ...(spec ? { spec } : {}) });
const claim = (storage: string) => ({ metadata: { name: 'data' }, spec: { resources: { requests: { storage } } } });
describe('every target', () => {
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

    it('divides the planned disk over the brokers the cluster has when the plan records its total', () => {
      const tags = { ...MSK_PLAN, [A.TAG_DISK_GIB]: '2077', [A.TAG_BROKERS]: '3' };
      // 6 brokers instead of 3: 2077 ÷ 6 = 346.2, so 347 GiB each is enough.
      expect(run(CAP_001_STORAGE, [mskCluster({ brokers: 6, volumeGiB: 347, tags })]).entries).toEqual([]);
      const { lines } = run(CAP_001_STORAGE, [mskCluster({ brokers: 6, volumeGiB: 346, tags })]);
      expect(lines[0]).toContain("CAP-001 [production/kafka/Resource] volume_size is 346 GiB per broker; expected at least 347 GiB per broker: capacity plan 'orders' needs 2077 GiB (retained bytes × RF + 20% headroom) over 6 brokers");
    });
  });
});

describe('MSK', () => {
  describe('CAP rules on MskCluster', () => {
    it('passes CAP-001, CAP-002 and CAP-004 when the cluster takes its sizes from the plan', () => {
      const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: plan.storagePerBrokerGiB } });
      expect(CapacityPlanAnnotations.applyToCluster(plan, cluster)).toBe(1);
      const json = synthJson(stack);
      expect(only(json, 'aws_msk_cluster').tags).toMatchObject({
        'kafka-iac:capacity-plan': 'orders', 'kafka-iac:capacity-plan-storage-gib': '347', 'kafka-iac:capacity-plan-disk-gib': '2077', 'kafka-iac:capacity-plan-brokers': '6',
      });
      const entries = stack.complianceReport.entries.filter((e) => e.ruleId.startsWith('CAP-'));
      expect(entries.map((e) => [e.ruleId, e.status]).sort()).toEqual([['CAP-001', 'compliant'], ['CAP-002', 'compliant'], ['CAP-003', 'not-applicable'], ['CAP-004', 'compliant'], ['CAP-005', 'not-applicable']]);
    });

    it('fails CAP-001 at synthesis when the volume is below the plan', () => {
      const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: 100 } });
      CapacityPlanAnnotations.applyToCluster(plan, cluster);
      expect(synthError(stack)).toContain("CAP-001 [production/Kafka/Resource] volume_size is 100 GiB per broker; expected at least 347 GiB per broker: capacity plan 'orders' needs 2077 GiB (retained bytes × RF + 20% headroom) over 6 brokers");
    });

    it('fails CAP-001 when an escape hatch shrinks the planned volume', () => {
      const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: plan.storagePerBrokerGiB } });
      CapacityPlanAnnotations.applyToCluster(plan, cluster);
      cluster.resource.addOverride('broker_node_group_info.storage_info.ebs_storage_info.volume_size', 10);
      expect(synthError(stack)).toContain('CAP-001 [production/Kafka/Resource] volume_size is 10 GiB per broker');
    });
  });

  describe('CAP-001 provisioned storage is not below the plan (error)', () => {

    it('passes CAP-001 on MSK when volume_size meets the planned GiB per broker', () => {
      expect(run(CAP_001_STORAGE, [mskCluster({ volumeGiB: 693, tags: MSK_PLAN })]).compliant).toHaveLength(1);
    });

    it('fails CAP-001 on MSK when volume_size is below the plan', () => {
      const { entries, lines } = run(CAP_001_STORAGE, [mskCluster({ volumeGiB: 500, tags: MSK_PLAN })]);
      expect(entries[0].level).toBe('error');
      expect(lines[0]).toContain("CAP-001 [production/kafka/Resource] volume_size is 500 GiB per broker; expected at least 693 GiB per broker, the storage of capacity plan 'orders'");
      expect(lines[0]).toContain('Set volumeSizeGiB: 693 (plan.storagePerBrokerGiB');
    });
  });
});

describe('Strimzi', () => {
  describe('CAP rules on Kubernetes through KafkaChart synthesis', () => {
    const { synthError } = capKubernetesSynthesis;
    it('passes CAP-001 to CAP-003 when the Strimzi objects take their sizes from the plan', () => {
      const { app, c, kafka, topic, cleanup } = chart();
      app.synth();
      expect(kafka.toJson().metadata.annotations).toEqual({
        'kafka-iac.dev/capacity-plan': 'events', 'kafka-iac.dev/capacity-plan-storage-gib': '693',
        'kafka-iac.dev/capacity-plan-disk-gib': '2077', 'kafka-iac.dev/capacity-plan-brokers': '3',
      });
      expect(topic.toJson().metadata.annotations).toEqual({ 'kafka-iac.dev/capacity-plan': 'events', 'kafka-iac.dev/capacity-plan-partitions': '10' });
      expect(c.complianceReport.entries.map((e) => [e.ruleId, e.status])).toEqual([['CAP-001', 'compliant'], ['CAP-002', 'compliant'], ['CAP-003', 'compliant'], ['CAP-004', 'not-applicable'], ['CAP-005', 'not-applicable']]);
      cleanup();
    });

    it('fails CAP-001 at synthesis when a JSON patch shrinks the broker volume below the plan', () => {
      const { app, pool, cleanup } = chart();
      pool.addJsonPatch(JsonPatch.replace('/spec/storage/volumes/0/size', '100Gi'));
      expect(synthError(app)).toContain("CAP-001 [kafka/Brokers] spec.storage is jbod of persistent-claim '100Gi' per broker; expected at least 693 GiB per broker: capacity plan 'events' needs 2077 GiB (retained bytes × RF + 20% headroom) over 3 brokers");
      cleanup();
    });
  });

  describe('CAP-001 provisioned storage is not below the plan (error)', () => {

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
});

describe('StatefulSet', () => {
  describe('CAP-001 provisioned storage is not below the plan (error)', () => {

    it('passes CAP-001 on the StatefulSet when the volume claim meets the plan', () => {
      expect(run(CAP_001_STORAGE, [statefulSet({ storage: '1Ti', annotations: K8S_PLAN })]).entries).toEqual([]);
    });

    it('fails CAP-001 on the StatefulSet when the volume claim is below the plan', () => {
      const { lines } = run(CAP_001_STORAGE, [statefulSet({ storage: '100Gi', annotations: K8S_PLAN })]);
      expect(lines[0]).toContain("CAP-001 [staging/Kafka/StatefulSet-kafka] volumeClaimTemplates request '100Gi' per broker; expected at least 693 GiB");
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
});

describe('CAP-001 over single documents (every branch, the whole finding)', () => {
  describe('MSK', () => {
    it('does not apply to another Terraform resource that carries the plan tags', () => {
      expect(outcomeOf(CAP_001_STORAGE, terraform('aws_msk_configuration', 'kafka', { tags: MSK_PLAN }))).toEqual({ status: 'not-applicable' });
    });
    it('reads the volume of the list form cdktf writes', () => {
      const doc = terraform('aws_msk_cluster', 'kafka', { number_of_broker_nodes: 3, tags: MSK_PLAN, broker_node_group_info: [{ storage_info: [{ ebs_storage_info: [{ volume_size: 693 }] }] }] });
      expect(outcomeOf(CAP_001_STORAGE, doc)).toEqual({ status: 'compliant' });
    });
    it.each([
      ['no broker_node_group_info', {}],
      ['no storage_info', { broker_node_group_info: { instance_type: 'kafka.m7g.large' } }],
      ['no ebs_storage_info', { broker_node_group_info: { storage_info: {} } }],
    ])('fails a cluster with %s: the volume is not set', (_, body) => {
      expect(findingsOf(CAP_001_STORAGE, terraform('aws_msk_cluster', 'kafka', { number_of_broker_nodes: 3, tags: MSK_PLAN, ...body }))).toEqual([{
        found: 'volume_size is not set per broker', expected: PER_BROKER_693,
        fix: 'Set volumeSizeGiB: 693 (plan.storagePerBrokerGiB with the planned brokers); storage autoscaling (CAP-004) grows it from there.',
      }]);
    });
    it('passes exactly the plan and fails one GiB below it', () => {
      expect(outcomeOf(CAP_001_STORAGE, mskCluster({ volumeGiB: 693, tags: MSK_PLAN }))).toEqual({ status: 'compliant' });
      expect(findingsOf(CAP_001_STORAGE, mskCluster({ volumeGiB: 692, tags: MSK_PLAN }))[0].found).toBe('volume_size is 692 GiB per broker');
    });
  });

  describe('Strimzi', () => {
    const kafkaWithPlan = strimziKafka({ annotations: K8S_PLAN });
    it('does not apply to a Strimzi resource other than a node pool, nor to a pool without the broker role or without spec', () => {
      const rebalance = kubernetes('kafka.strimzi.io/v1', 'KafkaRebalance', 'main', { metadata: { labels: { 'strimzi.io/cluster': 'main' }, annotations: K8S_PLAN }, spec: { roles: ['broker'] } });
      expect(outcomeOf(CAP_001_STORAGE, rebalance, [kafkaWithPlan])).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(CAP_001_STORAGE, nodePool('controllers', { roles: ['controller'], size: '1Gi' }), [kafkaWithPlan])).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(CAP_001_STORAGE, plannedPool(undefined))).toEqual({ status: 'not-applicable' });
    });
    it('does not apply to a broker pool when neither it nor its Kafka carries a plan', () => {
      expect(outcomeOf(CAP_001_STORAGE, nodePool('brokers', { size: '1Gi' }), [strimziKafka()])).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(CAP_001_STORAGE, nodePool('brokers', { size: '1Gi' }))).toEqual({ status: 'not-applicable' });
    });
    it('reads the plan on a pool that names no cluster', () => {
      const spec = { roles: ['broker'], replicas: 3, storage: { type: 'persistent-claim', size: '100Gi' } };
      expect(findingsOf(CAP_001_STORAGE, plannedPool(spec, null))).toEqual([{ found: "spec.storage is persistent-claim '100Gi' per broker", expected: PER_BROKER_693, fix: STRIMZI_FIX_693 }]);
    });
    it('adds the jbod volumes: 300Gi + 393Gi meets 693 GiB, 300Gi + 392Gi does not', () => {
      const jbod = (...sizes: string[]) => ({ roles: ['broker'], storage: { type: 'jbod', volumes: sizes.map((size, id) => ({ id, type: 'persistent-claim', size })) } });
      expect(outcomeOf(CAP_001_STORAGE, plannedPool(jbod('300Gi', '393Gi')))).toEqual({ status: 'compliant' });
      expect(findingsOf(CAP_001_STORAGE, plannedPool(jbod('300Gi', '392Gi')))).toEqual([{
        found: "spec.storage is jbod of persistent-claim '300Gi' + persistent-claim '392Gi' per broker", expected: PER_BROKER_693, fix: STRIMZI_FIX_693,
      }]);
    });
    it('counts a persistent claim outside a jbod, and no bytes for storage that is not set, not persistent or has no size', () => {
      expect(outcomeOf(CAP_001_STORAGE, plannedPool({ roles: ['broker'], storage: { type: 'persistent-claim', size: '693Gi' } }))).toEqual({ status: 'compliant' });
      const found = (spec: Record<string, unknown>) => findingsOf(CAP_001_STORAGE, plannedPool({ roles: ['broker'], ...spec })).map((f) => f.found);
      expect(found({})).toEqual(['spec.storage is not set per broker']);
      expect(found({ storage: { type: 'jbod' } })).toEqual(['spec.storage is jbod of no volumes per broker']);
      expect(found({ storage: { type: 'ephemeral', size: '1000Gi' } })).toEqual(["spec.storage is 'ephemeral' (not persistent) per broker"]);
      expect(found({ storage: { type: 'persistent-claim', size: 'lots' } })).toEqual(["spec.storage is persistent-claim 'lots' per broker"]);
      expect(found({ storage: { type: 'persistent-claim' } })).toEqual(["spec.storage is persistent-claim 'undefined' per broker"]);
    });
  });

  describe('StatefulSet', () => {
    it('does not apply to another object of the target that carries the plan, nor to a StatefulSet without a plan', () => {
      const configMap = kubernetes('v1', 'ConfigMap', 'kafka', { metadata: { labels: STS_LABELS, annotations: K8S_PLAN }, data: {} });
      expect(outcomeOf(CAP_001_STORAGE, configMap)).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(CAP_001_STORAGE, statefulSet({ storage: '1Gi' }))).toEqual({ status: 'not-applicable' });
    });
    it('fails a StatefulSet without spec or volume claims: no storage', () => {
      expect(findingsOf(CAP_001_STORAGE, plannedStatefulSet(undefined))).toEqual([{ found: 'volumeClaimTemplates request no storage per broker', expected: PER_BROKER_693, fix: STS_FIX_693 }]);
      expect(findingsOf(CAP_001_STORAGE, plannedStatefulSet({ replicas: 3 }))[0].found).toBe('volumeClaimTemplates request no storage per broker');
    });
    it('adds the claims, skipping one that requests no size or an unreadable one', () => {
      expect(outcomeOf(CAP_001_STORAGE, plannedStatefulSet({ volumeClaimTemplates: [claim('300Gi'), claim('lots'), claim('393Gi')] }))).toEqual({ status: 'compliant' });
      const partial = [null, { metadata: { name: 'a' } }, { spec: {} }, { spec: { resources: {} } }, { spec: { resources: { requests: {} } } }, claim('300Gi'), claim('392Gi')];
      expect(findingsOf(CAP_001_STORAGE, plannedStatefulSet({ volumeClaimTemplates: partial }))).toEqual([{
        found: "volumeClaimTemplates request '' + '' + '' + '' + '' + '300Gi' + '392Gi' per broker", expected: PER_BROKER_693, fix: STS_FIX_693,
      }]);
    });
    it('takes the per-broker figure when there are no replicas to divide the planned disk over', () => {
      const annotations = { ...K8S_PLAN, [A.DISK_GIB]: '2077' };
      const sts = (replicas: number, storage: string) => kubernetes('apps/v1', 'StatefulSet', 'kafka', { metadata: { labels: STS_LABELS, annotations }, spec: { replicas, volumeClaimTemplates: [claim(storage)] } });
      expect(findingsOf(CAP_001_STORAGE, sts(0, '692Gi'))[0].expected).toBe(PER_BROKER_693);
      // One replica: the whole planned disk on it.
      expect(findingsOf(CAP_001_STORAGE, sts(1, '2076Gi'))[0].expected).toBe("at least 2077 GiB per broker: capacity plan 'orders' needs 2077 GiB (retained bytes × RF + 20% headroom) over 1 brokers");
      expect(outcomeOf(CAP_001_STORAGE, sts(1, '2077Gi'))).toEqual({ status: 'compliant' });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(CAP_001_STORAGE, 'CAP-001', ['msk', 'strimzi', 'statefulset']);
});
