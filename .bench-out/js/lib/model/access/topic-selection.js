"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TopicSelection = void 0;
const errors_1 = require("../errors");
const acl_1 = require("./acl");
const GROUP_NAME = /^([A-Za-z0-9._-]{1,249}|\*)$/;
/**
 * One topic or a set of topics (a prefix, or `*`) that principals can be granted access to.
 * `Topic` and `TopicPattern` extend it.
 */
class TopicSelection {
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
    grantProduce(principal, options = {}) {
        const entries = [allow(principal, this.aclResource, [acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE])];
        const hasIdempotentWrite = principal.acls.some((e) => e.permission === acl_1.AclPermission.ALLOW
            && e.resource.type === acl_1.AclResourceType.CLUSTER && e.operations.includes(acl_1.AclOperation.IDEMPOTENT_WRITE));
        if (principal.idempotent && !hasIdempotentWrite)
            entries.push(allow(principal, acl_1.AclResource.cluster(), [acl_1.AclOperation.IDEMPOTENT_WRITE]));
        if (options.transactionalId !== undefined) {
            const txn = options.transactionalIdIsPrefix ? acl_1.AclResource.transactionalIdPrefix(options.transactionalId) : acl_1.AclResource.transactionalId(options.transactionalId);
            entries.push(allow(principal, txn, [acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE]));
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
    grantConsume(principal, options) {
        const group = options?.group;
        if (typeof group !== 'string' || !GROUP_NAME.test(group)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-005', path: `${this.errorPath}/consumers/${principal.name}`, prop: 'group', found: group,
                expected: 'a named consumer group (letters, digits, . _ -): a consumer gets Read on its own group only',
                fix: `Name the group the consumer uses as group.id, for example topic.grantConsume(${principal.name}, { group: '${principal.name}' }).`,
            });
        }
        const groupResource = options.groupIsPrefix ? acl_1.AclResource.groupPrefix(group) : acl_1.AclResource.group(group);
        return principal.addGrant(`consume ${this.aclResource.toString()} in ${groupResource.toString()}`, [
            allow(principal, this.aclResource, [acl_1.AclOperation.READ, acl_1.AclOperation.DESCRIBE]),
            allow(principal, groupResource, [acl_1.AclOperation.READ]),
        ]);
    }
}
exports.TopicSelection = TopicSelection;
function allow(principal, resource, operations) {
    return { principal: principal.name, permission: acl_1.AclPermission.ALLOW, resource, operations };
}
