import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import type { MskClusterPolicy } from '@cdktf/provider-aws/lib/msk-cluster-policy';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AuthenticationMechanism } from '../../model/client-authentication';
import { KafkaIacError } from '../../model/errors';
import type { MskCluster } from './msk-cluster';
import { MskClusterReference, bootstrapServersCommand } from './msk-cluster-reference';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { MskClusterPolicyClass } from './aws-provider-classes';

/** Props of an `MskReplicationSource`: the source cluster of an MSK replicator. */
export interface MskReplicationSourceProps {
  /**
   * The source cluster: IAM authentication on, and multi-VPC private connectivity for IAM
   * (`multiVpcConnectivity: { iam: true }`).
   */
  readonly cluster: MskCluster;
}

/** The actions the cluster policy grants the MSK service, so that a replicator in another region can connect. */
export const MSK_REPLICATOR_SOURCE_POLICY_ACTIONS: readonly string[] = [
  'kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers', 'kafka:DescribeClusterV2',
];

/**
 * The source side of a cross-region MSK Replicator, in the source cluster's stack:
 * - an `aws_msk_cluster_policy` (`.policy`) that lets the `kafka.amazonaws.com` service, for this
 *   account only (`aws:SourceAccount`), create the replicator's multi-VPC connection and read the
 *   bootstrap brokers (`kafka:CreateVpcConnection`, `kafka:GetBootstrapBrokers`,
 *   `kafka:DescribeClusterV2`). Data access stays with the replicator's IAM role.
 * - outputs `<id>_cluster_arn` and `<id>_subnet_ids` (snake case of the construct id, for
 *   example `replication_source_cluster_arn`), which the DR stack takes as variables of the same
 *   names (`referenceFrom`).
 *
 * A cluster has one cluster policy: another `aws_msk_cluster_policy` on the same cluster
 * (cross-account clients) would replace this one; merge them through `.policy.addOverride`.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-network-reqs.html
 */
export class MskReplicationSource extends KafkaIacConstruct {
  /** The `aws_msk_cluster_policy`. */
  public readonly policy: MskClusterPolicy;
  /** The output with the cluster ARN. */
  public readonly clusterArnOutput: TerraformOutput;
  /** The output with the cluster's client subnets. */
  public readonly subnetIdsOutput: TerraformOutput;
  public readonly cluster: MskCluster;
  private readonly outputPrefix: string;
  private readonly references = new WeakMap<Construct, MskClusterReference>();

  public constructor(scope: Construct, id: string, props: MskReplicationSourceProps) {
    super(scope, id);
    const cluster = props.cluster;
    this.cluster = cluster;
    if (!cluster.authentication.some((a) => a.mechanism === AuthenticationMechanism.IAM)) {
      throw KafkaIacError.invalidProp({
        code: 'DR-001', path: this.path, prop: 'cluster.authentication', found: cluster.authentication.map((a) => a.mechanism),
        expected: 'IAM access control on the source cluster: MSK Replicator authenticates with IAM only (port 9098)',
        fix: 'Add ClientAuthentication.iam() to the authentication of the source MskCluster.',
      });
    }
    if (!cluster.multiVpcConnectivity.iam) {
      throw KafkaIacError.invalidProp({
        code: 'DR-001', path: this.path, prop: 'cluster.multiVpcConnectivity.iam', found: false,
        expected: 'multi-VPC private connectivity for IAM on the source: a replicator in another region reaches the source only through it',
        fix: 'Set multiVpcConnectivity: { iam: true } on the source MskCluster (on a new cluster, in a second apply: MSK refuses it at creation).',
      });
    }
    const account = new DataAwsCallerIdentity(this, 'Account');
    this.policy = new (MskClusterPolicyClass())(this, 'Resource', {
      clusterArn: cluster.clusterArn,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'MskReplicatorCreatesVpcConnection',
          Effect: 'Allow',
          Principal: { Service: 'kafka.amazonaws.com' },
          Action: [...MSK_REPLICATOR_SOURCE_POLICY_ACTIONS],
          Resource: cluster.clusterArn,
          Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } },
        }],
      }),
    });
    MskClusterReference.markReplicatorClusterPolicy(cluster);

    this.outputPrefix = snakeCase(id);
    this.clusterArnOutput = new TerraformOutput(this, 'ClusterArn', {
      value: cluster.clusterArn,
      description: `ARN of ${cluster.clusterName}, the source of MSK Replicator: pass it to the DR stack as ${this.outputPrefix}_cluster_arn`,
    });
    this.clusterArnOutput.overrideLogicalId(`${this.outputPrefix}_cluster_arn`);
    this.subnetIdsOutput = new TerraformOutput(this, 'SubnetIds', {
      value: cluster.network.subnetIds,
      description: `Client subnets of ${cluster.clusterName} for MSK Replicator: pass them to the DR stack as ${this.outputPrefix}_subnet_ids`,
    });
    this.subnetIdsOutput.overrideLogicalId(`${this.outputPrefix}_subnet_ids`);
  }

  /** The names of the outputs (and of the variables `referenceFrom` declares). */
  public get outputNames(): { readonly clusterArn: string; readonly subnetIds: string } {
    return { clusterArn: `${this.outputPrefix}_cluster_arn`, subnetIds: `${this.outputPrefix}_subnet_ids` };
  }

  /**
   * A reference to this source for a stack in another region (the replicator's): declares the
   * Terraform variables `<id>_cluster_arn` (string) and `<id>_subnet_ids` (list of strings)
   * under `scope`, named like this stack's outputs, and carries the facts of the source cluster
   * (region, IAM, multi-VPC, this cluster policy). Deploy the source stack first, then feed its
   * outputs to the target stack:
   * `cdktf deploy dr --var="replication_source_cluster_arn=$(terraform -chdir=cdktf.out/stacks/production output -raw replication_source_cluster_arn)"`
   * (and the subnet list the same way, with `-json`). The target stack then plans without
   * reading the source region's state, which matters when that region is the one down.
   */
  public referenceFrom(scope: Construct): MskClusterReference {
    const known = this.references.get(scope);
    if (known) return known;
    const names = this.outputNames;
    const arn = new TerraformVariable(scope, names.clusterArn, {
      type: 'string',
      description: `ARN of the source MSK cluster ${this.cluster.clusterName} (output ${names.clusterArn} of the ${this.environment.name} stack)`,
    });
    arn.overrideLogicalId(names.clusterArn);
    const subnets = new TerraformVariable(scope, names.subnetIds, {
      type: 'list(string)',
      description: `Client subnets of ${this.cluster.clusterName} (output ${names.subnetIds} of the ${this.environment.name} stack)`,
    });
    subnets.overrideLogicalId(names.subnetIds);
    const reference = MskClusterReference.fromAttributes({
      clusterArn: arn.stringValue,
      clusterName: this.cluster.clusterName,
      region: this.environment.region,
      subnetIds: subnets.listValue,
      iamAuthentication: true,
      multiVpcIam: true,
      replicatorClusterPolicy: true,
      bootstrapServers: bootstrapServersCommand(this.cluster),
    });
    this.references.set(scope, reference);
    return reference;
  }
}

function snakeCase(id: string): string {
  return id.replace(/[^a-zA-Z0-9]+/g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
