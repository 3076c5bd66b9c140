"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StrimziKafkaCluster = exports.AuthorizerLogLevel = void 0;
const k8s_1 = require("cdk8s-plus-27/lib/imports/k8s");
const constructs_1 = require("constructs");
const broker_config_1 = require("../../model/broker-config");
const client_authentication_1 = require("../../model/client-authentication");
const client_network_1 = require("../../model/client-network");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const jvm_heap_1 = require("../../model/jvm-heap");
const kafka_version_1 = require("../../model/kafka-version");
const kafka_strimzi_io_1 = require("../../imports/kafka.strimzi.io");
const rule_target_1 = require("../../contract/rule-target");
const encrypted_storage_class_1 = require("../kubernetes/encrypted-storage-class");
const jmx_exporter_rules_1 = require("../kubernetes/jmx-exporter-rules");
const vocabulary_1 = require("../../contract/vocabulary");
const strimzi_forbidden_config_1 = require("../../contract/strimzi-forbidden-config");
const strimzi_listener_1 = require("./strimzi-listener");
const strimzi_support_network_policies_1 = require("../kubernetes/strimzi-support-network-policies");
/** The authorizer logger's level (SEC-008). */
var AuthorizerLogLevel;
(function (AuthorizerLogLevel) {
    /** Denied operations are logged. */
    AuthorizerLogLevel["INFO"] = "INFO";
    /** Denied and allowed operations are logged (verbose: every authorized request). */
    AuthorizerLogLevel["DEBUG"] = "DEBUG";
})(AuthorizerLogLevel || (exports.AuthorizerLogLevel = AuthorizerLogLevel = {}));
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LISTENER_NAME = /^[a-z0-9]{1,11}$/;
const RESERVED_PORTS = [9090, 9091, 9404, 9999];
const DEFAULT_BROKER = { replicas: 3, storageSize: '100Gi', memory: '8Gi', cpu: '2' };
const DEFAULT_CONTROLLER = { replicas: 3, storageSize: '20Gi', memory: '2Gi', cpu: '1' };
/**
 * A Kafka cluster run by the Strimzi 1.2 operator: a `Kafka` (kafka.strimzi.io/v1, KRaft) and
 * its `KafkaNodePool`s, built to the rules of RULES.md:
 * - a controller pool of 3 or 5 and separate broker pools (a combined single node in development only);
 * - rack awareness on `topology.kubernetes.io/zone`; each pool pinned to the zones, spread over them
 *   (`DoNotSchedule`) and over hosts (required anti-affinity), in the pool's own `template.pod`
 *   (a pool template replaces the Kafka template's `pod` section); one PodDisruptionBudget with
 *   maxUnavailable 1 over every node-pool pod (`spec.kafka.template.podDisruptionBudget`);
 * - persistent volumes kept with the cluster (`deleteClaim: false`) on an encrypted StorageClass;
 * - TLS-only listeners, each authenticated (SCRAM-SHA-512, mutual TLS or OAuth), TLS 1.3/1.2,
 *   reachable only from the declared client workloads (`networkPolicyPeers`);
 * - `simple` authorization, deny by default, super users only the declared admins; the authorizer logger on;
 * - the HA and PERF broker settings, resources and heap per pool (PERF-001);
 * - the JMX exporter (`metricsConfig` ConfigMap), Kafka Exporter and the Entity Operator.
 *
 * The `Kafka` is `.kafka` (id `Resource`), the escape hatch:
 * `cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/num.io.threads', 32))`.
 * The rules read the synthesized objects, so a patch that breaks a rule stops synthesis.
 */
class StrimziKafkaCluster extends constructs_1.Construct {
    /** The `Kafka` custom resource. */
    kafka;
    /** The controller pool, or undefined with a combined node. */
    controllerPool;
    /** The broker pools (the combined pool in development). */
    brokerPools;
    /** The JMX exporter ConfigMap. */
    metricsConfigMap;
    /** The StorageClass created here, when none was given. */
    encryptedStorageClass;
    storageClass;
    networkPolicies;
    clusterName;
    kafkaVersion;
    zones;
    /** The number of brokers over all broker pools. */
    brokers;
    /** The broker properties written into `spec.kafka.config`. */
    brokerProperties;
    /** Labels every object of the cluster carries. */
    labels;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const environment = environment_1.Environment.of(this);
        this.clusterName = props.clusterName ?? `${environment.name}-kafka`;
        if (!DNS_LABEL.test(this.clusterName) || this.clusterName.length > 40) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'clusterName', found: this.clusterName,
                expected: 'a DNS label of at most 40 characters (pod and Service names are built from it)',
                fix: "Use a name such as 'orders-kafka'.",
            });
        }
        const name = this.clusterName;
        this.labels = { [vocabulary_1.TARGET_LABEL]: rule_target_1.RuleTarget.STRIMZI, [vocabulary_1.KAFKA_CLUSTER_LABEL]: name };
        this.kafkaVersion = props.kafkaVersion ?? kafka_version_1.KafkaVersion.V4_3_1;
        if (!this.kafkaVersion.isStrimziSupported) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-005', path, prop: 'kafkaVersion', found: this.kafkaVersion.version,
                expected: `a version Strimzi 1.2 runs in KRaft mode (${kafka_version_1.KafkaVersion.STRIMZI_SUPPORTED.join(', ')})`,
                fix: 'Use KafkaVersion.V4_3_1.',
            });
        }
        this.zones = props.zones ?? ['a', 'b', 'c'].map((z) => `${environment.region}${z}`);
        validateZones(path, this.zones);
        // Storage class (SEC-006).
        if (props.storageClass) {
            this.storageClass = props.storageClass;
        }
        else {
            if (props.kmsKeyId === undefined) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-006', path, prop: 'kmsKeyId', found: undefined,
                    expected: 'a customer-managed KMS key for the StorageClass created here, or storageClass',
                    fix: 'Set kmsKeyId to your KMS key ARN, or pass storageClass: EncryptedStorageClass.fromStorageClassAttributes({...}).',
                });
            }
            this.encryptedStorageClass = new encrypted_storage_class_1.EncryptedStorageClass(this, 'StorageClass', {
                kmsKeyId: props.kmsKeyId, storageClassName: `${name}-encrypted`, labels: this.labels,
            });
            this.storageClass = this.encryptedStorageClass;
        }
        // Node pools (HA-001, HA-005, HA-006).
        const combined = props.combinedNode ?? false;
        const controllerOptions = { ...DEFAULT_CONTROLLER, name: 'controller', ...(props.controllers ?? {}) };
        const brokerOptions = (props.brokerPools ?? [{}]).map((p, i) => ({ ...DEFAULT_BROKER, name: i === 0 ? 'broker' : `broker-${i}`, ...p }));
        if (!combined)
            validateControllerCount(path, controllerOptions.replicas);
        if (combined && props.brokerPools !== undefined && props.brokerPools.length > 1) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-005', path, prop: 'brokerPools', found: props.brokerPools.length,
                expected: 'one pool with combinedNode (a single node with both roles)',
                fix: 'Remove combinedNode and declare a controller pool and broker pools, or keep one pool.',
            });
        }
        const pools = combined
            ? [{ ...DEFAULT_BROKER, replicas: 1, name: 'dual-role', ...(props.brokerPools?.[0] ?? {}), roles: [kafka_strimzi_io_1.KafkaNodePoolSpecRoles.CONTROLLER, kafka_strimzi_io_1.KafkaNodePoolSpecRoles.BROKER] }]
            : brokerOptions.map((p) => ({ ...p, roles: [kafka_strimzi_io_1.KafkaNodePoolSpecRoles.BROKER] }));
        const seen = new Set(combined ? [] : [controllerOptions.name]);
        for (const p of pools) {
            validatePool(path, p);
            if (seen.has(p.name))
                throw errors_1.KafkaIacError.duplicate('KIAC-PROP', path, 'node pool', p.name);
            seen.add(p.name);
        }
        if (!combined)
            validatePool(path, controllerOptions);
        this.brokers = pools.reduce((sum, p) => sum + p.replicas, 0);
        // Listeners (SEC-001, SEC-003, SEC-007).
        const listenerProps = props.listeners ?? [{ name: 'tls', port: 9093, authentication: client_authentication_1.ClientAuthentication.scramSha512() }];
        if (props.clientNetworks === undefined || props.clientNetworks.length === 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-007', path, prop: 'clientNetworks', found: props.clientNetworks ?? [],
                expected: 'at least one declared client workload; an empty networkPolicyPeers list lets every pod connect',
                fix: "Set clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })].",
            });
        }
        const listeners = renderListeners(path, listenerProps, props.clientNetworks);
        // Broker config (HA-002/003/008/010, PERF-001, SEC-002, SEC-004) without keys Strimzi drops.
        this.brokerProperties = {
            ...(0, broker_config_1.renderBrokerProperties)(path, this.brokers, props.brokerConfig),
            'allow.everyone.if.no.acl.found': 'false',
            'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2',
            'ssl.protocol': 'TLSv1.3',
        };
        const forbidden = (0, strimzi_forbidden_config_1.strimziForbiddenConfigKeys)(this.brokerProperties);
        if (forbidden.length > 0) {
            const first = forbidden[0];
            throw errors_1.KafkaIacError.invalidProp({
                code: first.family.ruleId, path, prop: `brokerConfig key '${first.key}'`, found: this.brokerProperties[first.key],
                expected: `no key starting with '${first.prefix}': Strimzi 1.2 silently drops it (${forbidden.map((k) => k.key).join(', ')})`,
                fix: `Remove it; ${first.family.instead}.`,
            });
        }
        // Super users (SEC-004).
        const admins = props.admins ?? [];
        for (const admin of admins) {
            if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(admin)) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-004', path, prop: 'admins', found: admin,
                    expected: 'KafkaUser names (lower-case letters, digits, dots and dashes)',
                    fix: "List the admin KafkaUser names, such as 'platform-admin'.",
                });
            }
        }
        const mutualTls = listenerProps.some((l) => l.authentication.mechanism === client_authentication_1.AuthenticationMechanism.MUTUAL_TLS);
        const superUsers = admins.flatMap((a) => mutualTls ? [a, `CN=${a}`] : [a]);
        // Metrics (JMX exporter).
        this.metricsConfigMap = new k8s_1.KubeConfigMap(this, 'MetricsConfig', {
            metadata: { name: `${name}-kafka-metrics`, labels: this.labels },
            data: { [jmx_exporter_rules_1.JMX_EXPORTER_CONFIG_KEY]: (0, jmx_exporter_rules_1.renderJmxExporterConfig)() },
        });
        const heapOf = (memory, poolPath) => (0, jvm_heap_1.jvmHeapOptions)((0, jvm_heap_1.brokerHeapMiB)((0, jvm_heap_1.parseMemoryQuantity)(memory), poolPath));
        const deleteClaim = props.deleteClaim ?? false;
        this.kafka = new kafka_strimzi_io_1.Kafka(this, 'Resource', {
            metadata: {
                name,
                labels: this.labels,
                annotations: { [vocabulary_1.DECLARED_ADMINS_ANNOTATION]: admins.join(',') },
            },
            spec: {
                kafka: {
                    version: this.kafkaVersion.version,
                    listeners,
                    config: typedConfig(this.brokerProperties),
                    authorization: { type: kafka_strimzi_io_1.KafkaSpecKafkaAuthorizationType.SIMPLE, superUsers },
                    rack: { type: kafka_strimzi_io_1.KafkaSpecKafkaRackType.TOPOLOGY_HYPHEN_LABEL, topologyKey: vocabulary_1.ZONE_TOPOLOGY_KEY },
                    metricsConfig: {
                        type: kafka_strimzi_io_1.KafkaSpecKafkaMetricsConfigType.JMX_PROMETHEUS_EXPORTER,
                        valueFrom: { configMapKeyRef: { name: `${name}-kafka-metrics`, key: jmx_exporter_rules_1.JMX_EXPORTER_CONFIG_KEY } },
                    },
                    logging: {
                        type: kafka_strimzi_io_1.KafkaSpecKafkaLoggingType.INLINE,
                        loggers: {
                            'rootLogger.level': 'INFO',
                            'logger.authorizer.name': 'kafka.authorizer.logger',
                            'logger.authorizer.level': props.authorizerLogLevel ?? AuthorizerLogLevel.INFO,
                        },
                    },
                    template: {
                        podDisruptionBudget: { maxUnavailable: 1 },
                        // Fallback for pools without their own template.pod (a pool's pod template replaces this one).
                        pod: podTemplate(name, undefined, this.zones, this.labels),
                    },
                },
                entityOperator: {
                    topicOperator: {
                        resources: {
                            requests: { cpu: kafka_strimzi_io_1.KafkaSpecEntityOperatorTopicOperatorResourcesRequests.fromString('100m'), memory: kafka_strimzi_io_1.KafkaSpecEntityOperatorTopicOperatorResourcesRequests.fromString('256Mi') },
                            limits: { memory: kafka_strimzi_io_1.KafkaSpecEntityOperatorTopicOperatorResourcesLimits.fromString('512Mi') },
                        },
                    },
                    userOperator: {
                        resources: {
                            requests: { cpu: kafka_strimzi_io_1.KafkaSpecEntityOperatorUserOperatorResourcesRequests.fromString('100m'), memory: kafka_strimzi_io_1.KafkaSpecEntityOperatorUserOperatorResourcesRequests.fromString('256Mi') },
                            limits: { memory: kafka_strimzi_io_1.KafkaSpecEntityOperatorUserOperatorResourcesLimits.fromString('512Mi') },
                        },
                    },
                },
                kafkaExporter: {
                    topicRegex: props.kafkaExporterTopicRegex ?? '.*',
                    groupRegex: props.kafkaExporterGroupRegex ?? '.*',
                    resources: {
                        requests: { cpu: kafka_strimzi_io_1.KafkaSpecKafkaExporterResourcesRequests.fromString('100m'), memory: kafka_strimzi_io_1.KafkaSpecKafkaExporterResourcesRequests.fromString('128Mi') },
                        limits: { memory: kafka_strimzi_io_1.KafkaSpecKafkaExporterResourcesLimits.fromString('256Mi') },
                    },
                },
            },
        });
        const makePool = (id, p) => {
            const heap = heapOf(p.memory, `${path}/${id}`);
            return new kafka_strimzi_io_1.KafkaNodePool(this, id, {
                metadata: {
                    name: p.name,
                    labels: { ...this.labels, 'strimzi.io/cluster': name },
                    annotations: this.storageClass.synthesized ? undefined : { [vocabulary_1.STORAGE_KMS_KEY_ANNOTATION]: this.storageClass.kmsKeyId },
                },
                spec: {
                    replicas: p.replicas,
                    roles: p.roles,
                    storage: {
                        type: kafka_strimzi_io_1.KafkaNodePoolSpecStorageType.JBOD,
                        volumes: [{
                                id: 0,
                                type: kafka_strimzi_io_1.KafkaNodePoolSpecStorageVolumesType.PERSISTENT_HYPHEN_CLAIM,
                                size: p.storageSize,
                                class: this.storageClass.storageClassName,
                                deleteClaim,
                                kraftMetadata: kafka_strimzi_io_1.KafkaNodePoolSpecStorageVolumesKraftMetadata.SHARED,
                            }],
                    },
                    resources: {
                        requests: { cpu: kafka_strimzi_io_1.KafkaNodePoolSpecResourcesRequests.fromString(p.cpu), memory: kafka_strimzi_io_1.KafkaNodePoolSpecResourcesRequests.fromString(p.memory) },
                        limits: { cpu: kafka_strimzi_io_1.KafkaNodePoolSpecResourcesLimits.fromString(p.cpu), memory: kafka_strimzi_io_1.KafkaNodePoolSpecResourcesLimits.fromString(p.memory) },
                    },
                    jvmOptions: { xms: heap.xms, xmx: heap.xmx },
                    template: {
                        pod: podTemplate(name, p.name, this.zones, this.labels),
                        persistentVolumeClaim: { metadata: { labels: { ...this.labels } } },
                    },
                },
            });
        };
        if (!combined) {
            this.controllerPool = makePool('ControllerPool', { ...controllerOptions, roles: [kafka_strimzi_io_1.KafkaNodePoolSpecRoles.CONTROLLER] });
        }
        this.brokerPools = pools.map((p, i) => makePool(combined ? 'CombinedPool' : i === 0 ? 'BrokerPool' : `BrokerPool${i}`, p));
        this.networkPolicies = new strimzi_support_network_policies_1.StrimziSupportNetworkPolicies(this, 'NetworkPolicies', {
            clusterName: name,
            prometheusNetworks: props.prometheusNetworks ?? [
                client_network_1.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' }, description: 'Prometheus in the monitoring namespace' }),
            ],
        });
    }
}
exports.StrimziKafkaCluster = StrimziKafkaCluster;
/** The pod template of a pool (or, without a pool, of every Kafka pod): zones, zone spread, host anti-affinity. */
function podTemplate(cluster, pool, zones, labels) {
    const spreadSelector = pool === undefined
        ? { 'strimzi.io/cluster': cluster, 'strimzi.io/name': `${cluster}-kafka` }
        : { 'strimzi.io/cluster': cluster, 'strimzi.io/pool-name': pool };
    return {
        metadata: { labels: { ...labels } },
        affinity: {
            nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [{ matchExpressions: [{ key: vocabulary_1.ZONE_TOPOLOGY_KEY, operator: 'In', values: [...zones] }] }],
                },
            },
            podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [{
                        labelSelector: { matchLabels: { 'strimzi.io/cluster': cluster, 'strimzi.io/name': `${cluster}-kafka` } },
                        topologyKey: vocabulary_1.HOSTNAME_TOPOLOGY_KEY,
                    }],
            },
        },
        topologySpreadConstraints: [{
                maxSkew: 1,
                topologyKey: vocabulary_1.ZONE_TOPOLOGY_KEY,
                whenUnsatisfiable: 'DoNotSchedule',
                labelSelector: { matchLabels: spreadSelector },
            }],
    };
}
/** Config values as YAML scalars: numbers and booleans unquoted, like Strimzi's examples. */
function typedConfig(props) {
    const out = {};
    for (const key of Object.keys(props).sort()) {
        const v = props[key];
        out[key] = v === 'true' ? true : v === 'false' ? false : /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v;
    }
    return out;
}
function renderListeners(path, listeners, clientNetworks) {
    if (listeners.length === 0) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-003', path, prop: 'listeners', found: [],
            expected: 'at least one TLS listener with authentication', fix: 'Remove listeners: [] to get the default SCRAM-SHA-512 listener.',
        });
    }
    const names = new Set();
    const ports = new Set();
    return listeners.map((entry, i) => {
        const l = errors_1.KafkaIacError.required(entry, {
            code: 'KIAC-PROP', path, prop: `listeners[${i}]`, expected: "a listener: { name, port, authentication }",
            fix: "Declare it as { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }.",
        });
        const where = `${path} listener ${l.name}`;
        if (l.authentication !== undefined)
            (0, client_authentication_1.validateAuthentications)(where, [l.authentication]);
        if (!LISTENER_NAME.test(l.name)) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'KIAC-PROP', path: where, prop: 'name', found: l.name, expected: 'lower-case letters and digits, at most 11 characters', fix: "Use a name such as 'tls' or 'scram'." });
        }
        if (names.has(l.name))
            throw errors_1.KafkaIacError.duplicate('KIAC-PROP', path, 'listener', l.name);
        names.add(l.name);
        if (!Number.isInteger(l.port) || l.port < 9092 || RESERVED_PORTS.includes(l.port)) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'KIAC-PROP', path: where, prop: 'port', found: l.port, expected: `an integer of at least 9092, not ${RESERVED_PORTS.join('/')} (used by Strimzi, metrics and JMX)`, fix: 'Use 9093, 9094, ...' });
        }
        if (ports.has(l.port))
            throw errors_1.KafkaIacError.duplicate('KIAC-PROP', path, 'listener port', String(l.port));
        ports.add(l.port);
        if (l.tls === false) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-001', path: where, prop: 'tls', found: false,
                expected: 'true: plaintext listeners are refused in every environment',
                fix: 'Remove tls: false (listeners are TLS by default).',
            });
        }
        return {
            name: l.name,
            port: l.port,
            type: (l.type ?? strimzi_listener_1.StrimziListenerType.INTERNAL),
            tls: true,
            authentication: renderAuthentication(where, l),
            networkPolicyPeers: (l.clientNetworks ?? clientNetworks).map((n) => (0, strimzi_support_network_policies_1.networkPolicyPeerOf)(n, where)),
        };
    });
}
function renderAuthentication(where, l) {
    const mechanism = l.authentication?.mechanism;
    if (mechanism !== client_authentication_1.AuthenticationMechanism.OAUTH_BEARER && l.customListenerConfig !== undefined) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-003', path: where, prop: 'customListenerConfig', found: Object.keys(l.customListenerConfig),
            expected: 'only with ClientAuthentication.oauthBearer()', fix: 'Remove customListenerConfig.',
        });
    }
    switch (mechanism) {
        case client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512:
            return { type: kafka_strimzi_io_1.KafkaSpecKafkaListenersAuthenticationType.SCRAM_HYPHEN_SHA_HYPHEN_512 };
        case client_authentication_1.AuthenticationMechanism.MUTUAL_TLS:
            return { type: kafka_strimzi_io_1.KafkaSpecKafkaListenersAuthenticationType.TLS };
        case client_authentication_1.AuthenticationMechanism.OAUTH_BEARER: {
            const config = l.customListenerConfig ?? {};
            const mechanisms = String(config['sasl.enabled.mechanisms'] ?? '').toUpperCase().split(',').map((s) => s.trim());
            if (!mechanisms.includes('OAUTHBEARER') || mechanisms.includes('PLAIN')) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-003', path: where, prop: "customListenerConfig['sasl.enabled.mechanisms']", found: config['sasl.enabled.mechanisms'],
                    expected: "'OAUTHBEARER' (SASL/PLAIN is refused)",
                    fix: "Set customListenerConfig: { 'sasl.enabled.mechanisms': 'OAUTHBEARER', ... } with the OAuth callback handler settings.",
                });
            }
            return { type: kafka_strimzi_io_1.KafkaSpecKafkaListenersAuthenticationType.CUSTOM, sasl: true, listenerConfig: { ...config } };
        }
        default:
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path: where, prop: 'authentication', found: mechanism ?? 'none',
                expected: 'ClientAuthentication.scramSha512(), .mutualTls() or .oauthBearer(); unauthenticated listeners are refused and IAM is MSK-only',
                fix: 'Set authentication: ClientAuthentication.scramSha512().',
            });
    }
}
function validateControllerCount(path, replicas) {
    if (!Number.isInteger(replicas) || replicas < 1 || replicas % 2 === 0 || replicas > 7) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'HA-005', path, prop: 'controllers.replicas', found: replicas,
            expected: 'an odd number of KRaft controllers: 3 or 5 (7 allowed); an even quorum tolerates no more failures than the odd number below it',
            fix: `Set controllers: { replicas: ${replicas === 4 || replicas === 6 ? 5 : 3} }.`,
        });
    }
}
function validatePool(path, p) {
    const where = `${path} pool ${p.name}`;
    if (!DNS_LABEL.test(p.name)) {
        throw errors_1.KafkaIacError.invalidProp({ code: 'KIAC-PROP', path: where, prop: 'name', found: p.name, expected: 'a DNS label', fix: "Use a name such as 'broker'." });
    }
    if (!Number.isInteger(p.replicas) || p.replicas < 1) {
        throw errors_1.KafkaIacError.invalidProp({ code: 'HA-001', path: where, prop: 'replicas', found: p.replicas, expected: 'a positive integer', fix: 'Set replicas: 3.' });
    }
    for (const [prop, value] of [['memory', p.memory], ['storageSize', p.storageSize]]) {
        if (!Number.isFinite((0, jvm_heap_1.parseMemoryQuantity)(value))) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'KIAC-PROP', path: where, prop, found: value, expected: 'a Kubernetes quantity such as 8Gi', fix: `Set ${prop}: '8Gi'.` });
        }
    }
}
function validateZones(path, zones) {
    if (zones.length === 0 || new Set(zones).size !== zones.length || zones.some((z) => typeof z !== 'string' || z.length === 0)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'HA-006', path, prop: 'zones', found: zones,
            expected: 'distinct zone names (3 in production)', fix: "Set zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'].",
        });
    }
}
