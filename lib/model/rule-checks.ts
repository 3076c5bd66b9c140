import { KafkaIacError } from './errors';
import { KafkaVersion } from './kafka-version';

/**
 * What a rule refuses in a value, worded once. A constructor that refuses the value throws it
 * (`refuse`), and the rule that finds the same value in a synthesized document reports it with
 * the same expected value and fix, so each rule has one wording.
 */
export interface RuleRefusal {
  /** The rule ID, such as `HA-005`. */
  readonly ruleId: string;
  /** What the rule expects. */
  readonly expected: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Throws a refusal as the construction error `<rule> [<path>] <prop> is <value>; expected <expected>. <fix>`. */
export function refuse(path: string, prop: string, value: unknown, refusal: RuleRefusal | undefined): void {
  if (refusal) throw refusalError(path, prop, value, refusal);
}

/**
 * Throws every refusal that applies, one line each (`KafkaIacError.combined`): a value that
 * breaks two rules is reported by both. Each entry is `[path, prop, value, refusal]`.
 */
export function refuseAll(checks: readonly (readonly [string, string, unknown, RuleRefusal | undefined])[]): void {
  const errors = checks.filter(([, , , r]) => r !== undefined).map(([path, prop, value, r]) => refusalError(path, prop, value, r!));
  if (errors.length > 0) throw KafkaIacError.combined(errors);
}

/** A refusal as the construction error, for a branch that always refuses. */
export function refusalError(path: string, prop: string, value: unknown, refusal: RuleRefusal): KafkaIacError {
  return KafkaIacError.invalidProp({ code: refusal.ruleId, path, prop, found: value, expected: refusal.expected, fix: refusal.fix });
}

/** The KRaft controller counts HA-005 accepts. */
export const KRAFT_QUORUM_SIZES: readonly number[] = [3, 5, 7];

/** HA-005: a KRaft quorum of 3 or 5 controllers (7 allowed). */
export function checkControllerCount(count: number): RuleRefusal | undefined {
  if (KRAFT_QUORUM_SIZES.includes(count)) return undefined;
  return {
    ruleId: 'HA-005',
    expected: 'an odd KRaft quorum of 3 or 5 controllers (7 allowed); an even quorum tolerates no more failures than the odd number below it',
    fix: `Set controllers: { replicas: ${count === 4 || count === 6 ? 5 : 3} }.`,
  };
}

/**
 * Whether a controller count may be built at all: a single controller is a development quorum
 * (HA-005 reports it at synthesis, a warning in development); any other count outside 3, 5, 7 is
 * refused in every environment.
 */
export function refuseControllerCount(path: string, prop: string, count: number): void {
  if (count !== 1) refuse(path, prop, count, checkControllerCount(count));
}

/**
 * The image repositories whose tag is the Apache Kafka version: the Apache Kafka project's
 * `apache/kafka` and `apache/kafka-native` (apache/kafka `docker/README.md`), from any registry
 * or mirror that keeps that path. A vendor image's tag is the vendor's release, not the Kafka
 * version (confluentinc/cp-kafka 7.x ships Kafka 3.x), so its Kafka version is unknown.
 */
const APACHE_KAFKA_REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?\/)*apache\/kafka(?:-native)?$/;

/** Whether an image repository is the Apache Kafka image, whose tag is the Kafka version. */
export function isApacheKafkaRepository(repository: string): boolean {
  return APACHE_KAFKA_REPOSITORY.test(repository);
}

/** The Kafka version of a container image, or undefined when the image does not tell it. */
export function kafkaVersionOfImage(image: string): string | undefined {
  const m = /^(.+):([^:/@]+)$/.exec(image);
  if (!m || !isApacheKafkaRepository(m[1]) || !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(m[2])) return undefined;
  return m[2];
}

/** HA-005 on the StatefulSet: the Kafka image is Apache Kafka 4.x (KRaft only), known from its tag. */
export function checkKafkaImage(image: string): RuleRefusal | undefined {
  const version = kafkaVersionOfImage(image);
  if (version !== undefined && KafkaVersion.isKafka4(version)) return undefined;
  return {
    ruleId: 'HA-005',
    expected: 'an Apache Kafka 4.x image tagged with its version (apache/kafka:4.x.y or apache/kafka-native:4.x.y, from any registry that keeps that path), which runs KRaft only; '
      + (version === undefined ? "this image's Kafka version is unknown (a vendor tag or a digest does not tell it)" : `this image runs Kafka ${version}`),
    fix: "Set kafkaVersion: KafkaVersion.V4_3_1, and imageRepository to 'apache/kafka' or a mirror that keeps its path (registry.example.com/apache/kafka).",
  };
}

/** SEC-001: a client listener is TLS (`tls: true`). */
export function checkListenerTls(tls: unknown): RuleRefusal | undefined {
  if (tls === true) return undefined;
  return {
    ruleId: 'SEC-001',
    expected: 'true: plaintext listeners are refused in every environment',
    fix: 'Remove tls: false, or the override that sets it (listeners are TLS by default).',
  };
}

/** The fewest brokers HA-001 accepts in staging and production. */
export const MIN_BROKERS = 3;

/** The constructs whose broker count HA-001 checks, for the fix it names. */
export type BrokerCountConstruct = 'StrimziKafkaCluster' | 'KafkaStatefulSetCluster' | 'MskCluster';

const BROKER_COUNT_FIX: Readonly<Record<BrokerCountConstruct, string>> = {
  StrimziKafkaCluster: 'Give the broker node pools at least 3 replicas in total (StrimziKafkaCluster brokerPools: [{ replicas: 3 }]).',
  KafkaStatefulSetCluster: 'Set brokers: { replicas: 3 } on the KafkaStatefulSetCluster (and remove combinedNode outside development).',
  MskCluster: 'Set brokers on the MskCluster to at least 3, a multiple of the zone count (brokers: 3 over 3 zones).',
};

/** HA-001: at least 3 brokers (the replicas of the broker node pools, or of the broker StatefulSet). */
export function checkBrokerCount(brokers: number, construct: BrokerCountConstruct): RuleRefusal | undefined {
  if (Number.isInteger(brokers) && brokers >= MIN_BROKERS) return undefined;
  return { ruleId: 'HA-001', expected: 'at least 3 brokers', fix: BROKER_COUNT_FIX[construct] };
}

/**
 * Whether a broker count may be built at all: 1 or 2 brokers are a development cluster (HA-001
 * reports them at synthesis, a warning in development); a count that is not a positive whole
 * number is refused in every environment.
 */
export function refuseBrokerCount(path: string, prop: string, brokers: number, construct: BrokerCountConstruct): void {
  if (!Number.isInteger(brokers) || brokers < 1) refuse(path, prop, brokers, checkBrokerCount(brokers, construct));
}

/**
 * HA-006: a broker count that is a multiple of the zone count. On MSK the zones are the client
 * subnets, one per zone, and MSK refuses any other count.
 * @param brokers the broker count; `NaN` when it is not written as a number
 */
export function checkBrokersPerZone(brokers: number, zones: number): RuleRefusal | undefined {
  if (Number.isInteger(brokers) && brokers > 0 && zones > 0 && brokers % zones === 0) return undefined;
  const per = zones > 0 ? zones : 3;
  return {
    ruleId: 'HA-006',
    expected: `a multiple of the subnet count (${zones}), one subnet per zone: MSK places the same number of brokers in every zone`,
    fix: `Set brokers: ${per * Math.max(1, Math.ceil((Number(brokers) || 1) / per))} (a multiple of ${per}).`,
  };
}

/**
 * SEC-003: a Strimzi listener authenticates its clients, as `authentication.type`
 * `scram-sha-512`, `tls` (mutual TLS) or `custom` (OAuth bearer).
 */
export function checkListenerAuthentication(type: unknown, listener: string): RuleRefusal | undefined {
  if (type === 'scram-sha-512' || type === 'tls' || type === 'custom') return undefined;
  return {
    ruleId: 'SEC-003',
    expected: "'scram-sha-512', 'tls' (mutual TLS) or 'custom' (OAuth bearer): unauthenticated access is refused",
    fix: `Set authentication: ClientAuthentication.scramSha512() (type 'scram-sha-512'), .mutualTls() or .oauthBearer() on listener ${listener}.`,
  };
}

/**
 * SEC-003 on the StatefulSet: a listener authenticates its clients. Kafka's PLAINTEXT protocol
 * (or a listener with no protocol) authenticates no one: every client is `ANONYMOUS`. The
 * constructor refuses a listener declared without authentication in the same words.
 * @param protocol the listener's security protocol (`listener.security.protocol.map`), undefined when not mapped
 * @param listener the listener name, as declared (lower case) or as in `listeners`
 */
export function checkListenerProtocolAuthenticates(protocol: string | undefined, listener: string): RuleRefusal | undefined {
  if (protocol === 'SSL' || protocol === 'SASL_SSL' || protocol === 'SASL_PLAINTEXT') return undefined;
  const name = listener.toLowerCase();
  return {
    ruleId: 'SEC-003',
    expected: 'ClientAuthentication.scramSha512() or .mutualTls(), rendered as SASL_SSL with SCRAM-SHA-512 or SSL with ssl.client.auth=required: a listener that authenticates no one makes every client ANONYMOUS',
    fix: `Set authentication: ClientAuthentication.scramSha512() (or .mutualTls()) on listener ${name}; in the properties, map ${name.toUpperCase()}:SASL_SSL with listener.name.${name}.sasl.enabled.mechanisms=SCRAM-SHA-512.`,
  };
}

/** The client authentication modes an MSK cluster turns on. */
export interface MskAuthenticationModes {
  readonly scram: boolean;
  readonly iam: boolean;
  readonly mutualTls: boolean;
}

/** SEC-003 on MSK: at least one of SCRAM, IAM or mutual TLS is on (MSK has no SASL/PLAIN). */
export function checkMskAuthenticationModes(modes: MskAuthenticationModes): RuleRefusal | undefined {
  if (modes.scram || modes.iam || modes.mutualTls) return undefined;
  return {
    ruleId: 'SEC-003',
    expected: 'SCRAM, IAM or mutual TLS',
    fix: 'Set authentication: [ClientAuthentication.iam()] or .scramSha512() on the MskCluster.',
  };
}

/** The SASL mechanism names of a `sasl.enabled.mechanisms` value, upper case, without empty entries. */
export function saslMechanismsOf(value: string): string[] {
  return value.toUpperCase().split(',').map((m) => m.trim()).filter((m) => m !== '');
}

/** SEC-003: no SASL/PLAIN among a listener's SASL mechanisms (upper-case names). */
export function checkNoSaslPlain(mechanisms: readonly string[]): RuleRefusal | undefined {
  if (!mechanisms.includes('PLAIN')) return undefined;
  return {
    ruleId: 'SEC-003',
    expected: 'no SASL/PLAIN (passwords sent as they are inside TLS, no salted storage)',
    fix: 'Remove PLAIN from sasl.enabled.mechanisms; use SCRAM-SHA-512 or OAUTHBEARER.',
  };
}
