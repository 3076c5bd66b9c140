"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSK_REPLICATOR_INTERNAL_GROUPS = exports.MSK_REPLICATOR_INTERNAL_TOPICS = exports.MskReplicatorTopicNaming = void 0;
exports.renderMskReplicatorPolicy = renderMskReplicatorPolicy;
const acl_1 = require("../../model/access/acl");
const msk_iam_actions_1 = require("../../model/access/msk-iam-actions");
/** How MSK Replicator names the topics it creates on the target. */
var MskReplicatorTopicNaming;
(function (MskReplicatorTopicNaming) {
    /**
     * The same names as on the source (`IDENTICAL`): consumers fail over without renaming
     * anything. The replicator filters records that came from the target, so no loops.
     */
    MskReplicatorTopicNaming["IDENTICAL"] = "IDENTICAL";
    /**
     * `<sourceKafkaClusterAlias>.<topic>` (`PREFIXED_WITH_SOURCE_CLUSTER_ALIAS`), the MSK default:
     * for active-active, where each region keeps its own topics apart from the replicated ones.
     */
    MskReplicatorTopicNaming["PREFIXED_WITH_SOURCE_CLUSTER_ALIAS"] = "PREFIXED_WITH_SOURCE_CLUSTER_ALIAS";
})(MskReplicatorTopicNaming || (exports.MskReplicatorTopicNaming = MskReplicatorTopicNaming = {}));
/**
 * The internal topics MSK Replicator keeps on both clusters (heartbeats, offset syncs,
 * checkpoints); the role needs them whatever is replicated.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-perms-topic-replication.html
 */
exports.MSK_REPLICATOR_INTERNAL_TOPICS = ['*__amazon_msk_replicator_*', 'mskr-offset-syncs.*', '*.checkpoints.internal'];
/** The internal consumer groups of MSK Replicator on the target. */
exports.MSK_REPLICATOR_INTERNAL_GROUPS = ['*__amazon_msk_replicator_*'];
/** The IAM actions of some ACL operations on a resource type, through the access model's table. */
function actions(type, operations) {
    const resource = type === acl_1.AclResourceType.CLUSTER ? acl_1.AclResource.cluster() : type === acl_1.AclResourceType.GROUP ? acl_1.AclResource.group('g') : acl_1.AclResource.topic('t');
    return (0, msk_iam_actions_1.mskIamActionsOf)({ principal: 'msk-replicator', permission: acl_1.AclPermission.ALLOW, resource, operations });
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
function renderMskReplicatorPolicy(p) {
    const O = acl_1.AclOperation;
    const topicArns = (base, names) => names.map((n) => `${base}/${n}`);
    const groupArns = (base) => p.consumerGroups.map((g) => `${base}/${g.name}${g.isPrefix ? '*' : ''}`);
    const targetTopics = p.topicNaming === MskReplicatorTopicNaming.IDENTICAL ? p.topics : p.topics.map((t) => `*.${t}`);
    const cluster = (extra) => [...new Set([...msk_iam_actions_1.MSK_IAM_CONNECT_ACTIONS, ...actions(acl_1.AclResourceType.CLUSTER, [O.DESCRIBE, O.IDEMPOTENT_WRITE, ...extra])])].sort();
    const internalTopicActions = actions(acl_1.AclResourceType.TOPIC, [O.CREATE, O.READ, O.WRITE, O.DESCRIBE, O.DESCRIBE_CONFIGS, O.ALTER, O.ALTER_CONFIGS]);
    const configWrite = p.copyTopicConfigurations ? [O.ALTER, O.ALTER_CONFIGS] : [];
    const statements = [
        { Sid: 'SourceCluster', Effect: 'Allow', Action: cluster([]), Resource: [p.source.cluster] },
        { Sid: 'TargetCluster', Effect: 'Allow', Action: cluster(p.copyAccessControlListsForTopics ? [O.ALTER] : []), Resource: [p.target.cluster] },
        { Sid: 'SourceInternalTopics', Effect: 'Allow', Action: internalTopicActions, Resource: topicArns(p.source.topic, exports.MSK_REPLICATOR_INTERNAL_TOPICS) },
        { Sid: 'SourceTopics', Effect: 'Allow', Action: actions(acl_1.AclResourceType.TOPIC, [O.READ, O.DESCRIBE, O.DESCRIBE_CONFIGS]), Resource: topicArns(p.source.topic, p.topics) },
        { Sid: 'TargetInternalTopics', Effect: 'Allow', Action: internalTopicActions, Resource: topicArns(p.target.topic, exports.MSK_REPLICATOR_INTERNAL_TOPICS) },
        { Sid: 'TargetTopics', Effect: 'Allow', Action: actions(acl_1.AclResourceType.TOPIC, [O.CREATE, O.WRITE, O.DESCRIBE, O.DESCRIBE_CONFIGS, ...configWrite]), Resource: topicArns(p.target.topic, targetTopics) },
        { Sid: 'TargetInternalGroups', Effect: 'Allow', Action: actions(acl_1.AclResourceType.GROUP, [O.READ]), Resource: exports.MSK_REPLICATOR_INTERNAL_GROUPS.map((g) => `${p.target.group}/${g}`) },
    ];
    if (p.syncConsumerGroupOffsets && p.consumerGroups.length > 0) {
        statements.push({ Sid: 'SourceGroups', Effect: 'Allow', Action: actions(acl_1.AclResourceType.GROUP, [O.DESCRIBE]), Resource: groupArns(p.source.group) }, { Sid: 'TargetGroups', Effect: 'Allow', Action: actions(acl_1.AclResourceType.GROUP, [O.READ]), Resource: groupArns(p.target.group) });
    }
    return { Version: '2012-10-17', Statement: statements };
}
