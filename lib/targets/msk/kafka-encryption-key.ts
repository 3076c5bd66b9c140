import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** Props of a `KafkaEncryptionKey`. */
export interface KafkaEncryptionKeyProps {
  /** What the key protects, for its description. */
  readonly description: string;
  /**
   * Days a deleted key waits before it is gone (7 to 30).
   * @default 30
   */
  readonly deletionWindowInDays?: number;
}

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
export class KafkaEncryptionKey extends KafkaIacConstruct {
  public readonly resource: KmsKey;
  /** The key ARN. */
  public readonly keyArn: string;

  public constructor(scope: Construct, id: string, props: KafkaEncryptionKeyProps) {
    super(scope, id);
    const account = new DataAwsCallerIdentity(this, 'Account');
    const partition = new DataAwsPartition(this, 'Partition');
    const root = `arn:${partition.partition}:iam::${account.accountId}:root`;
    const logsArn = `arn:${partition.partition}:logs:${this.environment.region}:${account.accountId}:log-group:*`;
    this.resource = new KmsKey(this, 'Resource', {
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
            Principal: { Service: `logs.${this.environment.region}.amazonaws.com` },
            Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
            Resource: '*',
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logsArn } },
          },
        ],
      }),
      lifecycle: this.environment.isProduction ? { preventDestroy: true } : undefined,
    });
    this.keyArn = this.resource.arn;
  }
}
