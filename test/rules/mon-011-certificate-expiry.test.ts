// MON-011: every target that carries the rule (the cluster's generated monitoring), the missing
// monitoring, and a weakened alert or alarm, each reported at the cluster document
// (test/rules/fixtures/describe-monitoring-rule.ts).
import { MON_011_CERTIFICATE_EXPIRY } from '../../lib/rules/mon-011-certificate-expiry';
import { describe, expect, it } from 'vitest';
import { describeMonitoringRule } from './fixtures/describe-monitoring-rule';
import { titleWith } from './fixtures/metadata';

describeMonitoringRule(MON_011_CERTIFICATE_EXPIRY, ['strimzi', 'statefulset'], { notApplicable: 'AWS manages the broker certificates' });

// The threshold, window and severity of MON-011 as the rules specification (RULES.md) gives them (the table of
// MON rules), so a rule whose title drifts from the specification fails here.
describe('MON-011 metadata', () => {
  it('carries the RULES.md threshold and severity in its title', () => {
    expect(MON_011_CERTIFICATE_EXPIRY).toMatchObject({ id: 'MON-011', title: titleWith('< 30 days', 'warning') });
  });
});
