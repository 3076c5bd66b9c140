import { KafkaIacError } from '../errors';
import { isUnresolved } from './tokens';

/** Where a checked value sits, for the error. */
export interface GrammarSite {
  /** Rule ID or error code. */
  readonly code: string;
  /** Construct path or the name of what is configured. */
  readonly path: string;
  readonly prop: string;
}

function expectString(value: unknown, site: GrammarSite, grammar: string, fix: string): value is string {
  if (typeof value === 'string') return true;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/** DNS-1123 label (Kubernetes names of Services, namespaces): `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && value.split('.').every((l) => DNS_1123_LABEL.test(l));
}

/** A Kubernetes namespace: a DNS-1123 label. @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/ */
export function checkNamespace(value: unknown, site: GrammarSite): string {
  return dns1123Label(value, site, "Use a namespace such as 'kafka'.");
}

/** A DNS-1123 label (a Kubernetes object name that must be a label). */
export function checkDnsLabel(value: unknown, site: GrammarSite): string {
  return dns1123Label(value, site, "Use a name such as 'orders-kafka'.");
}

function dns1123Label(value: unknown, site: GrammarSite, fix: string): string {
  const grammar = "a DNS-1123 label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit";
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || DNS_1123_LABEL.test(value))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/** The characters of a DNS-1123 label, at any length. */
const DNS_LABEL_CHARACTERS = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A name that the names of Kubernetes objects are built from (a cluster's pods and Services, a
 * node pool's pods): the characters of a DNS-1123 label and, with `maxLength`, short enough that
 * the names built from it stay labels. A literal, since those names are written at synthesis.
 */
export function checkNameOfObjects(value: string, site: GrammarSite, rule: { readonly maxLength?: number; readonly grammar: string; readonly fix: string }): string {
  if (!DNS_LABEL_CHARACTERS.test(value) || value.length > (rule.maxLength ?? Infinity)) {
    throw KafkaIacError.grammar({ ...site, found: value, grammar: rule.grammar, fix: rule.fix });
  }
  return value;
}

/** The Kubernetes cluster DNS domain (`cluster.local`): a DNS-1123 subdomain. */
export function checkClusterDomain(value: unknown, site: GrammarSite): string {
  const grammar = 'a DNS-1123 subdomain such as cluster.local: labels of lower-case letters, digits and \'-\' joined by dots, at most 253 characters';
  const fix = "Use the kubelet's --cluster-domain, usually 'cluster.local'.";
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || isDns1123Subdomain(value))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * A Kubernetes label value: empty, or at most 63 characters of `[A-Za-z0-9._-]` starting and
 * ending with an alphanumeric. @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export function checkLabelValue(value: unknown, site: GrammarSite): string {
  const grammar = "a label value: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
  const fix = 'Shorten the value or replace the other characters with -.';
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/.test(value))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * A Kafka topic name as Kafka's `Topic.validate` accepts it: 1 to 249 of `[a-zA-Z0-9._-]`, not
 * `.` or `..`. @see apache/kafka clients/src/main/java/org/apache/kafka/common/internals/Topic.java
 */
export function checkTopicName(value: unknown, site: GrammarSite): string {
  const grammar = "a Kafka topic name: 1 to 249 letters, digits, '.', '_' and '-', not '.' or '..'";
  const fix = "Use a name such as 'orders' or 'orders.v1'.";
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || (/^[A-Za-z0-9._-]{1,249}$/.test(value) && value !== '.' && value !== '..'))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * Kafka's collision rule: `.` and `_` map to the same metric name, so `a.b` and `a_b` collide
 * (`Topic.hasCollision`): two different topic names collide when their keys are equal. Keep a map
 * from key to topic to find a collision in O(1) per added topic (`AccessModel.addTopic`).
 */
export function topicCollisionKey(name: string): string {
  return name.replace(/\./g, '_');
}

/**
 * A transactional id or consumer group id: any non-empty string Kafka accepts (the writers
 * escape it for every format), without control characters, at most 32,767 characters (a Kafka
 * protocol STRING).
 */
export function checkClientId(value: unknown, site: GrammarSite): string {
  const grammar = 'a non-empty id of at most 32767 characters without control characters';
  const fix = "Use an id such as 'orders-tx'.";
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || (value.length > 0 && value.length <= 32767 && !/[\x00-\x1f\x7f]/.test(value)))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * An absolute POSIX path without control characters (paths that reach scripts: the writers
 * quote them, this keeps them meaningful).
 */
export function checkAbsolutePath(value: unknown, site: GrammarSite): string {
  const grammar = 'an absolute path (starting with /) without control characters';
  const fix = "Use a path such as '/opt/kafka/bin'.";
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || (value.startsWith('/') && !/[\x00-\x1f\x7f]/.test(value)))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/** `bootstrap.servers`: comma-separated `host:port` pairs (host names, IPv4, or [IPv6]). */
export function checkBootstrapServers(value: unknown, site: GrammarSite): string {
  const grammar = "comma-separated host:port pairs such as 'kafka-bootstrap.kafka.svc:9093'";
  const fix = "Use the cluster's bootstrap address, for example 'orders-bootstrap.kafka.svc:9093'.";
  const hostPort = /^([A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || (value.length <= 4096 && value.split(',').every((hp) => hostPort.test(hp.trim()))))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * A Kafka configuration name as Kafka spells them (`log.retention.ms`,
 * `listener.name.SCRAM.scram-sha-512.sasl.jaas.config`): letters, digits and `.`, `_`, `-`
 * between them. Anything else (a backslash escape, a space, `=`) is not a configuration name
 * and would be read differently by java.util.Properties.
 */
export function checkConfigName(value: unknown, site: GrammarSite): string {
  const grammar = "a Kafka configuration name: letters and digits separated by '.', '_' or '-' (for example log.retention.ms)";
  const fix = 'Use the configuration name exactly as the Kafka documentation spells it.';
  if (expectString(value, site, grammar, fix) && value.length <= 255 && /^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/.test(value)) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/** An IAM role name: 1 to 64 of `[A-Za-z0-9+=,.@_-]`. @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
export function checkIamRoleName(value: unknown, site: GrammarSite): string {
  const grammar = "an IAM role name: 1 to 64 letters, digits and + = , . @ _ -";
  const fix = "Use the role's name (not its ARN), for example 'orders-task-role'.";
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || /^[\w+=,.@-]{1,64}$/.test(value))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * An availability zone of `region`: the region code followed by a letter (`us-east-1a`), or a
 * Local Zone or Wavelength Zone of it (`us-west-2-lax-1a`, `us-east-1-wl1-bos-wlz-1`). A zone of
 * another region (`eu-west-1a` in us-east-1) is refused: MSK cannot place brokers there, and on
 * Kubernetes no node carries that `topology.kubernetes.io/zone`, so the pods would never schedule.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html ("an Availability Zone is represented by a Region code followed by a letter identifier")
 */
export function checkZoneOfRegion(value: unknown, region: string, site: GrammarSite): string {
  const grammar = `an availability zone of ${region}: ${region} followed by a letter (${region}a), or a Local Zone of ${region} (${region}-<zone>)`;
  const fix = `Use the zones of ${region}, for example ['${region}a', '${region}b', '${region}c'], or put the environment in the region of these zones.`;
  expectString(value, site, grammar, fix);
  const zone = value as string;
  if (isUnresolved(zone)) return zone;
  if (zone.startsWith(region)) {
    const rest = zone.slice(region.length);
    if (/^[a-z]$/.test(rest) || /^-[a-z0-9]+(-[a-z0-9]+)*$/.test(rest)) return zone;
  }
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * An MSK cluster name: MSK's `ClusterName`, a letter then letters, digits and '-', at most 64.
 * It reaches alarm names, CloudWatch dimensions and PromQL selectors.
 * @see https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html (ClusterName)
 */
export function checkMskClusterName(value: unknown, site: GrammarSite): string {
  const grammar = "an MSK cluster name: a letter, then letters, digits and '-', at most 64 characters";
  const fix = "Pass the cluster's name, for example cluster.clusterName or 'orders-kafka'.";
  if (expectString(value, site, grammar, fix) && (isUnresolved(value) || /^[a-zA-Z][a-zA-Z0-9-]{0,63}$/.test(value))) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * Where runbooks live (`runbookBaseUrl`): an http(s) URL or a relative path, without spaces,
 * quotes, backslashes, backticks, angle brackets or templates (`${`, `%{`, `{{`), since it is
 * written into alert annotations, alarm descriptions and Markdown.
 */
export function checkRunbookBaseUrl(value: unknown, site: GrammarSite): string {
  const grammar = 'an http(s) URL or a relative path without spaces, quotes, backslashes, backticks, angle brackets, braces or control characters';
  const fix = "Use a URL such as 'https://runbooks.example.com/kafka' or a path such as 'runbooks'.";
  if (expectString(value, site, grammar, fix) && value.length > 0 && value.length <= 2048 && /^[A-Za-z0-9._~:/?#[\]@!$&()*+,;=%-]+$/.test(value) && !/[$%]\{/.test(value)) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}

/**
 * Where Grafana serves (`grafanaUrl`): an absolute http(s) URL, with a sub-path if Grafana
 * has one (`root_url`), without query, fragment, spaces, quotes, parentheses, angle brackets or
 * templates, since runbook links `<grafanaUrl>/d/<uid>?viewPanel=<id>` are written into Markdown.
 */
export function checkGrafanaUrl(value: unknown, site: GrammarSite): string {
  const grammar = 'an absolute http(s) URL without query, fragment, spaces, quotes, parentheses, angle brackets, braces or control characters';
  const fix = "Use the URL people open Grafana at, such as 'https://grafana.example.com' or 'https://ops.example.com/grafana'.";
  if (expectString(value, site, grammar, fix) && value.length <= 2048 && /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~/@!$&*+,;=%:-]*)?$/.test(value) && !/[$%]\{/.test(value)) return value;
  throw KafkaIacError.grammar({ ...site, found: value, grammar, fix });
}
