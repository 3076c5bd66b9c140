import type { AclEntry } from './acl';
import { MSK_IAM_CONNECT_ACTIONS, mskIamActionsOf } from './msk-iam-actions';

/** The IAM actions a grant gives on one resource. */
export interface IamGrantStatement {
  /** `cluster`, `topic 'orders'`, `group prefix 'billing-'`. */
  readonly resource: string;
  /** `kafka-cluster:*` actions, sorted. */
  readonly actions: readonly string[];
}

/**
 * What one grant created: the Kafka ACL entries (rendered as Strimzi `KafkaUser` ACLs and
 * `kafka-acls.sh` lines) and, for the same grant on MSK with IAM, the IAM actions.
 * Returned by `grantProduce`, `grantConsume` and the principal's `add*` methods.
 */
export class AccessGrant {
  /** Every IAM action of this grant, by resource; the cluster's Connect and DescribeCluster included. */
  public readonly iamStatements: readonly IamGrantStatement[];

  public constructor(
    /** The principal's name. */
    public readonly principal: string,
    /** A one-line description: `produce to topic 'orders'`. */
    public readonly description: string,
    /** The ACL entries this grant added. */
    public readonly acls: readonly AclEntry[],
  ) {
    const statements: IamGrantStatement[] = [{ resource: 'cluster', actions: [...MSK_IAM_CONNECT_ACTIONS] }];
    for (const e of acls) {
      const actions = mskIamActionsOf(e);
      const label = e.resource.toString();
      const existing = statements.find((s) => s.resource === label);
      if (existing) {
        statements[statements.indexOf(existing)] = { resource: label, actions: [...new Set([...existing.actions, ...actions])].sort() };
      } else {
        statements.push({ resource: label, actions });
      }
    }
    this.iamStatements = statements;
  }

  /** The ACL entries as readable lines: `allow Write,Describe on topic 'orders'`. */
  public get aclLines(): readonly string[] {
    return this.acls.map((e) => `${e.permission} ${e.operations.join(',')} on ${e.resource.toString()}`);
  }
}
