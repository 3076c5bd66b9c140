// MON-012: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_012_UNDER_MIN_ISR } from '../../lib/rules/mon-012-under-min-isr';
import { describe, expect, it } from 'vitest';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
import { titleWith } from './fixtures/metadata';

describeMonitoringRule(MON_012_UNDER_MIN_ISR, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });

// The threshold, window and severity of MON-012 as the rules specification (RULES.md) gives them (the table of
// MON rules), so a rule whose title drifts from the specification fails here.
describe('MON-012 metadata', () => {
  it('carries the RULES.md threshold and severity in its title', () => {
    expect(MON_012_UNDER_MIN_ISR).toMatchObject({ id: 'MON-012', title: titleWith('Under-min-ISR partitions > 0', '1m', 'critical') });
  });
});
