import type { KubernetesDocument, SynthesizedDocument } from '../contract/document';
import { Findings, shown, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { nodePropertiesCheck, strimziKafkaCheck, type NodePropertiesFiles } from './checks/target-checks';
import { checkMskBrokerProperties } from './readers/msk-cluster-document';
import { expectStrimziConfig, strimziConfigOf } from './readers/strimzi-documents';
import { hasBrokerRole } from './readers/statefulset-documents';

/** HA-010: `auto.create.topics.enable` = false: topics exist because they are declared. */
export const HA_010_AUTO_CREATE_TOPICS: Rule = defineRule({
  id: 'HA-010',
  title: '`auto.create.topics.enable` = false: topics exist because they are declared.',
  explanation: 'With auto-creation on, a typo in a client\'s topic name creates a topic with broker defaults (maybe one partition, no declared owner or ACL review), and the declared topic model no longer describes the cluster. Topics should exist because they are declared.',
  remediation: 'Set auto.create.topics.enable=false and declare topics. MSK: in the aws_msk_configuration (MskCluster writes it). Strimzi: in spec.kafka.config, with KafkaTopic resources. StatefulSet: in server.properties, with the topic admin job.',
  severity: Severity.WARNING,
  targets: { msk: checkMsk, strimzi: strimziKafkaCheck(checkStrimzi), statefulset: nodePropertiesCheck(checkStatefulSet) },
});

/**
 * MSK: the `aws_msk_configuration` does not turn `auto.create.topics.enable` on (MSK's
 * default is false). A cluster on MSK's default configuration complies; one whose
 * configuration is outside the stack cannot be checked.
 */
function checkMsk(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  return checkMskBrokerProperties(doc, ctx.index, (props, f) => {
    const value = props['auto.create.topics.enable'];
    f.expect(value === undefined || value === 'false', {
      found: `auto.create.topics.enable is ${shown(value)}`,
      expected: "'false'",
      fix: 'Set auto.create.topics.enable=false and declare the topics.',
    });
  }, "MSK's default configuration has auto.create.topics.enable=false.");
}

/** Strimzi: `auto.create.topics.enable` is false in `spec.kafka.config` (topics are KafkaTopics). */
function checkStrimzi(kafka: KubernetesDocument): RuleOutcome {
  const f = new Findings();
  expectStrimziConfig(f, strimziConfigOf(kafka), 'auto.create.topics.enable', 'false', {
    expected: 'false, written out (Kafka defaults to true)',
    fix: 'Set auto.create.topics.enable: false in spec.kafka.config and declare topics as KafkaTopics.',
  });
  return f.outcome();
}

/** StatefulSet: the broker `server.properties` sets auto.create.topics.enable=false. */
function checkStatefulSet({ files }: NodePropertiesFiles): RuleOutcome {
  const brokerFiles = files.filter((n) => hasBrokerRole(n.properties));
  if (brokerFiles.length === 0) return NOT_APPLICABLE;
  const f = new Findings();
  for (const { properties, where } of brokerFiles) {
    f.expect(properties['auto.create.topics.enable'] === 'false', {
      found: `${where} auto.create.topics.enable is ${shown(properties['auto.create.topics.enable'])}`,
      expected: 'false, written out (Kafka defaults to true)',
      fix: 'Set auto.create.topics.enable=false and declare the topics.',
    });
  }
  return f.outcome();
}
