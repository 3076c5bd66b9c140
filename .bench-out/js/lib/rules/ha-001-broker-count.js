"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_001_BROKER_COUNT = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** HA-001: At least 3 brokers. */
exports.HA_001_BROKER_COUNT = {
    id: 'HA-001',
    level: rule_1.RuleLevel.ERROR,
    title: 'At least 3 brokers.',
    explanation: 'With fewer than 3 brokers a cluster cannot keep 3 replicas of a partition, so one broker failure (or a rolling restart) leaves partitions with a single copy or none, and acks=all writes stop. Three brokers is the smallest cluster that survives the loss of one broker without losing data or availability.',
    remediation: 'Run at least 3 brokers. MSK: set brokers (number_of_broker_nodes) to 3 or another multiple of the zone count. Strimzi: give the broker node pool replicas >= 3. StatefulSet: set replicas >= 3. In development a single broker is reported as a warning only.',
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
/** MSK: `number_of_broker_nodes` of the `aws_msk_cluster` is a literal of at least 3. */
function checkMsk(doc, _ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (!cluster)
        return rule_1.NOT_APPLICABLE;
    const brokers = (0, msk_cluster_document_1.brokerCountOf)(cluster);
    const f = new rule_1.Findings();
    f.expect(brokers !== undefined && brokers >= 3, {
        found: `number_of_broker_nodes is ${(0, rule_1.shown)(cluster.body.number_of_broker_nodes)}`,
        expected: 'at least 3, written as a number',
        fix: 'Set brokers: 3 (or another multiple of the zone count) on the MskCluster.',
    });
    return f.outcome();
}
/** Strimzi: the node pools with the broker role of a `Kafka` have at least 3 replicas in total. */
function checkStrimzi(doc, ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const pools = (0, strimzi_documents_1.strimziNodePoolsOf)(ctx.index, kafka).filter((p) => (0, strimzi_documents_1.rolesOf)(p).includes('broker'));
    const brokers = pools.reduce((sum, p) => sum + (0, strimzi_documents_1.replicasOf)(p), 0);
    const f = new rule_1.Findings();
    f.expect(brokers >= 3, {
        found: `the broker node pools (${(0, strimzi_documents_1.describePools)(pools)}) have ${brokers} broker(s)`,
        expected: 'at least 3 brokers',
        fix: 'Give the broker node pools at least 3 replicas in total (StrimziKafkaCluster brokerPools: [{ replicas: 3 }]).',
    });
    return f.outcome();
}
/** StatefulSet: a StatefulSet whose `process.roles` includes broker has at least 3 replicas. */
function checkStatefulSet(doc, ctx) {
    const sts = (0, statefulset_documents_1.kubernetesKind)(doc, 'StatefulSet');
    const node = sts ? (0, statefulset_documents_1.nodeConfigOf)(ctx.index, sts)?.node : undefined;
    if (!sts || !node || !(0, statefulset_documents_1.hasBrokerRole)(node.properties))
        return rule_1.NOT_APPLICABLE;
    const replicas = (0, statefulset_documents_1.replicasOfWorkload)(sts);
    const f = new rule_1.Findings();
    f.expect(replicas >= 3, {
        found: `spec.replicas is ${(0, rule_1.shown)(sts.body.spec?.replicas)} (process.roles '${node.properties['process.roles']}')`,
        expected: 'at least 3 brokers',
        fix: 'Set brokers: { replicas: 3 } on the KafkaStatefulSetCluster (and remove combinedNode outside development).',
    });
    return f.outcome();
}
