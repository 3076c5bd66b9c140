import type { SynthesizedDocument } from '../contract/document';
import { shown, Findings, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kafkaNodeCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { asStrimziKafka, asStrimziNodePool, strimziKafkaOf, effectivePodTemplate } from './readers/strimzi-documents';
import { HOSTNAME_TOPOLOGY_KEY, KAFKA_CLUSTER_LABEL, ZONE_TOPOLOGY_KEY } from '../contract/vocabulary';
import { nodeConfigOf, podSpecOf, replicasOfWorkload, selectorMatches } from './readers/statefulset-documents';

/** HA-009: On Kubernetes, at most one Kafka node is disrupted at a time: a PodDisruptionBudget that allows 1 (on Strimzi, `spec.kafka.template.podDisruptionBudget.maxUnavailable` ≤ 1, absent = 1: Strimzi writes one PDB over every node-pool pod), pods spread over zones (topology spread, `whenUnsatisfiable: DoNotSchedule`) and over hosts (required anti-affinity on `kubernetes.io/hostname`). */
export const HA_009_DISRUPTION_AND_SPREAD: Rule = defineRule({
  id: 'HA-009',
  title: 'On Kubernetes, at most one Kafka node is disrupted at a time: a PodDisruptionBudget that allows 1 (on Strimzi, `spec.kafka.template.podDisruptionBudget.maxUnavailable` ≤ 1, absent = 1: Strimzi writes one PDB over every node-pool pod), pods spread over zones (topology spread, `whenUnsatisfiable: DoNotSchedule`) and over hosts (required anti-affinity on `kubernetes.io/hostname`).',
  explanation: 'Node drains, upgrades and autoscaler moves evict pods. If two Kafka pods go at once, partitions with min.insync.replicas=2 stop accepting writes; if two brokers share a node or a zone, one failure takes both. A budget of one disruption at a time, zone topology spread and host anti-affinity keep any single event to one broker. MSK manages its own brokers, so this rule has no MSK form.',
  remediation: 'Strimzi: keep spec.kafka.template.podDisruptionBudget.maxUnavailable at 1 or below (absent means 1), add a zone topology spread with whenUnsatisfiable: DoNotSchedule and required pod anti-affinity on kubernetes.io/hostname in the node pool templates. StatefulSet: one PodDisruptionBudget with maxUnavailable: 1 over every Kafka pod of the cluster (brokers and controllers alike), the same topology spread and anti-affinity on the pod template.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { strimzi: checkStrimzi, statefulset: kafkaNodeCheck(checkStatefulSet) },
});

/**
 * Strimzi: the `Kafka` keeps `spec.kafka.template.podDisruptionBudget.maxUnavailable` at 1 or
 * below (absent = 1; Strimzi writes one PDB over every node-pool pod); each node pool's
 * effective pod template spreads over zones with `DoNotSchedule` and has required
 * anti-affinity on `kubernetes.io/hostname`.
 */
function checkStrimzi(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  const kafka = asStrimziKafka(doc);
  if (kafka) {
    const pdb = kafka.body.spec?.kafka?.template?.podDisruptionBudget ?? {};
    const f = new Findings();
    f.expect(pdb.maxUnavailable === undefined || Number(pdb.maxUnavailable) <= 1, {
      found: `spec.kafka.template.podDisruptionBudget.maxUnavailable is ${shown(pdb.maxUnavailable)}`,
      expected: 'at most 1 (absent means 1)',
      fix: 'Set spec.kafka.template.podDisruptionBudget.maxUnavailable: 1.',
    });
    return f.outcome();
  }
  const pool = asStrimziNodePool(doc);
  if (!pool) return NOT_APPLICABLE;
  const { pod, where } = effectivePodTemplate(pool, strimziKafkaOf(ctx.index, pool));
  const f = new Findings();
  podPlacementFindings(pod, where, " to the pool's template.pod", f);
  return f.outcome();
}

/**
 * StatefulSet: every Kafka node StatefulSet spreads its pods over zones with `DoNotSchedule`,
 * keeps one Kafka pod per host (required anti-affinity on the hostname), and its pods are
 * covered by exactly one PodDisruptionBudget (two would make every eviction fail), which
 * allows at most one disruption and also covers the pods of every other Kafka node StatefulSet
 * of the cluster (one budget per role would let a broker and a controller go at once).
 */
function checkStatefulSet({ sts }: KafkaNodeStatefulSet, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  podPlacementFindings(podSpecOf(sts), 'spec.template.spec', '', f);
  // Stryker disable next-line OptionalChaining: kafkaNodeCheck passes only a StatefulSet whose spec.template mounts the node ConfigMap, so both exist
  const podLabels: Record<string, string> = sts.body.spec?.template?.metadata?.labels ?? {};
  const pdbs = ctx.index.kubernetes('PodDisruptionBudget').filter((p) => p.namespace === sts.namespace && selectorMatches(p.body.spec?.selector, podLabels));
  f.expect(pdbs.length > 0, {
    found: `no PodDisruptionBudget in namespace ${shown(sts.namespace)} selects the pods of StatefulSet ${sts.name}`,
    expected: 'a PodDisruptionBudget with maxUnavailable 1 over the Kafka pods',
    fix: 'Create the cluster with KafkaStatefulSetCluster (it adds one PodDisruptionBudget over every Kafka pod).',
  });
  // kubernetes eviction.go: a pod selected by two budgets cannot be evicted at all (500).
  f.expect(pdbs.length <= 1, {
    found: `PodDisruptionBudgets ${pdbs.map((p) => p.name).join(', ')} all select the pods of StatefulSet ${sts.name}`,
    expected: 'exactly one PodDisruptionBudget over each Kafka pod (the eviction API refuses a pod that two budgets select)',
    fix: `Delete all but one of ${pdbs.map((p) => p.name).join(', ')}, and let the one left select every Kafka pod of the cluster.`,
  });
  const siblings = otherKafkaNodeSets(sts, ctx);
  for (const pdb of pdbs) {
    const spec = pdb.body.spec ?? {};
    const replicas = replicasOfWorkload(sts);
    // A percentage (a string) is no number of pods: Number.isInteger refuses it below.
    const allows = spec.maxUnavailable !== undefined
      ? spec.maxUnavailable
      : (typeof spec.minAvailable === 'number' ? replicas - spec.minAvailable : NaN);
    f.expect(Number.isInteger(allows) && allows <= 1, {
      found: `PodDisruptionBudget ${pdb.name} has maxUnavailable ${shown(spec.maxUnavailable)} and minAvailable ${shown(spec.minAvailable)} over ${replicas} pod(s)`,
      expected: 'at most one disruption at a time, as a number (maxUnavailable: 1)',
      fix: `Set spec.maxUnavailable: 1 on PodDisruptionBudget ${pdb.name}.`,
    });
    const missed = siblings.filter((s) => !selectorMatches(pdb.body.spec?.selector, s.body.spec?.template?.metadata?.labels ?? {}));
    f.expect(missed.length === 0, {
      found: `PodDisruptionBudget ${pdb.name} selects the pods of StatefulSet ${sts.name} but not those of ${missed.map((s) => s.name).join(', ')} of the same cluster`,
      expected: 'one PodDisruptionBudget over every Kafka pod of the cluster, whatever its role (a budget per role lets one node of each go at once)',
      fix: `Select the pods by their cluster label only in PodDisruptionBudget ${pdb.name}, and delete the other budgets over the cluster's Kafka pods.`,
    });
  }
  return f.outcome();
}

/** The other Kafka node StatefulSets of the cluster of `sts` (same namespace and cluster label). */
function otherKafkaNodeSets(sts: KafkaNodeStatefulSet['sts'], ctx: RuleContext): KafkaNodeStatefulSet['sts'][] {
  const cluster = sts.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL];
  if (typeof cluster !== 'string') return [];
  return ctx.index.kubernetes('StatefulSet').filter((s) => s !== sts && s.namespace === sts.namespace
    && s.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL] === cluster && nodeConfigOf(ctx.index, s) !== undefined);
}

/**
 * A pod template of Kafka nodes spreads over zones with `DoNotSchedule` and keeps one Kafka pod
 * per host (required anti-affinity on the hostname). `to` names where the fix goes.
 */
function podPlacementFindings(pod: Readonly<Record<string, any>>, where: string, to: string, f: Findings): void {
  // Stryker disable next-line ArrayDeclaration: a default list with an entry that is no constraint object matches no topology key either
  const spread: any[] = (pod.topologySpreadConstraints ?? []).filter((c: any) => c?.topologyKey === ZONE_TOPOLOGY_KEY);
  // Stryker disable next-line ArrayDeclaration: a default list with an entry that is no term object matches no topology key either
  const antiAffinity: any[] = pod.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  f.expect(spread.some((c) => c.whenUnsatisfiable === 'DoNotSchedule'), {
    found: spread.length === 0
      ? `${where} has no topology spread constraint on topology.kubernetes.io/zone`
      : `${where} spreads over zones with whenUnsatisfiable ${spread.map((c) => shown(c.whenUnsatisfiable)).join(', ')}`,
    expected: "a zone topology spread with whenUnsatisfiable 'DoNotSchedule'",
    fix: `Add topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: ... }]${to}.`,
  });
  f.expect(antiAffinity.some((t) => t?.topologyKey === HOSTNAME_TOPOLOGY_KEY), {
    found: `${where} has no required pod anti-affinity on kubernetes.io/hostname`,
    expected: 'at most one Kafka pod per host (requiredDuringSchedulingIgnoredDuringExecution)',
    fix: `Add affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution with topologyKey 'kubernetes.io/hostname'${to}.`,
  });
}
