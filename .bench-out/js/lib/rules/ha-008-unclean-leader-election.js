"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_008_UNCLEAN_LEADER_ELECTION = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
const msk_admin_artefact_1 = require("./readers/msk-admin-artefact");
/** HA-008: `unclean.leader.election.enable` = false. */
exports.HA_008_UNCLEAN_LEADER_ELECTION = {
    id: 'HA-008',
    level: rule_1.RuleLevel.ERROR,
    title: '\`unclean.leader.election.enable\` = false.',
    explanation: 'Unclean leader election lets a replica that is not in sync become leader, which silently loses every write it had not yet copied. Keeping it off trades a short unavailability of the partition for no data loss. MSK\'s default configuration turns it on.',
    remediation: 'Set unclean.leader.election.enable=false. MSK: in the aws_msk_configuration (MskCluster writes it). Strimzi: in spec.kafka.config. StatefulSet: in server.properties. Do not override it on topics (KafkaTopic config, the topic lines of the MSK and StatefulSet admin artefacts).',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    relaxedInDevelopment: true,
    check(doc, ctx) {
        const artefact = (0, msk_admin_artefact_1.asMskAdminArtefact)(doc);
        if (artefact)
            return checkMskTopics(artefact);
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.MSK: return checkMsk(doc, ctx);
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/**
 * MSK: the `aws_msk_configuration` sets `unclean.leader.election.enable=false` explicitly
 * (MSK's default configuration sets it to true); a cluster must use a configuration of this stack.
 */
function checkMsk(doc, ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (cluster) {
        const f = new rule_1.Findings();
        const { problem } = (0, msk_cluster_document_1.configurationOf)(cluster, ctx.index);
        if (problem)
            f.add(problem);
        return f.outcome();
    }
    const configuration = (0, msk_cluster_document_1.asMskConfiguration)(doc);
    if (!configuration)
        return rule_1.NOT_APPLICABLE;
    const value = (0, msk_cluster_document_1.serverPropertiesOf)(configuration)['unclean.leader.election.enable'];
    const f = new rule_1.Findings();
    f.expect(value === 'false', {
        found: `unclean.leader.election.enable is ${(0, rule_1.shown)(value)}`,
        expected: "'false', written out (MSK's default is true)",
        fix: 'Set unclean.leader.election.enable=false in the configuration (MskCluster writes it; remove any brokerConfig.extra override).',
    });
    return f.outcome();
}
/** MSK: no topic line of the admin artefact (`kafka-admin/topics.txt`, what `apply.sh` runs) turns unclean leader election on. */
function checkMskTopics(artefact) {
    return (0, msk_admin_artefact_1.checkMskAdminTopicLines)(artefact, topicLineFindings);
}
/** No topic line sets unclean.leader.election.enable to anything but false. */
function topicLineFindings(lines, where, f) {
    for (const t of lines) {
        const value = t.config['unclean.leader.election.enable'];
        f.expect(value === undefined || value === 'false', {
            found: `${where} line ${t.line} sets unclean.leader.election.enable=${value} on topic '${t.topic}'`,
            expected: 'false or absent (the cluster sets false)',
            fix: 'Remove the topic override.',
        });
    }
}
/** Strimzi: `unclean.leader.election.enable` is false in `spec.kafka.config` and not turned on by a `KafkaTopic`. */
function checkStrimzi(doc, _ctx) {
    const topic = (0, strimzi_documents_1.asStrimziTopic)(doc);
    if (topic) {
        const value = topic.body.spec?.config?.['unclean.leader.election.enable'];
        const f = new rule_1.Findings();
        f.expect(value === undefined || String(value) === 'false', {
            found: `spec.config unclean.leader.election.enable is ${(0, rule_1.shown)(value)}`,
            expected: 'false or absent (the cluster sets false)',
            fix: 'Remove the topic override.',
        });
        return f.outcome();
    }
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const value = (0, strimzi_documents_1.strimziConfigOf)(kafka)['unclean.leader.election.enable'];
    const f = new rule_1.Findings();
    f.expect(value === 'false', {
        found: `spec.kafka.config unclean.leader.election.enable is ${(0, rule_1.shown)(value)}`,
        expected: 'false, written out',
        fix: 'Set unclean.leader.election.enable: false in spec.kafka.config (StrimziKafkaCluster writes it).',
    });
    return f.outcome();
}
/** StatefulSet: the broker `server.properties` sets unclean.leader.election.enable=false; no topic of `topics.txt` turns it on. */
function checkStatefulSet(doc, _ctx) {
    const configMap = (0, statefulset_documents_1.kubernetesKind)(doc, 'ConfigMap');
    if (!configMap)
        return rule_1.NOT_APPLICABLE;
    const topics = (0, statefulset_documents_1.topicLinesOf)(configMap);
    if (topics.length > 0) {
        const f = new rule_1.Findings();
        topicLineFindings(topics, 'topics.txt', f);
        return f.outcome();
    }
    const brokerFiles = (0, statefulset_documents_1.nodePropertiesOf)(configMap).filter((n) => (0, statefulset_documents_1.hasBrokerRole)(n.properties));
    if (brokerFiles.length === 0)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    for (const { properties, where } of brokerFiles) {
        f.expect(properties['unclean.leader.election.enable'] === 'false', {
            found: `${where} unclean.leader.election.enable is ${(0, rule_1.shown)(properties['unclean.leader.election.enable'])}`,
            expected: 'false, written out',
            fix: 'Set unclean.leader.election.enable=false (KafkaStatefulSetCluster writes it).',
        });
    }
    return f.outcome();
}
