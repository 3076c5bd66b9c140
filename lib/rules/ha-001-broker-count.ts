import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { checkBrokerCount } from '../model/rule-checks';
import { kafkaBrokerCheck, mskClusterCheck, strimziKafkaCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { brokerCountOf } from './readers/msk-cluster-document';
import { strimziBrokerPoolsOf, strimziBrokerCountOf, describePools } from './readers/strimzi-documents';
import { replicasOfWorkload } from './readers/statefulset-documents';

/** HA-001: At least 3 brokers. */
export const HA_001_BROKER_COUNT: Rule = defineRule({
  id: 'HA-001',
  title: 'At least 3 brokers.',
  explanation: 'With fewer than 3 brokers a cluster cannot keep 3 replicas of a partition, so one broker failure (or a rolling restart) leaves partitions with a single copy or none, and acks=all writes stop. Three brokers is the smallest cluster that survives the loss of one broker without losing data or availability.',
  remediation: 'Run at least 3 brokers. MSK: set brokers (number_of_broker_nodes) to 3 or another multiple of the zone count. Strimzi: give the broker node pool replicas >= 3. StatefulSet: set replicas >= 3. In development a single broker is reported as a warning only.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: kafkaBrokerCheck(checkStatefulSet) },
});

/** MSK: `number_of_broker_nodes` of the `aws_msk_cluster` is a literal of at least 3. */
function checkMsk(cluster: TerraformDocument): RuleOutcome {
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
function checkStrimzi(kafka: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const pools = strimziBrokerPoolsOf(ctx.index, kafka);
  const brokers = strimziBrokerCountOf(pools);
  const f = new Findings();
  f.refused(`the broker node pools (${describePools(pools)}) have ${brokers} broker(s)`, checkBrokerCount(brokers, 'StrimziKafkaCluster'));
  return f.outcome();
}

/** StatefulSet: a StatefulSet whose `process.roles` includes broker has at least 3 replicas. */
function checkStatefulSet({ sts, node }: KafkaNodeStatefulSet): RuleOutcome {
  const replicas = replicasOfWorkload(sts);
  const f = new Findings();
  // Stryker disable next-line OptionalChaining: equivalent, a StatefulSet without spec has no pod volumes, so no node config, and is not applicable above
  f.refused(`spec.replicas is ${shown(sts.body.spec?.replicas)} (process.roles '${node.properties['process.roles']}')`, checkBrokerCount(replicas, 'KafkaStatefulSetCluster'));
  return f.outcome();
}
