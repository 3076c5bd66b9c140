import { topicCollisionKey } from '../grammar/names';
import { checkInteger, checkNumber } from '../grammar/numbers';
import { KAFKA_MAX_PARTITIONS_PER_TOPIC, KAFKA_MAX_REPLICATION_FACTOR, MAX_RETENTION_HOURS } from '../grammar/limits';
import type { ClientAuthentication } from '../client-authentication';
import { AuthenticationMechanism } from '../client-authentication';
import type { Environment } from '../environment';
import { KafkaIacError } from '../errors';
import { AclOperation, AclPermission, AclResource, AclResourceType, type AclEntry } from './acl';
import { nonAdminAclOperations } from './least-privilege';
import { Principal, PrincipalKind, type PrincipalProps } from './principal';
import { Topic, type ResolvedTopicSettings, type TopicProps } from './topic';
import { TopicPattern } from './topic-pattern';

/** Props of an `AccessModel`: the environment and the defaults of its topics. */
export interface AccessModelProps {
  /** The environment; its profile decides whether `*` grants to non-admins are refused (SEC-005). */
  readonly environment: Environment;
  /**
   * The model's name, used in error paths (`<name>/principals/orders`).
   * @default '<environment name>/access'
   */
  readonly name?: string;
  /**
   * The cluster's `default.replication.factor`, inherited by topics that set none.
   * @default 3
   * @see HA-002
   */
  readonly defaultReplicationFactor?: number;
  /**
   * The cluster's `min.insync.replicas`, inherited by topics that set none.
   * @default 2
   * @see HA-003
   */
  readonly defaultMinInsyncReplicas?: number;
  /**
   * Partitions of a topic that sets none.
   * @default 6
   */
  readonly defaultPartitions?: number;
}

/**
 * The cluster operations an admin gets: everything an operator needs (create topics, write
 * ACLs and dynamic configs, describe) but not ClusterAction, the inter-broker operation.
 * On MSK, whose brokers are super users but whose SCRAM clusters apply cluster ACLs, an ACL
 * on ClusterAction blocks the brokers' own requests (AWS re:Post, "how to create a super user
 * on MSK": "on resource type 'cluster' add ACLs for all operations except CLUSTER_ACTIONS (to
 * avoid blocking brokers, don't set ACLs on CLUSTER_ACTIONS)",
 * https://repost.aws/questions/QUPLKdkgDPQ_uH8LaLhB8bew/how-to-create-a-super-user-on-msk).
 * No admin tool needs it: kafka-acls.sh needs Alter on the cluster (CreateAcls), kafka-topics.sh
 * Create, kafka-configs.sh AlterConfigs.
 */
export const ADMIN_CLUSTER_OPERATIONS: readonly AclOperation[] = [
  AclOperation.ALTER, AclOperation.ALTER_CONFIGS, AclOperation.CREATE, AclOperation.DESCRIBE,
  AclOperation.DESCRIBE_CONFIGS, AclOperation.IDEMPOTENT_WRITE,
];

const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * Kafka's internal topics (`Topic.INTERNAL_TOPICS`): group offsets, transaction state and the
 * KRaft metadata log. No application may be granted them.
 * @see apache/kafka clients/src/main/java/org/apache/kafka/common/internals/Topic.java
 */
export const KAFKA_INTERNAL_TOPICS: readonly string[] = ['__consumer_offsets', '__transaction_state', '__cluster_metadata'];
const PRINCIPAL_NAME = /^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$/;

/**
 * Who may do what on a Kafka cluster, declared once and rendered for every target: Strimzi
 * `KafkaUser`/`KafkaTopic` (StrimziAccess), MSK IAM policies (MskIamAccess), `kafka-acls.sh`
 * lines for MSK SCRAM (MskScramAcls) and the StatefulSet admin Job (StatefulSetAccessJob).
 *
 * Plain values only (no cdktf or cdk8s types). Invalid declarations are refused at once:
 * duplicate names, principals without authentication, topics below HA-002/003, consumers
 * without a group, and (SEC-005) for non-admins: cluster rights other than IdempotentWrite
 * (and Describe for MirrorMaker 2), operations beyond `nonAdminAclOperations` (Delete, All,
 * Create or Alter on topics for an application) and, in staging and production, `*` grants.
 *
 * @example
 * const access = new AccessModel({ environment });
 * const orders = access.addTopic('orders', { partitions: 12 });
 * const checkout = access.addPrincipal('checkout', { authentication: ClientAuthentication.scramSha512() });
 * orders.grantProduce(checkout);
 * orders.grantConsume(billing, { group: 'billing' });
 */
export class AccessModel {
  public readonly environment: Environment;
  public readonly name: string;
  public readonly defaultReplicationFactor: number;
  public readonly defaultMinInsyncReplicas: number;
  public readonly defaultPartitions: number;
  private readonly topicMap = new Map<string, Topic>();
  /** Each topic under its collision key (`.` as `_`), to find a colliding earlier topic in O(1). */
  private readonly topicByCollisionKey = new Map<string, string>();
  private readonly principalMap = new Map<string, Principal>();
  private readonly patternList: TopicPattern[] = [];

  public constructor(props: AccessModelProps) {
    KafkaIacError.required(props, { code: 'KIAC-PROP', path: 'AccessModel', prop: 'props', expected: 'the props of AccessModel', fix: 'Pass { environment }.' });
    KafkaIacError.required(props.environment, { code: 'KIAC-PROP', path: 'AccessModel', prop: 'environment', expected: 'an Environment', fix: "Pass { environment: Environment.production({ name: 'production', region: 'eu-west-1' }) }." });
    this.environment = props.environment;
    this.name = props.name ?? `${props.environment.name}/access`;
    this.defaultReplicationFactor = props.defaultReplicationFactor ?? 3;
    this.defaultMinInsyncReplicas = props.defaultMinInsyncReplicas ?? 2;
    this.defaultPartitions = props.defaultPartitions ?? 6;
  }

  /** Declared topics, in declaration order. */
  public get topics(): readonly Topic[] {
    return [...this.topicMap.values()];
  }

  /** Declared principals, in declaration order. */
  public get principals(): readonly Principal[] {
    return [...this.principalMap.values()];
  }

  /** Every ACL entry of every principal. */
  public get acls(): readonly AclEntry[] {
    return this.principals.flatMap((p) => p.acls);
  }

  /** The principal with this name, if declared. */
  public principal(name: string): Principal | undefined {
    return this.principalMap.get(name);
  }

  /** The topic with this name, if declared. */
  public topic(name: string): Topic | undefined {
    return this.topicMap.get(name);
  }

  /**
   * Declares a topic. It inherits the cluster defaults and is checked against HA-002 (RF ≥ 3 in
   * staging and production) and HA-003 (min ISR ≥ 2 there, and always below the RF).
   */
  public addTopic(name: string, props: TopicProps = {}): Topic {
    const path = `${this.name}/topics/${name}`;
    if (typeof name !== 'string' || !TOPIC_NAME.test(name) || name === '.' || name === '..') {
      throw KafkaIacError.grammar({
        code: 'KIAC-TOPIC', path, prop: 'name', found: name,
        grammar: "a Kafka topic name: letters, digits, '.', '_', '-', at most 249 characters",
        fix: "Name the topic, for example 'orders'. For every topic use access.anyTopic(); for a prefix, access.topicsWithPrefix('orders.').",
      });
    }
    if (KAFKA_INTERNAL_TOPICS.includes(name)) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path, prop: 'name', found: name,
        expected: `a topic of the applications; ${KAFKA_INTERNAL_TOPICS.join(', ')} are Kafka's internal topics, which the brokers alone manage and no application is granted`,
        fix: 'Declare the application topics only. Consumers commit offsets through their consumer group (grantConsume gives Read on the group), never through __consumer_offsets.',
      });
    }
    if (this.topicMap.has(name)) throw KafkaIacError.duplicate('KIAC-TOPIC', path, 'topic', name);
    // Two declared topics never share a key (the second would have collided), so the one found is the earlier name.
    const collisionKey = topicCollisionKey(name);
    const collision = this.topicByCollisionKey.get(collisionKey);
    if (collision !== undefined) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-TOPIC', path, prop: 'name', found: name,
        expected: `a name that does not collide with topic '${collision}': Kafka maps '.' and '_' to the same metric name (Topic.hasCollision) and warns when both exist`,
        fix: `Use one separator for every topic: rename '${name}' or '${collision}' so that they differ in more than '.' versus '_'.`,
      });
    }
    if (props === null || typeof props !== 'object') {
      throw KafkaIacError.invalidProp({ code: 'KIAC-TOPIC', path, prop: 'props', found: props, expected: 'an object of topic settings, or nothing', fix: 'Pass { partitions: 12 } or leave the props out.' });
    }
    const topic = new Topic(name, this.resolveTopic(path, props), this.name);
    this.topicMap.set(name, topic);
    this.topicByCollisionKey.set(collisionKey, name);
    return topic;
  }

  /** Every topic whose name starts with `prefix`: a prefixed ACL pattern (reported by SEC-005). */
  public topicsWithPrefix(prefix: string): TopicPattern {
    if (typeof prefix !== 'string' || !TOPIC_NAME.test(prefix)) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path: `${this.name}/topics/${prefix}*`, prop: 'prefix', found: prefix,
        expected: 'a non-empty topic name prefix (an empty prefix matches every topic)',
        fix: "Use a prefix such as 'orders.'.",
      });
    }
    const internal = KAFKA_INTERNAL_TOPICS.filter((t) => t.startsWith(prefix));
    if (internal.length > 0) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path: `${this.name}/topics/${prefix}*`, prop: 'prefix', found: prefix,
        expected: `a prefix that matches no Kafka internal topic (this one matches ${internal.join(', ')})`,
        fix: "Use the prefix of the application topics, such as 'orders.'.",
      });
    }
    const pattern = new TopicPattern(AclResource.topicPrefix(prefix), this.name);
    this.patternList.push(pattern);
    return pattern;
  }

  /**
   * Every topic (Kafka's literal `*`). Granting it to a non-admin is refused in staging and
   * production (SEC-005); use it in development or for MirrorMaker 2 in development only.
   */
  public anyTopic(): TopicPattern {
    return new TopicPattern(AclResource.any(AclResourceType.TOPIC), this.name);
  }

  /** Declares an application principal (producer and/or consumer of named topics). */
  public addPrincipal(name: string, props: PrincipalProps): Principal {
    return this.add(name, PrincipalKind.APPLICATION, props);
  }

  /**
   * Declares an administrator. Admins alone hold cluster-wide rights: this grants
   * - ACL: allow Alter, AlterConfigs, Create, Describe, DescribeConfigs and IdempotentWrite on
   *   the cluster (never ClusterAction, see `ADMIN_CLUSTER_OPERATIONS`), and All on every topic,
   *   group and transactional id (`*`);
   * - IAM (MSK): the matching kafka-cluster actions (AlterCluster, which lets the admin create
   *   ACLs, AlterClusterDynamicConfiguration, CreateTopic, DescribeCluster,
   *   DescribeClusterDynamicConfiguration, WriteDataIdempotently) on the cluster, and every
   *   topic, group and transactional-id action.
   */
  public addAdmin(name: string, props: PrincipalProps): Principal {
    const admin = this.add(name, PrincipalKind.ADMIN, props);
    admin.addGrant('administer the cluster', [
      { principal: name, permission: AclPermission.ALLOW, resource: AclResource.cluster(), operations: ADMIN_CLUSTER_OPERATIONS },
      ...[AclResource.any(AclResourceType.TOPIC), AclResource.any(AclResourceType.GROUP), AclResource.any(AclResourceType.TRANSACTIONAL_ID)]
        .map((resource) => ({ principal: name, permission: AclPermission.ALLOW, resource, operations: [AclOperation.ALL] })),
    ]);
    return admin;
  }

  /**
   * Declares a MirrorMaker 2 principal: like an application, and it may also Describe the
   * cluster (`principal.grantDescribeCluster()`). Never a superuser (DR-005).
   */
  public addMirrorMaker2(name: string, props: PrincipalProps): Principal {
    return this.add(name, PrincipalKind.MIRROR_MAKER_2, props);
  }

  private add(name: string, kind: PrincipalKind, props: PrincipalProps): Principal {
    const path = `${this.name}/principals/${name}`;
    if (typeof name !== 'string' || !PRINCIPAL_NAME.test(name)) {
      throw KafkaIacError.grammar({
        code: 'KIAC-PRINCIPAL', path, prop: 'name', found: name,
        grammar: "lower-case letters, digits, '.' and '-', at most 63 characters (a Kubernetes name and a SCRAM user name)",
        fix: "Name the principal after the application, for example 'orders-service'.",
      });
    }
    if (this.principalMap.has(name)) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path, prop: 'name', found: name,
        expected: 'unique principal names: a second declaration would silently merge two sets of ACLs',
        fix: `Declare principal '${name}' once and add every grant to it, or give the second one its own name.`,
      });
    }
    const auth = props?.authentication as ClientAuthentication | undefined;
    if (!auth || !Object.values(AuthenticationMechanism).includes(auth.mechanism)) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-003', path, prop: 'authentication', found: auth?.mechanism,
        expected: 'an authentication mechanism: every principal authenticates',
        fix: `Set authentication: ClientAuthentication.scramSha512() (or .mutualTls(), or .iam() on MSK) for principal '${name}'.`,
      });
    }
    const principal = new Principal(name, kind, props, (p, e) => this.checkLeastPrivilege(p, e));
    this.principalMap.set(name, principal);
    return principal;
  }

  /** SEC-005 at declaration; the rule checks the synthesized output again. */
  private checkLeastPrivilege(principal: Principal, entry: AclEntry): void {
    if (entry.permission === AclPermission.DENY) return;
    if (principal.kind === PrincipalKind.ADMIN) return;
    const path = `${this.name}/principals/${principal.name}`;
    if (entry.resource.isWildcard && this.environment.isProductionLike) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path, prop: `allow ${entry.operations.join(',')} on ${entry.resource.type}`, found: entry.resource.name,
        expected: `named ${entry.resource.type}s (or a prefix) for non-admin principal '${principal.name}' in ${this.environment.profile}`,
        fix: `Grant '${principal.name}' access to named resources (access.addTopic('orders').grantConsume(...)) or a prefix (access.topicsWithPrefix('orders.')), or declare it with addAdmin if it administers the cluster.`,
      });
    }
    if (entry.resource.type === AclResourceType.TOPIC && !entry.resource.isWildcard) {
      const internal = KAFKA_INTERNAL_TOPICS.filter((t) => (entry.resource.isPrefix ? t.startsWith(entry.resource.name) : t === entry.resource.name));
      if (internal.length > 0) {
        throw KafkaIacError.invalidProp({
          code: 'SEC-005', path, prop: `allow ${entry.operations.join(',')} on topic`, found: entry.resource.name,
          expected: `no right on Kafka's internal topics (${internal.join(', ')}) for non-admin principal '${principal.name}'`,
          fix: `Remove the grant: consumers commit offsets through their group (grantConsume), producers of transactions through their transactional id; only the brokers use ${internal.join(', ')}.`,
        });
      }
    }
    const allowed = nonAdminAclOperations(principal.kind, entry.resource.type);
    if (entry.resource.type !== AclResourceType.CLUSTER) {
      for (const op of entry.operations) {
        if (allowed.includes(op)) continue;
        throw KafkaIacError.invalidProp({
          code: 'SEC-005', path, prop: `operation on ${entry.resource.toString()}`, found: op,
          expected: `only ${allowed.join(', ')} on a ${entry.resource.type} for non-admin principal '${principal.name}' (${principal.kind})`,
          fix: `Grant '${principal.name}' with topic.grantProduce / topic.grantConsume (or addAllow with those operations), or declare it with addAdmin if it administers the cluster.`,
        });
      }
      return;
    }
    for (const op of entry.operations) {
      if (allowed.includes(op)) continue;
      throw KafkaIacError.invalidProp({
        code: 'SEC-005', path, prop: 'cluster operation', found: op,
        expected: `no cluster-level right for non-admin principal '${principal.name}' except IdempotentWrite (idempotent producers) and Describe (MirrorMaker 2)`,
        fix: `Remove the cluster ${op} grant from '${principal.name}', or declare it with addAdmin if it administers the cluster.`,
      });
    }
  }

  private resolveTopic(path: string, props: TopicProps): ResolvedTopicSettings {
    const strict = this.environment.isProductionLike;
    const partitions = checkInteger(props.partitions ?? this.defaultPartitions, { code: 'CAP-003', path, prop: 'partitions' }, {
      min: 1, max: KAFKA_MAX_PARTITIONS_PER_TOPIC, limitOf: "Kafka recommended partitions-per-cluster (KIP-578)",
      fix: `Set partitions from the target throughput and the number of consumers (CapacityPlanner), at most ${KAFKA_MAX_PARTITIONS_PER_TOPIC}.`,
    });
    const rf = props.replicationFactor ?? this.defaultReplicationFactor;
    const minIsr = props.minInsyncReplicas ?? this.defaultMinInsyncReplicas;
    checkInteger(rf, { code: 'HA-002', path, prop: 'replicationFactor' }, { min: 1, max: KAFKA_MAX_REPLICATION_FACTOR, limitOf: 'broker count', fix: 'Set replicationFactor: 3 (or leave it unset to inherit the cluster default of 3).' });
    checkInteger(minIsr, { code: 'HA-003', path, prop: 'minInsyncReplicas' }, { min: 1, max: KAFKA_MAX_REPLICATION_FACTOR, limitOf: 'broker count', fix: 'Set minInsyncReplicas: 2 (or leave it unset to inherit the cluster default of 2).' });
    if (!Number.isInteger(rf) || rf < (strict ? 3 : 1)) {
      throw KafkaIacError.invalidProp({
        code: 'HA-002', path, prop: 'replicationFactor', found: rf,
        expected: strict ? `at least 3 in ${this.environment.profile}` : 'a positive integer',
        fix: 'Set replicationFactor: 3 (or leave it unset to inherit the cluster default of 3).',
      });
    }
    if (!Number.isInteger(minIsr) || minIsr < (strict ? 2 : 1)) {
      throw KafkaIacError.invalidProp({
        code: 'HA-003', path, prop: 'minInsyncReplicas', found: minIsr,
        expected: strict ? `at least 2 in ${this.environment.profile}` : 'a positive integer',
        fix: 'Set minInsyncReplicas: 2 (or leave it unset to inherit the cluster default of 2).',
      });
    }
    if (minIsr >= rf && rf > 1) {
      throw KafkaIacError.invalidProp({
        code: 'HA-003', path, prop: 'minInsyncReplicas', found: minIsr,
        expected: `below the replication factor (${rf}), so one broker can fail without stopping acks=all writes`,
        fix: `Set minInsyncReplicas: ${rf - 1} or raise replicationFactor to ${minIsr + 1}.`,
      });
    }
    const config: Record<string, string> = {};
    if (props.minInsyncReplicas !== undefined) config['min.insync.replicas'] = String(minIsr);
    if (props.retentionHours !== undefined) {
      if (props.retentionHours !== -1) {
        checkNumber(props.retentionHours, { code: 'KIAC-TOPIC', path, prop: 'retentionHours' }, {
          min: 0.001, max: MAX_RETENTION_HOURS, limitOf: 'kafka-iac retention (100 years)',
          fix: `Set retentionHours: 168 for seven days, -1 for unlimited, or at most ${MAX_RETENTION_HOURS} (100 years).`,
        });
      }
      config['retention.ms'] = String(props.retentionHours === -1 ? -1 : Math.round(props.retentionHours * 3_600_000));
    }
    if (props.compacted) config['cleanup.policy'] = 'compact';
    Object.assign(config, props.config ?? {});
    return {
      partitions, replicationFactor: rf, minInsyncReplicas: minIsr,
      minInsyncReplicasOverridden: props.minInsyncReplicas !== undefined, config,
    };
  }
}
