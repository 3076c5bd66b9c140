"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MirrorMaker2Topics = void 0;
const offset_syncs_topic_location_1 = require("./offset-syncs-topic-location");
/**
 * The names of the topics and group MirrorMaker 2 uses for one pairing, as Kafka derives them
 * (`DefaultReplicationPolicy`, which `IdentityReplicationPolicy` extends), plus the Kafka
 * Connect group and storage topics of the Connect cluster it runs on. Pure values: the grants
 * (`MirrorMaker2Access`) and the KafkaMirrorMaker2 resource read the same names.
 */
class MirrorMaker2Topics {
    /** The names for `pairing`, with the Connect cluster named `connectName` (default `mm2-<pairing>`). */
    static of(pairing, connectName) {
        return new MirrorMaker2Topics(pairing, connectName ?? `mm2-${pairing.name}`);
    }
    /** `mm2-offset-syncs.<target alias>.internal`: where the source connector records offset pairs. */
    offsetSyncs;
    /** `<source alias>.checkpoints.internal`, on the target: translated consumer-group offsets. */
    checkpoints;
    /** `heartbeats`: written by a heartbeat connector (not run by Strimzi v1 mirrors; see README.md, "Disaster recovery"). */
    heartbeats = 'heartbeats';
    /** The Kafka Connect group (`spec.target.groupId`). */
    connectGroup;
    /** Connect's config storage topic. */
    connectConfigs;
    /** Connect's offset storage topic (source connector positions). */
    connectOffsets;
    /** Connect's status storage topic. */
    connectStatus;
    constructor(pairing, connectName) {
        this.offsetSyncs = `mm2-offset-syncs.${pairing.peerAlias}.internal`;
        this.checkpoints = `${pairing.primaryAlias}.checkpoints.internal`;
        this.connectGroup = connectName;
        this.connectConfigs = `${connectName}-configs`;
        this.connectOffsets = `${connectName}-offsets`;
        this.connectStatus = `${connectName}-status`;
    }
    /** Connect's three storage topics. */
    get connectStorage() {
        return [this.connectConfigs, this.connectOffsets, this.connectStatus];
    }
    /** The internal topics that live on the target for this offset-syncs location. */
    targetInternalTopics(location) {
        return [...this.connectStorage, this.checkpoints, ...(location === offset_syncs_topic_location_1.OffsetSyncsTopicLocation.TARGET ? [this.offsetSyncs] : [])];
    }
}
exports.MirrorMaker2Topics = MirrorMaker2Topics;
