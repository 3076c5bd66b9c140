"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_002_REPLICATION_FACTOR = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
const msk_admin_artefact_1 = require("./readers/msk-admin-artefact");
const vocabulary_1 = require("../contract/vocabulary");
/** HA-002: `default.replication.factor` = 3 (never above the broker count), `offsets.topic.replication.factor` = 3, `transaction.state.log.replication.factor` = 3. Every declared topic has replication factor ≥ 3. */
exports.HA_002_REPLICATION_FACTOR = {
    id: 'HA-002',
    level: rule_1.RuleLevel.ERROR,
    title: '\`default.replication.factor\` = 3 (never above the broker count), \`offsets.topic.replication.factor\` = 3, \`transaction.state.log.replication.factor\` = 3. Every declared topic has replication factor ≥ 3.',
    explanation: 'Data survives a broker failure only if every partition has copies on other brokers. Replication factor 3 keeps two copies when one broker is down, including the internal __consumer_offsets and __transaction_state topics, whose loss breaks every consumer group or transactional producer. A replication factor above the broker count makes topic creation fail.',
    remediation: 'Set default.replication.factor, offsets.topic.replication.factor and transaction.state.log.replication.factor to 3, with at least 3 brokers, and declare every topic with replicas >= 3. MSK: in the aws_msk_configuration (MskCluster brokerConfig) and the topic lines of the admin artefact (MskAccess). Strimzi: in spec.kafka.config and on each KafkaTopic. StatefulSet: in server.properties and the topic admin job.',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    relaxedInDevelopment: true,
    check(doc, ctx) {
        const artefact = (0, msk_admin_artefact_1.asMskAdminArtefact)(doc);
        if (artefact)
            return checkMskTopics(artefact, ctx);
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.MSK: return checkMsk(doc, ctx);
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/**
 * MSK: the `aws_msk_configuration` sets the three replication factors to 3, never above the
 * broker count of a cluster that uses it; a cluster must use a configuration of this stack
 * (MSK's defaults are not what HA-002 asks). Topic replication factors are checked on the
 * topic model and on the admin artefact's topic lines (`checkMskTopics`): provider 5.100 has
 * no MSK topic resource.
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
    const props = (0, msk_cluster_document_1.serverPropertiesOf)(configuration);
    const f = new rule_1.Findings();
    for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
        f.expect(props[key] === '3', {
            found: `${key} is ${(0, rule_1.shown)(props[key])}`,
            expected: "'3'",
            fix: `Set ${key}=3 (MskCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
        });
    }
    const rf = (0, msk_cluster_document_1.literalNumber)(props['default.replication.factor']);
    for (const c of (0, msk_cluster_document_1.clustersUsing)(configuration, ctx.index)) {
        const brokers = (0, msk_cluster_document_1.brokerCountOf)(c);
        f.expect(rf === undefined || brokers === undefined || rf <= brokers, {
            found: `default.replication.factor is ${rf} but ${c.address} has ${brokers} broker(s)`,
            expected: 'a replication factor no higher than the broker count',
            fix: 'Raise the broker count to at least the replication factor (3).',
        });
    }
    return f.outcome();
}
/**
 * MSK: every topic line of the admin artefact (`kafka-admin/topics.txt`, what `apply.sh` runs)
 * creates its topic with `--replication-factor` 3 or more, no higher than the brokers of the
 * artefact's cluster.
 */
function checkMskTopics(artefact, ctx) {
    const cluster = (0, msk_admin_artefact_1.mskClusterOfArtefact)(artefact, ctx.index);
    const brokers = cluster ? (0, msk_cluster_document_1.brokerCountOf)(cluster) : undefined;
    return (0, msk_admin_artefact_1.checkMskAdminTopicLines)(artefact, (lines, where, f) => {
        topicLineFindings(lines, where, f);
        for (const t of lines) {
            const rf = Number(t.replicationFactor);
            f.expect(!Number.isFinite(rf) || brokers === undefined || rf <= brokers, {
                found: `${where} line ${t.line} creates topic '${t.topic}' with --replication-factor ${rf} but ${cluster?.address} has ${brokers} broker(s)`,
                expected: 'a replication factor no higher than the broker count',
                fix: 'Add brokers, or lower the topic replication factor to the broker count (3 or more in production).',
            });
        }
    });
}
/** Every topic line creates its topic with `--replication-factor` 3 or more; a line without one is refused (it takes whatever default the brokers have). */
function topicLineFindings(lines, where, f) {
    for (const t of lines) {
        f.expect(t.replicationFactor !== undefined && Number(t.replicationFactor) >= 3, {
            found: `${where} line ${t.line} creates topic '${t.topic}' with --replication-factor ${t.replicationFactor ?? 'not set'}`,
            expected: 'at least 3',
            fix: `Declare topic ${t.topic} with replicationFactor: 3.`,
        });
    }
}
/**
 * Strimzi: `spec.kafka.config` sets the three replication factors to 3, never above the broker
 * count; a `KafkaTopic` with `spec.replicas` has at least 3 (absent: it inherits
 * `default.replication.factor`, checked on the Kafka). Cruise Control metrics-topic keys that
 * Strimzi drops are refused here.
 */
function checkStrimzi(doc, ctx) {
    const topic = (0, strimzi_documents_1.asStrimziTopic)(doc);
    if (topic) {
        const replicas = topic.body.spec?.replicas;
        const f = new rule_1.Findings();
        f.expect(replicas === undefined || Number(replicas) >= 3, {
            found: `spec.replicas is ${(0, rule_1.shown)(replicas)}`,
            expected: 'at least 3',
            fix: 'Set replicas: 3 on the topic.',
        });
        const kafka = (0, strimzi_documents_1.strimziKafkaOf)(ctx.index, topic);
        const brokers = kafka ? (0, strimzi_documents_1.strimziNodePoolsOf)(ctx.index, kafka).filter((p) => (0, strimzi_documents_1.rolesOf)(p).includes('broker')).reduce((s, p) => s + (0, strimzi_documents_1.replicasOf)(p), 0) : 0;
        f.expect(replicas === undefined || brokers === 0 || Number(replicas) <= brokers, {
            found: `spec.replicas is ${(0, rule_1.shown)(replicas)} but cluster ${kafka?.name} has ${brokers} broker(s)`,
            expected: 'a replication factor no higher than the broker count',
            fix: 'Add brokers, or lower the topic replicas to the broker count (3 or more in production).',
        });
        return f.outcome();
    }
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const config = (0, strimzi_documents_1.strimziConfigOf)(kafka);
    const f = new rule_1.Findings();
    for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
        f.expect(config[key] === '3', {
            found: `spec.kafka.config ${key} is ${(0, rule_1.shown)(config[key])}`,
            expected: "'3'",
            fix: `Set ${key}: 3 in spec.kafka.config (StrimziKafkaCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
        });
    }
    const brokers = (0, strimzi_documents_1.strimziNodePoolsOf)(ctx.index, kafka).filter((p) => (0, strimzi_documents_1.rolesOf)(p).includes('broker')).reduce((s, p) => s + (0, strimzi_documents_1.replicasOf)(p), 0);
    const rf = Number(config['default.replication.factor']);
    f.expect(!Number.isFinite(rf) || brokers === 0 || rf <= brokers, {
        found: `default.replication.factor is ${rf} but the broker node pools have ${brokers} broker(s)`,
        expected: 'a replication factor no higher than the broker count',
        fix: 'Raise the broker count to at least the replication factor (3).',
    });
    (0, strimzi_documents_1.forbiddenConfigFindings)(kafka, 'HA-002', f);
    return f.outcome();
}
/**
 * StatefulSet: the broker `server.properties` (ConfigMap) sets the three replication factors to 3,
 * no higher than the cluster's brokers; the admin Job's `topics.txt` creates topics with RF >= 3.
 */
function checkStatefulSet(doc, ctx) {
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
    const cluster = configMap.body.metadata?.labels?.[vocabulary_1.KAFKA_CLUSTER_LABEL];
    const brokers = typeof cluster === 'string' ? (0, statefulset_documents_1.brokerCountOfCluster)(ctx.index, cluster, configMap.namespace) : 0;
    const f = new rule_1.Findings();
    for (const { properties, where } of brokerFiles) {
        for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
            f.expect(properties[key] === '3', {
                found: `${where} ${key} is ${(0, rule_1.shown)(properties[key])}`,
                expected: "'3'",
                fix: `Set ${key}=3 (KafkaStatefulSetCluster brokerConfig.replicationFactor: 3, with at least 3 brokers).`,
            });
        }
        const rf = Number(properties['default.replication.factor']);
        f.expect(!Number.isFinite(rf) || brokers === 0 || rf <= brokers, {
            found: `${where} default.replication.factor is ${rf} but the broker StatefulSets have ${brokers} broker(s)`,
            expected: 'a replication factor no higher than the broker count',
            fix: 'Raise the broker count to at least the replication factor (3).',
        });
    }
    return f.outcome();
}
