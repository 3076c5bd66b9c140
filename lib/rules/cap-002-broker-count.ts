import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { plannedCheck, type PlanWith } from './checks/capacity-plan-checks';
import { asMskCluster } from './readers/msk-cluster-document';
import { kubernetesKind } from './readers/statefulset-documents';
import { asStrimziKafka, strimziBrokerCountOf, strimziBrokerPoolsOf } from './readers/strimzi-documents';

/** CAP-002: the cluster has at least the planned broker count. */
export const CAP_002_BROKER_COUNT: Rule = defineRule({
  id: 'CAP-002',
  title: 'The cluster has at least the brokers its capacity plan asks for.',
  explanation: 'Brokers = max(3, ⌈throughput ÷ per-broker capacity⌉), rounded up to a multiple of the zone count (CapacityPlan). Fewer brokers than planned run hot: request latency and consumer lag grow with load. The rule applies to clusters that carry a plan (CapacityPlan.applyToCluster).',
  remediation: 'Run at least the planned brokers (plan.brokers), or revise the plan.',
  severity: Severity.WARNING,
  targets: {
    msk: plannedCheck(asMskCluster, 'brokers', checkMsk),
    strimzi: plannedCheck(asStrimziKafka, 'brokers', checkStrimzi),
    statefulset: plannedCheck((doc) => kubernetesKind(doc, 'StatefulSet'), 'brokers', checkStatefulSet),
  },
});

/** MSK: `number_of_broker_nodes`. */
function checkMsk(doc: TerraformDocument, plan: PlanWith<'brokers'>): RuleOutcome {
  const f = new Findings();
  f.expect(Number(doc.body.number_of_broker_nodes) >= plan.brokers, {
    found: `number_of_broker_nodes is ${doc.body.number_of_broker_nodes}`,
    expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
    fix: `Set brokers: ${plan.brokers} (plan.brokers).`,
  });
  return f.outcome();
}

/** Strimzi: the `Kafka` carries the plan; its brokers are the replicas of its node pools with the broker role. */
function checkStrimzi(doc: KubernetesDocument, plan: PlanWith<'brokers'>, ctx: RuleContext): RuleOutcome {
  const pools = strimziBrokerPoolsOf(ctx.index, doc);
  const brokers = strimziBrokerCountOf(pools);
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
function checkStatefulSet(doc: KubernetesDocument, plan: PlanWith<'brokers'>): RuleOutcome {
  const replicas = doc.body.spec?.replicas ?? 1;
  const f = new Findings();
  f.expect(Number(replicas) >= plan.brokers, {
    found: `spec.replicas is ${replicas}`,
    expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
    fix: `Set brokers: ${plan.brokers} (plan.brokers).`,
  });
  return f.outcome();
}
