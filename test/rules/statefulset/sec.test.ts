import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { EncryptedStorageClass } from '../../../lib/targets/kubernetes/encrypted-storage-class';
import {
  BROKERS_PATH, BROKER_CONFIG_PATH, CONTROLLERS_PATH, CONTROLLER_CONFIG_PATH, KMS_KEY, expectCompliant, expectViolation, patchProperties, statefulSetChart,
} from '../../support/statefulset-fixture';

const DENY_PATH = 'kafka/Kafka/NetworkPolicies/DenyIngress';
const CLIENTS_PATH = 'kafka/Kafka/NetworkPolicies/AllowClients';
const BOOTSTRAP_PATH = 'kafka/Kafka/BootstrapService';

describe('SEC rules on the StatefulSet', () => {
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

  describe('SEC-002', () => {
    it('passes SEC-002 with TLSv1.3,TLSv1.2', () => {
      expectCompliant(statefulSetChart().chart, 'SEC-002', BROKER_CONFIG_PATH);
    });
    it('fails SEC-002 when a JSON patch enables TLSv1.1', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'ssl.enabled.protocols': 'TLSv1.2,TLSv1.1' });
      expectViolation(chart, 'SEC-002', BROKER_CONFIG_PATH, /ssl.enabled.protocols is 'TLSv1.2,TLSv1.1'; expected 'TLSv1.3,TLSv1.2'/);
    });
    it('fails SEC-002 when ssl.enabled.protocols is not written out on the controllers', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.controllers!, { 'ssl.enabled.protocols': undefined });
      expectViolation(chart, 'SEC-002', CONTROLLER_CONFIG_PATH, /ssl.enabled.protocols is not set/);
    });
    it('fails SEC-002 when one listener overrides its protocols with TLSv1', () => {
      const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'listener.name.scram.ssl.enabled.protocols': 'TLSv1' } } } });
      expectViolation(chart, 'SEC-002', BROKER_CONFIG_PATH, /listener.name.scram.ssl.enabled.protocols is 'TLSv1'/);
    });
  });

  describe('SEC-003', () => {
    it('passes SEC-003 with SCRAM-SHA-512, mutual TLS and an SSL controller listener', () => {
      const { chart } = statefulSetChart({ cluster: { listeners: [
        { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
        { name: 'mtls', port: 9094, authentication: ClientAuthentication.mutualTls() },
      ] } });
      expectCompliant(chart, 'SEC-003', BROKER_CONFIG_PATH);
      expect(chart.complianceReport.entries.find((e) => e.ruleId === 'SEC-003' && e.path === CONTROLLER_CONFIG_PATH)?.status).toBe('compliant');
    });
    it('fails SEC-003 when a JSON patch enables SASL/PLAIN on the client listener', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'listener.name.scram.sasl.enabled.mechanisms': 'SCRAM-SHA-512,PLAIN' });
      expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /listener SCRAM sasl.enabled.mechanisms is 'SCRAM-SHA-512,PLAIN', which enables SASL\/PLAIN/);
    });
    it('fails SEC-003 when the controller listener stops requiring client certificates', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.controllers!, { 'listener.name.controller.ssl.client.auth': 'none' });
      expectViolation(chart, 'SEC-003', CONTROLLER_CONFIG_PATH, /SSL listener CONTROLLER ssl.client.auth is 'none'; expected 'required'/);
    });
    it('fails SEC-003 when the controller listener is switched to SASL_SSL', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.controllers!, { 'listener.security.protocol.map': 'CONTROLLER:SASL_SSL' });
      expectViolation(chart, 'SEC-003', CONTROLLER_CONFIG_PATH, /controller listener CONTROLLER security protocol is 'SASL_SSL'; expected 'SSL' with client certificates/);
    });
    it('fails SEC-003 when an mTLS listener loses ssl.client.auth', () => {
      const { chart, cluster } = statefulSetChart({ cluster: { listeners: [
        { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
        { name: 'mtls', port: 9094, authentication: ClientAuthentication.mutualTls() },
      ] } });
      patchProperties(cluster.brokers, { 'listener.name.mtls.ssl.client.auth': undefined });
      expectViolation(chart, 'SEC-003', BROKER_CONFIG_PATH, /SSL listener MTLS ssl.client.auth is not set; expected 'required'/);
    });
  });

  describe('SEC-004', () => {
    it('passes SEC-004 with the StandardAuthorizer, deny by default and declared super users', () => {
      expectCompliant(statefulSetChart().chart, 'SEC-004', BROKER_CONFIG_PATH);
      expectCompliant(statefulSetChart().chart, 'SEC-004', CONTROLLER_CONFIG_PATH);
    });
    it('fails SEC-004 when a JSON patch allows everyone without ACLs', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'allow.everyone.if.no.acl.found': 'true' });
      expectViolation(chart, 'SEC-004', BROKER_CONFIG_PATH, /allow.everyone.if.no.acl.found is 'true'; expected false/);
    });
    it('fails SEC-004 when the controllers have no authorizer', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.controllers!, { 'authorizer.class.name': undefined });
      expectViolation(chart, 'SEC-004', CONTROLLER_CONFIG_PATH, /authorizer.class.name is not set; expected 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'/);
    });
    it('fails SEC-004 when an undeclared principal is made a super user', () => {
      const { chart, cluster } = statefulSetChart();
      patchProperties(cluster.brokers, { 'super.users': 'User:orders-broker;User:orders-controller;User:platform-admin;User:intruder' });
      expectViolation(chart, 'SEC-004', BROKER_CONFIG_PATH, /super.users contains 'User:intruder'; expected only the declared admins \(platform-admin\)/);
    });
  });

  describe('SEC-006', () => {
    it('passes SEC-006 with the encrypted StorageClass created here', () => {
      expectCompliant(statefulSetChart().chart, 'SEC-006', BROKERS_PATH);
    });
    it('passes SEC-006 with a StorageClass made elsewhere and its declared key, noted in the report', () => {
      const { chart } = statefulSetChart({ cluster: { kmsKeyId: undefined, storageClass: EncryptedStorageClass.fromStorageClassAttributes({ storageClassName: 'platform-gp3', kmsKeyId: KMS_KEY }) } });
      expect(expectCompliant(chart, 'SEC-006', BROKERS_PATH)).toEqual([`StorageClass 'platform-gp3' is managed elsewhere; declared KMS key ${KMS_KEY}.`]);
    });
    it('fails SEC-006 when a JSON patch turns encryption off on the StorageClass', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.encryptedStorageClass!.resource.addJsonPatch(JsonPatch.replace('/parameters/encrypted', 'false'));
      expectViolation(chart, 'SEC-006', CONTROLLERS_PATH, /StorageClass 'kafka-orders-encrypted' parameters.encrypted is 'false'; expected 'true'/);
    });
    it('fails SEC-006 when the volume claim template drops its storageClassName', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.remove('/spec/volumeClaimTemplates/0/spec/storageClassName'));
      expectViolation(chart, 'SEC-006', BROKERS_PATH, /storageClassName is not set, so the cluster's default StorageClass/);
    });
  });

  describe('SEC-007', () => {
    it('passes SEC-007 with deny-by-default and declared peers', () => {
      expectCompliant(statefulSetChart().chart, 'SEC-007', BROKERS_PATH);
      expectCompliant(statefulSetChart().chart, 'SEC-007', CLIENTS_PATH);
      expectCompliant(statefulSetChart().chart, 'SEC-007', BOOTSTRAP_PATH);
    });
    it('fails SEC-007 when a JSON patch removes the deny-by-default policy rule set (adds an allow-all rule)', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.networkPolicies.denyIngress.addJsonPatch(JsonPatch.add('/spec/ingress', [{}]));
      expectViolation(chart, 'SEC-007', BROKERS_PATH, /no NetworkPolicy in namespace 'kafka' denies ingress to the pods of StatefulSet orders-broker by default/);
      expectViolation(chart, 'SEC-007', DENY_PATH, /spec.ingress\[0\].from is "not set"; expected declared peers only/);
    });
    it('fails SEC-007 when a client rule is opened to 0.0.0.0/0', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.replace('/spec/ingress/0/from', [{ ipBlock: { cidr: '0.0.0.0/0' } }]));
      expectViolation(chart, 'SEC-007', CLIENTS_PATH, /spec.ingress\[0\].from is \[\{"ipBlock":\{"cidr":"0.0.0.0\/0"\}\}\]/);
    });
    it('fails SEC-007 when the bootstrap Service becomes a LoadBalancer', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.bootstrapService.addJsonPatch(JsonPatch.replace('/spec/type', 'LoadBalancer'));
      expectViolation(chart, 'SEC-007', BOOTSTRAP_PATH, /spec.type is 'LoadBalancer'; expected 'ClusterIP'/);
    });
  });

  describe('SEC-008', () => {
    it('passes SEC-008 with the authorizer logger at INFO', () => {
      expectCompliant(statefulSetChart().chart, 'SEC-008', BROKERS_PATH);
    });
    it('fails SEC-008 when a JSON patch turns the authorizer logger off', () => {
      const { chart, cluster } = statefulSetChart();
      const text = String(cluster.brokers.configMap.toJson().data['log4j2.properties']).replace('logger.authorizer.level=INFO', 'logger.authorizer.level=OFF');
      cluster.brokers.configMap.addJsonPatch(JsonPatch.replace('/data/log4j2.properties', text));
      expectViolation(chart, 'SEC-008', BROKERS_PATH, /the authorizer logger level in ConfigMap orders-broker-config key log4j2.properties is 'OFF'/);
    });
    it("fails SEC-008 when KAFKA_LOG4J_OPTS is removed (the image's default logs to a file in the container)", () => {
      const { chart, cluster } = statefulSetChart();
      cluster.controllers!.statefulSet.addJsonPatch(JsonPatch.remove('/spec/template/spec/containers/0/env/4'));
      expectViolation(chart, 'SEC-008', CONTROLLERS_PATH, /container 'kafka' KAFKA_LOG4J_OPTS is not set/);
    });
  });

  describe('SEC-010', () => {
    it('passes SEC-010 with keystores from renewed cert-manager Certificates', () => {
      expectCompliant(statefulSetChart().chart, 'SEC-010', BROKERS_PATH);
      expectCompliant(statefulSetChart().chart, 'SEC-010', CONTROLLERS_PATH);
    });
    it('fails SEC-010 when a JSON patch mounts a hand-made keystore Secret', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/volumes/1/secret/secretName', 'hand-made-keystore'));
      expectViolation(chart, 'SEC-010', BROKERS_PATH, /comes from Secret 'hand-made-keystore', which no cert-manager Certificate in the output writes/);
    });
    it('fails SEC-010 when the Certificate loses its renewal window', () => {
      const { chart, cluster } = statefulSetChart();
      cluster.controllers!.certificate.resource.addJsonPatch(JsonPatch.remove('/spec/renewBefore'));
      expectViolation(chart, 'SEC-010', CONTROLLERS_PATH, /Certificate orders-controller-tls sets neither renewBefore nor renewBeforePercentage/);
    });
  });
});

