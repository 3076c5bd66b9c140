import { App, JsonPatch, Testing as Cdk8sTesting } from 'cdk8s';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { KafkaStack } from '../../../lib/app/kafka-stack';
import { ClientNetwork } from '../../../lib/model/client-network';
import { Environment, EnvironmentProfile } from '../../../lib/model/environment';
import { MskCloudWatchAlarms } from '../../../lib/targets/msk/msk-cloudwatch-alarms';
import { mskStack, synthError as mskSynthError, synthJson } from '../../support/msk-stack';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { KafkaStatefulSetCluster } from '../../../lib/targets/statefulset/kafka-statefulset-cluster';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskPrometheusMonitoring } from '../../../lib/targets/msk/msk-prometheus-monitoring';
import { PrometheusDuration } from '../../../lib/model/monitoring/prometheus-duration';
import { ServiceLevelIndicator } from '../../../lib/model/monitoring/service-level-indicator';
import { ServiceLevelObjective } from '../../../lib/model/monitoring/service-level-objective';
import { RuleRegistry } from '../../../lib/rules/registry';
import type { ComplianceReport } from '../../../lib/rules/report';
import { RuleSuppressions } from '../../../lib/rules/suppressions';
import { KMS_KEY as STATEFULSET_KMS_KEY } from '../../support/statefulset-fixture';

const SLO_RULES = RuleRegistry.all().filter((r) => r.id.startsWith('SLO-'));

const production = () => Environment.production({ name: 'production', region: 'us-east-1' });
const staging = () => Environment.staging({ name: 'staging', region: 'us-east-1' });

/** One synthesis of a cluster's rule document with the SLO rules only. */
interface Built {
  /** The construct path of the rule document the SLO rules report against. */
  readonly path: string;
  /** How findings name the document. */
  readonly label: string;
  /** Synthesizes with the rules on (throws on an error). */
  synth(): void;
  report(): ComplianceReport;
  /** An escape hatch on the synthesized rule document: the expression of one alert, rewritten. */
  patchExpr(alert: string, change: (expr: string) => string): void;
  /** Where a suppression goes. */
  readonly scope: KafkaChart | KafkaStack;
}

interface SloTarget {
  readonly name: string;
  build(environment: Environment, slos?: ServiceLevelObjective[]): Built;
}

/** The (group, rule) index of an alert in rendered groups. */
function locate(groups: readonly { rules: readonly Record<string, any>[] }[], alert: string): { g: number; r: number; expr: string } {
  for (let g = 0; g < groups.length; g++) {
    const r = groups[g].rules.findIndex((x) => x.alert === alert);
    if (r >= 0) return { g, r, expr: groups[g].rules[r].expr };
  }
  throw new Error(`no alert ${alert}`);
}

function kubernetesBuilt(app: App, chart: KafkaChart, monitoring: KafkaPrometheusMonitoring): Built {
  return {
    path: 'kafka/Monitoring/Resource', label: 'PrometheusRule orders-kafka-alerts', scope: chart,
    synth: () => app.synth(),
    report: () => chart.complianceReport,
    patchExpr(alert, change) {
      const { g, r, expr } = locate((monitoring.resource.toJson() as any).spec.groups, alert);
      monitoring.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, change(expr)));
    },
  };
}

const STRIMZI: SloTarget = {
  name: 'Strimzi (PrometheusRule)',
  build(environment, slos) {
    const app = Cdk8sTesting.app();
    const chart = new KafkaChart(app, 'kafka', { environment, rules: SLO_RULES });
    const m = new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, slos });
    return kubernetesBuilt(app, chart, m);
  },
};

const STATEFULSET: SloTarget = {
  name: 'StatefulSet (PrometheusRule)',
  build(environment, slos) {
    const app = Cdk8sTesting.app();
    const chart = new KafkaChart(app, 'kafka', { environment, rules: SLO_RULES });
    new KafkaStatefulSetCluster(chart, 'Kafka', {
      clusterName: 'orders', kmsKeyId: STATEFULSET_KMS_KEY, admins: ['platform-admin'],
      clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
    });
    const m = new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 6, slos });
    return kubernetesBuilt(app, chart, m);
  },
};

const MSK: SloTarget = {
  name: 'MSK open monitoring (terraform_data rules artefact)',
  build(environment, slos) {
    const stack = new KafkaStack(Testing.app(), environment.name, { environment, rules: SLO_RULES });
    const m = new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: 'orders', brokers: 3, slos });
    const id = m.rulesArtefact.friendlyUniqueId;
    return {
      path: `${environment.name}/Monitoring/PrometheusRules`, label: `terraform_data.${id}`, scope: stack,
      synth: () => { Testing.synth(stack, true); },
      report: () => stack.complianceReport,
      patchExpr(alert, change) {
        const { g, r, expr } = locate(JSON.parse(Testing.synth(stack)).resource.terraform_data[id].input.groups, alert);
        m.rulesArtefact.addOverride(`input.groups.${g}.rules.${r}.expr`, change(expr));
      },
    };
  },
};

function errorOf(built: Built): string {
  try { built.synth(); } catch (e) { return String((e as Error).message); }
  throw new Error('synthesis did not fail');
}

const defaultsWithout = (id: string) => ServiceLevelObjective.defaultsFor(production().profile).filter((s) => s.id !== id);

describe.each([STRIMZI, STATEFULSET, MSK])('SLO-001 to SLO-004 on $name', (target) => {
  it('passes SLO-001, 002, 003 and 004 in production with the default SLOs, on the rule document', () => {
    const built = target.build(production());
    built.synth();
    expect(built.report().entries.filter((e) => e.status !== 'not-applicable').map((e) => [e.ruleId, e.status, e.path])).toEqual(
      ['SLO-001', 'SLO-002', 'SLO-003', 'SLO-004'].map((id) => [id, 'compliant', built.path]),
    );
  });

  it('does not apply SLO-003 in staging (RULES.md has no staging objective)', () => {
    const built = target.build(staging());
    built.synth();
    expect(built.report().entries.find((e) => e.ruleId === 'SLO-003')!.status).toBe('not-applicable');
  });

  it('fails SLO-001, 002 and 003 when production declares no SLO at all', () => {
    const built = target.build(production(), []);
    const message = errorOf(built);
    for (const [id, name] of [['SLO-001', 'message-delivery'], ['SLO-002', 'consumer-lag'], ['SLO-003', 'broker-availability']]) {
      expect(message).toContain(`${id} [${built.path}] ${built.label} has no ${id} (${name}) burn-rate alert over 1h`);
      expect(message).toContain(`${id} [${built.path}] ${built.label} has no ${id} alert on less than 50% error budget remaining`);
    }
  });

  it('fails SLO-003 when production drops the broker-availability SLO, until a suppression gives the reason', () => {
    const built = target.build(production(), defaultsWithout('SLO-003'));
    expect(errorOf(built)).toContain(`SLO-003 [${built.path}] ${built.label} has no SLO-003 (broker-availability) burn-rate alert over 1h`);

    const suppressed = target.build(production(), defaultsWithout('SLO-003'));
    const reason = 'This cluster carries only replayable telemetry; availability is covered by the platform SLO.';
    RuleSuppressions.add(suppressed.scope, [{ id: 'SLO-003', reason }]);
    suppressed.synth();
    expect(suppressed.report().entries.filter((e) => e.ruleId === 'SLO-003').map((e) => [e.status, e.path, e.suppression?.reason])).toEqual([['suppressed', suppressed.path, reason]]);
  });

  it('fails SLO-001 when production declares a weaker objective (99.0% instead of 99.9%)', () => {
    const weaker = new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99, period: PrometheusDuration.days(30) });
    const built = target.build(production(), [weaker, ...defaultsWithout('SLO-001')]);
    expect(errorOf(built)).toContain(`SLO-001 [${built.path}] alert KafkaSLOMessageDeliveryBurnRatePage1h has an error budget of 0.01 (objective 99%); expected at most 0.001 (objective 99.9% or stricter)`);
  });

  it('fails SLO-002 when an escape hatch changes a burn factor', () => {
    const built = target.build(production());
    built.patchExpr('KafkaSLOConsumerLagBurnRatePage6h', (expr) => expr.replaceAll('(6 * 0.005)', '(12 * 0.005)'));
    expect(errorOf(built)).toContain(`SLO-002 [${built.path}] alert KafkaSLOConsumerLagBurnRatePage6h burns at 12x; expected 6x for a 30d period`);
  });

  it('fails SLO-004 when an escape hatch makes a burn-rate alert unable to fire', () => {
    const built = target.build(staging());
    built.patchExpr('KafkaSLOConsumerLagBurnRatePage1h', (expr) => expr.replaceAll('(3.36 * 0.05)', '(30 * 0.05)'));
    expect(errorOf(built)).toContain(`SLO-004 [${built.path}] alert KafkaSLOConsumerLagBurnRatePage1h fires above an error ratio of 30 × 0.05 = 1.5; expected factor × (1 − objective) < 1`);
  });
});

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
