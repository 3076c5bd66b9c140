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
      it('fails HA-007 with the full message, once, when two client subnets share a zone', () => {
        const { stack, network } = mskStack();
        network.subnets[1].addOverride('availability_zone', 'us-east-1a');
        const message = expectViolation(stack, 'HA-007', CLUSTER, /are all in zone/);
        const lines = message.split('\n').filter((l) => l.includes(`HA-007 [${CLUSTER}]`));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/HA-007 \[production\/Kafka\/Resource\] client subnets aws_subnet\.\S+, aws_subnet\.\S+ are all in zone 'us-east-1a'; expected one client subnet per availability zone, so brokers \(and replicas\) spread over distinct racks\. Put each client subnet in a different availability zone \(KafkaNetwork availabilityZones\)\./);
      });
      it('fails HA-007 when two client subnets share a zone ID (availability_zone_id)', () => {
        const { stack, network } = mskStack();
        for (const subnet of network.subnets.slice(0, 2)) {
          subnet.addOverride('availability_zone', null);
          subnet.addOverride('availability_zone_id', 'use1-az1');
        }
        expectViolation(stack, 'HA-007', CLUSTER, /client subnets aws_subnet\.\S+, aws_subnet\.\S+ are all in zone 'use1-az1'/);
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
      it('fails HA-007 with the full message when the rack type is not topology-label', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/rack/type', 'custom'));
        expect(strimziFixture.synthError(chart)).toContain(`HA-007 [${KAFKA_PATH}] spec.kafka.rack.type is 'custom'; expected 'topology-label' (the rack comes from the node's zone label). Set rack: { type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' }.`);
      });
      it('passes HA-007 with the rack type written out as topology-label', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/rack/type', 'topology-label'));
        expectCompliant(chart, 'HA-007', KAFKA_PATH);
      });
      it('fails HA-007 with the full message, once, when the rack is removed', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/rack'));
        const lines = strimziFixture.synthError(chart).split('\n').filter((l) => l.includes(`HA-007 [${KAFKA_PATH}]`));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`HA-007 [${KAFKA_PATH}] spec.kafka.rack.topologyKey is not set; expected 'topology.kubernetes.io/zone'. Set rack.topologyKey: 'topology.kubernetes.io/zone' (StrimziKafkaCluster sets it).`);
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
      it('fails HA-007 with the full message, once, when the rack init container is removed', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/initContainers/1'));
        const lines = statefulsetFixture.synthError(chart).split('\n').filter((l) => l.includes(`HA-007 [${BROKERS_PATH}]`));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`HA-007 [${BROKERS_PATH}] spec.template.spec.initContainers has no rack init container (an init container with TOPOLOGY_KEY); expected a rack init container that reads the node label 'topology.kubernetes.io/zone' into broker.rack. Create the cluster with KafkaStatefulSetCluster, which adds the rack init container; do not patch it out.`);
      });
      it('fails HA-007 with the full message when TOPOLOGY_KEY is the hostname label', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/initContainers/1/env/1/value', 'kubernetes.io/hostname'));
        expect(statefulsetFixture.synthError(chart)).toContain(`HA-007 [${BROKERS_PATH}] init container 'rack' TOPOLOGY_KEY is 'kubernetes.io/hostname'; expected a rack init container that reads the node label 'topology.kubernetes.io/zone' into broker.rack.`);
      });
      it('fails HA-007 with the full message when NODE_NAME does not come from spec.nodeName', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/initContainers/1/env/0/valueFrom/fieldRef/fieldPath', 'metadata.name'));
        expect(statefulsetFixture.synthError(chart)).toContain(`HA-007 [${BROKERS_PATH}] init container 'rack' NODE_NAME comes from 'metadata.name'; expected the downward API field 'spec.nodeName' (the node the pod runs on). Set env NODE_NAME valueFrom.fieldRef.fieldPath: 'spec.nodeName'.`);
      });
      it('fails HA-007 with the full message when brokerConfig.extra hard-codes broker.rack', () => {
        const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'broker.rack': 'us-east-1a' } } } });
        expect(statefulsetFixture.synthError(chart)).toMatch(/HA-007 \[kafka\/Kafka\/Brokers\] ConfigMap \S+ \S+ broker\.rack is 'us-east-1a', one rack for every broker; expected broker\.rack set per pod from its node zone\. Remove broker\.rack from brokerConfig\.extra; the start script appends it from the zone label\./);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_007_RACK_AWARENESS, 'HA-007', ['msk', 'strimzi', 'statefulset']);
});
