// CAP-001/002/004 on the real MskCluster output, through synthesis with validations on.
import { describe, expect, it } from 'vitest';
import { MskCloudWatchAlarms } from '../../../lib/aws/cloudwatch/msk-cloudwatch-alarms';
import { CapacityPlan } from '../../../lib/core/capacity-planner';
import { formatViolation } from '../../../lib/rules/engine';
import { mskStack, only, synthError, synthJson } from '../../support/msk-stack';

const plan = CapacityPlan.forWorkload({
  name: 'orders', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800,
  brokerCapacityMessagesPerSecond: 250, // 4 brokers for throughput, rounded up to 6 over 3 zones
});

describe('CAP rules on MskCluster', () => {
  it('passes CAP-001, CAP-002 and CAP-004 when the cluster takes its sizes from the plan', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: plan.storagePerBrokerGiB } });
    expect(plan.applyToCluster(cluster)).toBe(1);
    const json = synthJson(stack);
    expect(only(json, 'aws_msk_cluster').tags).toMatchObject({
      'kafka-iac:capacity-plan': 'orders', 'kafka-iac:capacity-plan-storage-gib': '347', 'kafka-iac:capacity-plan-disk-gib': '2077', 'kafka-iac:capacity-plan-brokers': '6',
    });
    const entries = stack.complianceReport.entries.filter((e) => e.ruleId.startsWith('CAP-'));
    expect(entries.map((e) => [e.ruleId, e.status]).sort()).toEqual([['CAP-001', 'compliant'], ['CAP-002', 'compliant'], ['CAP-003', 'not-applicable'], ['CAP-004', 'compliant']]);
  });

  it('fails CAP-001 at synthesis when the volume is below the plan', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: 100 } });
    plan.applyToCluster(cluster);
    expect(synthError(stack)).toContain("CAP-001 [production/Kafka/Resource] volume_size is 100 GiB per broker; expected at least 347 GiB per broker: capacity plan 'orders' needs 2077 GiB (retained bytes × RF + 20% headroom) over 6 brokers");
  });

  it('fails CAP-001 when an escape hatch shrinks the planned volume', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: plan.storagePerBrokerGiB } });
    plan.applyToCluster(cluster);
    cluster.resource.addOverride('broker_node_group_info.storage_info.ebs_storage_info.volume_size', 10);
    expect(synthError(stack)).toContain('CAP-001 [production/Kafka/Resource] volume_size is 10 GiB per broker');
  });

  it('warns CAP-002 (without stopping synthesis) when the cluster has fewer brokers than the plan', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: 3, volumeSizeGiB: 1000 } });
    plan.applyToCluster(cluster);
    synthJson(stack);
    const warnings = stack.complianceReport.warnings().filter((e) => e.ruleId === 'CAP-002').map(formatViolation);
    expect(warnings).toEqual([expect.stringContaining("CAP-002 [production/Kafka/Resource] number_of_broker_nodes is 3; expected at least 6, the brokers of capacity plan 'orders'")]);
  });

  it('fails CAP-004 when an escape hatch enables scale-in on the storage policy', () => {
    const { stack, cluster } = mskStack();
    cluster.storageAutoScaling.policy.addOverride('target_tracking_scaling_policy_configuration.disable_scale_in', false);
    expect(synthError(stack)).toMatch(/CAP-004 \[production\/Kafka\/Resource\] aws_appautoscaling_policy\.\S+ disable_scale_in is false; expected true/);
  });

  it('fails CAP-004 when an escape hatch drops the volume size from ignore_changes', () => {
    const { stack, cluster } = mskStack();
    // addOverride merges lists, so removing the entry takes an override to undefined.
    cluster.resource.addOverride('lifecycle.ignore_changes', undefined);
    expect(synthError(stack)).toContain('CAP-004 [production/Kafka/Resource] lifecycle.ignore_changes is not set; expected to include \'broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size\'');
  });

  it('fails CAP-004 when an escape hatch raises the target to the MON-004 warning', () => {
    const { stack, cluster } = mskStack();
    cluster.storageAutoScaling.policy.addOverride('target_tracking_scaling_policy_configuration.target_value', 70);
    expect(synthError(stack)).toMatch(/CAP-004 \[production\/Kafka\/Resource\] aws_appautoscaling_policy\.\S+ target_value is 70; expected below the MON-004 disk warning/);
  });

  it('passes CAP-004 against the default MON-004 CloudWatch alarm (60% below 70%)', () => {
    const { stack, cluster } = mskStack();
    new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: cluster.brokers });
    synthJson(stack);
    expect(stack.complianceReport.entries.filter((e) => e.ruleId === 'CAP-004').map((e) => e.status)).toEqual(['compliant']);
  });

  it('fails CAP-004 when the MON-004 CloudWatch alarm is lowered to the autoscaling target', () => {
    const { stack, cluster } = mskStack();
    new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: cluster.brokers, thresholds: { diskUsageWarningPercent: 60 } });
    expect(synthError(stack)).toMatch(/CAP-004 \[production\/Kafka\/Resource\] aws_appautoscaling_policy\.\S+ target_value is 60; expected below the MON-004 disk warning \(60%, from the KafkaDataLogsDiskUsed alarm\)/);
  });
});
