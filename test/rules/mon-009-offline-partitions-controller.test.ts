// MON-009: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_009_OFFLINE_PARTITIONS_CONTROLLER } from '../../lib/rules/mon-009-offline-partitions-controller';
import { describe, expect, it } from 'vitest';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
import { titleWith } from './fixtures/metadata';

describeMonitoringRule(MON_009_OFFLINE_PARTITIONS_CONTROLLER, ['msk', 'strimzi', 'statefulset'], { alarmWeakenedBy: 1000 });

// The threshold, window and severity of MON-009 as the rules specification (RULES.md) gives them (the table of
// MON rules), so a rule whose title drifts from the specification fails here.
describe('MON-009 metadata', () => {
  it('carries the RULES.md threshold and severity in its title', () => {
    expect(MON_009_OFFLINE_PARTITIONS_CONTROLLER).toMatchObject({ id: 'MON-009', title: titleWith('Offline partitions > 0', '1m', 'critical') });
  });
});
