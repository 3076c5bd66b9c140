"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HA_005_KRAFT_QUORUM = void 0;
const rule_1 = require("./rule");
const msk_cluster_document_1 = require("./readers/msk-cluster-document");
const kafka_version_1 = require("../model/kafka-version");
const rule_target_1 = require("../contract/rule-target");
const strimzi_documents_1 = require("./readers/strimzi-documents");
const statefulset_documents_1 = require("./readers/statefulset-documents");
/** HA-005: The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a `kafka_version` ending in `.kraft` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version. */
exports.HA_005_KRAFT_QUORUM = {
    id: 'HA-005',
    level: rule_1.RuleLevel.ERROR,
    title: 'The metadata quorum is KRaft with an odd number of controllers: 3 or 5 (7 allowed). ZooKeeper is not generated. On MSK this means a \`kafka_version\` ending in \`.kraft\` (3.7.x.kraft to 4.1.x.kraft; the metadata mode cannot be changed after creation); MSK runs the controllers itself. On Strimzi 1.2 and the StatefulSet, a supported Kafka 4.x version.',
    explanation: 'ZooKeeper mode is removed in Kafka 4 and deprecated before it. KRaft keeps the metadata in a Raft quorum of controllers, which needs an odd count (3 or 5; 7 allowed) to keep a majority when one or two controllers fail. MSK cannot switch a cluster between ZooKeeper and KRaft after creation, so the choice is made once.',
    remediation: 'MSK: set kafka_version to a KRaft version, 3.7.x.kraft to 4.1.x.kraft (KafkaVersion.MSK_3_9_X_KRAFT); MSK runs the controllers. Strimzi: use a Kafka 4.x version that Strimzi 1.2 supports and a controller node pool of 3 or 5 replicas. StatefulSet: use Kafka 4.x with 3 or 5 controllers.',
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
 * MSK: `kafka_version` is a KRaft version (3.7.x.kraft to 4.1.x.kraft). MSK runs the
 * controllers itself, so their count is not configurable.
 */
function checkMsk(doc, _ctx) {
    const cluster = (0, msk_cluster_document_1.asMskCluster)(doc);
    if (!cluster)
        return rule_1.NOT_APPLICABLE;
    const version = cluster.body.kafka_version;
    const f = new rule_1.Findings();
    f.expect(typeof version === 'string' && kafka_version_1.KafkaVersion.isMskKraft(version), {
        found: `kafka_version is ${(0, rule_1.shown)(version)}`,
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
function checkStrimzi(doc, ctx) {
    const kafka = (0, strimzi_documents_1.asStrimziKafka)(doc);
    if (!kafka)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    const version = kafka.body.spec?.kafka?.version;
    f.expect(version === undefined || kafka_version_1.KafkaVersion.isStrimziSupported(String(version)), {
        found: `spec.kafka.version is ${(0, rule_1.shown)(version)}`,
        expected: `a Kafka 4.x version Strimzi 1.2 runs in KRaft mode (${kafka_version_1.KafkaVersion.STRIMZI_SUPPORTED.join(', ')})`,
        fix: "Set version: '4.3.1' (KafkaVersion.V4_3_1).",
    });
    const pools = (0, strimzi_documents_1.strimziNodePoolsOf)(ctx.index, kafka);
    const controllerPools = pools.filter((p) => (0, strimzi_documents_1.rolesOf)(p).includes('controller'));
    const controllers = controllerPools.reduce((s, p) => s + (0, strimzi_documents_1.replicasOf)(p), 0);
    f.expect([3, 5, 7].includes(controllers), {
        found: `the controller node pools (${(0, strimzi_documents_1.describePools)(controllerPools)}) have ${controllers} controller(s)`,
        expected: 'an odd KRaft quorum of 3 or 5 controllers (7 allowed)',
        fix: 'Declare a controller node pool with replicas: 3 (StrimziKafkaCluster controllers: { replicas: 3 }).',
    });
    if (ctx.environment.isProductionLike) {
        const combined = pools.filter((p) => (0, strimzi_documents_1.rolesOf)(p).includes('controller') && (0, strimzi_documents_1.rolesOf)(p).includes('broker'));
        f.expect(combined.length === 0, {
            found: `node pool(s) ${combined.map((p) => p.name).join(', ')} combine the controller and broker roles`,
            expected: 'separate controller and broker pools in staging and production (a combined node is for development)',
            fix: 'Remove combinedNode; declare a controller pool and broker pools.',
        });
    }
    (0, strimzi_documents_1.forbiddenConfigFindings)(kafka, 'HA-005', f);
    return f.outcome();
}
/**
 * StatefulSet: every Kafka node StatefulSet runs an Apache Kafka 4.x image (KRaft only, no
 * `zookeeper.connect`); a StatefulSet with the controller role has 3, 5 or 7 replicas, as many
 * as `controller.quorum.voters` lists; in staging and production no node combines both roles.
 */
function checkStatefulSet(doc, ctx) {
    const sts = (0, statefulset_documents_1.kubernetesKind)(doc, 'StatefulSet');
    const node = sts ? (0, statefulset_documents_1.nodeConfigOf)(ctx.index, sts)?.node : undefined;
    if (!sts || !node)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    const image = String((0, statefulset_documents_1.kafkaContainerOf)((0, statefulset_documents_1.podSpecOf)(sts))?.image ?? '');
    const tag = /:([^:/@]+)$/.exec(image)?.[1];
    f.expect(tag !== undefined && kafka_version_1.KafkaVersion.isKafka4(tag), {
        found: `the kafka container image is ${(0, rule_1.shown)(image)}`,
        expected: 'an Apache Kafka 4.x image tagged with its version (apache/kafka:4.x.y), which runs KRaft only',
        fix: 'Set kafkaVersion: KafkaVersion.V4_3_1 (or imageRepository to a mirror that keeps the version tag).',
    });
    f.expect(node.properties['zookeeper.connect'] === undefined, {
        found: `${node.where} zookeeper.connect is ${(0, rule_1.shown)(node.properties['zookeeper.connect'])}`,
        expected: 'no ZooKeeper: the metadata quorum is KRaft',
        fix: 'Remove zookeeper.connect.',
    });
    const roles = (0, statefulset_documents_1.processRolesOf)(node.properties);
    if (!roles.includes('controller'))
        return f.outcome();
    const replicas = (0, statefulset_documents_1.replicasOfWorkload)(sts);
    f.expect([3, 5, 7].includes(replicas), {
        found: `spec.replicas is ${(0, rule_1.shown)(sts.body.spec?.replicas)} KRaft controller(s) (process.roles '${node.properties['process.roles']}')`,
        expected: 'an odd KRaft quorum of 3 or 5 controllers (7 allowed)',
        fix: 'Declare controllers: { replicas: 3 } on the KafkaStatefulSetCluster (without combinedNode).',
    });
    const voters = (node.properties['controller.quorum.voters'] ?? '').split(',').filter((v) => v.trim() !== '');
    f.expect(voters.length === replicas, {
        found: `${node.where} controller.quorum.voters lists ${voters.length} voter(s) but spec.replicas is ${(0, rule_1.shown)(sts.body.spec?.replicas)}`,
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
