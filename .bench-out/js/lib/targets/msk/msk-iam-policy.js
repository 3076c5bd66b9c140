"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mskArnPrefixesOf = mskArnPrefixesOf;
exports.mskArnOf = mskArnOf;
exports.renderMskIamPolicy = renderMskIamPolicy;
const acl_1 = require("../../model/access/acl");
const msk_iam_actions_1 = require("../../model/access/msk-iam-actions");
/** The prefixes of a literal cluster ARN. */
function mskArnPrefixesOf(clusterArn) {
    return {
        cluster: clusterArn,
        topic: clusterArn.replace(':cluster/', ':topic/'),
        group: clusterArn.replace(':cluster/', ':group/'),
        transactionalId: clusterArn.replace(':cluster/', ':transactional-id/'),
    };
}
/** The ARN an ACL resource maps to: a name, a prefix (`<name>*`) or every resource (`/*`). */
function mskArnOf(resource, arns) {
    if (resource.type === acl_1.AclResourceType.CLUSTER)
        return arns.cluster;
    const base = resource.type === acl_1.AclResourceType.TOPIC ? arns.topic
        : resource.type === acl_1.AclResourceType.GROUP ? arns.group : arns.transactionalId;
    if (resource.isWildcard)
        return `${base}/*`;
    return resource.isPrefix ? `${base}/${resource.name}*` : `${base}/${resource.name}`;
}
/**
 * The IAM policy of one principal: Connect and DescribeCluster on the cluster, then one
 * statement per resource with the `kafka-cluster:*` actions of its ACL entries; deny entries
 * become `Deny` statements. Pure: the same principal gives the same document.
 */
function renderMskIamPolicy(principal, arns) {
    const statements = new Map();
    const add = (effect, resource, label, actions) => {
        const key = `${effect} ${resource}`;
        const s = statements.get(key) ?? { effect, resource, label, actions: new Set() };
        for (const a of actions)
            s.actions.add(a);
        statements.set(key, s);
    };
    add('Allow', arns.cluster, 'Cluster', msk_iam_actions_1.MSK_IAM_CONNECT_ACTIONS);
    for (const entry of principal.acls) {
        const actions = (0, msk_iam_actions_1.mskIamActionsOf)(entry);
        if (actions.length === 0)
            continue;
        const effect = entry.permission === acl_1.AclPermission.DENY ? 'Deny' : 'Allow';
        const label = entry.resource.type === acl_1.AclResourceType.CLUSTER ? 'Cluster'
            : `${entry.resource.type}${entry.resource.isWildcard ? 'Any' : entry.resource.name}${entry.resource.isPrefix ? 'Prefix' : ''}`;
        add(effect, mskArnOf(entry.resource, arns), label, actions);
    }
    const used = new Set();
    return {
        Version: '2012-10-17',
        Statement: [...statements.values()].map((s) => {
            const base = `${s.effect}${s.label}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 60);
            let sid = base;
            for (let i = 2; used.has(sid); i++)
                sid = `${base}${i}`;
            used.add(sid);
            return { Sid: sid, Effect: s.effect, Action: [...s.actions].sort(), Resource: [s.resource] };
        }),
    };
}
