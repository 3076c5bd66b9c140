// SEC-003: every test that proves this rule, one describe per target it applies to.
import { it, describe, expect } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-sec';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKER_CONFIG_PATH, CONTROLLER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { SEC_003_AUTHENTICATION } from '../../lib/rules/sec-003-authentication';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('SEC rules on MSK', () => {

    describe('SEC-003', () => {
      it('passes SEC-003 with SCRAM and IAM and unauthenticated false', () => {
        expectCompliant(mskStack().stack, 'SEC-003', CLUSTER);
      });
      it('fails SEC-003 when an override allows unauthenticated access', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('client_authentication.unauthenticated', true);
        expectViolation(stack, 'SEC-003', CLUSTER, /client_authentication.unauthenticated is true; expected false/);
      });
      it('fails SEC-003 when an override turns every mode off', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('client_authentication.sasl', { scram: false, iam: false });
        expectViolation(stack, 'SEC-003', CLUSTER, /no client authentication mode is on/);
      });
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

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
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

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
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_003_AUTHENTICATION, 'SEC-003', ['msk', 'strimzi', 'statefulset']);
});
