import { IntOrString, KubeDeployment, Quantity } from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { StatefulSetPorts } from './kafka-node-properties';
import { checkedConstructId } from '../../contract/construct-id';
import { METRICS_PORT_NAME } from '../../contract/vocabulary';

/** The Kafka Exporter image (danielqsj/kafka_exporter), which reports consumer lag. */
export const KAFKA_EXPORTER_IMAGE = 'danielqsj/kafka-exporter:v1.9.0';

/** Pod labels of Kafka Exporter; the monitoring PodMonitor selects them. */
export const KAFKA_EXPORTER_NAME_LABEL_VALUE = 'kafka-exporter';

/** Props of the Kafka Exporter of a StatefulSet cluster. */
export interface StatefulSetKafkaExporterProps {
  readonly clusterName: string;
  /** Labels on the Deployment object. */
  readonly labels: Readonly<Record<string, string>>;
  /** Labels on the exporter pods (never the Kafka node labels, so PodMonitors do not mix them). */
  readonly podLabels: Readonly<Record<string, string>>;
  /** `host:port` of a SCRAM-SHA-512 listener. */
  readonly bootstrapServer: string;
  /**
   * The cluster's Kafka version, passed as `--kafka.version`: the exporter's Kafka client
   * (sarama) otherwise assumes Kafka 2.0.0 and uses that version's request versions.
   */
  readonly kafkaVersion: string;
  /** The SCRAM user the exporter connects as. */
  readonly user: string;
  /** The Secret (key `password`) with the user's password. */
  readonly passwordSecretName: string;
  /** The Secret with the CA certificate (key `ca.crt`). */
  readonly caSecretName: string;
  /**
   * The image.
   * @default KAFKA_EXPORTER_IMAGE
   */
  readonly image?: string;
  /** @default '.*' */
  readonly topicRegex?: string;
  /** @default '.*' */
  readonly groupRegex?: string;
}

/**
 * Kafka Exporter as a Deployment: consumer-group lag per topic and partition (MON-002/003),
 * which broker JMX metrics do not carry. It connects over SASL_SSL with SCRAM-SHA-512; the
 * password comes from a Secret into an environment variable that Kubernetes expands in the
 * arguments (`$(SASL_PASSWORD)`), so it is never in the manifests (SEC-009). Metrics on
 * port 9308, named `tcp-prometheus`.
 * @see https://github.com/danielqsj/kafka_exporter
 */
export class StatefulSetKafkaExporter extends Construct {
  public readonly resource: KubeDeployment;

  public constructor(scope: Construct, id: string, props: StatefulSetKafkaExporterProps) {
    super(scope, checkedConstructId(scope, id));
    const port = StatefulSetPorts.KAFKA_EXPORTER;
    this.resource = new KubeDeployment(this, 'Resource', {
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
              image: props.image ?? KAFKA_EXPORTER_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: [
                `--kafka.server=${props.bootstrapServer}`,
                `--kafka.version=${props.kafkaVersion}`,
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
              ports: [{ name: METRICS_PORT_NAME, containerPort: port, protocol: 'TCP' }],
              readinessProbe: { tcpSocket: { port: IntOrString.fromNumber(port) }, periodSeconds: 10 },
              livenessProbe: { tcpSocket: { port: IntOrString.fromNumber(port) }, initialDelaySeconds: 30, periodSeconds: 20 },
              resources: {
                requests: { cpu: Quantity.fromString('100m'), memory: Quantity.fromString('128Mi') },
                limits: { memory: Quantity.fromString('256Mi') },
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
