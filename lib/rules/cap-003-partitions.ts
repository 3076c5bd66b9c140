import { CapacityPlanAnnotations, type TopicPartitionPlan } from '../contract/capacity-plan-annotations';
import { ACL_ARTEFACT_LABEL } from '../contract/vocabulary';
import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../contract/document';
import { asMskAdminArtefact, mskAdminTopicLinesOf, MSK_ADMIN_TOPICS } from './readers/msk-admin-artefact';
import { Findings, NOT_APPLICABLE, shown, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kubernetesKind, topicLinesOf } from './readers/statefulset-documents';
import { asStrimziTopic } from './readers/strimzi-documents';
import { documentCheck } from './checks/target-checks';
import { plannedCheck, type PlanWith } from './checks/capacity-plan-checks';
import type { TopicLine } from '../contract/admin-command-lines';

/** CAP-003: a topic has at least the planned partitions. */
export const CAP_003_PARTITIONS: Rule = defineRule({
  id: 'CAP-003',
  title: 'A topic has at least the partitions its capacity plan asks for.',
  explanation: 'Partitions = max(⌈target throughput ÷ one consumer\'s throughput⌉, the consumers wanted) (CapacityPlan). A consumer group can never have more active consumers than partitions, so fewer partitions cap the read throughput; adding partitions later moves keys to other partitions. The rule applies to topics that carry a plan (CapacityPlan.applyToTopics): a Strimzi KafkaTopic, and the topic lines of the MSK admin artefact (kafka-admin/topics.txt) and of the StatefulSet access ConfigMap (topics.txt).',
  remediation: 'Declare at least the planned partitions (plan.partitionsPerTopic), or revise the plan.',
  severity: Severity.WARNING,
  targets: {
    msk: documentCheck(asMskAdminArtefact, checkMsk),
    strimzi: plannedCheck(asStrimziTopic, 'partitionsPerTopic', checkStrimzi),
    statefulset: checkStatefulSet,
  },
});

/** MSK: the topic lines of the admin artefact. */
function checkMsk(artefact: TerraformDocument): RuleOutcome {
  return checkTopicLines(CapacityPlanAnnotations.readTopicPlans(artefact.body), mskAdminTopicLinesOf(artefact), MSK_ADMIN_TOPICS, artefact.body.input.topics);
}

/** Strimzi: `KafkaTopic.spec.partitions` (absent: the broker's num.partitions, 1 by default). */
function checkStrimzi(kafkaTopic: KubernetesDocument, plan: PlanWith<'partitionsPerTopic'>): RuleOutcome {
  const partitions = kafkaTopic.body.spec?.partitions;
  const f = new Findings();
  f.expect(Number(partitions) >= plan.partitionsPerTopic, {
    found: `spec.partitions is ${partitions ?? 'not set (the broker default, 1)'}`,
    expected: `at least ${plan.partitionsPerTopic}, the partitions of capacity plan '${plan.name}'`,
    fix: `Set partitions: ${plan.partitionsPerTopic} (plan.partitionsPerTopic).`,
  });
  return f.outcome();
}

/** StatefulSet: the `--partitions` of the planned topics in the access ConfigMap's `topics.txt` (a finding when it is not text). */
function checkStatefulSet(doc: SynthesizedDocument): RuleOutcome {
  const configMap = kubernetesKind(doc, 'ConfigMap');
  // Stryker disable next-line OptionalChaining: equivalent: a document reaches this check only through its target label (dispatchTargetOf), so metadata.labels is always set
  if (!configMap || configMap.body.metadata?.labels?.[ACL_ARTEFACT_LABEL] !== 'true') return NOT_APPLICABLE;
  const text: unknown = configMap.body.data?.['topics.txt'];
  return checkTopicLines(CapacityPlanAnnotations.readTopicPlans(configMap.body), typeof text === 'string' ? topicLinesOf(configMap) : undefined, 'topics.txt', text);
}

/**
 * An admin artefact's topic lines against the partitions planned per topic: each planned topic
 * has a line, whose `--partitions` is at least the plan's (absent: the broker's num.partitions,
 * 1 by default). `lines` is undefined when the text could not be read.
 */
function checkTopicLines(plans: ReadonlyMap<string, TopicPartitionPlan>, lines: readonly TopicLine[] | undefined, where: string, text: unknown): RuleOutcome {
  if (plans.size === 0) return NOT_APPLICABLE;
  const f = new Findings();
  if (lines === undefined) {
    f.add({ found: `${where} is ${shown(text)}`, expected: 'the kafka-topics.sh lines as text', fix: 'Remove the override of the topic lines; the access construct writes them from the access model.' });
    return f.outcome();
  }
  const notes: string[] = [];
  for (const [topic, plan] of plans) {
    const line = lines.find((l) => l.topic === topic);
    const expected = `at least ${plan.partitions}, the partitions of capacity plan '${plan.plan}'`;
    if (!line) {
      f.add({ found: `${where} has no line for topic '${topic}', which capacity plan '${plan.plan}' plans`, expected: `a line creating it with ${expected}`, fix: `Declare topic ${topic} with partitions: ${plan.partitions} in the access model.` });
      continue;
    }
    f.expect(Number(line.partitions) >= plan.partitions, {
      found: `${where} line ${line.line} creates topic '${topic}' with --partitions ${line.partitions ?? 'not set (the broker default num.partitions, 1 unless changed)'}`,
      expected,
      fix: `Declare topic ${topic} with partitions: ${plan.partitions} (plan.partitionsPerTopic).`,
    });
    notes.push(`topic '${topic}': --partitions ${line.partitions}, capacity plan '${plan.plan}' asks for ${plan.partitions}`);
  }
  return f.outcome(notes);
}
