import { createHash } from 'node:crypto';
import { JAVA_ARGFILE_WORD, inDoubleQuotes, readSecretFile, refuseLineBreak, shellQuote, shellWord } from '../../contract/writers/shell';
import { AuthenticationMechanism } from '../../model/client-authentication';
import { KafkaListenerProtocol } from './statefulset-listener';

/** The role a StatefulSet's pods play in KRaft (`process.roles`). */
export enum KafkaNodeRole {
  /** KRaft controllers only (`process.roles=controller`). */
  CONTROLLER = 'controller',
  /** Brokers only (`process.roles=broker`). */
  BROKER = 'broker',
  /** One node with both roles (`process.roles=broker,controller`): development only. */
  COMBINED = 'combined',
}

/** Fixed ports of the StatefulSet target. */
export const StatefulSetPorts = {
  /** The KRaft controller listener (SSL, `ssl.client.auth=required`). */
  CONTROLLER: 9090,
  /** The inter-broker listener (SASL_SSL, SCRAM-SHA-512). */
  REPLICATION: 9091,
  /** The JMX exporter agent in every Kafka pod (`tcp-prometheus`). */
  METRICS: 9404,
  /** Kafka Exporter (`tcp-prometheus`). */
  KAFKA_EXPORTER: 9308,
} as const;

/** The listener names the cluster owns. */
export const CONTROLLER_LISTENER = 'CONTROLLER';
/** The listener brokers replicate over (SASL_SSL). */
export const REPLICATION_LISTENER = 'REPLICATION';

/** Where things are inside a Kafka pod. */
export const KafkaPodPaths = {
  CONFIG_DIR: '/etc/kafka-iac/config',
  TLS_DIR: '/etc/kafka-iac/tls',
  SECRETS_DIR: '/etc/kafka-iac/secrets',
  KEYSTORE_PASSWORD_DIR: '/etc/kafka-iac/secrets/keystore-password',
  BROKER_SCRAM_DIR: '/etc/kafka-iac/secrets/broker-scram',
  /** Controllers: the password of format-time SCRAM user `i` is the file `<dir>/<i>` (projected Secrets). */
  SCRAM_USERS_DIR: '/etc/kafka-iac/secrets/scram-users',
  RUNTIME_DIR: '/var/run/kafka-iac',
  RACK_FILE: '/var/run/kafka-iac/rack',
  DATA_DIR: '/var/lib/kafka/data',
  LOG_DIR: '/var/log/kafka',
  JMX_EXPORTER_DIR: '/opt/jmx-exporter',
  JMX_EXPORTER_JAR: '/opt/jmx-exporter/jmx_prometheus_javaagent.jar',
  KUBE_API_ACCESS_DIR: '/var/run/kafka-iac/kube-api-access',
} as const;

/** The ConfigMap key of a role's properties file. PERF-001 and the HA rules read `server.properties`. */
export function propertiesKeyOf(role: KafkaNodeRole): string {
  return role === KafkaNodeRole.CONTROLLER ? 'controller.properties' : 'server.properties';
}

/** A client listener after validation. */
export interface RenderedClientListener {
  /** Upper-case listener name, as in `listeners`. */
  readonly name: string;
  readonly port: number;
  readonly protocol: KafkaListenerProtocol;
  readonly mechanism: AuthenticationMechanism;
}

/** What the properties files of every role of one cluster share, decided by the cluster. */
export interface KafkaClusterPropertiesInput {
  /** `controller.quorum.voters`: `id@host:port,...`. */
  readonly quorumVoters: string;
  readonly clientListeners: readonly RenderedClientListener[];
  /** The HA and PERF broker settings (brokers and combined nodes only). */
  readonly brokerProperties: Readonly<Record<string, string>>;
  /** `super.users`, already with `User:` prefixes. */
  readonly superUsers: readonly string[];
}

/** What the properties of one role are rendered from. */
export interface KafkaNodePropertiesInput extends KafkaClusterPropertiesInput {
  readonly role: KafkaNodeRole;
  /** The SCRAM user brokers use on the replication listener. */
  readonly interBrokerUser: string;
}

/**
 * The properties file of one role, without the per-pod keys (`node.id`, `broker.rack`,
 * `advertised.listeners`), which the start script appends. Every password is a
 * `${dir:<directory>:<file>}` reference resolved by Kafka's DirectoryConfigProvider from a
 * mounted Secret, so no secret value is in the ConfigMap (SEC-009).
 * Pure: the same input gives the same, newly built, object.
 */
export function renderKafkaNodeProperties(input: KafkaNodePropertiesInput): Record<string, string> {
  const broker = input.role !== KafkaNodeRole.CONTROLLER;
  const controller = input.role !== KafkaNodeRole.BROKER;
  const listeners: string[] = [];
  const protocolMap: string[] = [`${CONTROLLER_LISTENER}:SSL`];
  if (controller) listeners.push(`${CONTROLLER_LISTENER}://:${StatefulSetPorts.CONTROLLER}`);
  const out: Record<string, string> = {
    'process.roles': input.role === KafkaNodeRole.COMBINED ? 'broker,controller' : input.role,
    'controller.listener.names': CONTROLLER_LISTENER,
    'controller.quorum.voters': input.quorumVoters,
    'log.dirs': `${KafkaPodPaths.DATA_DIR}/logs`,
    // Config providers: passwords are read from mounted Secrets, never written here.
    'config.providers': 'dir',
    'config.providers.dir.class': 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
    'config.providers.dir.param.allowed.paths': KafkaPodPaths.SECRETS_DIR,
    // TLS everywhere (SEC-001, SEC-002): a PKCS#12 keystore and truststore issued by cert-manager.
    'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2',
    'ssl.protocol': 'TLSv1.3',
    'ssl.endpoint.identification.algorithm': 'https',
    'ssl.keystore.type': 'PKCS12',
    'ssl.keystore.location': `${KafkaPodPaths.TLS_DIR}/keystore.p12`,
    'ssl.keystore.password': `\${dir:${KafkaPodPaths.KEYSTORE_PASSWORD_DIR}:password}`,
    'ssl.truststore.type': 'PKCS12',
    'ssl.truststore.location': `${KafkaPodPaths.TLS_DIR}/truststore.p12`,
    'ssl.truststore.password': `\${dir:${KafkaPodPaths.KEYSTORE_PASSWORD_DIR}:password}`,
    // The certificate's CN is the principal: CN=orders-broker,O=x -> User:orders-broker.
    'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+)(,.*)?$/$1/,DEFAULT',
    // The controller listener authenticates by certificate: SCRAM cannot authenticate controllers (SEC-003).
    'listener.name.controller.ssl.client.auth': 'required',
    // Authorization (SEC-004): ACLs in the metadata log, deny by default, super users declared.
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found': 'false',
    'super.users': input.superUsers.join(';'),
  };
  if (broker) {
    listeners.push(`${REPLICATION_LISTENER}://:${StatefulSetPorts.REPLICATION}`);
    protocolMap.push(`${REPLICATION_LISTENER}:SASL_SSL`);
    out['inter.broker.listener.name'] = REPLICATION_LISTENER;
    out['sasl.mechanism.inter.broker.protocol'] = 'SCRAM-SHA-512';
    out['sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
    out['listener.name.replication.sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
    out['listener.name.replication.scram-sha-512.sasl.jaas.config'] =
      `org.apache.kafka.common.security.scram.ScramLoginModule required username="${input.interBrokerUser}" password="\${dir:${KafkaPodPaths.BROKER_SCRAM_DIR}:password}";`;
    for (const l of input.clientListeners) {
      listeners.push(`${l.name}://:${l.port}`);
      protocolMap.push(`${l.name}:${l.protocol}`);
      const prefix = `listener.name.${l.name.toLowerCase()}`;
      if (l.protocol === KafkaListenerProtocol.SASL_SSL) {
        out[`${prefix}.sasl.enabled.mechanisms`] = 'SCRAM-SHA-512';
        out[`${prefix}.scram-sha-512.sasl.jaas.config`] = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
      } else {
        out[`${prefix}.ssl.client.auth`] = 'required';
      }
    }
    Object.assign(out, input.brokerProperties);
  }
  out.listeners = listeners.join(',');
  out['listener.security.protocol.map'] = protocolMap.join(',');
  return out;
}

/**
 * The log4j2 configuration (properties form) of every Kafka pod: everything to stdout, where the
 * node's log agent ships it, and the authorizer logger on (SEC-008).
 */
export function renderLog4j2Properties(authorizerLevel: string): string {
  return [
    '# Generated by kafka-iac. Kafka 4 logs with log4j2; stdout is shipped by the node log agent.',
    'name=kafka',
    'status=warn',
    'appender.stdout.type=Console',
    'appender.stdout.name=STDOUT',
    'appender.stdout.layout.type=PatternLayout',
    'appender.stdout.layout.pattern=[%d] %p %m (%c)%n',
    'rootLogger.level=INFO',
    'rootLogger.appenderRef.stdout.ref=STDOUT',
    '# The authorizer logger (SEC-008): INFO logs denials, DEBUG every decision.',
    'logger.authorizer.name=kafka.authorizer.logger',
    `logger.authorizer.level=${authorizerLevel}`,
    'logger.authorizer.additivity=false',
    'logger.authorizer.appenderRef.stdout.ref=STDOUT',
    '',
  ].join('\n');
}

/**
 * A KRaft cluster ID derived from a stable name: 16 bytes, URL-safe base64 without padding, as
 * `kafka-storage.sh random-uuid` prints. Deterministic, so synthesis is repeatable; it is an
 * identifier, not a secret.
 */
export function kraftClusterId(seed: string): string {
  return createHash('sha256').update(seed).digest().subarray(0, 16).toString('base64url');
}

/** One SCRAM credential written into the bootstrap metadata at format time. */
export interface FormatTimeScramUser {
  readonly user: string;
}

/** The file (a projected Secret key) that holds the password of format-time SCRAM user `index`. */
export function scramUserPasswordFile(index: number): string {
  return `${KafkaPodPaths.SCRAM_USERS_DIR}/${index}`;
}

/** What the start script needs. */
export interface StartScriptInput {
  readonly role: KafkaNodeRole;
  readonly propertiesKey: string;
  /** The FQDN suffix of the pods: `<headless>.<namespace>.svc.<domain>`. */
  readonly podDomain: string;
  readonly clientListeners: readonly RenderedClientListener[];
  readonly scramUsers: readonly FormatTimeScramUser[];
}

/**
 * The container's start script: copies the properties, appends `node.id` (NODE_ID_OFFSET plus
 * the pod ordinal), and for brokers `broker.rack` (the zone the rack init container read from
 * the node) and `advertised.listeners`; formats the storage once (`--ignore-formatted`),
 * creating the SCRAM credentials on controllers (`--add-scram`); then starts Kafka.
 */
export function renderStartScript(input: StartScriptInput): string {
  const broker = input.role !== KafkaNodeRole.CONTROLLER;
  const controller = input.role !== KafkaNodeRole.BROKER;
  const advertised = [
    `${REPLICATION_LISTENER}://\${host}:${StatefulSetPorts.REPLICATION}`,
    ...input.clientListeners.map((l) => `${l.name}://\${host}:${l.port}`),
  ].join(',');
  const scramUsers = controller ? input.scramUsers : [];
  return [
    '#!/bin/bash',
    '# Generated by kafka-iac: per-pod settings, storage format, then Kafka.',
    'set -euo pipefail',
    'ordinal="${HOSTNAME##*-}"',
    'node_id=$((NODE_ID_OFFSET + ordinal))',
    `config=${KafkaPodPaths.RUNTIME_DIR}/server.properties`,
    `cp ${shellWord(`${KafkaPodPaths.CONFIG_DIR}/${input.propertiesKey}`)} "$config"`,
    'echo "node.id=${node_id}" >> "$config"',
    ...(broker ? [
      `host="\${HOSTNAME}.${inDoubleQuotes(input.podDomain)}"`,
      `rack="$(cat ${KafkaPodPaths.RACK_FILE})"`,
      'echo "broker.rack=${rack}" >> "$config"',
      `echo "advertised.listeners=${advertised}" >> "$config"`,
    ] : []),
    ...(scramUsers.length === 0
      ? ['/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config"']
      : formatWithScramLines(scramUsers)),
    'exec /opt/kafka/bin/kafka-server-start.sh "$config"',
    '',
  ].join('\n');
}

/**
 * The storage format on controllers, with the SCRAM credentials written into the bootstrap
 * metadata once. `kafka-storage.sh format` takes them only as `--add-scram` arguments (KIP-900;
 * apache/kafka `bin/kafka-storage.sh` is `exec kafka-run-class.sh kafka.tools.StorageTool "$@"`),
 * which every process of the node can read in `/proc/<pid>/cmdline`. So the arguments go into a
 * Java launcher argument file (mode 0600, memory volume) that `kafka-run-class.sh` passes to
 * `java` as `@<file>` after its options: the launcher (JDK 9+) expands it, and the command line
 * shows only the path. Each password is read from its mounted Secret file into an unexported
 * shell variable, never from the environment; the file is removed once the format ran.
 */
function formatWithScramLines(users: readonly FormatTimeScramUser[]): string[] {
  const argfile = `${KafkaPodPaths.RUNTIME_DIR}/kafka-storage.args`;
  return [
    '# The SCRAM credentials are written into the bootstrap metadata by the controllers, once.',
    '# The storage tool takes them only as --add-scram arguments (KIP-900); they go through a Java',
    '# argument file (java @file, JDK 9+) so that no command line carries a password.',
    JAVA_ARGFILE_WORD,
    `argfile=${shellWord(argfile)}`,
    'trap \'rm -f "$argfile"\' EXIT',
    '(',
    '  umask 077',
    '  {',
    '    for word in kafka.tools.StorageTool format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config"; do argfile_word "$word"; done',
    ...users.flatMap((u, i) => [
      `    ${readSecretFile('password', scramUserPasswordFile(i))}`,
      `    ${refuseLineBreak('password')}`,
      '    argfile_word --add-scram',
      `    argfile_word ${shellQuote(`SCRAM-SHA-512=[name=${u.user},password=`)}"$password"']'`,
    ]),
    '  } > "$argfile"',
    ')',
    '/opt/kafka/bin/kafka-run-class.sh "@$argfile"',
    'rm -f "$argfile"',
    'trap - EXIT',
  ];
}

/**
 * The rack init container's script: reads the node's zone label through the Kubernetes API
 * (a ServiceAccount allowed to `get` nodes) and writes it to the rack file.
 */
export function renderRackScript(topologyKey: string): string {
  const key = topologyKey.replace(/[.]/g, '\\.');
  return [
    'set -eu',
    `api=https://kubernetes.default.svc/api/v1/nodes/\${NODE_NAME}`,
    `zone="$(curl -fsS --retry 5 --cacert ${KafkaPodPaths.KUBE_API_ACCESS_DIR}/ca.crt -H "Authorization: Bearer $(cat ${KafkaPodPaths.KUBE_API_ACCESS_DIR}/token)" "$api" | grep -o '"${key}": *"[^"]*"' | head -n 1 | sed 's/.*"\\([^"]*\\)"$/\\1/')"`,
    `if [ -z "$zone" ]; then echo "node \${NODE_NAME} has no ${topologyKey} label" >&2; exit 1; fi`,
    `printf '%s' "$zone" > ${KafkaPodPaths.RACK_FILE}`,
    'echo "broker.rack=$zone"',
  ].join('\n');
}
