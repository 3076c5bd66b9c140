import { monitoringRule } from './checks/cluster-monitoring';

/** MON-009: Offline partitions > 0; active controller count != 1 (critical, for 1m). */
export const MON_009_OFFLINE_PARTITIONS_CONTROLLER = monitoringRule({
  id: 'MON-009',
  title: 'Offline partitions > 0; active controller count != 1 (critical, for 1m)',
  explanation: 'Offline partitions fail every client of them; without one active controller metadata stops.',
  prometheus: { threshold: 0, maxFor: '1m', severity: 'critical' },
  cloudWatch: { metrics: ['OfflinePartitionsCount', 'ActiveControllerCount'], threshold: 0 },
});
