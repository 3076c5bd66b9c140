"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NODE_PROPERTIES_KEYS = void 0;
exports.kubernetesKind = kubernetesKind;
exports.nodePropertiesOf = nodePropertiesOf;
exports.processRolesOf = processRolesOf;
exports.hasBrokerRole = hasBrokerRole;
exports.listenersOf = listenersOf;
exports.listenerSetting = listenerSetting;
exports.podSpecOf = podSpecOf;
exports.kafkaContainerOf = kafkaContainerOf;
exports.envValueOf = envValueOf;
exports.nodeConfigOf = nodeConfigOf;
exports.volumeOfPath = volumeOfPath;
exports.secretNamesOfVolume = secretNamesOfVolume;
exports.configMapFileOf = configMapFileOf;
exports.certificateForSecret = certificateForSecret;
exports.brokerCountOfCluster = brokerCountOfCluster;
exports.replicasOfWorkload = replicasOfWorkload;
exports.selectorMatches = selectorMatches;
exports.topicLinesOf = topicLinesOf;
const broker_config_1 = require("../../model/broker-config");
const admin_command_lines_1 = require("../../contract/admin-command-lines");
const vocabulary_1 = require("../../contract/vocabulary");
/**
 * Reading the plain-Kubernetes Kafka documents (StatefulSet, ConfigMap with `server.properties`,
 * Certificate, PodDisruptionBudget) for the rules. Plain functions over plain JSON, so the rules
 * also work on StatefulSet YAML this library did not write, as long as its objects carry the
 * target label.
 */
/** The ConfigMap keys that hold a Kafka node's properties: brokers and combined nodes, controllers. */
exports.NODE_PROPERTIES_KEYS = ['server.properties', 'controller.properties'];
/** The document if it is a Kubernetes object of `kind`. */
function kubernetesKind(doc, kind) {
    return doc.source === 'kubernetes' && doc.kind === kind ? doc : undefined;
}
/** The Kafka properties files in a ConfigMap (none for other ConfigMaps). */
function nodePropertiesOf(configMap) {
    const data = configMap.body.data ?? {};
    return exports.NODE_PROPERTIES_KEYS
        .filter((k) => typeof data[k] === 'string')
        .map((k) => ({ key: k, properties: (0, broker_config_1.parsePropertiesText)(data[k]), where: `data['${k}']` }));
}
/** `process.roles` as a list. */
function processRolesOf(props) {
    return (props['process.roles'] ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
}
/** Whether the properties are a broker's (including a combined node's). */
function hasBrokerRole(props) {
    return processRolesOf(props).includes('broker');
}
const DEFAULT_PROTOCOL_MAP = {
    PLAINTEXT: 'PLAINTEXT', SSL: 'SSL', SASL_PLAINTEXT: 'SASL_PLAINTEXT', SASL_SSL: 'SASL_SSL',
};
/**
 * The listeners a node serves or uses: `listeners`, `controller.listener.names` and
 * `inter.broker.listener.name`, with their protocols from `listener.security.protocol.map`.
 */
function listenersOf(props) {
    const map = props['listener.security.protocol.map'] === undefined ? { ...DEFAULT_PROTOCOL_MAP } : {};
    for (const entry of (props['listener.security.protocol.map'] ?? '').split(',')) {
        const [k, v] = entry.split(':').map((s) => s.trim());
        if (k && v)
            map[k.toUpperCase()] = v.toUpperCase();
    }
    const controllers = (props['controller.listener.names'] ?? '').split(',').map((n) => n.trim().toUpperCase()).filter((n) => n !== '');
    const names = new Set();
    for (const l of (props.listeners ?? '').split(',')) {
        const m = /^\s*([A-Za-z0-9_]+):\/\//.exec(l);
        if (m)
            names.add(m[1].toUpperCase());
    }
    for (const c of controllers)
        names.add(c);
    const inter = props['inter.broker.listener.name'];
    if (inter)
        names.add(inter.trim().toUpperCase());
    return [...names].map((name) => ({ name, protocol: map[name], controller: controllers.includes(name) }));
}
/** A listener-level setting (`listener.name.<l>.<key>`), else the node-level one. */
function listenerSetting(props, listener, key) {
    return props[`listener.name.${listener.toLowerCase()}.${key}`] ?? props[key];
}
/** The pod spec of a StatefulSet (or Deployment). */
function podSpecOf(workload) {
    return workload.body.spec?.template?.spec ?? {};
}
/** The Kafka container: the one named `kafka`, else the first. */
function kafkaContainerOf(podSpec) {
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    return containers.find((c) => c?.name === 'kafka') ?? containers[0];
}
/** The value of a literal environment variable. */
function envValueOf(container, name) {
    const e = (container?.env ?? []).find((x) => x?.name === name);
    return typeof e?.value === 'string' ? e.value : undefined;
}
/** The node properties a Kafka StatefulSet mounts: the first ConfigMap volume that holds one. */
function nodeConfigOf(index, statefulSet) {
    for (const v of (podSpecOf(statefulSet).volumes ?? [])) {
        const name = v?.configMap?.name;
        if (typeof name !== 'string')
            continue;
        const configMap = index.kubernetesByName('ConfigMap', name, statefulSet.namespace);
        const node = configMap ? nodePropertiesOf(configMap)[0] : undefined;
        if (configMap && node)
            return { configMap, node };
    }
    return undefined;
}
/**
 * The volume a file path in a container comes from: the mount with the longest matching
 * mountPath, and the pod volume of that name.
 */
function volumeOfPath(podSpec, container, filePath) {
    const mounts = (container?.volumeMounts ?? []).filter((m) => typeof m?.mountPath === 'string'
        && (filePath === m.mountPath || filePath.startsWith(m.mountPath.endsWith('/') ? m.mountPath : `${m.mountPath}/`)));
    if (mounts.length === 0)
        return undefined;
    const mount = mounts.sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
    const volume = (podSpec.volumes ?? []).find((v) => v?.name === mount.name);
    return { mountPath: mount.mountPath, volume, name: mount.name };
}
/** The Secret names a volume projects (a `secret` volume or a `projected` one with secrets). */
function secretNamesOfVolume(volume) {
    if (!volume)
        return [];
    if (typeof volume.secret?.secretName === 'string')
        return [volume.secret.secretName];
    return (volume.projected?.sources ?? []).map((s) => s?.secret?.name).filter((n) => typeof n === 'string');
}
/** The text of a file that a container reads from a mounted ConfigMap, or undefined. */
function configMapFileOf(index, workload, container, filePath) {
    const podSpec = podSpecOf(workload);
    const source = volumeOfPath(podSpec, container, filePath);
    const name = source?.volume?.configMap?.name;
    if (!source || typeof name !== 'string')
        return undefined;
    const rel = filePath.slice(source.mountPath.length).replace(/^\//, '');
    const item = (source.volume.configMap.items ?? []).find((i) => i?.path === rel);
    const key = item?.key ?? rel;
    const text = index.kubernetesByName('ConfigMap', name, workload.namespace)?.body.data?.[key];
    return { configMap: name, key, text: typeof text === 'string' ? text : undefined };
}
const certificatesByIndex = new WeakMap();
/** The cert-manager Certificate that writes a Secret (by namespace and `spec.secretName`), grouped once per synthesis. */
function certificateForSecret(index, secretName, namespace) {
    let bySecret = certificatesByIndex.get(index);
    if (!bySecret) {
        bySecret = new Map();
        for (const c of index.kubernetes('Certificate')) {
            if (!c.apiVersion.startsWith('cert-manager.io/'))
                continue;
            bySecret.set(`${c.namespace ?? ''}|${c.body.spec?.secretName}`, c);
        }
        certificatesByIndex.set(index, bySecret);
    }
    return bySecret.get(`${namespace ?? ''}|${secretName}`);
}
const brokersByIndex = new WeakMap();
/** The brokers of a StatefulSet cluster (by its `kafka-iac.dev/cluster` label): replicas of every StatefulSet with the broker role. */
function brokerCountOfCluster(index, cluster, namespace) {
    let byCluster = brokersByIndex.get(index);
    if (!byCluster) {
        byCluster = new Map();
        for (const sts of index.kubernetes('StatefulSet')) {
            const c = sts.body.metadata?.labels?.[vocabulary_1.KAFKA_CLUSTER_LABEL];
            const node = nodeConfigOf(index, sts)?.node;
            if (typeof c !== 'string' || !node || !hasBrokerRole(node.properties))
                continue;
            const key = `${sts.namespace ?? ''}|${c}`;
            byCluster.set(key, (byCluster.get(key) ?? 0) + replicasOfWorkload(sts));
        }
        brokersByIndex.set(index, byCluster);
    }
    return byCluster.get(`${namespace ?? ''}|${cluster}`) ?? 0;
}
/** `spec.replicas`, 1 when absent (the Kubernetes default), NaN when not a number. */
function replicasOfWorkload(workload) {
    const r = workload.body.spec?.replicas;
    return r === undefined ? 1 : Number(r);
}
/** Whether every label of `selector` (matchLabels only) is on `labels`; an empty selector selects everything. */
function selectorMatches(selector, labels) {
    if (!selector)
        return false;
    if ((selector.matchExpressions ?? []).length > 0)
        return false; // not evaluated: treated as not matching
    return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}
/** The topic lines of the StatefulSet admin Job's `topics.txt` (one `kafka-topics.sh` call per line). */
function topicLinesOf(configMap) {
    const text = configMap.body.data?.['topics.txt'];
    return typeof text === 'string' ? (0, admin_command_lines_1.parseTopicLines)(text) : [];
}
