import { terraformLiteral } from '../../contract/writers/terraform';
import { AclPermission, AclResourceType, type AclResource } from '../../model/access/acl';
import { MSK_IAM_CONNECT_ACTIONS, mskIamActionsOf } from '../../model/access/msk-iam-actions';
import type { Principal } from '../../model/access/principal';

/**
 * The ARN prefixes of one MSK cluster's resources, derived from its cluster ARN
 * `arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`: topics, groups and transactional ids
 * live under `...:topic/<name>/<uuid>/`, `...:group/<name>/<uuid>/` and
 * `...:transactional-id/<name>/<uuid>/`.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html#msk-iam-resources
 */
export interface MskArnPrefixes {
  /** The cluster ARN. */
  readonly cluster: string;
  /** `arn:aws:kafka:<region>:<account>:topic/<name>/<uuid>` (no trailing slash). */
  readonly topic: string;
  /** `arn:aws:kafka:<region>:<account>:group/<name>/<uuid>`. */
  readonly group: string;
  /** `arn:aws:kafka:<region>:<account>:transactional-id/<name>/<uuid>`. */
  readonly transactionalId: string;
}

/** An IAM policy document (the subset kafka-iac writes). */
export interface IamPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: 'Allow' | 'Deny';
    readonly Action: readonly string[];
    readonly Resource: readonly string[];
  }[];
}

/** The prefixes of a literal cluster ARN. */
export function mskArnPrefixesOf(clusterArn: string): MskArnPrefixes {
  return {
    cluster: clusterArn,
    topic: clusterArn.replace(':cluster/', ':topic/'),
    group: clusterArn.replace(':cluster/', ':group/'),
    transactionalId: clusterArn.replace(':cluster/', ':transactional-id/'),
  };
}

/** The ARN an ACL resource maps to: a name, a prefix (`<name>*`) or every resource (`/*`). */
export function mskArnOf(resource: AclResource, arns: MskArnPrefixes): string {
  if (resource.type === AclResourceType.CLUSTER) return arns.cluster;
  const base = resource.type === AclResourceType.TOPIC ? arns.topic
    : resource.type === AclResourceType.GROUP ? arns.group : arns.transactionalId;
  if (resource.isWildcard) return `${base}/*`;
  return resource.isPrefix ? `${base}/${terraformLiteral(resource.name)}*` : `${base}/${terraformLiteral(resource.name)}`;
}

/**
 * The IAM policy of one principal: Connect and DescribeCluster on the cluster, then one
 * statement per resource with the `kafka-cluster:*` actions of its ACL entries; deny entries
 * become `Deny` statements. Pure: the same principal gives the same document.
 */
export function renderMskIamPolicy(principal: Principal, arns: MskArnPrefixes): IamPolicyDocument {
  const statements = new Map<string, { effect: 'Allow' | 'Deny'; resource: string; label: string; actions: Set<string> }>();
  const add = (effect: 'Allow' | 'Deny', resource: string, label: string, actions: readonly string[]): void => {
    const key = `${effect} ${resource}`;
    const s = statements.get(key) ?? { effect, resource, label, actions: new Set<string>() };
    for (const a of actions) s.actions.add(a);
    statements.set(key, s);
  };
  add('Allow', arns.cluster, 'Cluster', MSK_IAM_CONNECT_ACTIONS);
  for (const entry of principal.acls) {
    const actions = mskIamActionsOf(entry);
    if (actions.length === 0) continue;
    const effect = entry.permission === AclPermission.DENY ? 'Deny' : 'Allow';
    const label = entry.resource.type === AclResourceType.CLUSTER ? 'Cluster'
      : `${entry.resource.type}${entry.resource.isWildcard ? 'Any' : entry.resource.name}${entry.resource.isPrefix ? 'Prefix' : ''}`;
    add(effect, mskArnOf(entry.resource, arns), label, actions);
  }
  const used = new Set<string>();
  return {
    Version: '2012-10-17',
    Statement: [...statements.values()].map((s) => {
      const base = `${s.effect}${s.label}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 60);
      let sid = base;
      for (let i = 2; used.has(sid); i++) sid = `${base}${i}`;
      used.add(sid);
      return { Sid: sid, Effect: s.effect, Action: [...s.actions].sort(), Resource: [s.resource] };
    }),
  };
}
