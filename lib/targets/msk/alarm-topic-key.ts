import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { Construct } from 'constructs';

/**
 * The customer-managed KMS key of an SNS topic that CloudWatch alarms publish to: rotation on,
 * 30-day deletion window, administered by the account through IAM, and usable by CloudWatch
 * (`kms:Decrypt`, `kms:GenerateDataKey*`), which an AWS-managed SNS key does not allow.
 * Adds `Account`, `Partition` and `TopicKey` to `scope`.
 */
export function alarmTopicKey(scope: Construct, description: string): KmsKey {
  const account = new DataAwsCallerIdentity(scope, 'Account');
  const partition = new DataAwsPartition(scope, 'Partition');
  return new KmsKey(scope, 'TopicKey', {
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
