import type { SynthesizedDocument } from '../document';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { targetOf } from '../rule-target';

/** SEC-005: Least privilege: a producer gets Write (and Describe) on named topics, plus IdempotentWrite on the cluster (IAM: Connect, DescribeCluster, WriteDataIdempotently); a consumer gets Read (and Describe) on named topics and Read on its named consumer group; MirrorMaker 2 may also Describe the cluster; only declared admins get any other cluster-level right. An allow ACL on `*` (any topic or group) for a non-admin is refused in production. Deny ACLs are supported. */
export const SEC_005_LEAST_PRIVILEGE: Rule = {
  id: 'SEC-005',
  level: RuleLevel.ERROR,
  title: 'Least privilege: a producer gets Write (and Describe) on named topics, plus IdempotentWrite on the cluster (IAM: Connect, DescribeCluster, WriteDataIdempotently); a consumer gets Read (and Describe) on named topics and Read on its named consumer group; MirrorMaker 2 may also Describe the cluster; only declared admins get any other cluster-level right. An allow ACL on \`*\` (any topic or group) for a non-admin is refused in production. Deny ACLs are supported.',
  explanation: 'TODO',
  remediation: 'TODO',
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

/** MSK: TODO(owner of the MSK target) */
function checkMsk(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
