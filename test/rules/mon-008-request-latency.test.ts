// MON-008: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_008_REQUEST_LATENCY } from '../../lib/rules/mon-008-request-latency';
import { describe, expect, it } from 'vitest';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
import { titleWith } from './fixtures/metadata';
import { mskCluster, terraform } from './fixtures/cap-documents';
import { outcomeOf } from './fixtures/outcome';

// RULES.md: MON-008, produce/fetch request latency > 100 ms; on CloudWatch the mean of either, one alarm per broker.
describe('MSK: the CloudWatch alarms over the documents', () => {
  const alarm = (metric: string, broker: string) => terraform('aws_cloudwatch_metric_alarm', `latency_${broker}`, {
    alarm_name: `latency-${broker}`, metric_name: metric, threshold: 100, comparison_operator: 'GreaterThanThreshold',
    dimensions: { 'Cluster Name': 'production-kafka', 'Broker ID': broker }, tags: { 'kafka-iac:rule': 'MON-008' },
  });
  it('takes alarms on the fetch latency as well as on the produce latency', () => {
    expect(outcomeOf(MON_008_REQUEST_LATENCY, mskCluster(), ['1', '2', '3'].map((b) => alarm('FetchConsumerTotalTimeMsMean', b)))).toEqual({ status: 'compliant' });
    expect(outcomeOf(MON_008_REQUEST_LATENCY, mskCluster(), ['1', '2', '3'].map((b) => alarm('ProduceTotalTimeMsMean', b)))).toEqual({ status: 'compliant' });
  });
  it('wants an alarm per broker', () => {
    expect(outcomeOf(MON_008_REQUEST_LATENCY, mskCluster(), ['1', '2'].map((b) => alarm('ProduceTotalTimeMsMean', b)))).toEqual({
      status: 'non-compliant',
      findings: [{ found: 'MON-008 alarms cover 2 of 3 brokers of production-kafka', expected: 'an alarm per broker', fix: 'Set brokers on MskCloudWatchAlarms to number_of_broker_nodes.' }],
    });
  });
});

describeMonitoringRule(MON_008_REQUEST_LATENCY, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });

// The threshold, window and severity of MON-008 as the rules specification (RULES.md) gives them (the table of
// MON rules), so a rule whose title drifts from the specification fails here.
describe('MON-008 metadata', () => {
  it('carries the RULES.md threshold and severity in its title', () => {
    expect(MON_008_REQUEST_LATENCY).toMatchObject({ id: 'MON-008', title: titleWith('100 ms', 'P99', 'warning') });
  });
});
