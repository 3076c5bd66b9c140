// SLO-003: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { staging, production, defaultsWithout, errorOf, STRIMZI, STATEFULSET, MSK } from './fixtures/slo-rules';
import { RuleSuppressions } from '../../lib/rules/suppressions';

import { SLO_003_BROKER_AVAILABILITY } from '../../lib/rules/slo-003-broker-availability';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe.each([STRIMZI, STATEFULSET, MSK])('SLO-001 to SLO-004 on $name', (target) => {

    it('does not apply SLO-003 in staging (RULES.md has no staging objective)', () => {
      const built = target.build(staging());
      built.synth();
      expect(built.report().entries.find((e) => e.ruleId === 'SLO-003')!.status).toBe('not-applicable');
    });

    it('fails SLO-003 when production drops the broker-availability SLO, until a suppression gives the reason', () => {
      const built = target.build(production(), defaultsWithout('SLO-003'));
      expect(errorOf(built)).toContain(`SLO-003 [${built.path}] ${built.label} has no SLO-003 (broker-availability) burn-rate alert over 1h`);

      const suppressed = target.build(production(), defaultsWithout('SLO-003'));
      const reason = 'This cluster carries only replayable telemetry; availability is covered by the platform SLO.';
      RuleSuppressions.add(suppressed.scope, [{ id: 'SLO-003', reason, acknowledgeWholeScope: true }]);
      suppressed.synth();
      expect(suppressed.report().entries.filter((e) => e.ruleId === 'SLO-003').map((e) => [e.status, e.path, e.suppression?.reason])).toEqual([['suppressed', suppressed.path, reason]]);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SLO_003_BROKER_AVAILABILITY, 'SLO-003', ['strimzi', 'statefulset', 'msk']);
});
