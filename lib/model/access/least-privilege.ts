import { oncePer } from '../once-per';
import { AclOperation, AclPermission, AclResource, AclResourceType } from './acl';
import { MSK_IAM_CONNECT_ACTIONS, mskIamActionsOf } from './msk-iam-actions';
import { PrincipalKind } from './principal';

/**
 * What SEC-005 lets a principal that is not a declared admin hold: the ACL operations per
 * resource type, and the matching MSK IAM actions. One table, read by the access model at
 * declaration and by SEC-005 on the synthesized KafkaUsers, IAM policies and kafka-acls.sh
 * lines, so that the model cannot grant what the rule refuses. Plain strings only.
 *
 * - An application: Read, Write and Describe on topics; Read and Describe on groups; Write
 *   and Describe on transactional ids; IdempotentWrite on the cluster.
 * - MirrorMaker 2 (and MSK Replicator): the same, plus DescribeConfigs, Create, Alter and
 *   AlterConfigs on topics (it creates the remote topics and its internal topics and syncs
 *   their configuration) and Describe on the cluster.
 * - Never Delete, ClusterAction or All, and no other cluster operation: those belong to admins.
 * @see https://strimzi.io/docs/operators/latest/deploying#con-mirrormaker-acls-str
 */
/** The ACL operations a non-admin of one kind may hold, per resource type. */
type NonAdminTable = Readonly<Record<AclResourceType, readonly AclOperation[]>>;

const APPLICATION: NonAdminTable = {
  [AclResourceType.TOPIC]: [AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE],
  [AclResourceType.GROUP]: [AclOperation.READ, AclOperation.DESCRIBE],
  [AclResourceType.TRANSACTIONAL_ID]: [AclOperation.WRITE, AclOperation.DESCRIBE],
  [AclResourceType.CLUSTER]: [AclOperation.IDEMPOTENT_WRITE],
};

const MIRROR_MAKER_2: NonAdminTable = {
  [AclResourceType.TOPIC]: [
    AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
    AclOperation.CREATE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS,
  ],
  [AclResourceType.GROUP]: [AclOperation.READ, AclOperation.DESCRIBE],
  [AclResourceType.TRANSACTIONAL_ID]: [AclOperation.WRITE, AclOperation.DESCRIBE],
  [AclResourceType.CLUSTER]: [AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE],
};

/** Whether a kind (as written in a label, tag or artefact comment) is a declared admin. */
export function isAdminKind(kind: string): boolean {
  return kind === PrincipalKind.ADMIN;
}

/**
 * The ACL operations a non-admin of this kind may be allowed on a resource type. Unknown kinds
 * get an application's rights; an unknown resource type gets none.
 */
export function nonAdminAclOperations(kind: string, resourceType: string): readonly AclOperation[] {
  return operationsOf(nonAdminTable(kind), resourceType);
}

/** The table of a kind: MirrorMaker 2's, or an application's for any other kind. */
function nonAdminTable(kind: string): NonAdminTable {
  return kind === PrincipalKind.MIRROR_MAKER_2 ? MIRROR_MAKER_2 : APPLICATION;
}

function operationsOf(table: NonAdminTable, resourceType: string): readonly AclOperation[] {
  return (table as Readonly<Record<string, readonly AclOperation[]>>)[resourceType] ?? [];
}

/** Whether a non-admin of this kind may be allowed `operation` (any case) on the resource type. */
export function isNonAdminAclOperation(kind: string, resourceType: string, operation: string): boolean {
  const op = operation.toLowerCase();
  return nonAdminAclOperations(kind, resourceType).some((o) => o.toLowerCase() === op);
}

/**
 * The `kafka-cluster:` IAM actions a non-admin of this kind may be allowed: Connect and
 * DescribeCluster, and the actions of each operation of `nonAdminAclOperations`
 * (application: WriteDataIdempotently, DescribeTopic, ReadData, WriteData, AlterGroup,
 * DescribeGroup, AlterTransactionalId, DescribeTransactionalId; MirrorMaker 2 also CreateTopic,
 * AlterTopic, AlterTopicDynamicConfiguration, DescribeTopicDynamicConfiguration). Sorted.
 */
export function nonAdminIamActions(kind: string): readonly string[] {
  return iamActionsOfTable(nonAdminTable(kind));
}

/** Made once per table (frozen, shared), since SEC-005 asks for every IAM policy of a synthesis. */
const iamActionsOfTable = oncePer((table: NonAdminTable): readonly string[] => {
  const out = new Set<string>(MSK_IAM_CONNECT_ACTIONS);
  for (const type of Object.values(AclResourceType)) {
    const resource = type === AclResourceType.CLUSTER ? AclResource.cluster() : AclResource.any(type);
    const operations = [...operationsOf(table, type)];
    // The principal names no action: only the resource type and the operations do.
    for (const a of mskIamActionsOf({ principal: '', permission: AclPermission.ALLOW, resource, operations })) out.add(a);
  }
  return Object.freeze([...out].sort());
});

/**
 * Every `kafka-cluster:` action MSK IAM access control knows, so that an IAM action pattern
 * (`kafka-cluster:*Topic*`, `*`) can be expanded to what it grants.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html
 */
export const MSK_IAM_KAFKA_CLUSTER_ACTIONS: readonly string[] = [
  'kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:AlterCluster',
  'kafka-cluster:DescribeClusterDynamicConfiguration', 'kafka-cluster:AlterClusterDynamicConfiguration',
  'kafka-cluster:WriteDataIdempotently', 'kafka-cluster:CreateTopic', 'kafka-cluster:DescribeTopic',
  'kafka-cluster:AlterTopic', 'kafka-cluster:DeleteTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration',
  'kafka-cluster:AlterTopicDynamicConfiguration', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData',
  'kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup', 'kafka-cluster:DeleteGroup',
  'kafka-cluster:DescribeTransactionalId', 'kafka-cluster:AlterTransactionalId',
];

/** Whether an IAM action string is a pattern (`*` or `?` anywhere): it grants every action it matches. */
export function isIamActionPattern(action: string): boolean {
  return /[*?]/.test(action);
}

/** The known kafka-cluster actions an IAM action or action pattern matches (case-insensitive, as IAM matches). */
export function kafkaClusterActionsMatching(action: string): string[] {
  const re = new RegExp(`^${action.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 'i');
  return MSK_IAM_KAFKA_CLUSTER_ACTIONS.filter((a) => re.test(a));
}
