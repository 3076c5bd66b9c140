// SLO-004: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { staging, errorOf, STRIMZI, STATEFULSET, MSK } from './fixtures/slo-rules';

import { SLO_004_BURN_RATE_CAN_FIRE } from '../../lib/rules/slo-004-burn-rate-can-fire';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe.each([STRIMZI, STATEFULSET, MSK])('SLO-001 to SLO-004 on $name', (target) => {

    it('fails SLO-004 when an escape hatch makes a burn-rate alert unable to fire', () => {
      const built = target.build(staging());
      built.patchExpr('KafkaSLOConsumerLagBurnRatePage1h', (expr) => expr.replaceAll('(3.36 * 0.05)', '(30 * 0.05)'));
      expect(errorOf(built)).toContain(`SLO-004 [${built.path}] alert KafkaSLOConsumerLagBurnRatePage1h fires above an error ratio of 30 × 0.05 = 1.5; expected factor × (1 − objective) < 1`);
    });

    it('passes SLO-004 on the alerts as built', () => {
      const built = target.build(staging());
      built.synth();
      const entries = built.report().entries.filter((e) => e.ruleId === 'SLO-004');
      expect(entries.map((e) => [e.path, e.status])).toEqual([[built.path, 'compliant']]);
    });

    it('fails SLO-004 at a product of exactly 1, and shows the product rounded to 12 digits', () => {
      const exact = target.build(staging());
      exact.patchExpr('KafkaSLOConsumerLagBurnRatePage1h', (expr) => expr.replaceAll('(3.36 * 0.05)', '(20 * 0.05)'));
      expect(errorOf(exact)).toContain('alert KafkaSLOConsumerLagBurnRatePage1h fires above an error ratio of 20 × 0.05 = 1; expected');
      // 3 × 0.35 is 1.0499999999999998 in binary floating point: shown as 1.05.
      const rounded = target.build(staging());
      rounded.patchExpr('KafkaSLOConsumerLagBurnRatePage1h', (expr) => expr.replaceAll('(3.36 * 0.05)', '(3 * 0.35)'));
      expect(errorOf(rounded)).toContain('alert KafkaSLOConsumerLagBurnRatePage1h fires above an error ratio of 3 × 0.35 = 1.05; expected');
    });

    it('passes a product just under 1 (SLO-002 alone refuses the changed factor)', () => {
      const built = target.build(staging());
      built.patchExpr('KafkaSLOConsumerLagBurnRatePage1h', (expr) => expr.replaceAll('(3.36 * 0.05)', '(19.99 * 0.05)'));
      const error = errorOf(built);
      expect(error).toContain('SLO-002');
      expect(error).not.toContain('SLO-004');
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SLO_004_BURN_RATE_CAN_FIRE, 'SLO-004', ['strimzi', 'statefulset', 'msk']);
});
