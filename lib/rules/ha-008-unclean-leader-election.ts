import type { SynthesizedDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { mskTopicsAndBrokerPropertiesCheck, strimziTopicsAndKafkaCheck } from './checks/target-checks';
import { expectStrimziConfig } from './readers/strimzi-documents';
import { checkStatefulSetBrokerProperties } from './readers/statefulset-documents';
import type { TopicLine } from '../contract/admin-command-lines';
import { checkMskAdminTopicLines } from './readers/msk-admin-artefact';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';

/** HA-008: `unclean.leader.election.enable` = false. */
export const HA_008_UNCLEAN_LEADER_ELECTION: Rule = defineRule({
  id: 'HA-008',
  title: '`unclean.leader.election.enable` = false.',
  explanation: 'Unclean leader election lets a replica that is not in sync become leader, which silently loses every write it had not yet copied. Keeping it off trades a short unavailability of the partition for no data loss. MSK\'s default configuration turns it on.',
  remediation: 'Set unclean.leader.election.enable=false. MSK: in the aws_msk_configuration (MskCluster writes it). Strimzi: in spec.kafka.config. StatefulSet: in server.properties. Do not override it on topics (KafkaTopic config, the topic lines of the MSK and StatefulSet admin artefacts).',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskTopicsAndBrokerPropertiesCheck(checkMskTopics, checkMsk), strimzi: strimziTopicsAndKafkaCheck(checkStrimziTopic, checkStrimzi), statefulset: checkStatefulSet },
});

/**
 * MSK: the `aws_msk_configuration` sets `unclean.leader.election.enable=false` explicitly
 * (MSK's default configuration sets it to true); a cluster must use a configuration of this stack.
 */
function checkMsk(props: Readonly<Record<string, string>>, f: Findings): void {
  const value = props['unclean.leader.election.enable'];
  f.expect(value === 'false', {
    found: `unclean.leader.election.enable is ${shown(value)}`,
    expected: "'false', written out (MSK's default is true)",
    fix: 'Set unclean.leader.election.enable=false in the configuration (MskCluster writes it; remove any brokerConfig.extra override).',
  });
}

/** MSK: no topic line of the admin artefact (`kafka-admin/topics.txt`, what `apply.sh` runs) turns unclean leader election on. */
function checkMskTopics(artefact: TerraformDocument): RuleOutcome {
  return checkMskAdminTopicLines(artefact, topicLineFindings);
}

/** No topic line sets unclean.leader.election.enable to anything but false. */
function topicLineFindings(lines: readonly TopicLine[], where: string, f: Findings): void {
  for (const t of lines) {
    const value = t.config['unclean.leader.election.enable'];
    f.expect(value === undefined || value === 'false', {
      found: `${where} line ${t.line} sets unclean.leader.election.enable=${value} on topic '${t.topic}'`,
      expected: 'false or absent (the cluster sets false)',
      fix: 'Remove the topic override.',
    });
  }
}

/** Strimzi: no `KafkaTopic` turns `unclean.leader.election.enable` on. */
function checkStrimziTopic(topic: KubernetesDocument): RuleOutcome {
  const value = topic.body.spec?.config?.['unclean.leader.election.enable'];
  const f = new Findings();
  f.expect(value === undefined || String(value) === 'false', {
    found: `spec.config unclean.leader.election.enable is ${shown(value)}`,
    expected: 'false or absent (the cluster sets false)',
    fix: 'Remove the topic override.',
  });
  return f.outcome();
}

/** Strimzi: `unclean.leader.election.enable` is false in `spec.kafka.config`. */
function checkStrimzi(config: Readonly<Record<string, string>>, f: Findings): void {
  expectStrimziConfig(f, config, 'unclean.leader.election.enable', 'false', {
    expected: 'false, written out',
    fix: 'Set unclean.leader.election.enable: false in spec.kafka.config (StrimziKafkaCluster writes it).',
  });
}

/** StatefulSet: the broker `server.properties` sets unclean.leader.election.enable=false; no topic of `topics.txt` turns it on. */
function checkStatefulSet(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return checkStatefulSetBrokerProperties(doc, topicLineFindings, ({ properties, where }, f) => {
    f.expect(properties['unclean.leader.election.enable'] === 'false', {
      found: `${where} unclean.leader.election.enable is ${shown(properties['unclean.leader.election.enable'])}`,
      expected: 'false, written out',
      fix: 'Set unclean.leader.election.enable=false (KafkaStatefulSetCluster writes it).',
    });
  });
}
