"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReplicationGoal = void 0;
/** What the replication is for; decides which replication policies and offset settings are allowed. */
var ReplicationGoal;
(function (ReplicationGoal) {
    /**
     * Failover: the DR peer takes over from the primary when it is lost. Topic names are kept
     * (identity policy) and consumer-group offsets are synced, so consumers resume in the DR
     * region with the same configuration, where they stopped.
     */
    ReplicationGoal["FAILOVER"] = "failover";
    /**
     * Active-active: both clusters take writes and each replicates into the other. Topic names
     * must be prefixed with the source alias, or records would loop between the clusters.
     */
    ReplicationGoal["ACTIVE_ACTIVE"] = "active-active";
})(ReplicationGoal || (exports.ReplicationGoal = ReplicationGoal = {}));
