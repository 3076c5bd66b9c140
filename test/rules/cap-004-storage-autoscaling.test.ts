// CAP-004: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { run, mskCluster, storageTarget, storagePolicy, terraform, kubernetes } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import type { TerraformDocument } from '../../lib/contract/document';
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

// Each threshold on both sides, each way a target or policy is tied to its cluster, and each
// finding's whole text, on hand-built documents (the blocks MskCluster and MskStorageAutoScaling write).
describe('MSK: CAP-004 on the cluster, target, policy and alarm documents', () => {
  const TARGET = 'aws_appautoscaling_target.kafka_storage_target';
  const POLICY = 'aws_appautoscaling_policy.kafka_storage_policy';
  const alarm = (name: string, threshold: unknown, clusterName?: string, metric = 'KafkaDataLogsDiskUsed') =>
    terraform('aws_cloudwatch_metric_alarm', name, { metric_name: metric, threshold, ...(clusterName ? { dimensions: { 'Cluster Name': clusterName } } : {}) });
  const withBody = (doc: TerraformDocument, body: Record<string, unknown>): TerraformDocument => ({ ...doc, body: { ...doc.body, ...body } });
  const outcome = (...docs: TerraformDocument[]) => outcomeOf(RULE, docs[0], docs.slice(1));
  const findings = (...docs: TerraformDocument[]) => findingsOf(RULE, docs[0], docs.slice(1));
  const belowWarning = (value: unknown, warning: string) => ({
    found: `${POLICY} target_value is ${value}`,
    expected: `below the MON-004 disk warning (${warning}), so storage grows before anyone is alerted`,
    fix: `Set storageAutoScaling.targetUtilizationPercent below ${warning.split('%')[0]}, for example 60.`,
  });
  const outsideRange = (value: unknown) => ({ found: `${POLICY} target_value is ${value}`, expected: 'a value MSK accepts: 10 to 80', fix: 'Set storageAutoScaling.targetUtilizationPercent to 60.' });

  it('fails with every text when the cluster neither ignores its volume size nor has a target', () => {
    expect(findings(mskCluster({ ignoreChanges: ['tags'] }))).toEqual([
      {
        found: 'lifecycle.ignore_changes is ["tags"]',
        expected: "to include 'broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size', so Terraform does not undo a storage scale-out",
        fix: 'Add lifecycle { ignore_changes = ["broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size"] } to the cluster.',
      },
      {
        found: 'no aws_appautoscaling_target on kafka:broker-storage:VolumeSize has resource_id ${aws_msk_cluster.kafka.arn}',
        expected: 'storage autoscaling on the cluster',
        fix: 'Use MskCluster (it adds MskStorageAutoScaling), or add an aws_appautoscaling_target and a target-tracking aws_appautoscaling_policy.',
      },
    ]);
  });

  it('accepts ignore_changes on the whole node group block or on all, as a list or the string all', () => {
    for (const ignoreChanges of [['broker_node_group_info'], ['tags', 'all'], 'all']) {
      expect(outcome(mskCluster({ ignoreChanges }), storageTarget(), storagePolicy()), JSON.stringify(ignoreChanges)).toEqual({ status: 'compliant' });
    }
    expect(findings(mskCluster({ ignoreChanges: 'tags' }), storageTarget(), storagePolicy())[0].found).toBe('lifecycle.ignore_changes is "tags"');
  });

  it('passes a maximum of 16384 GiB and fails 16385 or none, with the whole text', () => {
    expect(outcome(mskCluster(), storageTarget({ maxCapacity: 16384 }), storagePolicy())).toEqual({ status: 'compliant' });
    const limit = { expected: "a declared maximum of at most 16384 GiB per broker (MSK's limit)", fix: 'Set storageAutoScaling.maxVolumeSizeGiB to a value up to 16384.' };
    expect(findings(mskCluster(), storageTarget({ maxCapacity: 16385 }), storagePolicy())).toEqual([{ found: `${TARGET} max_capacity is 16385`, ...limit }]);
    const noMax = withBody(storageTarget(), { max_capacity: undefined });
    expect(findings(mskCluster(), noMax, storagePolicy())).toEqual([{ found: `${TARGET} max_capacity is not set`, ...limit }]);
  });

  it('asks a maximum above the volume size, except for a volume already at 16384 GiB', () => {
    expect(outcome(mskCluster({ volumeGiB: 1000 }), storageTarget({ maxCapacity: 1001 }), storagePolicy())).toEqual({ status: 'compliant' });
    expect(findings(mskCluster({ volumeGiB: 1000 }), storageTarget({ maxCapacity: 999 }), storagePolicy())).toEqual([{
      found: `${TARGET} max_capacity is 999 with volume_size 1000`,
      expected: 'a maximum above the initial volume size, so autoscaling has room to grow',
      fix: 'Set storageAutoScaling.maxVolumeSizeGiB above 1000.',
    }]);
    expect(outcome(mskCluster({ volumeGiB: 16384 }), storageTarget({ maxCapacity: 16384 }), storagePolicy())).toEqual({ status: 'compliant' });
    expect(findings(mskCluster({ volumeGiB: 16000 }), storageTarget({ maxCapacity: 16000 }), storagePolicy()).map((f) => f.found)).toEqual([`${TARGET} max_capacity is 16000 with volume_size 16000`]);
    // The exception needs both at 16384: a full volume with a lower maximum, or a larger volume, has no room.
    expect(findings(mskCluster({ volumeGiB: 16384 }), storageTarget({ maxCapacity: 16000 }), storagePolicy()).map((f) => f.found)).toEqual([`${TARGET} max_capacity is 16000 with volume_size 16384`]);
    expect(findings(mskCluster({ volumeGiB: 20000 }), storageTarget({ maxCapacity: 16384 }), storagePolicy()).map((f) => f.found)).toEqual([`${TARGET} max_capacity is 16384 with volume_size 20000`]);
    // Blocks written as lists of one (an override or a hand-written file) read the same.
    const listed = withBody(mskCluster(), { broker_node_group_info: [{ storage_info: [{ ebs_storage_info: [{ volume_size: 4000 }] }] }] });
    expect(findings(listed, storageTarget({ maxCapacity: 4000 }), storagePolicy()).map((f) => f.found)).toEqual([`${TARGET} max_capacity is 4000 with volume_size 4000`]);
    // A volume size that is not a literal number is not compared.
    const expression = withBody(mskCluster(), { broker_node_group_info: { storage_info: { ebs_storage_info: { volume_size: '${var.size}' } } } });
    expect(outcome(expression, storageTarget({ maxCapacity: 1000 }), storagePolicy())).toEqual({ status: 'compliant' });
  });

  it('fails when no target-tracking policy uses the target (none, or a step-scaling one)', () => {
    const missing = { found: `no TargetTrackingScaling aws_appautoscaling_policy uses ${TARGET}`, expected: 'a target-tracking policy on KafkaBrokerStorageUtilization', fix: 'Add an aws_appautoscaling_policy with policy_type TargetTrackingScaling on the target.' };
    expect(findings(mskCluster(), storageTarget())).toEqual([missing]);
    expect(findings(mskCluster(), storageTarget(), withBody(storagePolicy(), { policy_type: 'StepScaling' }))).toEqual([missing]);
  });

  it('reads the policy configuration: metric, scale-in and target, written as objects or lists of one', () => {
    const base = storagePolicy();
    const config = base.body.target_tracking_scaling_policy_configuration;
    const listed = withBody(base, { target_tracking_scaling_policy_configuration: [{ ...config, disable_scale_in: 'true', predefined_metric_specification: [config.predefined_metric_specification] }] });
    expect(outcome(mskCluster(), storageTarget(), listed)).toEqual({ status: 'compliant' });
    const empty = withBody(base, { target_tracking_scaling_policy_configuration: undefined });
    expect(findings(mskCluster(), storageTarget(), empty)).toEqual([
      { found: `${POLICY} predefined_metric_type is not set`, expected: "'KafkaBrokerStorageUtilization'", fix: 'Set predefined_metric_specification { predefined_metric_type = "KafkaBrokerStorageUtilization" }.' },
      { found: `${POLICY} disable_scale_in is not set`, expected: 'true: MSK storage never shrinks, so a scale-in can only fail', fix: 'Set disable_scale_in = true.' },
      belowWarning('not set', '70%, the default'),
      outsideRange('not set'),
    ]);
  });

  it('passes a target one below the 70% default warning and fails at it', () => {
    expect(outcome(mskCluster(), storageTarget(), storagePolicy({ targetValue: 69 }))).toEqual({ status: 'compliant' });
    expect(findings(mskCluster(), storageTarget(), storagePolicy({ targetValue: 70 }))).toEqual([belowWarning(70, '70%, the default')]);
  });

  it('holds the target to what MSK accepts: 10 and 80 pass, 9 and 81 fail', () => {
    const lenient = alarm('disk_warning', 90, 'production-kafka');
    expect(outcome(mskCluster(), storageTarget(), storagePolicy({ targetValue: 10 }))).toEqual({ status: 'compliant' });
    expect(outcome(mskCluster(), storageTarget(), storagePolicy({ targetValue: 80 }), lenient)).toEqual({ status: 'compliant' });
    expect(findings(mskCluster(), storageTarget(), storagePolicy({ targetValue: 9 }))).toEqual([outsideRange(9)]);
    expect(findings(mskCluster(), storageTarget(), storagePolicy({ targetValue: 81 }), lenient)).toEqual([outsideRange(81)]);
  });

  it('takes the lowest KafkaDataLogsDiskUsed alarm on the cluster, or on every cluster, as the MON-004 warning', () => {
    const fromAlarm = (percent: number) => belowWarning(60, `${percent}%, from the KafkaDataLogsDiskUsed alarm`);
    const at60 = storagePolicy({ targetValue: 60 });
    // Alarms of this cluster: the lowest wins.
    expect(findings(mskCluster(), storageTarget(), at60, alarm('a', 85, 'production-kafka'), alarm('b', 55, 'production-kafka'), alarm('c', 90, 'production-kafka'))).toEqual([fromAlarm(55)]);
    // An alarm without a cluster dimension applies to every cluster; another cluster's alarm does not.
    expect(findings(mskCluster(), storageTarget(), at60, alarm('any', 58), alarm('any-2', 59))).toEqual([fromAlarm(58)]);
    expect(findings(mskCluster(), storageTarget(), at60, alarm('own', 65, 'production-kafka'), alarm('any', 50))).toEqual([fromAlarm(50)]);
    expect(findings(mskCluster(), storageTarget(), at60, alarm('own', 50, 'production-kafka'), alarm('any', 65))).toEqual([fromAlarm(50)]);
    // A threshold that is not a number does not hide a lower one.
    expect(findings(mskCluster(), storageTarget(), at60, alarm('expr', '${var.t}', 'production-kafka'), alarm('own', 55, 'production-kafka'))).toEqual([fromAlarm(55)]);
    // Another cluster's alarm, another metric, or a threshold that is not a number leave the default.
    for (const other of [alarm('other', 50, 'staging-kafka'), alarm('cpu', 50, 'production-kafka', 'CpuUser'), alarm('expr', '${var.t}', 'production-kafka')]) {
      expect(outcome(mskCluster(), storageTarget(), at60, other), other.name).toEqual({ status: 'compliant' });
    }
    // A warning above 70% raises the bar: 72 passes under a 75% alarm.
    expect(outcome(mskCluster(), storageTarget(), storagePolicy({ targetValue: 72 }), alarm('own', 75, 'production-kafka'))).toEqual({ status: 'compliant' });
  });

  it('ties a target to its cluster by dimension and resource_id, and a policy by its target or the cluster', () => {
    const other = terraform('aws_msk_cluster', 'other', { cluster_name: 'other' });
    // A target on another dimension, or on another resource, is not this cluster's.
    const noTarget = 'no aws_appautoscaling_target on kafka:broker-storage:VolumeSize has resource_id ${aws_msk_cluster.kafka.arn}';
    expect(findings(mskCluster(), withBody(storageTarget(), { scalable_dimension: 'ecs:service:DesiredCount' }), storagePolicy()).map((f) => f.found)).toEqual([noTarget]);
    expect(findings(mskCluster(), withBody(storageTarget(), { resource_id: '${aws_msk_cluster.other.arn}' }), storagePolicy(), other).map((f) => f.found)).toEqual([noTarget]);
    expect(findings(mskCluster(), withBody(storageTarget(), { resource_id: '${aws_kms_key.kafka.arn}' }), terraform('aws_kms_key', 'kafka', {})).map((f) => f.found)).toEqual([noTarget]);
    expect(findings(mskCluster(), withBody(storageTarget(), { resource_id: 'service/kafka/production-kafka' }), storagePolicy()).map((f) => f.found)).toEqual([noTarget]);
    // Of two targets on the cluster, the first is checked and keeps its policy.
    const second = { ...storageTarget({ maxCapacity: 20000 }), name: 'second', address: 'aws_appautoscaling_target.second' };
    expect(outcome(mskCluster(), storageTarget(), second, storagePolicy())).toEqual({ status: 'compliant' });
    // A policy written with literal dimension and a resource_id on the cluster itself uses the cluster's first target.
    const literal = withBody(storagePolicy(), { scalable_dimension: 'kafka:broker-storage:VolumeSize', resource_id: '${aws_msk_cluster.kafka.arn}' });
    expect(outcome(mskCluster(), storageTarget(), literal)).toEqual({ status: 'compliant' });
    // A policy on another dimension, on no known resource, or on a cluster without a target, is not this target's.
    const missing = `no TargetTrackingScaling aws_appautoscaling_policy uses ${TARGET}`;
    for (const policy of [
      withBody(storagePolicy(), { scalable_dimension: 'ecs:service:DesiredCount' }),
      withBody(storagePolicy(), { resource_id: '${aws_appautoscaling_target.absent.resource_id}' }),
      withBody(storagePolicy(), { resource_id: '${aws_msk_cluster.other.arn}' }),
      withBody(storagePolicy(), { resource_id: '${aws_kms_key.kafka.arn}' }),
    ]) expect(findings(mskCluster(), storageTarget(), policy, other, terraform('aws_kms_key', 'kafka', {})).map((f) => f.found), JSON.stringify(policy.body.resource_id)).toEqual([missing]);
  });

  it('is not applicable to the target, the policy and other documents', () => {
    for (const doc of [storageTarget(), storagePolicy(), alarm('a', 70)]) expect(outcomeOf(RULE, doc, [mskCluster()])).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(RULE, kubernetes('v1', 'ConfigMap', 'kafka', {}))).toEqual({ status: 'not-applicable' });
  });
});
