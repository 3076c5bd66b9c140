"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StrimziMirrorMaker2 = exports.MIRROR_MAKER_2_METRICS_CONFIG_KEY = void 0;
const k8s_1 = require("cdk8s-plus-27/lib/imports/k8s");
const constructs_1 = require("constructs");
const client_network_1 = require("../../model/client-network");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const jvm_heap_1 = require("../../model/jvm-heap");
const kafka_version_1 = require("../../model/kafka-version");
const dr_drill_1 = require("../../model/dr/dr-drill");
const dr_markers_1 = require("../../contract/dr-markers");
const mirror_maker_2_topics_1 = require("../../model/dr/mirror-maker-2-topics");
const offset_syncs_topic_location_1 = require("../../model/dr/offset-syncs-topic-location");
const replication_policy_1 = require("../../model/dr/replication-policy");
const kafka_strimzi_io_1 = require("../../imports/kafka.strimzi.io");
const rule_target_1 = require("../../contract/rule-target");
const acl_1 = require("../../model/access/acl");
const principal_1 = require("../../model/access/principal");
const jmx_exporter_rules_1 = require("../kubernetes/jmx-exporter-rules");
const vocabulary_1 = require("../../contract/vocabulary");
const mirror_maker_2_metrics_1 = require("./mirror-maker-2-metrics");
/** The data key of the JMX exporter configuration in the MirrorMaker 2 metrics ConfigMap. */
exports.MIRROR_MAKER_2_METRICS_CONFIG_KEY = 'mirror-maker-2-metrics-config.yml';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/**
 * MirrorMaker 2 on Strimzi 1.2 (`KafkaMirrorMaker2`, kafka.strimzi.io/v1: `spec.target` plus
 * `mirrors[].source`) for a DR pairing, built to DR-001..DR-005 and MON-010:
 * - the source connector replicates the pairing's topics (`topicsPattern`) with the
 *   pairing's policy (`IdentityReplicationPolicy` for failover, `DefaultReplicationPolicy` for
 *   active-active); `sync.topic.acls.enabled: false` (the User Operator owns the ACLs);
 * - the checkpoint connector emits checkpoints and syncs the pairing's consumer-group offsets
 *   (`groupsPattern`, `sync.group.offsets.enabled`), so consumers resume where they stopped;
 * - no heartbeat connector: v1 mirrors have none, and it is not needed for failover (see
 *   README.md, "Disaster recovery");
 * - internal topics at RF 3, the same `offset-syncs.topic.location` on both connectors;
 * - TLS to both clusters and authentication as the two MirrorMaker 2 principals of the access
 *   models (never a superuser); Strimzi or MSK (SCRAM or IAM) on either side;
 * - rack awareness (`client.rack` from the zone), pods spread over zones and hosts, a
 *   PodDisruptionBudget of 1, JMX exporter metrics (MON-010), resources and heap;
 * - the pairing's declaration as an annotation, which the DR rules check the spec against;
 * - the pairing's DR drill document in `dist/<peer>/` (DrDrill).
 *
 * The `KafkaMirrorMaker2` is `.resource` (id `Resource`), the escape hatch
 * (`mm2.resource.addJsonPatch(...)`); the DR rules read the synthesized object, so a patch
 * that breaks DR-002 or DR-005 stops synthesis.
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaMirrorMaker2-reference
 */
class StrimziMirrorMaker2 extends constructs_1.Construct {
    /** A client network for the target cluster's listeners that admits the pods of the MirrorMaker 2 named `name`. */
    static clientNetwork(name) {
        return client_network_1.ClientNetwork.kubernetesPeer({ podLabels: { 'strimzi.io/cluster': name, 'strimzi.io/kind': 'KafkaMirrorMaker2' }, description: `MirrorMaker 2 ${name}` });
    }
    /** The `KafkaMirrorMaker2`. */
    resource;
    /** The JMX exporter ConfigMap. */
    metricsConfigMap;
    name;
    topics;
    /** The pod labels the MON-010 PodMonitor selects (`mirrorMakerSelector`). */
    podSelector;
    /** The drill document's path in `dist/<peer>/`, when written. */
    drillFile;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const env = environment_1.Environment.of(this);
        const pairing = props.pairing;
        this.name = props.name ?? `mm2-${pairing.name}`;
        if (!DNS_LABEL.test(this.name) || this.name.length > 40) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'name', found: this.name,
                expected: 'a DNS label of at most 40 characters', fix: "Set name to a short name such as 'mm2-dr'.",
            });
        }
        if (env.name !== pairing.peer.name) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'environment', found: env.name,
                expected: `the DR peer '${pairing.peer.name}': MirrorMaker 2 runs next to the cluster it writes to (consume remotely, produce locally)`,
                fix: `Create the StrimziMirrorMaker2 in a chart of '${pairing.peer.name}' (app.chart(${pairing.peer.name}, ...)).`,
            });
        }
        const rf = props.internalTopicReplicationFactor ?? 3;
        if (!Number.isInteger(rf) || rf < 3) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-005', path, prop: 'internalTopicReplicationFactor', found: rf,
                expected: 'at least 3: the offset-syncs, checkpoints and Connect storage topics must survive a broker loss, or failover loses the consumer offsets',
                fix: 'Remove internalTopicReplicationFactor (3 is the default) or set it to 3.',
            });
        }
        const replicas = props.replicas ?? 3;
        if (!Number.isInteger(replicas) || replicas < 1) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'KIAC-PROP', path, prop: 'replicas', found: replicas, expected: 'a whole number of pods, at least 1', fix: 'Set replicas: 3 (one per zone).' });
        }
        const location = props.offsetSyncsTopicLocation ?? offset_syncs_topic_location_1.OffsetSyncsTopicLocation.TARGET;
        this.topics = mirror_maker_2_topics_1.MirrorMaker2Topics.of(pairing, this.name);
        checkPrincipal(path, 'source', props.source.principal);
        checkPrincipal(path, 'target', props.target.principal);
        checkPrincipalModel(path, 'source', props.source.principal, pairing.access.principals);
        const offsetSyncsOwner = location === offset_syncs_topic_location_1.OffsetSyncsTopicLocation.SOURCE ? props.source.principal : props.target.principal;
        if (!canWrite(offsetSyncsOwner, this.topics.offsetSyncs)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-005', path, prop: 'offsetSyncsTopicLocation', found: location,
                expected: `the ${location} principal '${offsetSyncsOwner.name}' allowed to write ${this.topics.offsetSyncs}`,
                fix: `Declare the principals with MirrorMaker2Access.add${location === offset_syncs_topic_location_1.OffsetSyncsTopicLocation.SOURCE ? 'Source' : 'Target'}Principal(pairing, ..., { offsetSyncsTopicLocation: OffsetSyncsTopicLocation.${location.toUpperCase()}, topics: MirrorMaker2Topics.of(pairing, '${this.name}') }).`,
            });
        }
        for (const t of this.topics.targetInternalTopics(location)) {
            if (!canWrite(props.target.principal, t)) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'DR-005', path, prop: 'target.principal', found: props.target.principal.name,
                    expected: `a principal allowed to write MirrorMaker 2's internal topic ${t}`,
                    fix: `Declare it with MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { ..., topics: MirrorMaker2Topics.of(pairing, '${this.name}') }).`,
                });
            }
        }
        const usesIam = props.source.usesIam || props.target.usesIam;
        if (usesIam && props.image === undefined) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'image', found: undefined,
                expected: "an image with the aws-msk-iam-auth library: Strimzi's Kafka image has no AWS_MSK_IAM login module",
                fix: 'Build an image FROM the Strimzi Kafka image with aws-msk-iam-auth-<version>-all.jar in /opt/kafka/libs and set image.',
            });
        }
        if (usesIam && props.serviceAccountRoleArn === undefined) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'serviceAccountRoleArn', found: undefined,
                expected: "the IAM role MirrorMaker 2's pods assume (IRSA), carrying the MSK IAM policy of the MirrorMaker 2 principal",
                fix: 'Set serviceAccountRoleArn to the role that MskAccess attaches the MirrorMaker 2 policy to.',
            });
        }
        const monitored = props.monitoredClusterName ?? (props.target.kind === 'strimzi' ? props.target.label : undefined);
        if (monitored === undefined) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'MON-010', path, prop: 'monitoredClusterName', found: undefined,
                expected: 'the name of the target cluster, so that its MON-010 PodMonitor selects the MirrorMaker 2 pods',
                fix: 'Set monitoredClusterName to the MSK cluster name used by its monitoring.',
            });
        }
        const memory = props.memory ?? '2Gi';
        const memoryBytes = (0, jvm_heap_1.parseMemoryQuantity)(memory);
        if (!(memoryBytes >= 1024 ** 3)) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'KIAC-PROP', path, prop: 'memory', found: memory, expected: 'a Kubernetes memory quantity of at least 1Gi', fix: "Set memory: '2Gi'." });
        }
        const heap = `${Math.floor(memoryBytes / 2 / 1024 ** 2)}m`;
        const cpu = props.cpu ?? '1';
        const version = props.kafkaVersion ?? kafka_version_1.KafkaVersion.V4_3_1;
        if (!version.isStrimziSupported) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'kafkaVersion', found: version.version,
                expected: `a version Strimzi 1.2 runs (${kafka_version_1.KafkaVersion.STRIMZI_SUPPORTED.join(', ')})`, fix: 'Use KafkaVersion.V4_3_1.',
            });
        }
        const partitions = pairing.topics.reduce((sum, t) => sum + (pairing.access.topic(t)?.partitions ?? 1), 0);
        const sourceTasksMax = props.sourceTasksMax ?? Math.max(1, Math.min(partitions, 4 * replicas));
        const interval = props.checkpointIntervalSeconds ?? Math.min(60, pairing.rpo.seconds);
        if (!Number.isInteger(interval) || interval < 1 || interval > pairing.rpo.seconds) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-003', path, prop: 'checkpointIntervalSeconds', found: interval,
                expected: `1 to ${pairing.rpo.seconds} seconds (the RPO): offsets synced less often than the RPO re-deliver more after failover than declared`,
                fix: 'Remove checkpointIntervalSeconds (60 s, or the RPO when shorter).',
            });
        }
        const labels = { [vocabulary_1.TARGET_LABEL]: rule_target_1.RuleTarget.STRIMZI, [vocabulary_1.KAFKA_CLUSTER_LABEL]: monitored };
        this.podSelector = { 'strimzi.io/kind': 'KafkaMirrorMaker2', [vocabulary_1.KAFKA_CLUSTER_LABEL]: monitored };
        const spreadSelector = { 'strimzi.io/cluster': this.name, 'strimzi.io/kind': 'KafkaMirrorMaker2' };
        const metricsName = `${this.name}-metrics`;
        this.metricsConfigMap = new k8s_1.KubeConfigMap(this, 'MetricsConfig', {
            metadata: { name: metricsName, labels },
            data: { [exports.MIRROR_MAKER_2_METRICS_CONFIG_KEY]: (0, jmx_exporter_rules_1.renderJmxExporterConfig)(mirror_maker_2_metrics_1.MIRROR_MAKER_2_JMX_EXPORTER_RULES) },
        });
        const policyClass = replication_policy_1.MIRROR_MAKER_2_POLICY_CLASS[pairing.replicationPolicy];
        const tlsConfig = { 'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2', 'ssl.endpoint.identification.algorithm': 'HTTPS' };
        const source = props.source.render(env.namespace);
        const target = props.target.render(env.namespace);
        const sourceSecret = secretOf(source.authentication);
        if (sourceSecret !== undefined && sourceSecret === secretOf(target.authentication)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'source credentials Secret', found: sourceSecret,
                expected: "different Secrets for the source and the target credentials: one Secret cannot hold both principals' passwords or certificates",
                fix: `Copy the source principal's Secret under another name and pass it as credentialsSecret (for example '${pairing.primaryAlias}-${sourceSecret}').`,
            });
        }
        this.resource = new kafka_strimzi_io_1.KafkaMirrorMaker2(this, 'Resource', {
            metadata: {
                name: this.name,
                labels,
                annotations: { [dr_markers_1.DR_PAIRING_ANNOTATION]: JSON.stringify(pairing.declaration) },
            },
            spec: {
                version: version.version,
                replicas,
                ...(props.image ? { image: props.image } : {}),
                target: {
                    alias: pairing.peerAlias,
                    bootstrapServers: target.bootstrapServers,
                    groupId: this.topics.connectGroup,
                    configStorageTopic: this.topics.connectConfigs,
                    offsetStorageTopic: this.topics.connectOffsets,
                    statusStorageTopic: this.topics.connectStatus,
                    tls: target.tls,
                    authentication: target.authentication,
                    config: {
                        'config.storage.replication.factor': rf,
                        'offset.storage.replication.factor': rf,
                        'status.storage.replication.factor': rf,
                        ...tlsConfig,
                    },
                },
                mirrors: [{
                        source: {
                            alias: pairing.primaryAlias,
                            bootstrapServers: source.bootstrapServers,
                            tls: source.tls,
                            authentication: source.authentication,
                            config: { ...tlsConfig },
                        },
                        sourceConnector: {
                            tasksMax: sourceTasksMax,
                            autoRestart: { enabled: true },
                            config: {
                                'replication.policy.class': policyClass,
                                'replication.factor': rf,
                                'offset-syncs.topic.replication.factor': rf,
                                'offset-syncs.topic.location': location,
                                'sync.topic.acls.enabled': 'false',
                                'sync.topic.configs.enabled': pairing.keepsTopicNames ? 'false' : 'true',
                                'refresh.topics.interval.seconds': 300,
                            },
                        },
                        checkpointConnector: {
                            tasksMax: 1,
                            autoRestart: { enabled: true },
                            config: {
                                'replication.policy.class': policyClass,
                                'checkpoints.topic.replication.factor': rf,
                                'offset-syncs.topic.location': location,
                                'emit.checkpoints.enabled': 'true',
                                'emit.checkpoints.interval.seconds': interval,
                                'sync.group.offsets.enabled': pairing.syncConsumerGroupOffsets ? 'true' : 'false',
                                'sync.group.offsets.interval.seconds': interval,
                                'refresh.groups.interval.seconds': 300,
                            },
                        },
                        topicsPattern: pairing.topicRegexes.join('|'),
                        groupsPattern: pairing.consumerGroupRegexes.join('|'),
                    }],
                resources: {
                    requests: { cpu: kafka_strimzi_io_1.KafkaMirrorMaker2SpecResourcesRequests.fromString(cpu), memory: kafka_strimzi_io_1.KafkaMirrorMaker2SpecResourcesRequests.fromString(memory) },
                    limits: { cpu: kafka_strimzi_io_1.KafkaMirrorMaker2SpecResourcesLimits.fromString(cpu), memory: kafka_strimzi_io_1.KafkaMirrorMaker2SpecResourcesLimits.fromString(memory) },
                },
                jvmOptions: { xms: heap, xmx: heap },
                rack: { type: kafka_strimzi_io_1.KafkaMirrorMaker2SpecRackType.TOPOLOGY_HYPHEN_LABEL, topologyKey: vocabulary_1.ZONE_TOPOLOGY_KEY },
                metricsConfig: {
                    type: kafka_strimzi_io_1.KafkaMirrorMaker2SpecMetricsConfigType.JMX_PROMETHEUS_EXPORTER,
                    valueFrom: { configMapKeyRef: { name: metricsName, key: exports.MIRROR_MAKER_2_METRICS_CONFIG_KEY } },
                },
                template: {
                    pod: {
                        metadata: { labels },
                        affinity: {
                            podAntiAffinity: {
                                preferredDuringSchedulingIgnoredDuringExecution: [{
                                        weight: 100,
                                        podAffinityTerm: { labelSelector: { matchLabels: spreadSelector }, topologyKey: vocabulary_1.HOSTNAME_TOPOLOGY_KEY },
                                    }],
                            },
                        },
                        topologySpreadConstraints: [{
                                maxSkew: 1, topologyKey: vocabulary_1.ZONE_TOPOLOGY_KEY, whenUnsatisfiable: 'DoNotSchedule',
                                labelSelector: { matchLabels: spreadSelector },
                            }],
                    },
                    podDisruptionBudget: { maxUnavailable: 1 },
                    ...(props.serviceAccountRoleArn
                        ? { serviceAccount: { metadata: { annotations: { 'eks.amazonaws.com/role-arn': props.serviceAccountRoleArn } } } }
                        : {}),
                },
            },
        });
        if (props.drill ?? true) {
            this.drillFile = dr_drill_1.DrDrill.addTo({
                pairing, technology: dr_drill_1.DrReplicationTechnology.MIRROR_MAKER_2, replicationName: this.name, namespace: env.namespace,
                primaryBootstrapServers: source.bootstrapServers, peerBootstrapServers: target.bootstrapServers,
                latencyQuery: `max by (topic) (kafka_connect_mirror_source_connector_replication_latency_ms_max{kafka_cluster="${monitored}",environment="${env.name}",kafka_role="mirrormaker2"})`,
            });
        }
    }
}
exports.StrimziMirrorMaker2 = StrimziMirrorMaker2;
/** DR-005: MirrorMaker 2 runs as its own MirrorMaker 2 principal of the right model, never an admin, without cluster-wide rights. */
function checkPrincipal(path, side, principal) {
    const fix = `Declare it with MirrorMaker2Access.add${side === 'source' ? 'Source' : 'Target'}Principal(...) (access.addMirrorMaker2): read on the source, write on the target, the group rights it needs.`;
    if (principal.kind !== principal_1.PrincipalKind.MIRROR_MAKER_2) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-005', path, prop: `${side}.principal`, found: `${principal.name} (${principal.kind})`,
            expected: 'a principal of kind mirror-maker-2, never a superuser or an application principal', fix,
        });
    }
    for (const e of principal.acls) {
        if (e.permission !== acl_1.AclPermission.ALLOW)
            continue;
        const clusterWide = e.resource.isWildcard
            || (e.resource.type === acl_1.AclResourceType.CLUSTER && e.operations.some((op) => op !== acl_1.AclOperation.DESCRIBE));
        if (clusterWide) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-005', path, prop: `${side}.principal`, found: `${principal.name} allowed ${e.operations.join(',')} on ${e.resource.toString()}`,
                expected: 'no cluster-wide right: named topics and groups only, and Describe on the cluster', fix,
            });
        }
    }
}
function checkPrincipalModel(path, side, principal, principals) {
    if (!principals.includes(principal)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-005', path, prop: `${side}.principal`, found: principal.name,
            expected: "a principal of the pairing's access model (the primary's), so that its KafkaUser or IAM policy is rendered there",
            fix: 'Declare it with MirrorMaker2Access.addSourcePrincipal(pairing, { authentication }).',
        });
    }
}
function secretOf(authentication) {
    return authentication.passwordSecret?.secretName ?? authentication.certificateAndKey?.secretName;
}
function canWrite(principal, topic) {
    return principal.acls.some((e) => e.permission === acl_1.AclPermission.ALLOW && e.resource.type === acl_1.AclResourceType.TOPIC
        && !e.resource.isPrefix && e.resource.name === topic && e.operations.includes(acl_1.AclOperation.WRITE));
}
