// HA-003: every test that proves this rule, one describe per target it applies to.
import { it, describe, expect } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CONFIGURATION, mskStackWithTopics, withOrdersLine, ARTEFACT, TOPICS } from './fixtures/msk-ha';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { strimziChartWithTopic, ORDERS_TOPIC_PATH } from './fixtures/strimzi-ha';
import { statefulSetChart, BROKER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import { addTopics, TOPICS_PATH } from './fixtures/statefulset-ha';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_003_MIN_INSYNC_REPLICAS as HA_003 } from '../../lib/rules/ha-003-min-insync-replicas';
import { defaultBrokerProperties, kubernetes, mskCluster, mskConfiguration, nodePool, strimziKafka, terraform } from './fixtures/cap-documents';
import { mskAdminArtefact } from './fixtures/cap-rules';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { nodeConfigMap, topicsConfigMap } from './fixtures/statefulset-documents';
import { HA_003_MIN_INSYNC_REPLICAS } from '../../lib/rules/ha-003-min-insync-replicas';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('HA-003 over the documents (both sides of each check, the whole finding)', () => {
    const configuration = (extra: Record<string, string> = {}) => mskConfiguration(defaultBrokerProperties(extra));
    const lines = (...l: string[]) => mskAdminArtefact(['# topics', ...l, ''].join('\n'));

    it('passes min.insync.replicas 2 and transaction.state.log.min.isr 2 below replication factor 3', () => {
      expect(outcomeOf(HA_003, configuration())).toEqual({ status: 'compliant' });
    });
    it('fails min.insync.replicas 1 (below 2), with the fix', () => {
      expect(findingsOf(HA_003, configuration({ 'min.insync.replicas': '1' }))).toEqual([
        { found: "min.insync.replicas is '1'", expected: "'2'", fix: 'Set min.insync.replicas=2 (MskCluster brokerConfig.minInsyncReplicas: 2).' },
      ]);
    });
    it('fails min.insync.replicas equal to the replication factor (3 of 3) on both counts', () => {
      expect(findingsOf(HA_003, configuration({ 'min.insync.replicas': '3' }))).toEqual([
        { found: "min.insync.replicas is '3'", expected: "'2'", fix: 'Set min.insync.replicas=2 (MskCluster brokerConfig.minInsyncReplicas: 2).' },
        {
          found: 'min.insync.replicas is 3 with default.replication.factor 3',
          expected: 'a value below default.replication.factor, so one broker can fail without stopping acks=all writes',
          fix: 'Set min.insync.replicas=2 with default.replication.factor=3.',
        },
      ]);
    });
    it('fails transaction.state.log.min.isr 2 when its replication factor is 2, and passes it at 3', () => {
      expect(findingsOf(HA_003, configuration({ 'transaction.state.log.replication.factor': '2' }))).toEqual([{
        found: 'transaction.state.log.min.isr is 2 with transaction.state.log.replication.factor 2',
        expected: 'a value below transaction.state.log.replication.factor, so one broker can fail without stopping acks=all writes',
        fix: 'Set transaction.state.log.min.isr=2 with transaction.state.log.replication.factor=3.',
      }]);
    });
    it('fails an unset transaction.state.log.min.isr', () => {
      const props = defaultBrokerProperties();
      delete props['transaction.state.log.min.isr'];
      expect(findingsOf(HA_003, mskConfiguration(props))).toEqual([
        { found: 'transaction.state.log.min.isr is not set', expected: "'2'", fix: 'Set transaction.state.log.min.isr=2 (MskCluster brokerConfig.minInsyncReplicas: 2).' },
      ]);
    });
    it('fails a cluster that runs the MSK default configuration, and passes one that uses the configuration of the stack', () => {
      expect(findingsOf(HA_003, mskCluster()).map((f) => f.found)).toEqual(['configuration_info is not set, so the cluster runs the MSK default configuration']);
      const using = terraform('aws_msk_cluster', 'kafka', { ...mskCluster().body, configuration_info: { arn: '${aws_msk_configuration.kafka_configuration.arn}', revision: 1 } });
      expect(outcomeOf(HA_003, using, [configuration()])).toEqual({ status: 'compliant' });
      expect(findingsOf(HA_003, using).map((f) => f.expected)).toEqual(['a reference to an aws_msk_configuration in this stack']);
    });
    it('checks a topic line that overrides min.insync.replicas: 1 is below 2, 3 is not below its factor 3, 2 passes', () => {
      expect(findingsOf(HA_003, lines(
        '--create --topic a --partitions 3 --replication-factor 3 --config min.insync.replicas=1',
        '--create --topic b --partitions 3 --replication-factor 3 --config min.insync.replicas=3',
        '--create --topic c --partitions 3 --replication-factor 3 --config min.insync.replicas=2',
        '--create --topic d --partitions 3 --replication-factor 3',
      ))).toEqual([
        { found: "input.topics (kafka-admin/topics.txt) line 2 sets min.insync.replicas=1 on topic 'a'", expected: 'at least 2', fix: 'Remove the override (the cluster sets 2) or set it to 2.' },
        {
          found: "input.topics (kafka-admin/topics.txt) line 3 sets min.insync.replicas=3 on topic 'b' with --replication-factor 3",
          expected: 'below the replication factor, so one replica can fail without stopping acks=all writes',
          fix: 'Use min.insync.replicas 2 with replication factor 3.',
        },
      ]);
    });
    it('passes a topic line with min.insync.replicas 2 and no replication factor (the broker default applies)', () => {
      expect(outcomeOf(HA_003, lines('--create --topic a --partitions 3 --config min.insync.replicas=2'))).toEqual({ status: 'compliant' });
    });
  });

  describe('HA rules on MSK', () => {

    describe('HA-003', () => {
      it('passes HA-003 with min.insync.replicas 2 below replication factor 3', () => {
        expectCompliant(mskStack().stack, 'HA-003', CONFIGURATION);
      });
      it('fails HA-003 when the configuration is overridden to min.insync.replicas=1', () => {
        const { stack, cluster } = mskStack();
        const text = cluster.configuration.serverPropertiesInput!.replace('min.insync.replicas=2', 'min.insync.replicas=1');
        cluster.configuration.addOverride('server_properties', text);
        expectViolation(stack, 'HA-003', CONFIGURATION, /min.insync.replicas is '1'; expected '2'/);
      });
      it('fails HA-003 when transaction.state.log.min.isr equals its replication factor', () => {
        const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'transaction.state.log.min.isr': '3' } } } });
        expectViolation(stack, 'HA-003', CONFIGURATION, /transaction.state.log.min.isr is 3 with transaction.state.log.replication.factor 3/);
      });
    });

    describe('HA-002, HA-003 and HA-008 on the topic lines of the admin artefact (kafka-admin/topics.txt)', () => {
      it('fails HA-003 when a topic line sets min.insync.replicas equal to its replication factor', () => {
        const { stack, access } = mskStackWithTopics();
        access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor 3 --config min.insync.replicas=3'));
        expectViolation(stack, 'HA-003', ARTEFACT, new RegExp(`${TOPICS} line 2 sets min.insync.replicas=3 on topic 'orders' with --replication-factor 3; expected below the replication factor`));
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA-003 over the documents (both sides of each check, the whole finding)', () => {
    const topic = (config: Record<string, unknown>, replicas?: number) => kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', {
      metadata: { labels: { 'strimzi.io/cluster': 'main' } }, spec: { partitions: 12, config, ...(replicas === undefined ? {} : { replicas }) },
    });

    it('passes the defaults on the Kafka', () => {
      expect(outcomeOf(HA_003, strimziKafka())).toEqual({ status: 'compliant' });
    });
    it('fails spec.kafka.config min.insync.replicas 3 of 3 on both counts', () => {
      expect(findingsOf(HA_003, strimziKafka({ config: defaultBrokerProperties({ 'min.insync.replicas': '3' }) }))).toEqual([
        { found: "spec.kafka.config min.insync.replicas is '3'", expected: "'2'", fix: 'Set min.insync.replicas: 2 in spec.kafka.config (StrimziKafkaCluster brokerConfig.minInsyncReplicas: 2).' },
        { found: 'spec.kafka.config min.insync.replicas is 3 with default.replication.factor 3', expected: 'below default.replication.factor', fix: 'Use min.insync.replicas 2 with default.replication.factor 3.' },
      ]);
    });
    it('fails transaction.state.log.min.isr 2 with its replication factor 2', () => {
      expect(findingsOf(HA_003, strimziKafka({ config: defaultBrokerProperties({ 'transaction.state.log.replication.factor': '2' }) }))).toEqual([{
        found: 'spec.kafka.config transaction.state.log.min.isr is 2 with transaction.state.log.replication.factor 2',
        expected: 'below transaction.state.log.replication.factor',
        fix: 'Use transaction.state.log.min.isr 2 with transaction.state.log.replication.factor 3.',
      }]);
    });
    it('notes that a KafkaTopic without an override inherits the cluster value', () => {
      expect(outcomeOf(HA_003, topic({}, 3))).toEqual({ status: 'compliant', notes: ['The topic inherits min.insync.replicas from the cluster.'] });
    });
    it('passes a KafkaTopic override of 2 with 3 replicas', () => {
      expect(outcomeOf(HA_003, topic({ 'min.insync.replicas': 2 }, 3))).toEqual({ status: 'compliant' });
    });
    it('fails a KafkaTopic override of 1', () => {
      expect(findingsOf(HA_003, topic({ 'min.insync.replicas': 1 }, 3))).toEqual([
        { found: 'spec.config min.insync.replicas is 1', expected: 'at least 2', fix: 'Remove the override (the cluster sets 2) or set it to 2.' },
      ]);
    });
    it('fails a KafkaTopic override equal to its replicas, or to the default replication factor of its Kafka when it sets none', () => {
      const finding = {
        found: 'spec.config min.insync.replicas is 3 with replicas 3',
        expected: 'below the replication factor, so one replica can fail without stopping acks=all writes',
        fix: 'Use min.insync.replicas 2 with replicas 3.',
      };
      expect(findingsOf(HA_003, topic({ 'min.insync.replicas': 3 }, 3))).toEqual([finding]);
      expect(findingsOf(HA_003, topic({ 'min.insync.replicas': 3 }), [strimziKafka()])).toEqual([finding]);
      expect(outcomeOf(HA_003, topic({ 'min.insync.replicas': 3 }))).toEqual({ status: 'compliant' });
    });
    it('does not apply to a KafkaNodePool', () => {
      expect(outcomeOf(HA_003, nodePool('broker'))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('HA-003', () => {
      it('passes HA-003 with min.insync.replicas 2 below 3', () => {
        expectCompliant(strimziChart().chart, 'HA-003', KAFKA_PATH);
      });
      it('fails HA-003 when brokerConfig.extra sets min.insync.replicas to 1', () => {
        const { chart } = strimziChart({ cluster: { brokerConfig: { extra: { 'min.insync.replicas': '1' } } } });
        expectViolation(chart, 'HA-003', KAFKA_PATH, /min.insync.replicas is '1'; expected '2'/);
      });
      it('fails HA-003 when transaction.state.log.min.isr equals its replication factor', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/transaction.state.log.min.isr', 3));
        expectViolation(chart, 'HA-003', KAFKA_PATH, /transaction.state.log.min.isr is 3 with transaction.state.log.replication.factor 3; expected below/);
      });
      it('passes HA-003 on a KafkaTopic that sets min.insync.replicas 2 with 3 replicas', () => {
        expectCompliant(strimziChartWithTopic().chart, 'HA-003', ORDERS_TOPIC_PATH);
      });
      it('fails HA-003 when a JSON patch sets a KafkaTopic min.insync.replicas to 1', () => {
        const { chart, topic } = strimziChartWithTopic();
        topic.addJsonPatch(JsonPatch.replace('/spec/config/min.insync.replicas', '1'));
        expectViolation(chart, 'HA-003', ORDERS_TOPIC_PATH, /spec.config min.insync.replicas is '1'; expected at least 2/);
      });
      it('fails HA-003 when a JSON patch sets a KafkaTopic min.insync.replicas to its replicas', () => {
        const { chart, topic } = strimziChartWithTopic();
        topic.addJsonPatch(JsonPatch.replace('/spec/config/min.insync.replicas', 3));
        expectViolation(chart, 'HA-003', ORDERS_TOPIC_PATH, /spec.config min.insync.replicas is 3 with replicas 3; expected below the replication factor/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA-003 over the documents (both sides of each check, the whole finding)', () => {
    const broker = (extra: Record<string, string> = {}) => nodeConfigMap('kafka-brokers', defaultBrokerProperties({ 'process.roles': 'broker', ...extra }));

    it('passes the defaults in server.properties', () => {
      expect(outcomeOf(HA_003, broker())).toEqual({ status: 'compliant' });
    });
    it('fails min.insync.replicas 3 of 3 on both counts, naming the file', () => {
      expect(findingsOf(HA_003, broker({ 'min.insync.replicas': '3' }))).toEqual([
        { found: "data['server.properties'] min.insync.replicas is '3'", expected: "'2'", fix: 'Set min.insync.replicas=2 (KafkaStatefulSetCluster brokerConfig.minInsyncReplicas: 2).' },
        { found: "data['server.properties'] min.insync.replicas is 3 with default.replication.factor 3", expected: 'below default.replication.factor', fix: 'Use min.insync.replicas 2 with default.replication.factor 3.' },
      ]);
    });
    it('fails transaction.state.log.min.isr 2 with its replication factor 2', () => {
      expect(findingsOf(HA_003, broker({ 'transaction.state.log.replication.factor': '2' })).map((f) => f.found))
        .toEqual(["data['server.properties'] transaction.state.log.min.isr is 2 with transaction.state.log.replication.factor 2"]);
    });
    it('does not apply to a broker-less ConfigMap (a controller), nor to a Secret', () => {
      expect(outcomeOf(HA_003, nodeConfigMap('kafka-controllers', { 'process.roles': 'controller', 'min.insync.replicas': '1' }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_003, kubernetes('v1', 'Secret', 'x', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } } }))).toEqual({ status: 'not-applicable' });
    });
    it('checks the overrides of topics.txt: 1 is below 2, 3 is not below 3, 2 and no override pass', () => {
      expect(findingsOf(HA_003, topicsConfigMap([
        '--create --topic a --partitions 3 --replication-factor 3 --config min.insync.replicas=1',
        '--create --topic b --partitions 3 --replication-factor 3 --config min.insync.replicas=3',
        '--create --topic c --partitions 3 --replication-factor 3 --config min.insync.replicas=2',
        '--create --topic d --partitions 3 --replication-factor 3',
      ])).map((f) => f.found)).toEqual([
        "topics.txt line 1 sets min.insync.replicas=1 on topic 'a'",
        "topics.txt line 2 sets min.insync.replicas=3 on topic 'b' with --replication-factor 3",
      ]);
    });
  });

  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-003', () => {
      it('passes HA-003 with min.insync.replicas 2 below 3', () => {
        expectCompliant(statefulSetChart().chart, 'HA-003', BROKER_CONFIG_PATH);
      });
      it('fails HA-003 when brokerConfig.extra sets min.insync.replicas to 1', () => {
        const { chart } = statefulSetChart({ cluster: { brokerConfig: { extra: { 'min.insync.replicas': '1' } } } });
        expectViolation(chart, 'HA-003', BROKER_CONFIG_PATH, /min.insync.replicas is '1'; expected '2'/);
      });
      it('fails HA-003 when a patch makes transaction.state.log.min.isr equal its replication factor', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'transaction.state.log.min.isr': '3' });
        expectViolation(chart, 'HA-003', BROKER_CONFIG_PATH, /transaction.state.log.min.isr is 3 with transaction.state.log.replication.factor 3; expected below/);
      });
      it('fails HA-003 when an admin Job topic sets min.insync.replicas to its replication factor', () => {
        const { chart } = statefulSetChart();
        addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 3 --config min.insync.replicas=3']);
        expectViolation(chart, 'HA-003', TOPICS_PATH, /sets min.insync.replicas=3 on topic 'orders' with --replication-factor 3; expected below the replication factor/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_003_MIN_INSYNC_REPLICAS, 'HA-003', ['msk', 'strimzi', 'statefulset']);
});
