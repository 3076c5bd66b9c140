"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_010_AUTO_CREATE_TOPICS = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** HA-010: `auto.create.topics.enable` = false: topics exist because they are declared. */
exports.HA_010_AUTO_CREATE_TOPICS = {
    id: 'HA-010',
    level: rule_1.RuleLevel.WARNING,
    title: '\`auto.create.topics.enable\` = false: topics exist because they are declared.',
    explanation: 'With auto-creation on, a typo in a client\'s topic name creates a topic with broker defaults (maybe one partition, no declared owner or ACL review), and the declared topic model no longer describes the cluster. Topics should exist because they are declared.',
    remediation: 'Set auto.create.topics.enable=false and declare topics. MSK: in the aws_msk_configuration (MskCluster writes it). Strimzi: in spec.kafka.config, with KafkaTopic resources. StatefulSet: in server.properties, with the topic admin job.',
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
 * MSK: the `aws_msk_configuration` does not turn `auto.create.topics.enable` on (MSK's
 * default is false). A cluster on MSK's default configuration complies; one whose
 * configuration is outside the stack cannot be checked.
 */
function checkMsk(doc, ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (cluster) {
        if ((0, msk_cluster_document_1.block)(cluster.body.configuration_info).arn === undefined)
            return (0, rule_1.compliantWithNotes)(["MSK's default configuration has auto.create.topics.enable=false."]);
        const f = new rule_1.Findings();
        const { problem } = (0, msk_cluster_document_1.configurationOf)(cluster, ctx.index);
        if (problem)
            f.add(problem);
        return f.outcome();
    }
    const configuration = (0, msk_cluster_document_1.asMskConfiguration)(doc);
    if (!configuration)
        return rule_1.NOT_APPLICABLE;
    const value = (0, msk_cluster_document_1.serverPropertiesOf)(configuration)['auto.create.topics.enable'];
    const f = new rule_1.Findings();
    f.expect(value === undefined || value === 'false', {
        found: `auto.create.topics.enable is ${(0, rule_1.shown)(value)}`,
        expected: "'false'",
        fix: 'Set auto.create.topics.enable=false and declare the topics.',
    });
    return f.outcome();
}
/** Strimzi: `auto.create.topics.enable` is false in `spec.kafka.config` (topics are KafkaTopics). */
function checkStrimzi(doc, _ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const value = (0, strimzi_documents_1.strimziConfigOf)(kafka)['auto.create.topics.enable'];
    const f = new rule_1.Findings();
    f.expect(value === 'false', {
        found: `spec.kafka.config auto.create.topics.enable is ${(0, rule_1.shown)(value)}`,
        expected: 'false, written out (Kafka defaults to true)',
        fix: 'Set auto.create.topics.enable: false in spec.kafka.config and declare topics as KafkaTopics.',
    });
    return f.outcome();
}
/** StatefulSet: the broker `server.properties` sets auto.create.topics.enable=false. */
function checkStatefulSet(doc, _ctx) {
    const configMap = (0, statefulset_documents_1.kubernetesKind)(doc, 'ConfigMap');
    const brokerFiles = configMap ? (0, statefulset_documents_1.nodePropertiesOf)(configMap).filter((n) => (0, statefulset_documents_1.hasBrokerRole)(n.properties)) : [];
    if (brokerFiles.length === 0)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    for (const { properties, where } of brokerFiles) {
        f.expect(properties['auto.create.topics.enable'] === 'false', {
            found: `${where} auto.create.topics.enable is ${(0, rule_1.shown)(properties['auto.create.topics.enable'])}`,
            expected: 'false, written out (Kafka defaults to true)',
            fix: 'Set auto.create.topics.enable=false and declare the topics.',
        });
    }
    return f.outcome();
}
