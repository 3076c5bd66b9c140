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

import { HA_002_REPLICATION_FACTOR as HA_002 } from '../../lib/rules/ha-002-replication-factor';
import { defaultBrokerProperties, kubernetes, mskCluster, mskConfiguration, nodePool, strimziKafka, terraform } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { itDescribesItself } from './fixtures/metadata';
import { mskAdminArtefact } from './fixtures/cap-rules';
import { nodeConfigMap, nodeStatefulSet, topicsConfigMap } from './fixtures/statefulset-documents';
describe('MSK', () => {
  describe('HA-002 on the topic lines of the admin artefact, over the documents', () => {
    const artefact = (...lines: string[]) => mskAdminArtefact(['# topics', ...lines, ''].join('\n'));
    const cluster3 = mskCluster({ brokers: 3 });

    it('passes factor 3 on a cluster of 3 brokers, and checks no broker count when the cluster is not in the synthesis', () => {
      expect(outcomeOf(HA_002, artefact('--create --topic a --partitions 3 --replication-factor 3'), [cluster3])).toEqual({ status: 'compliant' });
      expect(outcomeOf(HA_002, artefact('--create --topic a --partitions 3 --replication-factor 4'))).toEqual({ status: 'compliant' });
    });
    it('fails factor 4 on a cluster of 3 brokers, with the fix', () => {
      expect(findingsOf(HA_002, artefact('--create --topic a --partitions 3 --replication-factor 4'), [cluster3])).toEqual([{
        found: "input.topics (kafka-admin/topics.txt) line 2 creates topic 'a' with --replication-factor 4 but aws_msk_cluster.kafka has 3 broker(s)",
        expected: 'a replication factor no higher than the broker count',
        fix: 'Add brokers, or lower the topic replication factor to the broker count (3 or more in production).',
      }]);
    });
    it('fails a line without a replication factor once (it takes the broker default), not also against the broker count', () => {
      expect(findingsOf(HA_002, artefact('--create --topic a --partitions 3'), [cluster3])).toEqual([{
        found: "input.topics (kafka-admin/topics.txt) line 2 creates topic 'a' with --replication-factor not set", expected: 'at least 3', fix: 'Declare topic a with replicationFactor: 3.',
      }]);
    });
  });

  itDescribesItself(HA_002, 'HA-002', ['msk', 'strimzi', 'statefulset']);

  describe('HA-002 over the documents (both sides of each check, the whole finding)', () => {
    const usingConfiguration = (brokers: number | string) => {
      const c = mskCluster({ brokers: brokers as number });
      return terraform('aws_msk_cluster', 'kafka', { ...c.body, configuration_info: { arn: '${aws_msk_configuration.kafka_configuration.arn}', revision: 1 } });
    };
    const configuration = (extra: Record<string, string> = {}) => mskConfiguration(defaultBrokerProperties(extra));

    it('passes a configuration with the three factors at 3, used by a cluster of exactly 3 brokers', () => {
      expect(outcomeOf(HA_002, configuration(), [usingConfiguration(3)])).toEqual({ status: 'compliant' });
      expect(outcomeOf(HA_002, usingConfiguration(3), [configuration()])).toEqual({ status: 'compliant' });
    });
    it('fails a configuration whose replication factor 3 is above the 2 brokers of a cluster that uses it', () => {
      expect(findingsOf(HA_002, configuration(), [usingConfiguration(2)])).toEqual([{
        found: 'default.replication.factor is 3 but aws_msk_cluster.kafka has 2 broker(s)',
        expected: 'a replication factor no higher than the broker count',
        fix: 'Raise the broker count to at least the replication factor (3).',
      }]);
    });
    it('leaves the broker comparison out when the broker count is an expression', () => {
      expect(outcomeOf(HA_002, configuration(), [usingConfiguration('${var.brokers}')])).toEqual({ status: 'compliant' });
    });
    it.each(['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'])('fails %s at 2 and at 4, naming the key, the value, 3 and the fix', (key) => {
      for (const value of ['2', '4']) {
        expect(findingsOf(HA_002, configuration({ [key]: value })).filter((f) => f.found.startsWith(`${key} is`))).toEqual([{
          found: `${key} is '${value}'`, expected: "'3'",
          fix: `Set ${key}=3 (MskCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
        }]);
      }
    });
    it('fails a configuration that leaves transaction.state.log.replication.factor unset', () => {
      const props = defaultBrokerProperties();
      delete props['transaction.state.log.replication.factor'];
      expect(findingsOf(HA_002, mskConfiguration(props))).toEqual([{
        found: 'transaction.state.log.replication.factor is not set', expected: "'3'",
        fix: 'Set transaction.state.log.replication.factor=3 (MskCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).',
      }]);
    });
    it('fails a cluster without configuration_info (the MSK defaults), with the fix', () => {
      expect(findingsOf(HA_002, mskCluster())).toEqual([{
        found: 'configuration_info is not set, so the cluster runs the MSK default configuration',
        expected: "an aws_msk_configuration in this stack that sets the rule's broker properties",
        fix: 'Create the cluster with MskCluster, which writes the configuration, or set configuration_info to one.',
      }]);
    });
    it('fails a cluster whose configuration is not in the stack', () => {
      expect(findingsOf(HA_002, usingConfiguration(3)).map((f) => f.expected)).toEqual(['a reference to an aws_msk_configuration in this stack']);
    });
    it('does not apply to other MSK resources', () => {
      expect(outcomeOf(HA_002, terraform('aws_msk_scram_secret_association', 'scram', { cluster_arn: 'x' }))).toEqual({ status: 'not-applicable' });
    });
  });

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
  describe('HA-002 guards, over the documents', () => {
    it('passes factor 3 when the Kafka has no node pools in the synthesis (no broker count to compare)', () => {
      expect(outcomeOf(HA_002, strimziKafka())).toEqual({ status: 'compliant' });
    });
    it('reports an unset default.replication.factor once, not also against the broker count', () => {
      const props = defaultBrokerProperties();
      delete props['default.replication.factor'];
      expect(findingsOf(HA_002, strimziKafka({ config: props }), [nodePool('broker', { replicas: 3 })]).map((f) => f.found)).toEqual(['spec.kafka.config default.replication.factor is not set']);
    });
    it('passes a KafkaTopic without a spec (nothing to compare)', () => {
      expect(outcomeOf(HA_002, kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'bare', { metadata: { labels: { 'strimzi.io/cluster': 'main' } } }), [strimziKafka(), nodePool('broker')])).toEqual({ status: 'compliant' });
    });
  });

  describe('HA-002 over the documents (both sides of each check, the whole finding)', () => {
    const pools = (brokers: number) => [nodePool('broker', { replicas: brokers }), nodePool('controller', { replicas: 3, roles: ['controller'] })];
    const topic = (replicas?: number) => kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', {
      metadata: { labels: { 'strimzi.io/cluster': 'main' } }, spec: { partitions: 12, ...(replicas === undefined ? {} : { replicas }) },
    });

    it('passes replication factor 3 with exactly 3 brokers (the 3 controllers do not count)', () => {
      expect(outcomeOf(HA_002, strimziKafka(), pools(3))).toEqual({ status: 'compliant' });
    });
    it('fails replication factor 3 with 2 brokers, though 3 controllers make 5 nodes', () => {
      expect(findingsOf(HA_002, strimziKafka(), pools(2))).toEqual([{
        found: 'default.replication.factor is 3 but the broker node pools have 2 broker(s)',
        expected: 'a replication factor no higher than the broker count',
        fix: 'Raise the broker count to at least the replication factor (3).',
      }]);
    });
    it('counts a pool with the broker and controller roles as brokers', () => {
      expect(outcomeOf(HA_002, strimziKafka(), [nodePool('combined', { replicas: 3, roles: ['controller', 'broker'] })])).toEqual({ status: 'compliant' });
    });
    it.each(['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'])('fails spec.kafka.config %s at 1, naming the key, the value, 3 and the fix', (key) => {
      expect(findingsOf(HA_002, strimziKafka({ config: defaultBrokerProperties({ [key]: '1' }) }), pools(3)).filter((f) => f.found.includes(` ${key} is`))).toEqual([{
        found: `spec.kafka.config ${key} is '1'`, expected: "'3'",
        fix: `Set ${key}: 3 in spec.kafka.config (StrimziKafkaCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
      }]);
    });
    it('passes a KafkaTopic with replicas equal to the broker count, and one that inherits the default', () => {
      expect(outcomeOf(HA_002, topic(3), [strimziKafka(), ...pools(3)])).toEqual({ status: 'compliant' });
      expect(outcomeOf(HA_002, topic(undefined), [strimziKafka(), ...pools(3)])).toEqual({ status: 'compliant' });
    });
    it('fails a KafkaTopic with more replicas than the brokers of its cluster', () => {
      expect(findingsOf(HA_002, topic(4), [strimziKafka(), ...pools(3)])).toEqual([{
        found: 'spec.replicas is 4 but cluster main has 3 broker(s)',
        expected: 'a replication factor no higher than the broker count',
        fix: 'Add brokers, or lower the topic replicas to the broker count (3 or more in production).',
      }]);
    });
    it('fails a KafkaTopic with 2 replicas', () => {
      expect(findingsOf(HA_002, topic(2), [strimziKafka(), ...pools(3)])).toEqual([{ found: 'spec.replicas is 2', expected: 'at least 3', fix: 'Set replicas: 3 on the topic.' }]);
    });
    it('leaves the broker comparison out for a KafkaTopic whose Kafka is not in the synthesis', () => {
      expect(outcomeOf(HA_002, topic(4))).toEqual({ status: 'compliant' });
    });
    it('does not apply to a KafkaNodePool', () => {
      expect(outcomeOf(HA_002, nodePool('broker'))).toEqual({ status: 'not-applicable' });
    });
  });

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
  describe('HA-002 guards, over the documents', () => {
    const broker = (extra: Record<string, string> = {}) => nodeConfigMap('kafka-brokers', defaultBrokerProperties({ 'process.roles': 'broker', ...extra }));
    it('passes factor 3 when no broker StatefulSet of the cluster is in the synthesis', () => {
      expect(outcomeOf(HA_002, broker())).toEqual({ status: 'compliant' });
    });
    it('reports an unset default.replication.factor once, not also against the broker count', () => {
      const props = defaultBrokerProperties({ 'process.roles': 'broker' });
      delete props['default.replication.factor'];
      expect(findingsOf(HA_002, nodeConfigMap('kafka-brokers', props), [nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3)]).map((f) => f.found))
        .toEqual(["data['server.properties'] default.replication.factor is not set"]);
    });
    it('counts the brokers of its own cluster only', () => {
      expect(outcomeOf(HA_002, broker(), [nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3), nodeStatefulSet('other-brokers', 'kafka-brokers', 1, 'other')])).toEqual({ status: 'compliant' });
    });
  });

  describe('HA-002 over the documents (both sides of each check, the whole finding)', () => {
    const broker = (extra: Record<string, string> = {}) => nodeConfigMap('kafka-brokers', defaultBrokerProperties({ 'process.roles': 'broker', ...extra }));

    it('passes the broker properties with the three factors at 3 and exactly 3 brokers', () => {
      expect(outcomeOf(HA_002, broker(), [nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3)])).toEqual({ status: 'compliant' });
    });
    it('fails replication factor 3 with 2 brokers, naming the file', () => {
      expect(findingsOf(HA_002, broker(), [nodeStatefulSet('kafka-brokers', 'kafka-brokers', 2)])).toEqual([{
        found: "data['server.properties'] default.replication.factor is 3 but the broker StatefulSets have 2 broker(s)",
        expected: 'a replication factor no higher than the broker count',
        fix: 'Raise the broker count to at least the replication factor (3).',
      }]);
    });
    it('does not count controller StatefulSets as brokers', () => {
      const controllers = nodeConfigMap('kafka-controllers', { 'process.roles': 'controller' });
      expect(findingsOf(HA_002, broker(), [nodeStatefulSet('kafka-brokers', 'kafka-brokers', 2), controllers, nodeStatefulSet('kafka-controllers', 'kafka-controllers', 3)])).toHaveLength(1);
    });
    it.each(['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'])('fails %s at 2, naming the file, the key, 3 and the fix', (key) => {
      expect(findingsOf(HA_002, broker({ [key]: '2' }), [nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3)]).filter((f) => f.found.includes(` ${key} is`))).toEqual([{
        found: `data['server.properties'] ${key} is '2'`, expected: "'3'",
        fix: `Set ${key}=3 (KafkaStatefulSetCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
      }]);
    });
    it('does not apply to a broker-less ConfigMap (controller properties), nor to a ConfigMap without Kafka properties', () => {
      expect(outcomeOf(HA_002, nodeConfigMap('kafka-controllers', { 'process.roles': 'controller', 'default.replication.factor': '1' }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_002, kubernetes('v1', 'ConfigMap', 'other', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, data: { a: 'b' } }))).toEqual({ status: 'not-applicable' });
    });
    it('checks every line of topics.txt: a factor of 2, a missing factor, and 3', () => {
      expect(findingsOf(HA_002, topicsConfigMap([
        '--create --topic orders --partitions 3 --replication-factor 2',
        '--create --topic payments --partitions 3',
        '--create --topic audit --partitions 3 --replication-factor 3',
      ]))).toEqual([
        { found: "topics.txt line 1 creates topic 'orders' with --replication-factor 2", expected: 'at least 3', fix: 'Declare topic orders with replicationFactor: 3.' },
        { found: "topics.txt line 2 creates topic 'payments' with --replication-factor not set", expected: 'at least 3', fix: 'Declare topic payments with replicationFactor: 3.' },
      ]);
    });
  });

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
