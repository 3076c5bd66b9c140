"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CAP_001_STORAGE = void 0;
const capacity_plan_annotations_1 = require("../contract/capacity-plan-annotations");
const capacity_planner_1 = require("../model/capacity/capacity-planner");
const jvm_heap_1 = require("../model/jvm-heap");
const rule_1 = require("./rule");
const rule_target_1 = require("../contract/rule-target");
const strimzi_broker_pools_1 = require("./readers/strimzi-broker-pools");
/** CAP-001: provisioned storage per broker is not below the capacity plan. */
exports.CAP_001_STORAGE = {
    id: 'CAP-001',
    level: rule_1.RuleLevel.ERROR,
    title: 'Provisioned storage per broker is not below the capacity plan.',
    explanation: 'Disk = messages/s × average message bytes × retention seconds × replication factor, plus 20% headroom; per broker = that ÷ brokers (CapacityPlan), divided over the brokers the cluster actually has, so a cluster with more brokers than planned needs less per broker. A broker that runs out of disk goes offline and takes its partition replicas with it. The rule applies to clusters that carry a plan (CapacityPlan.applyToCluster: the kafka-iac:capacity-plan tags on MSK, kafka-iac.dev/capacity-plan annotations on Kubernetes).',
    remediation: 'Provision at least the planned storage per broker (plan.storagePerBrokerGiB), or revise the plan.',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    check(doc, ctx) {
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.MSK: return checkMsk(doc);
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/** MSK: `broker_node_group_info.storage_info.ebs_storage_info.volume_size` (GiB per broker). */
function checkMsk(doc) {
    if (doc.source !== 'terraform' || doc.type !== 'aws_msk_cluster')
        return rule_1.NOT_APPLICABLE;
    const plan = capacity_plan_annotations_1.CapacityPlanAnnotations.read(doc.body);
    if (plan?.storagePerBrokerGiB === undefined)
        return rule_1.NOT_APPLICABLE;
    const volume = single(single(single(doc.body.broker_node_group_info)?.storage_info)?.ebs_storage_info)?.volume_size;
    const need = required(plan, Number(doc.body.number_of_broker_nodes));
    const f = new rule_1.Findings();
    f.expect(Number(volume) >= need.gib, {
        found: `volume_size is ${volume === undefined ? 'not set' : `${volume} GiB`} per broker`,
        expected: need.expected,
        fix: `Set volumeSizeGiB: ${need.gib} (plan.storagePerBrokerGiB with the planned brokers); storage autoscaling (CAP-004) grows it from there.`,
    });
    return f.outcome();
}
/** Strimzi: each broker `KafkaNodePool`'s persistent volumes, against the plan on the pool or on its `Kafka`. */
function checkStrimzi(doc, ctx) {
    if (doc.source !== 'kubernetes' || doc.kind !== 'KafkaNodePool')
        return rule_1.NOT_APPLICABLE;
    const roles = doc.body.spec?.roles ?? [];
    if (!roles.includes('broker'))
        return rule_1.NOT_APPLICABLE;
    const kafka = ctx.index.kubernetesByName('Kafka', doc.body.metadata?.labels?.['strimzi.io/cluster'], doc.namespace);
    const plan = capacity_plan_annotations_1.CapacityPlanAnnotations.read(doc.body) ?? (kafka ? capacity_plan_annotations_1.CapacityPlanAnnotations.read(kafka.body) : undefined);
    if (plan?.storagePerBrokerGiB === undefined)
        return rule_1.NOT_APPLICABLE;
    const storage = doc.body.spec?.storage;
    const bytes = strimziPersistentBytes(storage);
    const need = required(plan, (0, strimzi_broker_pools_1.strimziBrokerCount)((0, strimzi_broker_pools_1.strimziBrokerPools)(ctx.index, doc.namespace, doc.body.metadata?.labels?.['strimzi.io/cluster'])));
    const f = new rule_1.Findings();
    f.expect(bytes >= need.gib * capacity_planner_1.BYTES_PER_GIB, {
        found: `spec.storage is ${describeStrimzi(storage)} per broker`,
        expected: need.expected,
        fix: `Set the node pool's persistent-claim size to '${need.gib}Gi' (plan.storagePerBrokerGiB with the planned brokers).`,
    });
    return f.outcome();
}
/** StatefulSet: the volume claim templates' requested storage per pod. */
function checkStatefulSet(doc) {
    if (doc.source !== 'kubernetes' || doc.kind !== 'StatefulSet')
        return rule_1.NOT_APPLICABLE;
    const plan = capacity_plan_annotations_1.CapacityPlanAnnotations.read(doc.body);
    if (plan?.storagePerBrokerGiB === undefined)
        return rule_1.NOT_APPLICABLE;
    const templates = doc.body.spec?.volumeClaimTemplates ?? [];
    const sizes = templates.map((t) => String(t?.spec?.resources?.requests?.storage ?? ''));
    const bytes = sizes.map(jvm_heap_1.parseMemoryQuantity).filter(Number.isFinite).reduce((a, b) => a + b, 0);
    const need = required(plan, Number(doc.body.spec?.replicas ?? 1));
    const f = new rule_1.Findings();
    f.expect(bytes >= need.gib * capacity_planner_1.BYTES_PER_GIB, {
        found: `volumeClaimTemplates request ${sizes.length === 0 ? 'no storage' : sizes.map((s) => `'${s}'`).join(' + ')} per broker`,
        expected: need.expected,
        fix: `Set the data volume claim to '${need.gib}Gi' (plan.storagePerBrokerGiB with the planned brokers).`,
    });
    return f.outcome();
}
/**
 * The GiB each broker needs: the planned disk divided over the brokers the cluster has (when the
 * plan records its total and the count is known), else the plan's per-broker figure.
 */
function required(plan, actualBrokers) {
    if (plan.diskGiB !== undefined && Number.isInteger(actualBrokers) && actualBrokers > 0) {
        const gib = Math.ceil(plan.diskGiB / actualBrokers);
        return { gib, expected: `at least ${gib} GiB per broker: capacity plan '${plan.name}' needs ${plan.diskGiB} GiB (retained bytes × RF + 20% headroom) over ${actualBrokers} brokers` };
    }
    return { gib: plan.storagePerBrokerGiB, expected: `at least ${plan.storagePerBrokerGiB} GiB per broker, the storage of capacity plan '${plan.name}' (retained bytes × RF + 20% headroom ÷ brokers)` };
}
function strimziPersistentBytes(storage) {
    if (!storage)
        return 0;
    if (storage.type === 'jbod')
        return (storage.volumes ?? []).reduce((sum, v) => sum + strimziPersistentBytes(v), 0);
    if (storage.type === 'persistent-claim') {
        const b = (0, jvm_heap_1.parseMemoryQuantity)(String(storage.size ?? ''));
        return Number.isFinite(b) ? b : 0;
    }
    return 0;
}
function describeStrimzi(storage) {
    if (!storage)
        return 'not set';
    if (storage.type === 'jbod')
        return `jbod of ${(storage.volumes ?? []).map(describeStrimzi).join(' + ') || 'no volumes'}`;
    if (storage.type === 'persistent-claim')
        return `persistent-claim '${storage.size}'`;
    return `'${storage.type}' (not persistent)`;
}
/** A block that cdktf writes as an object, or a list of one. */
function single(v) {
    return Array.isArray(v) ? v[0] : v;
}
