// MON-003: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_003_CONSUMER_LAG_CRITICAL } from '../../lib/rules/mon-003-consumer-lag-critical';
import { describe, expect, it } from 'vitest';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
import { titleWith } from './fixtures/metadata';

describeMonitoringRule(MON_003_CONSUMER_LAG_CRITICAL, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });

// The threshold, window and severity of MON-003 as the rules specification (RULES.md) gives them (the table of
// MON rules), so a rule whose title drifts from the specification fails here.
describe('MON-003 metadata', () => {
  it('carries the RULES.md threshold and severity in its title', () => {
    expect(MON_003_CONSUMER_LAG_CRITICAL).toMatchObject({ id: 'MON-003', title: titleWith('100,000', '5m', 'critical') });
  });
});
