"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StatefulSetAccessJob = void 0;
const node_crypto_1 = require("node:crypto");
const cdk8s_1 = require("cdk8s");
const constructs_1 = require("constructs");
const client_authentication_1 = require("../../model/client-authentication");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const admin_command_lines_1 = require("../../contract/admin-command-lines");
const client_properties_1 = require("../../contract/client-properties");
const principal_1 = require("../../model/access/principal");
const vocabulary_1 = require("../../contract/vocabulary");
/**
 * Applies an access model to a plain StatefulSet cluster: a ConfigMap with `topics.txt` and
 * `acls.txt` (one `kafka-topics.sh` / `kafka-acls.sh` call per line) and `apply.sh`, and a Job
 * that runs it with the broker image's admin tools. The admin's password comes from a Secret
 * as an environment variable and is written only into the pod's memory-backed scratch volume
 * (SEC-009). The Job's name carries a hash of the artefacts, so a changed model makes a new
 * Job (Jobs are immutable). Also publishes each principal's client properties as a ConfigMap
 * and as `dist/<env>/clients/<principal>.properties`.
 */
class StatefulSetAccessJob extends constructs_1.Construct {
    /** The ConfigMap with the artefacts. */
    configMap;
    /** The Job. */
    resource;
    /** Client-properties ConfigMaps by principal name. */
    clientProperties;
    constructor(scope, id, props) {
        super(scope, id);
        const environment = environment_1.Environment.of(this);
        const admin = props.model.principals.find((p) => p.kind === principal_1.PrincipalKind.ADMIN);
        if (!admin || admin.authentication.mechanism !== client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-005', path: this.node.path, prop: 'admin principal', found: admin ? admin.authentication.mechanism : undefined,
                expected: 'an admin principal with SCRAM-SHA-512 that the Job authenticates as',
                fix: "Declare access.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() }).",
            });
        }
        const labels = { [vocabulary_1.TARGET_LABEL]: 'statefulset', 'app.kubernetes.io/name': `${props.clusterName}-access` };
        const acls = (0, admin_command_lines_1.renderAclLines)(props.model);
        const topics = (0, admin_command_lines_1.renderTopicLines)(props.model);
        const bin = props.kafkaBinPath ?? '/opt/kafka/bin';
        const hash = (0, node_crypto_1.createHash)('sha256').update(acls).update(topics).digest('hex').slice(0, 10);
        const configMapName = `${props.clusterName}-access`;
        this.configMap = new cdk8s_1.ApiObject(this, 'Artefacts', {
            apiVersion: 'v1', kind: 'ConfigMap',
            metadata: { name: configMapName, labels: { ...labels, [vocabulary_1.ACL_ARTEFACT_LABEL]: 'true' } },
            data: { 'acls.txt': acls, 'topics.txt': topics, 'apply.sh': applyScript(bin) },
        });
        this.resource = new cdk8s_1.ApiObject(this, 'Resource', {
            apiVersion: 'batch/v1', kind: 'Job',
            metadata: { name: `${props.clusterName}-access-${hash}`, labels },
            spec: {
                backoffLimit: 6,
                ttlSecondsAfterFinished: 86400,
                template: {
                    metadata: { labels },
                    spec: {
                        restartPolicy: 'OnFailure',
                        automountServiceAccountToken: false,
                        securityContext: { runAsNonRoot: true, runAsUser: 1001, fsGroup: 1001, seccompProfile: { type: 'RuntimeDefault' } },
                        containers: [{
                                name: 'apply',
                                image: props.image,
                                imagePullPolicy: 'IfNotPresent',
                                command: ['/bin/bash', '/etc/kafka-iac/access/apply.sh'],
                                env: [
                                    { name: 'BOOTSTRAP_SERVERS', value: props.bootstrapServers },
                                    { name: 'ADMIN_USER', value: admin.name },
                                    { name: 'ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: props.adminSecretName ?? `${admin.name}-credentials`, key: 'password' } } },
                                ],
                                resources: { requests: { cpu: '100m', memory: '512Mi' }, limits: { memory: '512Mi' } },
                                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                                volumeMounts: [
                                    { name: 'artefacts', mountPath: '/etc/kafka-iac/access', readOnly: true },
                                    { name: 'cluster-ca', mountPath: '/etc/kafka-iac/ca', readOnly: true },
                                    { name: 'scratch', mountPath: '/tmp' },
                                ],
                            }],
                        volumes: [
                            { name: 'artefacts', configMap: { name: configMapName } },
                            { name: 'cluster-ca', secret: { secretName: props.clusterCaSecretName ?? `${props.clusterName}-cluster-ca`, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                            { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
                        ],
                    },
                },
            },
        });
        const clients = new Map();
        for (const principal of props.model.principals) {
            const client = client_properties_1.ClientProperties.forKubernetes(principal, { bootstrapServers: props.bootstrapServers, groupProtocol: props.groupProtocol });
            const cm = new cdk8s_1.ApiObject(this, `Client-${principal.name}`, {
                apiVersion: 'v1', kind: 'ConfigMap',
                metadata: {
                    name: `${principal.name}-client-properties`,
                    labels: { [vocabulary_1.TARGET_LABEL]: 'statefulset', [vocabulary_1.CLIENT_PROPERTIES_LABEL]: principal.name, [vocabulary_1.CLIENT_PRODUCER_LABEL]: String(client.isProducer) },
                },
                data: { [vocabulary_1.CLIENT_PROPERTIES_KEY]: client.toPropertiesText() },
            });
            clients.set(principal.name, cm);
            environment.addOutputFile(`clients/${principal.name}.properties`, () => String(cm.toJson().data?.[vocabulary_1.CLIENT_PROPERTIES_KEY] ?? ''));
        }
        this.clientProperties = clients;
    }
}
exports.StatefulSetAccessJob = StatefulSetAccessJob;
function applyScript(bin) {
    return [
        '#!/bin/bash',
        '# Applies topics.txt and acls.txt with the broker image\'s admin tools (generated by kafka-iac).',
        '# The password arrives as ADMIN_PASSWORD from a Secret and is written only to /tmp (memory).',
        'set -euo pipefail',
        'set -f # names may be Kafka wildcards (*); never glob them',
        'umask 077',
        'config=/tmp/admin.properties',
        'cat > "$config" <<EOF',
        'security.protocol=SASL_SSL',
        'sasl.mechanism=SCRAM-SHA-512',
        'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${ADMIN_USER}" password="${ADMIN_PASSWORD}";',
        'ssl.truststore.type=PEM',
        'ssl.truststore.location=/etc/kafka-iac/ca/ca.crt',
        'EOF',
        `run() { local tool="$1" file="$2" line; while IFS= read -r line; do case "$line" in ''|'#'*) continue;; esac; "${bin}/$tool" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config" $line; done < "$file"; }`,
        'run kafka-topics.sh /etc/kafka-iac/access/topics.txt',
        'run kafka-acls.sh /etc/kafka-iac/access/acls.txt',
        '',
    ].join('\n');
}
