// SLO-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { production, staging, errorOf, defaultsWithIndicator, linesOf, STRIMZI, STATEFULSET, MSK } from './fixtures/slo-rules';
import { ServiceLevelIndicator } from '../../lib/model/monitoring/service-level-indicator';

import { SLO_002_CONSUMER_LAG } from '../../lib/rules/slo-002-consumer-lag';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe.each([STRIMZI, STATEFULSET, MSK])('SLO-001 to SLO-004 on $name', (target) => {

    // RULES.md, SLOs: SLO-002's SLI is max consumer lag < 10,000 messages, in production and in staging.
    for (const [profile, environmentOf] of [['production', production], ['staging', staging]] as const) {
      it(`passes SLO-002 in ${profile} with the table's 10,000-message lag threshold and with a stricter 1,000`, () => {
        for (const messages of [10_000, 1_000]) {
          const environment = environmentOf();
          const built = target.build(environment, defaultsWithIndicator(environment, 'SLO-002', ServiceLevelIndicator.maxConsumerLag(messages)));
          built.synth();
          expect(built.report().entries.filter((e) => e.ruleId === 'SLO-002').map((e) => [e.status, e.path])).toEqual([['compliant', built.path]]);
        }
      });

      it(`fails SLO-002 with the full messages when ${profile} declares a looser lag threshold (10,001 messages)`, () => {
        const environment = environmentOf();
        const built = target.build(environment, defaultsWithIndicator(environment, 'SLO-002', ServiceLevelIndicator.maxConsumerLag(10_001)));
        const lines = linesOf(errorOf(built), 'SLO-002', built.path);
        for (const record of ['kafka_slo:sli_error', 'kafka_slo:sli_error:period_slice']) {
          expect(lines).toContainEqual(expect.stringContaining(`SLO-002 [${built.path}] recording rule ${record} of SLO-002 (slo consumer-lag) counts a minute bad only above 10001; expected at most 10000: the SLI of ${profile} is max consumer lag < 10000 messages. Declare SLO-002 with its default indicator (max consumer lag < 10000 messages) or a stricter threshold, and remove any escape hatch that rewrites the recording rule.`));
        }
        expect(lines).toHaveLength(2);
      });
    }

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
