"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccessGrant = void 0;
const msk_iam_actions_1 = require("./msk-iam-actions");
/**
 * What one grant created: the Kafka ACL entries (rendered as Strimzi `KafkaUser` ACLs and
 * `kafka-acls.sh` lines) and, for the same grant on MSK with IAM, the IAM actions.
 * Returned by `grantProduce`, `grantConsume` and the principal's `add*` methods.
 */
class AccessGrant {
    principal;
    description;
    acls;
    /** Every IAM action of this grant, by resource; the cluster's Connect and DescribeCluster included. */
    iamStatements;
    constructor(
    /** The principal's name. */
    principal, 
    /** A one-line description: `produce to topic 'orders'`. */
    description, 
    /** The ACL entries this grant added. */
    acls) {
        this.principal = principal;
        this.description = description;
        this.acls = acls;
        const statements = [{ resource: 'cluster', actions: [...msk_iam_actions_1.MSK_IAM_CONNECT_ACTIONS] }];
        for (const e of acls) {
            const actions = (0, msk_iam_actions_1.mskIamActionsOf)(e);
            const label = e.resource.toString();
            const existing = statements.find((s) => s.resource === label);
            if (existing) {
                statements[statements.indexOf(existing)] = { resource: label, actions: [...new Set([...existing.actions, ...actions])].sort() };
            }
            else {
                statements.push({ resource: label, actions });
            }
        }
        this.iamStatements = statements;
    }
    /** The ACL entries as readable lines: `allow Write,Describe on topic 'orders'`. */
    get aclLines() {
        return this.acls.map((e) => `${e.permission} ${e.operations.join(',')} on ${e.resource.toString()}`);
    }
}
exports.AccessGrant = AccessGrant;
