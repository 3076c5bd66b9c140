"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CAP_003_PARTITIONS = void 0;
const capacity_plan_annotations_1 = require("../contract/capacity-plan-annotations");
const vocabulary_1 = require("../contract/vocabulary");
const msk_admin_artefact_1 = require("./readers/msk-admin-artefact");
const rule_1 = require("./rule");
const rule_target_1 = require("../contract/rule-target");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** CAP-003: a topic has at least the planned partitions. */
exports.CAP_003_PARTITIONS = {
    id: 'CAP-003',
    level: rule_1.RuleLevel.WARNING,
    title: 'A topic has at least the partitions its capacity plan asks for.',
    explanation: 'Partitions = max(⌈target throughput ÷ one consumer\'s throughput⌉, the consumers wanted) (CapacityPlan). A consumer group can never have more active consumers than partitions, so fewer partitions cap the read throughput; adding partitions later moves keys to other partitions. The rule applies to topics that carry a plan (CapacityPlan.applyToTopics): a Strimzi KafkaTopic, and the topic lines of the MSK admin artefact (kafka-admin/topics.txt) and of the StatefulSet access ConfigMap (topics.txt).',
    remediation: 'Declare at least the planned partitions (plan.partitionsPerTopic), or revise the plan.',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    check(doc) {
        const artefact = (0, msk_admin_artefact_1.asMskAdminArtefact)(doc);
        if (artefact)
            return checkTopicLines(capacity_plan_annotations_1.CapacityPlanAnnotations.readTopicPlans(artefact.body), (0, msk_admin_artefact_1.mskAdminTopicLinesOf)(artefact), msk_admin_artefact_1.MSK_ADMIN_TOPICS, artefact.body.input?.topics);
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/** Strimzi: `KafkaTopic.spec.partitions` (absent: the broker's num.partitions, 1 by default). */
function checkStrimzi(doc) {
    if (doc.source !== 'kubernetes' || doc.kind !== 'KafkaTopic')
        return rule_1.NOT_APPLICABLE;
    const plan = capacity_plan_annotations_1.CapacityPlanAnnotations.read(doc.body);
    if (plan?.partitionsPerTopic === undefined)
        return rule_1.NOT_APPLICABLE;
    const partitions = doc.body.spec?.partitions;
    const f = new rule_1.Findings();
    f.expect(Number(partitions) >= plan.partitionsPerTopic, {
        found: `spec.partitions is ${partitions ?? 'not set (the broker default, 1)'}`,
        expected: `at least ${plan.partitionsPerTopic}, the partitions of capacity plan '${plan.name}'`,
        fix: `Set partitions: ${plan.partitionsPerTopic} (plan.partitionsPerTopic).`,
    });
    return f.outcome();
}
/** StatefulSet: the `--partitions` of the planned topics in the access ConfigMap's `topics.txt`. */
function checkStatefulSet(doc) {
    const configMap = (0, statefulset_documents_1.kubernetesKind)(doc, 'ConfigMap');
    if (!configMap || configMap.body.metadata?.labels?.[vocabulary_1.ACL_ARTEFACT_LABEL] !== 'true')
        return rule_1.NOT_APPLICABLE;
    return checkTopicLines(capacity_plan_annotations_1.CapacityPlanAnnotations.readTopicPlans(configMap.body), (0, statefulset_documents_1.topicLinesOf)(configMap), 'topics.txt', configMap.body.data?.['topics.txt']);
}
/**
 * An admin artefact's topic lines against the partitions planned per topic: each planned topic
 * has a line, whose `--partitions` is at least the plan's (absent: the broker's num.partitions,
 * 1 by default). `lines` is undefined when the text could not be read.
 */
function checkTopicLines(plans, lines, where, text) {
    if (plans.size === 0)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    if (lines === undefined) {
        f.add({ found: `${where} is ${(0, rule_1.shown)(text)}`, expected: 'the kafka-topics.sh lines as text', fix: 'Remove the override of the topic lines; the access construct writes them from the access model.' });
        return f.outcome();
    }
    const notes = [];
    for (const [topic, plan] of plans) {
        const line = lines.find((l) => l.topic === topic);
        const expected = `at least ${plan.partitions}, the partitions of capacity plan '${plan.plan}'`;
        if (!line) {
            f.add({ found: `${where} has no line for topic '${topic}', which capacity plan '${plan.plan}' plans`, expected: `a line creating it with ${expected}`, fix: `Declare topic ${topic} with partitions: ${plan.partitions} in the access model.` });
            continue;
        }
        f.expect(Number(line.partitions) >= plan.partitions, {
            found: `${where} line ${line.line} creates topic '${topic}' with --partitions ${line.partitions ?? 'not set (the broker default num.partitions, 1 unless changed)'}`,
            expected,
            fix: `Declare topic ${topic} with partitions: ${plan.partitions} (plan.partitionsPerTopic).`,
        });
        notes.push(`topic '${topic}': --partitions ${line.partitions}, capacity plan '${plan.plan}' asks for ${plan.partitions}`);
    }
    return f.outcome(notes);
}
