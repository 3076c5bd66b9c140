import { readDurationMs } from '../../model/grammar/duration';
import { isPrometheusRulesArtefactInput, ruleGroupsOfArtefactInput } from '../../contract/prometheus-rules-artefact';
import type { SynthesizedDocument, TerraformDocument } from '../../contract/document';
import { apiGroupOf } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import { oncePer } from '../../model/once-per';
import { Findings, NOT_APPLICABLE, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { defineRule, Severity } from '../define-rule';
import { targetOf } from '../../contract/rule-target';
import { KAFKA_CLUSTER_LABEL, RULE_TAG } from '../../contract/vocabulary';

/** A Kafka cluster document: the MSK cluster, the Strimzi `Kafka`, or a StatefulSet of the StatefulSet target. */
export interface KafkaClusterDocument {
  readonly target: RuleTarget;
  readonly name: string;
  readonly doc: SynthesizedDocument;
}

/** The Kafka cluster a document is, or undefined. */
export function kafkaClusterOf(doc: SynthesizedDocument): KafkaClusterDocument | undefined {
  if (doc.source === 'terraform') {
    return doc.type === 'aws_msk_cluster' ? { target: RuleTarget.MSK, name: String(doc.body.cluster_name), doc } : undefined;
  }
  if (doc.kind === 'Kafka' && apiGroupOf(doc) === 'kafka.strimzi.io') return { target: RuleTarget.STRIMZI, name: doc.name, doc };
  if (doc.kind === 'StatefulSet' && targetOf(doc) === RuleTarget.STATEFULSET) {
    // targetOf read the target label, so the labels are there.
    return { target: RuleTarget.STATEFULSET, name: doc.body.metadata.labels[KAFKA_CLUSTER_LABEL] ?? doc.name, doc };
  }
  return undefined;
}

/** A Prometheus alert as found in a synthesized document of rule groups. */
export interface FoundAlert {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** The document that holds it: a PrometheusRule, or the terraform_data of MskPrometheusMonitoring. */
  readonly document: SynthesizedDocument;
}

/**
 * Whether a document holds the Prometheus rule groups of a Kafka cluster: a PrometheusRule
 * labelled `kafka-iac.dev/cluster` (Kubernetes), or the terraform_data that
 * MskPrometheusMonitoring writes (MSK open monitoring).
 */
export function isMonitoringRuleDocument(doc: SynthesizedDocument): boolean {
  return monitoredClusterOf(doc) !== undefined;
}

/** The cluster a rule document monitors, or undefined for any other document. */
export function monitoredClusterOf(doc: SynthesizedDocument): string | undefined {
  if (doc.source === 'kubernetes') {
    const c = doc.kind === 'PrometheusRule' ? doc.body.metadata?.labels?.[KAFKA_CLUSTER_LABEL] : undefined;
    return typeof c === 'string' ? c : undefined;
  }
  if (doc.type !== 'terraform_data' || !isPrometheusRulesArtefactInput(doc.body.input)) return undefined;
  return typeof doc.body.input.cluster === 'string' ? doc.body.input.cluster : '';
}

/** A rule document as findings name it: `PrometheusRule orders-kafka-alerts`, `terraform_data.<name>`. */
export function ruleDocumentLabel(doc: SynthesizedDocument): string {
  return doc.source === 'kubernetes' ? `PrometheusRule ${doc.name}` : doc.address;
}

/** The rule documents that monitor a cluster. */
export function ruleDocumentsFor(index: DocumentIndex, cluster: string): SynthesizedDocument[] {
  return [...index.kubernetes('PrometheusRule'), ...index.terraform('terraform_data')].filter((d) => monitoredClusterOf(d) === cluster);
}

/** The alerts of the rule documents that monitor a cluster. */
export function prometheusAlertsFor(index: DocumentIndex, cluster: string): FoundAlert[] {
  return ruleDocumentsFor(index, cluster).flatMap((d) => alertsOf(d));
}

/** The alerts of every rule document of a synthesis. */
export function allPrometheusAlerts(index: DocumentIndex): FoundAlert[] {
  return [...index.kubernetes('PrometheusRule'), ...index.terraform('terraform_data')].filter(isMonitoringRuleDocument).flatMap((d) => alertsOf(d));
}

/**
 * The alerts of one rule document (a PrometheusRule's `spec.groups`, a rules artefact's
 * `input.groups`). Read once per document (a new array each call): every MON and SLO rule reads
 * the alerts of every rule document, and a synthesized document does not change while the rules
 * run.
 */
export function alertsOf(d: SynthesizedDocument): FoundAlert[] {
  return [...alertsOnce(d)];
}

const alertsOnce = oncePer((d: SynthesizedDocument): readonly FoundAlert[] => rulesOf(d)
  .filter((r) => typeof r?.alert === 'string')
  .map((r) => ({ alert: r.alert, expr: String(r.expr ?? ''), for: r.for, labels: r.labels ?? {}, annotations: r.annotations ?? {}, document: d })));

/**
 * The rules of every group of a rule document (alerts and recording rules), or an empty list.
 * Read once per document, like `alertsOf`: the SLO rules ask for the recording rules of every
 * rule document, and an MSK artefact's groups are unescaped (every string of them) to be read.
 */
const rulesOf = oncePer((d: SynthesizedDocument): readonly any[] => {
  const groups: unknown = d.source === 'kubernetes' ? d.body.spec?.groups : ruleGroupsOfArtefactInput(d.body.input);
  // Stryker disable next-line ArrayDeclaration: equivalent, a group or rule that is not an object is dropped by every reader of the rules
  return Array.isArray(groups) ? groups.flatMap((g: any) => (Array.isArray(g?.rules) ? g.rules as any[] : [])) : [];
});

/** A Prometheus recording rule as found in a synthesized document of rule groups. */
export interface FoundRecord {
  readonly record: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The recording rules of one rule document (a PrometheusRule's `spec.groups`, a rules artefact's `input.groups`). */
export function recordsOf(d: SynthesizedDocument): FoundRecord[] {
  return rulesOf(d)
    .filter((r) => typeof r?.record === 'string')
    .map((r) => ({ record: r.record, expr: String(r.expr ?? ''), labels: r.labels ?? {} }));
}

/** The comparison an alert expression ends with: `> 10000`, `< 30`, `!= 1`. */
export function trailingComparison(expr: string): { readonly op: string; readonly value: number } | undefined {
  const m = /(==|!=|>=|<=|>|<)\s*(-?[0-9][0-9.e+-]*)\s*$/.exec(expr);
  return m ? { op: m[1], value: Number(m[2]) } : undefined;
}

/** Seconds of a Prometheus duration (`500ms`, `5m`, `1h`), read with the one duration grammar; 0 when absent, NaN when not a duration. */
export function durationSeconds(d: string | undefined): number {
  if (!d) return 0;
  // Number(undefined) is NaN.
  return Number(readDurationMs(d)) / 1_000;
}

/** The CloudWatch alarms tagged with a rule ID that watch an MSK cluster (by dimension or Metrics Insights query). */
export function cloudWatchAlarmsFor(index: DocumentIndex, cluster: string, ruleId: string): TerraformDocument[] {
  return index.terraform('aws_cloudwatch_metric_alarm').filter((a) => {
    if (a.body.tags?.[RULE_TAG] !== ruleId) return false;
    const dims = [a.body.dimensions, ...((a.body.metric_query ?? []) as any[]).map((q) => q.metric?.dimensions)];
    if (dims.some((d) => d?.['Cluster Name'] === cluster)) return true;
    return ((a.body.metric_query ?? []) as any[]).some((q) => typeof q.expression === 'string' && q.expression.includes(`"Cluster Name" = '${cluster}'`));
  });
}

/** The metric names an alarm reads. */
export function alarmMetrics(a: TerraformDocument): string[] {
  return [a.body.metric_name, ...((a.body.metric_query ?? []) as any[]).map((q) => q.metric?.metric_name ?? (/SELECT \w+\((\w+)\)/.exec(q.expression)?.[1]))].filter((x): x is string => typeof x === 'string');
}

/** What one MON rule demands of a cluster's monitoring. */
export interface MonitoringExpectation {
  readonly id: string;
  readonly title: string;
  readonly explanation: string;
  /** Prometheus (Kubernetes, and MSK open monitoring): the alert's threshold must not be weaker than this (per comparison direction). */
  readonly prometheus?: { readonly threshold?: number; readonly maxFor?: string; readonly severity: string };
  /** MSK: CloudWatch alarms on one of these metrics, with a threshold not weaker than `threshold`. */
  readonly cloudWatch?: { readonly metrics: readonly string[]; readonly threshold?: number; readonly perBroker?: boolean };
}

/**
 * A MON rule: for each Kafka cluster, the generated monitoring exists (a PrometheusRule alert
 * with the rule's `rule_id` label, or a CloudWatch alarm tagged with the rule ID) and its
 * threshold and `for` are no weaker than RULES.md, after every escape hatch. A weaker threshold
 * set through props is reported too, so that it carries a suppression with a reason.
 *
 * On MSK the CloudWatch alarms are required; when the cluster also uses open monitoring
 * (MskPrometheusMonitoring wrote its rule groups into the stack), those alerts are held to the
 * same thresholds as on Kubernetes.
 */
export function monitoringRule(e: MonitoringExpectation): Rule {
  const check = (doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome => {
    const cluster = kafkaClusterOf(doc);
    if (!cluster) return NOT_APPLICABLE;
    const f = new Findings();
    if (cluster.target === RuleTarget.MSK) {
      checkCloudWatch(f, e, cluster, ctx.index);
      if (e.prometheus && ruleDocumentsFor(ctx.index, cluster.name).length > 0) checkPrometheus(f, e, cluster, ctx.index);
    } else {
      checkPrometheus(f, e, cluster, ctx.index);
    }
    return f.outcome();
  };
  return defineRule({
    id: e.id,
    title: e.title,
    explanation: e.explanation,
    remediation: 'Add the monitoring for the cluster (KafkaPrometheusMonitoring on Kubernetes; MskCloudWatchAlarms and MskPrometheusMonitoring on MSK) and keep the RULES.md threshold, or suppress the rule with a written reason.',
    // RULES.md gives the MON rules no level, and every rule is in force in staging and
    // production: a cluster without its generated monitoring, or with a weakened threshold,
    // stops synthesis unless a suppression with a reason covers it.
    severity: Severity.ERROR,
    // CloudWatch alarms on MSK; Prometheus alerts on Kubernetes.
    targets: {
      msk: e.cloudWatch ? check : undefined,
      strimzi: e.prometheus ? check : undefined,
      statefulset: e.prometheus ? check : undefined,
    },
  });
}

function checkPrometheus(f: Findings, e: MonitoringExpectation, cluster: KafkaClusterDocument, index: DocumentIndex): void {
  const p = e.prometheus!;
  const msk = cluster.target === RuleTarget.MSK;
  const alerts = prometheusAlertsFor(index, cluster.name).filter((a) => a.labels.rule_id === e.id);
  f.expect(alerts.length > 0, msk
    ? {
      found: `the open-monitoring rule groups of ${cluster.name} (${ruleDocumentsFor(index, cluster.name).map(ruleDocumentLabel).join(', ')}) have no alert with rule_id ${e.id}`,
      expected: `the ${e.id} alert for cluster ${cluster.name}`,
      fix: `Remove the addOverride that dropped the ${e.id} alert from the MskPrometheusMonitoring rules artefact.`,
    }
    : {
      found: `no PrometheusRule labelled ${KAFKA_CLUSTER_LABEL}=${cluster.name} has an alert with rule_id ${e.id}`,
      expected: `the ${e.id} alert for cluster ${cluster.name}`,
      fix: `Add new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: '${cluster.name}', ... }).`,
    });
  for (const a of alerts) {
    const where = `alert ${a.alert} in ${ruleDocumentLabel(a.document)}`;
    f.expect(a.labels.severity === p.severity, { found: `${where} has severity ${a.labels.severity ?? 'not set'}`, expected: `'${p.severity}'`, fix: `Set the severity label back to '${p.severity}'.` });
    f.expect(!/\bpod=~/.test(a.expr), { found: `${where} selects pods by a name pattern (${a.expr})`, expected: 'selection by labels (node-pool pods have other names)', fix: 'Select by the kafka_cluster and kafka_role labels.' });
    if (p.maxFor !== undefined) {
      f.expect(durationSeconds(a.for) <= durationSeconds(p.maxFor), { found: `${where} has for ${a.for}`, expected: `at most ${p.maxFor}`, fix: `Set for to ${p.maxFor} or less.` });
    }
    const cmp = trailingComparison(a.expr);
    // Stryker disable next-line ConditionalExpression: equivalent, without a threshold no value compares weaker (a comparison with undefined is false); the test keeps the types
    if (p.threshold !== undefined
      && cmp && (cmp.op === '>' || cmp.op === '<')) {
      const weaker = cmp.op === '>' ? cmp.value > p.threshold : cmp.value < p.threshold;
      f.expect(!weaker, { found: `${where} fires at ${cmp.op} ${cmp.value}`, expected: `${cmp.op} ${p.threshold} or stricter (RULES.md)`, fix: `Restore the threshold ${p.threshold}, or suppress ${e.id} with the reason for the weaker one.` });
    }
  }
}

function checkCloudWatch(f: Findings, e: MonitoringExpectation, cluster: KafkaClusterDocument, index: DocumentIndex): void {
  const cw = e.cloudWatch!;
  const alarms = cloudWatchAlarmsFor(index, cluster.name, e.id).filter((a) => alarmMetrics(a).some((m) => cw.metrics.includes(m)));
  f.expect(alarms.length > 0, {
    found: `no CloudWatch alarm tagged kafka-iac:rule=${e.id} watches ${cw.metrics.join(' or ')} of ${cluster.name}`,
    expected: `the ${e.id} alarm for cluster ${cluster.name}`,
    fix: `Add new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: '${cluster.name}', brokers: ... }).`,
  });
  if (cw.perBroker && alarms.length > 0) {
    const brokers = Number(cluster.doc.body.number_of_broker_nodes);
    const covered = new Set(alarms.flatMap((a) => [a.body.dimensions, ...((a.body.metric_query ?? []) as any[]).map((q) => q.metric?.dimensions)]).map((d) => d?.['Broker ID']).filter(Boolean));
    f.expect(covered.size >= brokers, { found: `${e.id} alarms cover ${covered.size} of ${brokers} brokers of ${cluster.name}`, expected: 'an alarm per broker', fix: 'Set brokers on MskCloudWatchAlarms to number_of_broker_nodes.' });
  }
  // Stryker disable next-line ConditionalExpression: equivalent, without a threshold no alarm compares weaker (a comparison with undefined is false); the test keeps the types
  if (cw.threshold !== undefined) {
    for (const a of alarms) {
      const op = String(a.body.comparison_operator);
      const t = Number(a.body.threshold);
      const weaker = op.startsWith('Greater') ? t > cw.threshold : op.startsWith('Less') ? t < cw.threshold : false;
      f.expect(!weaker, { found: `alarm ${a.body.alarm_name} has threshold ${t} (${op})`, expected: `${cw.threshold} or stricter (RULES.md)`, fix: `Restore the threshold ${cw.threshold}, or suppress ${e.id} with the reason for the weaker one.` });
    }
  }
}
