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
  });
});

describe('the rule', () => {
  itDescribesItself(SLO_004_BURN_RATE_CAN_FIRE, 'SLO-004', ['strimzi', 'statefulset', 'msk']);
});
