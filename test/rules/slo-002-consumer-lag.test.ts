// SLO-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { production, errorOf, itChecksTheSliThreshold, linesOf, STRIMZI, STATEFULSET, MSK } from './fixtures/slo-rules';
import { ServiceLevelIndicator } from '../../lib/model/monitoring/service-level-indicator';

import { SLO_002_CONSUMER_LAG } from '../../lib/rules/slo-002-consumer-lag';
import { itDescribesItself } from './fixtures/metadata';
import { kubernetes } from './fixtures/cap-documents';
import { findingsOf } from './fixtures/outcome';

describe('a rule document without the SLO', () => {
  it('reports every missing SLO-002 alert of production, naming the consumer-lag SLO', () => {
    const rules = kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', 'orders-kafka-alerts', { metadata: { labels: { 'kafka-iac.dev/cluster': 'orders' } }, spec: { groups: [] } });
    expect(findingsOf(SLO_002_CONSUMER_LAG, rules)).toEqual([
      { found: 'PrometheusRule orders-kafka-alerts has no SLO-002 (consumer-lag) burn-rate alert over 1h', expected: 'the Page1h alert (14.4x over 1h and 5m) for production' },
      { found: 'PrometheusRule orders-kafka-alerts has no SLO-002 (consumer-lag) burn-rate alert over 6h', expected: 'the Page6h alert (6x over 6h and 30m) for production' },
      { found: 'PrometheusRule orders-kafka-alerts has no SLO-002 (consumer-lag) burn-rate alert over 1d', expected: 'the Ticket1d alert (3x over 1d and 2h) for production' },
      { found: 'PrometheusRule orders-kafka-alerts has no SLO-002 (consumer-lag) burn-rate alert over 3d', expected: 'the Ticket3d alert (1x over 3d and 6h) for production' },
      { found: 'PrometheusRule orders-kafka-alerts has no SLO-002 alert on less than 50% error budget remaining', expected: 'budget-remaining alerts below 50% (warning) and 20% (critical)' },
      { found: 'PrometheusRule orders-kafka-alerts has no SLO-002 alert on less than 20% error budget remaining', expected: 'budget-remaining alerts below 50% (warning) and 20% (critical)' },
    ]);
  });
});

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
