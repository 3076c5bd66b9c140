"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StatefulSetKafkaExporter = exports.KAFKA_EXPORTER_NAME_LABEL_VALUE = exports.KAFKA_EXPORTER_IMAGE = void 0;
const k8s_1 = require("cdk8s-plus-27/lib/imports/k8s");
const constructs_1 = require("constructs");
const kafka_node_properties_1 = require("./kafka-node-properties");
/** The Kafka Exporter image (danielqsj/kafka_exporter), which reports consumer lag. */
exports.KAFKA_EXPORTER_IMAGE = 'danielqsj/kafka-exporter:v1.9.0';
/** Pod labels of Kafka Exporter; the monitoring PodMonitor selects them. */
exports.KAFKA_EXPORTER_NAME_LABEL_VALUE = 'kafka-exporter';
/**
 * Kafka Exporter as a Deployment: consumer-group lag per topic and partition (MON-002/003),
 * which broker JMX metrics do not carry. It connects over SASL_SSL with SCRAM-SHA-512; the
 * password comes from a Secret into an environment variable that Kubernetes expands in the
 * arguments (`$(SASL_PASSWORD)`), so it is never in the manifests (SEC-009). Metrics on
 * port 9308, named `tcp-prometheus`.
 * @see https://github.com/danielqsj/kafka_exporter
 */
class StatefulSetKafkaExporter extends constructs_1.Construct {
    resource;
    constructor(scope, id, props) {
        super(scope, id);
        const port = kafka_node_properties_1.StatefulSetPorts.KAFKA_EXPORTER;
        this.resource = new k8s_1.KubeDeployment(this, 'Resource', {
            metadata: { name: `${props.clusterName}-kafka-exporter`, labels: { ...props.labels } },
            spec: {
                replicas: 1,
                selector: { matchLabels: { ...props.podLabels } },
                template: {
                    metadata: { labels: { ...props.podLabels } },
                    spec: {
                        automountServiceAccountToken: false,
                        securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
                        containers: [{
                                name: 'kafka-exporter',
                                image: props.image ?? exports.KAFKA_EXPORTER_IMAGE,
                                imagePullPolicy: 'IfNotPresent',
                                args: [
                                    `--kafka.server=${props.bootstrapServer}`,
                                    '--sasl.enabled',
                                    '--sasl.mechanism=scram-sha512',
                                    `--sasl.username=${props.user}`,
                                    '--sasl.password=$(SASL_PASSWORD)',
                                    '--tls.enabled',
                                    '--tls.ca-file=/etc/kafka-exporter/ca/ca.crt',
                                    `--topic.filter=${props.topicRegex ?? '.*'}`,
                                    `--group.filter=${props.groupRegex ?? '.*'}`,
                                    `--web.listen-address=:${port}`,
                                ],
                                env: [{ name: 'SASL_PASSWORD', valueFrom: { secretKeyRef: { name: props.passwordSecretName, key: 'password' } } }],
                                ports: [{ name: 'tcp-prometheus', containerPort: port, protocol: 'TCP' }],
                                readinessProbe: { tcpSocket: { port: k8s_1.IntOrString.fromNumber(port) }, periodSeconds: 10 },
                                livenessProbe: { tcpSocket: { port: k8s_1.IntOrString.fromNumber(port) }, initialDelaySeconds: 30, periodSeconds: 20 },
                                resources: {
                                    requests: { cpu: k8s_1.Quantity.fromString('100m'), memory: k8s_1.Quantity.fromString('128Mi') },
                                    limits: { memory: k8s_1.Quantity.fromString('256Mi') },
                                },
                                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                                volumeMounts: [{ name: 'ca', mountPath: '/etc/kafka-exporter/ca', readOnly: true }],
                            }],
                        volumes: [{ name: 'ca', secret: { secretName: props.caSecretName, items: [{ key: 'ca.crt', path: 'ca.crt' }] } }],
                    },
                },
            },
        });
    }
}
exports.StatefulSetKafkaExporter = StatefulSetKafkaExporter;
