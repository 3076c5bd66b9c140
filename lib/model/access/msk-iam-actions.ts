import { AclOperation, AclResourceType, type AclEntry } from './acl';

/**
 * The MSK IAM actions (`kafka-cluster:*`) that match a Kafka ACL operation on a resource
 * type. Provider-neutral strings, shared by the IAM policy renderer, the grants' documentation
 * and SEC-005.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html
 */
const ACTIONS: Readonly<Record<AclResourceType, Partial<Record<AclOperation, readonly string[]>>>> = {
  [AclResourceType.CLUSTER]: {
    [AclOperation.DESCRIBE]: ['kafka-cluster:DescribeCluster'],
    [AclOperation.IDEMPOTENT_WRITE]: ['kafka-cluster:WriteDataIdempotently'],
    [AclOperation.ALTER]: ['kafka-cluster:AlterCluster'],
    [AclOperation.DESCRIBE_CONFIGS]: ['kafka-cluster:DescribeClusterDynamicConfiguration'],
    [AclOperation.ALTER_CONFIGS]: ['kafka-cluster:AlterClusterDynamicConfiguration'],
    [AclOperation.CREATE]: ['kafka-cluster:CreateTopic'],
    [AclOperation.CLUSTER_ACTION]: ['kafka-cluster:AlterCluster'],
    [AclOperation.ALL]: ['kafka-cluster:*'],
  },
  [AclResourceType.TOPIC]: {
    [AclOperation.READ]: ['kafka-cluster:ReadData'],
    [AclOperation.WRITE]: ['kafka-cluster:WriteData'],
    [AclOperation.DESCRIBE]: ['kafka-cluster:DescribeTopic'],
    [AclOperation.CREATE]: ['kafka-cluster:CreateTopic'],
    [AclOperation.DELETE]: ['kafka-cluster:DeleteTopic'],
    [AclOperation.ALTER]: ['kafka-cluster:AlterTopic'],
    [AclOperation.DESCRIBE_CONFIGS]: ['kafka-cluster:DescribeTopicDynamicConfiguration'],
    [AclOperation.ALTER_CONFIGS]: ['kafka-cluster:AlterTopicDynamicConfiguration'],
    [AclOperation.ALL]: ['kafka-cluster:*Topic*', 'kafka-cluster:WriteData', 'kafka-cluster:ReadData'],
  },
  [AclResourceType.GROUP]: {
    [AclOperation.READ]: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'],
    [AclOperation.DESCRIBE]: ['kafka-cluster:DescribeGroup'],
    [AclOperation.DELETE]: ['kafka-cluster:DeleteGroup'],
    [AclOperation.ALL]: ['kafka-cluster:*Group*'],
  },
  [AclResourceType.TRANSACTIONAL_ID]: {
    [AclOperation.WRITE]: ['kafka-cluster:AlterTransactionalId'],
    [AclOperation.DESCRIBE]: ['kafka-cluster:DescribeTransactionalId'],
    [AclOperation.ALL]: ['kafka-cluster:*TransactionalId'],
  },
};

/** Cluster actions every IAM principal needs to open a connection and read metadata. */
export const MSK_IAM_CONNECT_ACTIONS: readonly string[] = ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'];

/**
 * The cluster actions SEC-005 accepts for a non-admin IAM principal: Connect, DescribeCluster
 * and WriteDataIdempotently.
 */
export const MSK_IAM_NON_ADMIN_CLUSTER_ACTIONS: readonly string[] = [
  'kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently',
];

/** The IAM actions of one ACL entry, deduplicated and sorted. */
export function mskIamActionsOf(entry: AclEntry): string[] {
  // Every grant of a platform asks with one of a few operation lists (Write,Describe on a topic,
  // Read on a group...): each answer is worked out once, and a copy handed out.
  const key = JSON.stringify([entry.resource.type, ...entry.operations]);
  let actions = ACTIONS_OF_OPERATIONS.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent, working the actions out again gives the same list (the cache only saves work)
  if (actions === undefined) {
    const byOp = ACTIONS[entry.resource.type];
    const out = new Set<string>();
    for (const op of entry.operations) {
      for (const a of byOp[op] ?? []) out.add(a);
    }
    actions = [...out].sort();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, forgetting earlier, later or never changes no answer (it bounds memory only)
    if (ACTIONS_OF_OPERATIONS.size >= 1_000) ACTIONS_OF_OPERATIONS.clear();
    ACTIONS_OF_OPERATIONS.set(key, actions);
  }
  return [...actions];
}

const ACTIONS_OF_OPERATIONS = new Map<string, readonly string[]>();

/** Whether an operation has an IAM equivalent on the resource type. */
export function hasMskIamEquivalent(type: AclResourceType, operation: AclOperation): boolean {
  return (ACTIONS[type][operation] ?? []).length > 0;
}
