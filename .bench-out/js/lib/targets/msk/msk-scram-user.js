"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskScramUser = void 0;
const msk_single_scram_secret_association_1 = require("@cdktf/provider-aws/lib/msk-single-scram-secret-association");
const secretsmanager_secret_1 = require("@cdktf/provider-aws/lib/secretsmanager-secret");
const secretsmanager_secret_policy_1 = require("@cdktf/provider-aws/lib/secretsmanager-secret-policy");
const secretsmanager_secret_version_1 = require("@cdktf/provider-aws/lib/secretsmanager-secret-version");
const cdktf_1 = require("cdktf");
const constructs_1 = require("constructs");
const client_authentication_1 = require("../../model/client-authentication");
const errors_1 = require("../../model/errors");
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const usedVariables = new WeakMap();
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
class MskScramUser extends constructs_1.Construct {
    /** The `aws_secretsmanager_secret`. */
    resource;
    secretVersion;
    secretPolicy;
    association;
    /** The ephemeral variable that carries the password. */
    passwordVariable;
    userName;
    /** The Kafka principal of this user. */
    principal;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const { cluster } = props;
        if (!cluster.authentication.some((a) => a.mechanism === client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'SEC-003', path, prop: 'cluster', found: cluster.authentication.map((a) => a.mechanism),
                expected: 'a cluster with ClientAuthentication.scramSha512() among its authentication modes',
                fix: 'Add ClientAuthentication.scramSha512() to the cluster, or use IAM principals instead.',
            });
        }
        if (typeof props.userName !== 'string' || !USER_NAME.test(props.userName)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'userName', found: props.userName,
                expected: 'letters, digits, _ . -, starting with a letter or digit, at most 64 characters',
                fix: "Use a name such as 'orders-producer'.",
            });
        }
        const version = props.passwordVersion ?? 1;
        if (!Number.isInteger(version) || version < 1) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-PROP', path, prop: 'passwordVersion', found: version,
                expected: 'a positive integer, raised by one for each new password', fix: 'Set passwordVersion: 1.',
            });
        }
        const variableName = props.passwordVariableName ?? `scram_password_${props.userName.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}`;
        const stack = cdktf_1.TerraformStack.of(this);
        const used = usedVariables.get(stack) ?? new Set();
        if (used.has(variableName))
            throw errors_1.KafkaIacError.duplicate('KIAC-PROP', path, 'password variable', variableName);
        used.add(variableName);
        usedVariables.set(stack, used);
        this.userName = props.userName;
        this.principal = `User:${props.userName}`;
        this.passwordVariable = new cdktf_1.TerraformVariable(this, 'Password', {
            type: 'string',
            sensitive: true,
            nullable: false,
            description: `SCRAM password of ${props.userName} on ${cluster.clusterName}. Ephemeral: set it with TF_VAR_${variableName} at apply time; it is stored neither in the plan nor in the state.`,
        });
        this.passwordVariable.overrideLogicalId(variableName);
        // cdktf 0.21 has no ephemeral API (terraform-cdk#3886); this is the documented override.
        this.passwordVariable.addOverride('ephemeral', true);
        this.resource = new secretsmanager_secret_1.SecretsmanagerSecret(this, 'Resource', {
            name: `AmazonMSK_${cluster.clusterName}_${props.userName}`,
            description: `SCRAM credentials of ${props.userName} on MSK cluster ${cluster.clusterName}`,
            kmsKeyId: props.encryptionKeyArn ?? cluster.encryptionKeyArn,
        });
        this.secretPolicy = new secretsmanager_secret_policy_1.SecretsmanagerSecretPolicy(this, 'Policy', {
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
        this.secretVersion = new secretsmanager_secret_version_1.SecretsmanagerSecretVersion(this, 'Value', {
            secretId: this.resource.id,
            secretStringWo: cdktf_1.Fn.jsonencode({ username: props.userName, password: this.passwordVariable.stringValue }),
            secretStringWoVersion: version,
        });
        this.association = new msk_single_scram_secret_association_1.MskSingleScramSecretAssociation(this, 'Association', {
            clusterArn: cluster.clusterArn,
            secretArn: this.resource.arn,
            dependsOn: [this.secretVersion, this.secretPolicy],
        });
    }
}
exports.MskScramUser = MskScramUser;
