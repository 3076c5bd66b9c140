"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.alarmTopicKey = alarmTopicKey;
const data_aws_caller_identity_1 = require("@cdktf/provider-aws/lib/data-aws-caller-identity");
const data_aws_partition_1 = require("@cdktf/provider-aws/lib/data-aws-partition");
const kms_key_1 = require("@cdktf/provider-aws/lib/kms-key");
/**
 * The customer-managed KMS key of an SNS topic that CloudWatch alarms publish to: rotation on,
 * 30-day deletion window, administered by the account through IAM, and usable by CloudWatch
 * (`kms:Decrypt`, `kms:GenerateDataKey*`), which an AWS-managed SNS key does not allow.
 * Adds `Account`, `Partition` and `TopicKey` to `scope`.
 */
function alarmTopicKey(scope, description) {
    const account = new data_aws_caller_identity_1.DataAwsCallerIdentity(scope, 'Account');
    const partition = new data_aws_partition_1.DataAwsPartition(scope, 'Partition');
    return new kms_key_1.KmsKey(scope, 'TopicKey', {
        description,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
                { Sid: 'AccountAdministersTheKeyThroughIam', Effect: 'Allow', Principal: { AWS: `arn:${partition.partition}:iam::${account.accountId}:root` }, Action: 'kms:*', Resource: '*' },
                { Sid: 'CloudWatchPublishesAlarms', Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
            ],
        }),
    });
}
