"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskCluster = exports.MskEnhancedMonitoring = void 0;
const cloudwatch_log_group_1 = require("@cdktf/provider-aws/lib/cloudwatch-log-group");
const msk_cluster_1 = require("@cdktf/provider-aws/lib/msk-cluster");
const msk_configuration_1 = require("@cdktf/provider-aws/lib/msk-configuration");
const cdktf_1 = require("cdktf");
const constructs_1 = require("constructs");
const broker_config_1 = require("../../model/broker-config");
const client_authentication_1 = require("../../model/client-authentication");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const kafka_version_1 = require("../../model/kafka-version");
const msk_ports_1 = require("../../contract/msk-ports");
const acl_enforcement_1 = require("./acl-enforcement");
const kafka_encryption_key_1 = require("./kafka-encryption-key");
const msk_storage_autoscaling_1 = require("./msk-storage-autoscaling");
/** How much CloudWatch data MSK publishes. */
var MskEnhancedMonitoring;
(function (MskEnhancedMonitoring) {
    /** Cluster and broker basics only. */
    MskEnhancedMonitoring["DEFAULT"] = "DEFAULT";
    /** Adds per-broker metrics. */
    MskEnhancedMonitoring["PER_BROKER"] = "PER_BROKER";
    /** Adds per-topic, per-broker metrics. */
    MskEnhancedMonitoring["PER_TOPIC_PER_BROKER"] = "PER_TOPIC_PER_BROKER";
    /** Adds per-partition metrics, including consumer lag by group and topic (MON-002/003). */
    MskEnhancedMonitoring["PER_TOPIC_PER_PARTITION"] = "PER_TOPIC_PER_PARTITION";
})(MskEnhancedMonitoring || (exports.MskEnhancedMonitoring = MskEnhancedMonitoring = {}));
/** MSK Standard broker types with EBS storage (Express brokers have no EBS volume to size, autoscale or encrypt with a key of yours). */
const MSK_INSTANCE_TYPE = /^kafka\.(t3\.small|m5\.(large|(2|4|8|12|16|24)?xlarge)|m7g\.(large|(2|4|8|12|16)?xlarge))$/;
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
class MskCluster extends constructs_1.Construct {
    /** The `aws_msk_cluster`. */
    resource;
    /** The `aws_msk_configuration` holding the broker properties. */
    configuration;
    /** The key created for the cluster, when none was given. */
    encryptionKey;
    /** The key ARN used for data at rest, broker logs and (by default) SCRAM secrets. */
    encryptionKeyArn;
    /** The broker log group, when CloudWatch Logs delivery is on. */
    logGroup;
    storageAutoScaling;
    clusterName;
    clusterArn;
    brokers;
    kafkaVersion;
    authentication;
    aclEnforcement;
    /** The broker properties written into the configuration. */
    serverProperties;
    /** The bootstrap-broker outputs, by authentication mechanism. */
    bootstrapOutputs;
    network;
    /** The authentication modes with multi-VPC private connectivity on. */
    multiVpcConnectivity;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const environment = environment_1.Environment.of(this);
        this.network = errors_1.KafkaIacError.required(props.network, {
            code: 'KIAC-PROP', path, prop: 'network', expected: 'a KafkaNetwork (or KafkaNetwork.fromAttributes) with one private subnet per zone',
            fix: "Create new KafkaNetwork(stack, 'Network', { clientNetworks }) and pass it as network.",
        });
        const instanceType = props.instanceType ?? 'kafka.m7g.large';
        if (!MSK_INSTANCE_TYPE.test(instanceType)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'instanceType', found: instanceType,
                expected: 'an MSK Standard broker type with EBS storage: kafka.m5.large to kafka.m5.24xlarge, kafka.m7g.large to kafka.m7g.16xlarge, or kafka.t3.small',
                fix: "Use an MSK broker type such as 'kafka.m7g.large' (note the 'kafka.' prefix).",
            });
        }
        if (instanceType === 'kafka.t3.small' && environment.isProductionLike) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'instanceType', found: instanceType,
                expected: `an M5 or M7g broker in ${environment.profile}: kafka.t3.small runs on burstable CPU credits and is meant for development and tests`,
                fix: "Use 'kafka.m7g.large' or larger, sized with CapacityPlan.",
            });
        }
        this.kafkaVersion = props.kafkaVersion ?? kafka_version_1.KafkaVersion.MSK_3_9_X_KRAFT;
        if (!this.kafkaVersion.isMskKraft) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-005', path, prop: 'kafkaVersion', found: this.kafkaVersion.version,
                expected: 'an MSK KRaft version, 3.7.x.kraft to 4.1.x.kraft (ZooKeeper mode is not generated, and the mode cannot change after creation)',
                fix: 'Use KafkaVersion.MSK_3_9_X_KRAFT or another MSK_*_KRAFT constant.',
            });
        }
        const zones = props.network.zoneCount;
        this.brokers = props.brokers ?? zones;
        if (!Number.isInteger(this.brokers) || this.brokers < 1 || this.brokers % zones !== 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'HA-006', path, prop: 'brokers', found: this.brokers,
                expected: `a positive multiple of the zone count (${zones}); MSK places the same number of brokers in every zone`,
                fix: `Set brokers: ${zones * Math.max(1, Math.ceil((Number(this.brokers) || 1) / zones))}.`,
            });
        }
        this.clusterName = props.clusterName ?? `${environment.name}-kafka`;
        if (!CLUSTER_NAME.test(this.clusterName)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'clusterName', found: this.clusterName,
                expected: 'letters, digits and dashes, starting with a letter, at most 64 characters',
                fix: "Use a name such as 'production-kafka'.",
            });
        }
        this.authentication = props.authentication ?? [client_authentication_1.ClientAuthentication.iam()];
        (0, client_authentication_1.validateAuthentications)(path, this.authentication);
        for (const a of this.authentication) {
            if (a.mechanism === client_authentication_1.AuthenticationMechanism.OAUTH_BEARER) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-003', path, prop: 'authentication', found: a.mechanism,
                    expected: 'scram-sha-512, tls or iam (MSK has no OAuth listener)',
                    fix: 'Use ClientAuthentication.iam() or .scramSha512() on MSK.',
                });
            }
            if (a.mechanism === client_authentication_1.AuthenticationMechanism.MUTUAL_TLS && a.certificateAuthorityArns.length === 0) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-010', path, prop: 'authentication', found: 'mutualTls() without a certificate authority',
                    expected: 'at least one ACM Private CA ARN that issues the client certificates',
                    fix: "Use ClientAuthentication.mutualTls(['arn:aws:acm-pca:...:certificate-authority/...']).",
                });
            }
        }
        const has = (m) => this.authentication.some((a) => a.mechanism === m);
        this.multiVpcConnectivity = { iam: props.multiVpcConnectivity?.iam ?? false, scram: props.multiVpcConnectivity?.scram ?? false };
        for (const [mode, mechanism] of [['iam', client_authentication_1.AuthenticationMechanism.IAM], ['scram', client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512]]) {
            if (this.multiVpcConnectivity[mode] && !has(mechanism)) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-003', path, prop: `multiVpcConnectivity.${mode}`, found: true,
                    expected: `${mechanism} enabled in authentication (multi-VPC connectivity serves only enabled modes)`,
                    fix: `Add ClientAuthentication.${mode === 'iam' ? 'iam' : 'scramSha512'}() to authentication, or remove multiVpcConnectivity.${mode}.`,
                });
            }
        }
        const multiVpc = this.multiVpcConnectivity.iam || this.multiVpcConnectivity.scram;
        const volumeSize = props.volumeSizeGiB ?? 1000;
        if (!Number.isInteger(volumeSize) || volumeSize < 1 || volumeSize > msk_storage_autoscaling_1.MSK_MAX_VOLUME_SIZE_GIB) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'volumeSizeGiB', found: volumeSize,
                expected: `an integer from 1 to ${msk_storage_autoscaling_1.MSK_MAX_VOLUME_SIZE_GIB} GiB`, fix: 'Set volumeSizeGiB: 1000 (or the CAP-001 plan).',
            });
        }
        const logs = props.brokerLogs ?? {};
        const retention = logs.retentionInDays ?? 365;
        if (!LOG_RETENTION_DAYS.includes(retention)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-008', path, prop: 'brokerLogs.retentionInDays', found: retention,
                expected: `one of the CloudWatch Logs retention values (${LOG_RETENTION_DAYS.join(', ')})`,
                fix: 'Set retentionInDays: 365.',
            });
        }
        if (props.encryptionKeyArn === undefined) {
            this.encryptionKey = new kafka_encryption_key_1.KafkaEncryptionKey(this, 'EncryptionKey', { description: `MSK ${this.clusterName}: storage, broker logs and SCRAM secrets` });
        }
        this.encryptionKeyArn = props.encryptionKeyArn ?? this.encryptionKey.keyArn;
        this.aclEnforcement = props.aclEnforcement ?? acl_enforcement_1.AclEnforcement.ENFORCED;
        this.serverProperties = {
            ...(0, broker_config_1.renderBrokerProperties)(path, this.brokers, props.brokerConfig),
            'allow.everyone.if.no.acl.found': this.aclEnforcement === acl_enforcement_1.AclEnforcement.ENFORCED ? 'false' : 'true',
        };
        this.configuration = new msk_configuration_1.MskConfiguration(this, 'Configuration', {
            name: `${this.clusterName}-brokers`,
            description: `Broker properties of ${this.clusterName} (kafka-iac: HA, SEC and PERF rules)`,
            kafkaVersions: [this.kafkaVersion.version],
            serverProperties: (0, broker_config_1.toPropertiesText)(this.serverProperties),
        });
        if (logs.cloudWatchLogs ?? true) {
            this.logGroup = new cloudwatch_log_group_1.CloudwatchLogGroup(this, 'BrokerLogs', {
                name: `/aws/msk/${this.clusterName}/broker`,
                retentionInDays: retention,
                kmsKeyId: this.encryptionKeyArn,
            });
        }
        for (const a of this.authentication)
            props.network.allowListenerPort((0, msk_ports_1.mskListenerPort)(a.mechanism));
        const mutualTls = this.authentication.find((a) => a.mechanism === client_authentication_1.AuthenticationMechanism.MUTUAL_TLS);
        this.resource = new msk_cluster_1.MskCluster(this, 'Resource', {
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
                sasl: { scram: has(client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512), iam: has(client_authentication_1.AuthenticationMechanism.IAM) },
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
                ...(environment.isProduction ? { preventDestroy: true } : {}),
            },
        });
        this.clusterArn = this.resource.arn;
        this.storageAutoScaling = new msk_storage_autoscaling_1.MskStorageAutoScaling(this, 'StorageAutoScaling', {
            ...props.storageAutoScaling,
            clusterArn: this.resource.arn,
            clusterName: this.clusterName,
            volumeSizeGiB: volumeSize,
        });
        const prefix = id.replace(/[^a-zA-Z0-9]+/g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
        const outputs = new Map();
        const bootstrap = {
            [client_authentication_1.AuthenticationMechanism.IAM]: ['BootstrapBrokersIam', 'bootstrap_brokers_sasl_iam', this.resource.bootstrapBrokersSaslIam],
            [client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512]: ['BootstrapBrokersScram', 'bootstrap_brokers_sasl_scram', this.resource.bootstrapBrokersSaslScram],
            [client_authentication_1.AuthenticationMechanism.MUTUAL_TLS]: ['BootstrapBrokersTls', 'bootstrap_brokers_tls', this.resource.bootstrapBrokersTls],
        };
        for (const a of this.authentication) {
            const [outputId, name, value] = bootstrap[a.mechanism];
            const output = new cdktf_1.TerraformOutput(this, outputId, {
                value,
                description: `Bootstrap brokers of ${this.clusterName} for ${a.mechanism} clients (port ${(0, msk_ports_1.mskListenerPort)(a.mechanism)})`,
            });
            output.overrideLogicalId(`${prefix}_${name}`);
            outputs.set(a.mechanism, output);
        }
        this.bootstrapOutputs = outputs;
    }
    /** The bootstrap-brokers string for an enabled authentication mode (a Terraform reference). */
    bootstrapBrokers(mechanism) {
        const output = this.bootstrapOutputs.get(mechanism);
        if (!output) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path: this.node.path, prop: 'mechanism', found: mechanism,
                expected: `one of the enabled modes (${this.authentication.map((a) => a.mechanism).join(', ')})`,
                fix: 'Enable the mode in authentication, or ask for an enabled one.',
            });
        }
        return output.value;
    }
}
exports.MskCluster = MskCluster;
