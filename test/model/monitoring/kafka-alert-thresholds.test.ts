// The alert thresholds (lib/model/monitoring/kafka-alert-thresholds.ts): the RULES.md defaults, and
// the refusal of a critical threshold that does not lie above its warning threshold.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, resolveThresholds } from '../../../lib/model/monitoring/kafka-alert-thresholds';

describe('resolveThresholds', () => {
  it('fills in the RULES.md defaults', () => {
    expect(resolveThresholds('app/Alarms')).toEqual(DEFAULT_THRESHOLDS);
    expect(resolveThresholds('app/Alarms', { consumerLagCritical: 50_000 }).consumerLagCritical).toBe(50_000);
  });

  it('refuses a critical consumer lag at or below the warning lag (MON-003)', () => {
    expect(() => resolveThresholds('app/Alarms', { consumerLagWarning: 5_000, consumerLagCritical: 5_000 }))
      .toThrow("MON-003 [app/Alarms] consumerLagCritical is 5000; expected more than consumerLagWarning (5000). Make the critical lag larger than the warning lag.");
  });

  it('refuses a critical disk usage at or below the warning usage (MON-005)', () => {
    expect(() => resolveThresholds('app/Alarms', { diskUsageWarningPercent: 80, diskUsageCriticalPercent: 75 }))
      .toThrow('MON-005 [app/Alarms] diskUsageCriticalPercent is 75; expected more than diskUsageWarningPercent (80). Make the critical disk usage larger than the warning usage.');
  });
});
