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

import { SEC_001_ENCRYPTION_IN_TRANSIT as SEC_001 } from '../../lib/rules/sec-001-encryption-in-transit';
import { kubernetes, mskCluster, mskConfiguration, strimziKafka, terraform } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { nodeConfigMap } from './fixtures/statefulset-documents';
import { SEC_001_ENCRYPTION_IN_TRANSIT } from '../../lib/rules/sec-001-encryption-in-transit';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('SEC-001 over the documents (both settings, both sides, the whole finding)', () => {
    const cluster = (transit: Record<string, unknown> | undefined) =>
      terraform('aws_msk_cluster', 'kafka', { ...mskCluster().body, ...(transit ? { encryption_info: { encryption_in_transit: transit } } : {}) });

    it('passes client_broker TLS with in_cluster true, written as a boolean or as a string', () => {
      expect(outcomeOf(SEC_001, cluster({ client_broker: 'TLS', in_cluster: true }))).toEqual({ status: 'compliant' });
      expect(outcomeOf(SEC_001, cluster({ client_broker: 'TLS', in_cluster: 'true' }))).toEqual({ status: 'compliant' });
    });
    it('fails TLS_PLAINTEXT, with the fix', () => {
      expect(findingsOf(SEC_001, cluster({ client_broker: 'TLS_PLAINTEXT', in_cluster: true }))).toEqual([{
        found: "encryption_info.encryption_in_transit.client_broker is 'TLS_PLAINTEXT'",
        expected: "'TLS', written out (TLS_PLAINTEXT and PLAINTEXT open a plaintext listener)",
        fix: 'Set client_broker = "TLS" (MskCluster writes it).',
      }]);
    });
    it('fails in_cluster false', () => {
      expect(findingsOf(SEC_001, cluster({ client_broker: 'TLS', in_cluster: false }))).toEqual([
        { found: 'encryption_info.encryption_in_transit.in_cluster is false', expected: 'true, written out', fix: 'Set in_cluster = true (MskCluster writes it).' },
      ]);
    });
    it('fails both when encryption in transit is left to the defaults', () => {
      expect(findingsOf(SEC_001, cluster(undefined)).map((f) => f.found)).toEqual([
        'encryption_info.encryption_in_transit.client_broker is not set',
        'encryption_info.encryption_in_transit.in_cluster is not set',
      ]);
    });
    it('does not apply to the MSK configuration', () => {
      expect(outcomeOf(SEC_001, mskConfiguration({}))).toEqual({ status: 'not-applicable' });
    });
  });

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
  describe('SEC-001 over the documents (every listener, the whole finding)', () => {
    const kafka = (listeners: unknown[]) => {
      const k = strimziKafka();
      return kubernetes('kafka.strimzi.io/v1', 'Kafka', 'main', { ...k.body, spec: { kafka: { ...k.body.spec.kafka, listeners } } });
    };
    it('passes listeners that all have tls: true', () => {
      expect(outcomeOf(SEC_001, kafka([{ name: 'tls', port: 9093, tls: true }, { name: 'external', port: 9094, tls: true }]))).toEqual({ status: 'compliant' });
    });
    it('fails each listener without tls: true, naming it, its port and the fix', () => {
      expect(findingsOf(SEC_001, kafka([{ name: 'tls', port: 9093, tls: true }, { name: 'plain', port: 9092, tls: false }, { name: 'other', port: 9095 }]))).toEqual([
        { found: "listener 'plain' (port 9092) has tls false", expected: 'true: plaintext listeners are refused in every environment', fix: 'Remove tls: false, or the override that sets it (listeners are TLS by default).' },
        { found: "listener 'other' (port 9095) has tls not set", expected: 'true: plaintext listeners are refused in every environment', fix: 'Remove tls: false, or the override that sets it (listeners are TLS by default).' },
      ]);
    });
    it('does not apply to a KafkaTopic', () => {
      expect(outcomeOf(SEC_001, kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', { spec: {} }))).toEqual({ status: 'not-applicable' });
    });
  });

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
  describe('SEC-001 over the documents (every listener, the inter-broker listener, the whole finding)', () => {
    const broker = (props: Record<string, string>) => nodeConfigMap('kafka-brokers', { 'process.roles': 'broker', ...props });
    const interFinding = {
      found: "data['server.properties'] sets neither inter.broker.listener.name nor an encrypted security.inter.broker.protocol, so brokers replicate over PLAINTEXT",
      expected: 'broker-to-broker traffic on an SSL or SASL_SSL listener',
      fix: 'Set inter.broker.listener.name=REPLICATION (a SASL_SSL listener).',
    };

    it('passes SSL and SASL_SSL listeners with a named inter-broker listener', () => {
      expect(outcomeOf(SEC_001, broker({
        listeners: 'CLIENTS://:9093,REPLICATION://:9094', 'listener.security.protocol.map': 'CLIENTS:SASL_SSL,REPLICATION:SSL', 'inter.broker.listener.name': 'REPLICATION',
      }))).toEqual({ status: 'compliant' });
    });
    it('passes a broker that replicates through security.inter.broker.protocol=SSL or SASL_SSL instead of a named listener', () => {
      for (const protocol of ['SSL', 'SASL_SSL']) {
        expect(outcomeOf(SEC_001, broker({ listeners: 'SSL://:9093', 'security.inter.broker.protocol': protocol })), protocol).toEqual({ status: 'compliant' });
      }
    });
    it('fails a broker that names no inter-broker listener and no encrypted protocol (Kafka replicates over PLAINTEXT)', () => {
      expect(findingsOf(SEC_001, broker({ listeners: 'SSL://:9093' }))).toEqual([interFinding]);
      expect(findingsOf(SEC_001, broker({ listeners: 'SSL://:9093', 'security.inter.broker.protocol': 'PLAINTEXT' }))).toEqual([interFinding]);
    });
    it('does not ask a controller for an inter-broker listener', () => {
      expect(outcomeOf(SEC_001, nodeConfigMap('kafka-controllers', { 'process.roles': 'controller', listeners: 'CONTROLLER://:9090', 'listener.security.protocol.map': 'CONTROLLER:SSL', 'controller.listener.names': 'CONTROLLER' }))).toEqual({ status: 'compliant' });
    });
    it('fails a plaintext listener, a SASL_PLAINTEXT one and an unmapped one, naming each and the fix', () => {
      expect(findingsOf(SEC_001, broker({
        listeners: 'PLAINTEXT://:9092,SASL://:9093,ODD://:9095,REPLICATION://:9094',
        'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL:SASL_PLAINTEXT,REPLICATION:SSL', 'inter.broker.listener.name': 'REPLICATION',
      }))).toEqual([
        { found: "data['server.properties'] listener PLAINTEXT security protocol is 'PLAINTEXT'", expected: "'SSL' or 'SASL_SSL': plaintext listeners are refused", fix: 'Map PLAINTEXT to SSL or SASL_SSL in listener.security.protocol.map.' },
        { found: "data['server.properties'] listener SASL security protocol is 'SASL_PLAINTEXT'", expected: "'SSL' or 'SASL_SSL': plaintext listeners are refused", fix: 'Map SASL to SSL or SASL_SSL in listener.security.protocol.map.' },
        { found: "data['server.properties'] listener ODD security protocol is not set", expected: "'SSL' or 'SASL_SSL': plaintext listeners are refused", fix: 'Map ODD to SSL or SASL_SSL in listener.security.protocol.map.' },
      ]);
    });
    it('does not apply to a ConfigMap without Kafka properties, nor to a StatefulSet', () => {
      expect(outcomeOf(SEC_001, kubernetes('v1', 'ConfigMap', 'other', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, data: {} }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(SEC_001, kubernetes('apps/v1', 'StatefulSet', 'kafka', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, spec: {} }))).toEqual({ status: 'not-applicable' });
    });
  });

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

describe('the rule', () => {
  itDescribesItself(SEC_001_ENCRYPTION_IN_TRANSIT, 'SEC-001', ['msk', 'strimzi', 'statefulset']);
});
