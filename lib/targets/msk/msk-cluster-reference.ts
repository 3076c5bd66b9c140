import { AuthenticationMechanism } from '../../model/client-authentication';
import { Environment } from '../../model/environment';
import type { MskCluster } from './msk-cluster';

/**
 * What MSK Replicator needs to know of a cluster it reads from or writes to. The addresses
 * (ARN, subnets, security groups, VPC) may be literals or Terraform references; the facts
 * (region, IAM, multi-VPC, cluster policy) are declarations the replicator validates at
 * construction.
 */
export interface MskClusterAttributes {
  /**
   * The cluster ARN, `arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>`: a
   * literal, a Terraform variable or another reference. Topic and group ARNs of the
   * replicator's IAM policy are derived from it.
   */
  readonly clusterArn: string;
  /** The cluster name (the `Cluster Name` dimension of its metrics). */
  readonly clusterName: string;
  /** The AWS region the cluster runs in. */
  readonly region: string;
  /**
   * Client subnets of the cluster the replicator connects through (at least two).
   * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-create.html
   */
  readonly subnetIds: string[];
  /**
   * The broker security groups. On the target, the replicator's own security group is
   * admitted to them on port 9098 (IAM).
   * @default - none: a source across regions needs none (it is reached over multi-VPC connectivity)
   */
  readonly securityGroupIds?: string[];
  /**
   * The VPC of the cluster; the replicator's security group on the target is created there.
   * @default - unknown: the reference can only be a source
   */
  readonly vpcId?: string;
  /** Whether IAM access control is on (MSK Replicator authenticates with IAM only). */
  readonly iamAuthentication: boolean;
  /**
   * Whether multi-VPC private connectivity is on for IAM clients (needed on the source of a
   * cross-region replicator).
   * @default false
   */
  readonly multiVpcIam?: boolean;
  /**
   * Whether a cluster policy lets `kafka.amazonaws.com` create the replicator's VPC connection
   * (`MskReplicationSource` writes it; needed on the source of a cross-region replicator).
   * @default false
   */
  readonly replicatorClusterPolicy?: boolean;
  /**
   * How an operator's admin client gets the IAM bootstrap brokers: a literal list or a shell
   * command; the DR drill document names it in its commands.
   * @default - unknown: no DR drill document is written
   */
  readonly bootstrapServers?: string;
}

/**
 * The shell command that prints the IAM bootstrap brokers of an MskCluster from its stack's
 * Terraform outputs (the default cdktf output folder).
 */
export function bootstrapServersCommand(cluster: MskCluster): string | undefined {
  const output = cluster.bootstrapOutputs.get(AuthenticationMechanism.IAM);
  return output ? `$(terraform -chdir=cdktf.out/stacks/${Environment.of(cluster).name} output -raw ${output.friendlyUniqueId})` : undefined;
}

const policies = new WeakSet<MskCluster>();

/**
 * A cluster MSK Replicator reads from or writes to. Built by its static factories:
 * `fromCluster` for an `MskCluster` of the same stack (the target, usually), `fromAttributes`
 * for anything else, and `MskReplicationSource.referenceFrom` for the source cluster of
 * another stack (its ARN and subnets come in as Terraform variables fed from that stack's
 * outputs, so the DR stack never reads the primary region's state).
 */
export class MskClusterReference {
  /**
   * A cluster of this app. Its attributes are Terraform references of its own stack: use it for
   * a cluster in the replicator's stack. (Used across stacks, cdktf would turn them into a
   * `terraform_remote_state` of the other stack; `MskReplicationSource.referenceFrom` avoids that.)
   */
  public static fromCluster(cluster: MskCluster): MskClusterReference {
    return new MskClusterReference({
      clusterArn: cluster.clusterArn,
      clusterName: cluster.clusterName,
      region: Environment.of(cluster).region,
      subnetIds: cluster.network.subnetIds,
      securityGroupIds: [cluster.network.securityGroupId],
      vpcId: cluster.network.vpcId,
      iamAuthentication: cluster.authentication.some((a) => a.mechanism === AuthenticationMechanism.IAM),
      multiVpcIam: cluster.multiVpcConnectivity.iam,
      replicatorClusterPolicy: policies.has(cluster),
      bootstrapServers: bootstrapServersCommand(cluster),
    }, cluster.node.path);
  }

  /** A cluster described by its attributes (created elsewhere, or in another stack). */
  public static fromAttributes(attrs: MskClusterAttributes): MskClusterReference {
    return new MskClusterReference(attrs, `cluster ${attrs.clusterName}`);
  }

  /** @internal Records that `MskReplicationSource` wrote the replicator cluster policy of a cluster. */
  public static markReplicatorClusterPolicy(cluster: MskCluster): void {
    policies.add(cluster);
  }

  public readonly clusterArn: string;
  public readonly clusterName: string;
  public readonly region: string;
  public readonly subnetIds: string[];
  public readonly securityGroupIds: string[];
  public readonly vpcId?: string;
  public readonly iamAuthentication: boolean;
  public readonly multiVpcIam: boolean;
  public readonly replicatorClusterPolicy: boolean;
  public readonly bootstrapServers?: string;
  /** Where the reference came from, for error messages: a construct path or `cluster <name>`. */
  public readonly description: string;

  private constructor(attrs: MskClusterAttributes, description: string) {
    this.clusterArn = attrs.clusterArn;
    this.clusterName = attrs.clusterName;
    this.region = attrs.region;
    this.subnetIds = attrs.subnetIds;
    this.securityGroupIds = attrs.securityGroupIds ?? [];
    this.vpcId = attrs.vpcId;
    this.iamAuthentication = attrs.iamAuthentication;
    this.multiVpcIam = attrs.multiVpcIam ?? false;
    this.replicatorClusterPolicy = attrs.replicatorClusterPolicy ?? false;
    this.bootstrapServers = attrs.bootstrapServers;
    this.description = description;
  }
}
