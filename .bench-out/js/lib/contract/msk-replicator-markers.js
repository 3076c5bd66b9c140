"use strict";
/**
 * The names that mark an `aws_msk_replicator` and its metrics in synthesized output, so that
 * rules (MON-010, DR-003) find them without importing any construct. Plain strings only.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.MSK_REPLICATOR_LAG_METRIC = exports.MSK_REPLICATOR_LATENCY_METRIC = exports.MSK_REPLICATOR_DIMENSION = exports.MSK_REPLICATOR_RPO_TAG = void 0;
/** Tag of an `aws_msk_replicator` with the declared RPO in seconds, for operators; DR-003 reads the RPO from the pairing declaration. */
exports.MSK_REPLICATOR_RPO_TAG = 'kafka-iac:rpo-seconds';
/** The CloudWatch dimension of MSK Replicator metrics. */
exports.MSK_REPLICATOR_DIMENSION = 'ReplicatorName';
/** The MSK Replicator metric of the time from produce on the source to write on the target (milliseconds, maximum). */
exports.MSK_REPLICATOR_LATENCY_METRIC = 'ReplicationLatency';
/** The MSK Replicator metric of the messages produced on the source and not yet read by the replicator. */
exports.MSK_REPLICATOR_LAG_METRIC = 'MessageLag';
