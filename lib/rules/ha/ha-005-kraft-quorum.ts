import type { SynthesizedDocument } from '../document';
import { Findings, shown, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster } from '../msk-cluster-document';
import { KafkaVersion } from '../../core/kafka-version';
import { targetOf } from '../rule-target';

/** HA-005: The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a `kafka_version` ending in `.kraft` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version. */
export const HA_005_KRAFT_QUORUM: Rule = {
  id: 'HA-005',
  level: RuleLevel.ERROR,
  title: 'The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a \`kafka_version\` ending in \`.kraft\` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version.',
  explanation: 'ZooKeeper mode is removed in Kafka 4 and deprecated before it. KRaft keeps the metadata in a Raft quorum of controllers, which needs an odd count (3 or 5; 7 allowed) to keep a majority when one or two controllers fail. MSK cannot switch a cluster between ZooKeeper and KRaft after creation, so the choice is made once.',
  remediation: 'MSK: set kafka_version to a KRaft version, 3.7.x.kraft to 4.1.x.kraft (KafkaVersion.MSK_3_9_X_KRAFT); MSK runs the controllers. Strimzi: use a Kafka 4.x version that Strimzi 1.2 supports and a controller node pool of 3 or 5 replicas. StatefulSet: use Kafka 4.x with 3 or 5 controllers.',
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

/**
 * MSK: `kafka_version` is a KRaft version (3.7.x.kraft to 4.1.x.kraft). MSK runs the
 * controllers itself, so their count is not configurable.
 */
function checkMsk(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (!cluster) return NOT_APPLICABLE;
  const version = cluster.body.kafka_version;
  const f = new Findings();
  f.expect(typeof version === 'string' && KafkaVersion.isMskKraft(version), {
    found: `kafka_version is ${shown(version)}`,
    expected: 'an MSK KRaft version, 3.7.x.kraft to 4.1.x.kraft',
    fix: 'Set kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT. The metadata mode cannot change after creation: a ZooKeeper cluster is replaced, not converted.',
  });
  return f.outcome(['MSK runs the KRaft controllers itself.']);
}

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
