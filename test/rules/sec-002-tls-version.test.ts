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

import { SEC_002_TLS_VERSION as SEC_002 } from '../../lib/rules/sec-002-tls-version';
import { kubernetes, mskCluster, mskConfiguration, strimziKafka } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { nodeConfigMap } from './fixtures/statefulset-documents';
import { SEC_002_TLS_VERSION } from '../../lib/rules/sec-002-tls-version';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('SEC-002 over the documents', () => {
    it('passes an MSK cluster with a note that its listeners are AWS-managed', () => {
      expect(outcomeOf(SEC_002, mskCluster())).toEqual({ status: 'compliant', notes: ['MSK listeners are AWS-managed and accept TLS 1.2 or newer only; nothing to configure.'] });
    });
    it('does not apply to the MSK configuration', () => {
      expect(outcomeOf(SEC_002, mskConfiguration({}))).toEqual({ status: 'not-applicable' });
    });
  });

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
  describe('SEC-002 over the documents (every protocol setting, both sides, the whole finding)', () => {
    const kafka = (config: Record<string, string>, listeners?: unknown[]) => {
      const k = strimziKafka({ config });
      return listeners ? kubernetes('kafka.strimzi.io/v1', 'Kafka', 'main', { ...k.body, spec: { kafka: { ...k.body.spec.kafka, listeners } } }) : k;
    };
    const enabledFinding = (found: string) => ({ found, expected: "'TLSv1.3,TLSv1.2', written out (TLS 1.0 and 1.1 refused)", fix: "Set ssl.enabled.protocols: 'TLSv1.3,TLSv1.2' in spec.kafka.config." });

    it('passes TLSv1.3,TLSv1.2, and each of them alone', () => {
      for (const v of ['TLSv1.3,TLSv1.2', 'TLSv1.2', 'TLSv1.3', ' TLSv1.3 , TLSv1.2 ']) expect(outcomeOf(SEC_002, kafka({ 'ssl.enabled.protocols': v })), v).toEqual({ status: 'compliant' });
    });
    it('fails ssl.enabled.protocols unset, or empty', () => {
      expect(findingsOf(SEC_002, kafka({}))).toEqual([enabledFinding('spec.kafka.config ssl.enabled.protocols is not set')]);
      expect(findingsOf(SEC_002, kafka({ 'ssl.enabled.protocols': ' , ' }))).toEqual([enabledFinding("spec.kafka.config ssl.enabled.protocols is ' , '")]);
    });
    it('fails a list that adds TLSv1.1 to a modern one', () => {
      expect(findingsOf(SEC_002, kafka({ 'ssl.enabled.protocols': 'TLSv1.3,TLSv1.1' }))).toEqual([enabledFinding("spec.kafka.config ssl.enabled.protocols is 'TLSv1.3,TLSv1.1'")]);
    });
    it('passes ssl.protocol TLSv1.3 or TLSv1.2, and fails TLSv1 and TLSv1.1', () => {
      for (const v of ['TLSv1.3', 'TLSv1.2']) expect(outcomeOf(SEC_002, kafka({ 'ssl.enabled.protocols': 'TLSv1.3', 'ssl.protocol': v })), v).toEqual({ status: 'compliant' });
      for (const v of ['TLSv1', 'TLSv1.1']) {
        expect(findingsOf(SEC_002, kafka({ 'ssl.enabled.protocols': 'TLSv1.3', 'ssl.protocol': v }))).toEqual([
          { found: `spec.kafka.config ssl.protocol is '${v}'`, expected: "'TLSv1.3' or 'TLSv1.2'", fix: "Set ssl.protocol: 'TLSv1.3'." },
        ]);
      }
    });
    it('checks the ssl.enabled.protocols of a listener override', () => {
      const listener = (protocols?: string) => ({ name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'tls', ...(protocols ? { listenerConfig: { 'ssl.enabled.protocols': protocols } } : {}) } });
      expect(outcomeOf(SEC_002, kafka({ 'ssl.enabled.protocols': 'TLSv1.3' }, [listener(), listener('TLSv1.3, TLSv1.2')]))).toEqual({ status: 'compliant' });
      expect(findingsOf(SEC_002, kafka({ 'ssl.enabled.protocols': 'TLSv1.3' }, [listener('TLSv1.2,TLSv1')]))).toEqual([
        { found: "listener 'tls' listenerConfig ssl.enabled.protocols is 'TLSv1.2,TLSv1'", expected: 'only TLSv1.2 and TLSv1.3', fix: 'Remove the listener override or list only TLSv1.3,TLSv1.2.' },
      ]);
    });
    it('does not apply to a KafkaTopic', () => {
      expect(outcomeOf(SEC_002, kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', { spec: {} }))).toEqual({ status: 'not-applicable' });
    });
  });

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
  describe('SEC-002 over the documents (every protocol setting, both sides, the whole finding)', () => {
    const node = (props: Record<string, string>) => nodeConfigMap('kafka-brokers', { 'process.roles': 'broker', ...props });
    const enabledFinding = (found: string) => ({ found, expected: "'TLSv1.3,TLSv1.2', written out (TLS 1.0 and 1.1 refused)", fix: 'Set ssl.enabled.protocols=TLSv1.3,TLSv1.2.' });

    it('passes TLSv1.3,TLSv1.2 and each alone, also on a controller (every properties file)', () => {
      for (const v of ['TLSv1.3,TLSv1.2', 'TLSv1.2', 'TLSv1.3']) expect(outcomeOf(SEC_002, node({ 'ssl.enabled.protocols': v })), v).toEqual({ status: 'compliant' });
      expect(findingsOf(SEC_002, nodeConfigMap('kafka-controllers', { 'process.roles': 'controller' }))).toEqual([enabledFinding("data['server.properties'] ssl.enabled.protocols is not set")]);
    });
    it('fails ssl.enabled.protocols unset, empty, or with TLSv1', () => {
      expect(findingsOf(SEC_002, node({}))).toEqual([enabledFinding("data['server.properties'] ssl.enabled.protocols is not set")]);
      expect(findingsOf(SEC_002, node({ 'ssl.enabled.protocols': '' }))).toEqual([enabledFinding("data['server.properties'] ssl.enabled.protocols is ''")]);
      expect(findingsOf(SEC_002, node({ 'ssl.enabled.protocols': 'TLSv1.2,TLSv1' }))).toEqual([enabledFinding("data['server.properties'] ssl.enabled.protocols is 'TLSv1.2,TLSv1'")]);
    });
    it('checks ssl.protocol and a listener ssl.protocol: TLSv1.3 and TLSv1.2 pass, TLSv1 and TLSv1.1 fail', () => {
      expect(outcomeOf(SEC_002, node({ 'ssl.enabled.protocols': 'TLSv1.3', 'ssl.protocol': 'TLSv1.2', 'listener.name.internal.ssl.protocol': 'TLSv1.3' }))).toEqual({ status: 'compliant' });
      expect(findingsOf(SEC_002, node({ 'ssl.enabled.protocols': 'TLSv1.3', 'ssl.protocol': 'TLSv1', 'listener.name.internal.ssl.protocol': 'TLSv1.1' }))).toEqual([
        { found: "data['server.properties'] listener.name.internal.ssl.protocol is 'TLSv1.1'", expected: "'TLSv1.3' or 'TLSv1.2'", fix: 'Set listener.name.internal.ssl.protocol=TLSv1.3.' },
        { found: "data['server.properties'] ssl.protocol is 'TLSv1'", expected: "'TLSv1.3' or 'TLSv1.2'", fix: 'Set ssl.protocol=TLSv1.3.' },
      ]);
    });
    it('checks a listener ssl.enabled.protocols', () => {
      expect(outcomeOf(SEC_002, node({ 'ssl.enabled.protocols': 'TLSv1.3', 'listener.name.internal.ssl.enabled.protocols': 'TLSv1.3, TLSv1.2' }))).toEqual({ status: 'compliant' });
      expect(findingsOf(SEC_002, node({ 'ssl.enabled.protocols': 'TLSv1.3', 'listener.name.internal.ssl.enabled.protocols': 'TLSv1.3,TLSv1.1' }))).toEqual([{
        found: "data['server.properties'] listener.name.internal.ssl.enabled.protocols is 'TLSv1.3,TLSv1.1'", expected: 'only TLSv1.2 and TLSv1.3',
        fix: 'Remove listener.name.internal.ssl.enabled.protocols or list only TLSv1.3,TLSv1.2.',
      }]);
    });
    it('does not apply to a ConfigMap without Kafka properties', () => {
      expect(outcomeOf(SEC_002, kubernetes('v1', 'ConfigMap', 'other', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, data: { 'topics.txt': '' } }))).toEqual({ status: 'not-applicable' });
    });
  });

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

describe('the rule', () => {
  itDescribesItself(SEC_002_TLS_VERSION, 'SEC-002', ['msk', 'strimzi', 'statefulset']);
});
