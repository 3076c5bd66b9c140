// CAP-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskStack, synthJson } from '../support/msk-stack';
import { CapacityPlanAnnotations } from '../../lib/contract/capacity-plan-annotations';
import { plan } from './fixtures/cap-msk-synthesis';
import { formatViolation } from '../../lib/rules/engine';
import { run, mskCluster, strimziKafka, nodePool, statefulSet } from './fixtures/cap-documents';
import { CAP_002_BROKER_COUNT } from '../../lib/rules/cap-002-broker-count';
import { MSK_PLAN, K8S_PLAN } from './fixtures/cap-rules';
import { chart } from './fixtures/cap-kubernetes-synthesis';
import { JsonPatch } from 'cdk8s';

import { itDescribesItself } from './fixtures/metadata';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { STS_LABELS, kubernetes, terraform } from './fixtures/cap-documents';
import { CapacityPlanAnnotations as A } from '../../lib/contract/capacity-plan-annotations';

const EXPECTED_6 = "at least 6, the brokers of capacity plan 'orders'";
const STRIMZI_FIX_6 = "Set the broker node pools' replicas to 6 in total (plan.brokers), a multiple of the zone count.";
describe('MSK', () => {
  describe('CAP rules on MskCluster', () => {

    it('warns CAP-002 (without stopping synthesis) when the cluster has fewer brokers than the plan', () => {
      const { stack, cluster } = mskStack({ cluster: { brokers: 3, volumeSizeGiB: 1000 } });
      CapacityPlanAnnotations.applyToCluster(plan, cluster);
      synthJson(stack);
      const warnings = stack.complianceReport.warnings().filter((e) => e.ruleId === 'CAP-002').map(formatViolation);
      expect(warnings).toEqual([expect.stringContaining("CAP-002 [production/Kafka/Resource] number_of_broker_nodes is 3; expected at least 6, the brokers of capacity plan 'orders'")]);
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
  });
});

describe('Strimzi', () => {
  describe('CAP rules on Kubernetes through KafkaChart synthesis', () => {

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

  describe('CAP-002 brokers are not fewer than the plan (warning)', () => {

    it('passes CAP-002 on Strimzi when the broker pools add up to the plan', () => {
      const docs = [strimziKafka({ annotations: K8S_PLAN }), nodePool('brokers-a', { replicas: 3 }), nodePool('brokers-b', { replicas: 3 }), nodePool('controllers', { roles: ['controller'], replicas: 3 })];
      expect(run(CAP_002_BROKER_COUNT, docs).entries).toEqual([]);
    });

    it('warns CAP-002 on Strimzi when the broker pools have fewer brokers than the plan (controllers do not count)', () => {
      const { lines } = run(CAP_002_BROKER_COUNT, [strimziKafka({ annotations: K8S_PLAN }), nodePool('brokers', { replicas: 3 }), nodePool('controllers', { roles: ['controller'], replicas: 3 })]);
      expect(lines[0]).toContain("CAP-002 [staging/Kafka/Kafka-main] the broker node pools (brokers: 3) have 3 brokers; expected at least 6, the brokers of capacity plan 'orders'");
    });
  });
});

describe('StatefulSet', () => {
  describe('CAP-002 brokers are not fewer than the plan (warning)', () => {

    it('passes CAP-002 on the StatefulSet with the planned replicas, and warns with fewer', () => {
      expect(run(CAP_002_BROKER_COUNT, [statefulSet({ replicas: 6, annotations: K8S_PLAN })]).entries).toEqual([]);
      const { lines } = run(CAP_002_BROKER_COUNT, [statefulSet({ replicas: 3, annotations: K8S_PLAN })]);
      expect(lines[0]).toContain("CAP-002 [staging/Kafka/StatefulSet-kafka] spec.replicas is 3; expected at least 6, the brokers of capacity plan 'orders'");
    });
  });
});

describe('the rule', () => {
  itDescribesItself(CAP_002_BROKER_COUNT, 'CAP-002', ['msk', 'strimzi', 'statefulset']);
});

describe('CAP-002 over single documents (every branch, both sides of the plan, the whole finding)', () => {
  const kafkaWithPlan = strimziKafka({ annotations: K8S_PLAN });
  it('MSK: does not apply to another resource with the plan tags, nor to a cluster without a plan or without planned brokers', () => {
    expect(outcomeOf(CAP_002_BROKER_COUNT, terraform('aws_msk_configuration', 'kafka', { tags: MSK_PLAN }))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(CAP_002_BROKER_COUNT, mskCluster({ brokers: 1 }))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(CAP_002_BROKER_COUNT, mskCluster({ brokers: 1, tags: { [A.TAG_NAME]: 'orders', [A.TAG_STORAGE_GIB]: '693' } }))).toEqual({ status: 'not-applicable' });
  });
  it('MSK: passes the planned 6 brokers and fails 5, with the fix', () => {
    expect(outcomeOf(CAP_002_BROKER_COUNT, mskCluster({ brokers: 6, tags: MSK_PLAN }))).toEqual({ status: 'compliant' });
    expect(findingsOf(CAP_002_BROKER_COUNT, mskCluster({ brokers: 5, tags: MSK_PLAN }))).toEqual([{ found: 'number_of_broker_nodes is 5', expected: EXPECTED_6, fix: 'Set brokers: 6 (plan.brokers).' }]);
  });
  it('Strimzi: does not apply to a node pool that carries the plan, nor to a Kafka without a plan or without planned brokers', () => {
    expect(outcomeOf(CAP_002_BROKER_COUNT, nodePool('brokers', { replicas: 1, annotations: K8S_PLAN }))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(CAP_002_BROKER_COUNT, strimziKafka(), [nodePool('brokers', { replicas: 1 })])).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(CAP_002_BROKER_COUNT, strimziKafka({ annotations: { [A.NAME]: 'orders', [A.STORAGE_GIB]: '693' } }), [nodePool('brokers', { replicas: 1 })])).toEqual({ status: 'not-applicable' });
  });
  it('Strimzi: adds the broker pools (3 + 3 meets 6, 3 + 2 does not) and leaves out controller pools', () => {
    const controllers = nodePool('controllers', { roles: ['controller'], replicas: 3 });
    expect(outcomeOf(CAP_002_BROKER_COUNT, kafkaWithPlan, [nodePool('a', { replicas: 3 }), nodePool('b', { replicas: 3 }), controllers])).toEqual({ status: 'compliant' });
    expect(findingsOf(CAP_002_BROKER_COUNT, kafkaWithPlan, [nodePool('a', { replicas: 3 }), nodePool('b', { replicas: 2 }), controllers])).toEqual([{
      found: 'the broker node pools (a: 3, b: 2) have 5 brokers', expected: EXPECTED_6, fix: STRIMZI_FIX_6,
    }]);
  });
  it('Strimzi: fails a planned Kafka without broker pools', () => {
    expect(findingsOf(CAP_002_BROKER_COUNT, kafkaWithPlan)).toEqual([{ found: 'the broker node pools (none) have 0 brokers', expected: EXPECTED_6, fix: STRIMZI_FIX_6 }]);
  });
  it('StatefulSet: does not apply to another object with the plan, nor to a StatefulSet without a plan or without planned brokers', () => {
    expect(outcomeOf(CAP_002_BROKER_COUNT, kubernetes('v1', 'ConfigMap', 'kafka', { metadata: { labels: STS_LABELS, annotations: K8S_PLAN }, data: {} }))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(CAP_002_BROKER_COUNT, statefulSet({ replicas: 1 }))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(CAP_002_BROKER_COUNT, statefulSet({ replicas: 1, annotations: { [A.NAME]: 'orders', [A.STORAGE_GIB]: '693' } }))).toEqual({ status: 'not-applicable' });
  });
  it('StatefulSet: passes 6 replicas, fails 5, and reads a StatefulSet without spec as 1 replica', () => {
    expect(outcomeOf(CAP_002_BROKER_COUNT, statefulSet({ replicas: 6, annotations: K8S_PLAN }))).toEqual({ status: 'compliant' });
    expect(findingsOf(CAP_002_BROKER_COUNT, statefulSet({ replicas: 5, annotations: K8S_PLAN }))).toEqual([{ found: 'spec.replicas is 5', expected: EXPECTED_6, fix: 'Set brokers: 6 (plan.brokers).' }]);
    const bare = kubernetes('apps/v1', 'StatefulSet', 'kafka', { metadata: { labels: STS_LABELS, annotations: K8S_PLAN } });
    expect(findingsOf(CAP_002_BROKER_COUNT, bare)[0].found).toBe('spec.replicas is 1');
  });
});
