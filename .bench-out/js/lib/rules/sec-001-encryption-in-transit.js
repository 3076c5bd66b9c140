"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEC_001_ENCRYPTION_IN_TRANSIT = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** SEC-001: Encryption in transit: client↔broker is TLS only (no plaintext listener), and broker↔broker traffic is encrypted. */
exports.SEC_001_ENCRYPTION_IN_TRANSIT = {
    id: 'SEC-001',
    level: rule_1.RuleLevel.ERROR,
    title: 'Encryption in transit: client↔broker is TLS only (no plaintext listener), and broker↔broker traffic is encrypted.',
    explanation: 'Kafka carries business data, credentials (SASL) and ACL changes. A plaintext listener exposes them to anyone on the network path, and a plaintext broker-to-broker link exposes every replicated record. TLS on every listener, for clients, brokers and controllers, closes both.',
    remediation: 'MSK: write encryption_in_transit client_broker = "TLS" and in_cluster = true. Strimzi: set tls: true on every listener. StatefulSet: use only SSL or SASL_SSL listeners for clients, brokers and controllers.',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    check(doc, ctx) {
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.MSK: return checkMsk(doc, ctx);
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/** MSK: `encryption_in_transit` with `client_broker = "TLS"` and `in_cluster = true`, both written out. */
function checkMsk(doc, _ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (!cluster)
        return rule_1.NOT_APPLICABLE;
    const transit = (0, msk_cluster_document_1.block)((0, msk_cluster_document_1.block)(cluster.body.encryption_info).encryption_in_transit);
    const f = new rule_1.Findings();
    f.expect(transit.client_broker === 'TLS', {
        found: `encryption_info.encryption_in_transit.client_broker is ${(0, rule_1.shown)(transit.client_broker)}`,
        expected: "'TLS', written out (TLS_PLAINTEXT and PLAINTEXT open a plaintext listener)",
        fix: 'Set client_broker = "TLS" (MskCluster writes it).',
    });
    f.expect(transit.in_cluster === true || transit.in_cluster === 'true', {
        found: `encryption_info.encryption_in_transit.in_cluster is ${(0, rule_1.shown)(transit.in_cluster)}`,
        expected: 'true, written out',
        fix: 'Set in_cluster = true (MskCluster writes it).',
    });
    return f.outcome();
}
/**
 * Strimzi: every listener has `tls: true`. Strimzi's own replication and controller listeners
 * (9090, 9091) always use mutual TLS. Listener keys that Strimzi drops are refused here.
 */
function checkStrimzi(doc, _ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const listeners = kafka.body.spec?.kafka?.listeners ?? [];
    const f = new rule_1.Findings();
    for (const l of listeners) {
        f.expect(l?.tls === true, {
            found: `listener ${(0, rule_1.shown)(l?.name)} (port ${l?.port}) has tls ${(0, rule_1.shown)(l?.tls)}`,
            expected: 'true: plaintext listeners are refused',
            fix: `Set tls: true on listener ${l?.name}.`,
        });
    }
    (0, strimzi_documents_1.forbiddenConfigFindings)(kafka, 'SEC-001', f);
    return f.outcome();
}
/**
 * StatefulSet: in every Kafka properties file (brokers, controllers, combined nodes), each
 * listener (`listeners`, `controller.listener.names`, `inter.broker.listener.name`) maps to SSL
 * or SASL_SSL, and a broker names its inter-broker listener (Kafka's default is PLAINTEXT).
 */
function checkStatefulSet(doc, _ctx) {
    const configMap = (0, statefulset_documents_1.kubernetesKind)(doc, 'ConfigMap');
    const files = configMap ? (0, statefulset_documents_1.nodePropertiesOf)(configMap) : [];
    if (files.length === 0)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    for (const { properties, where } of files) {
        for (const l of (0, statefulset_documents_1.listenersOf)(properties)) {
            f.expect(l.protocol === 'SSL' || l.protocol === 'SASL_SSL', {
                found: `${where} listener ${l.name} security protocol is ${(0, rule_1.shown)(l.protocol)}`,
                expected: "'SSL' or 'SASL_SSL': plaintext listeners are refused",
                fix: `Map ${l.name} to SSL or SASL_SSL in listener.security.protocol.map.`,
            });
        }
        if (!(0, statefulset_documents_1.hasBrokerRole)(properties))
            continue;
        f.expect(properties['inter.broker.listener.name'] !== undefined || ['SSL', 'SASL_SSL'].includes(properties['security.inter.broker.protocol'] ?? ''), {
            found: `${where} sets neither inter.broker.listener.name nor an encrypted security.inter.broker.protocol, so brokers replicate over PLAINTEXT`,
            expected: 'broker-to-broker traffic on an SSL or SASL_SSL listener',
            fix: 'Set inter.broker.listener.name=REPLICATION (a SASL_SSL listener).',
        });
    }
    return f.outcome();
}
