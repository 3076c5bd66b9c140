import { createHash } from 'node:crypto';
import { checkAbsolutePath } from '../../model/grammar/names';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { AuthenticationMechanism } from '../../model/client-authentication';
import { KafkaIacError } from '../../model/errors';

import type { AccessModel } from '../../model/access/access-model';
import { renderAclLines, renderTopicLines } from '../../contract/admin-command-lines';
import { RUN_ARGUMENT_LINES, readSecretFile, refuseUnsafeCredential, shellQuote } from '../../contract/writers/shell';
import { ClientProperties, type ConsumerGroupProtocol } from '../../contract/client-properties';
import { PrincipalKind } from '../../model/access/principal';
import { ACL_ARTEFACT_LABEL, TARGET_LABEL } from '../../contract/vocabulary';
import { RuleTarget } from '../../contract/rule-target';
import { clientPropertiesConfigMap } from '../kubernetes/client-properties-config-map';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** Props of a `StatefulSetAccessJob`: the cluster and the access model whose topics and ACLs it applies. */
export interface StatefulSetAccessJobProps {
  /** The access model to apply. */
  readonly model: AccessModel;
  /** The StatefulSet cluster's name; objects are named `<clusterName>-access-*`. */
  readonly clusterName: string;
  /** The broker image; the Job uses its `kafka-topics.sh` and `kafka-acls.sh`. */
  readonly image: string;
  /** `bootstrap.servers` of the cluster's SASL_SSL listener, such as `kafka-bootstrap.kafka.svc:9093`. */
  readonly bootstrapServers: string;
  /**
   * The Secret with the admin principal's SCRAM password (key `password`), made outside the
   * manifests (External Secrets, Sealed Secrets, or `kubectl create secret`).
   * @default '<admin principal>-credentials'
   */
  readonly adminSecretName?: string;
  /**
   * The Secret with the cluster CA certificate (key `ca.crt`).
   * @default '<clusterName>-cluster-ca'
   */
  readonly clusterCaSecretName?: string;
  /**
   * Where the admin tools live in the image.
   * @default '/opt/kafka/bin'
   */
  readonly kafkaBinPath?: string;
  /**
   * The consumer group protocol in the published client properties.
   * @default ConsumerGroupProtocol.CLASSIC
   */
  readonly groupProtocol?: ConsumerGroupProtocol;
}

/**
 * Applies an access model to a plain StatefulSet cluster: a ConfigMap with `topics.txt` and
 * `acls.txt` (one `kafka-topics.sh` / `kafka-acls.sh` call per line) and `apply.sh`, and a Job
 * that runs it with the broker image's admin tools. The admin's password comes from a Secret
 * as an environment variable and is written only into the pod's memory-backed scratch volume
 * (SEC-009). The Job's name carries a hash of the artefacts, so a changed model makes a new
 * Job (Jobs are immutable). Also publishes each principal's client properties as a ConfigMap
 * and as `dist/<env>/clients/<principal>.properties`.
 */
export class StatefulSetAccessJob extends KafkaIacConstruct {
  /** The ConfigMap with the artefacts. */
  public readonly configMap: ApiObject;
  /** The Job. */
  public readonly resource: ApiObject;
  /** Client-properties ConfigMaps by principal name. */
  public readonly clientProperties: ReadonlyMap<string, ApiObject>;

  public constructor(scope: Construct, id: string, props: StatefulSetAccessJobProps) {
    super(scope, id);
    const admin = props.model.principals.find((p) => p.kind === PrincipalKind.ADMIN);
    if (!admin || admin.authentication.mechanism !== AuthenticationMechanism.SCRAM_SHA_512) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path: this.path, prop: 'admin principal', found: admin ? admin.authentication.mechanism : undefined,
        expected: 'an admin principal with SCRAM-SHA-512 that the Job authenticates as',
        fix: "Declare access.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() }).",
      });
    }
    const labels = { [TARGET_LABEL]: 'statefulset', 'app.kubernetes.io/name': `${props.clusterName}-access` };
    const acls = renderAclLines(props.model);
    const topics = renderTopicLines(props.model);
    const bin = checkAbsolutePath(props.kafkaBinPath ?? '/opt/kafka/bin', { code: 'KIAC-PROP', path: this.path, prop: 'kafkaBinPath' });
    const hash = createHash('sha256').update(acls).update(topics).digest('hex').slice(0, 10);
    const configMapName = `${props.clusterName}-access`;
    this.configMap = new ApiObject(this, 'Artefacts', {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: configMapName, labels: { ...labels, [ACL_ARTEFACT_LABEL]: 'true' } },
      data: { 'acls.txt': acls, 'topics.txt': topics, 'apply.sh': applyScript(bin) },
    });
    this.resource = new ApiObject(this, 'Resource', {
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
              ],
              resources: { requests: { cpu: '100m', memory: '512Mi' }, limits: { memory: '512Mi' } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [
                { name: 'artefacts', mountPath: '/etc/kafka-iac/access', readOnly: true },
                { name: 'cluster-ca', mountPath: '/etc/kafka-iac/ca', readOnly: true },
                { name: 'admin-credentials', mountPath: ADMIN_CREDENTIALS_DIR, readOnly: true },
                { name: 'scratch', mountPath: '/tmp' },
              ],
            }],
            volumes: [
              { name: 'artefacts', configMap: { name: configMapName } },
              { name: 'cluster-ca', secret: { secretName: props.clusterCaSecretName ?? `${props.clusterName}-cluster-ca`, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { name: 'admin-credentials', secret: { secretName: props.adminSecretName ?? `${admin.name}-credentials`, items: [{ key: 'password', path: 'password' }], defaultMode: 0o440 } },
              { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
            ],
          },
        },
      },
    });

    const clients = new Map<string, ApiObject>();
    for (const principal of props.model.principals) {
      const client = ClientProperties.forKubernetes(principal, { bootstrapServers: props.bootstrapServers, groupProtocol: props.groupProtocol });
      clients.set(principal.name, clientPropertiesConfigMap(this, this.environment, principal, client, RuleTarget.STATEFULSET));
    }
    this.clientProperties = clients;
  }
}

const ADMIN_CREDENTIALS_DIR = '/etc/kafka-iac/admin';

function applyScript(bin: string): string {
  return [
    '#!/bin/bash',
    '# Applies topics.txt and acls.txt with the broker image\'s admin tools (generated by kafka-iac).',
    '# The password is read from the mounted Secret file into a shell variable (never exported)',
    '# and written only to /tmp (memory), mode 0600; no command line or environment carries it.',
    'set -euo pipefail',
    'set -f # names may be Kafka wildcards (*); never glob them',
    'umask 077',
    'config=/tmp/admin.properties',
    readSecretFile('ADMIN_PASSWORD', `${ADMIN_CREDENTIALS_DIR}/password`),
    refuseUnsafeCredential('ADMIN_USER'),
    refuseUnsafeCredential('ADMIN_PASSWORD'),
    'cat > "$config" <<EOF',
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-512',
    'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${ADMIN_USER}" password="${ADMIN_PASSWORD}";',
    'ssl.truststore.type=PEM',
    'ssl.truststore.location=/etc/kafka-iac/ca/ca.crt',
    'EOF',
    `bin=${shellQuote(bin)}`,
    RUN_ARGUMENT_LINES,
    'run "$bin/kafka-topics.sh" /etc/kafka-iac/access/topics.txt',
    'run "$bin/kafka-acls.sh" /etc/kafka-iac/access/acls.txt',
    '',
  ].join('\n');
}
