// HA-006: every test that proves this rule, one describe per target it applies to.
import { it, describe, expect } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { strimziChart, BROKER_POOL_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH } from '../support/statefulset-fixture';

const POOL_WHERE = 'spec.template.pod';
const ZONE_FIX = "Set zones: ['<region>a', '<region>b', '<region>c'] on the";
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_006_ZONE_SPREAD } from '../../lib/rules/ha-006-zone-spread';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('HA rules on MSK', () => {

    describe('HA-006', () => {
      it('passes HA-006 with 6 brokers over 3 subnets', () => {
        expectCompliant(mskStack({ cluster: { brokers: 6 } }).stack, 'HA-006', CLUSTER);
      });
      it('fails HA-006 with two zones', () => {
        const { stack } = mskStack({ network: { availabilityZones: ['us-east-1a', 'us-east-1b'] }, cluster: { brokers: 4 } });
        expectViolation(stack, 'HA-006', CLUSTER, /client_subnets has 2 subnet\(s\); expected 3 subnets in 3 availability zones/);
      });
      it('fails HA-006 when an override makes the broker count not a multiple of the subnets', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('number_of_broker_nodes', 4);
        expectViolation(stack, 'HA-006', CLUSTER, /number_of_broker_nodes is 4 with 3 client subnet\(s\); expected a multiple of the subnet count/);
      });
      it('passes HA-006 with 3 brokers over 3 subnets, the smallest spread', () => {
        expectCompliant(mskStack().stack, 'HA-006', CLUSTER);
      });
      it('fails HA-006 with two zones, with the full message', () => {
        const { stack } = mskStack({ network: { availabilityZones: ['us-east-1a', 'us-east-1b'] }, cluster: { brokers: 4 } });
        const message = expectViolation(stack, 'HA-006', CLUSTER, /client_subnets has 2 subnet/);
        expect(message).toContain(`HA-006 [${CLUSTER}] broker_node_group_info.client_subnets has 2 subnet(s); expected 3 subnets in 3 availability zones. Give the cluster a KafkaNetwork with 3 availability zones.`);
        expect(message).not.toContain('number_of_broker_nodes is');
      });
      it('fails HA-006 with the full message when the broker count is not a multiple of the subnets', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('number_of_broker_nodes', 4);
        const message = expectViolation(stack, 'HA-006', CLUSTER, /number_of_broker_nodes is 4/);
        expect(message).toContain(`HA-006 [${CLUSTER}] number_of_broker_nodes is 4 with 3 client subnet(s); expected a multiple of the subnet count (3), one subnet per zone: MSK places the same number of brokers in every zone. Set brokers: 6 (a multiple of 3).`);
        expect(message).not.toContain('client_subnets has');
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('HA-006', () => {
      it('passes HA-006 with 3 brokers pinned to and spread over 3 zones', () => {
        expectCompliant(strimziChart().chart, 'HA-006', BROKER_POOL_PATH);
      });
      it('fails HA-006 when production brokers are pinned to 2 zones', () => {
        const { chart } = strimziChart({ cluster: { zones: ['us-east-1a', 'us-east-1b'], brokerPools: [{ replicas: 4 }] } });
        expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /pins the pods to 2 zone\(s\) \(us-east-1a, us-east-1b\); expected at least 3 zones/);
      });
      it('fails HA-006 when the broker count is not a multiple of the zone count', () => {
        const { chart } = strimziChart({ cluster: { brokerPools: [{ replicas: 4 }] } });
        expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /spec.replicas is 4 over 3 zones; expected a multiple of the zone count \(3\)/);
      });
      it('fails HA-006 when a JSON patch removes the pool template, so the Kafka template applies without zone pinning', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod'));
        cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/template/pod/affinity/nodeAffinity'));
        expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /Kafka orders spec.kafka.template.pod \(the pool has no template.pod\) does not pin the pods to zones/);
      });
      it('fails HA-006 on 2 zones with the full message', () => {
        const { chart } = strimziChart({ cluster: { zones: ['us-east-1a', 'us-east-1b'], brokerPools: [{ replicas: 4 }] } });
        expect(strimziFixture.synthError(chart)).toContain(`pins the pods to 2 zone(s) (us-east-1a, us-east-1b); expected at least 3 zones. ${ZONE_FIX} StrimziKafkaCluster.`);
      });
      it('fails HA-006 with the full message when the replicas do not divide over the zones', () => {
        const { chart } = strimziChart({ cluster: { brokerPools: [{ replicas: 4 }] } });
        expect(strimziFixture.synthError(chart)).toContain(`HA-006 [${BROKER_POOL_PATH}] spec.replicas is 4 over 3 zones; expected a multiple of the zone count (3), so every zone holds the same number of brokers. Set replicas: 6 on the broker pool.`);
      });
      it('passes HA-006 with 6 brokers over 3 zones', () => {
        expectCompliant(strimziChart({ cluster: { brokerPools: [{ replicas: 6 }] } }).chart, 'HA-006', BROKER_POOL_PATH);
      });
      it('fails HA-006 only on the pinning, not the replica count, when the pods are not pinned to zones', () => {
        const { chart, cluster } = strimziChart({ cluster: { brokerPools: [{ replicas: 4 }] } });
        cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution'));
        const lines = strimziFixture.synthError(chart).split('\n').filter((l) => l.includes(`HA-006 [${BROKER_POOL_PATH}]`));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`${POOL_WHERE} does not pin the pods to zones (no required node affinity on topology.kubernetes.io/zone), so the zones they use cannot be checked; expected at least 3 zones. ${ZONE_FIX} StrimziKafkaCluster.`);
      });
      it('fails HA-006 when the zone affinity uses NotIn', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/template/pod/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/operator', 'NotIn'));
        expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /does not pin the pods to zones/);
      });
      it('fails HA-006 with the full message when the only spread is over hosts', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/template/pod/topologySpreadConstraints', [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }]));
        expect(strimziFixture.synthError(chart)).toContain(`HA-006 [${BROKER_POOL_PATH}] ${POOL_WHERE} has no topology spread constraint on topology.kubernetes.io/zone; expected pods spread evenly over the zones. Add a topologySpreadConstraint on topology.kubernetes.io/zone with maxSkew 1 and whenUnsatisfiable DoNotSchedule.`);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-006', () => {
      it('fails HA-006 when the pod template has no affinity at all', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/affinity'));
        expectViolation(chart, 'HA-006', BROKERS_PATH, /spec\.template\.spec does not pin the pods to zones/);
      });
      it('fails HA-006 when the required node affinity pins three hosts, not three zones', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms', [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-a', 'node-b', 'node-c'] }] },
        ]));
        expectViolation(chart, 'HA-006', BROKERS_PATH, /spec\.template\.spec does not pin the pods to zones/);
      });
      it('passes HA-006 when the zone expression follows another term and expression', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms', [
          { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }, { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }] },
        ]));
        expectCompliant(chart, 'HA-006', BROKERS_PATH);
      });
      it('passes HA-006 with 3 brokers over 3 zones', () => {
        expectCompliant(statefulSetChart().chart, 'HA-006', BROKERS_PATH);
      });
      it('fails HA-006 when production brokers are pinned to 2 zones', () => {
        const { chart } = statefulSetChart({ cluster: { zones: ['us-east-1a', 'us-east-1b'], brokers: { replicas: 4 } } });
        expectViolation(chart, 'HA-006', BROKERS_PATH, /pins the pods to 2 zone\(s\) \(us-east-1a, us-east-1b\); expected at least 3 zones/);
      });
      it('fails HA-006 when 4 brokers do not divide over 3 zones', () => {
        const { chart } = statefulSetChart({ cluster: { brokers: { replicas: 4 } } });
        expectViolation(chart, 'HA-006', BROKERS_PATH, /spec.replicas is 4 over 3 zones; expected a multiple of the zone count/);
      });
      it('fails HA-006 when a JSON patch removes the zone spread', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/topologySpreadConstraints'));
        expectViolation(chart, 'HA-006', BROKERS_PATH, /has no topology spread constraint on topology.kubernetes.io\/zone/);
      });
      it('fails HA-006 on 2 zones with the full message', () => {
        const { chart } = statefulSetChart({ cluster: { zones: ['us-east-1a', 'us-east-1b'], brokers: { replicas: 4 } } });
        expect(statefulsetFixture.synthError(chart)).toContain(`pins the pods to 2 zone(s) (us-east-1a, us-east-1b); expected at least 3 zones. ${ZONE_FIX} KafkaStatefulSetCluster.`);
      });
      it('fails HA-006 with the full message when the replicas do not divide over the zones', () => {
        const { chart } = statefulSetChart({ cluster: { brokers: { replicas: 4 } } });
        expect(statefulsetFixture.synthError(chart)).toContain(`HA-006 [${BROKERS_PATH}] spec.replicas is 4 over 3 zones; expected a multiple of the zone count (3), so every zone holds the same number of brokers. Set brokers: { replicas: 6 }.`);
      });
      it('passes HA-006 with 6 brokers over 3 zones', () => {
        expectCompliant(statefulSetChart({ cluster: { brokers: { replicas: 6 } } }).chart, 'HA-006', BROKERS_PATH);
      });
      it('fails HA-006 only on the pinning, not the replica count, when the pods are not pinned to zones', () => {
        const { chart, cluster } = statefulSetChart({ cluster: { brokers: { replicas: 4 } } });
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution'));
        const lines = statefulsetFixture.synthError(chart).split('\n').filter((l) => l.includes(`HA-006 [${BROKERS_PATH}]`));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`spec.template.spec does not pin the pods to zones (no required node affinity on topology.kubernetes.io/zone), so the zones they use cannot be checked; expected at least 3 zones. ${ZONE_FIX} KafkaStatefulSetCluster.`);
      });
      it('fails HA-006 when the zone affinity uses NotIn', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/operator', 'NotIn'));
        expectViolation(chart, 'HA-006', BROKERS_PATH, /does not pin the pods to zones/);
      });
      it('fails HA-006 with the full message when the only spread is over hosts', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/topologySpreadConstraints', [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }]));
        expect(statefulsetFixture.synthError(chart)).toContain(`HA-006 [${BROKERS_PATH}] spec.template.spec has no topology spread constraint on topology.kubernetes.io/zone; expected pods spread evenly over the zones. Add a topologySpreadConstraint on topology.kubernetes.io/zone with maxSkew 1 and whenUnsatisfiable DoNotSchedule.`);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_006_ZONE_SPREAD, 'HA-006', ['msk', 'strimzi', 'statefulset']);
});
