import type { SynthesizedDocument } from '../document';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { targetOf } from '../rule-target';

/** HA-009: On Kubernetes, at most one Kafka node is disrupted at a time: a PodDisruptionBudget that allows 1 (on Strimzi, `spec.kafka.template.podDisruptionBudget.maxUnavailable` ≤ 1, absent = 1: Strimzi writes one PDB over every node-pool pod), pods spread over zones (topology spread, `whenUnsatisfiable: DoNotSchedule`) and over hosts (required anti-affinity on `kubernetes.io/hostname`). */
export const HA_009_DISRUPTION_AND_SPREAD: Rule = {
  id: 'HA-009',
  level: RuleLevel.ERROR,
  title: 'On Kubernetes, at most one Kafka node is disrupted at a time: a PodDisruptionBudget that allows 1 (on Strimzi, \`spec.kafka.template.podDisruptionBudget.maxUnavailable\` ≤ 1, absent = 1: Strimzi writes one PDB over every node-pool pod), pods spread over zones (topology spread, \`whenUnsatisfiable: DoNotSchedule\`) and over hosts (required anti-affinity on \`kubernetes.io/hostname\`).',
  explanation: 'Node drains, upgrades and autoscaler moves evict pods. If two Kafka pods go at once, partitions with min.insync.replicas=2 stop accepting writes; if two brokers share a node or a zone, one failure takes both. A budget of one disruption at a time, zone topology spread and host anti-affinity keep any single event to one broker. MSK manages its own brokers, so this rule has no MSK form.',
  remediation: 'Strimzi: keep spec.kafka.template.podDisruptionBudget.maxUnavailable at 1 or below (absent means 1), add a zone topology spread with whenUnsatisfiable: DoNotSchedule and required pod anti-affinity on kubernetes.io/hostname in the node pool templates. StatefulSet: a PodDisruptionBudget with maxUnavailable: 1, the same topology spread and anti-affinity on the pod template.',
  targets: [RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  relaxedInDevelopment: true,
  check(doc, ctx) {
    switch (targetOf(doc)) {
      case RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
      case RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
      default: return NOT_APPLICABLE;
    }
  },
};

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
