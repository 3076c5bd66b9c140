import type { SynthesizedDocument } from '../contract/document';
import { Findings, shown, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { asMskCluster, brokerCountOf } from './readers/msk-cluster-document';
import { asStrimziKafka, strimziNodePoolsOf, rolesOf, replicasOf, describePools } from './readers/strimzi-documents';
import { kubernetesKind, hasBrokerRole, nodeConfigOf, replicasOfWorkload } from './readers/statefulset-documents';

/** HA-001: At least 3 brokers. */
export const HA_001_BROKER_COUNT: Rule = defineRule({
  id: 'HA-001',
  title: 'At least 3 brokers.',
  explanation: 'With fewer than 3 brokers a cluster cannot keep 3 replicas of a partition, so one broker failure (or a rolling restart) leaves partitions with a single copy or none, and acks=all writes stop. Three brokers is the smallest cluster that survives the loss of one broker without losing data or availability.',
  remediation: 'Run at least 3 brokers. MSK: set brokers (number_of_broker_nodes) to 3 or another multiple of the zone count. Strimzi: give the broker node pool replicas >= 3. StatefulSet: set replicas >= 3. In development a single broker is reported as a warning only.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: checkMsk, strimzi: checkStrimzi, statefulset: checkStatefulSet },
});

/** MSK: `number_of_broker_nodes` of the `aws_msk_cluster` is a literal of at least 3. */
function checkMsk(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (!cluster) return NOT_APPLICABLE;
  const brokers = brokerCountOf(cluster);
  const f = new Findings();
  // Stryker disable next-line ConditionalExpression: `brokers !== undefined` -> true is equivalent (undefined >= 3 is false); the check is there for the type
  f.expect(brokers !== undefined && brokers >= 3, {
    found: `number_of_broker_nodes is ${shown(cluster.body.number_of_broker_nodes)}`,
    expected: 'at least 3, written as a number',
    fix: 'Set brokers: 3 (or another multiple of the zone count) on the MskCluster.',
  });
  return f.outcome();
}

/** Strimzi: the node pools with the broker role of a `Kafka` have at least 3 replicas in total. */
function checkStrimzi(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  const kafka = asStrimziKafka(doc);
  if (!kafka) return NOT_APPLICABLE;
  const pools = strimziNodePoolsOf(ctx.index, kafka).filter((p) => rolesOf(p).includes('broker'));
  const brokers = pools.reduce((sum, p) => sum + replicasOf(p), 0);
  const f = new Findings();
  f.expect(brokers >= 3, {
    found: `the broker node pools (${describePools(pools)}) have ${brokers} broker(s)`,
    expected: 'at least 3 brokers',
    fix: 'Give the broker node pools at least 3 replicas in total (StrimziKafkaCluster brokerPools: [{ replicas: 3 }]).',
  });
  return f.outcome();
}

/** StatefulSet: a StatefulSet whose `process.roles` includes broker has at least 3 replicas. */
function checkStatefulSet(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  const sts = kubernetesKind(doc, 'StatefulSet');
  const node = sts ? nodeConfigOf(ctx.index, sts)?.node : undefined;
  if (!sts || !node || !hasBrokerRole(node.properties)) return NOT_APPLICABLE;
  const replicas = replicasOfWorkload(sts);
  const f = new Findings();
  f.expect(replicas >= 3, {
    // Stryker disable next-line OptionalChaining: equivalent, a StatefulSet without spec has no pod volumes, so no node config, and is not applicable above
    found: `spec.replicas is ${shown(sts.body.spec?.replicas)} (process.roles '${node.properties['process.roles']}')`,
    expected: 'at least 3 brokers',
    fix: 'Set brokers: { replicas: 3 } on the KafkaStatefulSetCluster (and remove combinedNode outside development).',
  });
  return f.outcome();
}
