import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kafkaNodeCheck, mskClusterCheck, strimziKafkaCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { checkControllerCount, checkKafkaImage } from '../model/rule-checks';
import { KafkaVersion } from '../model/kafka-version';
import { strimziNodePoolsOf, rolesOf, replicasOf, describePools, forbiddenConfigFindings } from './readers/strimzi-documents';
import { processRolesOf, podSpecOf, kafkaContainerOf, replicasOfWorkload } from './readers/statefulset-documents';

/** HA-005: The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a `kafka_version` ending in `.kraft` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version. */
export const HA_005_KRAFT_QUORUM: Rule = defineRule({
  id: 'HA-005',
  title: 'The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a `kafka_version` ending in `.kraft` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version.',
  explanation: 'ZooKeeper mode is removed in Kafka 4 and deprecated before it. KRaft keeps the metadata in a Raft quorum of controllers, which needs an odd count (3 or 5; 7 allowed) to keep a majority when one or two controllers fail. MSK cannot switch a cluster between ZooKeeper and KRaft after creation, so the choice is made once.',
  remediation: 'MSK: set kafka_version to a KRaft version, 3.7.x.kraft to 4.1.x.kraft (KafkaVersion.MSK_3_9_X_KRAFT); MSK runs the controllers. Strimzi: use a Kafka 4.x version that Strimzi 1.2 supports and a controller node pool of 3 or 5 replicas. StatefulSet: use Kafka 4.x with 3 or 5 controllers.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: kafkaNodeCheck(checkStatefulSet) },
});

/**
 * MSK: `kafka_version` is a KRaft version (3.7.x.kraft to 4.1.x.kraft). MSK runs the
 * controllers itself, so their count is not configurable.
 */
function checkMsk(cluster: TerraformDocument): RuleOutcome {
  const version = cluster.body.kafka_version;
  const f = new Findings();
  f.expect(typeof version === 'string' && KafkaVersion.isMskKraft(version), {
    found: `kafka_version is ${shown(version)}`,
    expected: 'an MSK KRaft version, 3.7.x.kraft to 4.1.x.kraft',
    fix: 'Set kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT. The metadata mode cannot change after creation: a ZooKeeper cluster is replaced, not converted.',
  });
  return f.outcome(['MSK runs the KRaft controllers itself.']);
}

/**
 * Strimzi: a Kafka version Strimzi 1.2 runs (KRaft only), the controllers (node pools with the
 * controller role) are 3, 5 or 7, and in staging and production no pool combines both roles.
 * KRaft keys in `spec.kafka.config` that Strimzi drops are refused here.
 */
function checkStrimzi(kafka: KubernetesDocument, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const version = kafka.body.spec?.kafka?.version;
  f.expect(version === undefined || KafkaVersion.isStrimziSupported(String(version)), {
    found: `spec.kafka.version is ${shown(version)}`,
    expected: `a Kafka 4.x version Strimzi 1.2 runs in KRaft mode (${KafkaVersion.STRIMZI_SUPPORTED.join(', ')})`,
    fix: "Set version: '4.3.1' (KafkaVersion.V4_3_1).",
  });
  const pools = strimziNodePoolsOf(ctx.index, kafka);
  const controllerPools = pools.filter((p) => rolesOf(p).includes('controller'));
  const controllers = controllerPools.reduce((s, p) => s + replicasOf(p), 0);
  f.refused(`the controller node pools (${describePools(controllerPools)}) have ${controllers} controller(s)`, checkControllerCount(controllers));
  if (ctx.environment.isProductionLike) {
    const combined = pools.filter((p) => rolesOf(p).includes('controller') && rolesOf(p).includes('broker'));
    f.expect(combined.length === 0, {
      found: `node pool(s) ${combined.map((p) => p.name).join(', ')} combine the controller and broker roles`,
      expected: 'separate controller and broker pools in staging and production (a combined node is for development)',
      fix: 'Remove combinedNode; declare a controller pool and broker pools.',
    });
  }
  forbiddenConfigFindings(kafka, 'HA-005', f);
  return f.outcome();
}

/**
 * StatefulSet: every Kafka node StatefulSet runs an Apache Kafka 4.x image whose tag is its
 * version (a vendor image's Kafka version is unknown and refused; KRaft only, no
 * `zookeeper.connect`); a StatefulSet with the controller role has 3, 5 or 7 replicas, as many
 * as `controller.quorum.voters` lists; in staging and production no node combines both roles.
 */
function checkStatefulSet({ sts, node }: KafkaNodeStatefulSet, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const image = String(kafkaContainerOf(podSpecOf(sts))?.image ?? '');
  f.refused(`the kafka container image is ${shown(image)}`, checkKafkaImage(image));
  f.expect(node.properties['zookeeper.connect'] === undefined, {
    found: `${node.where} zookeeper.connect is ${shown(node.properties['zookeeper.connect'])}`,
    expected: 'no ZooKeeper: the metadata quorum is KRaft',
    fix: 'Remove zookeeper.connect.',
  });
  const roles = processRolesOf(node.properties);
  if (!roles.includes('controller')) return f.outcome();
  const replicas = replicasOfWorkload(sts);
  f.refused(`spec.replicas is ${shown(sts.body.spec?.replicas)} KRaft controller(s) (process.roles '${node.properties['process.roles']}')`, checkControllerCount(replicas));
  const voters = (node.properties['controller.quorum.voters'] ?? '').split(',').filter((v) => v.trim() !== '');
  f.expect(voters.length === replicas, {
    found: `${node.where} controller.quorum.voters lists ${voters.length} voter(s) but spec.replicas is ${shown(sts.body.spec?.replicas)}`,
    expected: 'one voter per controller pod',
    fix: 'Change the controller count through the construct, which renders the voters, not with a patch of spec.replicas alone.',
  });
  if (ctx.environment.isProductionLike) {
    f.expect(!roles.includes('broker'), {
      found: `${node.where} process.roles is '${node.properties['process.roles']}': the nodes combine the controller and broker roles`,
      expected: 'separate controller and broker StatefulSets in staging and production (a combined node is for development)',
      fix: 'Remove combinedNode; declare controllers and brokers.',
    });
  }
  return f.outcome();
}
