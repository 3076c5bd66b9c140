/**
 * The names that mark an `aws_msk_replicator` and its metrics in synthesized output, so that
 * rules (MON-010, DR-003) find them without importing any construct. Plain strings only.
 */

/** Tag of an `aws_msk_replicator` with the declared RPO in seconds, for operators; DR-003 reads the RPO from the pairing declaration. */
export const MSK_REPLICATOR_RPO_TAG = 'kafka-iac:rpo-seconds';
/** The CloudWatch dimension of MSK Replicator metrics. */
export const MSK_REPLICATOR_DIMENSION = 'ReplicatorName';
/** The MSK Replicator metric of the time from produce on the source to write on the target (milliseconds, maximum). */
export const MSK_REPLICATOR_LATENCY_METRIC = 'ReplicationLatency';
/** The MSK Replicator metric of the messages produced on the source and not yet read by the replicator. */
export const MSK_REPLICATOR_LAG_METRIC = 'MessageLag';
/**
 * The MSK Replicator metric of the failures the replicator is experiencing (count, sum): it
 * reports a replicator that has stopped while latency and lag, no longer emitted, stay silent.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-monitor.html
 */
export const MSK_REPLICATOR_FAILURE_METRIC = 'ReplicatorFailure';
