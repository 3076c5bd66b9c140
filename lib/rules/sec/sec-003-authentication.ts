import type { SynthesizedDocument } from '../document';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { targetOf } from '../rule-target';

/** SEC-003: Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener `authentication.type: custom`). Unauthenticated access is refused. SASL/PLAIN is refused. */
export const SEC_003_AUTHENTICATION: Rule = {
  id: 'SEC-003',
  level: RuleLevel.ERROR,
  title: 'Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener \`authentication.type: custom\`). Unauthenticated access is refused. SASL/PLAIN is refused.',
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
