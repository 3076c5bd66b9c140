"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishedClientProperties = publishedClientProperties;
const broker_config_1 = require("../../model/broker-config");
const rule_1 = require("../rule");
const vocabulary_1 = require("../../contract/vocabulary");
/**
 * The client properties a document publishes: a Kubernetes ConfigMap labelled
 * `kafka-iac.dev/client-properties`, or the MSK `terraform_data` artefact. Empty for any
 * other document.
 */
function publishedClientProperties(doc) {
    if (doc.source === 'terraform') {
        if (doc.type !== 'terraform_data' || doc.body.input?.kind !== vocabulary_1.CLIENT_PROPERTIES_ARTEFACT_KIND)
            return [];
        const principals = doc.body.input.principals ?? {};
        return Object.entries(principals).map(([principal, p]) => read(principal, rule_1.RuleTarget.MSK, p?.producer === true || p?.producer === 'true', String(p?.properties ?? '')));
    }
    if (doc.kind !== 'ConfigMap')
        return [];
    const labels = doc.body.metadata?.labels ?? {};
    const principal = labels[vocabulary_1.CLIENT_PROPERTIES_LABEL];
    const text = doc.body.data?.[vocabulary_1.CLIENT_PROPERTIES_KEY];
    if (principal === undefined || typeof text !== 'string')
        return [];
    const target = labels[vocabulary_1.TARGET_LABEL] === rule_1.RuleTarget.STATEFULSET ? rule_1.RuleTarget.STATEFULSET : rule_1.RuleTarget.STRIMZI;
    return [read(String(principal), target, labels[vocabulary_1.CLIENT_PRODUCER_LABEL] === 'true', text)];
}
function read(principal, target, producerFlag, text) {
    const properties = (0, broker_config_1.parsePropertiesText)(text);
    return {
        principal, target, properties,
        producer: producerFlag || properties.acks !== undefined,
        consumer: properties['group.id'] !== undefined || properties['group.protocol'] !== undefined,
    };
}
