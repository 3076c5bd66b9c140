import { checkKmsKeyArn } from '../../model/grammar/arn';
import type { MskSingleScramSecretAssociation } from '@cdktf/provider-aws/lib/msk-single-scram-secret-association';
import type { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import type { SecretsmanagerSecretPolicy } from '@cdktf/provider-aws/lib/secretsmanager-secret-policy';
import type { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AuthenticationMechanism } from '../../model/client-authentication';
import { Environment } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import type { MskCluster } from './msk-cluster';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { MskSingleScramSecretAssociationClass, SecretsmanagerSecretClass, SecretsmanagerSecretPolicyClass, SecretsmanagerSecretVersionClass } from './aws-provider-classes';

/** Props of an `MskScramUser`: the cluster and the user's name. */
export interface MskScramUserProps {
  /** The cluster; SCRAM must be one of its authentication modes. */
  readonly cluster: MskCluster;
  /** The SASL/SCRAM user name (the Kafka principal `User:<userName>`). */
  readonly userName: string;
  /**
   * The customer-managed KMS key that encrypts the secret. MSK refuses secrets encrypted with
   * the AWS-managed `aws/secretsmanager` key.
   * @default - the cluster's key
   */
  readonly encryptionKeyArn?: string;
  /**
   * The name of the ephemeral Terraform input variable that carries the password, so that it
   * is set with `TF_VAR_<name>` and never written to `cdk.tf.json` or the state.
   * @default 'scram_password_<userName>' (non-alphanumerics as `_`)
   */
  readonly passwordVariableName?: string;
  /**
   * The version of the write-only password. Terraform writes the password only when this
   * number changes: raise it to rotate the password.
   * @default 1
   */
  readonly passwordVersion?: number;
  /**
   * The days Secrets Manager keeps the secret after a delete before it is gone (0, or 7 to 30;
   * AWS's default is 30). While a secret waits, no secret of the same name can be created, so a
   * destroyed user cannot be recreated for that long. Staging and production keep at least 7
   * days to recover a secret deleted by mistake; 0 (delete at once) is refused there.
   * @default 7 in staging and production, 0 in development
   * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/secretsmanager_secret#recovery_window_in_days
   */
  readonly recoveryWindowInDays?: number;
}

const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const usedVariables = new WeakMap<TerraformStack, Set<string>>();

/**
 * A SASL/SCRAM user of an MSK cluster:
 * - a Secrets Manager secret named `AmazonMSK_<cluster>_<user>` (MSK requires the prefix),
 *   encrypted with a customer-managed key;
 * - the secret policy that lets MSK read it;
 * - the password written through the write-only `secret_string_wo`, fed by an **ephemeral**
 *   input variable: the value is in neither `cdk.tf.json` nor the Terraform state (SEC-009);
 * - an `aws_msk_single_scram_secret_association`, which owns only this secret (the list form
 *   `aws_msk_scram_secret_association` takes every association of the cluster and fights others).
 *
 * Set the password at apply time: `TF_VAR_scram_password_orders='...' terraform apply`
 * (or `cdktf deploy` with the same environment variable). To rotate, set the new value and
 * raise `passwordVersion`.
 * @see SEC-009
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-password.html
 */
export class MskScramUser extends KafkaIacConstruct {
  /** The `aws_secretsmanager_secret`. */
  public readonly resource: SecretsmanagerSecret;
  public readonly secretVersion: SecretsmanagerSecretVersion;
  public readonly secretPolicy: SecretsmanagerSecretPolicy;
  public readonly association: MskSingleScramSecretAssociation;
  /** The ephemeral variable that carries the password. */
  public readonly passwordVariable: TerraformVariable;
  public readonly userName: string;
  /** The Kafka principal of this user. */
  public readonly principal: string;

  public constructor(scope: Construct, id: string, props: MskScramUserProps) {
    super(scope, id);
    const { cluster } = props;
    if (!cluster.authentication.some((a) => a.mechanism === AuthenticationMechanism.SCRAM_SHA_512)) {
      throw KafkaIacError.invalidProp({
        code: 'SEC-003', path: this.path, prop: 'cluster', found: cluster.authentication.map((a) => a.mechanism),
        expected: 'a cluster with ClientAuthentication.scramSha512() among its authentication modes',
        fix: 'Add ClientAuthentication.scramSha512() to the cluster, or use IAM principals instead.',
      });
    }
    if (typeof props.userName !== 'string' || !USER_NAME.test(props.userName)) {
      throw KafkaIacError.grammar({
        code: 'KIAC-PROP', path: this.path, prop: 'userName', found: props.userName,
        grammar: 'letters, digits, _ . -, starting with a letter or digit, at most 64 characters',
        fix: "Use a name such as 'orders-producer'.",
      });
    }
    const version = props.passwordVersion ?? 1;
    if (!Number.isInteger(version) || version < 1) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-PROP', path: this.path, prop: 'passwordVersion', found: version,
        expected: 'a positive integer, raised by one for each new password', fix: 'Set passwordVersion: 1.',
      });
    }
    const recoveryWindowInDays = recoveryWindowOf(this, props.recoveryWindowInDays);
    const variableName = props.passwordVariableName ?? `scram_password_${props.userName.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}`;
    const stack = TerraformStack.of(this);
    const used = usedVariables.get(stack) ?? new Set<string>();
    if (used.has(variableName)) throw KafkaIacError.duplicate('KIAC-PROP', this.path, 'password variable', variableName);
    used.add(variableName);
    usedVariables.set(stack, used);

    this.userName = props.userName;
    this.principal = `User:${props.userName}`;

    this.passwordVariable = new TerraformVariable(this, 'Password', {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: `SCRAM password of ${props.userName} on ${cluster.clusterName}. Ephemeral: set it with TF_VAR_${variableName} at apply time; it is stored neither in the plan nor in the state.`,
    });
    this.passwordVariable.overrideLogicalId(variableName);
    // cdktf 0.21 has no ephemeral API (terraform-cdk#3886); this is the documented override.
    this.passwordVariable.addOverride('ephemeral', true);

    if (props.encryptionKeyArn !== undefined) checkKmsKeyArn(props.encryptionKeyArn, { code: 'SEC-009', path: this.path, prop: 'encryptionKeyArn' });
    this.resource = new (SecretsmanagerSecretClass())(this, 'Resource', {
      name: `AmazonMSK_${cluster.clusterName}_${props.userName}`,
      description: `SCRAM credentials of ${props.userName} on MSK cluster ${cluster.clusterName}`,
      kmsKeyId: props.encryptionKeyArn ?? cluster.encryptionKeyArn,
      recoveryWindowInDays,
    });
    this.secretPolicy = new (SecretsmanagerSecretPolicyClass())(this, 'Policy', {
      secretArn: this.resource.arn,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'AWSKafkaResourcePolicy',
          Effect: 'Allow',
          Principal: { Service: 'kafka.amazonaws.com' },
          Action: 'secretsmanager:getSecretValue',
          Resource: this.resource.arn,
        }],
      }),
    });
    this.secretVersion = new (SecretsmanagerSecretVersionClass())(this, 'Value', {
      secretId: this.resource.id,
      secretStringWo: Fn.jsonencode({ username: props.userName, password: this.passwordVariable.stringValue }),
      secretStringWoVersion: version,
    });
    this.association = new (MskSingleScramSecretAssociationClass())(this, 'Association', {
      clusterArn: cluster.clusterArn,
      secretArn: this.resource.arn,
      dependsOn: [this.secretVersion, this.secretPolicy],
    });
  }
}

/**
 * The secret's recovery window, written out: 0 or 7 to 30 days (Secrets Manager DeleteSecret
 * `RecoveryWindowInDays`: "minimum of 7 days and a maximum of 30 days"), at least 7 in staging and production.
 */
function recoveryWindowOf(scope: Construct, value: number | undefined): number {
  const productionLike = Environment.of(scope).isProductionLike;
  const days = value ?? (productionLike ? 7 : 0);
  const allowed = Number.isInteger(days) && (days === 0 || (days >= 7 && days <= 30));
  if (!allowed || (productionLike && days < 7)) {
    throw KafkaIacError.invalidProp({
      code: 'KIAC-PROP', path: scope.node.path, prop: 'recoveryWindowInDays', found: days,
      expected: productionLike ? '7 to 30 days in staging and production (a secret deleted by mistake can be restored)' : '0, or 7 to 30 days',
      fix: 'Set recoveryWindowInDays: 7.',
    });
  }
  return days;
}
