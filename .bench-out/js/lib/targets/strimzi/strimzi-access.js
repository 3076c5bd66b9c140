"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StrimziAccess = void 0;
exports.kubernetesNameOf = kubernetesNameOf;
exports.renderKafkaTopic = renderKafkaTopic;
exports.renderKafkaUser = renderKafkaUser;
exports.renderStrimziAcl = renderStrimziAcl;
const cdk8s_1 = require("cdk8s");
const constructs_1 = require("constructs");
const client_authentication_1 = require("../../model/client-authentication");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const kafka_strimzi_io_1 = require("../../imports/kafka.strimzi.io");
const acl_1 = require("../../model/access/acl");
const client_properties_1 = require("../../contract/client-properties");
const vocabulary_1 = require("../../contract/vocabulary");
/**
 * Renders an access model for Strimzi 1.2: a `KafkaUser` per principal (SCRAM-SHA-512, `tls`
 * or, for OAuth principals, no authentication block; `authorization: simple` with its ACLs),
 * a `KafkaTopic` per topic, and per principal a ConfigMap `<principal>-client-properties`
 * with its recommended client properties, also written to `dist/<env>/clients/<principal>.properties`.
 *
 * The operator creates each user's Secret; nothing here carries a password (SEC-009).
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaUser-reference
 */
class StrimziAccess extends constructs_1.Construct {
    /** KafkaUser objects by principal name. */
    users;
    /** KafkaTopic objects by topic name. */
    topics;
    /** Client-properties ConfigMaps by principal name. */
    clientProperties;
    constructor(scope, id, props) {
        super(scope, id);
        const environment = environment_1.Environment.of(this);
        const users = new Map();
        const topics = new Map();
        const clients = new Map();
        const bootstrap = props.bootstrapServers ?? `${props.clusterName}-kafka-bootstrap.${environment.namespace}.svc:9093`;
        for (const topic of props.model.topics) {
            const rendered = renderKafkaTopic(topic, props.clusterName);
            topics.set(topic.name, new kafka_strimzi_io_1.KafkaTopic(this, `Topic-${topic.name}`, { metadata: rendered.metadata, spec: rendered.spec }));
        }
        for (const principal of props.model.principals) {
            const rendered = renderKafkaUser(principal, props.clusterName, this.node.path);
            users.set(principal.name, new kafka_strimzi_io_1.KafkaUser(this, `User-${principal.name}`, { metadata: rendered.metadata, spec: rendered.spec }));
            const client = client_properties_1.ClientProperties.forKubernetes(principal, {
                bootstrapServers: bootstrap, groupProtocol: props.groupProtocol,
                clusterCaPath: '/etc/kafka/cluster-ca/ca.crt',
            });
            const configMap = new cdk8s_1.ApiObject(this, `Client-${principal.name}`, {
                apiVersion: 'v1', kind: 'ConfigMap',
                metadata: {
                    name: `${principal.name}-client-properties`,
                    labels: {
                        [vocabulary_1.TARGET_LABEL]: 'strimzi', [vocabulary_1.CLIENT_PROPERTIES_LABEL]: principal.name,
                        [vocabulary_1.CLIENT_PRODUCER_LABEL]: String(client.isProducer),
                    },
                    annotations: { [vocabulary_1.CLUSTER_CA_SECRET_ANNOTATION]: `${props.clusterName}-cluster-ca-cert`, [vocabulary_1.CREDENTIALS_SECRET_ANNOTATION]: principal.name },
                },
                data: { [vocabulary_1.CLIENT_PROPERTIES_KEY]: client.toPropertiesText() },
            });
            clients.set(principal.name, configMap);
            environment.addOutputFile(`clients/${principal.name}.properties`, () => publishedProperties(configMap));
        }
        this.users = users;
        this.topics = topics;
        this.clientProperties = clients;
    }
}
exports.StrimziAccess = StrimziAccess;
/** The properties file as published: read from the ConfigMap as synthesized (after any JSON patch). */
function publishedProperties(configMap) {
    return String(configMap.toJson().data?.[vocabulary_1.CLIENT_PROPERTIES_KEY] ?? '');
}
/** A Kubernetes object name for a Kafka name (lower case, `_` and `.` allowed only as `-`/`.`). */
function kubernetesNameOf(name) {
    return name.toLowerCase().replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z0-9]+/, '').replace(/[^a-z0-9]+$/, '').slice(0, 253);
}
/** The `KafkaTopic` of a topic. Pure. */
function renderKafkaTopic(topic, clusterName) {
    const name = kubernetesNameOf(topic.name);
    const spec = { partitions: topic.partitions, replicas: topic.replicationFactor };
    if (name !== topic.name)
        spec.topicName = topic.name;
    if (Object.keys(topic.settings.config).length > 0)
        spec.config = { ...topic.settings.config };
    return {
        apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic',
        metadata: { name, labels: { [vocabulary_1.STRIMZI_CLUSTER_LABEL]: clusterName } },
        spec,
    };
}
/** The `KafkaUser` of a principal. Pure. IAM principals cannot be rendered for Strimzi. */
function renderKafkaUser(principal, clusterName, path = 'StrimziAccess') {
    const mechanism = principal.authentication.mechanism;
    const spec = {};
    if (mechanism === client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512)
        spec.authentication = { type: 'scram-sha-512' };
    else if (mechanism === client_authentication_1.AuthenticationMechanism.MUTUAL_TLS)
        spec.authentication = { type: 'tls' };
    else if (mechanism === client_authentication_1.AuthenticationMechanism.IAM) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-003', path: `${path}/${principal.name}`, prop: 'authentication', found: mechanism,
            expected: "scram-sha-512, tls or oauth for a Strimzi KafkaUser (IAM exists only on MSK)",
            fix: `Declare '${principal.name}' with ClientAuthentication.scramSha512() or .mutualTls() for the Strimzi cluster.`,
        });
    }
    spec.authorization = { type: 'simple', acls: principal.acls.map(renderStrimziAcl) };
    return {
        apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaUser',
        metadata: {
            name: principal.name,
            labels: { [vocabulary_1.STRIMZI_CLUSTER_LABEL]: clusterName, [vocabulary_1.PRINCIPAL_KIND_LABEL]: principal.kind },
        },
        spec,
    };
}
/** One Strimzi ACL rule. */
function renderStrimziAcl(entry) {
    const resource = { type: entry.resource.type };
    if (entry.resource.type !== acl_1.AclResourceType.CLUSTER) {
        resource.name = entry.resource.name;
        resource.patternType = entry.resource.patternType;
    }
    return {
        type: entry.permission === acl_1.AclPermission.DENY ? 'deny' : 'allow',
        resource,
        operations: [...entry.operations],
        host: '*',
    };
}
