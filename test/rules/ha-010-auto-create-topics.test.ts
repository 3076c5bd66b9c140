// HA-010: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant } from './fixtures/msk-rule-assertions';
import { mskStack, synthJson } from '../support/msk-stack';
import { CONFIGURATION } from './fixtures/msk-ha';
import { strimziChart, KAFKA_PATH, synth } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_010_AUTO_CREATE_TOPICS as HA_010 } from '../../lib/rules/ha-010-auto-create-topics';
import { defaultBrokerProperties, kubernetes, mskCluster, mskConfiguration, nodePool, strimziKafka, terraform } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { nodeConfigMap } from './fixtures/statefulset-documents';
import { HA_010_AUTO_CREATE_TOPICS } from '../../lib/rules/ha-010-auto-create-topics';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('HA-010 over the documents (both sides of each check, the whole finding)', () => {
    const configuration = (value?: string) => {
      const props = defaultBrokerProperties();
      if (value === undefined) delete props['auto.create.topics.enable'];
      else props['auto.create.topics.enable'] = value;
      return mskConfiguration(props);
    };
    const using = terraform('aws_msk_cluster', 'kafka', { ...mskCluster().body, configuration_info: { arn: '${aws_msk_configuration.kafka_configuration.arn}', revision: 1 } });

    it('passes a configuration that sets false, and one that leaves it unset (MSK defaults to false)', () => {
      expect(outcomeOf(HA_010, configuration('false'))).toEqual({ status: 'compliant' });
      expect(outcomeOf(HA_010, configuration(undefined))).toEqual({ status: 'compliant' });
    });
    it('warns about a configuration that turns auto-creation on, with the fix', () => {
      expect(findingsOf(HA_010, configuration('true'))).toEqual([
        { found: "auto.create.topics.enable is 'true'", expected: "'false'", fix: 'Set auto.create.topics.enable=false and declare the topics.' },
      ]);
    });
    it('passes a cluster on the MSK default configuration, with a note that it has auto-creation off', () => {
      expect(outcomeOf(HA_010, mskCluster())).toEqual({ status: 'compliant', notes: ["MSK's default configuration has auto.create.topics.enable=false."] });
    });
    it('passes a cluster that uses the configuration of the stack, and warns when its configuration is elsewhere', () => {
      expect(outcomeOf(HA_010, using, [configuration('false')])).toEqual({ status: 'compliant' });
      expect(findingsOf(HA_010, using).map((f) => f.expected)).toEqual(['a reference to an aws_msk_configuration in this stack']);
    });
    it('does not apply to other MSK resources', () => {
      expect(outcomeOf(HA_010, terraform('aws_msk_scram_secret_association', 'scram', { cluster_arn: 'x' }))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('HA rules on MSK', () => {

    describe('HA-010 (warning)', () => {
      it('passes HA-010 with auto.create.topics.enable=false', () => {
        expectCompliant(mskStack().stack, 'HA-010', CONFIGURATION);
      });
      it('warns HA-010 at the configuration path when auto-creation is on, without stopping synthesis', () => {
        const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'auto.create.topics.enable': 'true' } } } });
        synthJson(stack);
        const warning = stack.complianceReport.warnings().find((e) => e.ruleId === 'HA-010');
        expect(warning?.path).toBe(CONFIGURATION);
        expect(warning?.findings[0].found).toBe("auto.create.topics.enable is 'true'");
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA-010 over the documents (both sides of each check, the whole finding)', () => {
    it('passes auto.create.topics.enable written out as false', () => {
      expect(outcomeOf(HA_010, strimziKafka({ config: defaultBrokerProperties({ 'auto.create.topics.enable': 'false' }) }))).toEqual({ status: 'compliant' });
    });
    it('warns when it is true, and when it is left out (Kafka defaults to true)', () => {
      const props = defaultBrokerProperties();
      delete props['auto.create.topics.enable'];
      expect(findingsOf(HA_010, strimziKafka({ config: defaultBrokerProperties({ 'auto.create.topics.enable': 'true' }) }))).toEqual([{
        found: "spec.kafka.config auto.create.topics.enable is 'true'", expected: 'false, written out (Kafka defaults to true)',
        fix: 'Set auto.create.topics.enable: false in spec.kafka.config and declare topics as KafkaTopics.',
      }]);
      expect(findingsOf(HA_010, strimziKafka({ config: props })).map((f) => f.found)).toEqual(['spec.kafka.config auto.create.topics.enable is not set']);
    });
    it('does not apply to a KafkaNodePool', () => {
      expect(outcomeOf(HA_010, nodePool('broker'))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('HA rules on Strimzi', () => {
    const { expectCompliant } = strimziFixture;

    describe('HA-010', () => {
      it('passes HA-010 with auto.create.topics.enable false', () => {
        expectCompliant(strimziChart().chart, 'HA-010', KAFKA_PATH);
      });
      it('warns about HA-010 when a JSON patch turns topic auto-creation on', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/auto.create.topics.enable', true));
        synth(chart);
        const warning = chart.complianceReport.warnings().find((e) => e.ruleId === 'HA-010');
        expect(warning?.path).toBe(KAFKA_PATH);
        expect(warning?.findings[0].found).toBe("spec.kafka.config auto.create.topics.enable is 'true'");
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA-010 over the documents (both sides of each check, the whole finding)', () => {
    const broker = (value?: string) => {
      const props = defaultBrokerProperties({ 'process.roles': 'broker' });
      if (value === undefined) delete props['auto.create.topics.enable'];
      else props['auto.create.topics.enable'] = value;
      return nodeConfigMap('kafka-brokers', props);
    };
    it('passes false written out in server.properties', () => {
      expect(outcomeOf(HA_010, broker('false'))).toEqual({ status: 'compliant' });
    });
    it('warns when it is true or left out, naming the file', () => {
      expect(findingsOf(HA_010, broker('true'))).toEqual([{
        found: "data['server.properties'] auto.create.topics.enable is 'true'", expected: 'false, written out (Kafka defaults to true)',
        fix: 'Set auto.create.topics.enable=false and declare the topics.',
      }]);
      expect(findingsOf(HA_010, broker(undefined)).map((f) => f.found)).toEqual(["data['server.properties'] auto.create.topics.enable is not set"]);
    });
    it('does not apply to a broker-less ConfigMap (a controller), nor to a StatefulSet', () => {
      expect(outcomeOf(HA_010, nodeConfigMap('kafka-controllers', { 'process.roles': 'controller' }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_010, kubernetes('apps/v1', 'StatefulSet', 'kafka', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, spec: {} }))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, synth } = statefulsetFixture;

    describe('HA-010', () => {
      it('passes HA-010 with auto.create.topics.enable=false', () => {
        expectCompliant(statefulSetChart().chart, 'HA-010', BROKER_CONFIG_PATH);
      });
      it('reports HA-010 (a warning) when a patch turns topic auto-creation on', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'auto.create.topics.enable': 'true' });
        synth(chart);
        const entry = chart.complianceReport.entries.find((e) => e.ruleId === 'HA-010' && e.path === BROKER_CONFIG_PATH);
        expect(entry?.status).toBe('non-compliant');
        expect(entry?.findings.map((f) => f.found)).toEqual(["data['server.properties'] auto.create.topics.enable is 'true'"]);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_010_AUTO_CREATE_TOPICS, 'HA-010', ['msk', 'strimzi', 'statefulset']);
});
