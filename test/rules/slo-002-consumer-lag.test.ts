// SLO-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { production, errorOf, itChecksTheSliThreshold, linesOf, STRIMZI, STATEFULSET, MSK } from './fixtures/slo-rules';
import { ServiceLevelIndicator } from '../../lib/model/monitoring/service-level-indicator';

import { SLO_002_CONSUMER_LAG } from '../../lib/rules/slo-002-consumer-lag';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe.each([STRIMZI, STATEFULSET, MSK])('SLO-001 to SLO-004 on $name', (target) => {

    // RULES.md, SLOs: SLO-002's SLI is max consumer lag < 10,000 messages, in production and in staging.
    itChecksTheSliThreshold(target, {
      id: 'SLO-002', slo: 'consumer-lag', bound: 10_000, stricter: 1_000,
      indicator: (messages) => ServiceLevelIndicator.maxConsumerLag(messages), summary: 'max consumer lag < 10000 messages',
    });

    it('fails SLO-002 when an escape hatch loosens the threshold of the budget SLI recording rule only', () => {
      const built = target.build(production());
      built.patchRecord('kafka_slo:sli_error:period_slice', 'consumer-lag', (expr) => expr.replace('> bool 10000)', '> bool 1e5)'));
      const lines = linesOf(errorOf(built), 'SLO-002', built.path);
      expect(lines).toEqual([expect.stringContaining('recording rule kafka_slo:sli_error:period_slice of SLO-002 (slo consumer-lag) counts a minute bad only above 100000; expected at most 10000')]);
    });

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
