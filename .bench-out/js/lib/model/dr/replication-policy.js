"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSK_REPLICATOR_TOPIC_NAME_TYPE = exports.MIRROR_MAKER_2_POLICY_CLASS = exports.ReplicationPolicy = void 0;
/**
 * How replicated topics are named on the target cluster.
 *
 * Trade-off: identity keeps `orders` as `orders`, so a failed-over consumer uses the same
 * topic names and configuration, and its committed offsets (synced by the checkpoint connector
 * or the Replicator) apply unchanged; but the target cannot tell a local topic from a
 * replicated one, so replication must run one way only (no loops). Prefixed writes
 * `<source alias>.orders`, so both clusters can replicate into each other (active-active) and
 * a reader sees where each record came from; failed-over consumers must subscribe to the
 * prefixed names (or a pattern) and translate offsets (`RemoteClusterUtils.translateOffsets`).
 */
var ReplicationPolicy;
(function (ReplicationPolicy) {
    /**
     * Target topic = source topic name. MirrorMaker 2
     * `org.apache.kafka.connect.mirror.IdentityReplicationPolicy`; MSK Replicator
     * `topic_name_configuration.type = IDENTICAL`.
     */
    ReplicationPolicy["IDENTITY"] = "identity";
    /**
     * Target topic = `<source alias>.<source topic>`. MirrorMaker 2
     * `org.apache.kafka.connect.mirror.DefaultReplicationPolicy`; MSK Replicator
     * `topic_name_configuration.type = PREFIXED_WITH_SOURCE_CLUSTER_ALIAS`.
     */
    ReplicationPolicy["PREFIXED"] = "prefixed";
})(ReplicationPolicy || (exports.ReplicationPolicy = ReplicationPolicy = {}));
/** The MirrorMaker 2 `replication.policy.class` of each policy. */
exports.MIRROR_MAKER_2_POLICY_CLASS = {
    [ReplicationPolicy.IDENTITY]: 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
    [ReplicationPolicy.PREFIXED]: 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy',
};
/** The MSK Replicator `topic_name_configuration.type` of each policy. */
exports.MSK_REPLICATOR_TOPIC_NAME_TYPE = {
    [ReplicationPolicy.IDENTITY]: 'IDENTICAL',
    [ReplicationPolicy.PREFIXED]: 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS',
};
