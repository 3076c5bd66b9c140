"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskReplicator = exports.MskReplicatorCompression = exports.MskReplicatorStartingPosition = void 0;
const data_aws_caller_identity_1 = require("@cdktf/provider-aws/lib/data-aws-caller-identity");
const iam_policy_1 = require("@cdktf/provider-aws/lib/iam-policy");
const iam_role_1 = require("@cdktf/provider-aws/lib/iam-role");
const iam_role_policy_attachment_1 = require("@cdktf/provider-aws/lib/iam-role-policy-attachment");
const msk_replicator_1 = require("@cdktf/provider-aws/lib/msk-replicator");
const security_group_1 = require("@cdktf/provider-aws/lib/security-group");
const vpc_security_group_egress_rule_1 = require("@cdktf/provider-aws/lib/vpc-security-group-egress-rule");
const vpc_security_group_ingress_rule_1 = require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule");
const cdktf_1 = require("cdktf");
const terraform_data_1 = require("./terraform-data");
const constructs_1 = require("constructs");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const dr_drill_1 = require("../../model/dr/dr-drill");
const dr_markers_1 = require("../../contract/dr-markers");
const replication_policy_1 = require("../../model/dr/replication-policy");
const vocabulary_1 = require("../../contract/vocabulary");
const msk_iam_policy_1 = require("./msk-iam-policy");
const principal_1 = require("../../model/access/principal");
const msk_ports_1 = require("../../contract/msk-ports");
const msk_replicator_markers_1 = require("../../contract/msk-replicator-markers");
const msk_replicator_policy_1 = require("./msk-replicator-policy");
const dr_pairing_1 = require("../../model/dr/dr-pairing");
/** Where MSK Replicator starts reading the source topics when it is created (it cannot change later). */
var MskReplicatorStartingPosition;
(function (MskReplicatorStartingPosition) {
    /** The oldest retained record: the DR copy holds everything the source still has. */
    MskReplicatorStartingPosition["EARLIEST"] = "EARLIEST";
    /** Only records produced after the replicator runs (the MSK default). */
    MskReplicatorStartingPosition["LATEST"] = "LATEST";
})(MskReplicatorStartingPosition || (exports.MskReplicatorStartingPosition = MskReplicatorStartingPosition = {}));
/** The compression of the records MSK Replicator writes to the target. */
var MskReplicatorCompression;
(function (MskReplicatorCompression) {
    /** No compression. */
    MskReplicatorCompression["NONE"] = "NONE";
    /** gzip. */
    MskReplicatorCompression["GZIP"] = "GZIP";
    /** Snappy. */
    MskReplicatorCompression["SNAPPY"] = "SNAPPY";
    /** LZ4, the producer default of kafka-iac (`compression.type=lz4`). */
    MskReplicatorCompression["LZ4"] = "LZ4";
    /** Zstandard. */
    MskReplicatorCompression["ZSTD"] = "ZSTD";
})(MskReplicatorCompression || (exports.MskReplicatorCompression = MskReplicatorCompression = {}));
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
class MskReplicator extends constructs_1.Construct {
    /** The `aws_msk_replicator`. */
    resource;
    /** The service execution role. */
    role;
    /** The role's policy (kafka-cluster actions on the two clusters). */
    policy;
    /** The policy document, as rendered. */
    policyDocument;
    /** The replicator's security group in the target VPC. */
    securityGroup;
    replicatorName;
    replicatorArn;
    rpoSeconds;
    topicNaming;
    topics;
    consumerGroups;
    /** The `terraform_data` with the pairing declaration, when built from a pairing. */
    pairingDeclaration;
    /** The DR drill document (relative to `dist/<peer>/`), when written. */
    drillFile;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const environment = environment_1.Environment.of(this);
        const { source, target } = props;
        for (const [side, c] of [['source', source], ['target', target]]) {
            if (!c.iamAuthentication) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'DR-001', path, prop: `${side}.iamAuthentication`, found: false,
                    expected: `IAM access control on the ${side} cluster ${c.clusterName}: MSK Replicator authenticates with IAM only (port 9098)`,
                    fix: `Add ClientAuthentication.iam() to the authentication of ${c.description}.`,
                });
            }
        }
        if (target.region !== environment.region) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'target.region', found: target.region,
                expected: `${environment.region}, the region of this stack: the replicator, and its ReplicationLatency and MessageLag metrics, live in the target region`,
                fix: 'Create the MskReplicator in the stack of the target (DR) cluster.',
            });
        }
        if (source.region === target.region) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'source.region', found: source.region,
                expected: `a region other than ${target.region}: a DR copy in the same region fails with it`,
                fix: 'Replicate from the primary region into the DR peer region (Environment.drPeer).',
            });
        }
        const sourceAccount = accountOf(source.clusterArn);
        const targetAccount = accountOf(target.clusterArn);
        if (sourceAccount !== undefined && targetAccount !== undefined && sourceAccount !== targetAccount) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'source.clusterArn', found: source.clusterArn,
                expected: `a cluster of account ${targetAccount}, the target's: MSK Replicator connects clusters of one account`,
                fix: 'Replicate between clusters of the same AWS account, or use MirrorMaker 2 across accounts.',
            });
        }
        if (!source.multiVpcIam) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'source.multiVpcIam', found: false,
                expected: `multi-VPC private connectivity for IAM on the source ${source.clusterName}: a replicator in another region reaches the source only through it`,
                fix: 'Set multiVpcConnectivity: { iam: true } on the source MskCluster and reference it through MskReplicationSource.referenceFrom.',
            });
        }
        if (!source.replicatorClusterPolicy) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'source.replicatorClusterPolicy', found: false,
                expected: `a cluster policy on ${source.clusterName} that lets kafka.amazonaws.com create the replicator's VPC connection (kafka:CreateVpcConnection, GetBootstrapBrokers, DescribeClusterV2)`,
                fix: "Add new MskReplicationSource(sourceStack, 'ReplicationSource', { cluster }) and use its referenceFrom(thisStack).",
            });
        }
        for (const [side, c] of [['source', source], ['target', target]]) {
            if (!cdktf_1.Token.isUnresolved(c.subnetIds) && c.subnetIds.length < 2) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'DR-001', path, prop: `${side}.subnetIds`, found: c.subnetIds,
                    expected: 'at least two subnets (in different zones) for the replicator to connect through',
                    fix: `Pass the client subnets of ${c.clusterName}.`,
                });
            }
        }
        if (target.vpcId === undefined || target.securityGroupIds.length === 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-001', path, prop: 'target.vpcId', found: target.vpcId,
                expected: `the VPC and broker security groups of the target ${target.clusterName}: the replicator gets a security group there, admitted on 9098`,
                fix: 'Use MskClusterReference.fromCluster(targetCluster), or give vpcId and securityGroupIds in fromAttributes.',
            });
        }
        const pairing = props.pairing;
        if (pairing)
            checkPairing(path, pairing, props, source.region, environment.region);
        this.topics = checkTopics(path, props.topics ?? pairing?.topics);
        this.topicNaming = props.topicNaming ?? (pairing ? replication_policy_1.MSK_REPLICATOR_TOPIC_NAME_TYPE[pairing.replicationPolicy] : msk_replicator_policy_1.MskReplicatorTopicNaming.IDENTICAL);
        if (!Object.values(msk_replicator_policy_1.MskReplicatorTopicNaming).includes(this.topicNaming)) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'DR-002', path, prop: 'topicNaming', found: this.topicNaming, expected: 'IDENTICAL or PREFIXED_WITH_SOURCE_CLUSTER_ALIAS', fix: 'Use MskReplicatorTopicNaming.IDENTICAL.' });
        }
        const syncOffsets = props.syncConsumerGroupOffsets ?? pairing?.syncConsumerGroupOffsets ?? true;
        if (!syncOffsets && this.topicNaming === msk_replicator_policy_1.MskReplicatorTopicNaming.IDENTICAL) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path, prop: 'syncConsumerGroupOffsets', found: false,
                expected: 'true with identical topic names (failover): without translated offsets, consumers in the DR region restart from auto.offset.reset, re-reading or skipping records',
                fix: 'Remove syncConsumerGroupOffsets: false, or name topics PREFIXED_WITH_SOURCE_CLUSTER_ALIAS for active-active.',
            });
        }
        this.consumerGroups = checkGroups(path, props.consumerGroups ?? pairing?.consumerGroups ?? [], syncOffsets);
        this.rpoSeconds = props.rpoSeconds ?? pairing?.rpo.seconds ?? Number.NaN;
        if (!Number.isInteger(this.rpoSeconds) || this.rpoSeconds < 1) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-003', path, prop: 'rpoSeconds', found: props.rpoSeconds,
                expected: 'the declared RPO, a whole number of seconds of at least 1 (MON-010 alarms when ReplicationLatency passes it)',
                fix: 'Set rpoSeconds from the DR pairing, for example rpoSeconds: 300.',
            });
        }
        this.replicatorName = props.replicatorName ?? `${source.clusterName}-to-${target.clusterName}`.slice(0, 128);
        if (!REPLICATOR_NAME.test(this.replicatorName)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'replicatorName', found: this.replicatorName,
                expected: 'letters, digits and dashes, starting with a letter or digit, at most 128 characters',
                fix: "Use a name such as 'production-to-dr'.",
            });
        }
        const copyAcls = props.copyAccessControlListsForTopics ?? false;
        const copyConfigs = props.copyTopicConfigurations ?? true;
        const account = new data_aws_caller_identity_1.DataAwsCallerIdentity(this, 'Account');
        this.role = new iam_role_1.IamRole(this, 'Role', {
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
        this.policyDocument = (0, msk_replicator_policy_1.renderMskReplicatorPolicy)({
            source: this.arnPrefixes('Source', source.clusterArn),
            target: this.arnPrefixes('Target', target.clusterArn),
            topics: this.topics,
            consumerGroups: this.consumerGroups,
            topicNaming: this.topicNaming,
            copyTopicConfigurations: copyConfigs,
            copyAccessControlListsForTopics: copyAcls,
            syncConsumerGroupOffsets: syncOffsets,
        });
        this.policy = new iam_policy_1.IamPolicy(this, 'Policy', {
            name: `${this.replicatorName}-msk-replicator`.slice(0, 128),
            description: `Least-privilege Kafka access of MSK Replicator ${this.replicatorName}: ${source.clusterName} to ${target.clusterName}, rendered by kafka-iac`,
            policy: JSON.stringify(this.policyDocument),
            tags: { [vocabulary_1.PRINCIPAL_TAG]: this.replicatorName, [vocabulary_1.PRINCIPAL_KIND_TAG]: principal_1.PrincipalKind.MIRROR_MAKER_2 },
        });
        new iam_role_policy_attachment_1.IamRolePolicyAttachment(this, 'PolicyAttachment', { role: this.role.name, policyArn: this.policy.arn });
        const iamPort = msk_ports_1.MSK_LISTENER_PORTS.iam;
        this.securityGroup = new security_group_1.SecurityGroup(this, 'SecurityGroup', {
            vpcId: target.vpcId,
            description: `MSK Replicator ${this.replicatorName}: IAM (${iamPort}) to the brokers of ${target.clusterName} only`,
            revokeRulesOnDelete: true,
        });
        target.securityGroupIds.forEach((brokers, i) => {
            new vpc_security_group_egress_rule_1.VpcSecurityGroupEgressRule(this, `ToBrokers${i}`, {
                securityGroupId: this.securityGroup.id, referencedSecurityGroupId: brokers,
                ipProtocol: 'tcp', fromPort: iamPort, toPort: iamPort,
                description: `MSK Replicator ${this.replicatorName} to the brokers (IAM)`,
            });
            new vpc_security_group_ingress_rule_1.VpcSecurityGroupIngressRule(this, `FromReplicator${i}`, {
                securityGroupId: brokers, referencedSecurityGroupId: this.securityGroup.id,
                ipProtocol: 'tcp', fromPort: iamPort, toPort: iamPort,
                description: `Kafka clients (MSK Replicator ${this.replicatorName}, IAM)`,
            });
        });
        this.resource = new msk_replicator_1.MskReplicator(this, 'Resource', {
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
                        topicsToReplicate: this.topics.map(dr_pairing_1.exactNameRegex),
                        copyTopicConfigurations: copyConfigs,
                        copyAccessControlListsForTopics: copyAcls,
                        detectAndCopyNewTopics: props.detectAndCopyNewTopics ?? true,
                        startingPosition: { type: props.startingPosition ?? MskReplicatorStartingPosition.EARLIEST },
                        topicNameConfiguration: { type: this.topicNaming },
                    }],
                consumerGroupReplication: [{
                        consumerGroupsToReplicate: this.consumerGroups.map(dr_pairing_1.consumerGroupRegex),
                        synchroniseConsumerGroupOffsets: syncOffsets,
                        detectAndCopyNewConsumerGroups: props.detectAndCopyNewConsumerGroups ?? true,
                    }],
            },
            tags: { [msk_replicator_markers_1.MSK_REPLICATOR_RPO_TAG]: String(this.rpoSeconds), ...(pairing ? { [dr_markers_1.DR_PAIRING_TAG]: pairing.name } : {}) },
            dependsOn: [this.policy],
        });
        this.replicatorArn = this.resource.arn;
        if (pairing)
            this.pairingDeclaration = new terraform_data_1.TerraformDataResource(this, 'PairingDeclaration', (0, dr_markers_1.drPairingArtefactInput)(pairing));
        if (pairing && (props.drill ?? true) && source.bootstrapServers && target.bootstrapServers) {
            this.drillFile = dr_drill_1.DrDrill.addTo({
                pairing, technology: dr_drill_1.DrReplicationTechnology.MSK_REPLICATOR, replicationName: this.replicatorName,
                primaryBootstrapServers: source.bootstrapServers, peerBootstrapServers: target.bootstrapServers,
            });
        }
    }
    arnPrefixes(id, clusterArn) {
        if (!cdktf_1.Token.isUnresolved(clusterArn)) {
            const { cluster, topic, group } = (0, msk_iam_policy_1.mskArnPrefixesOf)(clusterArn);
            return { cluster, topic, group };
        }
        // A reference: derive the prefixes in Terraform (locals keep the policy JSON parseable for SEC-005).
        const local = (kind) => new cdktf_1.TerraformLocal(this, `${id}${kind}ArnPrefix`, cdktf_1.Fn.replace(clusterArn, ':cluster/', `:${kind.toLowerCase()}/`)).asString;
        return { cluster: clusterArn, topic: local('Topic'), group: local('Group') };
    }
}
exports.MskReplicator = MskReplicator;
function accountOf(arn) {
    if (cdktf_1.Token.isUnresolved(arn))
        return undefined;
    return /^arn:[^:]+:kafka:[^:]*:(\d{12}):cluster\//.exec(arn)?.[1];
}
/** A pairing's own values are the only source of what it declares; its regions must be the replicator's. */
function checkPairing(path, pairing, props, sourceRegion, stackRegion) {
    for (const prop of ['topics', 'consumerGroups', 'rpoSeconds', 'topicNaming', 'syncConsumerGroupOffsets']) {
        if (props[prop] !== undefined) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path, prop, found: props[prop],
                expected: `not set with a pairing: ${pairing.name} declares it`,
                fix: `Remove ${prop}, or change it on the DrPairing.`,
            });
        }
    }
    if (pairing.peer.region !== stackRegion) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-001', path, prop: 'pairing.peer.region', found: pairing.peer.region,
            expected: `${stackRegion}, the region of this stack: the replicator runs in the peer's region`,
            fix: `Create the MskReplicator in the stack of ${pairing.peer.name}.`,
        });
    }
    if (pairing.primary.region !== sourceRegion) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-001', path, prop: 'source.region', found: sourceRegion,
            expected: `${pairing.primary.region}, the region of ${pairing.primary.name} (the pairing's primary)`,
            fix: `Use the cluster of ${pairing.primary.name} as the source.`,
        });
    }
}
function checkTopics(path, topics) {
    if (!Array.isArray(topics) || topics.length === 0) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-002', path, prop: 'topics', found: topics ?? [],
            expected: 'at least one topic name to replicate', fix: 'Pass the topics of the DR pairing (every declared topic by default).',
        });
    }
    const seen = new Set();
    for (const t of topics) {
        if (!TOPIC_NAME.test(t)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path: `${path}/topics`, prop: 'topic', found: t,
                expected: 'a topic name (letters, digits, ., _ and -), never a wildcard: the role gets rights on exactly these topics',
                fix: "Name each topic, for example 'orders'.",
            });
        }
        if (seen.has(t))
            throw errors_1.KafkaIacError.duplicate('DR-002', `${path}/topics`, 'replicated topic', t);
        seen.add(t);
    }
    return [...topics];
}
function checkGroups(path, groups, syncOffsets) {
    if (syncOffsets && (!Array.isArray(groups) || groups.length === 0)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'DR-002', path, prop: 'consumerGroups', found: groups ?? [],
            expected: 'at least one consumer group whose offsets fail over (offset sync is on)',
            fix: 'Pass the consumer groups of the DR pairing (every granted group by default).',
        });
    }
    const seen = new Set();
    for (const g of groups ?? []) {
        if (!GROUP_NAME.test(g.name)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-002', path: `${path}/consumerGroups`, prop: 'group', found: g.name,
                expected: 'a group name or prefix (letters, digits, ., _ and -), never a wildcard: the role gets rights on exactly these groups',
                fix: "Name each group, for example { name: 'orders-service' }.",
            });
        }
        const key = `${g.isPrefix ? 'prefix' : 'literal'}:${g.name}`;
        if (seen.has(key))
            throw errors_1.KafkaIacError.duplicate('DR-002', `${path}/consumerGroups`, 'replicated consumer group', g.name);
        seen.add(key);
    }
    return (groups ?? []).map((g) => ({ name: g.name, isPrefix: g.isPrefix ?? false }));
}
