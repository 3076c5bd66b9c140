import { describe, expect, it } from 'vitest';
import { CAP_004_STORAGE_AUTOSCALING as RULE } from '../../../lib/rules/cap-004-storage-autoscaling';
import { mskCluster, run, storagePolicy, storageTarget, terraform } from '../fixtures/cap-documents';

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

  it('takes the MON-004 threshold from a KafkaDataLogsDiskUsed alarm in the stack', () => {
    const alarm = (name: string, cluster: string, threshold: number) => terraform('aws_cloudwatch_metric_alarm', name, {
      metric_name: 'KafkaDataLogsDiskUsed', threshold, dimensions: { 'Cluster Name': cluster, 'Broker ID': '1' },
    });
    const { entries } = run(RULE, [mskCluster(), storageTarget(), storagePolicy({ targetValue: 60 }), alarm('warn', 'production-kafka', 55), alarm('crit', 'production-kafka', 85)]);
    expect(entries[0].findings[0].expected).toContain('below the MON-004 disk warning (55%, from the KafkaDataLogsDiskUsed alarm)');
    // An alarm on another cluster does not lower this cluster's bar.
    expect(run(RULE, [mskCluster(), storageTarget(), storagePolicy({ targetValue: 60 }), alarm('other', 'other-kafka', 50)]).entries).toEqual([]);
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
