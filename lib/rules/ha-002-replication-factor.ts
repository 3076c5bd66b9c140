import type { SynthesizedDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { mskTopicsAndBrokerPropertiesCheck, strimziTopicsAndKafkaCheck } from './checks/target-checks';
import { brokerCountOf, clustersUsing, literalNumber } from './readers/msk-cluster-document';
import { expectStrimziConfig, strimziKafkaOf, strimziBrokerPoolsOf, strimziBrokerCountOf, forbiddenConfigFindings } from './readers/strimzi-documents';
import { brokerCountOfCluster, checkStatefulSetBrokerProperties } from './readers/statefulset-documents';
import type { TopicLine } from '../contract/admin-command-lines';
import { checkMskAdminTopicLines, mskClusterOfArtefact } from './readers/msk-admin-artefact';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { KAFKA_CLUSTER_LABEL } from '../contract/vocabulary';

/** HA-002: `default.replication.factor` = 3 (never above the broker count), `offsets.topic.replication.factor` = 3, `transaction.state.log.replication.factor` = 3. Every declared topic has replication factor ≥ 3. */
export const HA_002_REPLICATION_FACTOR: Rule = defineRule({
  id: 'HA-002',
  title: '`default.replication.factor` = 3 (never above the broker count), `offsets.topic.replication.factor` = 3, `transaction.state.log.replication.factor` = 3. Every declared topic has replication factor ≥ 3.',
  explanation: 'Data survives a broker failure only if every partition has copies on other brokers. Replication factor 3 keeps two copies when one broker is down, including the internal __consumer_offsets and __transaction_state topics, whose loss breaks every consumer group or transactional producer. A replication factor above the broker count makes topic creation fail.',
  remediation: 'Set default.replication.factor, offsets.topic.replication.factor and transaction.state.log.replication.factor to 3, with at least 3 brokers, and declare every topic with replicas >= 3. MSK: in the aws_msk_configuration (MskCluster brokerConfig) and the topic lines of the admin artefact (MskAccess). Strimzi: in spec.kafka.config and on each KafkaTopic. StatefulSet: in server.properties and the topic admin job.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskTopicsAndBrokerPropertiesCheck(checkMskTopics, checkMsk), strimzi: strimziTopicsAndKafkaCheck(checkStrimziTopic, checkStrimzi), statefulset: checkStatefulSet },
});

/**
 * MSK: the `aws_msk_configuration` sets the three replication factors to 3, never above the
 * broker count of a cluster that uses it; a cluster must use a configuration of this stack
 * (MSK's defaults are not what HA-002 asks). Topic replication factors are checked on the
 * topic model and on the admin artefact's topic lines (`checkMskTopics`): provider 5.100 has
 * no MSK topic resource.
 */
function checkMsk(props: Readonly<Record<string, string>>, f: Findings, configuration: TerraformDocument, ctx: RuleContext): void {
  for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
    f.expect(props[key] === '3', {
      found: `${key} is ${shown(props[key])}`,
      expected: "'3'",
      fix: `Set ${key}=3 (MskCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
    });
  }
  const rf = literalNumber(props['default.replication.factor']);
  for (const c of clustersUsing(configuration, ctx.index)) {
    const brokers = brokerCountOf(c);
    f.expect(rf === undefined || brokers === undefined || rf <= brokers, {
      found: `default.replication.factor is ${rf} but ${c.address} has ${brokers} broker(s)`,
      expected: 'a replication factor no higher than the broker count',
      fix: 'Raise the broker count to at least the replication factor (3).',
    });
  }
}

/**
 * MSK: every topic line of the admin artefact (`kafka-admin/topics.txt`, what `apply.sh` runs)
 * creates its topic with `--replication-factor` 3 or more, no higher than the brokers of the
 * artefact's cluster.
 */
function checkMskTopics(artefact: TerraformDocument, ctx: RuleContext): RuleOutcome {
  const cluster = mskClusterOfArtefact(artefact, ctx.index);
  const brokers = cluster ? brokerCountOf(cluster) : undefined;
  return checkMskAdminTopicLines(artefact, (lines, where, f) => {
    topicLineFindings(lines, where, f);
    for (const t of lines) {
      const rf = Number(t.replicationFactor);
      f.expect(!Number.isFinite(rf) || brokers === undefined || rf <= brokers, {
        // Stryker disable next-line OptionalChaining: a broker count was read from the cluster, so it is defined here
        found: `${where} line ${t.line} creates topic '${t.topic}' with --replication-factor ${rf} but ${cluster?.address} has ${brokers} broker(s)`,
        expected: 'a replication factor no higher than the broker count',
        fix: 'Add brokers, or lower the topic replication factor to the broker count (3 or more in production).',
      });
    }
  });
}

/** Every topic line creates its topic with `--replication-factor` 3 or more; a line without one is refused (it takes whatever default the brokers have). */
function topicLineFindings(lines: readonly TopicLine[], where: string, f: Findings): void {
  for (const t of lines) {
    // Stryker disable next-line ConditionalExpression: Number(undefined) is NaN, which fails >= 3 as well
    f.expect(t.replicationFactor !== undefined && Number(t.replicationFactor) >= 3, {
      found: `${where} line ${t.line} creates topic '${t.topic}' with --replication-factor ${t.replicationFactor ?? 'not set'}`,
      expected: 'at least 3',
      fix: `Declare topic ${t.topic} with replicationFactor: 3.`,
    });
  }
}

/**
 * Strimzi: a `KafkaTopic` with `spec.replicas` has at least 3, never above the brokers of its
 * cluster (absent: it inherits `default.replication.factor`, checked on the Kafka).
 */
function checkStrimziTopic(topic: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const replicas = topic.body.spec?.replicas;
  const f = new Findings();
  f.expect(replicas === undefined || Number(replicas) >= 3, {
    found: `spec.replicas is ${shown(replicas)}`,
    expected: 'at least 3',
    fix: 'Set replicas: 3 on the topic.',
  });
  const kafka = strimziKafkaOf(ctx.index, topic);
  const brokers = kafka ? strimziBrokerCountOf(strimziBrokerPoolsOf(ctx.index, kafka)) : 0;
  f.expect(replicas === undefined || brokers === 0 || Number(replicas) <= brokers, {
    found: `spec.replicas is ${shown(replicas)} but cluster ${kafka?.name} has ${brokers} broker(s)`,
    expected: 'a replication factor no higher than the broker count',
    fix: 'Add brokers, or lower the topic replicas to the broker count (3 or more in production).',
  });
  return f.outcome();
}

/**
 * Strimzi: `spec.kafka.config` sets the three replication factors to 3, never above the broker
 * count. Cruise Control metrics-topic keys that Strimzi drops are refused here.
 */
function checkStrimzi(config: Readonly<Record<string, string>>, f: Findings, kafka: KubernetesDocument, ctx: RuleContext): void {
  for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
    expectStrimziConfig(f, config, key, '3', {
      expected: "'3'",
      fix: `Set ${key}: 3 in spec.kafka.config (StrimziKafkaCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
    });
  }
  const brokers = strimziBrokerCountOf(strimziBrokerPoolsOf(ctx.index, kafka));
  const rf = Number(config['default.replication.factor']);
  f.expect(!Number.isFinite(rf) || brokers === 0 || rf <= brokers, {
    found: `default.replication.factor is ${rf} but the broker node pools have ${brokers} broker(s)`,
    expected: 'a replication factor no higher than the broker count',
    fix: 'Raise the broker count to at least the replication factor (3).',
  });
  forbiddenConfigFindings(kafka, 'HA-002', f);
}

/**
 * StatefulSet: the broker `server.properties` (ConfigMap) sets the three replication factors to 3,
 * no higher than the cluster's brokers; the admin Job's `topics.txt` creates topics with RF >= 3.
 */
function checkStatefulSet(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  return checkStatefulSetBrokerProperties(doc, topicLineFindings, ({ properties, where }, f, configMap) => {
    // Stryker disable next-line OptionalChaining: the StatefulSet target is recognised by a label, so metadata.labels exists here
    const cluster = configMap.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL];
    // Stryker disable next-line ConditionalExpression: without a cluster label no broker StatefulSet matches, so the count is 0 either way
    const brokers = typeof cluster === 'string' ? brokerCountOfCluster(ctx.index, cluster, configMap.namespace) : 0;
    for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
      f.expect(properties[key] === '3', {
        found: `${where} ${key} is ${shown(properties[key])}`,
        expected: "'3'",
        fix: `Set ${key}=3 (KafkaStatefulSetCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
      });
    }
    const rf = Number(properties['default.replication.factor']);
    f.expect(!Number.isFinite(rf) || brokers === 0 || rf <= brokers, {
      found: `${where} default.replication.factor is ${rf} but the broker StatefulSets have ${brokers} broker(s)`,
      expected: 'a replication factor no higher than the broker count',
      fix: 'Raise the broker count to at least the replication factor (3).',
    });
  });
}
