/**
 * Kafka ACL vocabulary, provider-neutral: the operations, resource types and pattern types of
 * the Kafka authorizer, and one ACL entry. Every renderer (Strimzi `KafkaUser`, MSK IAM
 * policies, `kafka-acls.sh` argument lines) reads these values.
 * @see https://kafka.apache.org/documentation/#operations_resources_and_protocols
 */

/** A Kafka ACL operation (the names Strimzi and `kafka-acls.sh` use). */
export enum AclOperation {
  /** Fetch from a topic; join a consumer group. */
  READ = 'Read',
  /** Produce to a topic; use a transactional id. */
  WRITE = 'Write',
  /** Create topics. */
  CREATE = 'Create',
  /** Delete topics or groups. */
  DELETE = 'Delete',
  /** Alter a resource (create ACLs, partitions). */
  ALTER = 'Alter',
  /** Read metadata: topic and group descriptions, offsets. */
  DESCRIBE = 'Describe',
  /** Inter-broker cluster actions. */
  CLUSTER_ACTION = 'ClusterAction',
  /** Change configurations. */
  ALTER_CONFIGS = 'AlterConfigs',
  /** Read configurations. */
  DESCRIBE_CONFIGS = 'DescribeConfigs',
  /** Idempotent produce (cluster resource). */
  IDEMPOTENT_WRITE = 'IdempotentWrite',
  /** Every operation. */
  ALL = 'All',
}

/** What an ACL protects. */
export enum AclResourceType {
  /** A topic (or topics, with a prefix pattern). */
  TOPIC = 'topic',
  /** A consumer group. */
  GROUP = 'group',
  /** The cluster itself. */
  CLUSTER = 'cluster',
  /** A producer's transactional id. */
  TRANSACTIONAL_ID = 'transactionalId',
}

/** How an ACL resource name matches. */
export enum AclPatternType {
  /** The exact name (`*` is Kafka's wildcard: every resource of the type). */
  LITERAL = 'literal',
  /** Every name that starts with the given prefix. */
  PREFIX = 'prefix',
}

/** Whether an ACL allows or denies. Deny wins over allow in Kafka and IAM. */
export enum AclPermission {
  /** Allow the operations. */
  ALLOW = 'allow',
  /** Deny the operations, even when another ACL allows them. */
  DENY = 'deny',
}

/** Kafka's literal wildcard: every resource of the type. */
export const ACL_WILDCARD = '*';

/**
 * The resource an ACL names: a topic, group or transactional id (literal or prefixed), or the
 * cluster. Built by the static factories.
 */
export class AclResource {
  /** One topic by name. */
  public static topic(name: string): AclResource {
    return new AclResource(AclResourceType.TOPIC, name, AclPatternType.LITERAL);
  }

  /** Every topic whose name starts with `prefix`. */
  public static topicPrefix(prefix: string): AclResource {
    return new AclResource(AclResourceType.TOPIC, prefix, AclPatternType.PREFIX);
  }

  /** One consumer group by name. */
  public static group(name: string): AclResource {
    return new AclResource(AclResourceType.GROUP, name, AclPatternType.LITERAL);
  }

  /** Every consumer group whose name starts with `prefix`. */
  public static groupPrefix(prefix: string): AclResource {
    return new AclResource(AclResourceType.GROUP, prefix, AclPatternType.PREFIX);
  }

  /** One transactional id. */
  public static transactionalId(id: string): AclResource {
    return new AclResource(AclResourceType.TRANSACTIONAL_ID, id, AclPatternType.LITERAL);
  }

  /** Every transactional id that starts with `prefix`. */
  public static transactionalIdPrefix(prefix: string): AclResource {
    return new AclResource(AclResourceType.TRANSACTIONAL_ID, prefix, AclPatternType.PREFIX);
  }

  /** The cluster (cluster-level operations such as IdempotentWrite, Describe, Alter). */
  public static cluster(): AclResource {
    return new AclResource(AclResourceType.CLUSTER, 'kafka-cluster', AclPatternType.LITERAL);
  }

  /** Any resource of a type: Kafka's literal `*`. Refused for non-admins in staging and production (SEC-005). */
  public static any(type: AclResourceType): AclResource {
    return new AclResource(type, ACL_WILDCARD, AclPatternType.LITERAL);
  }

  private constructor(
    public readonly type: AclResourceType,
    /** The name, the prefix, `*`, or `kafka-cluster` for the cluster. */
    public readonly name: string,
    public readonly patternType: AclPatternType,
  ) {}

  /** True when this resource matches every resource of its type (`*`, or an empty prefix). */
  public get isWildcard(): boolean {
    if (this.type === AclResourceType.CLUSTER) return false;
    if (this.patternType === AclPatternType.LITERAL) return this.name === ACL_WILDCARD;
    return this.name === '';
  }

  /** True for a prefixed pattern. */
  public get isPrefix(): boolean {
    return this.patternType === AclPatternType.PREFIX;
  }

  /** A readable label: `topic 'orders'`, `topic prefix 'orders.'`, `cluster`. */
  public toString(): string {
    if (this.type === AclResourceType.CLUSTER) return 'cluster';
    return this.isPrefix ? `${this.type} prefix '${this.name}'` : `${this.type} '${this.name}'`;
  }
}

/** One ACL entry of one principal. */
export interface AclEntry {
  /** The principal's name in the model (not the `User:` form). */
  readonly principal: string;
  readonly permission: AclPermission;
  readonly resource: AclResource;
  /** The operations, in a stable order. */
  readonly operations: readonly AclOperation[];
}
