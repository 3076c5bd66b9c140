// SEC-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-sec';
import { strimziChart, KAFKA_PATH, expectViolation } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKER_CONFIG_PATH, patchProperties, CONTROLLER_CONFIG_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

describe('MSK', () => {
  describe('SEC rules on MSK', () => {

    describe('SEC-002', () => {
      it('reports SEC-002 compliant by construction on MSK (AWS-managed TLS 1.2+; nothing can break it)', () => {
        const notes = expectCompliant(mskStack().stack, 'SEC-002', CLUSTER);
        expect(notes.join(' ')).toMatch(/TLS 1.2 or newer/);
      });
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {
    const { expectCompliant } = strimziFixture;

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
  });
});

describe('StatefulSet', () => {
  describe('SEC rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

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
  });
});
