"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSK_IAM_NON_ADMIN_CLUSTER_ACTIONS = exports.MSK_IAM_CONNECT_ACTIONS = void 0;
exports.mskIamActionsOf = mskIamActionsOf;
exports.hasMskIamEquivalent = hasMskIamEquivalent;
const acl_1 = require("./acl");
/**
 * The MSK IAM actions (`kafka-cluster:*`) that match a Kafka ACL operation on a resource
 * type. Provider-neutral strings, shared by the IAM policy renderer, the grants' documentation
 * and SEC-005.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html
 */
const ACTIONS = {
    [acl_1.AclResourceType.CLUSTER]: {
        [acl_1.AclOperation.DESCRIBE]: ['kafka-cluster:DescribeCluster'],
        [acl_1.AclOperation.IDEMPOTENT_WRITE]: ['kafka-cluster:WriteDataIdempotently'],
        [acl_1.AclOperation.ALTER]: ['kafka-cluster:AlterCluster'],
        [acl_1.AclOperation.DESCRIBE_CONFIGS]: ['kafka-cluster:DescribeClusterDynamicConfiguration'],
        [acl_1.AclOperation.ALTER_CONFIGS]: ['kafka-cluster:AlterClusterDynamicConfiguration'],
        [acl_1.AclOperation.CREATE]: ['kafka-cluster:CreateTopic'],
        [acl_1.AclOperation.CLUSTER_ACTION]: ['kafka-cluster:AlterCluster'],
        [acl_1.AclOperation.ALL]: ['kafka-cluster:*'],
    },
    [acl_1.AclResourceType.TOPIC]: {
        [acl_1.AclOperation.READ]: ['kafka-cluster:ReadData'],
        [acl_1.AclOperation.WRITE]: ['kafka-cluster:WriteData'],
        [acl_1.AclOperation.DESCRIBE]: ['kafka-cluster:DescribeTopic'],
        [acl_1.AclOperation.CREATE]: ['kafka-cluster:CreateTopic'],
        [acl_1.AclOperation.DELETE]: ['kafka-cluster:DeleteTopic'],
        [acl_1.AclOperation.ALTER]: ['kafka-cluster:AlterTopic'],
        [acl_1.AclOperation.DESCRIBE_CONFIGS]: ['kafka-cluster:DescribeTopicDynamicConfiguration'],
        [acl_1.AclOperation.ALTER_CONFIGS]: ['kafka-cluster:AlterTopicDynamicConfiguration'],
        [acl_1.AclOperation.ALL]: ['kafka-cluster:*Topic*', 'kafka-cluster:WriteData', 'kafka-cluster:ReadData'],
    },
    [acl_1.AclResourceType.GROUP]: {
        [acl_1.AclOperation.READ]: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'],
        [acl_1.AclOperation.DESCRIBE]: ['kafka-cluster:DescribeGroup'],
        [acl_1.AclOperation.DELETE]: ['kafka-cluster:DeleteGroup'],
        [acl_1.AclOperation.ALL]: ['kafka-cluster:*Group*'],
    },
    [acl_1.AclResourceType.TRANSACTIONAL_ID]: {
        [acl_1.AclOperation.WRITE]: ['kafka-cluster:AlterTransactionalId'],
        [acl_1.AclOperation.DESCRIBE]: ['kafka-cluster:DescribeTransactionalId'],
        [acl_1.AclOperation.ALL]: ['kafka-cluster:*TransactionalId'],
    },
};
/** Cluster actions every IAM principal needs to open a connection and read metadata. */
exports.MSK_IAM_CONNECT_ACTIONS = ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'];
/**
 * The cluster actions SEC-005 accepts for a non-admin IAM principal: Connect, DescribeCluster
 * and WriteDataIdempotently.
 */
exports.MSK_IAM_NON_ADMIN_CLUSTER_ACTIONS = [
    'kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently',
];
/** The IAM actions of one ACL entry, deduplicated and sorted. */
function mskIamActionsOf(entry) {
    const byOp = ACTIONS[entry.resource.type];
    const out = new Set();
    for (const op of entry.operations) {
        for (const a of byOp[op] ?? [])
            out.add(a);
    }
    return [...out].sort();
}
/** Whether an operation has an IAM equivalent on the resource type. */
function hasMskIamEquivalent(type, operation) {
    return (ACTIONS[type][operation] ?? []).length > 0;
}
