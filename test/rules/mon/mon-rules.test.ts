import { ApiObject, JsonPatch, Testing as Cdk8sTesting } from 'cdk8s';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { MskCloudWatchAlarms } from '../../../lib/targets/msk/msk-cloudwatch-alarms';
import { KafkaStack } from '../../../lib/app/kafka-stack';
import { ClientNetwork } from '../../../lib/model/client-network';
import { Environment, outputRenderContext } from '../../../lib/model/environment';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { KafkaStatefulSetCluster } from '../../../lib/targets/statefulset/kafka-statefulset-cluster';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskPrometheusMonitoring } from '../../../lib/targets/msk/msk-prometheus-monitoring';
import { TerraformResource } from 'cdktf';
import { RuleRegistry } from '../../../lib/rules/registry';
import type { ComplianceReport } from '../../../lib/rules/report';
import { RuleSuppressions } from '../../../lib/rules/suppressions';
import { KMS_KEY as STATEFULSET_KMS_KEY } from '../../support/statefulset-fixture';

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

/**
 * Every MON rule on every target, both ways: the monitoring of a cluster passes; a cluster
 * without monitoring, or with one alert (or alarm) of the rule weakened by an escape hatch,
 * stops synthesis with the rule ID and the cluster's construct path.
 */
interface Weakening {
  readonly id: string;
  /** The alert of the rule that is weakened (the first of the rule in the generated group). */
  readonly alert: string;
  /** A new threshold at the end of the expression, or a longer `for`. */
  readonly change: { readonly threshold: number } | { readonly for: string };
}

const WEAKENINGS: readonly Weakening[] = [
  { id: 'MON-001', alert: 'KafkaNodeDown', change: { for: '10m' } },
  { id: 'MON-002', alert: 'KafkaConsumerLagWarning', change: { threshold: 50_000 } },
  { id: 'MON-003', alert: 'KafkaConsumerLagCritical', change: { threshold: 500_000 } },
  { id: 'MON-004', alert: 'KafkaDiskUsageWarning', change: { threshold: 84 } },
  { id: 'MON-005', alert: 'KafkaDiskUsageCritical', change: { threshold: 95 } },
  { id: 'MON-006', alert: 'KafkaUnderReplicatedPartitions', change: { threshold: 5 } },
  { id: 'MON-007', alert: 'KafkaNetworkThroughputHigh', change: { threshold: 0.95 } },
  { id: 'MON-008', alert: 'KafkaRequestLatencyHigh', change: { threshold: 500 } },
  { id: 'MON-009', alert: 'KafkaOfflinePartitions', change: { threshold: 3 } },
  { id: 'MON-011', alert: 'KafkaCertificateExpiringSoon', change: { threshold: 7 } },
  { id: 'MON-012', alert: 'KafkaUnderMinIsrPartitions', change: { threshold: 2 } },
];

/** The rendered rule after a weakening, and the finding it must produce. */
function weaken(rule: { expr: string; for?: string }, w: Weakening, where: string): { readonly field: 'expr' | 'for'; readonly value: string; readonly found: string } {
  if ('for' in w.change) return { field: 'for', value: w.change.for, found: `alert ${w.alert} in ${where} has for ${w.change.for}` };
  const op = /(>|<) [0-9.]+$/.exec(rule.expr)![1];
  return { field: 'expr', value: rule.expr.replace(/(>|<) [0-9.]+$/, `${op} ${w.change.threshold}`), found: `alert ${w.alert} in ${where} fires at ${op} ${w.change.threshold}` };
}

/** The (group, rule) index of an alert among rendered groups. */
function locateRule(groups: readonly { rules: readonly Record<string, any>[] }[], alert: string): { readonly g: number; readonly r: number; readonly rule: Record<string, any> } {
  for (let g = 0; g < groups.length; g++) {
    const r = groups[g].rules.findIndex((x) => x.alert === alert);
    if (r >= 0) return { g, r, rule: groups[g].rules[r] };
  }
  throw new Error(`no alert ${alert}`);
}

/** A target under test: its cluster documents, the MON IDs that apply, and how to build and weaken it. */
interface MonTarget {
  readonly name: string;
  readonly ids: readonly string[];
  /** The construct paths of the cluster documents the MON rules report against. */
  readonly clusterPaths: readonly string[];
  /** What a missing alert (or alarm) of a rule is reported as. */
  readonly missing: (id: string) => string;
  build(monitoring: boolean): { synth(): void; report(): ComplianceReport; weaken(w: Weakening): string };
}

const KUBERNETES_IDS = WEAKENINGS.map((w) => w.id);
const MSK_IDS = KUBERNETES_IDS.filter((id) => id !== 'MON-011');
const missingPrometheus = (id: string) => `no PrometheusRule labelled kafka-iac.dev/cluster=orders has an alert with rule_id ${id}`;

/** Weakens an alert of a KafkaPrometheusMonitoring with a JSON patch on its PrometheusRule. */
function patchPrometheusRule(m: KafkaPrometheusMonitoring, w: Weakening): string {
  const { g, r, rule } = locateRule((m.resource.toJson() as any).spec.groups, w.alert);
  const change = weaken(rule as any, w, 'PrometheusRule orders-kafka-alerts');
  m.resource.addJsonPatch(rule[change.field] === undefined ? JsonPatch.add(`/spec/groups/${g}/rules/${r}/${change.field}`, change.value) : JsonPatch.replace(`/spec/groups/${g}/rules/${r}/${change.field}`, change.value));
  return change.found;
}

const STRIMZI: MonTarget = {
  name: 'Strimzi', ids: KUBERNETES_IDS, clusterPaths: ['kafka/Kafka'], missing: missingPrometheus,
  build(monitoring) {
    const { app, chart, monitoring: m } = strimziChart(monitoring);
    return { synth: () => app.synth(), report: () => chart.complianceReport, weaken: (w) => patchPrometheusRule(m!, w) };
  },
};

const STATEFULSET: MonTarget = {
  name: 'StatefulSet', ids: KUBERNETES_IDS, clusterPaths: ['kafka/Kafka/Brokers', 'kafka/Kafka/Controllers'], missing: missingPrometheus,
  build(monitoring) {
    const app = Cdk8sTesting.app();
    const chart = new KafkaChart(app, 'kafka', { environment: Environment.production({ name: 'production', region: 'us-east-1' }), rules: MON_RULES });
    new KafkaStatefulSetCluster(chart, 'Kafka', {
      clusterName: 'orders', kmsKeyId: STATEFULSET_KMS_KEY, admins: ['platform-admin'],
      clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
    });
    const m = monitoring ? new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 6 }) : undefined;
    return { synth: () => app.synth(), report: () => chart.complianceReport, weaken: (w) => patchPrometheusRule(m!, w) };
  },
};

/** An MSK cluster stand-in with its CloudWatch alarms and its open-monitoring rules. */
function mskWithOpenMonitoring(monitoring: boolean, props: Partial<ConstructorParameters<typeof MskPrometheusMonitoring>[2]> = {}) {
  const { stack, alarms } = mskStack(monitoring);
  const prometheus = monitoring ? new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: 'orders-msk', brokers: 3, ...props }) : undefined;
  return { stack, alarms, prometheus };
}

const MSK_OPEN_MONITORING: MonTarget = {
  name: 'MSK (open monitoring)', ids: MSK_IDS, clusterPaths: ['production/Kafka'],
  missing: (id) => `no CloudWatch alarm tagged kafka-iac:rule=${id} watches `,
  build(monitoring) {
    const { stack, prometheus } = mskWithOpenMonitoring(monitoring);
    return {
      synth: () => Testing.synth(stack, true),
      report: () => stack.complianceReport,
      weaken(w) {
        const input = JSON.parse(Testing.synth(stack)).resource.terraform_data[prometheus!.rulesArtefact.friendlyUniqueId].input;
        const { g, r, rule } = locateRule(input.groups, w.alert);
        const change = weaken(rule as any, w, `terraform_data.${prometheus!.rulesArtefact.friendlyUniqueId}`);
        prometheus!.rulesArtefact.addOverride(`input.groups.${g}.rules.${r}.${change.field}`, change.value);
        return change.found;
      },
    };
  },
};

describe.each([STRIMZI, STATEFULSET, MSK_OPEN_MONITORING])('MON rules per ID on $name', (target) => {
  it(`passes ${target.ids.length} MON rules on every cluster document when the cluster has its generated monitoring`, () => {
    const built = target.build(true);
    built.synth();
    const entries = built.report().entries.filter((e) => e.ruleId.startsWith('MON-') && e.status !== 'not-applicable');
    expect(entries.filter((e) => e.status !== 'compliant')).toEqual([]);
    expect([...new Set(entries.map((e) => e.ruleId))]).toEqual(target.ids);
    for (const id of target.ids) expect(entries.filter((e) => e.ruleId === id).map((e) => e.path).sort()).toEqual([...target.clusterPaths].sort());
  });

  it.each(target.ids)('stops synthesis with %s on every cluster document when the cluster has no monitoring', (id) => {
    const found = violations(() => target.build(false).synth()).filter((v) => v.startsWith(`${id} `));
    expect(found.map((v) => v.replace(/\] .*/, ']')).sort()).toEqual(target.clusterPaths.map((p) => `${id} [${p}]`).sort());
    for (const v of found) expect(v).toContain(`] ${target.missing(id)}`);
  });

  it.each(WEAKENINGS.filter((w) => target.ids.includes(w.id)))('stops synthesis with $id, and only it, when an escape hatch weakens $alert', (w) => {
    const built = target.build(true);
    const found = built.weaken(w);
    expect(violations(() => built.synth()).sort()).toEqual(target.clusterPaths.map((p) => `${w.id} [${p}] ${found}`).sort());
  });
});

describe('MON rules on MSK open monitoring (the rule groups in the stack)', () => {
  const artefactOf = (m: MskPrometheusMonitoring) => `terraform_data.${m.rulesArtefact.friendlyUniqueId}`;

  it('stops synthesis with MON-002 and MON-004 when MskPrometheusMonitoring weakens thresholds through props, and the CloudWatch alarms keep theirs', () => {
    const { stack, prometheus } = mskWithOpenMonitoring(true, { thresholds: { consumerLagWarning: 50_000, diskUsageWarningPercent: 84 } });
    expect(violations(() => Testing.synth(stack, true))).toEqual([
      `MON-002 [production/Kafka] alert KafkaConsumerLagWarning in ${artefactOf(prometheus!)} fires at > 50000`,
      `MON-004 [production/Kafka] alert KafkaDiskUsageWarning in ${artefactOf(prometheus!)} fires at > 84`,
    ]);
  });

  it('accepts the weaker thresholds once a suppression gives the reason', () => {
    const { stack } = mskWithOpenMonitoring(true, { thresholds: { consumerLagWarning: 50_000 } });
    const reason = 'Batch consumers of this cluster lag by up to 40,000 messages between nightly runs by design.';
    RuleSuppressions.add(stack, [{ id: 'MON-002', reason }]);
    Testing.synth(stack, true);
    expect(stack.complianceReport.entries.filter((e) => e.ruleId === 'MON-002').map((e) => [e.status, e.path, e.suppression?.reason])).toEqual([['suppressed', 'production/Kafka', reason]]);
  });

  it('checks what the rule files say: an addOverride on the artefact changes the rule file and stops synthesis', () => {
    const { stack, prometheus } = mskWithOpenMonitoring(true);
    const json = JSON.parse(Testing.synth(stack));
    const input = json.resource.terraform_data[prometheus!.rulesArtefact.friendlyUniqueId].input;
    expect([input.kind, input.cluster, input.metrics_backend]).toEqual(['kafka-iac/prometheus-rules', 'orders-msk', 'msk-open-monitoring']);
    const { g, r, rule } = locateRule(input.groups, 'KafkaUnderReplicatedPartitions');
    expect(rule.expr).toMatch(/ > 0$/);
    prometheus!.rulesArtefact.addOverride(`input.groups.${g}.rules.${r}.expr`, rule.expr.replace(/> 0$/, '> 5'));
    const file = Environment.of(stack).outputFiles.get('prometheus/kafka-orders-msk-msk-open-monitoring.rules.yml')!(outputRenderContext());
    expect(file).toContain(rule.expr.replace(/> 0$/, '> 5'));
    expect(file).not.toContain(`${rule.expr}\n`);
    expect(violations(() => Testing.synth(stack, true))).toEqual([`MON-006 [production/Kafka] alert KafkaUnderReplicatedPartitions in ${artefactOf(prometheus!)} fires at > 5`]);
  });

  it('stops synthesis with MON-001 when an addOverride turns the broker-down alerts of the artefact into something else', () => {
    const { stack, prometheus } = mskWithOpenMonitoring(true);
    const input = JSON.parse(Testing.synth(stack)).resource.terraform_data[prometheus!.rulesArtefact.friendlyUniqueId].input;
    // (cdktf appends an overriding list to the original one, so alerts are changed in place, not removed)
    input.groups[0].rules.forEach((x: any, i: number) => {
      if (x.labels.rule_id === 'MON-001') prometheus!.rulesArtefact.addOverride(`input.groups.0.rules.${i}.labels.rule_id`, 'custom');
    });
    expect(violations(() => Testing.synth(stack, true))).toEqual([
      `MON-001 [production/Kafka] the open-monitoring rule groups of orders-msk (${artefactOf(prometheus!)}) have no alert with rule_id MON-001`,
    ]);
  });

  it('holds the CloudWatch alarms to their thresholds per rule too (an escape hatch on one alarm of each rule)', () => {
    for (const id of ['MON-002', 'MON-003', 'MON-004', 'MON-005', 'MON-006', 'MON-007', 'MON-008', 'MON-009', 'MON-012']) {
      const { stack, alarms } = mskWithOpenMonitoring(true);
      const alarm = [...alarms!.alarms.values()].find((a) => a.tagsInput?.['kafka-iac:rule'] === id)!;
      const weaker = Number(alarm.thresholdInput) + (id === 'MON-007' ? 0.15 : 1000);
      alarm.addOverride('threshold', weaker);
      expect(violations(() => Testing.synth(stack, true)), id).toEqual([`${id} [production/Kafka] alarm ${alarm.alarmNameInput} has threshold ${weaker} (${alarm.comparisonOperatorInput})`]);
    }
  });
});
