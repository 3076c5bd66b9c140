import { monitoringRule } from './checks/cluster-monitoring';

/** MON-004: Broker disk usage > 70% (warning). */
export const MON_004_DISK_USAGE_WARNING = monitoringRule({
  id: 'MON-004',
  title: 'Broker disk usage > 70% (warning)',
  explanation: 'A full log directory takes a broker offline; 70% leaves time to grow the volume.',
  prometheus: { threshold: 70, severity: 'warning' },
  cloudWatch: { metrics: ['KafkaDataLogsDiskUsed'], threshold: 70, perBroker: true },
});
