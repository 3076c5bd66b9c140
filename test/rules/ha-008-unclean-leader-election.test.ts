// HA-008: every test that proves this rule, one describe per target it applies to.
import { it, describe, expect } from 'vitest';
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
import { defaultBrokerProperties as brokerDefaults, kubernetes as k8sDocument, mskConfiguration as mskConfigurationDocument, nodePool as nodePoolDocument, strimziKafka as strimziKafkaDocument } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { nodeConfigMap, topicsConfigMap } from './fixtures/statefulset-documents';
import { mskAdminArtefact, topicLines } from './fixtures/cap-rules';

/** The default broker properties with unclean.leader.election.enable set to `value`, or left out. */
const withUnclean = (value: string | undefined, extra: Record<string, string> = {}) => {
  const props = { ...brokerDefaults(), ...extra };
  if (value === undefined) delete props['unclean.leader.election.enable'];
  else props['unclean.leader.election.enable'] = value;
  return props;
};
const TOPIC_OVERRIDE = { expected: 'false or absent (the cluster sets false)', fix: 'Remove the topic override.' };
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

describe('HA-008 over single documents (both sides of each check, the whole finding)', () => {
  const R = HA_008_UNCLEAN_LEADER_ELECTION;
  it('MSK: passes a configuration that writes false, fails true and unset (MSK defaults to true)', () => {
    expect(outcomeOf(R, mskConfigurationDocument(withUnclean('false')))).toEqual({ status: 'compliant' });
    const finding = (found: string) => ({ found, expected: "'false', written out (MSK's default is true)", fix: 'Set unclean.leader.election.enable=false in the configuration (MskCluster writes it; remove any brokerConfig.extra override).' });
    expect(findingsOf(R, mskConfigurationDocument(withUnclean('true')))).toEqual([finding("unclean.leader.election.enable is 'true'")]);
    expect(findingsOf(R, mskConfigurationDocument(withUnclean(undefined)))).toEqual([finding('unclean.leader.election.enable is not set')]);
  });
  it('MSK: fails a topic line of the admin artefact that turns it on, and passes false or no override', () => {
    expect(findingsOf(R, mskAdminArtefact(topicLines('--partitions 6 --config unclean.leader.election.enable=true')))).toEqual([
      { found: "input.topics (kafka-admin/topics.txt) line 2 sets unclean.leader.election.enable=true on topic 'orders'", ...TOPIC_OVERRIDE },
    ]);
    expect(outcomeOf(R, mskAdminArtefact(topicLines('--partitions 6 --config unclean.leader.election.enable=false')))).toEqual({ status: 'compliant' });
    expect(outcomeOf(R, mskAdminArtefact(topicLines('--partitions 6')))).toEqual({ status: 'compliant' });
  });
  it('Strimzi: a KafkaTopic passes false (string or boolean) or no override, and fails true', () => {
    const topic = (config?: Record<string, unknown>) => k8sDocument('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', config === undefined ? {} : { spec: { config } });
    expect(outcomeOf(R, topic({ 'unclean.leader.election.enable': false }))).toEqual({ status: 'compliant' });
    expect(outcomeOf(R, topic({ 'unclean.leader.election.enable': 'false' }))).toEqual({ status: 'compliant' });
    expect(outcomeOf(R, topic({}))).toEqual({ status: 'compliant' });
    expect(outcomeOf(R, topic(undefined))).toEqual({ status: 'compliant' });
    expect(findingsOf(R, topic({ 'unclean.leader.election.enable': true }))).toEqual([{ found: 'spec.config unclean.leader.election.enable is true', ...TOPIC_OVERRIDE }]);
    expect(findingsOf(R, topic({ 'unclean.leader.election.enable': 'yes' }))[0].found).toBe("spec.config unclean.leader.election.enable is 'yes'");
  });
  it('Strimzi: the Kafka passes false written out and fails true or unset; a node pool is not concerned', () => {
    expect(outcomeOf(R, strimziKafkaDocument({ config: withUnclean('false') }))).toEqual({ status: 'compliant' });
    const finding = (found: string) => ({ found, expected: 'false, written out', fix: 'Set unclean.leader.election.enable: false in spec.kafka.config (StrimziKafkaCluster writes it).' });
    expect(findingsOf(R, strimziKafkaDocument({ config: withUnclean('true') }))).toEqual([finding("spec.kafka.config unclean.leader.election.enable is 'true'")]);
    expect(findingsOf(R, strimziKafkaDocument({ config: withUnclean(undefined) }))).toEqual([finding('spec.kafka.config unclean.leader.election.enable is not set')]);
    expect(outcomeOf(R, nodePoolDocument('brokers'))).toEqual({ status: 'not-applicable' });
  });
  it('StatefulSet: the broker server.properties passes false and fails true or unset; a topic line that turns it on fails', () => {
    const broker = (value: string | undefined) => nodeConfigMap('kafka-brokers', withUnclean(value, { 'process.roles': 'broker' }));
    expect(outcomeOf(R, broker('false'))).toEqual({ status: 'compliant' });
    const finding = (found: string) => ({ found, expected: 'false, written out', fix: 'Set unclean.leader.election.enable=false (KafkaStatefulSetCluster writes it).' });
    expect(findingsOf(R, broker('true'))).toEqual([finding("data['server.properties'] unclean.leader.election.enable is 'true'")]);
    expect(findingsOf(R, broker(undefined))).toEqual([finding("data['server.properties'] unclean.leader.election.enable is not set")]);
    expect(findingsOf(R, topicsConfigMap(['--create --topic a --config unclean.leader.election.enable=true', '--create --topic b --config unclean.leader.election.enable=false', '--create --topic c']))).toEqual([
      { found: "topics.txt line 1 sets unclean.leader.election.enable=true on topic 'a'", ...TOPIC_OVERRIDE },
    ]);
  });
});

describe('the rule', () => {
  itDescribesItself(HA_008_UNCLEAN_LEADER_ELECTION, 'HA-008', ['msk', 'strimzi', 'statefulset']);
});
