import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { shown, Findings, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kafkaBrokerCheck, mskClusterCheck, strimziKafkaCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { block, list } from './readers/msk-cluster-document';
import { forbiddenConfigFindings } from './readers/strimzi-documents';
import { podSpecOf, envValueOf } from './readers/statefulset-documents';
import { ZONE_TOPOLOGY_KEY } from '../contract/vocabulary';

/** HA-007: Replicas are rack-aware: `broker.rack` / Strimzi `rack.topologyKey` = the zone label, so the replicas of a partition land in different zones. */
export const HA_007_RACK_AWARENESS: Rule = defineRule({
  id: 'HA-007',
  title: 'Replicas are rack-aware: `broker.rack` / Strimzi `rack.topologyKey` = the zone label, so the replicas of a partition land in different zones.',
  explanation: 'Kafka places the replicas of a partition in different racks only when it knows each broker\'s rack. With broker.rack set to the availability zone, a zone outage never takes all replicas of a partition; without it, all three replicas can land in one zone.',
  remediation: 'Make the zone the rack. MSK sets broker.rack to each broker\'s zone ID itself: put the client subnets in distinct zones. Strimzi: set spec.kafka.rack.topologyKey to topology.kubernetes.io/zone. StatefulSet: set broker.rack from the node\'s zone label at start-up.',
  severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: kafkaBrokerCheck(checkStatefulSet) },
});

/**
 * MSK: MSK sets `broker.rack` to each broker's availability zone ID itself, so rack
 * awareness holds when the client subnets are in distinct zones. Subnets of this stack are
 * compared by `availability_zone` / `availability_zone_id`; subnets made elsewhere are noted.
 */
function checkMsk(cluster: TerraformDocument, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  const notes = ["MSK sets broker.rack to each broker's availability zone ID."];
  const byZone = new Map<string, string[]>();
  for (const ref of list(block(cluster.body.broker_node_group_info).client_subnets)) {
    const subnet = ctx.index.resolve(ref);
    if (!subnet || subnet.type !== 'aws_subnet') {
      notes.push(`Subnet ${String(ref)} is not managed in this stack; its zone is not checked here.`);
      continue;
    }
    const zone = String(subnet.body.availability_zone ?? subnet.body.availability_zone_id ?? '');
    byZone.set(zone, [...(byZone.get(zone) ?? []), subnet.address]);
  }
  for (const [zone, subnets] of byZone) {
    f.expect(subnets.length === 1, {
      found: `client subnets ${subnets.join(', ')} are all in zone '${zone}'`,
      expected: 'one client subnet per availability zone, so brokers (and replicas) spread over distinct racks',
      fix: 'Put each client subnet in a different availability zone (KafkaNetwork availabilityZones).',
    });
  }
  return f.outcome(notes);
}

/** Strimzi: `spec.kafka.rack` uses the node label `topology.kubernetes.io/zone` (`broker.rack` keys are dropped by Strimzi). */
function checkStrimzi(kafka: KubernetesDocument): RuleOutcome {
  const rack = kafka.body.spec?.kafka?.rack ?? {};
  const f = new Findings();
  f.expect(rack.type === undefined || rack.type === 'topology-label', {
    found: `spec.kafka.rack.type is '${rack.type}'`,
    expected: "'topology-label' (the rack comes from the node's zone label)",
    fix: "Set rack: { type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' }.",
  });
  f.expect(rack.topologyKey === ZONE_TOPOLOGY_KEY, {
    found: `spec.kafka.rack.topologyKey is ${rack.topologyKey === undefined ? 'not set' : `'${rack.topologyKey}'`}`,
    expected: "'topology.kubernetes.io/zone'",
    fix: "Set rack.topologyKey: 'topology.kubernetes.io/zone' (StrimziKafkaCluster sets it).",
  });
  forbiddenConfigFindings(kafka, 'HA-007', f);
  return f.outcome();
}

/**
 * StatefulSet: `broker.rack` comes from the node's zone label, per pod: the broker StatefulSet
 * has the `rack` init container that reads `TOPOLOGY_KEY` (the zone label) of the node
 * `NODE_NAME` (downward API `spec.nodeName`), and the shared `server.properties` does not
 * hard-code one rack for every broker.
 */
function checkStatefulSet(config: KafkaNodeStatefulSet): RuleOutcome {
  const { sts } = config;
  const init: any[] = podSpecOf(sts).initContainers ?? [];
  const rack = init.find((c) => envValueOf(c, 'TOPOLOGY_KEY') !== undefined);
  const f = new Findings();
  f.expect(rack !== undefined && envValueOf(rack, 'TOPOLOGY_KEY') === ZONE_TOPOLOGY_KEY, {
    found: rack === undefined
      ? 'spec.template.spec.initContainers has no rack init container (an init container with TOPOLOGY_KEY)'
      : `init container ${shown(rack.name)} TOPOLOGY_KEY is ${shown(envValueOf(rack, 'TOPOLOGY_KEY'))}`,
    expected: "a rack init container that reads the node label 'topology.kubernetes.io/zone' into broker.rack",
    fix: 'Create the cluster with KafkaStatefulSetCluster, which adds the rack init container; do not patch it out.',
  });
  const nodeName = ((rack?.env ?? []) as any[]).find((e) => e?.name === 'NODE_NAME')?.valueFrom?.fieldRef?.fieldPath;
  f.expect(rack === undefined || nodeName === 'spec.nodeName', {
    found: `init container ${shown(rack?.name)} NODE_NAME comes from ${shown(nodeName)}`,
    expected: "the downward API field 'spec.nodeName' (the node the pod runs on)",
    fix: "Set env NODE_NAME valueFrom.fieldRef.fieldPath: 'spec.nodeName'.",
  });
  const literal = config.node.properties['broker.rack'];
  f.expect(literal === undefined, {
    found: `ConfigMap ${config.configMap.name} ${config.node.where} broker.rack is ${shown(literal)}, one rack for every broker`,
    expected: 'broker.rack set per pod from its node zone',
    fix: 'Remove broker.rack from brokerConfig.extra; the start script appends it from the zone label.',
  });
  return f.outcome();
}
