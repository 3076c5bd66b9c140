import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import type { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { MskReplicator as MskReplicatorResource } from '@cdktf/provider-aws/lib/msk-replicator';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, TerraformLocal, Token } from 'cdktf';
import { TerraformDataResource } from './terraform-data';
import { Construct } from 'constructs';
import { Environment } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import { DrDrill, DrReplicationTechnology } from '../../model/dr/dr-drill';
import { DR_PAIRING_TAG, drPairingArtefactInput } from '../../contract/dr-markers';
import type { DrPairing } from '../../model/dr/dr-pairing';
import { MSK_REPLICATOR_TOPIC_NAME_TYPE } from '../../model/dr/replication-policy';
import { PRINCIPAL_KIND_TAG, PRINCIPAL_TAG } from '../../contract/vocabulary';
import { mskArnPrefixesOf, type IamPolicyDocument } from './msk-iam-policy';
import { PrincipalKind } from '../../model/access/principal';
import { MSK_LISTENER_PORTS } from '../../contract/msk-ports';
import type { MskClusterReference } from './msk-cluster-reference';
import { MSK_REPLICATOR_RPO_TAG } from '../../contract/msk-replicator-markers';
import { MskReplicatorTopicNaming, renderMskReplicatorPolicy, type MskReplicatorClusterArns, type MskReplicatorConsumerGroup } from './msk-replicator-policy';
import { consumerGroupRegex, exactNameRegex } from '../../model/dr/dr-pairing';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { IamPolicyClass, IamRoleClass, IamRolePolicyAttachmentClass, MskReplicatorResourceClass, VpcSecurityGroupEgressRuleClass } from './aws-provider-classes';

/** Where MSK Replicator starts reading the source topics when it is created (it cannot change later). */
export enum MskReplicatorStartingPosition {
  /** The oldest retained record: the DR copy holds everything the source still has. */
  EARLIEST = 'EARLIEST',
  /** Only records produced after the replicator runs (the MSK default). */
  LATEST = 'LATEST',
}

/** The compression of the records MSK Replicator writes to the target. */
export enum MskReplicatorCompression {
  /** No compression. */
  NONE = 'NONE',
  /** gzip. */
  GZIP = 'GZIP',
  /** Snappy. */
  SNAPPY = 'SNAPPY',
  /** LZ4, the producer default of kafka-iac (`compression.type=lz4`). */
  LZ4 = 'LZ4',
  /** Zstandard. */
  ZSTD = 'ZSTD',
}

/** Props of an `MskReplicator`: the DR pairing, the two clusters and what is replicated. */
export interface MskReplicatorProps {
  /**
   * The source cluster, in another region: IAM access control, multi-VPC private connectivity
   * for IAM, and the replicator cluster policy (`MskReplicationSource.referenceFrom`).
   */
  readonly source: MskClusterReference;
  /**
   * The target cluster, in the region of this stack (the replicator and its metrics live
   * there): IAM access control, its VPC and broker security groups
   * (`MskClusterReference.fromCluster(drCluster)`).
   */
  readonly target: MskClusterReference;
  /**
   * The DR pairing this replicator carries out: topics, consumer groups, RPO, topic naming and
   * offset sync come from it (give none of them here), the replicator is tagged with its name,
   * and its declaration is written into a `terraform_data` for the DR rules.
   * @default - none: topics, consumerGroups and rpoSeconds are required
   */
  readonly pairing?: DrPairing;
  /**
   * The topics to replicate, by name (each becomes an anchored, escaped regular expression such
   * as `^audit\.events$`, so no other topic matches).
   * @default - the pairing's topics
   * @see DR-002
   */
  readonly topics?: readonly string[];
  /**
   * The consumer groups whose committed offsets are translated to the target.
   * @default - the pairing's consumer groups
   * @see DR-002
   */
  readonly consumerGroups?: readonly MskReplicatorConsumerGroup[];
  /**
   * The declared recovery point objective, in seconds: written as the `kafka-iac:rpo-seconds`
   * tag for operators (the rules compare the ReplicationLatency alarm of `MskReplicatorAlarms`
   * with the RPO of the pairing declaration, DR-003).
   * @default - the pairing's RPO
   * @see DR-003
   */
  readonly rpoSeconds?: number;
  /**
   * How topics are named on the target.
   * @default - from the pairing's replication policy; without a pairing MskReplicatorTopicNaming.IDENTICAL (failover: consumers keep their topic names)
   * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-topic-naming.html
   */
  readonly topicNaming?: MskReplicatorTopicNaming;
  /**
   * Translate and commit consumer group offsets on the target, so consumers resume there where
   * they stopped. Cannot be off with identical names (the failover setup).
   * @default - the pairing's; without a pairing true
   * @see DR-002
   */
  readonly syncConsumerGroupOffsets?: boolean;
  /**
   * Where replication starts when the replicator is created; a change replaces the replicator.
   * @default MskReplicatorStartingPosition.EARLIEST
   */
  readonly startingPosition?: MskReplicatorStartingPosition;
  /**
   * Copy topic configurations (retention, cleanup policy, max message size) to the target and
   * keep them in sync. Adds AlterTopic and AlterTopicDynamicConfiguration on the target topics.
   * @default true
   */
  readonly copyTopicConfigurations?: boolean;
  /**
   * Copy the source's Kafka ACLs of the replicated topics (read ACLs only; MSK never copies
   * write ACLs). Needs AlterCluster on the target, a cluster-level right that SEC-005 reports;
   * kafka-iac renders the ACLs of the DR cluster from the access model instead.
   * @default false
   */
  readonly copyAccessControlListsForTopics?: boolean;
  /**
   * Replicate topics (among `topics`) that are created on the source after the replicator.
   * @default true
   */
  readonly detectAndCopyNewTopics?: boolean;
  /**
   * Replicate offsets of groups (among `consumerGroups`) that appear after the replicator.
   * @default true
   */
  readonly detectAndCopyNewConsumerGroups?: boolean;
  /**
   * Compression of the records written to the target; use the producers' own.
   * @default MskReplicatorCompression.LZ4
   */
  readonly targetCompression?: MskReplicatorCompression;
  /**
   * Write the pairing's DR drill document (`dist/<peer>/dr-drill-<pairing>.md`), when both
   * references know their bootstrap servers.
   * @default true
   */
  readonly drill?: boolean;
  /**
   * The replicator name (the `ReplicatorName` dimension of its metrics).
   * @default '<source cluster>-to-<target cluster>'
   */
  readonly replicatorName?: string;
}

const REPLICATOR_NAME = /^[0-9A-Za-z][0-9A-Za-z-]{0,127}$/;
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const GROUP_NAME = /^[a-zA-Z0-9._-]{1,255}$/;

/**
 * AWS MSK Replicator (`aws_msk_replicator`, `.resource`) from an MSK cluster in another region
 * to an MSK cluster in this stack's region, the managed alternative to MirrorMaker 2 for MSK to
 * MSK (DR-001). It lives in the target region, where its metrics (ReplicationLatency,
 * MessageLag, dimension ReplicatorName) appear. Built with:
 * - a service execution role (`.role`) trusted by `kafka.amazonaws.com` for this account only,
 *   with a least-privilege `aws_iam_policy` (`.policy`, read by SEC-005): the replicated
 *   topics and groups by name, the internal topics, never a wildcard cluster, topic or group;
 * - the source reached over multi-VPC private connectivity (no security groups), the target
 *   through a security group of its own (`.securityGroup`) admitted to the broker security
 *   groups on 9098 only;
 * - topic replication by exact-name patterns, identical names by default, starting at the
 *   earliest offset, configurations copied, ACLs not copied; consumer group offsets synced.
 *
 * Validation (one KafkaIacError with rule, path, value, expectation and fix): IAM on both
 * clusters, same account, different regions with the target in this stack's region, multi-VPC
 * IAM and the replicator cluster policy on the source, two subnets per cluster, named topics
 * and groups, offset sync on with identical names, a declared RPO.
 *
 * Escape hatch: `replicator.resource.addOverride('replication_info_list.target_compression_type', 'ZSTD')`;
 * a policy widened through `replicator.policy.addOverride` is caught by SEC-005.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator.html
 */
export class MskReplicator extends KafkaIacConstruct {
  /** The `aws_msk_replicator`. */
  public readonly resource: MskReplicatorResource;
  /** The service execution role. */
  public readonly role: IamRole;
  /** The role's policy (kafka-cluster actions on the two clusters). */
  public readonly policy: IamPolicy;
  /** The policy document, as rendered. */
  public readonly policyDocument: IamPolicyDocument;
  /** The replicator's security group in the target VPC. */
  public readonly securityGroup: SecurityGroup;
  public readonly replicatorName: string;
  public readonly replicatorArn: string;
  public readonly rpoSeconds: number;
  public readonly topicNaming: MskReplicatorTopicNaming;
  public readonly topics: readonly string[];
  public readonly consumerGroups: readonly MskReplicatorConsumerGroup[];
  /** The `terraform_data` with the pairing declaration, when built from a pairing. */
  public readonly pairingDeclaration?: TerraformDataResource;
  /** The DR drill document (relative to `dist/<peer>/`), when written. */
  public readonly drillFile?: string;

  public constructor(scope: Construct, id: string, props: MskReplicatorProps) {
    super(scope, id);
    const { source, target } = props;

    validateClusters(this.path, this.environment, source, target);

    const pairing = props.pairing;
    if (pairing) checkPairing(this.path, pairing, props, source.region, this.environment.region);
    this.topics = checkTopics(this.path, props.topics ?? pairing?.topics);
    this.topicNaming = props.topicNaming ?? (pairing ? MSK_REPLICATOR_TOPIC_NAME_TYPE[pairing.replicationPolicy] as MskReplicatorTopicNaming : MskReplicatorTopicNaming.IDENTICAL);
    if (!Object.values(MskReplicatorTopicNaming).includes(this.topicNaming)) {
      throw KafkaIacError.invalidProp({ code: 'DR-002', path: this.path, prop: 'topicNaming', found: this.topicNaming, expected: 'IDENTICAL or PREFIXED_WITH_SOURCE_CLUSTER_ALIAS', fix: 'Use MskReplicatorTopicNaming.IDENTICAL.' });
    }
    const syncOffsets = props.syncConsumerGroupOffsets ?? pairing?.syncConsumerGroupOffsets ?? true;
    if (!syncOffsets && this.topicNaming === MskReplicatorTopicNaming.IDENTICAL) {
      throw KafkaIacError.invalidProp({
        code: 'DR-002', path: this.path, prop: 'syncConsumerGroupOffsets', found: false,
        expected: 'true with identical topic names (failover): without translated offsets, consumers in the DR region restart from auto.offset.reset, re-reading or skipping records',
        fix: 'Remove syncConsumerGroupOffsets: false, or name topics PREFIXED_WITH_SOURCE_CLUSTER_ALIAS for active-active.',
      });
    }
    this.consumerGroups = checkGroups(this.path, props.consumerGroups ?? pairing?.consumerGroups ?? [], syncOffsets);
    this.rpoSeconds = props.rpoSeconds ?? pairing?.rpo.seconds ?? Number.NaN;
    if (!Number.isInteger(this.rpoSeconds) || this.rpoSeconds < 1) {
      throw KafkaIacError.invalidProp({
        code: 'DR-003', path: this.path, prop: 'rpoSeconds', found: props.rpoSeconds,
        expected: 'the declared RPO, a whole number of seconds of at least 1 (MON-010 alarms when ReplicationLatency passes it)',
        fix: 'Set rpoSeconds from the DR pairing, for example rpoSeconds: 300.',
      });
    }
    this.replicatorName = props.replicatorName ?? `${source.clusterName}-to-${target.clusterName}`.slice(0, 128);
    if (!REPLICATOR_NAME.test(this.replicatorName)) {
      throw KafkaIacError.grammar({
        code: 'KIAC-PROP', path: this.path, prop: 'replicatorName', found: this.replicatorName,
        grammar: 'letters, digits and dashes, starting with a letter or digit, at most 128 characters',
        fix: "Use a name such as 'production-to-dr'.",
      });
    }
    const copyAcls = props.copyAccessControlListsForTopics ?? false;
    const copyConfigs = props.copyTopicConfigurations ?? true;

    const account = new DataAwsCallerIdentity(this, 'Account');
    this.role = new (IamRoleClass())(this, 'Role', {
      name: `${this.replicatorName}-msk-replicator`.slice(0, 64),
      description: `Service execution role of MSK Replicator ${this.replicatorName} (kafka-iac)`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'MskReplicatorAssumesRole',
          Effect: 'Allow',
          Principal: { Service: 'kafka.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } },
        }],
      }),
    });
    this.policyDocument = renderMskReplicatorPolicy({
      source: this.arnPrefixes('Source', source.clusterArn),
      target: this.arnPrefixes('Target', target.clusterArn),
      topics: this.topics,
      consumerGroups: this.consumerGroups,
      topicNaming: this.topicNaming,
      copyTopicConfigurations: copyConfigs,
      copyAccessControlListsForTopics: copyAcls,
      syncConsumerGroupOffsets: syncOffsets,
    });
    this.policy = new (IamPolicyClass())(this, 'Policy', {
      name: `${this.replicatorName}-msk-replicator`.slice(0, 128),
      description: `Least-privilege Kafka access of MSK Replicator ${this.replicatorName}: ${source.clusterName} to ${target.clusterName}, rendered by kafka-iac`,
      policy: JSON.stringify(this.policyDocument),
      tags: { [PRINCIPAL_TAG]: this.replicatorName, [PRINCIPAL_KIND_TAG]: PrincipalKind.MIRROR_MAKER_2 },
    });
    const attachment = new (IamRolePolicyAttachmentClass())(this, 'PolicyAttachment', { role: this.role.name, policyArn: this.policy.arn });

    const iamPort = MSK_LISTENER_PORTS.iam;
    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      vpcId: target.vpcId,
      description: `MSK Replicator ${this.replicatorName}: IAM (${iamPort}) to the brokers of ${target.clusterName} only`,
      revokeRulesOnDelete: true,
    });
    target.securityGroupIds.forEach((brokers, i) => {
      new (VpcSecurityGroupEgressRuleClass())(this, `ToBrokers${i}`, {
        securityGroupId: this.securityGroup.id, referencedSecurityGroupId: brokers,
        ipProtocol: 'tcp', fromPort: iamPort, toPort: iamPort,
        description: `MSK Replicator ${this.replicatorName} to the brokers (IAM)`,
      });
      new VpcSecurityGroupIngressRule(this, `FromReplicator${i}`, {
        securityGroupId: brokers, referencedSecurityGroupId: this.securityGroup.id,
        ipProtocol: 'tcp', fromPort: iamPort, toPort: iamPort,
        description: `Kafka clients (MSK Replicator ${this.replicatorName}, IAM)`,
      });
    });

    this.resource = new (MskReplicatorResourceClass())(this, 'Resource', {
      replicatorName: this.replicatorName,
      description: `DR replication of ${source.clusterName} (${source.region}) to ${target.clusterName} (${target.region}), kafka-iac`,
      serviceExecutionRoleArn: this.role.arn,
      kafkaCluster: [
        // Across regions the source is reached over multi-VPC connectivity: no security groups.
        { amazonMskCluster: { mskClusterArn: source.clusterArn }, vpcConfig: { subnetIds: source.subnetIds } },
        { amazonMskCluster: { mskClusterArn: target.clusterArn }, vpcConfig: { subnetIds: target.subnetIds, securityGroupsIds: [this.securityGroup.id] } },
      ],
      replicationInfoList: {
        sourceKafkaClusterArn: source.clusterArn,
        targetKafkaClusterArn: target.clusterArn,
        targetCompressionType: props.targetCompression ?? MskReplicatorCompression.LZ4,
        topicReplication: [{
          topicsToReplicate: this.topics.map(exactNameRegex),
          copyTopicConfigurations: copyConfigs,
          copyAccessControlListsForTopics: copyAcls,
          detectAndCopyNewTopics: props.detectAndCopyNewTopics ?? true,
          startingPosition: { type: props.startingPosition ?? MskReplicatorStartingPosition.EARLIEST },
          topicNameConfiguration: { type: this.topicNaming },
        }],
        consumerGroupReplication: [{
          consumerGroupsToReplicate: this.consumerGroups.map(consumerGroupRegex),
          synchroniseConsumerGroupOffsets: syncOffsets,
          detectAndCopyNewConsumerGroups: props.detectAndCopyNewConsumerGroups ?? true,
        }],
      },
      tags: { [MSK_REPLICATOR_RPO_TAG]: String(this.rpoSeconds), ...(pairing ? { [DR_PAIRING_TAG]: pairing.name } : {}) },
      // The role must hold the policy before the replicator starts: the attachment, not the
      // policy alone (a policy that exists but is not attached grants the role nothing).
      dependsOn: [this.policy, attachment],
    });
    this.replicatorArn = this.resource.arn;
    if (pairing) this.pairingDeclaration = new TerraformDataResource(this, 'PairingDeclaration', drPairingArtefactInput(pairing));
    if (pairing && (props.drill ?? true) && source.bootstrapServers && target.bootstrapServers) {
      this.drillFile = DrDrill.addTo({
        pairing, technology: DrReplicationTechnology.MSK_REPLICATOR, replicationName: this.replicatorName,
        primaryBootstrapServers: source.bootstrapServers, peerBootstrapServers: target.bootstrapServers,
      });
    }
  }

  private arnPrefixes(id: string, clusterArn: string): MskReplicatorClusterArns {
    if (!Token.isUnresolved(clusterArn)) {
      const { cluster, topic, group } = mskArnPrefixesOf(clusterArn);
      return { cluster, topic, group };
    }
    // A reference: derive the prefixes in Terraform (locals keep the policy JSON parseable for SEC-005).
    const local = (kind: 'Topic' | 'Group') => new TerraformLocal(this, `${id}${kind}ArnPrefix`, Fn.replace(clusterArn, ':cluster/', `:${kind.toLowerCase()}/`)).asString;
    return { cluster: clusterArn, topic: local('Topic'), group: local('Group') };
  }
}

function accountOf(arn: string): string | undefined {
  if (Token.isUnresolved(arn)) return undefined;
  return /^arn:[^:]+:kafka:[^:]*:(\d{12}):cluster\//.exec(arn)?.[1];
}

/** A pairing's own values are the only source of what it declares; its regions must be the replicator's. */
function checkPairing(path: string, pairing: DrPairing, props: MskReplicatorProps, sourceRegion: string, stackRegion: string): void {
  for (const prop of ['topics', 'consumerGroups', 'rpoSeconds', 'topicNaming', 'syncConsumerGroupOffsets'] as const) {
    if (props[prop] !== undefined) {
      throw KafkaIacError.invalidProp({
        code: 'DR-002', path, prop, found: props[prop],
        expected: `not set with a pairing: ${pairing.name} declares it`,
        fix: `Remove ${prop}, or change it on the DrPairing.`,
      });
    }
  }
  if (pairing.peer.region !== stackRegion) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'pairing.peer.region', found: pairing.peer.region,
      expected: `${stackRegion}, the region of this stack: the replicator runs in the peer's region`,
      fix: `Create the MskReplicator in the stack of ${pairing.peer.name}.`,
    });
  }
  if (pairing.primary.region !== sourceRegion) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'source.region', found: sourceRegion,
      expected: `${pairing.primary.region}, the region of ${pairing.primary.name} (the pairing's primary)`,
      fix: `Use the cluster of ${pairing.primary.name} as the source.`,
    });
  }
}

function checkTopics(path: string, topics: readonly string[] | undefined): readonly string[] {
  if (!Array.isArray(topics) || topics.length === 0) {
    throw KafkaIacError.invalidProp({
      code: 'DR-002', path, prop: 'topics', found: topics ?? [],
      expected: 'at least one topic name to replicate', fix: 'Pass the topics of the DR pairing (every declared topic by default).',
    });
  }
  const seen = new Set<string>();
  for (const t of topics) {
    if (!TOPIC_NAME.test(t)) {
      throw KafkaIacError.grammar({
        code: 'DR-002', path: `${path}/topics`, prop: 'topic', found: t,
        grammar: 'a topic name (letters, digits, ., _ and -), never a wildcard: the role gets rights on exactly these topics',
        fix: "Name each topic, for example 'orders'.",
      });
    }
    if (seen.has(t)) throw KafkaIacError.duplicate('DR-002', `${path}/topics`, 'replicated topic', t);
    seen.add(t);
  }
  return [...topics];
}

function checkGroups(path: string, groups: readonly MskReplicatorConsumerGroup[], syncOffsets: boolean): readonly MskReplicatorConsumerGroup[] {
  if (syncOffsets && (!Array.isArray(groups) || groups.length === 0)) {
    throw KafkaIacError.invalidProp({
      code: 'DR-002', path, prop: 'consumerGroups', found: groups ?? [],
      expected: 'at least one consumer group whose offsets fail over (offset sync is on)',
      fix: 'Pass the consumer groups of the DR pairing (every granted group by default).',
    });
  }
  const seen = new Set<string>();
  for (const g of groups ?? []) {
    if (!GROUP_NAME.test(g.name)) {
      throw KafkaIacError.grammar({
        code: 'DR-002', path: `${path}/consumerGroups`, prop: 'group', found: g.name,
        grammar: 'a group name or prefix (letters, digits, ., _ and -), never a wildcard: the role gets rights on exactly these groups',
        fix: "Name each group, for example { name: 'orders-service' }.",
      });
    }
    const key = `${g.isPrefix ? 'prefix' : 'literal'}:${g.name}`;
    if (seen.has(key)) throw KafkaIacError.duplicate('DR-002', `${path}/consumerGroups`, 'replicated consumer group', g.name);
    seen.add(key);
  }
  return (groups ?? []).map((g) => ({ name: g.name, isPrefix: g.isPrefix ?? false }));
}

/** The source and target clusters of a replicator (DR-001): IAM, the regions, the accounts and the networks MSK Replicator needs. */
function validateClusters(path: string, environment: Environment, source: MskReplicatorProps['source'], target: MskReplicatorProps['target']): void {
  for (const [side, c] of [['source', source], ['target', target]] as const) {
    if (!c.iamAuthentication) {
      throw KafkaIacError.invalidProp({
        code: 'DR-001', path, prop: `${side}.iamAuthentication`, found: false,
        expected: `IAM access control on the ${side} cluster ${c.clusterName}: MSK Replicator authenticates with IAM only (port 9098)`,
        fix: `Add ClientAuthentication.iam() to the authentication of ${c.description}.`,
      });
    }
  }
  if (target.region !== environment.region) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'target.region', found: target.region,
      expected: `${environment.region}, the region of this stack: the replicator, and its ReplicationLatency and MessageLag metrics, live in the target region`,
      fix: 'Create the MskReplicator in the stack of the target (DR) cluster.',
    });
  }
  if (source.region === target.region) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'source.region', found: source.region,
      expected: `a region other than ${target.region}: a DR copy in the same region fails with it`,
      fix: 'Replicate from the primary region into the DR peer region (Environment.drPeer).',
    });
  }
  const sourceAccount = accountOf(source.clusterArn);
  const targetAccount = accountOf(target.clusterArn);
  if (sourceAccount !== undefined && targetAccount !== undefined && sourceAccount !== targetAccount) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'source.clusterArn', found: source.clusterArn,
      expected: `a cluster of account ${targetAccount}, the target's: MSK Replicator connects clusters of one account`,
      fix: 'Replicate between clusters of the same AWS account, or use MirrorMaker 2 across accounts.',
    });
  }
  if (!source.multiVpcIam) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'source.multiVpcIam', found: false,
      expected: `multi-VPC private connectivity for IAM on the source ${source.clusterName}: a replicator in another region reaches the source only through it`,
      fix: 'Set multiVpcConnectivity: { iam: true } on the source MskCluster and reference it through MskReplicationSource.referenceFrom.',
    });
  }
  if (!source.replicatorClusterPolicy) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'source.replicatorClusterPolicy', found: false,
      expected: `a cluster policy on ${source.clusterName} that lets kafka.amazonaws.com create the replicator's VPC connection (kafka:CreateVpcConnection, GetBootstrapBrokers, DescribeClusterV2)`,
      fix: "Add new MskReplicationSource(sourceStack, 'ReplicationSource', { cluster }) and use its referenceFrom(thisStack).",
    });
  }
  for (const [side, c] of [['source', source], ['target', target]] as const) {
    if (!Token.isUnresolved(c.subnetIds) && c.subnetIds.length < 2) {
      throw KafkaIacError.invalidProp({
        code: 'DR-001', path, prop: `${side}.subnetIds`, found: c.subnetIds,
        expected: 'at least two subnets (in different zones) for the replicator to connect through',
        fix: `Pass the client subnets of ${c.clusterName}.`,
      });
    }
  }
  if (target.vpcId === undefined || target.securityGroupIds.length === 0) {
    throw KafkaIacError.invalidProp({
      code: 'DR-001', path, prop: 'target.vpcId', found: target.vpcId,
      expected: `the VPC and broker security groups of the target ${target.clusterName}: the replicator gets a security group there, admitted on 9098`,
      fix: 'Use MskClusterReference.fromCluster(targetCluster), or give vpcId and securityGroupIds in fromAttributes.',
    });
  }
}
