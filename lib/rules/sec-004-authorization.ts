import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { mskClusterCheck, nodePropertiesCheck, strimziKafkaCheck, type NodePropertiesFiles } from './checks/target-checks';
import { authenticationOf, configurationOf, serverPropertiesOf } from './readers/msk-cluster-document';
import { expectStrimziConfig, strimziConfigOf, forbiddenConfigFindings } from './readers/strimzi-documents';
import { DECLARED_ADMINS_ANNOTATION, KAFKA_CLUSTER_LABEL } from '../contract/vocabulary';

/** SEC-004: Authorization is on (Kafka ACLs, or IAM policies on MSK) and the default for a principal without ACLs is deny. */
export const SEC_004_AUTHORIZATION: Rule = defineRule({
  id: 'SEC-004',
  title: 'Authorization is on (Kafka ACLs, or IAM policies on MSK) and the default for a principal without ACLs is deny.',
  explanation: 'Authentication says who a client is; authorization says what it may do. Without an authorizer, or with allow.everyone.if.no.acl.found=true, any authenticated principal without ACLs can read, write or delete any topic. MSK sets allow.everyone.if.no.acl.found=true by default, so SCRAM and mutual-TLS clusters start open.',
  remediation: 'MSK: IAM listeners are authorized by IAM policies; with SCRAM or mutual TLS set allow.everyone.if.no.acl.found=false (MskCluster aclEnforcement ENFORCED), after the ACLs exist (two-phase rollout in README.md, "Turning ACL enforcement on"). Strimzi: authorization type simple with superUsers limited to the declared admins. StatefulSet: StandardAuthorizer with allow.everyone.if.no.acl.found=false.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: nodePropertiesCheck(checkStatefulSet) },
});

/**
 * MSK: IAM listeners are authorized by IAM policies. With SCRAM or mutual TLS on, the cluster's
 * `aws_msk_configuration` must set `allow.everyone.if.no.acl.found=false` (MSK's default is
 * true). See AclEnforcement for the two-phase rollout.
 */
function checkMsk(cluster: TerraformDocument, ctx: RuleContext): RuleOutcome {
  const modes = authenticationOf(cluster);
  const notes = modes.iam ? ['IAM clients are authorized by IAM policies (kafka-cluster:* actions).'] : [];
  const f = new Findings();
  if (!modes.scram && !modes.mutualTls) return f.outcome(notes);
  const { configuration, problem } = configurationOf(cluster, ctx.index);
  if (problem) f.add(problem);
  if (configuration) {
    const value = serverPropertiesOf(configuration)['allow.everyone.if.no.acl.found'];
    f.expect(value === 'false', {
      found: `allow.everyone.if.no.acl.found is ${shown(value)} in ${configuration.address}, with SCRAM or mutual TLS on`,
      expected: "'false': a principal without ACLs is denied",
      fix: 'Create the ACLs, then set aclEnforcement: AclEnforcement.ENFORCED (phase 2 of the rollout in README.md, "Turning ACL enforcement on"); during phase 1 suppress SEC-004 with a reason.',
    });
  }
  return f.outcome(notes);
}

/**
 * Strimzi: `authorization.type: simple`, `allow.everyone.if.no.acl.found: false` written out,
 * and `superUsers` only the admins declared on the Kafka (annotation
 * `kafka-iac.dev/declared-admins`, as a KafkaUser name or `CN=<name>`). Strimzi adds its own
 * component users. Authorizer keys that Strimzi drops are refused here.
 */
function checkStrimzi(kafka: KubernetesDocument): RuleOutcome {
  const authorization = kafka.body.spec?.kafka?.authorization;
  const f = new Findings();
  f.expect(authorization?.type === 'simple', {
    found: `spec.kafka.authorization.type is ${shown(authorization?.type)}`,
    expected: "'simple' (Kafka ACLs through the KafkaUser resources)",
    fix: "Set spec.kafka.authorization: { type: 'simple' }.",
  });
  expectStrimziConfig(f, strimziConfigOf(kafka), 'allow.everyone.if.no.acl.found', 'false', {
    expected: 'false, written out: a principal without ACLs is denied',
    fix: 'Set allow.everyone.if.no.acl.found: false in spec.kafka.config.',
  });
  const declared = String(kafka.body.metadata?.annotations?.[DECLARED_ADMINS_ANNOTATION] ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  const allowed = new Set(declared.flatMap((a) => [a, `CN=${a}`, `User:${a}`, `User:CN=${a}`]));
  for (const user of (authorization?.superUsers ?? []) as unknown[]) {
    // Stryker disable next-line ConditionalExpression: the set holds strings only, so it never has a user that is not one
    f.expect(typeof user === 'string' && allowed.has(user), {
      found: `spec.kafka.authorization.superUsers contains ${shown(user)}`,
      expected: `only the declared admins (${declared.join(', ') || 'none'})`,
      fix: 'Remove it, or declare it as an admin (StrimziKafkaCluster admins) so that the grant is deliberate.',
    });
  }
  forbiddenConfigFindings(kafka, 'SEC-004', f);
  return f.outcome();
}

/**
 * StatefulSet: every Kafka properties file (controllers authorize too in KRaft) uses the
 * StandardAuthorizer, denies a principal without ACLs, and lists as super users only the
 * declared admins (`kafka-iac.dev/declared-admins`) and the cluster's own node principals
 * (`User:<cluster>-broker`, `User:<cluster>-controller`).
 */
function checkStatefulSet({ configMap, files }: NodePropertiesFiles): RuleOutcome {
  const cluster = configMap.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL];
  const declared = String(configMap.body.metadata?.annotations?.[DECLARED_ADMINS_ANNOTATION] ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  const own = typeof cluster === 'string' ? [`${cluster}-broker`, `${cluster}-controller`] : [];
  const allowed = new Set([...declared, ...own].map((u) => `User:${u}`));
  const f = new Findings();
  for (const { properties, where } of files) {
    f.expect(properties['authorizer.class.name'] === 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', {
      found: `${where} authorizer.class.name is ${shown(properties['authorizer.class.name'])}`,
      expected: "'org.apache.kafka.metadata.authorizer.StandardAuthorizer' (KRaft ACLs)",
      fix: 'Set authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer.',
    });
    f.expect(properties['allow.everyone.if.no.acl.found'] === 'false', {
      found: `${where} allow.everyone.if.no.acl.found is ${shown(properties['allow.everyone.if.no.acl.found'])}`,
      expected: 'false, written out: a principal without ACLs is denied',
      fix: 'Set allow.everyone.if.no.acl.found=false.',
    });
    for (const user of (properties['super.users'] ?? '').split(';').map((u) => u.trim()).filter((u) => u !== '')) {
      f.expect(allowed.has(user), {
        found: `${where} super.users contains ${shown(user)}`,
        expected: `only the declared admins (${declared.join(', ') || 'none'}) and the cluster's node principals (${own.join(', ') || 'none'})`,
        fix: 'Remove it, or declare it in admins on the KafkaStatefulSetCluster so that the grant is deliberate.',
      });
    }
  }
  return f.outcome();
}
