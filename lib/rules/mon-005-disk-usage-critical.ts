import { monitoringRule } from './checks/cluster-monitoring';

/** MON-005: Broker disk usage > 85% (critical). */
export const MON_005_DISK_USAGE_CRITICAL = monitoringRule({
  id: 'MON-005',
  title: 'Broker disk usage > 85% (critical)',
  explanation: '85% pages before the volume fills.',
  prometheus: { threshold: 85, severity: 'critical' },
  cloudWatch: { metrics: ['KafkaDataLogsDiskUsed'], threshold: 85, perBroker: true },
});
