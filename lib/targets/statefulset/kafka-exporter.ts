import { IntOrString, KubeDeployment, Quantity } from '../../imports/k8s';
import { Construct } from 'constructs';
import { StatefulSetPorts } from './kafka-node-properties';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { METRICS_PORT_NAME } from '../../contract/vocabulary';
import { readSecretFile, refuseLineBreak, shellWord } from '../../contract/writers/shell';

const SASL_DIR = '/etc/kafka-exporter/sasl';
const FLAGS_DIR = '/var/run/kafka-exporter';

/**
 * The exporter container's entrypoint (`/bin/sh -c`, the busybox of the image): reads the
 * password from the mounted Secret file into a flag file (mode 0600, memory volume) and starts
 * kafka_exporter with `@<flag file>` before its arguments. kafka_exporter parses its flags with
 * kingpin v2, which expands `@file` into one argument per line (`ExpandArgsFromFile`,
 * `EnableFileExpansion = true` by default): the command line shows only the path. The image is
 * `FROM quay.io/prometheus/busybox` with `/bin/kafka_exporter` (danielqsj/kafka_exporter Dockerfile).
 */
export function renderKafkaExporterEntrypoint(): string {
  const flags = `${FLAGS_DIR}/sasl-password.args`;
  return [
    'set -eu',
    'umask 077',
    readSecretFile('password', `${SASL_DIR}/password`),
    refuseLineBreak('password'),
    // printf is a builtin of busybox ash: the password reaches no argv.
    `printf '%s\n' "--sasl.password=$password" > ${shellWord(flags)}`,
    'unset password',
    `exec /bin/kafka_exporter ${shellWord(`@${flags}`)} "$@"`,
  ].join('\n');
}

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
 * password is a mounted Secret file that the entrypoint turns into a kingpin flag file
 * (`renderKafkaExporterEntrypoint`): it is neither in the manifests (SEC-009) nor in any
 * command line or environment variable of the pod. Metrics on
 * port 9308, named `tcp-prometheus`.
 * @see https://github.com/danielqsj/kafka_exporter
 */
export class StatefulSetKafkaExporter extends KafkaIacConstruct {
  public readonly resource: KubeDeployment;

  public constructor(scope: Construct, id: string, props: StatefulSetKafkaExporterProps) {
    super(scope, id);
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
            securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [{
              name: 'kafka-exporter',
              image: props.image ?? KAFKA_EXPORTER_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              command: ['/bin/sh', '-c', renderKafkaExporterEntrypoint(), 'kafka_exporter'],
              args: [
                `--kafka.server=${props.bootstrapServer}`,
                `--kafka.version=${props.kafkaVersion}`,
                '--sasl.enabled',
                '--sasl.mechanism=scram-sha512',
                `--sasl.username=${props.user}`,
                '--tls.enabled',
                '--tls.ca-file=/etc/kafka-exporter/ca/ca.crt',
                `--topic.filter=${props.topicRegex ?? '.*'}`,
                `--group.filter=${props.groupRegex ?? '.*'}`,
                `--web.listen-address=:${port}`,
              ],
              ports: [{ name: METRICS_PORT_NAME, containerPort: port, protocol: 'TCP' }],
              readinessProbe: { tcpSocket: { port: IntOrString.fromNumber(port) }, periodSeconds: 10 },
              livenessProbe: { tcpSocket: { port: IntOrString.fromNumber(port) }, initialDelaySeconds: 30, periodSeconds: 20 },
              resources: {
                requests: { cpu: Quantity.fromString('100m'), memory: Quantity.fromString('128Mi') },
                limits: { memory: Quantity.fromString('256Mi') },
              },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [
                { name: 'ca', mountPath: '/etc/kafka-exporter/ca', readOnly: true },
                { name: 'sasl', mountPath: SASL_DIR, readOnly: true },
                { name: 'flags', mountPath: FLAGS_DIR },
              ],
            }],
            volumes: [
              { name: 'ca', secret: { secretName: props.caSecretName, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { name: 'sasl', secret: { secretName: props.passwordSecretName, items: [{ key: 'password', path: 'password' }], defaultMode: 0o440 } },
              { name: 'flags', emptyDir: { medium: 'Memory', sizeLimit: Quantity.fromString('1Mi') } },
            ],
          },
        },
      },
    });
  }
}
