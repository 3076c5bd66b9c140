import { CapacityPlanAnnotations } from '../../core/capacity-plan-annotations';
import type { SynthesizedDocument } from '../document';
import { Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleOutcome } from '../rule';
import { targetOf } from '../rule-target';

/** CAP-003: a topic has at least the planned partitions. */
export const CAP_003_PARTITIONS: Rule = {
  id: 'CAP-003',
  level: RuleLevel.WARNING,
  title: 'A topic has at least the partitions its capacity plan asks for.',
  explanation: 'Partitions = max(⌈target throughput ÷ one consumer\'s throughput⌉, the consumers wanted) (CapacityPlan). A consumer group can never have more active consumers than partitions, so fewer partitions cap the read throughput; adding partitions later moves keys to other partitions. The rule applies to topics that carry a plan (CapacityPlan.applyToTopics).',
  remediation: 'Declare at least the planned partitions (plan.partitionsPerTopic), or revise the plan.',
  targets: [RuleTarget.STRIMZI],
  check(doc) {
    switch (targetOf(doc)) {
      case RuleTarget.STRIMZI: return checkStrimzi(doc);
      default: return NOT_APPLICABLE;
    }
  },
};

/** Strimzi: `KafkaTopic.spec.partitions` (absent: the broker's num.partitions, 1 by default). */
function checkStrimzi(doc: SynthesizedDocument): RuleOutcome {
  if (doc.source !== 'kubernetes' || doc.kind !== 'KafkaTopic') return NOT_APPLICABLE;
  const plan = CapacityPlanAnnotations.read(doc.body);
  if (plan?.partitionsPerTopic === undefined) return NOT_APPLICABLE;
  const partitions = doc.body.spec?.partitions;
  const f = new Findings();
  f.expect(Number(partitions) >= plan.partitionsPerTopic, {
    found: `spec.partitions is ${partitions ?? 'not set (the broker default, 1)'}`,
    expected: `at least ${plan.partitionsPerTopic}, the partitions of capacity plan '${plan.name}'`,
    fix: `Set partitions: ${plan.partitionsPerTopic} (plan.partitionsPerTopic).`,
  });
  return f.outcome();
}
