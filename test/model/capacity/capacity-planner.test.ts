import { describe, expect, it } from 'vitest';
import { BYTES_PER_GIB, CapacityPlan } from '../../../lib/model/capacity/capacity-planner';
import { Environment } from '../../../lib/model/environment';
import { KafkaIacError } from '../../../lib/model/errors';

const WEEK = 604_800;

describe('CapacityPlan (CAP-001 to CAP-003)', () => {
  it("matches seed 003's disk example exactly: 1,000 msg/s × 1,024 B × 7 days × RF 3", () => {
    const plan = CapacityPlan.forWorkload({ name: 'seed-003', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: WEEK, replicationFactor: 3 });
    expect(plan.retainedBytes).toBe(1_857_945_600_000);
    expect(plan.retainedGiB).toBe(1730.35);
    expect(plan.diskBytes).toBe(2_229_534_720_000);
    expect(plan.diskGiB).toBe(2076.42);
    expect(plan.brokers).toBe(3);
    // 2,229,534,720,000 ÷ 3 ÷ 2^30 = 692.14 GiB, rounded up to whole GiB.
    expect(plan.storagePerBrokerGiB).toBe(693);
    expect(plan.storagePerBrokerGiB * plan.brokers * BYTES_PER_GIB).toBeGreaterThanOrEqual(plan.diskBytes);
  });

  it('exposes the disk formula on its own, without headroom and with it', () => {
    expect(CapacityPlan.retainedBytes(1000, 1024, WEEK, 3)).toBe(1_857_945_600_000);
    expect(CapacityPlan.withHeadroom(1_857_945_600_000)).toBe(2_229_534_720_000);
  });

  it('raises 100,000 msg/s at 50,000 per broker from 2 brokers to 3 for HA (CAP-002)', () => {
    const plan = CapacityPlan.forWorkload({ name: 'seed', messagesPerSecond: 100_000, averageMessageBytes: 1024, retentionSeconds: 3600, brokerCapacityMessagesPerSecond: 50_000 });
    expect(plan.brokersForThroughput).toBe(2);
    expect(plan.brokers).toBe(3);
    expect(CapacityPlan.brokersFor(100_000, 50_000, 3)).toBe(3);
  });

  it('rounds the broker count up to a multiple of the zone count (CAP-002)', () => {
    expect(CapacityPlan.brokersFor(200_000, 50_000, 3)).toBe(6);
    expect(CapacityPlan.brokersFor(350_000, 50_000, 3)).toBe(9);
    expect(CapacityPlan.brokersFor(350_000, 50_000, 2)).toBe(8);
    expect(CapacityPlan.brokersFor(10, 0, 3)).toBe(3);
  });

  it('lets a development plan go below 3 brokers only when it says so', () => {
    const dev = CapacityPlan.forWorkload({ name: 'dev', messagesPerSecond: 10, averageMessageBytes: 1024, retentionSeconds: 86_400, replicationFactor: 1, zones: 1, minimumBrokers: 1 });
    expect(dev.brokers).toBe(1);
    expect(CapacityPlan.forWorkload({ name: 'dev', messagesPerSecond: 10, averageMessageBytes: 1024, retentionSeconds: 86_400, replicationFactor: 1, zones: 1 }).brokers).toBe(3);
    expect(() => CapacityPlan.forWorkload({ name: 'bad', messagesPerSecond: 1, averageMessageBytes: 1, retentionSeconds: 1, minimumBrokers: 0 })).toThrow(/minimumBrokers is 0/);
  });

  it('gives 10 partitions for 10,000 msg/s with 2,000 per consumer and 10 consumers wanted (CAP-003)', () => {
    const plan = CapacityPlan.forWorkload({ name: 'seed', messagesPerSecond: 10_000, averageMessageBytes: 512, retentionSeconds: WEEK, consumerMessagesPerSecond: 2000, consumersWanted: 10 });
    expect(plan.partitionsPerTopic).toBe(10);
    expect(CapacityPlan.partitionsFor(10_000, 2000, 1)).toBe(5);
    expect(CapacityPlan.partitionsFor(10_000, 2000, 10)).toBe(10);
    expect(CapacityPlan.partitionsFor(30_000, 2000, 10)).toBe(15);
  });

  it('sizes for the rate at the end of the planning horizon, compounding the growth rate', () => {
    const flat = CapacityPlan.forWorkload({ name: 'flat', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: WEEK });
    const grown = CapacityPlan.forWorkload({ name: 'grown', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: WEEK, annualGrowthRate: 1, planningHorizonMonths: 24 });
    expect(grown.growthFactor).toBe(4);
    expect(grown.plannedMessagesPerSecond).toBe(4000);
    expect(grown.retainedBytes).toBe(4 * flat.retainedBytes);
    expect(grown.diskBytes).toBe(4 * flat.diskBytes);
  });

  it('takes the topic rate for partitions when given, grown with the workload', () => {
    const plan = CapacityPlan.forWorkload({ name: 't', messagesPerSecond: 100_000, topicMessagesPerSecond: 10_000, averageMessageBytes: 100, retentionSeconds: 60, consumerMessagesPerSecond: 1000, annualGrowthRate: 0.5, planningHorizonMonths: 12 });
    expect(plan.partitionsPerTopic).toBe(15);
  });

  it('refuses a workload it cannot plan, naming the prop and the fix', () => {
    expect(() => CapacityPlan.forWorkload({ name: 'bad', messagesPerSecond: 0, averageMessageBytes: 1024, retentionSeconds: WEEK }))
      .toThrow(/CAP-001 \[CapacityPlan bad\] messagesPerSecond is 0; expected a positive number/);
    expect(() => CapacityPlan.forWorkload({ name: 'bad', messagesPerSecond: 1, averageMessageBytes: 1024, retentionSeconds: WEEK, zones: 0 }))
      .toThrow(KafkaIacError);
    expect(() => CapacityPlan.forWorkload({ name: 'bad', messagesPerSecond: 1, averageMessageBytes: 1024, retentionSeconds: WEEK, annualGrowthRate: -1 }))
      .toThrow(/annualGrowthRate is -1/);
  });

  it("adds a 'Capacity plan' section to the environment report, one row per plan, units in bytes and GiB", () => {
    const env = Environment.production({ name: 'production', region: 'us-east-1' });
    CapacityPlan.forWorkload({ name: 'orders', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: WEEK }).attachTo(env);
    CapacityPlan.forWorkload({ name: 'clicks', messagesPerSecond: 100_000, averageMessageBytes: 200, retentionSeconds: 86_400, brokerCapacityMessagesPerSecond: 20_000 }).attachTo(env);
    const section = env.reportSections.find((s) => s.title === 'Capacity plan');
    expect(section?.markdown).toContain('| orders | 1,000 | 1,857,945,600,000 B (1,730.35 GiB) | 2,229,534,720,000 B (2,076.42 GiB) | 3 | 693 | 1 |');
    expect(section?.markdown).toContain('| clicks |');
    expect((section?.data as { name: string; brokers: number }[]).map((p) => [p.name, p.brokers])).toEqual([['orders', 3], ['clicks', 6]]);
    expect(CapacityPlan.attachedTo(env).map((p) => p.name)).toEqual(['orders', 'clicks']);
  });
});
