import { describe, expect, it } from 'vitest';
import { cloudWatchAlarmsStack as build } from '../../support/msk-cloudwatch-fixture';
import { synthJson } from '../../support/msk-stack';


/** The synthesis of the default alarms, shared by the tests that only read it (a deep copy each). */
let defaults: Record<string, any> | undefined;
const defaultJson = (): Record<string, any> => structuredClone((defaults ??= synthJson(build().stack)));

describe('MskCloudWatchAlarms', () => {
  it('alarms on the MSK metrics with the RULES.md thresholds and notifies a KMS-encrypted SNS topic', () => {
    const json = defaultJson();
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    const byRule = (id: string) => alarms.filter((a) => a.tags['kafka-iac:rule'] === id);
    const metricsOf = (a: any): string[] => a.metric_name ? [a.metric_name] : a.metric_query.map((q: any) => q.metric?.metric_name ?? q.expression);
    expect(byRule('MON-001')).toHaveLength(3);
    expect(byRule('MON-001').every((a) => a.treat_missing_data === 'breaching')).toBe(true);
    expect(byRule('MON-004').map((a) => [a.metric_name, a.threshold, a.dimensions['Broker ID']])).toEqual([['KafkaDataLogsDiskUsed', 70, '1'], ['KafkaDataLogsDiskUsed', 70, '2'], ['KafkaDataLogsDiskUsed', 70, '3']]);
    expect(byRule('MON-005').map((a) => a.threshold)).toEqual([85, 85, 85]);
    expect(metricsOf(byRule('MON-006')[0])).toContain('UnderReplicatedPartitions');
    expect(metricsOf(byRule('MON-012')[0])).toContain('UnderMinIsrPartitionCount');
    expect(byRule('MON-009').map((a) => metricsOf(a)[0]).sort()).toEqual(['ActiveControllerCount', 'OfflinePartitionsCount']);
    expect(byRule('MON-002')[0].metric_query[0].expression).toBe(`SELECT MAX(SumOffsetLag) FROM SCHEMA("AWS/Kafka", "Cluster Name", "Consumer Group", Topic) WHERE "Cluster Name" = 'orders'`);
    expect(byRule('MON-002')[0].threshold).toBe(10000);
    expect(byRule('MON-003')[0].threshold).toBe(100000);
    const topic = Object.values<any>(json.resource.aws_sns_topic)[0];
    expect(topic.kms_master_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
    const key = Object.values<any>(json.resource.aws_kms_key)[0];
    expect(key.enable_key_rotation).toBe(true);
    expect(JSON.parse(key.policy).Statement.map((s: any) => s.Principal.Service ?? 'account')).toEqual(['account', 'cloudwatch.amazonaws.com']);
    expect(alarms.every((a) => a.alarm_actions[0].startsWith('${aws_sns_topic.'))).toBe(true);
  });

  it('uses the mean for MON-008 and says so, since CloudWatch has no P99', () => {
    const json = defaultJson();
    const latency = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).filter((a) => a.tags['kafka-iac:rule'] === 'MON-008');
    expect(latency.map((a) => a.metric_name).sort()).toEqual([...Array(3).fill('FetchConsumerTotalTimeMsMean'), ...Array(3).fill('ProduceTotalTimeMsMean')]);
    expect(latency.every((a) => /CloudWatch has no P99, so this alarm uses the mean/.test(a.alarm_description))).toBe(true);
    expect(latency.every((a) => a.threshold === 100)).toBe(true);
  });

  it('adds lag alarms per declared consumer group and topic, and takes overridden thresholds', () => {
    const json = synthJson(build({ consumerGroups: [{ group: 'billing', topic: 'payments' }], thresholds: { consumerLagWarning: 5000, diskUsageWarningPercent: 60 } }).stack);
    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    const perGroup = alarms.filter((a) => a.metric_query?.[0]?.metric?.metric_name === 'SumOffsetLag');
    expect(perGroup.map((a) => [a.threshold, a.metric_query[0].metric.dimensions]).sort((x, y) => x[0] - y[0])).toEqual([
      [5000, { 'Cluster Name': 'orders', 'Consumer Group': 'billing', Topic: 'payments' }],
      [100000, { 'Cluster Name': 'orders', 'Consumer Group': 'billing', Topic: 'payments' }],
    ]);
    expect(alarms.filter((a) => a.tags['kafka-iac:rule'] === 'MON-004').every((a) => a.threshold === 60)).toBe(true);
  });

  it('refuses a lag threshold with the wrong sign, naming MON-002, the value and the fix', () => {
    expect(() => build({ thresholds: { consumerLagWarning: -1 } })).toThrow(/MON-002 \[staging\/Alarms\] consumerLagWarning is -1; expected a lag of at least 1 message\. Set consumerLagWarning to a positive number/);
    expect(() => build({ thresholds: { diskUsageWarningPercent: 120 } })).toThrow(/MON-004 \[staging\/Alarms\] diskUsageWarningPercent is 120; expected a percentage above 0 and below 100/);
  });

  // terraform validate (and a mocked terraform test) of this stack with a declared consumer group
  // run in the one wrapper module of test/validators/terraform.test.ts (no init or provider load of its own).
});
