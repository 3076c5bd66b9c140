import { monitoringRule } from './checks/cluster-monitoring';

/** MON-007: Network throughput > 80% of the broker capacity (warning). */
export const MON_007_NETWORK_THROUGHPUT = monitoringRule({
  id: 'MON-007',
  title: 'Network throughput > 80% of the broker capacity (warning)',
  explanation: 'A saturated broker link raises latency and stalls replication.',
  prometheus: { threshold: 0.8, severity: 'warning' },
  cloudWatch: { metrics: ['BytesInPerSec', 'BytesOutPerSec'], threshold: 0.8, perBroker: true },
});
