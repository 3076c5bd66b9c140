import { sloRule } from './checks/slo-coverage';

/** SLO-003: broker-availability, under-replicated partitions = 0 (production 99.9% over 30d). */
export const SLO_003_BROKER_AVAILABILITY = sloRule('SLO-003', 'broker-availability',
  'broker-availability SLO: no under-replicated partitions, with burn-rate and budget alerts.',
  'Time spent under-replicated is time one failure away from unavailable partitions.');
