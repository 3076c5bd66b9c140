// HA-007: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKERS_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_007_RACK_AWARENESS } from '../../lib/rules/ha-007-rack-awareness';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('HA rules on MSK', () => {

    describe('HA-007', () => {
      it('passes HA-007 with subnets in three distinct zones', () => {
        expect(expectCompliant(mskStack().stack, 'HA-007', CLUSTER)).toContain("MSK sets broker.rack to each broker's availability zone ID.");
      });
      it('fails HA-007 when two client subnets are overridden into one zone', () => {
        const { stack, network } = mskStack();
        network.subnets[1].addOverride('availability_zone', 'us-east-1a');
        expectViolation(stack, 'HA-007', CLUSTER, /client subnets aws_subnet\.\S+, aws_subnet\.\S+ are all in zone 'us-east-1a'/);
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('HA-007', () => {
      it('passes HA-007 with rack.topologyKey on the zone label', () => {
        expectCompliant(strimziChart().chart, 'HA-007', KAFKA_PATH);
      });
      it('fails HA-007 when a JSON patch moves the rack to the hostname label', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/rack/topologyKey', 'kubernetes.io/hostname'));
        expectViolation(chart, 'HA-007', KAFKA_PATH, /spec.kafka.rack.topologyKey is 'kubernetes.io\/hostname'; expected 'topology.kubernetes.io\/zone'/);
      });
      it('fails HA-007 when broker.rack is patched into spec.kafka.config (Strimzi drops it)', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/broker.rack', 'us-east-1a'));
        expectViolation(chart, 'HA-007', KAFKA_PATH, /key 'broker.rack' is set, and Strimzi 1.2 silently drops keys starting with 'broker.'/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-007', () => {
      it('passes HA-007 with the rack init container reading the zone label', () => {
        expectCompliant(statefulSetChart().chart, 'HA-007', BROKERS_PATH);
      });
      it('fails HA-007 when a JSON patch removes the rack init container', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/initContainers/1'));
        expectViolation(chart, 'HA-007', BROKERS_PATH, /has no rack init container/);
      });
      it('fails HA-007 when the rack is read from the hostname label instead of the zone', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/initContainers/1/env/1/value', 'kubernetes.io/hostname'));
        expectViolation(chart, 'HA-007', BROKERS_PATH, /init container 'rack' TOPOLOGY_KEY is 'kubernetes.io\/hostname'/);
      });
      it('fails HA-007 when brokerConfig.extra hard-codes broker.rack', () => {
        const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'broker.rack': 'us-east-1a' } } } });
        expectViolation(chart, 'HA-007', BROKERS_PATH, /broker.rack is 'us-east-1a', one rack for every broker/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_007_RACK_AWARENESS, 'HA-007', ['msk', 'strimzi', 'statefulset']);
});
