"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskAccess = void 0;
const iam_policy_1 = require("@cdktf/provider-aws/lib/iam-policy");
const iam_role_policy_attachment_1 = require("@cdktf/provider-aws/lib/iam-role-policy-attachment");
const cdktf_1 = require("cdktf");
const constructs_1 = require("constructs");
const msk_scram_user_1 = require("./msk-scram-user");
const terraform_data_1 = require("./terraform-data");
const client_authentication_1 = require("../../model/client-authentication");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const admin_command_lines_1 = require("../../contract/admin-command-lines");
const client_properties_1 = require("../../contract/client-properties");
const msk_iam_policy_1 = require("./msk-iam-policy");
const principal_1 = require("../../model/access/principal");
const vocabulary_1 = require("../../contract/vocabulary");
/**
 * Renders an access model for MSK:
 * - IAM principals: an `aws_iam_policy` each (`kafka-cluster:*` actions on the cluster, topic,
 *   group and transactional-id ARNs derived from the cluster ARN), unattached or attached to
 *   the role named in `roleNames`;
 * - SCRAM principals: an `MskScramUser` each (Secrets Manager secret `AmazonMSK_...`, ephemeral
 *   password, association);
 * - SCRAM and mutual-TLS ACLs and the topics: `kafka-acls.sh` / `kafka-topics.sh` argument lines
 *   in a `terraform_data` (so `terraform plan` shows a change) and in
 *   `dist/<env>/kafka-admin/{acls.txt,topics.txt,apply.sh}`; `apply.sh` runs the Kafka admin
 *   tools with the admin's credentials fetched from Secrets Manager at run time;
 * - per principal, `dist/<env>/clients/<principal>.properties`.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-acls.html
 */
class MskAccess extends constructs_1.Construct {
    /** IAM policies by principal name. */
    policies;
    /** SCRAM users by principal name. */
    scramUsers;
    /** The terraform_data holding the ACL and topic lines. */
    adminArtefacts;
    /** The terraform_data holding the published client properties. */
    clientPropertiesArtefact;
    /** The ARN prefixes the policies use. */
    arns;
    constructor(scope, id, props) {
        super(scope, id);
        const environment = environment_1.Environment.of(this);
        const { model, cluster } = props;
        this.arns = this.arnPrefixes(cluster.clusterArn);
        const policies = new Map();
        const users = new Map();
        const given = new Map((props.scramUsers ?? []).map((u) => [u.userName, u]));
        for (const principal of model.principals) {
            const mechanism = principal.authentication.mechanism;
            if (mechanism === client_authentication_1.AuthenticationMechanism.OAUTH_BEARER) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SEC-003', path: `${this.node.path}/${principal.name}`, prop: 'authentication', found: mechanism,
                    expected: 'iam, scram-sha-512 or tls on MSK', fix: `Declare '${principal.name}' with ClientAuthentication.iam() or .scramSha512().`,
                });
            }
            if (mechanism === client_authentication_1.AuthenticationMechanism.IAM) {
                const scope = new constructs_1.Construct(this, principal.name);
                const policy = new iam_policy_1.IamPolicy(scope, 'Resource', {
                    name: `${cluster.clusterName}-${principal.name}`,
                    description: `Kafka access of ${principal.name} (${principal.kind}) on MSK cluster ${cluster.clusterName}, rendered by kafka-iac`,
                    policy: JSON.stringify((0, msk_iam_policy_1.renderMskIamPolicy)(principal, this.arns)),
                    tags: { [vocabulary_1.PRINCIPAL_TAG]: principal.name, [vocabulary_1.PRINCIPAL_KIND_TAG]: principal.kind },
                });
                const role = props.roleNames?.[principal.name];
                if (role !== undefined)
                    new iam_role_policy_attachment_1.IamRolePolicyAttachment(scope, 'Attachment', { role, policyArn: policy.arn });
                policies.set(principal.name, policy);
            }
            if (mechanism === client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512) {
                users.set(principal.name, given.get(principal.name) ?? new msk_scram_user_1.MskScramUser(this, `Scram-${principal.name}`, { cluster, userName: principal.name }));
            }
        }
        for (const name of Object.keys(props.roleNames ?? {})) {
            if (!policies.has(name)) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'KIAC-PRINCIPAL', path: this.node.path, prop: 'roleNames', found: name,
                    expected: `the name of an IAM principal of the model (${[...policies.keys()].join(', ') || 'none'})`,
                    fix: 'Name a principal declared with ClientAuthentication.iam(), or remove the entry.',
                });
            }
        }
        this.policies = policies;
        this.scramUsers = users;
        // The admins the model declares, recorded on the cluster: SEC-005 checks a principal marked
        // admin in a policy tag or an ACL line against this list.
        const admins = model.principals.filter((p) => p.kind === principal_1.PrincipalKind.ADMIN).map((p) => p.name);
        cluster.resource.addOverride(`tags.${vocabulary_1.DECLARED_ADMINS_TAG}`, admins.join(' '));
        this.adminArtefacts = new terraform_data_1.TerraformDataResource(this, 'AdminArtefacts', {
            kind: vocabulary_1.KAFKA_ADMIN_ARTEFACT_KIND,
            cluster: cluster.clusterName,
            acls: escapeTemplate((0, admin_command_lines_1.renderAclLines)(model)),
            topics: escapeTemplate((0, admin_command_lines_1.renderTopicLines)(model)),
        });
        const admin = model.principals.find((p) => p.kind === principal_1.PrincipalKind.ADMIN && p.authentication.mechanism !== client_authentication_1.AuthenticationMechanism.MUTUAL_TLS);
        const stack = cdktf_1.TerraformStack.of(this);
        const artefact = (key) => (context) => unescapeTemplate(String((0, terraform_data_1.synthesizedInput)(stack, this.adminArtefacts, context)[key] ?? ''));
        environment.addOutputFile('kafka-admin/acls.txt', artefact('acls'));
        environment.addOutputFile('kafka-admin/topics.txt', artefact('topics'));
        environment.addOutputFile('kafka-admin/apply.sh', () => mskApplyScript(cluster, admin?.name, admin?.authentication.mechanism));
        const published = {};
        for (const principal of model.principals) {
            const client = client_properties_1.ClientProperties.forMsk(principal, {
                bootstrapOutputName: cluster.bootstrapOutputs.get(principal.authentication.mechanism)?.friendlyUniqueId,
                secretName: `AmazonMSK_${cluster.clusterName}_${principal.name}`,
                groupProtocol: props.groupProtocol,
            });
            published[principal.name] = { producer: client.isProducer, properties: escapeTemplate(client.toPropertiesText()) };
        }
        this.clientPropertiesArtefact = new terraform_data_1.TerraformDataResource(this, 'ClientProperties', { kind: vocabulary_1.CLIENT_PROPERTIES_ARTEFACT_KIND, principals: published });
        for (const principal of model.principals) {
            environment.addOutputFile(`clients/${principal.name}.properties`, (context) => {
                const principals = (0, terraform_data_1.synthesizedInput)(stack, this.clientPropertiesArtefact, context).principals ?? {};
                return unescapeTemplate(String(principals[principal.name]?.properties ?? ''));
            });
        }
    }
    arnPrefixes(clusterArn) {
        if (!cdktf_1.Token.isUnresolved(clusterArn))
            return (0, msk_iam_policy_1.mskArnPrefixesOf)(clusterArn);
        // A token: derive the prefixes in Terraform. Locals keep the policy JSON free of quotes,
        // so it stays parseable (SEC-005 reads it) and valid for `terraform validate`.
        const local = (id, kind) => new cdktf_1.TerraformLocal(this, id, cdktf_1.Fn.replace(clusterArn, ':cluster/', `:${kind}/`)).asString;
        return {
            cluster: clusterArn,
            topic: local('TopicArnPrefix', 'topic'),
            group: local('GroupArnPrefix', 'group'),
            transactionalId: local('TransactionalIdArnPrefix', 'transactional-id'),
        };
    }
}
exports.MskAccess = MskAccess;
/** Terraform reads `${` and `%{` in strings as templates; the artefacts are literal text. */
function escapeTemplate(text) {
    return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
function unescapeTemplate(text) {
    return text.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
}
/** The script that applies `topics.txt` and `acls.txt` with the Kafka admin tools. */
function mskApplyScript(cluster, admin, mechanism) {
    const iam = mechanism === client_authentication_1.AuthenticationMechanism.IAM;
    const output = cluster.bootstrapOutputs.get(mechanism ?? client_authentication_1.AuthenticationMechanism.SCRAM_SHA_512)?.friendlyUniqueId ?? '<bootstrap output>';
    const auth = iam
        ? [
            'security.protocol=SASL_SSL',
            'sasl.mechanism=AWS_MSK_IAM',
            'sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;',
            'sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler',
        ]
        : [
            'security.protocol=SASL_SSL',
            'sasl.mechanism=SCRAM-SHA-512',
            'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${ADMIN_USER}" password="${ADMIN_PASSWORD}";',
        ];
    return [
        '#!/usr/bin/env bash',
        `# Applies the declared topics and ACLs to MSK cluster ${cluster.clusterName} (generated by kafka-iac).`,
        '# Run from a host that reaches the brokers (inside the VPC), with a Kafka 4.x distribution in',
        '# KAFKA_HOME' + (iam ? ' and aws-msk-iam-auth on its classpath' : ', the AWS CLI and jq') + '.',
        '# Credentials are fetched at run time into a private temporary file; none is written here (SEC-009).',
        '# Every call is idempotent: --create --if-not-exists for topics, --add for ACLs.',
        'set -euo pipefail',
        'set -f # names may be Kafka wildcards (*); never glob them',
        'here="$(cd "$(dirname "$0")" && pwd)"',
        ': "${KAFKA_HOME:?set KAFKA_HOME to a Kafka 4.x distribution}"',
        `: "\${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS from: terraform output -raw ${output}}"`,
        'config="$(mktemp)"',
        'chmod 600 "$config"',
        'trap \'rm -f "$config"\' EXIT',
        ...(iam ? [] : [
            `ADMIN_USER="\${ADMIN_USER:-${admin ?? ''}}"`,
            ': "${ADMIN_USER:?declare an admin principal (access.addAdmin) or set ADMIN_USER}"',
            `ADMIN_SECRET_ID="\${ADMIN_SECRET_ID:-AmazonMSK_${cluster.clusterName}_\${ADMIN_USER}}"`,
            'ADMIN_PASSWORD="$(aws secretsmanager get-secret-value --secret-id "$ADMIN_SECRET_ID" --query SecretString --output text | jq -r .password)"',
        ]),
        'cat > "$config" <<EOF',
        ...auth,
        'EOF',
        'run() { local tool="$1" file="$2" line; while IFS= read -r line; do case "$line" in \'\'|\'#\'*) continue;; esac; "$KAFKA_HOME/bin/$tool" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config" $line; done < "$file"; }',
        'run kafka-topics.sh "$here/topics.txt"',
        'run kafka-acls.sh "$here/acls.txt"',
        '',
    ].join('\n');
}
