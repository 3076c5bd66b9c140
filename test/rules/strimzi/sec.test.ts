import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { EncryptedStorageClass } from '../../../lib/targets/kubernetes/encrypted-storage-class';
import {
  BROKER_POOL_PATH, KAFKA_PATH, KMS_KEY, expectCompliant, expectViolation, strimziChart,
} from '../../support/strimzi-fixture';

const DENY_PATH = 'kafka/Kafka/NetworkPolicies/DenyIngress';

/** The validation errors of a chart, one per line (empty when synthesis would pass). */
function synthMessage(chart: { node: { validate(): string[] } }): string {
  return chart.node.validate().join('\n');
}
const PROMETHEUS_PATH = 'kafka/Kafka/NetworkPolicies/AllowPrometheus';

describe('SEC rules on Strimzi', () => {
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

  describe('SEC-002', () => {
    it('passes SEC-002 with TLSv1.3,TLSv1.2', () => {
      expectCompliant(strimziChart().chart, 'SEC-002', KAFKA_PATH);
    });
    it('fails SEC-002 when a JSON patch enables TLSv1.1', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/ssl.enabled.protocols', 'TLSv1.2,TLSv1.1'));
      expectViolation(chart, 'SEC-002', KAFKA_PATH, /ssl.enabled.protocols is 'TLSv1.2,TLSv1.1'; expected 'TLSv1.3,TLSv1.2'/);
    });
    it('fails SEC-002 when ssl.keystore.location is patched in (Strimzi drops it)', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/ssl.keystore.location', '/tmp/ks.p12'));
      expectViolation(chart, 'SEC-002', KAFKA_PATH, /key 'ssl.keystore.location' is set, and Strimzi 1.2 silently drops keys starting with 'ssl.'/);
    });
  });

  describe('SEC-003', () => {
    it('passes SEC-003 with SCRAM-SHA-512 on the listener', () => {
      expectCompliant(strimziChart().chart, 'SEC-003', KAFKA_PATH);
    });
    it('fails SEC-003 when a JSON patch removes the listener authentication', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/listeners/0/authentication'));
      expectViolation(chart, 'SEC-003', KAFKA_PATH, /listener 'tls' \(port 9093\) authentication is not set; expected 'scram-sha-512', 'tls'/);
    });
    it('fails SEC-003 when a custom authentication enables SASL/PLAIN', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/authentication', { type: 'custom', sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'PLAIN' } }));
      expectViolation(chart, 'SEC-003', KAFKA_PATH, /listener 'tls' enables SASL\/PLAIN/);
    });
    it('fails SEC-003 when sasl.enabled.mechanisms is patched into spec.kafka.config', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/sasl.enabled.mechanisms', 'PLAIN'));
      expectViolation(chart, 'SEC-003', KAFKA_PATH, /key 'sasl.enabled.mechanisms' is set/);
    });
  });

  describe('SEC-004', () => {
    it('passes SEC-004 with simple authorization, deny by default and the declared admin', () => {
      expectCompliant(strimziChart().chart, 'SEC-004', KAFKA_PATH);
    });
    it('fails SEC-004 when a JSON patch adds an undeclared super user', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/authorization/superUsers/-', 'orders-app'));
      expectViolation(chart, 'SEC-004', KAFKA_PATH, /superUsers contains 'orders-app'; expected only the declared admins \(platform-admin\)/);
    });
    it('fails SEC-004 when allow.everyone.if.no.acl.found is patched to true', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/allow.everyone.if.no.acl.found', true));
      expectViolation(chart, 'SEC-004', KAFKA_PATH, /allow.everyone.if.no.acl.found is 'true'; expected false/);
    });
    it('fails SEC-004 when authorization is removed', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/authorization'));
      expectViolation(chart, 'SEC-004', KAFKA_PATH, /spec.kafka.authorization.type is not set; expected 'simple'/);
    });
    it('fails SEC-004 when authorizer.class.name is patched in (Strimzi drops it)', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/authorizer.class.name', 'x'));
      expectViolation(chart, 'SEC-004', KAFKA_PATH, /key 'authorizer.class.name' is set/);
    });
  });

  describe('SEC-006', () => {
    it('passes SEC-006 with the EncryptedStorageClass created by the cluster', () => {
      expectCompliant(strimziChart().chart, 'SEC-006', BROKER_POOL_PATH);
    });
    it('passes SEC-006 with a StorageClass made elsewhere and notes its declared key', () => {
      const storageClass = EncryptedStorageClass.fromStorageClassAttributes({ storageClassName: 'platform-gp3', kmsKeyId: KMS_KEY });
      const { chart } = strimziChart({ cluster: { storageClass, kmsKeyId: undefined } });
      expect(expectCompliant(chart, 'SEC-006', BROKER_POOL_PATH)).toEqual([`StorageClass 'platform-gp3' is managed elsewhere; declared KMS key ${KMS_KEY}.`]);
    });
    it('fails SEC-006 when a JSON patch turns StorageClass encryption off', () => {
      const { chart, cluster } = strimziChart();
      cluster.encryptedStorageClass!.resource.addJsonPatch(JsonPatch.replace('/parameters/encrypted', 'false'));
      expectViolation(chart, 'SEC-006', BROKER_POOL_PATH, /StorageClass 'orders-encrypted' parameters.encrypted is 'false'; expected 'true'/);
    });
    it('fails SEC-006 when a pool names a StorageClass that is neither here nor declared', () => {
      const { chart, cluster } = strimziChart();
      cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/storage/volumes/0/class', 'gp2'));
      expectViolation(chart, 'SEC-006', BROKER_POOL_PATH, /class is 'gp2', a StorageClass that is not in this synthesis, and no KMS key is declared/);
    });
  });

  describe('SEC-007', () => {
    it('passes SEC-007 on the Kafka and on the support NetworkPolicies', () => {
      const { chart } = strimziChart();
      expectCompliant(chart, 'SEC-007', KAFKA_PATH);
      expectCompliant(chart, 'SEC-007', DENY_PATH);
      expectCompliant(chart, 'SEC-007', PROMETHEUS_PATH);
    });
    it('fails SEC-007 when a JSON patch removes the listener networkPolicyPeers', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/listeners/0/networkPolicyPeers'));
      expectViolation(chart, 'SEC-007', KAFKA_PATH, /listener 'tls' has no networkPolicyPeers, so Strimzi's NetworkPolicy admits every pod/);
    });
    it('fails SEC-007 when a listener is patched to a load balancer open to 0.0.0.0/0', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/type', 'loadbalancer'));
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/networkPolicyPeers', [{ ipBlock: { cidr: '0.0.0.0/0' } }]));
      expectViolation(chart, 'SEC-007', KAFKA_PATH, /listener 'tls' type is 'loadbalancer'/);
      expectViolation(chart, 'SEC-007', KAFKA_PATH, /networkPolicyPeers contains \{"ipBlock":\{"cidr":"0.0.0.0\/0"\}\}/);
    });
    it('fails SEC-007 when the deny-by-default policy gets an allow-all rule', () => {
      const { chart, cluster } = strimziChart();
      cluster.networkPolicies.denyIngress.addJsonPatch(JsonPatch.add('/spec/ingress', [{}]));
      expectViolation(chart, 'SEC-007', KAFKA_PATH, /no NetworkPolicy in namespace 'kafka' denies ingress to the pods of orders/);
      expectViolation(chart, 'SEC-007', DENY_PATH, /spec.ingress\[0\].from is "not set"; expected declared peers only/);
    });
  });

  describe('SEC-008', () => {
    it('passes SEC-008 with the authorizer logger at INFO', () => {
      expectCompliant(strimziChart().chart, 'SEC-008', KAFKA_PATH);
    });
    it('fails SEC-008 when a JSON patch turns the authorizer logger OFF', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/logging/loggers/logger.authorizer.level', 'OFF'));
      expectViolation(chart, 'SEC-008', KAFKA_PATH, /authorizer logger level is 'OFF'; expected the authorizer logger at INFO/);
    });
    it('fails SEC-008 when logging points at a ConfigMap outside the synthesis', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/logging', { type: 'external', valueFrom: { configMapKeyRef: { name: 'kafka-logging', key: 'log4j2.properties' } } }));
      expectViolation(chart, 'SEC-008', KAFKA_PATH, /spec.kafka.logging is external \(ConfigMap 'kafka-logging' key 'log4j2.properties'\), which is not in this synthesis/);
    });
  });

  describe('SEC-009', () => {
    it('passes SEC-009 on the Kafka resource, which references its secrets only', () => {
      expectCompliant(strimziChart().chart, 'SEC-009', KAFKA_PATH);
    });
    it('fails SEC-009 when a JSON patch adds a literal password env var to the Kafka container template', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/template/kafkaContainer', { env: [{ name: 'KEYSTORE_PASSWORD', value: 'hunter2-hunter2' }] }));
      expectViolation(chart, 'SEC-009', KAFKA_PATH, /Kafka\/\S+\.spec\.kafka\.template\.kafkaContainer\.env\[0\]\.value holds a literal value for environment variable 'KEYSTORE_PASSWORD'; expected a reference to a secret/);
      const message = synthMessage(chart);
      expect(message).toMatch(/^SEC-009 \[kafka\/Kafka\/Resource\] /m);
      expect(message).not.toContain('hunter2');
    });
    it('fails SEC-009 in development too (SEC-009 is an error in every environment)', () => {
      const { chart, cluster } = strimziChart({ profile: EnvironmentProfile.DEVELOPMENT });
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/template/kafkaContainer', { env: [{ name: 'ADMIN_PASSWORD', value: 'hunter2-hunter2' }] }));
      expectViolation(chart, 'SEC-009', KAFKA_PATH, /holds a literal value for environment variable 'ADMIN_PASSWORD'/);
    });
    it('passes SEC-009 when the env var references a Secret (secretKeyRef)', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/template/kafkaContainer', { env: [{ name: 'KEYSTORE_PASSWORD', valueFrom: { secretKeyRef: { name: 'kafka-keystore', key: 'password' } } }] }));
      expectCompliant(chart, 'SEC-009', KAFKA_PATH);
    });
  });

  describe('SEC-010', () => {
    it('passes SEC-010 with operator-managed CAs', () => {
      expectCompliant(strimziChart().chart, 'SEC-010', KAFKA_PATH);
    });
    it('fails SEC-010 when a JSON patch switches the cluster CA to a hand-managed one', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/clusterCa', { generateCertificateAuthority: false }));
      expectViolation(chart, 'SEC-010', KAFKA_PATH, /spec.clusterCa.generateCertificateAuthority is false/);
    });
    it('fails SEC-010 when a listener uses a custom certificate', () => {
      const { chart, cluster } = strimziChart();
      cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/listeners/0/configuration', { brokerCertChainAndKey: { secretName: 'my-cert', certificate: 'tls.crt', key: 'tls.key' } }));
      expectViolation(chart, 'SEC-010', KAFKA_PATH, /listener 'tls' uses a custom certificate/);
    });
  });
});
