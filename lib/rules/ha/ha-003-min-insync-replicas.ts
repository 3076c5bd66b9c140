import type { SynthesizedDocument } from '../document';
import { Findings, shown, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster, asMskConfiguration, configurationOf, literalNumber, serverPropertiesOf } from '../msk-cluster-document';
import { targetOf } from '../rule-target';

/** HA-003: `min.insync.replicas` = 2 and `transaction.state.log.min.isr` = 2, always < replication factor, so one broker can fail without stopping `acks=all` writes. Topics inherit it unless they set a value that is still ≥ 2 and < their RF. */
export const HA_003_MIN_INSYNC_REPLICAS: Rule = {
  id: 'HA-003',
  level: RuleLevel.ERROR,
  title: '\`min.insync.replicas\` = 2 and \`transaction.state.log.min.isr\` = 2, always < replication factor, so one broker can fail without stopping \`acks=all\` writes. Topics inherit it unless they set a value that is still ≥ 2 and < their RF.',
  explanation: 'With acks=all a write succeeds once min.insync.replicas replicas have it. A value of 2 with replication factor 3 means an acknowledged write is on two brokers, and one broker can fail without stopping writes. A value of 1 acknowledges writes held by one broker only; a value equal to the replication factor stops all writes when any broker is down.',
  remediation: 'Set min.insync.replicas=2 and transaction.state.log.min.isr=2, each below its replication factor, and give topics that override it a value >= 2 and below their replication factor. MSK: in the aws_msk_configuration. Strimzi: in spec.kafka.config and the KafkaTopic config. StatefulSet: in server.properties and the topic admin job.',
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
 * MSK: the `aws_msk_configuration` sets `min.insync.replicas` and
 * `transaction.state.log.min.isr` to 2, each below its replication factor; a cluster must use
 * a configuration of this stack.
 */
function checkMsk(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (cluster) {
    const f = new Findings();
    const { problem } = configurationOf(cluster, ctx.index);
    if (problem) f.add(problem);
    return f.outcome();
  }
  const configuration = asMskConfiguration(doc);
  if (!configuration) return NOT_APPLICABLE;
  const props = serverPropertiesOf(configuration);
  const f = new Findings();
  const pairs: readonly (readonly [string, string])[] = [
    ['min.insync.replicas', 'default.replication.factor'],
    ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor'],
  ];
  for (const [key, rfKey] of pairs) {
    f.expect(props[key] === '2', {
      found: `${key} is ${shown(props[key])}`,
      expected: "'2'",
      fix: `Set ${key}=2 (MskCluster brokerConfig.minInsyncReplicas: 2).`,
    });
    const isr = literalNumber(props[key]);
    const rf = literalNumber(props[rfKey]);
    f.expect(isr === undefined || rf === undefined || isr < rf, {
      found: `${key} is ${isr} with ${rfKey} ${rf}`,
      expected: `a value below ${rfKey}, so one broker can fail without stopping acks=all writes`,
      fix: `Set ${key}=2 with ${rfKey}=3.`,
    });
  }
  return f.outcome();
}

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
