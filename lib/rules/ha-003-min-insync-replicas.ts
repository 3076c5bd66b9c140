import type { SynthesizedDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { mskTopicsAndBrokerPropertiesCheck, strimziTopicsAndKafkaCheck } from './checks/target-checks';
import { literalNumber } from './readers/msk-cluster-document';
import { expectStrimziConfig, strimziConfigOf, strimziKafkaOf } from './readers/strimzi-documents';
import { checkStatefulSetBrokerProperties } from './readers/statefulset-documents';
import type { TopicLine } from '../contract/admin-command-lines';
import { checkMskAdminTopicLines } from './readers/msk-admin-artefact';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';

/** HA-003: `min.insync.replicas` = 2 and `transaction.state.log.min.isr` = 2, always < replication factor, so one broker can fail without stopping `acks=all` writes. Topics inherit it unless they set a value that is still ≥ 2 and < their RF. */
export const HA_003_MIN_INSYNC_REPLICAS: Rule = defineRule({
  id: 'HA-003',
  title: '`min.insync.replicas` = 2 and `transaction.state.log.min.isr` = 2, always < replication factor, so one broker can fail without stopping `acks=all` writes. Topics inherit it unless they set a value that is still ≥ 2 and < their RF.',
  explanation: 'With acks=all a write succeeds once min.insync.replicas replicas have it. A value of 2 with replication factor 3 means an acknowledged write is on two brokers, and one broker can fail without stopping writes. A value of 1 acknowledges writes held by one broker only; a value equal to the replication factor stops all writes when any broker is down.',
  remediation: 'Set min.insync.replicas=2 and transaction.state.log.min.isr=2, each below its replication factor, and give topics that override it a value >= 2 and below their replication factor. MSK: in the aws_msk_configuration and the topic lines of the admin artefact (MskAccess). Strimzi: in spec.kafka.config and the KafkaTopic config. StatefulSet: in server.properties and the topic admin job.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskTopicsAndBrokerPropertiesCheck(checkMskTopics, checkMsk), strimzi: strimziTopicsAndKafkaCheck(checkStrimziTopic, checkStrimzi), statefulset: checkStatefulSet },
});

/** Each min-ISR broker setting, with the replication factor it must stay below. */
const MIN_ISR_SETTINGS: readonly (readonly [string, string])[] = [
  ['min.insync.replicas', 'default.replication.factor'],
  ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor'],
];

/**
 * MSK: the `aws_msk_configuration` sets `min.insync.replicas` and
 * `transaction.state.log.min.isr` to 2, each below its replication factor; a cluster must use
 * a configuration of this stack.
 */
function checkMsk(props: Readonly<Record<string, string>>, f: Findings): void {
  for (const [key, rfKey] of MIN_ISR_SETTINGS) {
    f.expect(props[key] === '2', {
      found: `${key} is ${shown(props[key])}`,
      expected: "'2'",
      fix: `Set ${key}=2 (MskCluster brokerConfig.minInsyncReplicas: 2).`,
    });
    const isr = literalNumber(props[key]);
    const rf = literalNumber(props[rfKey]);
    f.expect(isr === undefined || rf === undefined || isr < rf, {
      found: `${key} is ${isr} with ${rfKey} ${rf}`,
      expected: `a value below ${rfKey}, so one broker can fail without stopping acks=all writes`,
      fix: `Set ${key}=2 with ${rfKey}=3.`,
    });
  }
}

/**
 * MSK: a topic line of the admin artefact (`kafka-admin/topics.txt`, what `apply.sh` runs)
 * that overrides min.insync.replicas keeps it at 2 or more and below its replication factor.
 */
function checkMskTopics(artefact: TerraformDocument): RuleOutcome {
  return checkMskAdminTopicLines(artefact, topicLineFindings);
}

/** A topic line that overrides min.insync.replicas keeps it at 2 or more and below its `--replication-factor`. */
function topicLineFindings(lines: readonly TopicLine[], where: string, f: Findings): void {
  for (const t of lines) {
    const minIsr = t.config['min.insync.replicas'];
    if (minIsr === undefined) continue;
    f.expect(Number(minIsr) >= 2, {
      found: `${where} line ${t.line} sets min.insync.replicas=${minIsr} on topic '${t.topic}'`,
      expected: 'at least 2',
      fix: 'Remove the override (the cluster sets 2) or set it to 2.',
    });
    f.expect(t.replicationFactor === undefined || Number(minIsr) < Number(t.replicationFactor), {
      found: `${where} line ${t.line} sets min.insync.replicas=${minIsr} on topic '${t.topic}' with --replication-factor ${t.replicationFactor}`,
      expected: 'below the replication factor, so one replica can fail without stopping acks=all writes',
      fix: 'Use min.insync.replicas 2 with replication factor 3.',
    });
  }
}

/**
 * Strimzi: a `KafkaTopic` that sets `min.insync.replicas` keeps it at 2 or more and below its
 * replicas.
 */
function checkStrimziTopic(topic: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const minIsr = topic.body.spec?.config?.['min.insync.replicas'];
  if (minIsr === undefined) return COMPLIANT_STRIMZI_TOPIC;
  const kafka = strimziKafkaOf(ctx.index, topic);
  const rf = Number(topic.body.spec?.replicas ?? (kafka ? strimziConfigOf(kafka)['default.replication.factor'] : NaN));
  const f = new Findings();
  f.expect(Number(minIsr) >= 2, {
    found: `spec.config min.insync.replicas is ${shown(minIsr)}`,
    expected: 'at least 2',
    fix: 'Remove the override (the cluster sets 2) or set it to 2.',
  });
  f.expect(!Number.isFinite(rf) || Number(minIsr) < rf, {
    found: `spec.config min.insync.replicas is ${shown(minIsr)} with replicas ${rf}`,
    expected: 'below the replication factor, so one replica can fail without stopping acks=all writes',
    fix: 'Use min.insync.replicas 2 with replicas 3.',
  });
  return f.outcome();
}

/**
 * Strimzi: `spec.kafka.config` sets `min.insync.replicas` and `transaction.state.log.min.isr`
 * to 2, each below its replication factor.
 */
function checkStrimzi(config: Readonly<Record<string, string>>, f: Findings): void {
  for (const [key, rfKey] of MIN_ISR_SETTINGS) {
    expectStrimziConfig(f, config, key, '2', {
      expected: "'2'",
      fix: `Set ${key}: 2 in spec.kafka.config (StrimziKafkaCluster brokerConfig.minInsyncReplicas: 2).`,
    });
    f.expect(!(Number(config[key]) >= Number(config[rfKey])), {
      found: `spec.kafka.config ${key} is ${config[key]} with ${rfKey} ${config[rfKey]}`,
      expected: `below ${rfKey}`,
      fix: `Use ${key} 2 with ${rfKey} 3.`,
    });
  }
}

const COMPLIANT_STRIMZI_TOPIC: RuleOutcome = { status: 'compliant', notes: ['The topic inherits min.insync.replicas from the cluster.'] };

/**
 * StatefulSet: the broker `server.properties` sets min.insync.replicas and
 * transaction.state.log.min.isr to 2, below their replication factors; a topic of the admin
 * Job's `topics.txt` that overrides min.insync.replicas keeps it >= 2 and below its RF.
 */
function checkStatefulSet(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return checkStatefulSetBrokerProperties(doc, topicLineFindings, ({ properties, where }, f) => {
    for (const [key, rfKey] of MIN_ISR_SETTINGS) {
      f.expect(properties[key] === '2', {
        found: `${where} ${key} is ${shown(properties[key])}`,
        expected: "'2'",
        fix: `Set ${key}=2 (KafkaStatefulSetCluster brokerConfig.minInsyncReplicas: 2).`,
      });
      f.expect(!(Number(properties[key]) >= Number(properties[rfKey])), {
        found: `${where} ${key} is ${properties[key]} with ${rfKey} ${properties[rfKey]}`,
        expected: `below ${rfKey}`,
        fix: `Use ${key} 2 with ${rfKey} 3.`,
      });
    }
  });
}
