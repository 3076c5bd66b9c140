// MON-008: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_008_REQUEST_LATENCY } from '../../lib/rules/mon-008-request-latency';
import { describe, expect, it } from 'vitest';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
import { titleWith } from './fixtures/metadata';

describeMonitoringRule(MON_008_REQUEST_LATENCY, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });

// The threshold, window and severity of MON-008 as the rules specification (RULES.md) gives them (the table of
// MON rules), so a rule whose title drifts from the specification fails here.
describe('MON-008 metadata', () => {
  it('carries the RULES.md threshold and severity in its title', () => {
    expect(MON_008_REQUEST_LATENCY).toMatchObject({ id: 'MON-008', title: titleWith('100 ms', 'P99', 'warning') });
  });
});
