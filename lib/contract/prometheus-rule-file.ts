import { writeYaml } from './yaml-writer';
import { KafkaIacError } from '../model/errors';
import type { AlertRule, RecordingRule, RuleGroup } from '../model/monitoring/alert-rule';
import type { BackendMetrics, MonitoredClusterIdentity } from '../model/monitoring/metrics-backend';
import type { ServiceLevelObjective } from '../model/monitoring/service-level-objective';

/** One rule as Prometheus writes it (the same shape in a PrometheusRule's `spec.groups`). */
export function renderRule(rule: AlertRule | RecordingRule, runbookUrl: (slug: string) => string): Record<string, unknown> {
  if ('record' in rule) {
    return { record: rule.record, expr: rule.expr, ...(Object.keys(rule.labels).length ? { labels: { ...rule.labels } } : {}) };
  }
  return {
    alert: rule.alert,
    expr: rule.expr,
    ...(rule.for.isZero ? {} : { for: rule.for.toString() }),
    labels: { ...rule.labels, severity: rule.severity, rule_id: rule.ruleId },
    annotations: { summary: rule.summary, description: rule.description, runbook_url: runbookUrl(rule.runbook) },
  };
}

/** The groups as `spec.groups` of a PrometheusRule, or the `groups` of a plain rule file. */
export function renderGroups(groups: readonly RuleGroup[], runbookUrl: (slug: string) => string): Record<string, unknown>[] {
  return groups.map((g) => ({
    name: g.name,
    rules: [...g.recordingRules, ...g.alerts].map((r) => renderRule(r, runbookUrl)),
  }));
}

/** A plain Prometheus rule file (`promtool check rules` reads it). */
export function renderRuleFile(groups: readonly RuleGroup[], runbookUrl: (slug: string) => string): string {
  return renderRuleFileOf(renderGroups(groups, runbookUrl));
}

/** A plain Prometheus rule file of groups already rendered (read back from a synthesized document). */
export function renderRuleFileOf(renderedGroups: readonly Record<string, unknown>[]): string {
  // Synthesized objects come back with their keys sorted; put them in the order people read
  // Prometheus rules in (alert or record, expr, for, labels, annotations).
  const groups = renderedGroups.map((g) => ({
    ...inOrder(g, ['name', 'interval']),
    ...(Array.isArray(g.rules) ? { rules: g.rules.map((r: Record<string, unknown>) => inOrder(r, RULE_KEY_ORDER)) } : {}),
  }));
  return writeYaml({ groups }, { lineWidth: 0 });
}

const RULE_KEY_ORDER = ['alert', 'record', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];

/** The object with `first` keys in that order, then the others as they were. */
function inOrder(o: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Stryker disable next-line ConditionalExpression: an undefined value copied here is one the YAML writer omits, as it does the key left out
  for (const k of first) if (o[k] !== undefined) out[k] = o[k];
  for (const [k, v] of Object.entries(o)) if (!(k in out) && k !== 'rules') out[k] = v;
  return out;
}

/** The MON alert group followed by one group per SLO. */
export function monitoringGroups(identity: MonitoredClusterIdentity, metrics: BackendMetrics, alerts: readonly AlertRule[], slos: readonly ServiceLevelObjective[]): RuleGroup[] {
  const seen = new Set<string>();
  for (const s of slos) {
    if (seen.has(s.name)) throw KafkaIacError.duplicate(s.id, `cluster ${identity.cluster}`, 'SLO', s.name);
    seen.add(s.name);
  }
  return [
    { name: `kafka-${identity.cluster}-${metrics.kind}`, recordingRules: [], alerts },
    ...slos.flatMap((s) => s.ruleGroups(identity, metrics)),
  ];
}
