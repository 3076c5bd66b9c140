import { sloRule } from './checks/slo-coverage';

/** SLO-002: consumer-lag, max consumer lag < 10,000 messages (production 99.5% over 30d, staging 95.0% over 7d). */
export const SLO_002_CONSUMER_LAG = sloRule('SLO-002', 'consumer-lag',
  'consumer-lag SLO: max consumer lag < 10,000 messages, with burn-rate and budget alerts.',
  'Lag is how stale consumers are; its budget says how long they may fall behind per period.');
