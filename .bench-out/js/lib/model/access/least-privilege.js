"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSK_IAM_KAFKA_CLUSTER_ACTIONS = void 0;
exports.isAdminKind = isAdminKind;
exports.nonAdminAclOperations = nonAdminAclOperations;
exports.isNonAdminAclOperation = isNonAdminAclOperation;
exports.nonAdminIamActions = nonAdminIamActions;
exports.isIamActionPattern = isIamActionPattern;
exports.kafkaClusterActionsMatching = kafkaClusterActionsMatching;
const acl_1 = require("./acl");
const msk_iam_actions_1 = require("./msk-iam-actions");
const principal_1 = require("./principal");
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
const APPLICATION = {
    [acl_1.AclResourceType.TOPIC]: [acl_1.AclOperation.READ, acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE],
    [acl_1.AclResourceType.GROUP]: [acl_1.AclOperation.READ, acl_1.AclOperation.DESCRIBE],
    [acl_1.AclResourceType.TRANSACTIONAL_ID]: [acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE],
    [acl_1.AclResourceType.CLUSTER]: [acl_1.AclOperation.IDEMPOTENT_WRITE],
};
const MIRROR_MAKER_2 = {
    [acl_1.AclResourceType.TOPIC]: [
        acl_1.AclOperation.READ, acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE, acl_1.AclOperation.DESCRIBE_CONFIGS,
        acl_1.AclOperation.CREATE, acl_1.AclOperation.ALTER, acl_1.AclOperation.ALTER_CONFIGS,
    ],
    [acl_1.AclResourceType.GROUP]: [acl_1.AclOperation.READ, acl_1.AclOperation.DESCRIBE],
    [acl_1.AclResourceType.TRANSACTIONAL_ID]: [acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE],
    [acl_1.AclResourceType.CLUSTER]: [acl_1.AclOperation.IDEMPOTENT_WRITE, acl_1.AclOperation.DESCRIBE],
};
/** Whether a kind (as written in a label, tag or artefact comment) is a declared admin. */
function isAdminKind(kind) {
    return kind === principal_1.PrincipalKind.ADMIN;
}
/**
 * The ACL operations a non-admin of this kind may be allowed on a resource type. Unknown kinds
 * get an application's rights; an unknown resource type gets none.
 */
function nonAdminAclOperations(kind, resourceType) {
    const table = kind === principal_1.PrincipalKind.MIRROR_MAKER_2 ? MIRROR_MAKER_2 : APPLICATION;
    return table[resourceType] ?? [];
}
/** Whether a non-admin of this kind may be allowed `operation` (any case) on the resource type. */
function isNonAdminAclOperation(kind, resourceType, operation) {
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
function nonAdminIamActions(kind) {
    const out = new Set(msk_iam_actions_1.MSK_IAM_CONNECT_ACTIONS);
    for (const type of Object.values(acl_1.AclResourceType)) {
        const resource = type === acl_1.AclResourceType.CLUSTER ? acl_1.AclResource.cluster() : acl_1.AclResource.any(type);
        const operations = [...nonAdminAclOperations(kind, type)];
        for (const a of (0, msk_iam_actions_1.mskIamActionsOf)({ principal: kind, permission: acl_1.AclPermission.ALLOW, resource, operations }))
            out.add(a);
    }
    return [...out].sort();
}
/**
 * Every `kafka-cluster:` action MSK IAM access control knows, so that an IAM action pattern
 * (`kafka-cluster:*Topic*`, `*`) can be expanded to what it grants.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html
 */
exports.MSK_IAM_KAFKA_CLUSTER_ACTIONS = [
    'kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:AlterCluster',
    'kafka-cluster:DescribeClusterDynamicConfiguration', 'kafka-cluster:AlterClusterDynamicConfiguration',
    'kafka-cluster:WriteDataIdempotently', 'kafka-cluster:CreateTopic', 'kafka-cluster:DescribeTopic',
    'kafka-cluster:AlterTopic', 'kafka-cluster:DeleteTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration',
    'kafka-cluster:AlterTopicDynamicConfiguration', 'kafka-cluster:ReadData', 'kafka-cluster:WriteData',
    'kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup', 'kafka-cluster:DeleteGroup',
    'kafka-cluster:DescribeTransactionalId', 'kafka-cluster:AlterTransactionalId',
];
/** Whether an IAM action string is a pattern (`*` or `?` anywhere): it grants every action it matches. */
function isIamActionPattern(action) {
    return /[*?]/.test(action);
}
/** The known kafka-cluster actions an IAM action or action pattern matches (case-insensitive, as IAM matches). */
function kafkaClusterActionsMatching(action) {
    const re = new RegExp(`^${action.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 'i');
    return exports.MSK_IAM_KAFKA_CLUSTER_ACTIONS.filter((a) => re.test(a));
}
