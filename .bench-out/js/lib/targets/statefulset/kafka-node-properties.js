"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaPodPaths = exports.REPLICATION_LISTENER = exports.CONTROLLER_LISTENER = exports.StatefulSetPorts = exports.KafkaNodeRole = void 0;
exports.propertiesKeyOf = propertiesKeyOf;
exports.renderKafkaNodeProperties = renderKafkaNodeProperties;
exports.renderLog4j2Properties = renderLog4j2Properties;
exports.kraftClusterId = kraftClusterId;
exports.renderStartScript = renderStartScript;
exports.renderRackScript = renderRackScript;
const node_crypto_1 = require("node:crypto");
const statefulset_listener_1 = require("./statefulset-listener");
/** The role a StatefulSet's pods play in KRaft (`process.roles`). */
var KafkaNodeRole;
(function (KafkaNodeRole) {
    /** KRaft controllers only (`process.roles=controller`). */
    KafkaNodeRole["CONTROLLER"] = "controller";
    /** Brokers only (`process.roles=broker`). */
    KafkaNodeRole["BROKER"] = "broker";
    /** One node with both roles (`process.roles=broker,controller`): development only. */
    KafkaNodeRole["COMBINED"] = "combined";
})(KafkaNodeRole || (exports.KafkaNodeRole = KafkaNodeRole = {}));
/** Fixed ports of the StatefulSet target. */
exports.StatefulSetPorts = {
    /** The KRaft controller listener (SSL, `ssl.client.auth=required`). */
    CONTROLLER: 9090,
    /** The inter-broker listener (SASL_SSL, SCRAM-SHA-512). */
    REPLICATION: 9091,
    /** The JMX exporter agent in every Kafka pod (`tcp-prometheus`). */
    METRICS: 9404,
    /** Kafka Exporter (`tcp-prometheus`). */
    KAFKA_EXPORTER: 9308,
};
/** The listener names the cluster owns. */
exports.CONTROLLER_LISTENER = 'CONTROLLER';
exports.REPLICATION_LISTENER = 'REPLICATION';
/** Where things are inside a Kafka pod. */
exports.KafkaPodPaths = {
    CONFIG_DIR: '/etc/kafka-iac/config',
    TLS_DIR: '/etc/kafka-iac/tls',
    SECRETS_DIR: '/etc/kafka-iac/secrets',
    KEYSTORE_PASSWORD_DIR: '/etc/kafka-iac/secrets/keystore-password',
    BROKER_SCRAM_DIR: '/etc/kafka-iac/secrets/broker-scram',
    RUNTIME_DIR: '/var/run/kafka-iac',
    RACK_FILE: '/var/run/kafka-iac/rack',
    DATA_DIR: '/var/lib/kafka/data',
    LOG_DIR: '/var/log/kafka',
    JMX_EXPORTER_DIR: '/opt/jmx-exporter',
    JMX_EXPORTER_JAR: '/opt/jmx-exporter/jmx_prometheus_javaagent.jar',
    KUBE_API_ACCESS_DIR: '/var/run/kafka-iac/kube-api-access',
};
/** The ConfigMap key of a role's properties file. PERF-001 and the HA rules read `server.properties`. */
function propertiesKeyOf(role) {
    return role === KafkaNodeRole.CONTROLLER ? 'controller.properties' : 'server.properties';
}
/**
 * The properties file of one role, without the per-pod keys (`node.id`, `broker.rack`,
 * `advertised.listeners`), which the start script appends. Every password is a
 * `${dir:<directory>:<file>}` reference resolved by Kafka's DirectoryConfigProvider from a
 * mounted Secret, so no secret value is in the ConfigMap (SEC-009).
 * Pure: the same input gives the same, newly built, object.
 */
function renderKafkaNodeProperties(input) {
    const broker = input.role !== KafkaNodeRole.CONTROLLER;
    const controller = input.role !== KafkaNodeRole.BROKER;
    const listeners = [];
    const protocolMap = [`${exports.CONTROLLER_LISTENER}:SSL`];
    if (controller)
        listeners.push(`${exports.CONTROLLER_LISTENER}://:${exports.StatefulSetPorts.CONTROLLER}`);
    const out = {
        'process.roles': input.role === KafkaNodeRole.COMBINED ? 'broker,controller' : input.role,
        'controller.listener.names': exports.CONTROLLER_LISTENER,
        'controller.quorum.voters': input.quorumVoters,
        'log.dirs': `${exports.KafkaPodPaths.DATA_DIR}/logs`,
        // Config providers: passwords are read from mounted Secrets, never written here.
        'config.providers': 'dir',
        'config.providers.dir.class': 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
        'config.providers.dir.param.allowed.paths': exports.KafkaPodPaths.SECRETS_DIR,
        // TLS everywhere (SEC-001, SEC-002): a PKCS#12 keystore and truststore issued by cert-manager.
        'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2',
        'ssl.protocol': 'TLSv1.3',
        'ssl.endpoint.identification.algorithm': 'https',
        'ssl.keystore.type': 'PKCS12',
        'ssl.keystore.location': `${exports.KafkaPodPaths.TLS_DIR}/keystore.p12`,
        'ssl.keystore.password': `\${dir:${exports.KafkaPodPaths.KEYSTORE_PASSWORD_DIR}:password}`,
        'ssl.truststore.type': 'PKCS12',
        'ssl.truststore.location': `${exports.KafkaPodPaths.TLS_DIR}/truststore.p12`,
        'ssl.truststore.password': `\${dir:${exports.KafkaPodPaths.KEYSTORE_PASSWORD_DIR}:password}`,
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
        listeners.push(`${exports.REPLICATION_LISTENER}://:${exports.StatefulSetPorts.REPLICATION}`);
        protocolMap.push(`${exports.REPLICATION_LISTENER}:SASL_SSL`);
        out['inter.broker.listener.name'] = exports.REPLICATION_LISTENER;
        out['sasl.mechanism.inter.broker.protocol'] = 'SCRAM-SHA-512';
        out['sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
        out['listener.name.replication.sasl.enabled.mechanisms'] = 'SCRAM-SHA-512';
        out['listener.name.replication.scram-sha-512.sasl.jaas.config'] =
            `org.apache.kafka.common.security.scram.ScramLoginModule required username="${input.interBrokerUser}" password="\${dir:${exports.KafkaPodPaths.BROKER_SCRAM_DIR}:password}";`;
        for (const l of input.clientListeners) {
            listeners.push(`${l.name}://:${l.port}`);
            protocolMap.push(`${l.name}:${l.protocol}`);
            const prefix = `listener.name.${l.name.toLowerCase()}`;
            if (l.protocol === statefulset_listener_1.KafkaListenerProtocol.SASL_SSL) {
                out[`${prefix}.sasl.enabled.mechanisms`] = 'SCRAM-SHA-512';
                out[`${prefix}.scram-sha-512.sasl.jaas.config`] = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
            }
            else {
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
function renderLog4j2Properties(authorizerLevel) {
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
function kraftClusterId(seed) {
    return (0, node_crypto_1.createHash)('sha256').update(seed).digest().subarray(0, 16).toString('base64url');
}
/**
 * The container's start script: copies the properties, appends `node.id` (NODE_ID_OFFSET plus
 * the pod ordinal), and for brokers `broker.rack` (the zone the rack init container read from
 * the node) and `advertised.listeners`; formats the storage once (`--ignore-formatted`),
 * creating the SCRAM credentials on controllers (`--add-scram`); then starts Kafka.
 */
function renderStartScript(input) {
    const broker = input.role !== KafkaNodeRole.CONTROLLER;
    const controller = input.role !== KafkaNodeRole.BROKER;
    const advertised = [
        `${exports.REPLICATION_LISTENER}://\${host}:${exports.StatefulSetPorts.REPLICATION}`,
        ...input.clientListeners.map((l) => `${l.name}://\${host}:${l.port}`),
    ].join(',');
    const scram = controller
        ? input.scramUsers.map((u) => ` --add-scram "SCRAM-SHA-512=[name=${u.user},password=\${${u.passwordEnv}}]"`).join('')
        : '';
    return [
        '#!/bin/bash',
        '# Generated by kafka-iac: per-pod settings, storage format, then Kafka.',
        'set -euo pipefail',
        'ordinal="${HOSTNAME##*-}"',
        'node_id=$((NODE_ID_OFFSET + ordinal))',
        `config=${exports.KafkaPodPaths.RUNTIME_DIR}/server.properties`,
        `cp ${exports.KafkaPodPaths.CONFIG_DIR}/${input.propertiesKey} "$config"`,
        'echo "node.id=${node_id}" >> "$config"',
        ...(broker ? [
            `host="\${HOSTNAME}.${input.podDomain}"`,
            `rack="$(cat ${exports.KafkaPodPaths.RACK_FILE})"`,
            'echo "broker.rack=${rack}" >> "$config"',
            `echo "advertised.listeners=${advertised}" >> "$config"`,
        ] : []),
        '# The SCRAM credentials are written into the bootstrap metadata by the controllers, once.',
        `/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$config"${scram}`,
        'exec /opt/kafka/bin/kafka-server-start.sh "$config"',
        '',
    ].join('\n');
}
/**
 * The rack init container's script: reads the node's zone label through the Kubernetes API
 * (a ServiceAccount allowed to `get` nodes) and writes it to the rack file.
 */
function renderRackScript(topologyKey) {
    const key = topologyKey.replace(/[.]/g, '\\.');
    return [
        'set -eu',
        `api=https://kubernetes.default.svc/api/v1/nodes/\${NODE_NAME}`,
        `zone="$(curl -fsS --retry 5 --cacert ${exports.KafkaPodPaths.KUBE_API_ACCESS_DIR}/ca.crt -H "Authorization: Bearer $(cat ${exports.KafkaPodPaths.KUBE_API_ACCESS_DIR}/token)" "$api" | grep -o '"${key}": *"[^"]*"' | head -n 1 | sed 's/.*"\\([^"]*\\)"$/\\1/')"`,
        `if [ -z "$zone" ]; then echo "node \${NODE_NAME} has no ${topologyKey} label" >&2; exit 1; fi`,
        `printf '%s' "$zone" > ${exports.KafkaPodPaths.RACK_FILE}`,
        'echo "broker.rack=$zone"',
    ].join('\n');
}
