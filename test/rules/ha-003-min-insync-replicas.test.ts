// HA-003: every test that proves this rule, one describe per target it applies to.
import { it, describe } from 'vitest';
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

describe('MSK', () => {
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
