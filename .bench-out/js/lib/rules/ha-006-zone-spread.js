"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_006_ZONE_SPREAD = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** HA-006: Brokers are spread over at least 3 availability zones; the broker count is a multiple of the zone count (MSK requires it; on Kubernetes the same rule keeps zones balanced). */
exports.HA_006_ZONE_SPREAD = {
    id: 'HA-006',
    level: rule_1.RuleLevel.ERROR,
    title: 'Brokers are spread over at least 3 availability zones; the broker count is a multiple of the zone count (MSK requires it; on Kubernetes the same rule keeps zones balanced).',
    explanation: 'A cluster in one or two availability zones goes down with a zone. Spread over three zones with the same number of brokers in each, the replicas of every partition sit in different zones and a zone outage leaves a majority of replicas and controllers running. MSK refuses a broker count that is not a multiple of its client subnets.',
    remediation: 'Use 3 zones and a broker count that is a multiple of 3. MSK: three client subnets in three zones (KafkaNetwork) and brokers a multiple of the subnet count. Strimzi: node pools spread over the zones with the zone as rack. StatefulSet: topology spread over the zone label with replicas a multiple of the zone count.',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    relaxedInDevelopment: true,
    check(doc, ctx) {
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.MSK: return checkMsk(doc, ctx);
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/**
 * MSK: at least 3 client subnets (one per zone), and `number_of_broker_nodes` a multiple of
 * the subnet count.
 */
function checkMsk(doc, _ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (!cluster)
        return rule_1.NOT_APPLICABLE;
    const subnets = (0, msk_cluster_document_1.list)((0, msk_cluster_document_1.block)(cluster.body.broker_node_group_info).client_subnets);
    const brokers = (0, msk_cluster_document_1.brokerCountOf)(cluster);
    const f = new rule_1.Findings();
    f.expect(subnets.length >= 3, {
        found: `broker_node_group_info.client_subnets has ${subnets.length} subnet(s)`,
        expected: '3 subnets in 3 availability zones',
        fix: 'Give the cluster a KafkaNetwork with 3 availability zones.',
    });
    f.expect(brokers !== undefined && subnets.length > 0 && brokers % subnets.length === 0, {
        found: `number_of_broker_nodes is ${(0, rule_1.shown)(cluster.body.number_of_broker_nodes)} with ${subnets.length} client subnet(s)`,
        expected: 'a multiple of the subnet count',
        fix: `Set brokers to a multiple of ${subnets.length || 3}.`,
    });
    return f.outcome();
}
/**
 * Strimzi: each broker node pool's pods (their effective pod template) are pinned to at least
 * 3 zones (required node affinity on the zone label), spread over them (topology spread on the
 * zone label), and the pool's replicas are a multiple of the zone count.
 */
function checkStrimzi(doc, ctx) {
    const pool = (0, strimzi_documents_1.asStrimziNodePool)(doc);
    if (!pool || !(0, strimzi_documents_1.rolesOf)(pool).includes('broker'))
        return rule_1.NOT_APPLICABLE;
    const { pod, where } = (0, strimzi_documents_1.effectivePodTemplate)(pool, (0, strimzi_documents_1.strimziKafkaOf)(ctx.index, pool));
    return checkPodZones(pod, where, (0, strimzi_documents_1.replicasOf)(pool), {
        construct: 'StrimziKafkaCluster',
        replicasFix: (n) => `Set replicas: ${n} on the broker pool.`,
    });
}
const ZONE_KEY = 'topology.kubernetes.io/zone';
/**
 * StatefulSet: the broker StatefulSet pins its pods to at least 3 zones (required node affinity
 * on the zone label), spreads them over the zones, and has a multiple of the zone count.
 */
function checkStatefulSet(doc, ctx) {
    const sts = (0, statefulset_documents_1.kubernetesKind)(doc, 'StatefulSet');
    const node = sts ? (0, statefulset_documents_1.nodeConfigOf)(ctx.index, sts)?.node : undefined;
    if (!sts || !node || !(0, statefulset_documents_1.hasBrokerRole)(node.properties))
        return rule_1.NOT_APPLICABLE;
    const pod = (0, statefulset_documents_1.podSpecOf)(sts);
    const where = 'spec.template.spec';
    return checkPodZones(pod, where, (0, statefulset_documents_1.replicasOfWorkload)(sts), {
        construct: 'KafkaStatefulSetCluster',
        replicasFix: (n) => `Set brokers: { replicas: ${n} }.`,
    });
}
/**
 * A Kubernetes pod template of brokers: pinned to at least 3 zones (required node affinity on
 * the zone label), spread over them (topology spread on the zone label), with a replica count
 * that is a multiple of the zone count.
 */
function checkPodZones(pod, where, replicas, target) {
    const terms = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const zoneExpressions = terms.flatMap((t) => t?.matchExpressions ?? []).filter((e) => e?.key === ZONE_KEY && e?.operator === 'In');
    const zones = zoneExpressions.length > 0 ? [...new Set(zoneExpressions[0].values ?? [])] : [];
    const spread = (pod.topologySpreadConstraints ?? []).some((c) => c?.topologyKey === ZONE_KEY);
    const f = new rule_1.Findings();
    f.expect(zones.length >= 3, {
        found: zones.length === 0
            ? `${where} does not pin the pods to zones (no required node affinity on ${ZONE_KEY}), so the zones they use cannot be checked`
            : `${where} pins the pods to ${zones.length} zone(s) (${zones.join(', ')})`,
        expected: 'at least 3 zones',
        fix: `Set zones: ['<region>a', '<region>b', '<region>c'] on the ${target.construct}.`,
    });
    f.expect(spread, {
        found: `${where} has no topology spread constraint on ${ZONE_KEY}`,
        expected: 'pods spread evenly over the zones',
        fix: `Add a topologySpreadConstraint on ${ZONE_KEY} with maxSkew 1 and whenUnsatisfiable DoNotSchedule.`,
    });
    f.expect(zones.length === 0 || replicas % zones.length === 0, {
        found: `spec.replicas is ${replicas} over ${zones.length} zones`,
        expected: `a multiple of the zone count (${zones.length}), so every zone holds the same number of brokers`,
        fix: target.replicasFix(zones.length * Math.max(1, Math.ceil(replicas / Math.max(1, zones.length)))),
    });
    return f.outcome();
}
