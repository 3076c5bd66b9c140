import { sloRule } from './checks/slo-coverage';

/** SLO-001: message-delivery, produce request latency P99 < 100 ms (production 99.9% over 30d, staging 99.0% over 7d). */
export const SLO_001_MESSAGE_DELIVERY = sloRule('SLO-001', 'message-delivery',
  'message-delivery SLO: produce latency P99 < 100 ms, with burn-rate and budget alerts.',
  'Producers feel latency first; an error budget turns "fast enough" into a number that pages before users notice.');
