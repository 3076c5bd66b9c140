import type { SynthesizedDocument } from '../document';
import { Findings, shown, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster, authenticationOf, configurationOf, serverPropertiesOf } from '../msk-cluster-document';
import { targetOf } from '../rule-target';

/** SEC-004: Authorization is on (Kafka ACLs, or IAM policies on MSK) and the default for a principal without ACLs is deny. */
export const SEC_004_AUTHORIZATION: Rule = {
  id: 'SEC-004',
  level: RuleLevel.ERROR,
  title: 'Authorization is on (Kafka ACLs, or IAM policies on MSK) and the default for a principal without ACLs is deny.',
  explanation: 'Authentication says who a client is; authorization says what it may do. Without an authorizer, or with allow.everyone.if.no.acl.found=true, any authenticated principal without ACLs can read, write or delete any topic. MSK sets allow.everyone.if.no.acl.found=true by default, so SCRAM and mutual-TLS clusters start open.',
  remediation: 'MSK: IAM listeners are authorized by IAM policies; with SCRAM or mutual TLS set allow.everyone.if.no.acl.found=false (MskCluster aclEnforcement ENFORCED), after the ACLs exist (two-phase rollout in docs/msk.md). Strimzi: authorization type simple with superUsers limited to the declared admins. StatefulSet: StandardAuthorizer with allow.everyone.if.no.acl.found=false.',
  targets: [RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  check(doc, ctx) {
    switch (targetOf(doc)) {
      case RuleTarget.MSK: return checkMsk(doc, ctx);
      case RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
      case RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
      default: return NOT_APPLICABLE;
    }
  },
};

/**
 * MSK: IAM listeners are authorized by IAM policies. With SCRAM or mutual TLS on, the cluster's
 * `aws_msk_configuration` must set `allow.everyone.if.no.acl.found=false` (MSK's default is
 * true). See AclEnforcement for the two-phase rollout.
 */
function checkMsk(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (!cluster) return NOT_APPLICABLE;
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
      fix: 'Create the ACLs, then set aclEnforcement: AclEnforcement.ENFORCED (phase 2 of the rollout in docs/msk.md); during phase 1 suppress SEC-004 with a reason.',
    });
  }
  return f.outcome(notes);
}

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
