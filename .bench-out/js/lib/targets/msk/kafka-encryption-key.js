"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaEncryptionKey = void 0;
const data_aws_caller_identity_1 = require("@cdktf/provider-aws/lib/data-aws-caller-identity");
const data_aws_partition_1 = require("@cdktf/provider-aws/lib/data-aws-partition");
const kms_key_1 = require("@cdktf/provider-aws/lib/kms-key");
const constructs_1 = require("constructs");
const environment_1 = require("../../model/environment");
/**
 * A customer-managed KMS key with automatic rotation on, for MSK storage (EBS), broker logs
 * and SCRAM secrets. Its policy delegates to the account's IAM policies and lets CloudWatch
 * Logs of the stack's region use it for log groups. In production it is protected from
 * `terraform destroy` (`prevent_destroy`).
 *
 * The key is `.resource` (id `Resource`).
 * @see SEC-006
 * @see HA-011
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
 */
class KafkaEncryptionKey extends constructs_1.Construct {
    resource;
    /** The key ARN. */
    keyArn;
    constructor(scope, id, props) {
        super(scope, id);
        const environment = environment_1.Environment.of(this);
        const account = new data_aws_caller_identity_1.DataAwsCallerIdentity(this, 'Account');
        const partition = new data_aws_partition_1.DataAwsPartition(this, 'Partition');
        const root = `arn:${partition.partition}:iam::${account.accountId}:root`;
        const logsArn = `arn:${partition.partition}:logs:${environment.region}:${account.accountId}:log-group:*`;
        this.resource = new kms_key_1.KmsKey(this, 'Resource', {
            description: props.description,
            enableKeyRotation: true,
            deletionWindowInDays: props.deletionWindowInDays ?? 30,
            policy: JSON.stringify({
                Version: '2012-10-17',
                Statement: [
                    {
                        Sid: 'AccountAdministersTheKeyThroughIam',
                        Effect: 'Allow',
                        Principal: { AWS: root },
                        Action: 'kms:*',
                        Resource: '*',
                    },
                    {
                        Sid: 'CloudWatchLogsEncryptsBrokerLogs',
                        Effect: 'Allow',
                        Principal: { Service: `logs.${environment.region}.amazonaws.com` },
                        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
                        Resource: '*',
                        Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logsArn } },
                    },
                ],
            }),
            lifecycle: environment.isProduction ? { preventDestroy: true } : undefined,
        });
        this.keyArn = this.resource.arn;
    }
}
exports.KafkaEncryptionKey = KafkaEncryptionKey;
