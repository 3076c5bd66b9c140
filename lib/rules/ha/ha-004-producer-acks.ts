import type { SynthesizedDocument } from '../document';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { targetOf } from '../rule-target';

/** HA-004: Producers use `acks=all` with idempotence on; the recommended client properties that the library publishes for an environment say so. */
export const HA_004_PRODUCER_ACKS: Rule = {
  id: 'HA-004',
  level: RuleLevel.ERROR,
  title: 'Producers use \`acks=all\` with idempotence on; the recommended client properties that the library publishes for an environment say so.',
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
