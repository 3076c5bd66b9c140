import { ApiObject, JsonPatch, Testing as Cdk8sTesting } from 'cdk8s';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { MskCloudWatchAlarms } from '../../../lib/aws/cloudwatch/msk-cloudwatch-alarms';
import { KafkaStack } from '../../../lib/aws/kafka-stack';
import { Environment } from '../../../lib/core/environment';
import { KafkaChart } from '../../../lib/kubernetes/kafka-chart';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../../lib/monitoring/kafka-prometheus-monitoring';
import { TerraformResource } from 'cdktf';
import { RuleRegistry } from '../../../lib/rules/registry';
import { RuleSuppressions } from '../../../lib/rules/suppressions';

const MON_RULES = RuleRegistry.all().filter((r) => r.id.startsWith('MON-'));

/** A Strimzi `Kafka` stand-in: the MON rules read only its kind, group and name. */
function strimziChart(monitoring: boolean, props: Partial<ConstructorParameters<typeof KafkaPrometheusMonitoring>[2]> = {}) {
  const app = Cdk8sTesting.app();
  const chart = new KafkaChart(app, 'kafka', { environment: Environment.production({ name: 'production', region: 'us-east-1' }), rules: MON_RULES });
  new ApiObject(chart, 'Kafka', { apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'orders' }, spec: {} });
  const m = monitoring ? new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, ...props }) : undefined;
  return { app, chart, monitoring: m };
}

/** An `aws_msk_cluster` stand-in with the attributes the MON rules read. */
function mskStack(alarms: boolean, props: Partial<ConstructorParameters<typeof MskCloudWatchAlarms>[2]> = {}) {
  const stack = new KafkaStack(Testing.app(), 'production', { environment: Environment.production({ name: 'production', region: 'us-east-1' }), rules: MON_RULES });
  new TerraformResource(stack, 'Kafka', { terraformResourceType: 'aws_msk_cluster' }).addOverride('cluster_name', 'orders-msk');
  (stack.node.findChild('Kafka') as TerraformResource).addOverride('number_of_broker_nodes', 3);
  const a = alarms ? new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: 'orders-msk', brokers: 3, ...props }) : undefined;
  return { stack, alarms: a };
}

function warnings(report: { warnings(): readonly { ruleId: string; path: string; findings: readonly { found: string }[] }[] }) {
  return report.warnings().map((w) => `${w.ruleId} [${w.path}] ${w.findings.map((f) => f.found).join('; ')}`);
}

/**
 * The MON rules are errors: synthesis stops. Returns `<rule> [<path>] <found>` for each MON
 * violation line of the error, and fails when synthesis passes.
 */
function violations(synthesize: () => unknown): string[] {
  try {
    synthesize();
  } catch (e) {
    const message = (e as Error).message;
    return [...message.matchAll(/(MON-\d{3}) \[([^\]]+)\] (.*?); expected /g)].map((m) => `${m[1]} [${m[2]}] ${m[3]}`);
  }
  throw new Error('expected synthesis to stop with MON violations, but it passed');
}

describe('MON rules on Strimzi', () => {
  it('passes MON-001 to MON-012 when the cluster has its generated PrometheusRule', () => {
    const { app, chart } = strimziChart(true);
    app.synth();
    expect(warnings(chart.complianceReport)).toEqual([]);
    expect(chart.complianceReport.entries.filter((e) => e.status === 'compliant').map((e) => e.ruleId))
      .toEqual(['MON-001', 'MON-002', 'MON-003', 'MON-004', 'MON-005', 'MON-006', 'MON-007', 'MON-008', 'MON-009', 'MON-011', 'MON-012']);
  });

  it('stops synthesis with every MON rule against the Kafka when the cluster has no monitoring', () => {
    const { app } = strimziChart(false);
    const w = violations(() => app.synth());
    expect(w).toHaveLength(11);
    expect(w[0]).toBe('MON-001 [kafka/Kafka] no PrometheusRule labelled kafka-iac.dev/cluster=orders has an alert with rule_id MON-001');
  });

  it('stops synthesis with MON-006 when a JSON patch weakens the under-replicated threshold', () => {
    const { app, monitoring } = strimziChart(true);
    const groups = (monitoring!.resource.toJson() as any).spec.groups;
    const i = groups[0].rules.findIndex((r: any) => r.alert === 'KafkaUnderReplicatedPartitions');
    monitoring!.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/0/rules/${i}/expr`, groups[0].rules[i].expr.replace(/> 0$/, '> 5')));
    expect(violations(() => app.synth())).toEqual(['MON-006 [kafka/Kafka] alert KafkaUnderReplicatedPartitions in PrometheusRule orders-kafka-alerts fires at > 5']);
  });

  it('stops synthesis with MON-002 when the lag threshold is weakened through props, until a suppression gives the reason', () => {
    const weakened = strimziChart(true, { thresholds: { consumerLagWarning: 50_000 } });
    expect(violations(() => weakened.app.synth())).toEqual(['MON-002 [kafka/Kafka] alert KafkaConsumerLagWarning in PrometheusRule orders-kafka-alerts fires at > 50000']);

    const suppressed = strimziChart(true, { thresholds: { consumerLagWarning: 50_000 } });
    const reason = 'Batch consumers of this cluster lag by up to 40,000 messages between nightly runs by design.';
    RuleSuppressions.add(suppressed.chart, [{ id: 'MON-002', reason }]);
    suppressed.app.synth();
    expect(suppressed.chart.complianceReport.entries.filter((e) => e.ruleId === 'MON-002').map((e) => [e.status, e.suppression?.reason]))
      .toEqual([['suppressed', reason]]);
  });

  it('holds in development too: only the HA rules are relaxed there', () => {
    const app = Cdk8sTesting.app();
    new ApiObject(new KafkaChart(app, 'kafka', { environment: Environment.development({ name: 'development', region: 'us-east-1' }), rules: MON_RULES }), 'Kafka', {
      apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'orders' }, spec: {},
    });
    expect(violations(() => app.synth())).toHaveLength(11);
  });

  it('stops synthesis with MON-001 when a JSON patch lengthens the for of the broker-down alert', () => {
    const { app, monitoring } = strimziChart(true);
    monitoring!.resource.addJsonPatch(JsonPatch.replace('/spec/groups/0/rules/0/for', '10m'));
    expect(violations(() => app.synth())).toEqual(['MON-001 [kafka/Kafka] alert KafkaNodeDown in PrometheusRule orders-kafka-alerts has for 10m']);
  });

  it('accepts stricter thresholds', () => {
    const { app, chart } = strimziChart(true, { thresholds: { consumerLagWarning: 1000, diskUsageWarningPercent: 60, certificateExpiryDays: 45 } });
    app.synth();
    expect(warnings(chart.complianceReport)).toEqual([]);
  });
});

describe('MON rules on MSK', () => {
  it('passes the MON rules that apply to MSK when the CloudWatch alarms exist', () => {
    const { stack } = mskStack(true);
    Testing.synth(stack, true);
    expect(warnings(stack.complianceReport)).toEqual([]);
    expect(stack.complianceReport.entries.filter((e) => e.status === 'compliant').map((e) => e.ruleId))
      .toEqual(['MON-001', 'MON-002', 'MON-003', 'MON-004', 'MON-005', 'MON-006', 'MON-007', 'MON-008', 'MON-009', 'MON-012']);
  });

  it('stops synthesis with MON-004 for the cluster when there are no alarms', () => {
    const { stack } = mskStack(false);
    expect(violations(() => Testing.synth(stack, true))).toContain('MON-004 [production/Kafka] no CloudWatch alarm tagged kafka-iac:rule=MON-004 watches KafkaDataLogsDiskUsed of orders-msk');
  });

  it('stops synthesis with MON-005 when an escape hatch raises a disk alarm threshold', () => {
    const { stack, alarms } = mskStack(true);
    alarms!.alarms.get('DiskCritical2')!.addOverride('threshold', 95);
    expect(violations(() => Testing.synth(stack, true))).toEqual(['MON-005 [production/Kafka] alarm orders-msk-MON-005-broker-2-disk-critical has threshold 95 (GreaterThanThreshold)']);
  });

  it('stops synthesis with MON-004 when the alarms cover fewer brokers than the cluster has', () => {
    const { stack } = mskStack(true, { brokers: 2 });
    expect(violations(() => Testing.synth(stack, true))).toContain('MON-004 [production/Kafka] MON-004 alarms cover 2 of 3 brokers of orders-msk');
  });
});
