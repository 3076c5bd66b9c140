// SLO-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { production, errorOf, defaultsWithout, itChecksTheSliThreshold, linesOf, STRIMZI, STATEFULSET, MSK } from './fixtures/slo-rules';
import { ServiceLevelObjective } from '../../lib/model/monitoring/service-level-objective';
import { ServiceLevelIndicator } from '../../lib/model/monitoring/service-level-indicator';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { synthError as mskSynthError, synthJson, mskStack } from '../support/msk-stack';
import { EnvironmentProfile } from '../../lib/model/environment';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';

import { SLO_001_MESSAGE_DELIVERY } from '../../lib/rules/slo-001-message-delivery';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe.each([STRIMZI, STATEFULSET, MSK])('SLO-001 to SLO-004 on $name', (target) => {
    it('passes SLO-001, 002, 003 and 004 in production with the default SLOs, on the rule document', () => {
      const built = target.build(production());
      built.synth();
      expect(built.report().entries.filter((e) => e.status !== 'not-applicable').map((e) => [e.ruleId, e.status, e.path])).toEqual(
        ['SLO-001', 'SLO-002', 'SLO-003', 'SLO-004'].map((id) => [id, 'compliant', built.path]),
      );
    });

    it('fails SLO-001, 002 and 003 when production declares no SLO at all', () => {
      const built = target.build(production(), []);
      const message = errorOf(built);
      for (const [id, name] of [['SLO-001', 'message-delivery'], ['SLO-002', 'consumer-lag'], ['SLO-003', 'broker-availability']]) {
        expect(message).toContain(`${id} [${built.path}] ${built.label} has no ${id} (${name}) burn-rate alert over 1h`);
        expect(message).toContain(`${id} [${built.path}] ${built.label} has no ${id} alert on less than 50% error budget remaining`);
      }
    });

    // RULES.md, SLOs: SLO-001's SLI is produce request latency p99 < 100 ms, in production and in staging.
    itChecksTheSliThreshold(target, {
      id: 'SLO-001', slo: 'message-delivery', bound: 100, stricter: 50,
      indicator: (ms) => ServiceLevelIndicator.produceLatencyP99(ms), summary: 'produce request latency P99 < 100 ms',
    });

    it('fails SLO-001 when an escape hatch loosens the threshold of the burn-rate SLI recording rule only', () => {
      const built = target.build(production());
      built.patchRecord('kafka_slo:sli_error', 'message-delivery', (expr) => expr.replace('> bool 100)', '> bool 250)'));
      const lines = linesOf(errorOf(built), 'SLO-001', built.path);
      expect(lines).toEqual([expect.stringContaining('recording rule kafka_slo:sli_error of SLO-001 (slo message-delivery) counts a minute bad only above 250; expected at most 100')]);
    });

    it('fails SLO-001 when an escape hatch rewrites the SLI so that missing data no longer counts as bad', () => {
      const built = target.build(production());
      built.patchRecord('kafka_slo:sli_error:period_slice', 'message-delivery', (expr) => expr.replace(' or on() vector(1)', ''));
      expect(errorOf(built)).toMatch(/SLO-001 \[[^\]]+\] recording rule kafka_slo:sli_error:period_slice of SLO-001 \(slo message-delivery\) is '\(max\(.+\) > bool 100\)'; expected '\(<indicator> > bool <threshold>\) or on\(\) vector\(1\)': a minute is bad above the threshold, and a minute without data is bad/);
    });

    it('fails SLO-001 when an escape hatch renames the SLI recording rule its alerts read', () => {
      const built = target.build(production());
      built.renameRecord('kafka_slo:sli_error', 'message-delivery', 'kafka_slo:sli_error_renamed');
      expect(errorOf(built)).toContain(`SLO-001 [${built.path}] ${built.label} has no kafka_slo:sli_error recording rule for SLO-001 (slo message-delivery), which its alerts read; expected the SLI slice '(<indicator> > bool 100) or on() vector(1)'`);
    });

    it('fails SLO-001 when production declares a weaker objective (99.0% instead of 99.9%)', () => {
      const weaker = new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99, period: PrometheusDuration.days(30) });
      const built = target.build(production(), [weaker, ...defaultsWithout('SLO-001')]);
      expect(errorOf(built)).toContain(`SLO-001 [${built.path}] alert KafkaSLOMessageDeliveryBurnRatePage1h has an error budget of 0.01 (objective 99%); expected at most 0.001 (objective 99.9% or stricter)`);
    });
  });
});

describe('MSK', () => {
  describe('an MSK cluster needs its open-monitoring SLOs (CloudWatch alarms cannot express burn rates)', () => {
    /** A production MSK cluster with its CloudWatch alarms (MON holds), and the SLO rules in force. */
    function mskWithAlarms(options: { readonly openMonitoring: boolean; readonly profile?: EnvironmentProfile }) {
      const { stack, cluster } = mskStack({ profile: options.profile, enforceMonitoringRules: true });
      new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: cluster.brokers });
      if (options.openMonitoring) new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: cluster.clusterName, brokers: cluster.brokers });
      return { stack, cluster };
    }

    it('stops synthesis with SLO-001, 002 and 003 on the cluster when only CloudWatch alarms watch it', () => {
      const { stack } = mskWithAlarms({ openMonitoring: false });
      const message = mskSynthError(stack);
      for (const [id, name] of [['SLO-001', 'message-delivery'], ['SLO-002', 'consumer-lag'], ['SLO-003', 'broker-availability']]) {
        expect(message).toContain(`${id} [production/Kafka/Resource] MSK cluster production-kafka has no Prometheus rule groups, so its ${id} (${name}) SLO is not watched`);
      }
      expect(message).not.toMatch(/MON-0\d\d \[/);
    });

    it('passes on the cluster once MskPrometheusMonitoring writes its rule groups', () => {
      const { stack } = mskWithAlarms({ openMonitoring: true });
      synthJson(stack);
      const onCluster = stack.complianceReport.entries.filter((e) => e.ruleId.startsWith('SLO-') && e.path === 'production/Kafka/Resource');
      expect(onCluster.map((e) => [e.ruleId, e.status])).toEqual([['SLO-001', 'compliant'], ['SLO-002', 'compliant'], ['SLO-003', 'compliant']]);
    });

    it('asks staging for its two SLOs only', () => {
      const { stack } = mskWithAlarms({ openMonitoring: false, profile: EnvironmentProfile.STAGING });
      const message = mskSynthError(stack);
      expect(message).toContain('SLO-001 [staging/Kafka/Resource]');
      expect(message).toContain('SLO-002 [staging/Kafka/Resource]');
      expect(message).not.toContain('SLO-003 [');
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SLO_001_MESSAGE_DELIVERY, 'SLO-001', ['strimzi', 'statefulset', 'msk']);
});
