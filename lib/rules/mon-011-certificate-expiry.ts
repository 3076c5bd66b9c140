import { monitoringRule } from './checks/cluster-monitoring';

/** MON-011: A TLS certificate expires in < 30 days (warning). */
export const MON_011_CERTIFICATE_EXPIRY = monitoringRule({
  id: 'MON-011',
  title: 'A TLS certificate expires in < 30 days (warning)',
  explanation: 'An expired certificate stops every TLS connection.',
  prometheus: { threshold: 30, severity: 'warning' },
});
