import type { SynthesizedDocument } from '../document';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { targetOf } from '../rule-target';

/** HA-005: The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a `kafka_version` ending in `.kraft` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version. */
export const HA_005_KRAFT_QUORUM: Rule = {
  id: 'HA-005',
  level: RuleLevel.ERROR,
  title: 'The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a \`kafka_version\` ending in \`.kraft\` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version.',
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
