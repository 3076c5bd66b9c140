import { monitoringRule } from './checks/cluster-monitoring';

/** MON-012: Under-min-ISR partitions > 0 for 1m (critical). */
export const MON_012_UNDER_MIN_ISR = monitoringRule({
  id: 'MON-012',
  title: 'Under-min-ISR partitions > 0 for 1m (critical)',
  explanation: 'acks=all writes fail for partitions under their min ISR.',
  prometheus: { threshold: 0, maxFor: '1m', severity: 'critical' },
  cloudWatch: { metrics: ['UnderMinIsrPartitionCount'], threshold: 0 },
});
