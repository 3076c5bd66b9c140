import { describe, expect, it } from 'vitest';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { jmxExporterMetrics } from '../../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../../lib/model/monitoring/prometheus-duration';
import { ServiceLevelIndicator } from '../../../lib/model/monitoring/service-level-indicator';
import { BURN_RATE_WINDOWS, burnFactor, ServiceLevelObjective, SLO_RATIO_WINDOWS } from '../../../lib/model/monitoring/service-level-objective';

const id = { cluster: 'main', environment: 'production', region: 'us-east-1', namespace: 'kafka' };
const metrics = jmxExporterMetrics(id, { pvcClusterLabel: 'label_kafka_iac_dev_cluster', certificates: 'strimzi' });
const slo = (objectivePercent: number, period = PrometheusDuration.days(30), extra: object = {}) => new ServiceLevelObjective({
  id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent, period, ...extra,
});

describe('SLO burn-rate math', () => {
  it('gives the SRE workbook factors 14.4, 6, 3 and 1 for a 30-day period', () => {
    expect(BURN_RATE_WINDOWS.map((w) => burnFactor(w, PrometheusDuration.days(30)))).toEqual([14.4, 6, 3, 1]);
    expect(BURN_RATE_WINDOWS.map((w) => [w.long.toString(), w.short.toString()])).toEqual([['1h', '5m'], ['6h', '30m'], ['1d', '2h'], ['3d', '6h']]);
  });

  it('scales the factors for a 7-day period so each alert spends the same budget share (3.36, 1.4, 0.7, 0.2333)', () => {
    const f = BURN_RATE_WINDOWS.map((w) => burnFactor(w, PrometheusDuration.days(7)));
    expect(f).toEqual([3.36, 1.4, 0.7, 0.233333333333]);
    // share = factor × long window ÷ period: the same 2%, 5%, 10%, 10% as for 30 days
    BURN_RATE_WINDOWS.forEach((w, i) => expect(f[i] * w.long.totalSeconds / PrometheusDuration.days(7).totalSeconds).toBeCloseTo(w.budgetShare, 9));
  });

  it('uses the RULES.md objectives and periods per environment', () => {
    const show = (p: EnvironmentProfile) => ServiceLevelObjective.defaultsFor(p).map((s) => `${s.id} ${s.name} ${s.objectivePercent}% ${s.period}`);
    expect(show(EnvironmentProfile.PRODUCTION)).toEqual(['SLO-001 message-delivery 99.9% 30d', 'SLO-002 consumer-lag 99.5% 30d', 'SLO-003 broker-availability 99.9% 30d']);
    expect(show(EnvironmentProfile.STAGING)).toEqual(['SLO-001 message-delivery 99% 7d', 'SLO-002 consumer-lag 95% 7d']);
    expect(show(EnvironmentProfile.DEVELOPMENT)).toEqual(['SLO-001 message-delivery 95% 7d', 'SLO-002 consumer-lag 90% 7d']);
  });

  it('gives a new list each call, so that changing one list changes no later one (the objectives are made once per profile)', () => {
    const first = ServiceLevelObjective.defaultsFor(EnvironmentProfile.PRODUCTION);
    first.pop();
    first.push(slo(99));
    const second = ServiceLevelObjective.defaultsFor(EnvironmentProfile.PRODUCTION);
    expect(second).not.toBe(first);
    expect(second.map((s) => `${s.id} ${s.objectivePercent}`)).toEqual(['SLO-001 99.9', 'SLO-002 99.5', 'SLO-003 99.9']);
  });

  it('records the error ratio over 5m, 30m, 1h, 2h, 6h, 1d, 3d and the whole period, and the budget remaining', () => {
    const [g, b] = slo(99.9).ruleGroups(id, metrics);
    expect(g.recordingRules.map((r) => r.record)).toEqual([
      'kafka_slo:sli_error',
      ...SLO_RATIO_WINDOWS.map((w) => `kafka_slo:sli_error:ratio_rate${w}`),
    ]);
    expect(SLO_RATIO_WINDOWS.map((w) => w.toString())).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d']);
    expect(b.recordingRules.map((r) => r.record)).toEqual(['kafka_slo:sli_error:period_slice', 'kafka_slo:sli_error:ratio_rate30d', 'kafka_slo:error_budget:remaining']);
    expect(g.recordingRules[0].expr).toBe('(max(kafka_network_requestmetrics_totaltimems{kafka_cluster="main",environment="production",kafka_role="kafka",quantile="0.99",request="Produce",request=~"Produce|FetchConsumer"}) > bool 100) or on() vector(1)');
    expect(b.recordingRules[1].expr).toBe('avg_over_time(kafka_slo:sli_error:period_slice{slo="message-delivery",kafka_cluster="main",environment="production"}[30d])');
    expect(b.recordingRules[2].expr).toContain('/ 0.001');
  });

  it('pages on 14.4x over 1h and 5m, and warns below 50% and pages below 20% of the budget', () => {
    const g = slo(99.9).ruleGroups(id, metrics).flatMap((x) => x.alerts);
    const page = g.find((a) => a.alert === 'KafkaSLOMessageDeliveryBurnRatePage1h')!;
    expect(page.expr).toBe('kafka_slo:sli_error:ratio_rate1h{slo="message-delivery",kafka_cluster="main",environment="production"} > (14.4 * 0.001) and kafka_slo:sli_error:ratio_rate5m{slo="message-delivery",kafka_cluster="main",environment="production"} > (14.4 * 0.001)');
    expect(page.severity).toBe('critical');
    expect(g.find((a) => a.alert.endsWith('Ticket3d'))!.severity).toBe('warning');
    expect(g.find((a) => a.alert.endsWith('ErrorBudgetLow'))!.expr).toMatch(/< 0\.5$/);
    expect(g.find((a) => a.alert.endsWith('ErrorBudgetCritical'))!.expr).toMatch(/< 0\.2$/);
  });

  it('gives every burn-rate alert an outage that is quiet below the threshold and fires above it, every budget alert a series that is quiet below the threshold and fires above it, and one steady below-ticket-rate scenario checked against all four', () => {
    const [g, b] = slo(99.9).ruleGroups(id, metrics);
    // The burn-rate alerts check quiet earlier in their firing outage (one run instead of two).
    for (const a of g.alerts) {
      const [outage] = a.scenarios;
      expect(outage.firing).toHaveLength(1);
      expect(outage.quietBefore).toHaveLength(1);
      expect(outage.quietBefore![0].totalSeconds).toBeLessThan(outage.evalTime.totalSeconds);
    }
    // The budget alerts check quiet earlier in their firing series (one run of thousands of evaluations instead of two).
    for (const a of b.alerts) {
      expect(a.scenarios).toHaveLength(1);
      const [s] = a.scenarios;
      expect(s.firing).toHaveLength(1);
      expect(s.quietBefore).toHaveLength(1);
      expect(s.quietBefore![0].totalSeconds).toBeLessThan(s.evalTime.totalSeconds);
    }
    const steady = g.alerts.find((a) => a.alert.endsWith('Ticket3d'))!.scenarios.find((s) => s.alsoQuiet)!;
    expect(steady.alsoQuiet).toEqual(['KafkaSLOMessageDeliveryBurnRatePage1h', 'KafkaSLOMessageDeliveryBurnRatePage6h', 'KafkaSLOMessageDeliveryBurnRateTicket1d']);
  });
});

describe('SLO bad input', () => {
  it.each([0, 100, -5, 101])('refuses objective %s outside (0, 100), naming the SLO and the fix', (o) => {
    expect(() => slo(o)).toThrow(/SLO-001 \[ServiceLevelObjective message-delivery\] objectivePercent is -?\d+; expected a percentage strictly between 0 and 100\. Set objectivePercent/);
  });

  it('fails SLO-004 when a 14.4x page on a 90% objective could never fire', () => {
    expect(() => slo(90)).toThrow(/SLO-004 \[ServiceLevelObjective message-delivery\] Page1h burn factor is 14\.4; expected factor × \(1 − objective\) < 1; 14\.4 × 0\.1 = 1\.44/);
    expect(() => slo(90)).toThrow(/Raise objectivePercent above 93\.0555/);
  });

  it('accepts 90% over 7 days, where the largest factor is 3.36 (3.36 × 0.1 < 1)', () => {
    expect(() => slo(90, PrometheusDuration.days(7))).not.toThrow();
  });

  it('refuses a burn-rate window shorter than the alert\'s for', () => {
    expect(() => slo(99.9, PrometheusDuration.days(30), { burnRateFor: PrometheusDuration.minutes(10) }))
      .toThrow(/SLO-001 \[ServiceLevelObjective message-delivery\] burnRateFor is '10m'; expected no longer than the 5m short window of the Page1h alert/);
  });

  it.each(['message_delivery', 'message--delivery', 'message-delivery-', 'Message-delivery', '-delivery'])('refuses the name %s: alert names are built from its dash-separated words', (name) => {
    expect(() => new ServiceLevelObjective({ id: 'SLO-001', name, indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99.9, period: PrometheusDuration.days(30) }))
      .toThrow(`SLO-001 [ServiceLevelObjective ${name}] name is '${name}'; expected lower-case letters and digits in words joined by single dashes. Name the SLO like 'message-delivery'.`);
  });

  it('refuses a period shorter than the longest burn-rate window', () => {
    expect(() => slo(99.9, PrometheusDuration.days(1))).toThrow(/SLO-001 .* period is '1d'; expected at least 3d/);
  });
});
