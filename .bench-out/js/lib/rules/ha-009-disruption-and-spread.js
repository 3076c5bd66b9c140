"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_009_DISRUPTION_AND_SPREAD = void 0;
const rule_1 = require("./rule");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** HA-009: On Kubernetes, at most one Kafka node is disrupted at a time: a PodDisruptionBudget that allows 1 (on Strimzi, `spec.kafka.template.podDisruptionBudget.maxUnavailable` ≤ 1, absent = 1: Strimzi writes one PDB over every node-pool pod), pods spread over zones (topology spread, `whenUnsatisfiable: DoNotSchedule`) and over hosts (required anti-affinity on `kubernetes.io/hostname`). */
exports.HA_009_DISRUPTION_AND_SPREAD = {
    id: 'HA-009',
    level: rule_1.RuleLevel.ERROR,
    title: 'On Kubernetes, at most one Kafka node is disrupted at a time: a PodDisruptionBudget that allows 1 (on Strimzi, \`spec.kafka.template.podDisruptionBudget.maxUnavailable\` ≤ 1, absent = 1: Strimzi writes one PDB over every node-pool pod), pods spread over zones (topology spread, \`whenUnsatisfiable: DoNotSchedule\`) and over hosts (required anti-affinity on \`kubernetes.io/hostname\`).',
    explanation: 'Node drains, upgrades and autoscaler moves evict pods. If two Kafka pods go at once, partitions with min.insync.replicas=2 stop accepting writes; if two brokers share a node or a zone, one failure takes both. A budget of one disruption at a time, zone topology spread and host anti-affinity keep any single event to one broker. MSK manages its own brokers, so this rule has no MSK form.',
    remediation: 'Strimzi: keep spec.kafka.template.podDisruptionBudget.maxUnavailable at 1 or below (absent means 1), add a zone topology spread with whenUnsatisfiable: DoNotSchedule and required pod anti-affinity on kubernetes.io/hostname in the node pool templates. StatefulSet: a PodDisruptionBudget with maxUnavailable: 1, the same topology spread and anti-affinity on the pod template.',
    targets: [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    relaxedInDevelopment: true,
    check(doc, ctx) {
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/**
 * Strimzi: the `Kafka` keeps `spec.kafka.template.podDisruptionBudget.maxUnavailable` at 1 or
 * below (absent = 1; Strimzi writes one PDB over every node-pool pod); each node pool's
 * effective pod template spreads over zones with `DoNotSchedule` and has required
 * anti-affinity on `kubernetes.io/hostname`.
 */
function checkStrimzi(doc, ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (kafka) {
        const pdb = kafka.body.spec?.kafka?.template?.podDisruptionBudget ?? {};
        const f = new rule_1.Findings();
        f.expect(pdb.maxUnavailable === undefined || Number(pdb.maxUnavailable) <= 1, {
            found: `spec.kafka.template.podDisruptionBudget.maxUnavailable is ${(0, rule_1.shown)(pdb.maxUnavailable)}`,
            expected: 'at most 1 (absent means 1)',
            fix: 'Set spec.kafka.template.podDisruptionBudget.maxUnavailable: 1.',
        });
        return f.outcome();
    }
    const pool = (0, strimzi_documents_1.asStrimziNodePool)(doc);
    if (!pool)
        return rule_1.NOT_APPLICABLE;
    const { pod, where } = (0, strimzi_documents_1.effectivePodTemplate)(pool, (0, strimzi_documents_1.strimziKafkaOf)(ctx.index, pool));
    const spread = (pod.topologySpreadConstraints ?? []).filter((c) => c?.topologyKey === 'topology.kubernetes.io/zone');
    const antiAffinity = pod.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const f = new rule_1.Findings();
    f.expect(spread.some((c) => c.whenUnsatisfiable === 'DoNotSchedule'), {
        found: spread.length === 0
            ? `${where} has no topology spread constraint on topology.kubernetes.io/zone`
            : `${where} spreads over zones with whenUnsatisfiable ${spread.map((c) => (0, rule_1.shown)(c.whenUnsatisfiable)).join(', ')}`,
        expected: "a zone topology spread with whenUnsatisfiable 'DoNotSchedule'",
        fix: "Add topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: ... }] to the pool's template.pod.",
    });
    f.expect(antiAffinity.some((t) => t?.topologyKey === 'kubernetes.io/hostname'), {
        found: `${where} has no required pod anti-affinity on kubernetes.io/hostname`,
        expected: 'at most one Kafka pod per host (requiredDuringSchedulingIgnoredDuringExecution)',
        fix: "Add affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution with topologyKey 'kubernetes.io/hostname' to the pool's template.pod.",
    });
    return f.outcome();
}
/**
 * StatefulSet: every Kafka node StatefulSet spreads its pods over zones with `DoNotSchedule`,
 * keeps one Kafka pod per host (required anti-affinity on the hostname), and its pods are
 * covered by a PodDisruptionBudget that allows at most one disruption.
 */
function checkStatefulSet(doc, ctx) {
    const sts = (0, statefulset_documents_1.kubernetesKind)(doc, 'StatefulSet');
    if (!sts || !(0, statefulset_documents_1.nodeConfigOf)(ctx.index, sts))
        return rule_1.NOT_APPLICABLE;
    const pod = (0, statefulset_documents_1.podSpecOf)(sts);
    const where = 'spec.template.spec';
    const spread = (pod.topologySpreadConstraints ?? []).filter((c) => c?.topologyKey === 'topology.kubernetes.io/zone');
    const antiAffinity = pod.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const f = new rule_1.Findings();
    f.expect(spread.some((c) => c.whenUnsatisfiable === 'DoNotSchedule'), {
        found: spread.length === 0
            ? `${where} has no topology spread constraint on topology.kubernetes.io/zone`
            : `${where} spreads over zones with whenUnsatisfiable ${spread.map((c) => (0, rule_1.shown)(c.whenUnsatisfiable)).join(', ')}`,
        expected: "a zone topology spread with whenUnsatisfiable 'DoNotSchedule'",
        fix: "Add topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: ... }].",
    });
    f.expect(antiAffinity.some((t) => t?.topologyKey === 'kubernetes.io/hostname'), {
        found: `${where} has no required pod anti-affinity on kubernetes.io/hostname`,
        expected: 'at most one Kafka pod per host (requiredDuringSchedulingIgnoredDuringExecution)',
        fix: "Add affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution with topologyKey 'kubernetes.io/hostname'.",
    });
    const podLabels = sts.body.spec?.template?.metadata?.labels ?? {};
    const pdbs = ctx.index.kubernetes('PodDisruptionBudget').filter((p) => p.namespace === sts.namespace && (0, statefulset_documents_1.selectorMatches)(p.body.spec?.selector, podLabels));
    f.expect(pdbs.length > 0, {
        found: `no PodDisruptionBudget in namespace ${(0, rule_1.shown)(sts.namespace)} selects the pods of StatefulSet ${sts.name}`,
        expected: 'a PodDisruptionBudget with maxUnavailable 1 over the Kafka pods',
        fix: 'Create the cluster with KafkaStatefulSetCluster (it adds one PodDisruptionBudget over every Kafka pod).',
    });
    for (const pdb of pdbs) {
        const spec = pdb.body.spec ?? {};
        const replicas = (0, statefulset_documents_1.replicasOfWorkload)(sts);
        const allows = spec.maxUnavailable !== undefined
            ? (typeof spec.maxUnavailable === 'number' ? spec.maxUnavailable : NaN)
            : (typeof spec.minAvailable === 'number' ? replicas - spec.minAvailable : NaN);
        f.expect(Number.isInteger(allows) && allows <= 1, {
            found: `PodDisruptionBudget ${pdb.name} has maxUnavailable ${(0, rule_1.shown)(spec.maxUnavailable)} and minAvailable ${(0, rule_1.shown)(spec.minAvailable)} over ${replicas} pod(s)`,
            expected: 'at most one disruption at a time, as a number (maxUnavailable: 1)',
            fix: `Set spec.maxUnavailable: 1 on PodDisruptionBudget ${pdb.name}.`,
        });
    }
    return f.outcome();
}
