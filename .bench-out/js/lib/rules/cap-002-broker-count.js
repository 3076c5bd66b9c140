"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CAP_002_BROKER_COUNT = void 0;
const capacity_plan_annotations_1 = require("../contract/capacity-plan-annotations");
const rule_1 = require("./rule");
const rule_target_1 = require("../contract/rule-target");
const strimzi_broker_pools_1 = require("./readers/strimzi-broker-pools");
/** CAP-002: the cluster has at least the planned broker count. */
exports.CAP_002_BROKER_COUNT = {
    id: 'CAP-002',
    level: rule_1.RuleLevel.WARNING,
    title: 'The cluster has at least the brokers its capacity plan asks for.',
    explanation: 'Brokers = max(3, ⌈throughput ÷ per-broker capacity⌉), rounded up to a multiple of the zone count (CapacityPlan). Fewer brokers than planned run hot: request latency and consumer lag grow with load. The rule applies to clusters that carry a plan (CapacityPlan.applyToCluster).',
    remediation: 'Run at least the planned brokers (plan.brokers), or revise the plan.',
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
/** MSK: `number_of_broker_nodes`. */
function checkMsk(doc) {
    if (doc.source !== 'terraform' || doc.type !== 'aws_msk_cluster')
        return rule_1.NOT_APPLICABLE;
    const plan = capacity_plan_annotations_1.CapacityPlanAnnotations.read(doc.body);
    if (plan?.brokers === undefined)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    f.expect(Number(doc.body.number_of_broker_nodes) >= plan.brokers, {
        found: `number_of_broker_nodes is ${doc.body.number_of_broker_nodes}`,
        expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
        fix: `Set brokers: ${plan.brokers} (plan.brokers).`,
    });
    return f.outcome();
}
/** Strimzi: the `Kafka` carries the plan; its brokers are the replicas of its node pools with the broker role. */
function checkStrimzi(doc, ctx) {
    if (doc.source !== 'kubernetes' || doc.kind !== 'Kafka')
        return rule_1.NOT_APPLICABLE;
    const plan = capacity_plan_annotations_1.CapacityPlanAnnotations.read(doc.body);
    if (plan?.brokers === undefined)
        return rule_1.NOT_APPLICABLE;
    const pools = (0, strimzi_broker_pools_1.strimziBrokerPools)(ctx.index, doc.namespace, doc.name);
    const brokers = (0, strimzi_broker_pools_1.strimziBrokerCount)(pools);
    const f = new rule_1.Findings();
    f.expect(brokers >= plan.brokers, {
        found: `the broker node pools (${pools.map((p) => `${p.name}: ${p.body.spec?.replicas ?? 0}`).join(', ') || 'none'}) have ${brokers} brokers`,
        expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
        fix: `Set the broker node pools' replicas to ${plan.brokers} in total (plan.brokers), a multiple of the zone count.`,
    });
    return f.outcome();
}
/** StatefulSet: `spec.replicas` of a StatefulSet that carries the plan. */
function checkStatefulSet(doc) {
    if (doc.source !== 'kubernetes' || doc.kind !== 'StatefulSet')
        return rule_1.NOT_APPLICABLE;
    const plan = capacity_plan_annotations_1.CapacityPlanAnnotations.read(doc.body);
    if (plan?.brokers === undefined)
        return rule_1.NOT_APPLICABLE;
    const replicas = doc.body.spec?.replicas ?? 1;
    const f = new rule_1.Findings();
    f.expect(Number(replicas) >= plan.brokers, {
        found: `spec.replicas is ${replicas}`,
        expected: `at least ${plan.brokers}, the brokers of capacity plan '${plan.name}'`,
        fix: `Set brokers: ${plan.brokers} (plan.brokers).`,
    });
    return f.outcome();
}
