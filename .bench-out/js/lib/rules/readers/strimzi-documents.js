"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.asStrimziKafka = asStrimziKafka;
exports.asStrimziNodePool = asStrimziNodePool;
exports.asStrimziTopic = asStrimziTopic;
exports.strimziConfigOf = strimziConfigOf;
exports.strimziKafkaOf = strimziKafkaOf;
exports.strimziNodePoolsOf = strimziNodePoolsOf;
exports.rolesOf = rolesOf;
exports.replicasOf = replicasOf;
exports.describePools = describePools;
exports.effectivePodTemplate = effectivePodTemplate;
exports.storageVolumesOf = storageVolumesOf;
exports.forbiddenConfigFindings = forbiddenConfigFindings;
const strimzi_forbidden_config_1 = require("../../contract/strimzi-forbidden-config");
const document_1 = require("../../contract/document");
/**
 * Reading Strimzi documents (`Kafka`, `KafkaNodePool`, `KafkaTopic`) for the rules. Plain
 * functions over plain JSON, so the rules also work on Strimzi YAML this library did not write.
 */
/** The label that ties a KafkaNodePool or KafkaTopic to its Kafka. */
const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';
function strimziKind(doc, kind) {
    return doc.source === 'kubernetes' && doc.kind === kind && (0, document_1.apiGroupOf)(doc) === 'kafka.strimzi.io' ? doc : undefined;
}
/** The `Kafka` document, or undefined. */
function asStrimziKafka(doc) {
    return strimziKind(doc, 'Kafka');
}
/** The `KafkaNodePool` document, or undefined. */
function asStrimziNodePool(doc) {
    return strimziKind(doc, 'KafkaNodePool');
}
/** The `KafkaTopic` document, or undefined. */
function asStrimziTopic(doc) {
    return strimziKind(doc, 'KafkaTopic');
}
/** `spec.kafka.config` with every value as a string (`3`, `'3'` and `3.0` read alike). */
function strimziConfigOf(kafka) {
    const config = kafka.body.spec?.kafka?.config;
    const out = {};
    if (config === null || typeof config !== 'object')
        return out;
    for (const [k, v] of Object.entries(config))
        out[k] = String(v);
    return out;
}
/** The `Kafka` a node pool or topic belongs to (by its `strimzi.io/cluster` label). */
function strimziKafkaOf(index, doc) {
    const cluster = doc.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL];
    return typeof cluster === 'string' ? index.kubernetesByName('Kafka', cluster, doc.namespace) : undefined;
}
const poolsByIndex = new WeakMap();
/** The node pools of a `Kafka`, grouped once per synthesis (not rescanned per rule). */
function strimziNodePoolsOf(index, kafka) {
    let byCluster = poolsByIndex.get(index);
    if (!byCluster) {
        byCluster = new Map();
        for (const pool of index.kubernetes('KafkaNodePool')) {
            const key = `${pool.namespace ?? ''}|${pool.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL]}`;
            const list = byCluster.get(key);
            if (list)
                list.push(pool);
            else
                byCluster.set(key, [pool]);
        }
        poolsByIndex.set(index, byCluster);
    }
    return byCluster.get(`${kafka.namespace ?? ''}|${kafka.name}`) ?? [];
}
/** The roles of a node pool. */
function rolesOf(pool) {
    const roles = pool.body.spec?.roles;
    return Array.isArray(roles) ? roles.map(String) : [];
}
/** The replicas of a node pool, or 0 when not a number. */
function replicasOf(pool) {
    const r = Number(pool.body.spec?.replicas);
    return Number.isFinite(r) ? r : 0;
}
/** `name: replicas [roles]` for messages. */
function describePools(pools) {
    return pools.map((p) => `${p.name}: ${p.body.spec?.replicas ?? 'not set'} [${rolesOf(p).join(', ')}]`).join('; ') || 'none';
}
/**
 * The pod template that applies to a pool's pods: the pool's `spec.template.pod`, which
 * replaces (is not merged with) the Kafka's `spec.kafka.template.pod`.
 */
function effectivePodTemplate(pool, kafka) {
    const own = pool.body.spec?.template?.pod;
    if (own && typeof own === 'object')
        return { pod: own, where: 'spec.template.pod' };
    const inherited = kafka?.body.spec?.kafka?.template?.pod;
    if (inherited && typeof inherited === 'object')
        return { pod: inherited, where: `Kafka ${kafka.name} spec.kafka.template.pod (the pool has no template.pod)` };
    return { pod: {}, where: 'spec.template.pod (absent, and absent on the Kafka)' };
}
/** The persistent volumes of a node pool's storage (a jbod's volumes, or the storage itself). */
function storageVolumesOf(pool) {
    const storage = pool.body.spec?.storage;
    if (!storage || typeof storage !== 'object')
        return [];
    if (storage.type === 'jbod') {
        const volumes = Array.isArray(storage.volumes) ? storage.volumes : [];
        return volumes.map((v, i) => ({ volume: v ?? {}, where: `spec.storage.volumes[${i}]` }));
    }
    return [{ volume: storage, where: 'spec.storage' }];
}
/**
 * Adds one finding per `spec.kafka.config` key that Strimzi 1.2 silently drops and that is
 * charged to `ruleId` (see STRIMZI_FORBIDDEN_CONFIG).
 */
function forbiddenConfigFindings(kafka, ruleId, f) {
    const config = kafka.body.spec?.kafka?.config;
    if (config === null || typeof config !== 'object')
        return;
    for (const hit of (0, strimzi_forbidden_config_1.strimziForbiddenConfigKeys)(config, ruleId)) {
        f.add({
            found: `spec.kafka.config key '${hit.key}' is set, and Strimzi 1.2 silently drops keys starting with '${hit.prefix}'`,
            expected: 'no key that the operator drops: a dropped setting is a rule that silently fails',
            fix: `Remove '${hit.key}'; ${hit.family.instead}.`,
        });
    }
}
