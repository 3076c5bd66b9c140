// HA-008: every test that proves this rule, one describe per target it applies to.
import { it, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CONFIGURATION, CLUSTER, mskStackWithTopics, ARTEFACT, TOPICS } from './fixtures/msk-ha';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { strimziChartWithTopic, ORDERS_TOPIC_PATH } from './fixtures/strimzi-ha';
import { statefulSetChart, BROKER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import { addTopics, TOPICS_PATH } from './fixtures/statefulset-ha';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_008_UNCLEAN_LEADER_ELECTION } from '../../lib/rules/ha-008-unclean-leader-election';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('HA rules on MSK', () => {

    describe('HA-008', () => {
      it('passes HA-008 with unclean.leader.election.enable=false written out', () => {
        expectCompliant(mskStack().stack, 'HA-008', CONFIGURATION);
      });
      it('fails HA-008 when brokerConfig.extra turns unclean leader election on', () => {
        const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'unclean.leader.election.enable': 'true' } } } });
        expectViolation(stack, 'HA-008', CONFIGURATION, /unclean.leader.election.enable is 'true'/);
      });
      it('fails HA-008 when the cluster runs the MSK default configuration (unclean election on)', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('configuration_info', null);
        expectViolation(stack, 'HA-008', CLUSTER, /configuration_info is not set/);
      });
    });

    describe('HA-002, HA-003 and HA-008 on the topic lines of the admin artefact (kafka-admin/topics.txt)', () => {
      it('fails HA-008 when a declared topic turns unclean leader election on through its config (no escape hatch)', () => {
        const { stack } = mskStackWithTopics({ orders: { config: { 'unclean.leader.election.enable': 'true' } } });
        expectViolation(stack, 'HA-008', ARTEFACT, new RegExp(`${TOPICS} line 2 sets unclean.leader.election.enable=true on topic 'orders'`));
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('HA-008', () => {
      it('passes HA-008 with unclean.leader.election.enable false', () => {
        expectCompliant(strimziChart().chart, 'HA-008', KAFKA_PATH);
      });
      it('fails HA-008 when a JSON patch turns unclean leader election on', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/unclean.leader.election.enable', true));
        expectViolation(chart, 'HA-008', KAFKA_PATH, /unclean.leader.election.enable is 'true'; expected false/);
      });
      it('passes HA-008 on a KafkaTopic that does not override unclean leader election', () => {
        expectCompliant(strimziChartWithTopic().chart, 'HA-008', ORDERS_TOPIC_PATH);
      });
      it('fails HA-008 when a JSON patch turns unclean leader election on for a KafkaTopic', () => {
        const { chart, topic } = strimziChartWithTopic();
        topic.addJsonPatch(JsonPatch.add('/spec/config/unclean.leader.election.enable', true));
        expectViolation(chart, 'HA-008', ORDERS_TOPIC_PATH, /spec.config unclean.leader.election.enable is true; expected false or absent/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-008', () => {
      it('passes HA-008 with unclean leader election off', () => {
        expectCompliant(statefulSetChart().chart, 'HA-008', BROKER_CONFIG_PATH);
      });
      it('fails HA-008 when a JSON patch turns unclean leader election on', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'unclean.leader.election.enable': 'true' });
        expectViolation(chart, 'HA-008', BROKER_CONFIG_PATH, /unclean.leader.election.enable is 'true'; expected false/);
      });
      it('fails HA-008 when an admin Job topic turns unclean leader election on', () => {
        const { chart } = statefulSetChart();
        addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 3 --config unclean.leader.election.enable=true']);
        expectViolation(chart, 'HA-008', TOPICS_PATH, /sets unclean.leader.election.enable=true on topic 'orders'/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_008_UNCLEAN_LEADER_ELECTION, 'HA-008', ['msk', 'strimzi', 'statefulset']);
});
