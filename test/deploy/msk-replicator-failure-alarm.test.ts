import { describe, expect, it } from 'vitest';
import { all } from '../support/msk-stack';
import { replicatedPair, synth, synthError } from '../support/replication-pair';

/*
 * AWS, Amazon MSK Developer Guide, "Monitor replication" (msk-replicator-monitor.html): MSK
 * Replicator metrics are "visible under ReplicatorName in the AWS/Kafka namespace. You can also
 * see ReplicatorFailure, AuthError and ThrottleTime metrics to check for issues"; the metrics
 * reference (msk-replicator-metrics-ref.html) lists ReplicatorFailure as the number of failures
 * the replicator is experiencing (dimension ReplicatorName, unit Count, statistic Sum).
 */
describe('MSK Replicator failure alarm (MON-010)', () => {
  it('alarms on ReplicatorFailure above 0 (Sum) within a minute, in AWS/Kafka by ReplicatorName', () => {
    const { peer } = replicatedPair();
    const failure = all(synth(peer.stack), 'aws_cloudwatch_metric_alarm').find((a) => a.metric_name === 'ReplicatorFailure');
    expect(failure).toMatchObject({
      namespace: 'AWS/Kafka', dimensions: { ReplicatorName: 'production-kafka-to-dr-kafka' }, statistic: 'Sum', period: 60,
      comparison_operator: 'GreaterThanThreshold', threshold: 0, evaluation_periods: 1, datapoints_to_alarm: 1,
      alarm_name: 'production-kafka-to-dr-kafka-MON-010-replicator-failure', tags: { 'kafka-iac:rule': 'MON-010' },
    });
  });

  it('fails MON-010 when the replicator has latency and lag alarms but none on its failures', () => {
    const { peer, replicatorAlarms } = replicatedPair();
    replicatorAlarms!.failureAlarm.addOverride('metric_name', 'ThrottleTime');
    expect(synthError(peer.stack)).toMatch(/MON-010 \[dr\/Replicator\/Resource\] no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ReplicatorFailure of replicator production-kafka-to-dr-kafka; expected an alarm on the replicator's failures/);
  });
});
