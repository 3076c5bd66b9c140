"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEC_002_TLS_VERSION = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** SEC-002: TLS 1.2 or newer; TLS 1.0/1.1 are refused. */
exports.SEC_002_TLS_VERSION = {
    id: 'SEC-002',
    level: rule_1.RuleLevel.ERROR,
    title: 'TLS 1.2 or newer; TLS 1.0/1.1 are refused.',
    explanation: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996). A broker that still accepts them lets a downgrade attack pick the weak protocol. MSK\'s AWS-managed listeners accept TLS 1.2 or newer only, so there it holds by construction and is reported.',
    remediation: 'Strimzi: set ssl.enabled.protocols to TLSv1.3,TLSv1.2 (and ssl.protocol to TLSv1.3) in spec.kafka.config. StatefulSet: the same in server.properties. MSK: nothing to configure.',
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
/** MSK: compliant by construction (AWS-managed listeners accept TLS 1.2 or newer); reported, not configurable. */
function checkMsk(doc, _ctx) {
    if (!(0, msk_cluster_document_1.asMskCluster)(doc))
        return rule_1.NOT_APPLICABLE;
    return (0, rule_1.compliantWithNotes)(['MSK listeners are AWS-managed and accept TLS 1.2 or newer only; nothing to configure.']);
}
/**
 * Strimzi: `ssl.enabled.protocols` in `spec.kafka.config` (an allowed exception) lists only
 * TLSv1.2/TLSv1.3, and `ssl.protocol` is one of them; the same for a listener's custom
 * `listenerConfig`. Other `ssl.` keys, which Strimzi drops, are refused here.
 */
function checkStrimzi(doc, _ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const config = (0, strimzi_documents_1.strimziConfigOf)(kafka);
    const f = new rule_1.Findings();
    const modern = ['TLSv1.2', 'TLSv1.3'];
    const enabled = config['ssl.enabled.protocols'];
    const protocols = (enabled ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
    f.expect(protocols.length > 0 && protocols.every((p) => modern.includes(p)), {
        found: `spec.kafka.config ssl.enabled.protocols is ${enabled === undefined ? 'not set' : `'${enabled}'`}`,
        expected: "'TLSv1.3,TLSv1.2', written out (TLS 1.0 and 1.1 refused)",
        fix: "Set ssl.enabled.protocols: 'TLSv1.3,TLSv1.2' in spec.kafka.config.",
    });
    const protocol = config['ssl.protocol'];
    f.expect(protocol === undefined || modern.includes(protocol), {
        found: `spec.kafka.config ssl.protocol is '${protocol}'`,
        expected: "'TLSv1.3' or 'TLSv1.2'",
        fix: "Set ssl.protocol: 'TLSv1.3'.",
    });
    for (const l of (kafka.body.spec?.kafka?.listeners ?? [])) {
        const custom = l?.authentication?.listenerConfig?.['ssl.enabled.protocols'];
        f.expect(custom === undefined || String(custom).split(',').every((p) => modern.includes(p.trim())), {
            found: `listener ${(0, rule_1.shown)(l?.name)} listenerConfig ssl.enabled.protocols is '${custom}'`,
            expected: 'only TLSv1.2 and TLSv1.3',
            fix: 'Remove the listener override or list only TLSv1.3,TLSv1.2.',
        });
    }
    (0, strimzi_documents_1.forbiddenConfigFindings)(kafka, 'SEC-002', f);
    return f.outcome();
}
/**
 * StatefulSet: every Kafka properties file writes out ssl.enabled.protocols with only TLSv1.2
 * and TLSv1.3 (also per listener, `listener.name.<l>.ssl.enabled.protocols`), and ssl.protocol,
 * when set, is one of them.
 */
function checkStatefulSet(doc, _ctx) {
    const configMap = (0, statefulset_documents_1.kubernetesKind)(doc, 'ConfigMap');
    const files = configMap ? (0, statefulset_documents_1.nodePropertiesOf)(configMap) : [];
    if (files.length === 0)
        return rule_1.NOT_APPLICABLE;
    const modern = ['TLSv1.2', 'TLSv1.3'];
    const f = new rule_1.Findings();
    for (const { properties, where } of files) {
        const enabled = properties['ssl.enabled.protocols'];
        const protocols = (enabled ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
        f.expect(protocols.length > 0 && protocols.every((p) => modern.includes(p)), {
            found: `${where} ssl.enabled.protocols is ${(0, rule_1.shown)(enabled)}`,
            expected: "'TLSv1.3,TLSv1.2', written out (TLS 1.0 and 1.1 refused)",
            fix: 'Set ssl.enabled.protocols=TLSv1.3,TLSv1.2.',
        });
        for (const key of Object.keys(properties).filter((k) => /^listener\.name\.[^.]+\.ssl\.enabled\.protocols$/.test(k))) {
            f.expect(properties[key].split(',').every((p) => modern.includes(p.trim())), {
                found: `${where} ${key} is ${(0, rule_1.shown)(properties[key])}`,
                expected: 'only TLSv1.2 and TLSv1.3',
                fix: `Remove ${key} or list only TLSv1.3,TLSv1.2.`,
            });
        }
        for (const key of Object.keys(properties).filter((k) => k === 'ssl.protocol' || /^listener\.name\.[^.]+\.ssl\.protocol$/.test(k))) {
            f.expect(modern.includes(properties[key]), {
                found: `${where} ${key} is ${(0, rule_1.shown)(properties[key])}`,
                expected: "'TLSv1.3' or 'TLSv1.2'",
                fix: `Set ${key}=TLSv1.3.`,
            });
        }
    }
    return f.outcome();
}
