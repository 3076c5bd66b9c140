// CAP-004: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { run, mskCluster, storageTarget, storagePolicy } from './fixtures/cap-documents';
import { CAP_004_STORAGE_AUTOSCALING as RULE } from '../../lib/rules/cap-004-storage-autoscaling';
import { mskStack, synthError, synthJson } from '../support/msk-stack';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';

import { CAP_004_STORAGE_AUTOSCALING } from '../../lib/rules/cap-004-storage-autoscaling';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('CAP-004 MSK storage autoscaling (error)', () => {
    it('passes CAP-004 with a target, a scale-in-disabled policy at 60%, a 4000 GiB maximum and ignore_changes on the volume', () => {
      const { entries, compliant } = run(RULE, [mskCluster(), storageTarget(), storagePolicy()]);
      expect(entries).toEqual([]);
      expect(compliant.map((e) => e.path)).toEqual(['production/kafka/Resource']);
    });

    it('fails CAP-004 when the cluster has no storage autoscaling target', () => {
      const { entries, lines } = run(RULE, [mskCluster()]);
      expect(entries[0].level).toBe('error');
      expect(lines[0]).toContain('CAP-004 [production/kafka/Resource] no aws_appautoscaling_target on kafka:broker-storage:VolumeSize has resource_id ${aws_msk_cluster.kafka.arn}');
    });

    it('fails CAP-004 when scale-in is enabled', () => {
      const { lines } = run(RULE, [mskCluster(), storageTarget(), storagePolicy({ disableScaleIn: false })]);
      expect(lines[0]).toContain('CAP-004 [production/kafka/Resource] aws_appautoscaling_policy.kafka_storage_policy disable_scale_in is false; expected true');
    });

    it('fails CAP-004 when the target utilisation is not below the MON-004 70% warning', () => {
      const { entries } = run(RULE, [mskCluster(), storageTarget(), storagePolicy({ targetValue: 75 })]);
      expect(entries[0].findings.map((f) => f.expected)).toEqual([expect.stringContaining('below the MON-004 disk warning (70%, the default)')]);
    });

    it('fails CAP-004 when the target is outside what MSK accepts (10 to 80)', () => {
      const { entries } = run(RULE, [mskCluster(), storageTarget(), storagePolicy({ targetValue: 5 })]);
      expect(entries[0].findings.map((f) => f.expected)).toEqual(['a value MSK accepts: 10 to 80']);
    });

    it('fails CAP-004 when the maximum exceeds 16384 GiB, or leaves no room above the volume', () => {
      expect(run(RULE, [mskCluster(), storageTarget({ maxCapacity: 20000 }), storagePolicy()]).entries[0].findings[0].found)
        .toBe('aws_appautoscaling_target.kafka_storage_target max_capacity is 20000');
      expect(run(RULE, [mskCluster({ volumeGiB: 1000 }), storageTarget({ maxCapacity: 1000 }), storagePolicy()]).entries[0].findings[0].expected)
        .toBe('a maximum above the initial volume size, so autoscaling has room to grow');
    });

    it('fails CAP-004 when the policy tracks another metric', () => {
      const { entries } = run(RULE, [mskCluster(), storageTarget(), storagePolicy({ metric: 'ECSServiceAverageCPUUtilization' })]);
      expect(entries[0].findings[0].found).toBe("aws_appautoscaling_policy.kafka_storage_policy predefined_metric_type is 'ECSServiceAverageCPUUtilization'");
    });

    it('fails CAP-004 when the cluster does not ignore changes to its volume size', () => {
      const { lines } = run(RULE, [mskCluster({ ignoreChanges: [] }), storageTarget(), storagePolicy()]);
      expect(lines[0]).toContain('CAP-004 [production/kafka/Resource] lifecycle.ignore_changes is []; expected to include \'broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size\'');
    });
  });

  describe('CAP rules on MskCluster', () => {

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
});

describe('the rule', () => {
  itDescribesItself(CAP_004_STORAGE_AUTOSCALING, 'CAP-004', ['msk']);
});
