import { CapacityPlanAnnotations } from '../../../lib/contract/capacity-plan-annotations';
// CAP-001/002/004 on the real MskCluster output, and CAP-003 on the topic lines of its MskAccess
// admin artefact, through synthesis with validations on.
import { describe, expect, it } from 'vitest';
import { MskCloudWatchAlarms } from '../../../lib/targets/msk/msk-cloudwatch-alarms';
import { CapacityPlan } from '../../../lib/model/capacity/capacity-planner';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { formatViolation } from '../../../lib/rules/engine';
import { AccessModel } from '../../../lib/model/access/access-model';
import { MskAccess } from '../../../lib/targets/msk/msk-access';
import { mskStack, only, synthError, synthJson } from '../../support/msk-stack';

const plan = CapacityPlan.forWorkload({
  name: 'orders', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800,
  brokerCapacityMessagesPerSecond: 250, // 4 brokers for throughput, rounded up to 6 over 3 zones
});

describe('CAP rules on MskCluster', () => {
  it('passes CAP-001, CAP-002 and CAP-004 when the cluster takes its sizes from the plan', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: plan.storagePerBrokerGiB } });
    expect(CapacityPlanAnnotations.applyToCluster(plan, cluster)).toBe(1);
    const json = synthJson(stack);
    expect(only(json, 'aws_msk_cluster').tags).toMatchObject({
      'kafka-iac:capacity-plan': 'orders', 'kafka-iac:capacity-plan-storage-gib': '347', 'kafka-iac:capacity-plan-disk-gib': '2077', 'kafka-iac:capacity-plan-brokers': '6',
    });
    const entries = stack.complianceReport.entries.filter((e) => e.ruleId.startsWith('CAP-'));
    expect(entries.map((e) => [e.ruleId, e.status]).sort()).toEqual([['CAP-001', 'compliant'], ['CAP-002', 'compliant'], ['CAP-003', 'not-applicable'], ['CAP-004', 'compliant']]);
  });

  it('fails CAP-001 at synthesis when the volume is below the plan', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: 100 } });
    CapacityPlanAnnotations.applyToCluster(plan, cluster);
    expect(synthError(stack)).toContain("CAP-001 [production/Kafka/Resource] volume_size is 100 GiB per broker; expected at least 347 GiB per broker: capacity plan 'orders' needs 2077 GiB (retained bytes × RF + 20% headroom) over 6 brokers");
  });

  it('fails CAP-001 when an escape hatch shrinks the planned volume', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: plan.brokers, volumeSizeGiB: plan.storagePerBrokerGiB } });
    CapacityPlanAnnotations.applyToCluster(plan, cluster);
    cluster.resource.addOverride('broker_node_group_info.storage_info.ebs_storage_info.volume_size', 10);
    expect(synthError(stack)).toContain('CAP-001 [production/Kafka/Resource] volume_size is 10 GiB per broker');
  });

  it('warns CAP-002 (without stopping synthesis) when the cluster has fewer brokers than the plan', () => {
    const { stack, cluster } = mskStack({ cluster: { brokers: 3, volumeSizeGiB: 1000 } });
    CapacityPlanAnnotations.applyToCluster(plan, cluster);
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

/** 1000 msg/s over consumers of 100 msg/s each: 10 partitions per topic. */
const topicPlan = CapacityPlan.forWorkload({
  name: 'orders-topics', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800,
  consumerMessagesPerSecond: 100, consumersWanted: 4,
});
const ARTEFACT = 'production/Access/AdminArtefacts';

/** mskStack with an MskAccess creating `orders` (12 partitions, line 2) and `payments` (6 partitions, line 3). */
function mskStackWithTopics() {
  const fixture = mskStack();
  const model = new AccessModel({ environment: fixture.environment });
  model.addTopic('orders', { partitions: 12 });
  model.addTopic('payments', { partitions: 6 });
  model.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() });
  return { ...fixture, access: new MskAccess(fixture.stack, 'Access', { model, cluster: fixture.cluster }) };
}

function cap003(stack: ReturnType<typeof mskStack>['stack']) {
  return stack.complianceReport.entries.filter((e) => e.ruleId === 'CAP-003');
}

describe('CAP-003 on the MSK admin artefact (kafka-admin/topics.txt)', () => {
  it('records the plan of the named topics on the artefact input, and passes CAP-003 when they have the planned partitions', () => {
    const { stack, access } = mskStackWithTopics();
    expect(topicPlan.partitionsPerTopic).toBe(10);
    expect(CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['orders'] })).toBe(1);
    const json = synthJson(stack);
    expect(json.resource.terraform_data[access.adminArtefacts.friendlyUniqueId].input.capacity_plan_partitions).toEqual({ orders: { plan: 'orders-topics', partitions: 10 } });
    expect(cap003(stack).map((e) => [e.path, e.status, e.notes])).toEqual([[ARTEFACT, 'compliant', ["topic 'orders': --partitions 12, capacity plan 'orders-topics' asks for 10"]]]);
  });

  it('warns CAP-003 (synthesis continues) when an addOverride lowers a planned topic\'s partitions', () => {
    const { stack, access } = mskStackWithTopics();
    CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['orders'] });
    access.adminArtefacts.addOverride('input.topics', '--create --if-not-exists --topic orders --partitions 3 --replication-factor 3\n--create --if-not-exists --topic payments --partitions 6 --replication-factor 3\n');
    synthJson(stack);
    expect(stack.complianceReport.warnings().filter((e) => e.ruleId === 'CAP-003').map(formatViolation)).toEqual([
      expect.stringContaining("CAP-003 [production/Access/AdminArtefacts] input.topics (kafka-admin/topics.txt) line 1 creates topic 'orders' with --partitions 3; expected at least 10, the partitions of capacity plan 'orders-topics'"),
    ]);
  });

  it('applies the plan to every topic of the artefact when no topics are named, and warns for the one below it', () => {
    const { stack, access } = mskStackWithTopics();
    expect(CapacityPlanAnnotations.applyToTopics(topicPlan, access)).toBe(2);
    synthJson(stack);
    expect(cap003(stack).flatMap((e) => e.findings.map((f) => f.found))).toEqual(["input.topics (kafka-admin/topics.txt) line 3 creates topic 'payments' with --partitions 6"]);
  });

  it('keeps the entries of earlier plans when another plan is applied to other topics', () => {
    const { stack, access } = mskStackWithTopics();
    const small = CapacityPlan.forWorkload({ name: 'payments-topics', messagesPerSecond: 100, averageMessageBytes: 1024, retentionSeconds: 604_800, consumersWanted: 6 });
    CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['orders'] });
    CapacityPlanAnnotations.applyToTopics(small, access, { topics: ['payments'] });
    const json = synthJson(stack);
    expect(json.resource.terraform_data[access.adminArtefacts.friendlyUniqueId].input.capacity_plan_partitions).toEqual({
      orders: { plan: 'orders-topics', partitions: 10 }, payments: { plan: 'payments-topics', partitions: 6 },
    });
    expect(cap003(stack).map((e) => e.status)).toEqual(['compliant']);
  });

  it('refuses a topic name that nothing under the scope creates', () => {
    const { access } = mskStackWithTopics();
    expect(() => CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['order'] })).toThrow("CAP-003 [CapacityPlan orders-topics] topics is 'order'; expected topics created under production/Access");
  });
});
