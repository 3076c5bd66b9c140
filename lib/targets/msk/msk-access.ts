import { terraformLiteral, terraformText } from '../../contract/writers/terraform';
import { checkIamRoleName } from '../../model/grammar/names';
import type { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Fn, TerraformLocal, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { MskScramUser } from './msk-scram-user';
import { TerraformDataResource, synthesizedInput } from './terraform-data';
import type { MskCluster } from './msk-cluster';
import { AuthenticationMechanism } from '../../model/client-authentication';
import { AclEnforcement } from './acl-enforcement';
import { oncePerSynthesis, type OutputRenderContext } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import type { AccessModel } from '../../model/access/access-model';
import { renderAclLines, renderTopicLines } from '../../contract/admin-command-lines';
import { RUN_ARGUMENT_LINES, shellComment, refuseUnsafeCredential, shellQuote } from '../../contract/writers/shell';
import { ClientProperties, type ConsumerGroupProtocol } from '../../contract/client-properties';
import { mskArnPrefixesOf, renderMskIamPolicy, type MskArnPrefixes } from './msk-iam-policy';
import { PrincipalKind } from '../../model/access/principal';
import { CLIENT_PROPERTIES_ARTEFACT_KIND, DECLARED_ADMINS_TAG, KAFKA_ADMIN_ARTEFACT_KIND, PRINCIPAL_KIND_TAG, PRINCIPAL_TAG } from '../../contract/vocabulary';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { IamPolicyClass, IamRolePolicyAttachmentClass } from './aws-provider-classes';

/** Props of an `MskAccess`: the cluster and the access model it renders. */
export interface MskAccessProps {
  /** The access model to render. */
  readonly model: AccessModel;
  /** The MSK cluster. */
  readonly cluster: MskCluster;
  /**
   * IAM roles to attach each IAM principal's policy to, by principal name
   * (`{ 'orders-service': 'orders-service-task-role' }`).
   * @default - policies are left unattached
   */
  readonly roleNames?: Readonly<Record<string, string>>;
  /**
   * SCRAM users already declared for some principals (by `userName`); the others get a new
   * `MskScramUser`.
   * @default - a new MskScramUser for every SCRAM principal
   */
  readonly scramUsers?: readonly MskScramUser[];
  /**
   * The consumer group protocol in the published client properties.
   * @default ConsumerGroupProtocol.CLASSIC
   */
  readonly groupProtocol?: ConsumerGroupProtocol;
}

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
export class MskAccess extends KafkaIacConstruct {
  /** IAM policies by principal name. */
  public readonly policies: ReadonlyMap<string, IamPolicy>;
  /** SCRAM users by principal name. */
  public readonly scramUsers: ReadonlyMap<string, MskScramUser>;
  /** The terraform_data holding the ACL and topic lines. */
  public readonly adminArtefacts: TerraformResource;
  /** The terraform_data holding the published client properties. */
  public readonly clientPropertiesArtefact: TerraformResource;
  /** The ARN prefixes the policies use. */
  public readonly arns: MskArnPrefixes;

  public constructor(scope: Construct, id: string, props: MskAccessProps) {
    super(scope, id);
    const { model, cluster } = props;
    this.arns = this.arnPrefixes(cluster.clusterArn);

    const clusterHasIam = cluster.authentication.some((a) => a.mechanism === AuthenticationMechanism.IAM);
    const iamBootstrap = cluster.aclEnforcement === AclEnforcement.ENFORCED && clusterHasIam;
    if (cluster.aclEnforcement === AclEnforcement.ENFORCED && !clusterHasIam && model.principals.some((p) => p.authentication.mechanism !== AuthenticationMechanism.IAM)) {
      // MSK has no super.users: with allow.everyone.if.no.acl.found=false on a new cluster, no
      // SCRAM or TLS principal holds the cluster Alter ACL that CreateAcls needs, so the first
      // kafka-acls.sh --add is refused. IAM principals are authorized by IAM policy instead.
      throw KafkaIacError.invalidProp({
        code: 'SEC-004', path: this.path, prop: 'cluster.aclEnforcement', found: `${cluster.aclEnforcement} without IAM authentication`,
        expected: 'IAM authentication on the cluster (the admin script logs in with IAM to create the first ACLs), or ACLs open until they exist',
        fix: 'Add ClientAuthentication.iam() to the cluster authentication, or create the cluster with aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST, run kafka-admin/apply.sh, then switch to ENFORCED.',
      });
    }
    const policies = new Map<string, IamPolicy>();
    const users = new Map<string, MskScramUser>();
    const given = new Map((props.scramUsers ?? []).map((u) => [u.userName, u]));
    for (const principal of model.principals) {
      const mechanism = principal.authentication.mechanism;
      if (mechanism === AuthenticationMechanism.OAUTH_BEARER) {
        throw KafkaIacError.unsupportedAuthentication({
          code: 'SEC-003', path: `${this.path}/${principal.name}`, prop: 'authentication', found: mechanism,
          offered: ['iam', 'scram-sha-512', 'tls'], where: 'on MSK', fix: `Declare '${principal.name}' with ClientAuthentication.iam() or .scramSha512().`,
        });
      }
      // The admin script logs in with IAM on a cluster that enforces ACLs (see mskApplyScript):
      // every admin gets its IAM policy there, whatever its Kafka mechanism.
      const bootstrapAdmin = principal.kind === PrincipalKind.ADMIN && iamBootstrap;
      if (mechanism === AuthenticationMechanism.IAM || bootstrapAdmin) {
        const scope = new Construct(this, principal.name);
        const policy = new (IamPolicyClass())(scope, 'Resource', {
          name: `${cluster.clusterName}-${principal.name}`,
          description: `Kafka access of ${principal.name} (${principal.kind}) on MSK cluster ${cluster.clusterName}, rendered by kafka-iac`,
          policy: JSON.stringify(renderMskIamPolicy(principal, this.arns)),
          tags: { [PRINCIPAL_TAG]: principal.name, [PRINCIPAL_KIND_TAG]: principal.kind },
        });
        const role = props.roleNames?.[principal.name] === undefined ? undefined
          : checkIamRoleName(props.roleNames[principal.name], { code: 'KIAC-PROP', path: this.path, prop: `roleNames['${principal.name}']` });
        if (role !== undefined) new (IamRolePolicyAttachmentClass())(scope, 'Attachment', { role, policyArn: policy.arn });
        policies.set(principal.name, policy);
      }
      if (mechanism === AuthenticationMechanism.SCRAM_SHA_512) {
        users.set(principal.name, given.get(principal.name) ?? new MskScramUser(this, `Scram-${principal.name}`, { cluster, userName: principal.name }));
      }
    }
    for (const name of Object.keys(props.roleNames ?? {})) {
      if (!policies.has(name)) {
        throw KafkaIacError.invalidProp({
          code: 'KIAC-PRINCIPAL', path: this.path, prop: 'roleNames', found: name,
          expected: `the name of an IAM principal of the model (${[...policies.keys()].join(', ') || 'none'})`,
          fix: 'Name a principal declared with ClientAuthentication.iam(), or remove the entry.',
        });
      }
    }
    this.policies = policies;
    this.scramUsers = users;
    // The admins the model declares, recorded on the cluster: SEC-005 checks a principal marked
    // admin in a policy tag or an ACL line against this list.
    const declaredAdmins = model.principals.filter((p) => p.kind === PrincipalKind.ADMIN).map((p) => p.name);
    cluster.resource.addOverride(`tags.${DECLARED_ADMINS_TAG}`, declaredAdmins.join(' '));

    this.adminArtefacts = new TerraformDataResource(this, 'AdminArtefacts', {
      kind: KAFKA_ADMIN_ARTEFACT_KIND,
      cluster: cluster.clusterName,
      acls: terraformLiteral(renderAclLines(model)),
      topics: terraformLiteral(renderTopicLines(model)),
    });
    const admins = model.principals.filter((p) => p.kind === PrincipalKind.ADMIN && p.authentication.mechanism !== AuthenticationMechanism.MUTUAL_TLS);
    const admin = admins.find((p) => p.authentication.mechanism === AuthenticationMechanism.IAM) ?? admins[0];
    const stack = TerraformStack.of(this);
    const artefact = (key: string) => (context?: OutputRenderContext) => terraformText(String(synthesizedInput(stack, this.adminArtefacts, context)[key] ?? ''));
    this.environment.addOutputFile('kafka-admin/acls.txt', artefact('acls'));
    this.environment.addOutputFile('kafka-admin/topics.txt', artefact('topics'));
    this.environment.addOutputFile('kafka-admin/apply.sh', () => mskApplyScript(cluster, admin?.name, iamBootstrap ? AuthenticationMechanism.IAM : admin?.authentication.mechanism));

    const published: Record<string, { producer: boolean; properties: string }> = {};
    for (const principal of model.principals) {
      const client = ClientProperties.forMsk(principal, {
        bootstrapOutputName: cluster.bootstrapOutputs.get(principal.authentication.mechanism)?.friendlyUniqueId,
        secretName: `AmazonMSK_${cluster.clusterName}_${principal.name}`,
        groupProtocol: props.groupProtocol,
      });
      published[principal.name] = { producer: client.isProducer, properties: terraformLiteral(client.toPropertiesText()) };
    }
    this.clientPropertiesArtefact = new TerraformDataResource(this, 'ClientProperties', { kind: CLIENT_PROPERTIES_ARTEFACT_KIND, principals: published });
    // Every principal's file reads the same artefact: looked up once per synthesis (its JSON
    // does not change within one), afresh when a file is rendered without a synthesis.
    const publishedIn = oncePerSynthesis((context): Record<string, any> =>
      synthesizedInput(stack, this.clientPropertiesArtefact, context).principals ?? {});
    for (const principal of model.principals) {
      this.environment.addOutputFile(`clients/${principal.name}.properties`, (context) =>
        terraformText(String(publishedIn(context)[principal.name]?.properties ?? '')));
    }
  }

  private arnPrefixes(clusterArn: string): MskArnPrefixes {
    if (!Token.isUnresolved(clusterArn)) return mskArnPrefixesOf(clusterArn);
    // A token: derive the prefixes in Terraform. Locals keep the policy JSON free of quotes,
    // so it stays parseable (SEC-005 reads it) and valid for `terraform validate`.
    const local = (id: string, kind: string) => new TerraformLocal(this, id, Fn.replace(clusterArn, ':cluster/', `:${kind}/`)).asString;
    return {
      cluster: clusterArn,
      topic: local('TopicArnPrefix', 'topic'),
      group: local('GroupArnPrefix', 'group'),
      transactionalId: local('TransactionalIdArnPrefix', 'transactional-id'),
    };
  }
}


/** The script that applies `topics.txt` and `acls.txt` with the Kafka admin tools. */
function mskApplyScript(cluster: MskCluster, admin: string | undefined, mechanism: AuthenticationMechanism | undefined): string {
  const iam = mechanism === AuthenticationMechanism.IAM;
  const output = cluster.bootstrapOutputs.get(mechanism ?? AuthenticationMechanism.SCRAM_SHA_512)?.friendlyUniqueId ?? '<bootstrap output>';
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
    shellComment(`Applies the declared topics and ACLs to MSK cluster ${cluster.clusterName} (generated by kafka-iac).`),
    '# Run from a host that reaches the brokers (inside the VPC), with a Kafka 4.x distribution in',
    '# KAFKA_HOME' + (iam ? ' and aws-msk-iam-auth on its classpath' : ', the AWS CLI and jq') + '.',
    ...(iam ? [
      '# It logs in with IAM: MSK has no super.users, and with allow.everyone.if.no.acl.found=false no',
      '# SCRAM principal may create the first ACL; an IAM identity is authorized by its IAM policy',
      `# (kafka-cluster:AlterCluster allows CreateAcls). Run it with AWS credentials of a role holding`,
      `# the policy ${cluster.clusterName}-${admin ?? '<admin>'} (MskAccess roleNames attaches it).`,
    ] : []),
    '# Credentials are fetched at run time into a private temporary file; none is written here (SEC-009).',
    '# Every call is idempotent: --create --if-not-exists for topics, --add for ACLs.',
    'set -euo pipefail',
    'set -f # names may be Kafka wildcards (*); never glob them',
    'here="$(cd "$(dirname "$0")" && pwd)"',
    ': "${KAFKA_HOME:?set KAFKA_HOME to a Kafka 4.x distribution}"',
    `: "\${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS from: terraform output -raw ${output.replace(/[^A-Za-z0-9_<> -]/g, '_')}}"`,
    'config="$(mktemp)"',
    'chmod 600 "$config"',
    'trap \'rm -f "$config"\' EXIT',
    ...(iam ? [] : [
      `default_admin_user=${shellQuote(admin ?? '')}`,
      'ADMIN_USER="${ADMIN_USER:-$default_admin_user}"',
      ': "${ADMIN_USER:?declare an admin principal (access.addAdmin) or set ADMIN_USER}"',
      `cluster_name=${shellQuote(cluster.clusterName)}`,
      'ADMIN_SECRET_ID="${ADMIN_SECRET_ID:-AmazonMSK_${cluster_name}_${ADMIN_USER}}"',
      'ADMIN_PASSWORD="$(aws secretsmanager get-secret-value --secret-id "$ADMIN_SECRET_ID" --query SecretString --output text | jq -r .password)"',
    ]),
    ...[refuseUnsafeCredential('ADMIN_USER'), refuseUnsafeCredential('ADMIN_PASSWORD')].filter(() => !iam),
    'cat > "$config" <<EOF',
    ...auth,
    'EOF',
    RUN_ARGUMENT_LINES,
    'run "$KAFKA_HOME/bin/kafka-topics.sh" "$here/topics.txt"',
    'run "$KAFKA_HOME/bin/kafka-acls.sh" "$here/acls.txt"',
    '',
  ].join('\n');
}
