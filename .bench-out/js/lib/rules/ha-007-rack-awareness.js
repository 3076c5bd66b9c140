"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_007_RACK_AWARENESS = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** HA-007: Replicas are rack-aware: `broker.rack` / Strimzi `rack.topologyKey` = the zone label, so the replicas of a partition land in different zones. */
exports.HA_007_RACK_AWARENESS = {
    id: 'HA-007',
    level: rule_1.RuleLevel.ERROR,
    title: 'Replicas are rack-aware: \`broker.rack\` / Strimzi \`rack.topologyKey\` = the zone label, so the replicas of a partition land in different zones.',
    explanation: 'Kafka places the replicas of a partition in different racks only when it knows each broker\'s rack. With broker.rack set to the availability zone, a zone outage never takes all replicas of a partition; without it, all three replicas can land in one zone.',
    remediation: 'Make the zone the rack. MSK sets broker.rack to each broker\'s zone ID itself: put the client subnets in distinct zones. Strimzi: set spec.kafka.rack.topologyKey to topology.kubernetes.io/zone. StatefulSet: set broker.rack from the node\'s zone label at start-up.',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    relaxedInDevelopment: true,
    check(doc, ctx) {
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.MSK: return checkMsk(doc, ctx);
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/**
 * MSK: MSK sets `broker.rack` to each broker's availability zone ID itself, so rack
 * awareness holds when the client subnets are in distinct zones. Subnets of this stack are
 * compared by `availability_zone` / `availability_zone_id`; subnets made elsewhere are noted.
 */
function checkMsk(doc, ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (!cluster)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    const notes = ["MSK sets broker.rack to each broker's availability zone ID."];
    const byZone = new Map();
    for (const ref of (0, msk_cluster_document_1.list)((0, msk_cluster_document_1.block)(cluster.body.broker_node_group_info).client_subnets)) {
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
function checkStrimzi(doc, _ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const rack = kafka.body.spec?.kafka?.rack ?? {};
    const f = new rule_1.Findings();
    f.expect(rack.type === undefined || rack.type === 'topology-label', {
        found: `spec.kafka.rack.type is '${rack.type}'`,
        expected: "'topology-label' (the rack comes from the node's zone label)",
        fix: "Set rack: { type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' }.",
    });
    f.expect(rack.topologyKey === 'topology.kubernetes.io/zone', {
        found: `spec.kafka.rack.topologyKey is ${rack.topologyKey === undefined ? 'not set' : `'${rack.topologyKey}'`}`,
        expected: "'topology.kubernetes.io/zone'",
        fix: "Set rack.topologyKey: 'topology.kubernetes.io/zone' (StrimziKafkaCluster sets it).",
    });
    (0, strimzi_documents_1.forbiddenConfigFindings)(kafka, 'HA-007', f);
    return f.outcome();
}
/**
 * StatefulSet: `broker.rack` comes from the node's zone label, per pod: the broker StatefulSet
 * has the `rack` init container that reads `TOPOLOGY_KEY` (the zone label) of the node
 * `NODE_NAME` (downward API `spec.nodeName`), and the shared `server.properties` does not
 * hard-code one rack for every broker.
 */
function checkStatefulSet(doc, ctx) {
    const sts = (0, statefulset_documents_1.kubernetesKind)(doc, 'StatefulSet');
    const config = sts ? (0, statefulset_documents_1.nodeConfigOf)(ctx.index, sts) : undefined;
    if (!sts || !config || !(0, statefulset_documents_1.hasBrokerRole)(config.node.properties))
        return rule_1.NOT_APPLICABLE;
    const init = (0, statefulset_documents_1.podSpecOf)(sts).initContainers ?? [];
    const rack = init.find((c) => (0, statefulset_documents_1.envValueOf)(c, 'TOPOLOGY_KEY') !== undefined);
    const f = new rule_1.Findings();
    f.expect(rack !== undefined && (0, statefulset_documents_1.envValueOf)(rack, 'TOPOLOGY_KEY') === 'topology.kubernetes.io/zone', {
        found: rack === undefined
            ? 'spec.template.spec.initContainers has no rack init container (an init container with TOPOLOGY_KEY)'
            : `init container ${(0, rule_1.shown)(rack.name)} TOPOLOGY_KEY is ${(0, rule_1.shown)((0, statefulset_documents_1.envValueOf)(rack, 'TOPOLOGY_KEY'))}`,
        expected: "a rack init container that reads the node label 'topology.kubernetes.io/zone' into broker.rack",
        fix: 'Create the cluster with KafkaStatefulSetCluster, which adds the rack init container; do not patch it out.',
    });
    const nodeName = (rack?.env ?? []).find((e) => e?.name === 'NODE_NAME')?.valueFrom?.fieldRef?.fieldPath;
    f.expect(rack === undefined || nodeName === 'spec.nodeName', {
        found: `init container ${(0, rule_1.shown)(rack?.name)} NODE_NAME comes from ${(0, rule_1.shown)(nodeName)}`,
        expected: "the downward API field 'spec.nodeName' (the node the pod runs on)",
        fix: "Set env NODE_NAME valueFrom.fieldRef.fieldPath: 'spec.nodeName'.",
    });
    const literal = config.node.properties['broker.rack'];
    f.expect(literal === undefined, {
        found: `ConfigMap ${config.configMap.name} ${config.node.where} broker.rack is ${(0, rule_1.shown)(literal)}, one rack for every broker`,
        expected: 'broker.rack set per pod from its node zone',
        fix: 'Remove broker.rack from brokerConfig.extra; the start script appends it from the zone label.',
    });
    return f.outcome();
}
