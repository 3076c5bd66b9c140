// SEC-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-sec';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { drFixture, DR_KAFKA_PATH } from '../support/mirror-maker-2-fixture';
import { statefulSetChart, BROKER_CONFIG_PATH, CONTROLLER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

describe('MSK', () => {
  describe('SEC rules on MSK', () => {
    describe('SEC-001', () => {
      it('passes SEC-001 with client_broker TLS and in_cluster true written out', () => {
        expectCompliant(mskStack().stack, 'SEC-001', CLUSTER);
      });
      it('fails SEC-001 when an override sets client_broker to TLS_PLAINTEXT', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('encryption_info.encryption_in_transit.client_broker', 'TLS_PLAINTEXT');
        expectViolation(stack, 'SEC-001', CLUSTER, /client_broker is 'TLS_PLAINTEXT'; expected 'TLS'/);
      });
      it('fails SEC-001 when an override turns in-cluster encryption off', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('encryption_info.encryption_in_transit.in_cluster', false);
        expectViolation(stack, 'SEC-001', CLUSTER, /in_cluster is false; expected true/);
      });
    });

    it('reports every violation of a broken cluster in one error, one line each', () => {
      const { stack, cluster } = mskStack();
      cluster.resource.addOverride('encryption_info.encryption_in_transit.client_broker', 'PLAINTEXT');
      cluster.resource.addOverride('broker_node_group_info.connectivity_info.public_access.type', 'SERVICE_PROVIDED_EIPS');
      cluster.resource.addOverride('number_of_broker_nodes', 1);
      const message = expectViolation(stack, 'SEC-001', CLUSTER, /client_broker is 'PLAINTEXT'/);
      expect(message).toContain(`SEC-007 [${CLUSTER}]`);
      expect(message).toContain(`HA-001 [${CLUSTER}]`);
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;
    describe('SEC-001', () => {
      it('passes SEC-001 with TLS on every listener', () => {
        expectCompliant(strimziChart().chart, 'SEC-001', KAFKA_PATH);
      });
      it('fails SEC-001 when a JSON patch turns TLS off on the listener', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/tls', false));
        expectViolation(chart, 'SEC-001', KAFKA_PATH, /listener 'tls' \(port 9093\) has tls false; expected true: plaintext listeners are refused/);
      });
      it('fails SEC-001 when listeners is patched into spec.kafka.config (Strimzi drops it)', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/listeners', 'PLAINTEXT://:9092'));
        expectViolation(chart, 'SEC-001', KAFKA_PATH, /key 'listeners' is set, and Strimzi 1.2 silently drops/);
      });
    });
  });

  describe('DR-004: the DR cluster follows every HA and SEC rule', () => {
    const { expectViolation } = strimziFixture;
    it('refuses a DR cluster that breaks SEC-001 (a plaintext listener)', () => {
      const f = drFixture();
      f.cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/tls', false));
      expectViolation(f.chart, 'SEC-001', DR_KAFKA_PATH, /has tls false; expected true/);
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;
    describe('SEC-001', () => {
      it('passes SEC-001 with SSL and SASL_SSL listeners on brokers and controllers', () => {
        expectCompliant(statefulSetChart().chart, 'SEC-001', BROKER_CONFIG_PATH);
        expectCompliant(statefulSetChart().chart, 'SEC-001', CONTROLLER_CONFIG_PATH);
      });
      it('fails SEC-001 when a JSON patch maps the client listener to SASL_PLAINTEXT', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'listener.security.protocol.map': 'CONTROLLER:SSL,REPLICATION:SASL_SSL,SCRAM:SASL_PLAINTEXT' });
        expectViolation(chart, 'SEC-001', BROKER_CONFIG_PATH, /listener SCRAM security protocol is 'SASL_PLAINTEXT'; expected 'SSL' or 'SASL_SSL'/);
      });
      it('fails SEC-001 when a plaintext listener is added to the controllers', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'listeners': 'CONTROLLER://:9090,PLAINTEXT://:9092', 'listener.security.protocol.map': 'CONTROLLER:SSL,PLAINTEXT:PLAINTEXT' });
        expectViolation(chart, 'SEC-001', CONTROLLER_CONFIG_PATH, /listener PLAINTEXT security protocol is 'PLAINTEXT'/);
      });
      it('fails SEC-001 when the inter-broker listener is removed (Kafka would replicate over PLAINTEXT)', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'inter.broker.listener.name': undefined });
        expectViolation(chart, 'SEC-001', BROKER_CONFIG_PATH, /sets neither inter.broker.listener.name nor an encrypted security.inter.broker.protocol/);
      });
    });
  });
});
