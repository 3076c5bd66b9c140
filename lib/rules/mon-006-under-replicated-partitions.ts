import { monitoringRule } from './checks/cluster-monitoring';

/** MON-006: Under-replicated partitions > 0 (critical). */
export const MON_006_UNDER_REPLICATED_PARTITIONS = monitoringRule({
  id: 'MON-006',
  title: 'Under-replicated partitions > 0 (critical)',
  explanation: 'Under-replicated partitions are one failure from unavailability.',
  prometheus: { threshold: 0, severity: 'critical' },
  cloudWatch: { metrics: ['UnderReplicatedPartitions'], threshold: 0 },
});
