"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STRIMZI_FORBIDDEN_CONFIG = void 0;
exports.strimziForbiddenFamilyOf = strimziForbiddenFamilyOf;
exports.strimziForbiddenConfigKeys = strimziForbiddenConfigKeys;
/** The forbidden key families of `Kafka.spec.kafka.config` in Strimzi 1.2, by the rule they affect. */
exports.STRIMZI_FORBIDDEN_CONFIG = [
    {
        prefixes: ['listeners', 'advertised.', 'listener.', 'inter.broker.listener.name', 'security.', 'host.name', 'port'],
        exceptions: [],
        ruleId: 'SEC-001',
        instead: 'declare listeners with the construct (spec.kafka.listeners: tls: true); Strimzi writes the listener and protocol settings itself',
    },
    {
        prefixes: ['ssl.'],
        exceptions: ['ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols', 'ssl.secure.random.implementation'],
        ruleId: 'SEC-002',
        instead: 'only ssl.enabled.protocols, ssl.protocol, ssl.cipher.suites and ssl.secure.random.implementation are passed; certificates come from the operator-managed CAs',
    },
    {
        prefixes: ['sasl.', 'password.'],
        exceptions: ['sasl.server.max.receive.size'],
        ruleId: 'SEC-003',
        instead: "set the listener's authentication (scram-sha-512, tls, or custom with listenerConfig)",
    },
    {
        prefixes: ['authorizer.', 'super.user'],
        exceptions: [],
        ruleId: 'SEC-004',
        instead: 'use spec.kafka.authorization (type simple, superUsers: the declared admins)',
    },
    {
        prefixes: ['node.id', 'process.roles', 'controller.', 'metadata.log.dir', 'zookeeper.'],
        exceptions: ['controller.quorum.election.backoff.max.ms', 'controller.quorum.election.timeout.ms', 'controller.quorum.fetch.timeout.ms'],
        ruleId: 'HA-005',
        instead: 'declare the KRaft roles with KafkaNodePools (a controller pool of 3 or 5)',
    },
    {
        prefixes: ['broker.'],
        exceptions: [],
        ruleId: 'HA-007',
        instead: 'use spec.kafka.rack.topologyKey (topology.kubernetes.io/zone); Strimzi sets broker.rack and node IDs itself',
    },
    {
        prefixes: ['log.dir'],
        exceptions: [],
        ruleId: 'HA-011',
        instead: 'declare storage on the KafkaNodePool (persistent-claim volumes); Strimzi sets the log directories',
    },
    {
        prefixes: ['cruise.control.metrics.topic', 'cruise.control.metrics.reporter.bootstrap.servers'],
        exceptions: [
            'cruise.control.metrics.topic.num.partitions', 'cruise.control.metrics.topic.replication.factor',
            'cruise.control.metrics.topic.retention.ms', 'cruise.control.metrics.topic.auto.create.retries',
            'cruise.control.metrics.topic.auto.create.timeout.ms', 'cruise.control.metrics.topic.min.insync.replicas',
        ],
        ruleId: 'HA-002',
        instead: 'configure Cruise Control through spec.cruiseControl; only the metrics topic sizing keys are passed',
    },
];
/** The family and prefix that forbid `key`, or undefined when Strimzi passes it to the brokers. */
function strimziForbiddenFamilyOf(key) {
    for (const family of exports.STRIMZI_FORBIDDEN_CONFIG) {
        if (family.exceptions.includes(key))
            return undefined;
        const prefix = family.prefixes.find((p) => key.startsWith(p));
        if (prefix !== undefined)
            return { prefix, family };
    }
    return undefined;
}
/** The forbidden keys of a `spec.kafka.config` map, optionally only those charged to one rule. */
function strimziForbiddenConfigKeys(config, ruleId) {
    const out = [];
    for (const key of Object.keys(config).sort()) {
        const hit = strimziForbiddenFamilyOf(key);
        if (hit && (ruleId === undefined || hit.family.ruleId === ruleId))
            out.push({ key, ...hit });
    }
    return out;
}
