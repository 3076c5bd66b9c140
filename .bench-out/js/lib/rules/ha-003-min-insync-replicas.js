"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_003_MIN_INSYNC_REPLICAS = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
const msk_admin_artefact_1 = require("./readers/msk-admin-artefact");
/** HA-003: `min.insync.replicas` = 2 and `transaction.state.log.min.isr` = 2, always < replication factor, so one broker can fail without stopping `acks=all` writes. Topics inherit it unless they set a value that is still ≥ 2 and < their RF. */
exports.HA_003_MIN_INSYNC_REPLICAS = {
    id: 'HA-003',
    level: rule_1.RuleLevel.ERROR,
    title: '\`min.insync.replicas\` = 2 and \`transaction.state.log.min.isr\` = 2, always < replication factor, so one broker can fail without stopping \`acks=all\` writes. Topics inherit it unless they set a value that is still ≥ 2 and < their RF.',
    explanation: 'With acks=all a write succeeds once min.insync.replicas replicas have it. A value of 2 with replication factor 3 means an acknowledged write is on two brokers, and one broker can fail without stopping writes. A value of 1 acknowledges writes held by one broker only; a value equal to the replication factor stops all writes when any broker is down.',
    remediation: 'Set min.insync.replicas=2 and transaction.state.log.min.isr=2, each below its replication factor, and give topics that override it a value >= 2 and below their replication factor. MSK: in the aws_msk_configuration and the topic lines of the admin artefact (MskAccess). Strimzi: in spec.kafka.config and the KafkaTopic config. StatefulSet: in server.properties and the topic admin job.',
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
 * MSK: the `aws_msk_configuration` sets `min.insync.replicas` and
 * `transaction.state.log.min.isr` to 2, each below its replication factor; a cluster must use
 * a configuration of this stack.
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
    const pairs = [
        ['min.insync.replicas', 'default.replication.factor'],
        ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor'],
    ];
    for (const [key, rfKey] of pairs) {
        f.expect(props[key] === '2', {
            found: `${key} is ${(0, rule_1.shown)(props[key])}`,
            expected: "'2'",
            fix: `Set ${key}=2 (MskCluster brokerConfig.minInsyncReplicas: 2).`,
        });
        const isr = (0, msk_cluster_document_1.literalNumber)(props[key]);
        const rf = (0, msk_cluster_document_1.literalNumber)(props[rfKey]);
        f.expect(isr === undefined || rf === undefined || isr < rf, {
            found: `${key} is ${isr} with ${rfKey} ${rf}`,
            expected: `a value below ${rfKey}, so one broker can fail without stopping acks=all writes`,
            fix: `Set ${key}=2 with ${rfKey}=3.`,
        });
    }
    return f.outcome();
}
/**
 * MSK: a topic line of the admin artefact (`kafka-admin/topics.txt`, what `apply.sh` runs)
 * that overrides min.insync.replicas keeps it at 2 or more and below its replication factor.
 */
function checkMskTopics(artefact) {
    return (0, msk_admin_artefact_1.checkMskAdminTopicLines)(artefact, topicLineFindings);
}
/** A topic line that overrides min.insync.replicas keeps it at 2 or more and below its `--replication-factor`. */
function topicLineFindings(lines, where, f) {
    for (const t of lines) {
        const minIsr = t.config['min.insync.replicas'];
        if (minIsr === undefined)
            continue;
        f.expect(Number(minIsr) >= 2, {
            found: `${where} line ${t.line} sets min.insync.replicas=${minIsr} on topic '${t.topic}'`,
            expected: 'at least 2',
            fix: 'Remove the override (the cluster sets 2) or set it to 2.',
        });
        f.expect(t.replicationFactor === undefined || Number(minIsr) < Number(t.replicationFactor), {
            found: `${where} line ${t.line} sets min.insync.replicas=${minIsr} on topic '${t.topic}' with --replication-factor ${t.replicationFactor}`,
            expected: 'below the replication factor, so one replica can fail without stopping acks=all writes',
            fix: 'Use min.insync.replicas 2 with replication factor 3.',
        });
    }
}
/**
 * Strimzi: `spec.kafka.config` sets `min.insync.replicas` and `transaction.state.log.min.isr`
 * to 2, each below its replication factor; a `KafkaTopic` that sets `min.insync.replicas`
 * keeps it at 2 or more and below its replicas.
 */
function checkStrimzi(doc, ctx) {
    const topic = (0, strimzi_documents_1.asStrimziTopic)(doc);
    if (topic) {
        const minIsr = topic.body.spec?.config?.['min.insync.replicas'];
        if (minIsr === undefined)
            return COMPLIANT_STRIMZI_TOPIC;
        const kafka = (0, strimzi_documents_1.strimziKafkaOf)(ctx.index, topic);
        const rf = Number(topic.body.spec?.replicas ?? (kafka ? (0, strimzi_documents_1.strimziConfigOf)(kafka)['default.replication.factor'] : NaN));
        const f = new rule_1.Findings();
        f.expect(Number(minIsr) >= 2, {
            found: `spec.config min.insync.replicas is ${(0, rule_1.shown)(minIsr)}`,
            expected: 'at least 2',
            fix: 'Remove the override (the cluster sets 2) or set it to 2.',
        });
        f.expect(!Number.isFinite(rf) || Number(minIsr) < rf, {
            found: `spec.config min.insync.replicas is ${(0, rule_1.shown)(minIsr)} with replicas ${rf}`,
            expected: 'below the replication factor, so one replica can fail without stopping acks=all writes',
            fix: 'Use min.insync.replicas 2 with replicas 3.',
        });
        return f.outcome();
    }
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const config = (0, strimzi_documents_1.strimziConfigOf)(kafka);
    const f = new rule_1.Findings();
    for (const [key, rfKey] of [['min.insync.replicas', 'default.replication.factor'], ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor']]) {
        f.expect(config[key] === '2', {
            found: `spec.kafka.config ${key} is ${(0, rule_1.shown)(config[key])}`,
            expected: "'2'",
            fix: `Set ${key}: 2 in spec.kafka.config (StrimziKafkaCluster brokerConfig.minInsyncReplicas: 2).`,
        });
        f.expect(!(Number(config[key]) >= Number(config[rfKey])), {
            found: `spec.kafka.config ${key} is ${config[key]} with ${rfKey} ${config[rfKey]}`,
            expected: `below ${rfKey}`,
            fix: `Use ${key} 2 with ${rfKey} 3.`,
        });
    }
    return f.outcome();
}
const COMPLIANT_STRIMZI_TOPIC = { status: 'compliant', notes: ['The topic inherits min.insync.replicas from the cluster.'] };
/**
 * StatefulSet: the broker `server.properties` sets min.insync.replicas and
 * transaction.state.log.min.isr to 2, below their replication factors; a topic of the admin
 * Job's `topics.txt` that overrides min.insync.replicas keeps it >= 2 and below its RF.
 */
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
        for (const [key, rfKey] of [['min.insync.replicas', 'default.replication.factor'], ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor']]) {
            f.expect(properties[key] === '2', {
                found: `${where} ${key} is ${(0, rule_1.shown)(properties[key])}`,
                expected: "'2'",
                fix: `Set ${key}=2 (KafkaStatefulSetCluster brokerConfig.minInsyncReplicas: 2).`,
            });
            f.expect(!(Number(properties[key]) >= Number(properties[rfKey])), {
                found: `${where} ${key} is ${properties[key]} with ${rfKey} ${properties[rfKey]}`,
                expected: `below ${rfKey}`,
                fix: `Use ${key} 2 with ${rfKey} 3.`,
            });
        }
    }
    return f.outcome();
}
