"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaStatefulSetCluster = exports.StatefulSetAuthorizerLogLevel = void 0;
const cdk8s_1 = require("cdk8s");
const k8s_1 = require("cdk8s-plus-27/lib/imports/k8s");
const constructs_1 = require("constructs");
const broker_config_1 = require("../../model/broker-config");
const client_authentication_1 = require("../../model/client-authentication");
const client_network_1 = require("../../model/client-network");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const jvm_heap_1 = require("../../model/jvm-heap");
const kafka_version_1 = require("../../model/kafka-version");
const rule_target_1 = require("../../contract/rule-target");
const encrypted_storage_class_1 = require("../kubernetes/encrypted-storage-class");
const jmx_exporter_rules_1 = require("../kubernetes/jmx-exporter-rules");
const vocabulary_1 = require("../../contract/vocabulary");
const kafka_network_policies_1 = require("./kafka-network-policies");
const cert_manager_certificate_1 = require("./cert-manager-certificate");
const jmx_exporter_agent_1 = require("./jmx-exporter-agent");
const kafka_exporter_1 = require("./kafka-exporter");
const kafka_node_properties_1 = require("./kafka-node-properties");
const statefulset_listener_1 = require("./statefulset-listener");
/** The authorizer logger's level (SEC-008). */
var StatefulSetAuthorizerLogLevel;
(function (StatefulSetAuthorizerLogLevel) {
    /** Denied operations are logged. */
    StatefulSetAuthorizerLogLevel["INFO"] = "INFO";
    /** Denied and allowed operations are logged (verbose). */
    StatefulSetAuthorizerLogLevel["DEBUG"] = "DEBUG";
})(StatefulSetAuthorizerLogLevel || (exports.StatefulSetAuthorizerLogLevel = StatefulSetAuthorizerLogLevel = {}));
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LISTENER_NAME = /^[a-z][a-z0-9]{0,10}$/;
const RESERVED_PORTS = [kafka_node_properties_1.StatefulSetPorts.CONTROLLER, kafka_node_properties_1.StatefulSetPorts.REPLICATION, kafka_node_properties_1.StatefulSetPorts.METRICS, kafka_node_properties_1.StatefulSetPorts.KAFKA_EXPORTER];
const DEFAULT_BROKER = { replicas: 3, storageSize: '100Gi', memory: '8Gi', cpu: '2' };
const DEFAULT_CONTROLLER = { replicas: 3, storageSize: '20Gi', memory: '2Gi', cpu: '1' };
const NODE_ID_OFFSET = { [kafka_node_properties_1.KafkaNodeRole.CONTROLLER]: 0, [kafka_node_properties_1.KafkaNodeRole.COMBINED]: 0, [kafka_node_properties_1.KafkaNodeRole.BROKER]: 100 };
const KAFKA_UID = 1000; // appuser in the apache/kafka image
/**
 * Apache Kafka 4 (KRaft) on plain Kubernetes StatefulSets, without an operator, with the official
 * `apache/kafka` image, built to the rules of RULES.md:
 * - a controller StatefulSet of 3 or 5 and a broker StatefulSet (a combined single node in
 *   development), headless Services, a bootstrap Service;
 * - `server.properties` rendered into a ConfigMap; passwords only as config-provider references
 *   to mounted Secrets; TLS from cert-manager Certificates (PKCS#12, renewed by cert-manager);
 * - SSL or SASL_SSL on every listener; the controller listener SSL with client certificates;
 *   the inter-broker SCRAM user and the admins created at storage format time (`--add-scram`);
 * - StandardAuthorizer, deny by default, super users only the declared admins and the cluster's
 *   own nodes; the authorizer logger on;
 * - `broker.rack` from the node's zone label (an init container reads it), zone pinning and spread
 *   (`DoNotSchedule`), host anti-affinity, one PodDisruptionBudget (maxUnavailable 1) over every
 *   Kafka pod, PVCs retained on an encrypted StorageClass;
 * - the JMX exporter as a java agent (from an init container) with the shared rules, and Kafka
 *   Exporter for consumer lag; deny-by-default NetworkPolicies.
 *
 * The broker StatefulSet is `.resource` (id `Brokers/Resource`): for example
 * `cluster.resource.addJsonPatch(JsonPatch.replace('/spec/replicas', 6))`. Rules read the
 * synthesized objects, so a patch that breaks a rule stops synthesis.
 */
class KafkaStatefulSetCluster extends constructs_1.Construct {
    /** The broker StatefulSet (the combined one with `combinedNode`). */
    resource;
    brokers;
    /** The controllers, or undefined with a combined node. */
    controllers;
    bootstrapService;
    podDisruptionBudget;
    networkPolicies;
    kafkaExporter;
    encryptedStorageClass;
    storageClass;
    clusterName;
    kafkaVersion;
    /** The `apache/kafka` image (the access Job runs its admin tools from it). */
    image;
    zones;
    /** `bootstrap.servers` of the first SCRAM-SHA-512 listener (or the first listener). */
    bootstrapServers;
    /** The Secret with the CA certificate clients trust (key `ca.crt`). */
    caCertificateSecretName;
    /** The Secret with an admin's SCRAM password (key `password`), by admin name. */
    adminSecretNames;
    /** The SCRAM user and Secret of Kafka Exporter; grant it Describe on the topics and groups it reports. */
    kafkaExporterUser;
    kafkaExporterSecretName;
    /** Labels every object of the cluster carries. */
    labels;
    /** Labels every Kafka node pod carries (brokers and controllers). */
    nodePodLabels;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const environment = environment_1.Environment.of(this);
        const namespace = environment.namespace;
        this.clusterName = props.clusterName ?? `${environment.name}-kafka`;
        if (!DNS_LABEL.test(this.clusterName) || this.clusterName.length > 30) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'clusterName', found: this.clusterName,
                expected: 'a DNS label of at most 30 characters (Service, pod and certificate names are built from it)',
                fix: "Use a name such as 'orders-kafka'.",
            });
        }
        const name = this.clusterName;
        this.labels = { [vocabulary_1.TARGET_LABEL]: rule_target_1.RuleTarget.STATEFULSET, [vocabulary_1.KAFKA_CLUSTER_LABEL]: name };
        this.nodePodLabels = { ...this.labels, 'app.kubernetes.io/name': 'kafka', 'app.kubernetes.io/instance': name };
        this.kafkaVersion = props.kafkaVersion ?? kafka_version_1.KafkaVersion.V4_3_1;
        if (!this.kafkaVersion.isKafka4) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-005', path, prop: 'kafkaVersion', found: this.kafkaVersion.version,
                expected: 'an Apache Kafka 4.x version (KRaft only; ZooKeeper is not generated)',
                fix: 'Use KafkaVersion.V4_3_1.',
            });
        }
        this.image = `${props.imageRepository ?? 'apache/kafka'}:${this.kafkaVersion.version}`;
        this.zones = props.zones ?? ['a', 'b', 'c'].map((z) => `${environment.region}${z}`);
        if (this.zones.length === 0 || new Set(this.zones).size !== this.zones.length) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-006', path, prop: 'zones', found: this.zones,
                expected: 'distinct zone names (3 in production)', fix: "Set zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'].",
            });
        }
        const combined = props.combinedNode ?? false;
        const controllerOptions = { ...DEFAULT_CONTROLLER, ...(props.controllers ?? {}) };
        const brokerOptions = { ...DEFAULT_BROKER, ...(combined ? { replicas: 1 } : {}), ...(props.brokers ?? {}) };
        if (!combined)
            validateControllerCount(path, controllerOptions.replicas);
        if (combined && brokerOptions.replicas !== 1) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-005', path, prop: 'brokers.replicas', found: brokerOptions.replicas,
                expected: '1 with combinedNode (a static KRaft quorum of combined nodes cannot grow)',
                fix: 'Remove combinedNode and declare controllers and brokers, or keep one combined node.',
            });
        }
        validateNodes(path, 'brokers', brokerOptions);
        if (!combined)
            validateNodes(path, 'controllers', controllerOptions);
        // Storage (SEC-006, HA-011).
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
                kmsKeyId: props.kmsKeyId, storageClassName: `${namespace}-${name}-encrypted`, labels: this.labels,
            });
            this.storageClass = this.encryptedStorageClass;
        }
        // Listeners (SEC-001, SEC-003, SEC-007).
        if (props.clientNetworks === undefined || props.clientNetworks.length === 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-007', path, prop: 'clientNetworks', found: props.clientNetworks ?? [],
                expected: 'at least one declared client workload',
                fix: "Set clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })].",
            });
        }
        const listenerProps = props.listeners ?? [{ name: 'scram', port: 9093, authentication: client_authentication_1.ClientAuthentication.scramSha512() }];
        const clientListeners = renderListeners(path, listenerProps);
        const scramListener = clientListeners.find((l) => l.mechanism === client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512);
        if (!scramListener) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'listeners', found: listenerProps.map((l) => `${l.name}:${l.authentication.mechanism}`),
                expected: 'at least one SCRAM-SHA-512 listener, which Kafka Exporter and the admin Job connect to',
                fix: "Add { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() }.",
            });
        }
        const domain = props.clusterDomain ?? 'cluster.local';
        this.bootstrapServers = `${name}-bootstrap.${namespace}.svc:${scramListener.port}`;
        // Principals (SEC-004) and the Secrets they come from (SEC-009).
        const admins = props.admins ?? [];
        for (const admin of admins) {
            if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(admin)) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-004', path, prop: 'admins', found: admin,
                    expected: 'principal names of lower-case letters, digits, dots and dashes', fix: "Use a name such as 'platform-admin'.",
                });
            }
        }
        const brokerUser = `${name}-broker`;
        const controllerPrincipal = `${name}-controller`;
        this.kafkaExporterUser = `${name}-kafka-exporter`;
        this.kafkaExporterSecretName = `${name}-kafka-exporter-scram`;
        this.adminSecretNames = new Map(admins.map((a) => [a, `${a}-credentials`]));
        const brokerScramSecret = props.brokerScramSecretName ?? `${name}-broker-scram`;
        const keystorePasswordSecret = props.keystorePasswordSecretName ?? `${name}-keystore-password`;
        const superUsers = [brokerUser, ...(combined ? [] : [controllerPrincipal]), ...admins].map((u) => `User:${u}`);
        const scramUsers = [
            { user: { user: brokerUser, passwordEnv: 'SCRAM_BROKER_PASSWORD' }, secret: brokerScramSecret },
            { user: { user: this.kafkaExporterUser, passwordEnv: 'SCRAM_KAFKA_EXPORTER_PASSWORD' }, secret: this.kafkaExporterSecretName },
            ...admins.map((a, i) => ({ user: { user: a, passwordEnv: `SCRAM_ADMIN_${i}_PASSWORD` }, secret: `${a}-credentials` })),
        ];
        const issuer = props.certificateIssuer ?? { name: `${name}-ca` };
        const brokerProperties = (0, broker_config_1.renderBrokerProperties)(path, brokerOptions.replicas, props.brokerConfig);
        const agent = props.jmxExporterAgent ?? jmx_exporter_agent_1.JmxExporterAgent.download();
        const log4j = (0, kafka_node_properties_1.renderLog4j2Properties)(props.authorizerLogLevel ?? StatefulSetAuthorizerLogLevel.INFO);
        // RBAC for the rack init container: read the node's zone label.
        const serviceAccount = new k8s_1.KubeServiceAccount(this, 'ServiceAccount', {
            metadata: { name: `${name}-kafka`, labels: { ...this.labels } },
            automountServiceAccountToken: false,
        });
        const nodeReader = new k8s_1.KubeClusterRole(this, 'NodeReader', {
            metadata: { name: `${namespace}-${name}-node-reader`, labels: { ...this.labels } },
            rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }],
        });
        const binding = new k8s_1.KubeClusterRoleBinding(this, 'NodeReaderBinding', {
            metadata: { name: `${namespace}-${name}-node-reader`, labels: { ...this.labels } },
            roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${namespace}-${name}-node-reader` },
            subjects: [{ kind: 'ServiceAccount', name: serviceAccount.name, namespace }],
        });
        for (const clusterScoped of [nodeReader, binding])
            clusterScoped.addJsonPatch(cdk8s_1.JsonPatch.remove('/metadata/namespace'));
        const heapOf = (memory, where) => (0, jvm_heap_1.jvmHeapOptions)((0, jvm_heap_1.brokerHeapMiB)((0, jvm_heap_1.parseMemoryQuantity)(memory), where));
        const voterSet = combined ? `${name}-combined` : `${name}-controller`;
        const voterCount = combined ? 1 : controllerOptions.replicas;
        const quorumVoters = Array.from({ length: voterCount }, (_, i) => `${i}@${voterSet}-${i}.${voterSet}-headless.${namespace}.svc.${domain}:${kafka_node_properties_1.StatefulSetPorts.CONTROLLER}`).join(',');
        const makeNodeSet = (cid, role, options) => {
            const setName = `${name}-${role}`;
            const headless = `${setName}-headless`;
            const podDomain = `${headless}.${namespace}.svc.${domain}`;
            const broker = role !== kafka_node_properties_1.KafkaNodeRole.CONTROLLER;
            const controller = role !== kafka_node_properties_1.KafkaNodeRole.BROKER;
            const podLabels = { ...this.nodePodLabels, [vocabulary_1.KAFKA_NODE_ROLE_LABEL]: role };
            const selector = { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka', [vocabulary_1.KAFKA_NODE_ROLE_LABEL]: role };
            const propertiesKey = (0, kafka_node_properties_1.propertiesKeyOf)(role);
            const properties = (0, kafka_node_properties_1.renderKafkaNodeProperties)({
                role, quorumVoters, clientListeners: broker ? clientListeners : [], brokerProperties, superUsers, interBrokerUser: brokerUser,
            });
            const certificate = new cert_manager_certificate_1.CertManagerCertificate(this, `${cid}Certificate`, {
                secretName: `${setName}-tls`,
                commonName: role === kafka_node_properties_1.KafkaNodeRole.CONTROLLER ? controllerPrincipal : brokerUser,
                dnsNames: [
                    `*.${podDomain}`, `*.${headless}.${namespace}.svc`,
                    ...(broker ? [`${name}-bootstrap.${namespace}.svc`, `${name}-bootstrap.${namespace}.svc.${domain}`] : []),
                ],
                issuer, labels: this.labels, keystorePasswordSecretName: keystorePasswordSecret,
            });
            const configMap = new k8s_1.KubeConfigMap(this, `${cid}Config`, {
                metadata: {
                    name: `${setName}-config`, labels: { ...this.labels, [vocabulary_1.KAFKA_NODE_ROLE_LABEL]: role },
                    annotations: { [vocabulary_1.DECLARED_ADMINS_ANNOTATION]: admins.join(',') },
                },
                data: {
                    [propertiesKey]: (0, broker_config_1.toPropertiesText)(properties),
                    'log4j2.properties': log4j,
                    [jmx_exporter_rules_1.JMX_EXPORTER_CONFIG_KEY]: (0, jmx_exporter_rules_1.renderJmxExporterConfig)(),
                    'start.sh': (0, kafka_node_properties_1.renderStartScript)({
                        role, propertiesKey, podDomain, clientListeners: broker ? clientListeners : [],
                        scramUsers: scramUsers.map((s) => s.user),
                    }),
                },
            });
            const headlessService = new k8s_1.KubeService(this, `${cid}HeadlessService`, {
                metadata: { name: headless, labels: { ...this.labels } },
                spec: {
                    clusterIp: 'None',
                    publishNotReadyAddresses: true, // the KRaft quorum forms before any pod is ready
                    selector: { ...selector },
                    ports: [
                        ...(controller ? [{ name: 'tcp-controller', port: kafka_node_properties_1.StatefulSetPorts.CONTROLLER, targetPort: k8s_1.IntOrString.fromNumber(kafka_node_properties_1.StatefulSetPorts.CONTROLLER) }] : []),
                        ...(broker ? [{ name: 'tcp-replication', port: kafka_node_properties_1.StatefulSetPorts.REPLICATION, targetPort: k8s_1.IntOrString.fromNumber(kafka_node_properties_1.StatefulSetPorts.REPLICATION) }] : []),
                        ...(broker ? clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, port: l.port, targetPort: k8s_1.IntOrString.fromNumber(l.port) })) : []),
                    ],
                },
            });
            const heap = heapOf(options.memory, `${path}/${cid}`);
            const probePort = k8s_1.IntOrString.fromNumber(broker ? clientListeners[0].port : kafka_node_properties_1.StatefulSetPorts.CONTROLLER);
            const env = [
                { name: 'CLUSTER_ID', value: (0, kafka_node_properties_1.kraftClusterId)(`${environment.name}/${namespace}/${name}`) },
                { name: 'NODE_ID_OFFSET', value: String(NODE_ID_OFFSET[role]) },
                { name: 'KAFKA_HEAP_OPTS', value: `-Xms${heap.xms} -Xmx${heap.xmx}` },
                { name: 'KAFKA_OPTS', value: `-javaagent:${kafka_node_properties_1.KafkaPodPaths.JMX_EXPORTER_JAR}=${kafka_node_properties_1.StatefulSetPorts.METRICS}:${kafka_node_properties_1.KafkaPodPaths.CONFIG_DIR}/${jmx_exporter_rules_1.JMX_EXPORTER_CONFIG_KEY}` },
                { name: 'KAFKA_LOG4J_OPTS', value: `-Dlog4j2.configurationFile=${kafka_node_properties_1.KafkaPodPaths.CONFIG_DIR}/log4j2.properties` },
                { name: 'LOG_DIR', value: kafka_node_properties_1.KafkaPodPaths.LOG_DIR },
                ...(controller ? scramUsers.map((s) => ({ name: s.user.passwordEnv, valueFrom: { secretKeyRef: { name: s.secret, key: 'password' } } })) : []),
            ];
            const mounts = [
                { name: 'data', mountPath: kafka_node_properties_1.KafkaPodPaths.DATA_DIR },
                { name: 'config', mountPath: kafka_node_properties_1.KafkaPodPaths.CONFIG_DIR, readOnly: true },
                { name: 'tls', mountPath: kafka_node_properties_1.KafkaPodPaths.TLS_DIR, readOnly: true },
                { name: 'keystore-password', mountPath: kafka_node_properties_1.KafkaPodPaths.KEYSTORE_PASSWORD_DIR, readOnly: true },
                ...(broker ? [{ name: 'broker-scram', mountPath: kafka_node_properties_1.KafkaPodPaths.BROKER_SCRAM_DIR, readOnly: true }] : []),
                { name: 'runtime', mountPath: kafka_node_properties_1.KafkaPodPaths.RUNTIME_DIR },
                { name: 'jmx-exporter', mountPath: kafka_node_properties_1.KafkaPodPaths.JMX_EXPORTER_DIR, readOnly: true },
                { name: 'logs', mountPath: kafka_node_properties_1.KafkaPodPaths.LOG_DIR },
                { name: 'tmp', mountPath: '/tmp' },
            ];
            const restricted = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
            const kafka = {
                name: 'kafka',
                image: this.image,
                imagePullPolicy: 'IfNotPresent',
                command: ['/bin/bash', `${kafka_node_properties_1.KafkaPodPaths.CONFIG_DIR}/start.sh`],
                env,
                ports: [
                    ...(controller ? [{ name: 'tcp-controller', containerPort: kafka_node_properties_1.StatefulSetPorts.CONTROLLER, protocol: 'TCP' }] : []),
                    ...(broker ? [{ name: 'tcp-replication', containerPort: kafka_node_properties_1.StatefulSetPorts.REPLICATION, protocol: 'TCP' }] : []),
                    ...(broker ? clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, containerPort: l.port, protocol: 'TCP' })) : []),
                    { name: 'tcp-prometheus', containerPort: kafka_node_properties_1.StatefulSetPorts.METRICS, protocol: 'TCP' },
                ],
                resources: {
                    requests: { cpu: k8s_1.Quantity.fromString(options.cpu), memory: k8s_1.Quantity.fromString(options.memory) },
                    limits: { cpu: k8s_1.Quantity.fromString(options.cpu), memory: k8s_1.Quantity.fromString(options.memory) },
                },
                startupProbe: { tcpSocket: { port: probePort }, periodSeconds: 10, failureThreshold: 180 },
                readinessProbe: { tcpSocket: { port: probePort }, periodSeconds: 10, failureThreshold: 3 },
                livenessProbe: { tcpSocket: { port: probePort }, periodSeconds: 20, failureThreshold: 6, timeoutSeconds: 5 },
                securityContext: restricted,
                volumeMounts: mounts,
            };
            const initContainers = [{
                    name: 'jmx-exporter-agent',
                    image: agent.image,
                    imagePullPolicy: 'IfNotPresent',
                    command: [...agent.command],
                    resources: { requests: { cpu: k8s_1.Quantity.fromString('50m'), memory: k8s_1.Quantity.fromString('64Mi') }, limits: { memory: k8s_1.Quantity.fromString('64Mi') } },
                    securityContext: restricted,
                    volumeMounts: [{ name: 'jmx-exporter', mountPath: kafka_node_properties_1.KafkaPodPaths.JMX_EXPORTER_DIR }],
                }];
            if (broker) {
                initContainers.push({
                    name: 'rack',
                    image: jmx_exporter_agent_1.CURL_IMAGE,
                    imagePullPolicy: 'IfNotPresent',
                    command: ['/bin/sh', '-c', (0, kafka_node_properties_1.renderRackScript)(vocabulary_1.ZONE_TOPOLOGY_KEY)],
                    env: [
                        { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
                        { name: 'TOPOLOGY_KEY', value: vocabulary_1.ZONE_TOPOLOGY_KEY },
                    ],
                    resources: { requests: { cpu: k8s_1.Quantity.fromString('50m'), memory: k8s_1.Quantity.fromString('32Mi') }, limits: { memory: k8s_1.Quantity.fromString('32Mi') } },
                    securityContext: restricted,
                    volumeMounts: [
                        { name: 'runtime', mountPath: kafka_node_properties_1.KafkaPodPaths.RUNTIME_DIR },
                        { name: 'kube-api-access', mountPath: kafka_node_properties_1.KafkaPodPaths.KUBE_API_ACCESS_DIR, readOnly: true },
                    ],
                });
            }
            const volumes = [
                { name: 'config', configMap: { name: `${setName}-config` } },
                { name: 'tls', secret: { secretName: certificate.secretName, items: [{ key: 'keystore.p12', path: 'keystore.p12' }, { key: 'truststore.p12', path: 'truststore.p12' }] } },
                { name: 'keystore-password', secret: { secretName: keystorePasswordSecret, items: [{ key: 'password', path: 'password' }] } },
                ...(broker ? [{ name: 'broker-scram', secret: { secretName: brokerScramSecret, items: [{ key: 'password', path: 'password' }] } }] : []),
                { name: 'runtime', emptyDir: { medium: 'Memory', sizeLimit: k8s_1.Quantity.fromString('1Mi') } },
                { name: 'jmx-exporter', emptyDir: { sizeLimit: k8s_1.Quantity.fromString('16Mi') } },
                { name: 'logs', emptyDir: { sizeLimit: k8s_1.Quantity.fromString('1Gi') } },
                { name: 'tmp', emptyDir: { sizeLimit: k8s_1.Quantity.fromString('256Mi') } },
                ...(broker ? [{
                        name: 'kube-api-access',
                        projected: {
                            sources: [
                                { serviceAccountToken: { path: 'token', expirationSeconds: 600 } },
                                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                            ],
                        },
                    }] : []),
            ];
            const statefulSet = new k8s_1.KubeStatefulSet(this, cid, {
                metadata: {
                    name: setName, labels: { ...this.labels, [vocabulary_1.KAFKA_NODE_ROLE_LABEL]: role },
                    annotations: this.storageClass.synthesized ? undefined : { [vocabulary_1.STORAGE_KMS_KEY_ANNOTATION]: this.storageClass.kmsKeyId },
                },
                spec: {
                    replicas: options.replicas,
                    serviceName: headless,
                    podManagementPolicy: 'Parallel',
                    updateStrategy: { type: 'RollingUpdate' },
                    selector: { matchLabels: { ...selector } },
                    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
                    template: {
                        metadata: { labels: podLabels },
                        spec: {
                            serviceAccountName: serviceAccount.name,
                            automountServiceAccountToken: false,
                            terminationGracePeriodSeconds: 120,
                            securityContext: {
                                runAsNonRoot: true, runAsUser: KAFKA_UID, runAsGroup: KAFKA_UID, fsGroup: KAFKA_UID,
                                fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' },
                            },
                            affinity: {
                                nodeAffinity: {
                                    requiredDuringSchedulingIgnoredDuringExecution: {
                                        nodeSelectorTerms: [{ matchExpressions: [{ key: vocabulary_1.ZONE_TOPOLOGY_KEY, operator: 'In', values: [...this.zones] }] }],
                                    },
                                },
                                podAntiAffinity: {
                                    requiredDuringSchedulingIgnoredDuringExecution: [{
                                            labelSelector: { matchLabels: { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka' } },
                                            topologyKey: vocabulary_1.HOSTNAME_TOPOLOGY_KEY,
                                        }],
                                },
                            },
                            topologySpreadConstraints: [{
                                    maxSkew: 1, topologyKey: vocabulary_1.ZONE_TOPOLOGY_KEY, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { ...selector } },
                                }],
                            initContainers,
                            containers: [kafka],
                            volumes,
                        },
                    },
                    volumeClaimTemplates: [{
                            metadata: { name: 'data', labels: { ...this.labels } },
                            spec: {
                                accessModes: ['ReadWriteOnce'],
                                storageClassName: this.storageClass.storageClassName,
                                resources: { requests: { storage: k8s_1.Quantity.fromString(options.storageSize) } },
                            },
                        }],
                },
            });
            return { role, statefulSet, configMap, headlessService, certificate, properties };
        };
        if (!combined)
            this.controllers = makeNodeSet('Controllers', kafka_node_properties_1.KafkaNodeRole.CONTROLLER, controllerOptions);
        this.brokers = makeNodeSet(combined ? 'Combined' : 'Brokers', combined ? kafka_node_properties_1.KafkaNodeRole.COMBINED : kafka_node_properties_1.KafkaNodeRole.BROKER, brokerOptions);
        this.resource = this.brokers.statefulSet;
        this.caCertificateSecretName = this.brokers.certificate.secretName;
        const brokerSelector = { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka', [vocabulary_1.KAFKA_NODE_ROLE_LABEL]: this.brokers.role };
        const controllerSelector = { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka', [vocabulary_1.KAFKA_NODE_ROLE_LABEL]: this.controllers?.role ?? kafka_node_properties_1.KafkaNodeRole.COMBINED };
        this.bootstrapService = new k8s_1.KubeService(this, 'BootstrapService', {
            metadata: { name: `${name}-bootstrap`, labels: { ...this.labels } },
            spec: {
                type: 'ClusterIP',
                selector: brokerSelector,
                ports: clientListeners.map((l) => ({ name: `tcp-${l.name.toLowerCase()}`, port: l.port, targetPort: k8s_1.IntOrString.fromNumber(l.port) })),
            },
        });
        // At most one Kafka node (broker or controller) disrupted at a time (HA-009).
        this.podDisruptionBudget = new k8s_1.KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
            metadata: { name: `${name}-kafka`, labels: { ...this.labels } },
            spec: {
                maxUnavailable: k8s_1.IntOrString.fromNumber(1),
                selector: { matchLabels: { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka' } },
            },
        });
        const exporterPodLabels = { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': kafka_exporter_1.KAFKA_EXPORTER_NAME_LABEL_VALUE };
        this.kafkaExporter = new kafka_exporter_1.StatefulSetKafkaExporter(this, 'KafkaExporter', {
            clusterName: name, labels: this.labels, podLabels: exporterPodLabels,
            bootstrapServer: this.bootstrapServers, user: this.kafkaExporterUser, passwordSecretName: this.kafkaExporterSecretName,
            caSecretName: this.caCertificateSecretName,
        });
        const defaultNetworks = props.clientNetworks;
        this.networkPolicies = new kafka_network_policies_1.KafkaNetworkPolicies(this, 'NetworkPolicies', {
            clusterName: name,
            labels: this.labels,
            clusterPodSelector: { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name },
            brokerPodSelector: brokerSelector,
            controllerPodSelector: controllerSelector,
            replicationPort: kafka_node_properties_1.StatefulSetPorts.REPLICATION,
            controllerPort: kafka_node_properties_1.StatefulSetPorts.CONTROLLER,
            listeners: listenerProps.map((l) => ({ name: l.name, port: l.port, clientNetworks: l.clientNetworks ?? defaultNetworks })),
            internalClients: [exporterPodLabels, { [vocabulary_1.TARGET_LABEL]: rule_target_1.RuleTarget.STATEFULSET, 'app.kubernetes.io/name': `${name}-access` }],
            prometheusNetworks: props.prometheusNetworks ?? [
                client_network_1.ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' }, description: 'Prometheus in the monitoring namespace' }),
            ],
            metricsEndpoints: [
                { podSelector: { [vocabulary_1.KAFKA_CLUSTER_LABEL]: name, 'app.kubernetes.io/name': 'kafka' }, port: kafka_node_properties_1.StatefulSetPorts.METRICS },
                { podSelector: exporterPodLabels, port: kafka_node_properties_1.StatefulSetPorts.KAFKA_EXPORTER },
            ],
        });
    }
    /** The number of Kafka node pods (brokers and controllers), as a PodMonitor expects them. */
    get expectedNodes() {
        return (this.brokers.statefulSet.toJson().spec?.replicas ?? 0) + (this.controllers?.statefulSet.toJson().spec?.replicas ?? 0);
    }
}
exports.KafkaStatefulSetCluster = KafkaStatefulSetCluster;
function renderListeners(path, listeners) {
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
        if (!LISTENER_NAME.test(l.name) || ['controller', 'replication'].includes(l.name)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path: where, prop: 'name', found: l.name,
                expected: "a lower-case letter, then letters and digits, at most 11 characters; not 'controller' or 'replication'",
                fix: "Use a name such as 'scram' or 'mtls'.",
            });
        }
        if (names.has(l.name))
            throw errors_1.KafkaIacError.duplicate('KIAC-PROP', path, 'listener', l.name);
        names.add(l.name);
        if (!Number.isInteger(l.port) || l.port < 9092 || l.port > 65535 || RESERVED_PORTS.includes(l.port)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path: where, prop: 'port', found: l.port,
                expected: `an integer from 9092 to 65535, not ${RESERVED_PORTS.join('/')} (controller, replication, metrics)`, fix: 'Use 9093, 9094, ...',
            });
        }
        if (ports.has(l.port))
            throw errors_1.KafkaIacError.duplicate('KIAC-PROP', path, 'listener port', String(l.port));
        ports.add(l.port);
        if (l.tls === false) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-001', path: where, prop: 'tls', found: false,
                expected: 'true: plaintext listeners (PLAINTEXT, SASL_PLAINTEXT) are refused in every environment',
                fix: 'Remove tls: false (listeners are SSL or SASL_SSL).',
            });
        }
        const mechanism = l.authentication?.mechanism;
        switch (mechanism) {
            case client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512:
                return { name: l.name.toUpperCase(), port: l.port, protocol: statefulset_listener_1.KafkaListenerProtocol.SASL_SSL, mechanism };
            case client_authentication_1.AuthenticationMechanism.MUTUAL_TLS:
                return { name: l.name.toUpperCase(), port: l.port, protocol: statefulset_listener_1.KafkaListenerProtocol.SSL, mechanism };
            default:
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-003', path: where, prop: 'authentication', found: mechanism ?? 'none',
                    expected: 'ClientAuthentication.scramSha512() or .mutualTls(); unauthenticated listeners are refused, IAM is MSK-only and OAuth bearer is offered on Strimzi',
                    fix: 'Set authentication: ClientAuthentication.scramSha512().',
                });
        }
    });
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
function validateNodes(path, what, o) {
    if (!Number.isInteger(o.replicas) || o.replicas < 1) {
        throw errors_1.KafkaIacError.invalidProp({ code: 'HA-001', path, prop: `${what}.replicas`, found: o.replicas, expected: 'a positive integer', fix: `Set ${what}: { replicas: 3 }.` });
    }
    for (const [prop, value] of [['memory', o.memory], ['storageSize', o.storageSize], ['cpu', o.cpu]]) {
        const ok = prop === 'cpu' ? /^(\d+(\.\d+)?|\d+m)$/.test(value) : Number.isFinite((0, jvm_heap_1.parseMemoryQuantity)(value));
        if (!ok) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'KIAC-PROP', path, prop: `${what}.${prop}`, found: value, expected: 'a Kubernetes quantity such as 8Gi (memory, storage) or 2 / 500m (cpu)', fix: `Set ${what}.${prop} to a quantity.` });
        }
    }
}
