/**
 * The `spec.kafka.config` keys that Strimzi 1.2 does not pass to the brokers: the operator
 * owns them (listeners, TLS, SASL, authorization, KRaft roles, storage paths) and silently
 * drops a user value. A setting that is silently dropped is a rule that silently fails, so the
 * library refuses them at construction and the rules refuse them in the output.
 *
 * Each family is charged to the rule whose setting would be lost. Pure data, no cdk8s types.
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaClusterSpec-reference
 */
export interface StrimziForbiddenConfigFamily {
  /** Key prefixes (a key is forbidden when it starts with one of them). */
  readonly prefixes: readonly string[];
  /** Exact keys under those prefixes that Strimzi passes through. */
  readonly exceptions: readonly string[];
  /** The rule whose setting is lost when such a key is dropped. */
  readonly ruleId: string;
  /** What to use instead. */
  readonly instead: string;
}

/** The forbidden key families of `Kafka.spec.kafka.config` in Strimzi 1.2, by the rule they affect. */
export const STRIMZI_FORBIDDEN_CONFIG: readonly StrimziForbiddenConfigFamily[] = [
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

/** A forbidden key found in a config, with the family that forbids it. */
export interface StrimziForbiddenConfigKey {
  readonly key: string;
  readonly prefix: string;
  readonly family: StrimziForbiddenConfigFamily;
}

/** The family and prefix that forbid `key`, or undefined when Strimzi passes it to the brokers. */
export function strimziForbiddenFamilyOf(key: string): { readonly prefix: string; readonly family: StrimziForbiddenConfigFamily } | undefined {
  for (const family of STRIMZI_FORBIDDEN_CONFIG) {
    if (family.exceptions.includes(key)) return undefined;
    const prefix = family.prefixes.find((p) => key.startsWith(p));
    if (prefix !== undefined) return { prefix, family };
  }
  return undefined;
}

/** The forbidden keys of a `spec.kafka.config` map, optionally only those charged to one rule. */
export function strimziForbiddenConfigKeys(config: Readonly<Record<string, unknown>>, ruleId?: string): StrimziForbiddenConfigKey[] {
  const out: StrimziForbiddenConfigKey[] = [];
  for (const key of Object.keys(config).sort()) {
    const hit = strimziForbiddenFamilyOf(key);
    if (hit && (ruleId === undefined || hit.family.ruleId === ruleId)) out.push({ key, ...hit });
  }
  return out;
}
