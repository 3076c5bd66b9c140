// HA-006: every test that proves this rule, one describe per target it applies to.
import { it, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { strimziChart, BROKER_POOL_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH } from '../support/statefulset-fixture';
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
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-006', () => {
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
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_006_ZONE_SPREAD, 'HA-006', ['msk', 'strimzi', 'statefulset']);
});
