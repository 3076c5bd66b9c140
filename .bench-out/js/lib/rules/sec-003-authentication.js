"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEC_003_AUTHENTICATION = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** SEC-003: Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener `authentication.type: custom`). Unauthenticated access is refused. SASL/PLAIN is refused. */
exports.SEC_003_AUTHENTICATION = {
    id: 'SEC-003',
    level: rule_1.RuleLevel.ERROR,
    title: 'Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener \`authentication.type: custom\`). Unauthenticated access is refused. SASL/PLAIN is refused.',
    explanation: 'A listener that does not authenticate lets anyone who can reach it read and write every topic that ACLs do not cover, and makes ACLs meaningless because every client is ANONYMOUS. SASL/PLAIN sends passwords that the broker stores in clear text in its configuration. SCRAM-SHA-512, mutual TLS, IAM and OAuth bearer avoid both.',
    remediation: 'MSK: set client_authentication with unauthenticated = false and SCRAM, IAM or mutual TLS (ACM PCA) on (MskCluster authentication). Strimzi: set authentication (scram-sha-512, tls, or custom for OAuth) on every listener. StatefulSet: set sasl.enabled.mechanisms=SCRAM-SHA-512 or ssl.client.auth=required on every client listener. Never enable PLAIN.',
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
/**
 * MSK: `client_authentication` with `unauthenticated = false` written out and at least one of
 * SCRAM, IAM or mutual TLS on. (MSK has no SASL/PLAIN.)
 */
function checkMsk(doc, _ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (!cluster)
        return rule_1.NOT_APPLICABLE;
    const auth = (0, msk_cluster_document_1.block)(cluster.body.client_authentication);
    const modes = (0, msk_cluster_document_1.authenticationOf)(cluster);
    const f = new rule_1.Findings();
    f.expect((0, msk_cluster_document_1.hasBlock)(cluster.body.client_authentication), {
        found: 'client_authentication is not set',
        expected: 'a client_authentication block',
        fix: 'Set authentication on the MskCluster (SCRAM, IAM or mutual TLS).',
    });
    f.expect(auth.unauthenticated === false || auth.unauthenticated === 'false', {
        found: `client_authentication.unauthenticated is ${(0, rule_1.shown)(auth.unauthenticated)}`,
        expected: 'false, written out',
        fix: 'Set unauthenticated = false (MskCluster writes it).',
    });
    f.expect(modes.scram || modes.iam || modes.mutualTls, {
        found: 'no client authentication mode is on (sasl.scram, sasl.iam and tls are all off)',
        expected: 'SCRAM, IAM or mutual TLS',
        fix: 'Set authentication: [ClientAuthentication.iam()] or .scramSha512() on the MskCluster.',
    });
    return f.outcome();
}
/**
 * Strimzi: every listener has `authentication`: `scram-sha-512`, `tls` (mutual TLS), or
 * `custom` with SASL OAUTHBEARER (never PLAIN). SASL keys that Strimzi drops are refused here.
 */
function checkStrimzi(doc, _ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    for (const l of (kafka.body.spec?.kafka?.listeners ?? [])) {
        const auth = l?.authentication;
        const type = auth?.type;
        f.expect(type === 'scram-sha-512' || type === 'tls' || type === 'custom', {
            found: `listener ${(0, rule_1.shown)(l?.name)} (port ${l?.port}) authentication is ${auth === undefined ? 'not set' : `'${type}'`}`,
            expected: "'scram-sha-512', 'tls' (mutual TLS) or 'custom' (OAuth bearer): unauthenticated access is refused",
            fix: `Set authentication: { type: 'scram-sha-512' } on listener ${l?.name}.`,
        });
        if (type !== 'custom')
            continue;
        const mechanisms = String(auth.listenerConfig?.['sasl.enabled.mechanisms'] ?? '').toUpperCase().split(',').map((m) => m.trim());
        f.expect(auth.sasl === true && mechanisms.includes('OAUTHBEARER'), {
            found: `listener ${(0, rule_1.shown)(l?.name)} custom authentication has sasl ${(0, rule_1.shown)(auth.sasl)} and sasl.enabled.mechanisms ${(0, rule_1.shown)(auth.listenerConfig?.['sasl.enabled.mechanisms'])}`,
            expected: "sasl: true with 'OAUTHBEARER'",
            fix: "Set sasl: true and listenerConfig['sasl.enabled.mechanisms']: 'OAUTHBEARER'.",
        });
        f.expect(!mechanisms.includes('PLAIN'), {
            found: `listener ${(0, rule_1.shown)(l?.name)} enables SASL/PLAIN`,
            expected: 'no SASL/PLAIN (passwords in the clear inside TLS, no salted storage)',
            fix: 'Remove PLAIN from sasl.enabled.mechanisms; use scram-sha-512 or OAUTHBEARER.',
        });
    }
    (0, strimzi_documents_1.forbiddenConfigFindings)(kafka, 'SEC-003', f);
    return f.outcome();
}
/**
 * StatefulSet: in every Kafka properties file, each SSL listener requires client certificates
 * (`ssl.client.auth=required`), each SASL_SSL listener enables only SCRAM-SHA-512 or
 * OAUTHBEARER (never PLAIN), and the controller listener is SSL with client certificates,
 * because SCRAM cannot authenticate controllers.
 */
function checkStatefulSet(doc, _ctx) {
    const configMap = (0, statefulset_documents_1.kubernetesKind)(doc, 'ConfigMap');
    const files = configMap ? (0, statefulset_documents_1.nodePropertiesOf)(configMap) : [];
    if (files.length === 0)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    for (const { properties, where } of files) {
        for (const l of (0, statefulset_documents_1.listenersOf)(properties)) {
            if (l.controller) {
                f.expect(l.protocol === 'SSL', {
                    found: `${where} controller listener ${l.name} security protocol is ${(0, rule_1.shown)(l.protocol)}`,
                    expected: "'SSL' with client certificates (SCRAM cannot authenticate controllers)",
                    fix: `Map ${l.name}:SSL and set listener.name.${l.name.toLowerCase()}.ssl.client.auth=required.`,
                });
            }
            if (l.protocol === 'SSL') {
                const clientAuth = (0, statefulset_documents_1.listenerSetting)(properties, l.name, 'ssl.client.auth');
                f.expect(clientAuth === 'required', {
                    found: `${where} SSL listener ${l.name} ssl.client.auth is ${(0, rule_1.shown)(clientAuth)}`,
                    expected: "'required': an SSL listener authenticates clients by certificate",
                    fix: `Set listener.name.${l.name.toLowerCase()}.ssl.client.auth=required.`,
                });
            }
            else if (l.protocol === 'SASL_SSL') {
                const raw = (0, statefulset_documents_1.listenerSetting)(properties, l.name, 'sasl.enabled.mechanisms');
                const mechanisms = (raw ?? 'GSSAPI').toUpperCase().split(',').map((m) => m.trim()).filter((m) => m !== '');
                f.expect(!mechanisms.includes('PLAIN'), {
                    found: `${where} listener ${l.name} sasl.enabled.mechanisms is ${(0, rule_1.shown)(raw)}, which enables SASL/PLAIN`,
                    expected: 'no SASL/PLAIN (passwords sent as they are, no salted storage)',
                    fix: `Set listener.name.${l.name.toLowerCase()}.sasl.enabled.mechanisms=SCRAM-SHA-512.`,
                });
                f.expect(mechanisms.length > 0 && mechanisms.every((m) => m === 'SCRAM-SHA-512' || m === 'OAUTHBEARER'), {
                    found: `${where} listener ${l.name} sasl.enabled.mechanisms is ${raw === undefined ? "not set (Kafka's default is GSSAPI)" : (0, rule_1.shown)(raw)}`,
                    expected: "'SCRAM-SHA-512' (or OAUTHBEARER)",
                    fix: `Set listener.name.${l.name.toLowerCase()}.sasl.enabled.mechanisms=SCRAM-SHA-512.`,
                });
            }
        }
    }
    return f.outcome();
}
