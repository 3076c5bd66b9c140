import { KafkaIacError } from '../errors';
import { AclOperation, AclPermission, AclResource, AclResourceType, type AclEntry } from './acl';
import type { AccessGrant } from './access-grant';
import type { Principal } from './principal';

/** What a produce grant adds besides Write and Describe on the topics. */
export interface ProduceGrantOptions {
  /**
   * A transactional id the producer uses (`transactional.id`); adds Write and Describe on it
   * (IAM: AlterTransactionalId, DescribeTransactionalId).
   * @default - no transactions
   */
  readonly transactionalId?: string;
  /**
   * Treat `transactionalId` as a prefix (for producers that number their transactional ids).
   * @default false
   */
  readonly transactionalIdIsPrefix?: boolean;
}

/** What a consume grant adds besides Read and Describe on the topics. */
export interface ConsumeGrantOptions {
  /**
   * The consumer group (`group.id`) the consumer joins: Read on it (IAM: AlterGroup,
   * DescribeGroup). Required: a consumer without a named group is refused (SEC-005).
   */
  readonly group: string;
  /**
   * Treat `group` as a prefix.
   * @default false
   */
  readonly groupIsPrefix?: boolean;
}

const GROUP_NAME = /^([A-Za-z0-9._-]{1,249}|\*)$/;

/**
 * One topic or a set of topics (a prefix, or `*`) that principals can be granted access to.
 * `Topic` and `TopicPattern` extend it.
 */
export abstract class TopicSelection {
  /** The ACL resource naming these topics. */
  public abstract readonly aclResource: AclResource;
  /** Where errors point: `<model>/topics/<name>`. */
  protected abstract readonly errorPath: string;

  /**
   * Lets `principal` produce to these topics. Grants:
   * - ACL: allow Write and Describe on the topic(s);
   * - ACL: allow IdempotentWrite on the cluster when the principal is idempotent (the default)
   *   and does not hold it yet;
   * - ACL: allow Write and Describe on the transactional id, when one is given;
   * - IAM (MSK): kafka-cluster:Connect and DescribeCluster on the cluster, WriteDataIdempotently
   *   on the cluster when idempotent, DescribeTopic and WriteData on the topic(s),
   *   AlterTransactionalId and DescribeTransactionalId on the transactional id.
   * Returns the grant with exactly those entries.
   */
  public grantProduce(principal: Principal, options: ProduceGrantOptions = {}): AccessGrant {
    const entries: AclEntry[] = [allow(principal, this.aclResource, [AclOperation.WRITE, AclOperation.DESCRIBE])];
    const hasIdempotentWrite = principal.acls.some((e) => e.permission === AclPermission.ALLOW
      && e.resource.type === AclResourceType.CLUSTER && e.operations.includes(AclOperation.IDEMPOTENT_WRITE));
    if (principal.idempotent && !hasIdempotentWrite) entries.push(allow(principal, AclResource.cluster(), [AclOperation.IDEMPOTENT_WRITE]));
    if (options.transactionalId !== undefined) {
      const txn = options.transactionalIdIsPrefix ? AclResource.transactionalIdPrefix(options.transactionalId) : AclResource.transactionalId(options.transactionalId);
      entries.push(allow(principal, txn, [AclOperation.WRITE, AclOperation.DESCRIBE]));
    }
    return principal.addGrant(`produce to ${this.aclResource.toString()}`, entries);
  }

  /**
   * Lets `principal` consume these topics in its named group. Grants:
   * - ACL: allow Read and Describe on the topic(s);
   * - ACL: allow Read on the group;
   * - IAM (MSK): kafka-cluster:Connect and DescribeCluster on the cluster, DescribeTopic and
   *   ReadData on the topic(s), AlterGroup and DescribeGroup on the group.
   * A consumer without a group is refused (SEC-005).
   */
  public grantConsume(principal: Principal, options: ConsumeGrantOptions): AccessGrant {
    const group = options?.group;
    if (typeof group !== 'string' || !GROUP_NAME.test(group)) {
      throw KafkaIacError.grammar({
        code: 'SEC-005', path: `${this.errorPath}/consumers/${principal.name}`, prop: 'group', found: group,
        grammar: 'a named consumer group (letters, digits, . _ -): a consumer gets Read on its own group only',
        fix: `Name the group the consumer uses as group.id, for example topic.grantConsume(${principal.name}, { group: '${principal.name}' }).`,
      });
    }
    const groupResource = options.groupIsPrefix ? AclResource.groupPrefix(group) : AclResource.group(group);
    return principal.addGrant(`consume ${this.aclResource.toString()} in ${groupResource.toString()}`, [
      allow(principal, this.aclResource, [AclOperation.READ, AclOperation.DESCRIBE]),
      allow(principal, groupResource, [AclOperation.READ]),
    ]);
  }
}

function allow(principal: Principal, resource: AclResource, operations: AclOperation[]): AclEntry {
  return { principal: principal.name, permission: AclPermission.ALLOW, resource, operations };
}
