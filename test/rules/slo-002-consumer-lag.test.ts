// SLO-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { production, errorOf, STRIMZI, STATEFULSET, MSK } from './fixtures/slo-rules';

import { SLO_002_CONSUMER_LAG } from '../../lib/rules/slo-002-consumer-lag';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe.each([STRIMZI, STATEFULSET, MSK])('SLO-001 to SLO-004 on $name', (target) => {

    it('fails SLO-002 when an escape hatch changes a burn factor', () => {
      const built = target.build(production());
      built.patchExpr('KafkaSLOConsumerLagBurnRatePage6h', (expr) => expr.replaceAll('(6 * 0.005)', '(12 * 0.005)'));
      expect(errorOf(built)).toContain(`SLO-002 [${built.path}] alert KafkaSLOConsumerLagBurnRatePage6h burns at 12x; expected 6x for a 30d period`);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SLO_002_CONSUMER_LAG, 'SLO-002', ['strimzi', 'statefulset', 'msk']);
});
