import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { checkBrokersPerZone } from '../model/rule-checks';
import { kafkaBrokerCheck, mskClusterCheck, strimziBrokerPoolCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { block, brokerCountOf, list } from './readers/msk-cluster-document';
import { strimziKafkaOf, replicasOf, effectivePodTemplate } from './readers/strimzi-documents';
import { podSpecOf, replicasOfWorkload } from './readers/statefulset-documents';
import { ZONE_TOPOLOGY_KEY } from '../contract/vocabulary';

/** HA-006: Brokers are spread over at least 3 availability zones; the broker count is a multiple of the zone count (MSK requires it; on Kubernetes the same rule keeps zones balanced). */
export const HA_006_ZONE_SPREAD: Rule = defineRule({
  id: 'HA-006',
  title: 'Brokers are spread over at least 3 availability zones; the broker count is a multiple of the zone count (MSK requires it; on Kubernetes the same rule keeps zones balanced).',
  explanation: 'A cluster in one or two availability zones goes down with a zone. Spread over three zones with the same number of brokers in each, the replicas of every partition sit in different zones and a zone outage leaves a majority of replicas and controllers running. MSK refuses a broker count that is not a multiple of its client subnets.',
  remediation: 'Use 3 zones and a broker count that is a multiple of 3. MSK: three client subnets in three zones (KafkaNetwork) and brokers a multiple of the subnet count. Strimzi: node pools spread over the zones with the zone as rack. StatefulSet: topology spread over the zone label with replicas a multiple of the zone count.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziBrokerPoolCheck(checkStrimzi), statefulset: kafkaBrokerCheck(checkStatefulSet) },
});

/**
 * MSK: at least 3 client subnets (one per zone), and `number_of_broker_nodes` a multiple of
 * the subnet count.
 */
function checkMsk(cluster: TerraformDocument): RuleOutcome {
  const subnets = list(block(cluster.body.broker_node_group_info).client_subnets);
  const brokers = brokerCountOf(cluster);
  const f = new Findings();
  f.expect(subnets.length >= 3, {
    found: `broker_node_group_info.client_subnets has ${subnets.length} subnet(s)`,
    expected: '3 subnets in 3 availability zones',
    fix: 'Give the cluster a KafkaNetwork with 3 availability zones.',
  });
  f.refused(`number_of_broker_nodes is ${shown(cluster.body.number_of_broker_nodes)} with ${subnets.length} client subnet(s)`, checkBrokersPerZone(brokers ?? NaN, subnets.length));
  return f.outcome();
}

/**
 * Strimzi: each broker node pool's pods (their effective pod template) are pinned to at least
 * 3 zones (required node affinity on the zone label), spread over them (topology spread on the
 * zone label), and the pool's replicas are a multiple of the zone count.
 */
function checkStrimzi(pool: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const { pod, where } = effectivePodTemplate(pool, strimziKafkaOf(ctx.index, pool));
  return checkPodZones(pod, where, replicasOf(pool), {
    construct: 'StrimziKafkaCluster',
    replicasFix: (n) => `Set replicas: ${n} on the broker pool.`,
  });
}

/**
 * StatefulSet: the broker StatefulSet pins its pods to at least 3 zones (required node affinity
 * on the zone label), spreads them over the zones, and has a multiple of the zone count.
 */
function checkStatefulSet({ sts }: KafkaNodeStatefulSet): RuleOutcome {
  const pod = podSpecOf(sts);
  const where = 'spec.template.spec';
  return checkPodZones(pod, where, replicasOfWorkload(sts), {
    construct: 'KafkaStatefulSetCluster',
    replicasFix: (n) => `Set brokers: { replicas: ${n} }.`,
  });
}

/**
 * A Kubernetes pod template of brokers: pinned to at least 3 zones (required node affinity on
 * the zone label), spread over them (topology spread on the zone label), with a replica count
 * that is a multiple of the zone count.
 */
function checkPodZones(
  pod: any, where: string, replicas: number,
  target: { readonly construct: string; readonly replicasFix: (replicas: number) => string },
): RuleOutcome {
  const terms: any[] = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const zoneExpressions = terms.flatMap((t) => t?.matchExpressions ?? []).filter((e: any) => e?.key === ZONE_TOPOLOGY_KEY && e?.operator === 'In');
  const zones: string[] = zoneExpressions.length > 0 ? [...new Set<string>(zoneExpressions[0].values ?? [])] : [];
  const spread = (pod.topologySpreadConstraints ?? []).some((c: any) => c?.topologyKey === ZONE_TOPOLOGY_KEY);
  const f = new Findings();
  f.expect(zones.length >= 3, {
    found: zones.length === 0
      ? `${where} does not pin the pods to zones (no required node affinity on ${ZONE_TOPOLOGY_KEY}), so the zones they use cannot be checked`
      : `${where} pins the pods to ${zones.length} zone(s) (${zones.join(', ')})`,
    expected: 'at least 3 zones',
    fix: `Set zones: ['<region>a', '<region>b', '<region>c'] on the ${target.construct}.`,
  });
  f.expect(spread, {
    found: `${where} has no topology spread constraint on ${ZONE_TOPOLOGY_KEY}`,
    expected: 'pods spread evenly over the zones',
    fix: `Add a topologySpreadConstraint on ${ZONE_TOPOLOGY_KEY} with maxSkew 1 and whenUnsatisfiable DoNotSchedule.`,
  });
  f.expect(zones.length === 0 || replicas % zones.length === 0, {
    found: `spec.replicas is ${replicas} over ${zones.length} zones`,
    expected: `a multiple of the zone count (${zones.length}), so every zone holds the same number of brokers`,
    fix: target.replicasFix(zones.length * Math.max(1, Math.ceil(replicas / Math.max(1, zones.length)))),
  });
  return f.outcome();
}
