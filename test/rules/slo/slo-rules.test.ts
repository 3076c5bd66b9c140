import { JsonPatch, Testing as Cdk8sTesting } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../../lib/core/environment';
import { KafkaChart } from '../../../lib/kubernetes/kafka-chart';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../../lib/monitoring/kafka-prometheus-monitoring';
import { PrometheusDuration } from '../../../lib/monitoring/prometheus-duration';
import { ServiceLevelIndicator } from '../../../lib/monitoring/service-level-indicator';
import { ServiceLevelObjective } from '../../../lib/monitoring/service-level-objective';
import { RuleRegistry } from '../../../lib/rules/registry';

const SLO_RULES = RuleRegistry.all().filter((r) => r.id.startsWith('SLO-'));
const PATH = 'kafka/Monitoring/Resource';

function chart(environment: Environment, slos?: ServiceLevelObjective[]) {
  const app = Cdk8sTesting.app();
  const c = new KafkaChart(app, 'kafka', { environment, rules: SLO_RULES });
  const monitoring = new KafkaPrometheusMonitoring(c, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, slos });
  return { app, chart: c, monitoring };
}

const production = () => Environment.production({ name: 'production', region: 'us-east-1' });
const staging = () => Environment.staging({ name: 'staging', region: 'us-east-1' });

function errorOf(app: ReturnType<typeof Cdk8sTesting.app>): string {
  try { app.synth(); } catch (e) { return String((e as Error).message); }
  throw new Error('synthesis did not fail');
}

/** The index of an alert in the PrometheusRule, for JSON patches. */
function locate(m: KafkaPrometheusMonitoring, alert: string): { g: number; r: number; expr: string } {
  const groups = (m.resource.toJson() as any).spec.groups;
  for (let g = 0; g < groups.length; g++) {
    const r = groups[g].rules.findIndex((x: any) => x.alert === alert);
    if (r >= 0) return { g, r, expr: groups[g].rules[r].expr };
  }
  throw new Error(alert);
}

describe('SLO-001 to SLO-003', () => {
  it('passes SLO-001, 002 and 003 in production with the default SLOs', () => {
    const { app, chart: c } = chart(production());
    app.synth();
    expect(c.complianceReport.entries.filter((e) => e.status === 'compliant').map((e) => e.ruleId)).toEqual(['SLO-001', 'SLO-002', 'SLO-003', 'SLO-004']);
  });

  it('does not apply SLO-003 in staging (RULES.md has no staging objective)', () => {
    const { app, chart: c } = chart(staging());
    app.synth();
    expect(c.complianceReport.entries.find((e) => e.ruleId === 'SLO-003')!.status).toBe('not-applicable');
  });

  it('fails SLO-003 when production drops the broker-availability SLO', () => {
    const { app } = chart(production(), ServiceLevelObjective.defaultsFor(production().profile).filter((s) => s.id !== 'SLO-003'));
    const message = errorOf(app);
    expect(message).toContain(`SLO-003 [${PATH}] PrometheusRule orders-kafka-alerts has no SLO-003 (broker-availability) burn-rate alert over 1h`);
  });

  it('fails SLO-001 when production declares a weaker objective (99.0% instead of 99.9%)', () => {
    const weaker = new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99, period: PrometheusDuration.days(30) });
    const slos = [weaker, ...ServiceLevelObjective.defaultsFor(production().profile).filter((s) => s.id !== 'SLO-001')];
    expect(errorOf(chart(production(), slos).app)).toContain(`SLO-001 [${PATH}] alert KafkaSLOMessageDeliveryBurnRatePage1h has an error budget of 0.01 (objective 99%); expected at most 0.001 (objective 99.9% or stricter)`);
  });

  it('fails SLO-002 when a JSON patch changes a burn factor', () => {
    const { app, monitoring } = chart(production());
    const { g, r, expr } = locate(monitoring, 'KafkaSLOConsumerLagBurnRatePage6h');
    monitoring.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, expr.replaceAll('(6 * 0.005)', '(12 * 0.005)')));
    expect(errorOf(app)).toContain(`SLO-002 [${PATH}] alert KafkaSLOConsumerLagBurnRatePage6h burns at 12x; expected 6x for a 30d period`);
  });
});

describe('SLO-004', () => {
  it('fails SLO-004 when a JSON patch makes a burn-rate alert unable to fire', () => {
    const { app, monitoring } = chart(staging());
    const { g, r, expr } = locate(monitoring, 'KafkaSLOConsumerLagBurnRatePage1h');
    monitoring.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, expr.replaceAll('(3.36 * 0.05)', '(30 * 0.05)')));
    expect(errorOf(app)).toContain(`SLO-004 [${PATH}] alert KafkaSLOConsumerLagBurnRatePage1h fires above an error ratio of 30 × 0.05 = 1.5; expected factor × (1 − objective) < 1`);
  });
});
