// HA-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack, synthError, synthJson } from '../support/msk-stack';
import { CONFIGURATION, CLUSTER, mskStackWithTopics, ARTEFACT, withOrdersLine, TOPICS } from './fixtures/msk-ha';
import { EnvironmentProfile } from '../../lib/model/environment';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { strimziChartWithTopic, ORDERS_TOPIC_PATH } from './fixtures/strimzi-ha';
import { statefulSetChart, BROKER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import { addTopics, TOPICS_PATH } from './fixtures/statefulset-ha';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

describe('MSK', () => {
  describe('HA rules on MSK', () => {

    describe('HA-002', () => {
      it('passes HA-002 with replication factors of 3 on the configuration and the cluster', () => {
        expectCompliant(mskStack().stack, 'HA-002', CONFIGURATION);
        expectCompliant(mskStack().stack, 'HA-002', CLUSTER);
      });
      it('fails HA-002 when brokerConfig.extra lowers default.replication.factor to 2', () => {
        const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'default.replication.factor': '2' } } } });
        expectViolation(stack, 'HA-002', CONFIGURATION, /default.replication.factor is '2'; expected '3'/);
      });
      it('fails HA-002 when the cluster has no configuration (MSK defaults)', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('configuration_info', null);
        expectViolation(stack, 'HA-002', CLUSTER, /configuration_info is not set/);
      });
      it('fails HA-002 when the configuration is not in the stack', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('configuration_info.arn', 'arn:aws:kafka:us-east-1:111122223333:configuration/other/1');
        expectViolation(stack, 'HA-002', CLUSTER, /not an aws_msk_configuration of this stack/);
      });
    });

    describe('HA-002, HA-003 and HA-008 on the topic lines of the admin artefact (kafka-admin/topics.txt)', () => {
      it('passes HA-002, HA-003 and HA-008 on the lines MskAccess writes from the model', () => {
        const { stack } = mskStackWithTopics({ orders: { minInsyncReplicas: 2 } });
        for (const rule of ['HA-002', 'HA-003', 'HA-008']) expectCompliant(stack, rule, ARTEFACT);
      });
      it('stops synthesis on HA-002, HA-003 and HA-008 when an addOverride rewrites input.topics', () => {
        const { stack, access } = mskStackWithTopics();
        access.adminArtefacts.addOverride('input.topics', withOrdersLine(
          '--create --if-not-exists --topic orders --partitions 12 --replication-factor 1 --config min.insync.replicas=1 --config unclean.leader.election.enable=true',
        ));
        const message = expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor 1; expected at least 3`));
        expect(message).toMatch(new RegExp(`HA-003 \\[${ARTEFACT}\\] ${TOPICS} line 2 sets min.insync.replicas=1 on topic 'orders'; expected at least 2`));
        expect(message).toMatch(new RegExp(`HA-008 \\[${ARTEFACT}\\] ${TOPICS} line 2 sets unclean.leader.election.enable=true on topic 'orders'; expected false or absent`));
        // payments (line 3) is untouched and not reported.
        expect(message).not.toContain("topic 'payments'");
      });
      it('fails HA-002 when a topic line leaves the replication factor to the broker default', () => {
        const { stack, access } = mskStackWithTopics();
        access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12'));
        expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor not set; expected at least 3`));
      });
      it('fails HA-002 when a topic line asks for more replicas than the cluster has brokers', () => {
        const { stack, access } = mskStackWithTopics();
        access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor 4'));
        expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor 4 but aws_msk_cluster\\.\\S+ has 3 broker\\(s\\); expected a replication factor no higher than the broker count`));
      });
      it('fails HA-002 when the replication factor is an escaped Terraform expression, shown as topics.txt will hold it', () => {
        const { stack, access } = mskStackWithTopics();
        access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor $${var.rf}'));
        expectViolation(stack, 'HA-002', ARTEFACT, new RegExp(`${TOPICS} line 2 creates topic 'orders' with --replication-factor \\$\\{var.rf\\}; expected at least 3`));
      });
      it('fails HA-002, HA-003 and HA-008 when an override replaces the lines with something that is not text', () => {
        const { stack, access } = mskStackWithTopics();
        access.adminArtefacts.addOverride('input.topics', ['--topic orders']);
        const message = synthError(stack);
        for (const rule of ['HA-002', 'HA-003', 'HA-008']) {
          expect(message).toContain(`${rule} [${ARTEFACT}] input.topics is ["--topic orders"]; expected the kafka-topics.sh lines as text`);
        }
      });
      it('only warns about the topic lines in development', () => {
        const { stack, access } = mskStackWithTopics({ profile: EnvironmentProfile.DEVELOPMENT });
        access.adminArtefacts.addOverride('input.topics', withOrdersLine('--create --if-not-exists --topic orders --partitions 12 --replication-factor 1 --config unclean.leader.election.enable=true'));
        synthJson(stack);
        const warnings = stack.complianceReport.warnings().filter((e) => e.path === 'development/Access/AdminArtefacts');
        expect(warnings.map((e) => e.ruleId).sort()).toEqual(['HA-002', 'HA-008']);
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('HA-002', () => {
      it('passes HA-002 with replication factors of 3', () => {
        expectCompliant(strimziChart().chart, 'HA-002', KAFKA_PATH);
      });
      it('fails HA-002 when a JSON patch lowers default.replication.factor to 2', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/default.replication.factor', 2));
        expectViolation(chart, 'HA-002', KAFKA_PATH, /spec.kafka.config default.replication.factor is '2'; expected '3'/);
      });
      it('fails HA-002 when a Cruise Control metrics topic key that Strimzi drops is patched in', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/cruise.control.metrics.topic', 'metrics'));
        expectViolation(chart, 'HA-002', KAFKA_PATH, /key 'cruise.control.metrics.topic' is set, and Strimzi 1.2 silently drops keys starting with 'cruise.control.metrics.topic'/);
      });
      it('passes HA-002 on a KafkaTopic with 3 replicas', () => {
        expectCompliant(strimziChartWithTopic().chart, 'HA-002', ORDERS_TOPIC_PATH);
      });
      it('fails HA-002 when a JSON patch lowers a KafkaTopic to 2 replicas', () => {
        const { chart, topic } = strimziChartWithTopic();
        topic.addJsonPatch(JsonPatch.replace('/spec/replicas', 2));
        expectViolation(chart, 'HA-002', ORDERS_TOPIC_PATH, /spec.replicas is 2; expected at least 3/);
      });
      it('fails HA-002 when a JSON patch gives a KafkaTopic more replicas than the cluster has brokers', () => {
        const { chart, topic } = strimziChartWithTopic();
        topic.addJsonPatch(JsonPatch.replace('/spec/replicas', 4));
        expectViolation(chart, 'HA-002', ORDERS_TOPIC_PATH, /spec.replicas is 4 but cluster orders has 3 broker\(s\); expected a replication factor no higher than the broker count/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-002', () => {
      it('passes HA-002 with replication factors of 3', () => {
        expectCompliant(statefulSetChart().chart, 'HA-002', BROKER_CONFIG_PATH);
      });
      it('fails HA-002 when a JSON patch on the ConfigMap lowers default.replication.factor to 2', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'default.replication.factor': '2' });
        expectViolation(chart, 'HA-002', BROKER_CONFIG_PATH, /data\['server.properties'\] default.replication.factor is '2'; expected '3'/);
      });
      it('fails HA-002 when the replication factor is above the broker count', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'default.replication.factor': '4' });
        expectViolation(chart, 'HA-002', BROKER_CONFIG_PATH, /default.replication.factor is 4 but the broker StatefulSets have 3 broker\(s\)/);
      });
      it('fails HA-002 when the admin Job creates a topic with replication factor 2', () => {
        const { chart } = statefulSetChart();
        addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 2']);
        expectViolation(chart, 'HA-002', TOPICS_PATH, /topics.txt line 2 creates topic 'orders' with --replication-factor 2; expected at least 3/);
      });
      it('passes HA-002 for admin Job topics with replication factor 3', () => {
        const { chart } = statefulSetChart();
        addTopics(chart, ['--create --if-not-exists --topic orders --partitions 6 --replication-factor 3']);
        expectCompliant(chart, 'HA-002', TOPICS_PATH);
      });
    });
  });
});
