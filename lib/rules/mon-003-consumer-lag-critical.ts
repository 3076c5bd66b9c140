import { monitoringRule } from './checks/cluster-monitoring';

/** MON-003: Consumer group lag > 100,000 for 5m (critical). */
export const MON_003_CONSUMER_LAG_CRITICAL = monitoringRule({
  id: 'MON-003',
  title: 'Consumer group lag > 100,000 for 5m (critical)',
  explanation: '100,000 messages of lag pages.',
  prometheus: { threshold: 100000, maxFor: '5m', severity: 'critical' },
  cloudWatch: { metrics: ['SumOffsetLag'], threshold: 100000 },
});
