import { AclOperation, AclPermission, AclResource, AclResourceType } from '../../model/access/acl';
import { MSK_IAM_CONNECT_ACTIONS, mskIamActionsOf } from '../../model/access/msk-iam-actions';
import type { IamPolicyDocument } from './msk-iam-policy';

/** How MSK Replicator names the topics it creates on the target. */
export enum MskReplicatorTopicNaming {
  /**
   * The same names as on the source (`IDENTICAL`): consumers fail over without renaming
   * anything. The replicator filters records that came from the target, so no loops.
   */
  IDENTICAL = 'IDENTICAL',
  /**
   * `<sourceKafkaClusterAlias>.<topic>` (`PREFIXED_WITH_SOURCE_CLUSTER_ALIAS`), the MSK default:
   * for active-active, where each region keeps its own topics apart from the replicated ones.
   */
  PREFIXED_WITH_SOURCE_CLUSTER_ALIAS = 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS',
}

/** A consumer group whose offsets MSK Replicator translates to the target. */
export interface MskReplicatorConsumerGroup {
  /** The group name, or its prefix when `isPrefix`. */
  readonly name: string;
  /**
   * Whether `name` is a prefix of the group names.
   * @default false
   */
  readonly isPrefix?: boolean;
}

/**
 * The ARNs of one cluster the policy names: the cluster, and the prefixes of its topics and
 * groups (`...:topic/<name>/<uuid>`, `...:group/<name>/<uuid>`, no trailing slash).
 */
export interface MskReplicatorClusterArns {
  readonly cluster: string;
  readonly topic: string;
  readonly group: string;
}

/** What the replicator does, which decides its rights. */
export interface MskReplicatorPolicyInput {
  readonly source: MskReplicatorClusterArns;
  readonly target: MskReplicatorClusterArns;
  /** Topic names (literal). */
  readonly topics: readonly string[];
  readonly consumerGroups: readonly MskReplicatorConsumerGroup[];
  readonly topicNaming: MskReplicatorTopicNaming;
  readonly copyTopicConfigurations: boolean;
  readonly copyAccessControlListsForTopics: boolean;
  readonly syncConsumerGroupOffsets: boolean;
}

/**
 * The internal topics MSK Replicator keeps on both clusters (heartbeats, offset syncs,
 * checkpoints); the role needs them whatever is replicated.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-perms-topic-replication.html
 */
export const MSK_REPLICATOR_INTERNAL_TOPICS: readonly string[] = ['*__amazon_msk_replicator_*', 'mskr-offset-syncs.*', '*.checkpoints.internal'];
/** The internal consumer groups of MSK Replicator on the target. */
export const MSK_REPLICATOR_INTERNAL_GROUPS: readonly string[] = ['*__amazon_msk_replicator_*'];

/** The IAM actions of some ACL operations on a resource type, through the access model's table. */
function actions(type: AclResourceType, operations: readonly AclOperation[]): string[] {
  const resource = type === AclResourceType.CLUSTER ? AclResource.cluster() : type === AclResourceType.GROUP ? AclResource.group('g') : AclResource.topic('t');
  return mskIamActionsOf({ principal: 'msk-replicator', permission: AclPermission.ALLOW, resource, operations });
}

/**
 * The service execution role policy of an MSK Replicator between two MSK clusters, least
 * privilege, built from the AWS per-feature tables and the access model's ACL→IAM table:
 * - both clusters: Connect, DescribeCluster, WriteDataIdempotently; AlterCluster on the
 *   target only when ACLs are copied (a cluster-level right SEC-005 reports);
 * - the internal topics on both clusters (create, read, write, describe, alter, configs);
 * - the replicated topics: read, describe and describe-configs on the source; create, write,
 *   describe and describe-configs on the target (identical names, or `*.<topic>` for prefixed
 *   names, whose alias is known only after creation); alter and alter-configs on the target
 *   only when configurations are copied;
 * - the internal groups on the target; with offset sync, describe of the replicated groups on
 *   the source and alter/describe on the target.
 * Never `*` on a cluster, topic or group. Pure: the same input gives the same document.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-permissions-reference.html
 */
export function renderMskReplicatorPolicy(p: MskReplicatorPolicyInput): IamPolicyDocument {
  const O = AclOperation;
  const topicArns = (base: string, names: readonly string[]) => names.map((n) => `${base}/${n}`);
  const groupArns = (base: string) => p.consumerGroups.map((g) => `${base}/${g.name}${g.isPrefix ? '*' : ''}`);
  const targetTopics = p.topicNaming === MskReplicatorTopicNaming.IDENTICAL ? p.topics : p.topics.map((t) => `*.${t}`);
  const cluster = (extra: readonly AclOperation[]) => [...new Set([...MSK_IAM_CONNECT_ACTIONS, ...actions(AclResourceType.CLUSTER, [O.DESCRIBE, O.IDEMPOTENT_WRITE, ...extra])])].sort();
  const internalTopicActions = actions(AclResourceType.TOPIC, [O.CREATE, O.READ, O.WRITE, O.DESCRIBE, O.DESCRIBE_CONFIGS, O.ALTER, O.ALTER_CONFIGS]);
  const configWrite = p.copyTopicConfigurations ? [O.ALTER, O.ALTER_CONFIGS] : [];

  const statements: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string[] }[] = [
    { Sid: 'SourceCluster', Effect: 'Allow', Action: cluster([]), Resource: [p.source.cluster] },
    { Sid: 'TargetCluster', Effect: 'Allow', Action: cluster(p.copyAccessControlListsForTopics ? [O.ALTER] : []), Resource: [p.target.cluster] },
    { Sid: 'SourceInternalTopics', Effect: 'Allow', Action: internalTopicActions, Resource: topicArns(p.source.topic, MSK_REPLICATOR_INTERNAL_TOPICS) },
    { Sid: 'SourceTopics', Effect: 'Allow', Action: actions(AclResourceType.TOPIC, [O.READ, O.DESCRIBE, O.DESCRIBE_CONFIGS]), Resource: topicArns(p.source.topic, p.topics) },
    { Sid: 'TargetInternalTopics', Effect: 'Allow', Action: internalTopicActions, Resource: topicArns(p.target.topic, MSK_REPLICATOR_INTERNAL_TOPICS) },
    { Sid: 'TargetTopics', Effect: 'Allow', Action: actions(AclResourceType.TOPIC, [O.CREATE, O.WRITE, O.DESCRIBE, O.DESCRIBE_CONFIGS, ...configWrite]), Resource: topicArns(p.target.topic, targetTopics) },
    { Sid: 'TargetInternalGroups', Effect: 'Allow', Action: actions(AclResourceType.GROUP, [O.READ]), Resource: MSK_REPLICATOR_INTERNAL_GROUPS.map((g) => `${p.target.group}/${g}`) },
  ];
  if (p.syncConsumerGroupOffsets && p.consumerGroups.length > 0) {
    statements.push(
      { Sid: 'SourceGroups', Effect: 'Allow', Action: actions(AclResourceType.GROUP, [O.DESCRIBE]), Resource: groupArns(p.source.group) },
      { Sid: 'TargetGroups', Effect: 'Allow', Action: actions(AclResourceType.GROUP, [O.READ]), Resource: groupArns(p.target.group) },
    );
  }
  return { Version: '2012-10-17', Statement: statements };
}
