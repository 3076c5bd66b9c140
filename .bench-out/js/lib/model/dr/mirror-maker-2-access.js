"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MirrorMaker2Access = void 0;
const errors_1 = require("../errors");
const acl_1 = require("../access/acl");
const mirror_maker_2_topics_1 = require("./mirror-maker-2-topics");
const offset_syncs_topic_location_1 = require("./offset-syncs-topic-location");
const ALL_OPS_OF_OWN_TOPIC = [acl_1.AclOperation.CREATE, acl_1.AclOperation.DESCRIBE, acl_1.AclOperation.DESCRIBE_CONFIGS, acl_1.AclOperation.READ, acl_1.AclOperation.WRITE];
/**
 * The MirrorMaker 2 principals of a pairing, declared in the access models with exactly the
 * rights MirrorMaker 2 needs: never a superuser, never `*` (DR-005, SEC-005). Each is a
 * `PrincipalKind.MIRROR_MAKER_2`, so the renderers label it and SEC-005 allows its one
 * cluster right (Describe).
 * @see https://strimzi.io/docs/operators/latest/deploying#con-mirrormaker-acls-str
 */
class MirrorMaker2Access {
    /**
     * Declares the principal MirrorMaker 2 uses on the primary (source) cluster, in
     * `pairing.access`. Grants:
     * - Read, Describe and DescribeConfigs on each replicated topic (named);
     * - Describe on each replicated consumer group (named or its granted prefix): the
     *   checkpoint connector reads their committed offsets;
     * - Describe on the cluster (listing consumer groups);
     * - with `OffsetSyncsTopicLocation.SOURCE` only: Create, Describe, DescribeConfigs, Read
     *   and Write on `mm2-offset-syncs.<target alias>.internal`.
     * IAM (MSK): the matching kafka-cluster actions (ReadData, DescribeTopic,
     * DescribeTopicDynamicConfiguration, DescribeGroup, DescribeCluster, Connect).
     */
    static addSourcePrincipal(pairing, options) {
        const topics = options.topics ?? mirror_maker_2_topics_1.MirrorMaker2Topics.of(pairing);
        const p = pairing.access.addMirrorMaker2(options.name ?? 'mirror-maker-2', {
            authentication: options.authentication, idempotent: false,
            description: `MirrorMaker 2 (${pairing.name}): reads the replicated topics and group offsets`,
        });
        for (const t of pairing.topics)
            p.addAllow(acl_1.AclResource.topic(t), [acl_1.AclOperation.READ, acl_1.AclOperation.DESCRIBE, acl_1.AclOperation.DESCRIBE_CONFIGS]);
        for (const g of pairing.consumerGroups)
            p.addAllow(g.isPrefix ? acl_1.AclResource.groupPrefix(g.name) : acl_1.AclResource.group(g.name), [acl_1.AclOperation.DESCRIBE]);
        p.grantDescribeCluster();
        if ((options.offsetSyncsTopicLocation ?? offset_syncs_topic_location_1.OffsetSyncsTopicLocation.TARGET) === offset_syncs_topic_location_1.OffsetSyncsTopicLocation.SOURCE) {
            p.addAllow(acl_1.AclResource.topic(topics.offsetSyncs), ALL_OPS_OF_OWN_TOPIC);
        }
        return p;
    }
    /**
     * Declares the principal MirrorMaker 2 uses on the DR (target) cluster, in `peerAccess` (the
     * access model of `pairing.peer`). Grants:
     * - on each replicated topic's remote name: Write, Describe and Read (Read lets the
     *   checkpoint connector commit translated offsets); with a prefixed policy also Create,
     *   Alter and AlterConfigs, since MirrorMaker 2 creates `<alias>.<topic>` and syncs its
     *   configuration; with identity the topics are declared on the peer (their KafkaTopics are
     *   owned by the Topic Operator), so MirrorMaker 2 neither creates nor alters them;
     * - Read and Describe on each replicated consumer group (offset sync writes their offsets);
     * - Create, Describe, DescribeConfigs, Read and Write on its own internal topics: the Connect
     *   storage topics, `<source alias>.checkpoints.internal` and (location TARGET)
     *   `mm2-offset-syncs.<target alias>.internal`; Read on the Connect group;
     * - Describe on the cluster.
     * With identity names, a replicated topic not declared in `peerAccess` is refused (DR-002).
     */
    static addTargetPrincipal(pairing, peerAccess, options) {
        const path = `${peerAccess.name}/principals/${options.name ?? 'mirror-maker-2'}`;
        if (peerAccess.environment !== pairing.peer) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-005', path, prop: 'peerAccess', found: peerAccess.name,
                expected: `the access model of the DR peer '${pairing.peer.name}'`,
                fix: `Pass the AccessModel declared for '${pairing.peer.name}'.`,
            });
        }
        if (pairing.keepsTopicNames) {
            for (const t of pairing.topics) {
                if (!peerAccess.topic(t)) {
                    throw errors_1.KafkaIacError.invalidProp({
                        code: 'DR-002', path: `${peerAccess.name}/topics/${t}`, prop: 'topic', found: t,
                        expected: `topic '${t}' declared on the DR peer too: with identity names the DR cluster holds it under the same name, with the same settings (HA-002, HA-010)`,
                        fix: `Declare it in the peer's access model (peerAccess.addTopic('${t}', ...)), for example by building both models with the same function.`,
                    });
                }
            }
        }
        const topics = options.topics ?? mirror_maker_2_topics_1.MirrorMaker2Topics.of(pairing);
        const p = peerAccess.addMirrorMaker2(options.name ?? 'mirror-maker-2', {
            authentication: options.authentication, idempotent: false,
            description: `MirrorMaker 2 (${pairing.name}): writes the replicated topics and synced offsets`,
        });
        const remoteOps = pairing.keepsTopicNames
            ? [acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE, acl_1.AclOperation.READ]
            : [acl_1.AclOperation.WRITE, acl_1.AclOperation.DESCRIBE, acl_1.AclOperation.READ, acl_1.AclOperation.CREATE, acl_1.AclOperation.ALTER, acl_1.AclOperation.ALTER_CONFIGS, acl_1.AclOperation.DESCRIBE_CONFIGS];
        for (const t of pairing.topics)
            p.addAllow(acl_1.AclResource.topic(pairing.remoteTopicName(t)), remoteOps);
        for (const g of pairing.consumerGroups)
            p.addAllow(g.isPrefix ? acl_1.AclResource.groupPrefix(g.name) : acl_1.AclResource.group(g.name), [acl_1.AclOperation.READ, acl_1.AclOperation.DESCRIBE]);
        for (const t of topics.targetInternalTopics(options.offsetSyncsTopicLocation ?? offset_syncs_topic_location_1.OffsetSyncsTopicLocation.TARGET)) {
            p.addAllow(acl_1.AclResource.topic(t), ALL_OPS_OF_OWN_TOPIC);
        }
        p.addAllow(acl_1.AclResource.group(topics.connectGroup), [acl_1.AclOperation.READ, acl_1.AclOperation.DESCRIBE]);
        p.grantDescribeCluster();
        return p;
    }
}
exports.MirrorMaker2Access = MirrorMaker2Access;
