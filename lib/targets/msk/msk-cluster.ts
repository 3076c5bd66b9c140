import { checkKmsKeyArn } from '../../model/grammar/arn';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { MskCluster as MskClusterResource } from '@cdktf/provider-aws/lib/msk-cluster';
import { MskConfiguration } from '@cdktf/provider-aws/lib/msk-configuration';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { renderBrokerProperties, type BrokerConfigProps } from '../../model/broker-config';
import { writeSortedProperties } from '../../contract/writers/properties';
import { AuthenticationMechanism, ClientAuthentication, validateAuthentications } from '../../model/client-authentication';
import { Environment } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import { checkBrokerCount, checkBrokersPerZone, checkMskAuthenticationModes, refusalError, refuse } from '../../model/rule-checks';
import { KafkaVersion } from '../../model/kafka-version';
import type { IKafkaNetwork } from './kafka-network';
import { mskListenerPort } from '../../contract/msk-ports';
import { AclEnforcement } from './acl-enforcement';
import { KafkaEncryptionKey } from './kafka-encryption-key';
import { MskStorageAutoScaling, MSK_MAX_VOLUME_SIZE_GIB, type MskStorageAutoScalingOptions } from './msk-storage-autoscaling';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { checkInteger } from '../../model/grammar/numbers';
import { MSK_MAX_BROKERS_PER_CLUSTER } from '../../model/grammar/limits';

/** How much CloudWatch data MSK publishes. */
export enum MskEnhancedMonitoring {
  /** Cluster and broker basics only. */
  DEFAULT = 'DEFAULT',
  /** Adds per-broker metrics. */
  PER_BROKER = 'PER_BROKER',
  /** Adds per-topic, per-broker metrics. */
  PER_TOPIC_PER_BROKER = 'PER_TOPIC_PER_BROKER',
  /** Adds per-partition metrics, including consumer lag by group and topic (MON-002/003). */
  PER_TOPIC_PER_PARTITION = 'PER_TOPIC_PER_PARTITION',
}

/** Where MSK ships broker logs (SEC-008). At least one destination must be on. */
export interface MskBrokerLogsOptions {
  /**
   * Ship broker logs to a CloudWatch Logs group created here, encrypted with the cluster key.
   * @default true
   */
  readonly cloudWatchLogs?: boolean;
  /**
   * Retention of the log group, in days (a value CloudWatch Logs accepts).
   * @default 365
   * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   */
  readonly retentionInDays?: number;
  /**
   * Also ship broker logs to this S3 bucket (its lifecycle rules set the retention).
   * @default - no S3 delivery
   */
  readonly s3BucketName?: string;
  /**
   * The key prefix in the S3 bucket.
   * @default 'msk-broker-logs/'
   */
  readonly s3Prefix?: string;
}

/**
 * Multi-VPC private connectivity (AWS PrivateLink) for an MSK cluster, per authentication mode:
 * clients in other VPCs, accounts, and MSK Replicator across regions, reach the brokers through
 * managed VPC connections instead of peering. A mode turned on here must also be enabled in
 * `authentication`; unauthenticated access is never offered.
 *
 * MSK refuses `vpc_connectivity` authentication at cluster creation ("When creating a cluster,
 * all vpcConnectivity auth schemes must be disabled"). A new cluster therefore takes two
 * applies: create it without this prop, then set it and apply again (an in-place update that
 * can take a while on a large cluster).
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/aws-access-mult-vpc.html
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-prepare-clusters.html
 */
export interface MskMultiVpcConnectivityOptions {
  /**
   * Multi-VPC connectivity for IAM clients (port 9098). A cross-region MSK Replicator needs it
   * on the source cluster.
   * @default false
   */
  readonly iam?: boolean;
  /**
   * Multi-VPC connectivity for SASL/SCRAM clients (port 9096).
   * @default false
   */
  readonly scram?: boolean;
}

/** MSK Standard broker types with EBS storage (Express brokers have no EBS volume to size, autoscale or encrypt with a key of yours). */
const MSK_INSTANCE_TYPE = /^kafka\.(t3\.small|m5\.(large|(2|4|8|12|16|24)?xlarge)|m7g\.(large|(2|4|8|12|16)?xlarge))$/;

/** Props of an `MskCluster`. */
export interface MskClusterProps {
  /** The network: private subnets, one per zone, and the broker security group. */
  readonly network: IKafkaNetwork;
  /**
   * The MSK cluster name.
   * @default '<environment>-kafka'
   */
  readonly clusterName?: string;
  /**
   * A KRaft MSK version (`3.7.x.kraft` to `4.1.x.kraft`). The metadata mode cannot change after creation.
   * @default KafkaVersion.MSK_3_9_X_KRAFT
   * @see HA-005
   */
  readonly kafkaVersion?: KafkaVersion;
  /**
   * The number of brokers; a multiple of the zone count.
   * @default - the zone count (3)
   * @see HA-001
   * @see HA-006
   */
  readonly brokers?: number;
  /**
   * The broker instance type.
   * @default 'kafka.m7g.large'
   * @see https://docs.aws.amazon.com/msk/latest/developerguide/broker-instance-sizes.html
   */
  readonly instanceType?: string;
  /**
   * The initial EBS volume per broker, in GiB; autoscaling grows it (CAP-004).
   * @default 1000
   */
  readonly volumeSizeGiB?: number;
  /**
   * Storage autoscaling settings (always on: CAP-004).
   * @default - up to four times the initial size, target 60% utilisation, no scale-in
   */
  readonly storageAutoScaling?: MskStorageAutoScalingOptions;
  /**
   * The client authentication modes. SASL/PLAIN and unauthenticated access do not exist here.
   * @default [ClientAuthentication.iam()]
   * @see SEC-003
   */
  readonly authentication?: ClientAuthentication[];
  /**
   * Whether Kafka ACLs are enforced on the SCRAM and mutual-TLS listeners
   * (`allow.everyone.if.no.acl.found`). See `AclEnforcement` for the two-phase rollout.
   * @default AclEnforcement.ENFORCED
   * @see SEC-004
   */
  readonly aclEnforcement?: AclEnforcement;
  /**
   * A customer-managed KMS key ARN for data at rest (and the broker log group). Rotation of a
   * key made elsewhere is its owner's job; SEC-006 checks it when the key is in the same stack.
   * @default - a new key with rotation on (`EncryptionKey`)
   * @see SEC-006
   */
  readonly encryptionKeyArn?: string;
  /**
   * Broker settings (replication, min ISR, threads, retention, extra properties).
   * @default - the HA and PERF defaults of RULES.md
   */
  readonly brokerConfig?: BrokerConfigProps;
  /**
   * Broker log delivery.
   * @default - CloudWatch Logs, 365 days, encrypted with the cluster key
   * @see SEC-008
   */
  readonly brokerLogs?: MskBrokerLogsOptions;
  /**
   * CloudWatch monitoring level.
   * @default MskEnhancedMonitoring.PER_TOPIC_PER_PARTITION
   */
  readonly enhancedMonitoring?: MskEnhancedMonitoring;
  /**
   * Multi-VPC private connectivity, per authentication mode (see the two-apply note on
   * `MskMultiVpcConnectivityOptions`).
   * @default - off for every mode
   * @see https://docs.aws.amazon.com/msk/latest/developerguide/aws-access-mult-vpc.html
   */
  readonly multiVpcConnectivity?: MskMultiVpcConnectivityOptions;
}

const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const CLUSTER_NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,63}$/;

/**
 * A provisioned MSK cluster in KRaft mode, built to the rules of RULES.md:
 * - brokers a multiple of the zone count, in private subnets, public access `DISABLED`;
 * - TLS between clients and brokers and inside the cluster, both written out;
 * - SCRAM, IAM and/or mutual TLS (ACM PCA), unauthenticated access off;
 * - an `aws_msk_configuration` with the HA, SEC and PERF broker settings;
 * - EBS encrypted with a customer-managed key with rotation, storage autoscaling (CAP-004)
 *   with the volume size ignored by Terraform after creation;
 * - broker logs to CloudWatch Logs and/or S3, open monitoring (JMX and node exporters),
 *   enhanced monitoring;
 * - in production, `prevent_destroy` on the cluster and its key;
 * - a bootstrap-brokers output per authentication mode.
 *
 * The `aws_msk_cluster` is `.resource` (id `Resource`). Escape hatch:
 * `cluster.resource.addOverride('broker_node_group_info.instance_type', 'kafka.m7g.xlarge')`.
 * The rules read the synthesized result, so an override that breaks a rule stops synthesis.
 */
export class MskCluster extends KafkaIacConstruct {
  /** The `aws_msk_cluster`. */
  public readonly resource: MskClusterResource;
  /** The `aws_msk_configuration` holding the broker properties. */
  public readonly configuration: MskConfiguration;
  /** The key created for the cluster, when none was given. */
  public readonly encryptionKey?: KafkaEncryptionKey;
  /** The key ARN used for data at rest, broker logs and (by default) SCRAM secrets. */
  public readonly encryptionKeyArn: string;
  /** The broker log group, when CloudWatch Logs delivery is on. */
  public readonly logGroup?: CloudwatchLogGroup;
  public readonly storageAutoScaling: MskStorageAutoScaling;
  public readonly clusterName: string;
  public readonly clusterArn: string;
  public readonly brokers: number;
  public readonly kafkaVersion: KafkaVersion;
  public readonly authentication: readonly ClientAuthentication[];
  public readonly aclEnforcement: AclEnforcement;
  /** The broker properties written into the configuration. */
  public readonly serverProperties: Readonly<Record<string, string>>;
  /** The bootstrap-broker outputs, by authentication mechanism. */
  public readonly bootstrapOutputs: ReadonlyMap<AuthenticationMechanism, TerraformOutput>;
  public readonly network: IKafkaNetwork;
  /** The authentication modes with multi-VPC private connectivity on. */
  public readonly multiVpcConnectivity: { readonly iam: boolean; readonly scram: boolean };

  public constructor(scope: Construct, id: string, props: MskClusterProps) {
    super(scope, id);
    this.network = KafkaIacError.required(props.network, {
      code: 'KIAC-PROP', path: this.path, prop: 'network', expected: 'a KafkaNetwork (or KafkaNetwork.fromAttributes) with one private subnet per zone',
      fix: "Create new KafkaNetwork(stack, 'Network', { clientNetworks }) and pass it as network.",
    });
    const instanceType = instanceTypeOf(this.path, this.environment, props.instanceType);

    this.kafkaVersion = props.kafkaVersion ?? KafkaVersion.MSK_3_9_X_KRAFT;
    if (!this.kafkaVersion.isMskKraft) {
      throw KafkaIacError.invalidProp({
        code: 'HA-005', path: this.path, prop: 'kafkaVersion', found: this.kafkaVersion.version,
        expected: 'an MSK KRaft version, 3.7.x.kraft to 4.1.x.kraft (ZooKeeper mode is not generated, and the mode cannot change after creation)',
        fix: 'Use KafkaVersion.MSK_3_9_X_KRAFT or another MSK_*_KRAFT constant.',
      });
    }

    const zones = props.network.zoneCount;
    this.brokers = checkInteger(props.brokers ?? zones, { code: 'HA-006', path: this.path, prop: 'brokers' }, {
      min: 1, max: MSK_MAX_BROKERS_PER_CLUSTER, limitOf: 'MSK brokers-per-cluster quota',
      fix: `Set brokers to a multiple of the zone count (${zones}) from ${zones} to ${MSK_MAX_BROKERS_PER_CLUSTER} (the MSK quota for a KRaft cluster; AWS raises it through Service Quotas).`,
    });
    const spread = checkBrokersPerZone(this.brokers, zones);
    if (spread) {
      // The same value may break HA-001 too: report every rule it breaks, not only the first.
      const tooFew = this.environment.isProductionLike ? checkBrokerCount(this.brokers, 'MskCluster') : undefined;
      throw KafkaIacError.combined([tooFew, spread].filter((r) => r !== undefined).map((r) => refusalError(this.path, 'brokers', this.brokers, r)));
    }

    this.clusterName = props.clusterName ?? `${this.environment.name}-kafka`;
    if (!CLUSTER_NAME.test(this.clusterName)) {
      throw KafkaIacError.grammar({
        code: 'KIAC-PROP', path: this.path, prop: 'clusterName', found: this.clusterName,
        grammar: 'letters, digits and dashes, starting with a letter, at most 64 characters',
        fix: "Use a name such as 'production-kafka'.",
      });
    }

    this.authentication = props.authentication ?? [ClientAuthentication.iam()];
    // No mode at all: the rule's own words (SEC-003 finds the same in a synthesized cluster).
    if (Array.isArray(this.authentication) && this.authentication.length === 0) refuse(this.path, 'authentication', [], checkMskAuthenticationModes({ scram: false, iam: false, mutualTls: false }));
    validateAuthentications(this.path, this.authentication);
    validateMskAuthentication(this.path, this.authentication);
    const has = (m: AuthenticationMechanism) => this.authentication.some((a) => a.mechanism === m);
    this.multiVpcConnectivity = { iam: props.multiVpcConnectivity?.iam ?? false, scram: props.multiVpcConnectivity?.scram ?? false };
    for (const [mode, mechanism] of [['iam', AuthenticationMechanism.IAM], ['scram', AuthenticationMechanism.SCRAM_SHA_512]] as const) {
      if (this.multiVpcConnectivity[mode] && !has(mechanism)) {
        throw KafkaIacError.invalidProp({
          code: 'SEC-003', path: this.path, prop: `multiVpcConnectivity.${mode}`, found: true,
          expected: `${mechanism} enabled in authentication (multi-VPC connectivity serves only enabled modes)`,
          fix: `Add ClientAuthentication.${mode === 'iam' ? 'iam' : 'scramSha512'}() to authentication, or remove multiVpcConnectivity.${mode}.`,
        });
      }
    }
    const multiVpc = this.multiVpcConnectivity.iam || this.multiVpcConnectivity.scram;

    const { volumeSize, logs, retention } = storageAndLogsOf(this.path, props);

    if (props.encryptionKeyArn !== undefined) checkKmsKeyArn(props.encryptionKeyArn, { code: 'SEC-006', path: this.path, prop: 'encryptionKeyArn' });
    if (props.encryptionKeyArn === undefined) {
      this.encryptionKey = new KafkaEncryptionKey(this, 'EncryptionKey', { description: `MSK ${this.clusterName}: storage, broker logs and SCRAM secrets` });
    }
    this.encryptionKeyArn = props.encryptionKeyArn ?? this.encryptionKey!.keyArn;

    this.aclEnforcement = props.aclEnforcement ?? AclEnforcement.ENFORCED;
    this.serverProperties = {
      ...renderBrokerProperties(this.path, this.brokers, props.brokerConfig),
      'allow.everyone.if.no.acl.found': this.aclEnforcement === AclEnforcement.ENFORCED ? 'false' : 'true',
    };
    this.configuration = new MskConfiguration(this, 'Configuration', {
      name: `${this.clusterName}-brokers`,
      description: `Broker properties of ${this.clusterName} (kafka-iac: HA, SEC and PERF rules)`,
      kafkaVersions: [this.kafkaVersion.version],
      serverProperties: writeSortedProperties(this.serverProperties),
    });

    if (logs.cloudWatchLogs ?? true) {
      this.logGroup = new CloudwatchLogGroup(this, 'BrokerLogs', {
        name: `/aws/msk/${this.clusterName}/broker`,
        retentionInDays: retention,
        kmsKeyId: this.encryptionKeyArn,
      });
    }

    for (const a of this.authentication) props.network.allowListenerPort(mskListenerPort(a.mechanism)!);
    const mutualTls = this.authentication.find((a) => a.mechanism === AuthenticationMechanism.MUTUAL_TLS);

    this.resource = new MskClusterResource(this, 'Resource', {
      clusterName: this.clusterName,
      kafkaVersion: this.kafkaVersion.version,
      numberOfBrokerNodes: this.brokers,
      enhancedMonitoring: props.enhancedMonitoring ?? MskEnhancedMonitoring.PER_TOPIC_PER_PARTITION,
      brokerNodeGroupInfo: {
        instanceType,
        clientSubnets: props.network.subnetIds,
        securityGroups: [props.network.securityGroupId],
        storageInfo: { ebsStorageInfo: { volumeSize } },
        connectivityInfo: {
          publicAccess: { type: 'DISABLED' },
          ...(multiVpc ? { vpcConnectivity: { clientAuthentication: { sasl: { iam: this.multiVpcConnectivity.iam, scram: this.multiVpcConnectivity.scram } } } } : {}),
        },
      },
      clientAuthentication: {
        unauthenticated: false,
        sasl: { scram: has(AuthenticationMechanism.SCRAM_SHA_512), iam: has(AuthenticationMechanism.IAM) },
        ...(mutualTls ? { tls: { certificateAuthorityArns: [...mutualTls.certificateAuthorityArns] } } : {}),
      },
      encryptionInfo: {
        encryptionAtRestKmsKeyArn: this.encryptionKeyArn,
        encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
      },
      configurationInfo: { arn: this.configuration.arn, revision: this.configuration.latestRevision },
      loggingInfo: {
        brokerLogs: {
          cloudwatchLogs: this.logGroup ? { enabled: true, logGroup: this.logGroup.name } : { enabled: false },
          ...(logs.s3BucketName ? { s3: { enabled: true, bucket: logs.s3BucketName, prefix: logs.s3Prefix ?? 'msk-broker-logs/' } } : {}),
        },
      },
      openMonitoring: {
        prometheus: {
          jmxExporter: { enabledInBroker: true },
          nodeExporter: { enabledInBroker: true },
        },
      },
      lifecycle: {
        // Storage autoscaling grows the volume; Terraform must not shrink it back (CAP-004).
        ignoreChanges: ['broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size'],
        ...(this.environment.isProduction ? { preventDestroy: true } : {}),
      },
    });
    this.clusterArn = this.resource.arn;

    this.storageAutoScaling = new MskStorageAutoScaling(this, 'StorageAutoScaling', {
      ...props.storageAutoScaling,
      clusterArn: this.resource.arn,
      clusterName: this.clusterName,
      volumeSizeGiB: volumeSize,
    });

    this.bootstrapOutputs = this.createBootstrapOutputs(id);
  }

  /** One Terraform output of bootstrap brokers per enabled authentication mode, with the logical IDs users' scripts read. */
  private createBootstrapOutputs(id: string): Map<AuthenticationMechanism, TerraformOutput> {
    const prefix = id.replace(/[^a-zA-Z0-9]+/g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    const outputs = new Map<AuthenticationMechanism, TerraformOutput>();
    const bootstrap: Record<string, [string, string, string]> = {
      [AuthenticationMechanism.IAM]: ['BootstrapBrokersIam', 'bootstrap_brokers_sasl_iam', this.resource.bootstrapBrokersSaslIam],
      [AuthenticationMechanism.SCRAM_SHA_512]: ['BootstrapBrokersScram', 'bootstrap_brokers_sasl_scram', this.resource.bootstrapBrokersSaslScram],
      [AuthenticationMechanism.MUTUAL_TLS]: ['BootstrapBrokersTls', 'bootstrap_brokers_tls', this.resource.bootstrapBrokersTls],
    };
    for (const a of this.authentication) {
      const [outputId, name, value] = bootstrap[a.mechanism];
      const output = new TerraformOutput(this, outputId, {
        value,
        description: `Bootstrap brokers of ${this.clusterName} for ${a.mechanism} clients (port ${mskListenerPort(a.mechanism)})`,
      });
      output.overrideLogicalId(`${prefix}_${name}`);
      outputs.set(a.mechanism, output);
    }
    return outputs;
  }

  /** The bootstrap-brokers string for an enabled authentication mode (a Terraform reference). */
  public bootstrapBrokers(mechanism: AuthenticationMechanism): string {
    const output = this.bootstrapOutputs.get(mechanism);
    if (!output) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-003', path: this.path, prop: 'mechanism', found: mechanism,
        expected: `one of the enabled modes (${this.authentication.map((a) => a.mechanism).join(', ')})`,
        fix: 'Enable the mode in authentication, or ask for an enabled one.',
      });
    }
    return output.value as string;
  }
}

/** The authentication modes MSK offers (SEC-003), mutual TLS with its certificate authority (SEC-010). */
function validateMskAuthentication(path: string, authentication: readonly ClientAuthentication[]): void {
  for (const a of authentication) {
    if (a.mechanism === AuthenticationMechanism.OAUTH_BEARER) {
      throw KafkaIacError.unsupportedAuthentication({
        code: 'SEC-003', path, prop: 'authentication', found: a.mechanism,
        offered: ['scram-sha-512', 'tls', 'iam'], why: 'MSK has no OAuth listener',
        fix: 'Use ClientAuthentication.iam() or .scramSha512() on MSK.',
      });
    }
    if (a.mechanism === AuthenticationMechanism.MUTUAL_TLS && a.certificateAuthorityArns.length === 0) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-010', path, prop: 'authentication', found: 'mutualTls() without a certificate authority',
        expected: 'at least one ACM Private CA ARN that issues the client certificates',
        fix: "Use ClientAuthentication.mutualTls(['arn:aws:acm-pca:...:certificate-authority/...']).",
      });
    }
  }
}

/** The EBS volume size and broker-log settings, checked. */
function storageAndLogsOf(path: string, props: MskClusterProps) {
  const volumeSize = props.volumeSizeGiB ?? 1000;
  if (!Number.isInteger(volumeSize) || volumeSize < 1 || volumeSize > MSK_MAX_VOLUME_SIZE_GIB) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-PROP', path, prop: 'volumeSizeGiB', found: volumeSize,
      expected: `an integer from 1 to ${MSK_MAX_VOLUME_SIZE_GIB} GiB`, fix: 'Set volumeSizeGiB: 1000 (or the CAP-001 plan).',
    });
  }

  const logs = props.brokerLogs ?? {};
  const retention = logs.retentionInDays ?? 365;
  if (!LOG_RETENTION_DAYS.includes(retention)) {
    throw KafkaIacError.invalidProp({
      code: 'SEC-008', path, prop: 'brokerLogs.retentionInDays', found: retention,
      expected: `one of the CloudWatch Logs retention values (${LOG_RETENTION_DAYS.join(', ')})`,
      fix: 'Set retentionInDays: 365.',
    });
  }
  return { volumeSize, logs, retention };
}

/** The broker instance type: an MSK Standard type with EBS storage; no burstable type outside development. */
function instanceTypeOf(path: string, environment: Environment, given: string | undefined): string {
  const instanceType = given ?? 'kafka.m7g.large';
  if (!MSK_INSTANCE_TYPE.test(instanceType)) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-PROP', path, prop: 'instanceType', found: instanceType,
      expected: 'an MSK Standard broker type with EBS storage: kafka.m5.large to kafka.m5.24xlarge, kafka.m7g.large to kafka.m7g.16xlarge, or kafka.t3.small',
      fix: "Use an MSK broker type such as 'kafka.m7g.large' (note the 'kafka.' prefix).",
    });
  }
  if (instanceType === 'kafka.t3.small' && environment.isProductionLike) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-PROP', path, prop: 'instanceType', found: instanceType,
      expected: `an M5 or M7g broker in ${environment.profile}: kafka.t3.small runs on burstable CPU credits and is meant for development and tests`,
      fix: "Use 'kafka.m7g.large' or larger, sized with CapacityPlan.",
    });
  }
  return instanceType;
}
