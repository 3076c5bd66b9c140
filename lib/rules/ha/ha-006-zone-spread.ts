import type { SynthesizedDocument } from '../document';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { targetOf } from '../rule-target';

/** HA-006: Brokers are spread over at least 3 availability zones; the broker count is a multiple of the zone count (MSK requires it; on Kubernetes the same rule keeps zones balanced). */
export const HA_006_ZONE_SPREAD: Rule = {
  id: 'HA-006',
  level: RuleLevel.ERROR,
  title: 'Brokers are spread over at least 3 availability zones; the broker count is a multiple of the zone count (MSK requires it; on Kubernetes the same rule keeps zones balanced).',
  explanation: 'TODO',
  remediation: 'TODO',
  targets: [RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  relaxedInDevelopment: true,
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
