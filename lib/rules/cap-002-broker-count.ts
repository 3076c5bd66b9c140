import { CapacityPlanAnnotations } from '../contract/capacity-plan-annotations';
import type { SynthesizedDocument } from '../contract/document';
import { Findings, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { strimziBrokerCount, strimziBrokerPools } from './readers/strimzi-broker-pools';

/** CAP-002: the cluster has at least the planned broker count. */
export const CAP_002_BROKER_COUNT: Rule = defineRule({
  id: 'CAP-002',
  title: 'The cluster has at least the brokers its capacity plan asks for.',
  explanation: 'Brokers = max(3, ⌈throughput ÷ per-broker capacity⌉), rounded up to a multiple of the zone count (CapacityPlan). Fewer brokers than planned run hot: request latency and consumer lag grow with load. The rule applies to clusters that carry a plan (CapacityPlan.applyToCluster).',
  remediation: 'Run at least the planned brokers (plan.brokers), or revise the plan.',
  severity: Severity.WARNING,
  targets: { msk: checkMsk, strimzi: checkStrimzi, statefulset: checkStatefulSet },
});

/** MSK: `number_of_broker_nodes`. */
function checkMsk(doc: SynthesizedDocument): RuleOutcome {
  if (doc.source !== 'terraform' || doc.type !== 'aws_msk_cluster') return NOT_APPLICABLE;
  const plan = CapacityPlanAnnotations.read(doc.body);
  if (plan?.brokers === undefined) return NOT_APPLICABLE;
  const f = new Findings();
  f.expect(Number(doc.body.number_of_broker_nodes) >= plan.brokers, {
    found: `number_of_broker_nodes is ${doc.body.number_of_broker_nodes}`,
    expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
    fix: `Set brokers: ${plan.brokers} (plan.brokers).`,
  });
  return f.outcome();
}

/** Strimzi: the `Kafka` carries the plan; its brokers are the replicas of its node pools with the broker role. */
function checkStrimzi(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  if (doc.source !== 'kubernetes' || doc.kind !== 'Kafka') return NOT_APPLICABLE;
  const plan = CapacityPlanAnnotations.read(doc.body);
  if (plan?.brokers === undefined) return NOT_APPLICABLE;
  const pools = strimziBrokerPools(ctx.index, doc.namespace, doc.name);
  const brokers = strimziBrokerCount(pools);
  const f = new Findings();
  f.expect(brokers >= plan.brokers, {
    // Stryker disable next-line OptionalChaining: equivalent, a broker pool has spec.roles, so spec exists
    found: `the broker node pools (${pools.map((p) => `${p.name}: ${p.body.spec?.replicas ?? 0}`).join(', ') || 'none'}) have ${brokers} brokers`,
    expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
    fix: `Set the broker node pools' replicas to ${plan.brokers} in total (plan.brokers), a multiple of the zone count.`,
  });
  return f.outcome();
}

/** StatefulSet: `spec.replicas` of a StatefulSet that carries the plan. */
function checkStatefulSet(doc: SynthesizedDocument): RuleOutcome {
  if (doc.source !== 'kubernetes' || doc.kind !== 'StatefulSet') return NOT_APPLICABLE;
  const plan = CapacityPlanAnnotations.read(doc.body);
  if (plan?.brokers === undefined) return NOT_APPLICABLE;
  const replicas = doc.body.spec?.replicas ?? 1;
  const f = new Findings();
  f.expect(Number(replicas) >= plan.brokers, {
    found: `spec.replicas is ${replicas}`,
    expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
    fix: `Set brokers: ${plan.brokers} (plan.brokers).`,
  });
  return f.outcome();
}
