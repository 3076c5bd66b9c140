import { monitoringRule } from './checks/cluster-monitoring';

/** MON-001: A broker is down or not scraped. */
export const MON_001_BROKER_DOWN = monitoringRule({
  id: 'MON-001',
  title: 'A broker is down or not scraped',
  explanation: 'A broker that is down or unscraped is invisible; MON-001 pages within 1m.',
  prometheus: { maxFor: '1m', severity: 'critical' },
  cloudWatch: { metrics: ['CpuIdle'], perBroker: true },
});
