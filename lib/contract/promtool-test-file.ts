import { writeYaml } from './yaml-writer';
import { alertLabelsOf, type AlertRule } from '../model/monitoring/alert-rule';
import { renderRule } from './prometheus-rule-file';

/**
 * The `promtool test rules` file of one alert: one test per scenario, each checking the alert
 * at its evaluation time, with the exact labels and annotations a firing alert carries.
 *
 * @param ruleFile the rule file's path relative to the test file
 */
export function renderAlertTestFile(alert: AlertRule, ruleFile: string, runbookUrl: (slug: string) => string): string {
  const rendered = renderRule(alert, runbookUrl) as { annotations: Record<string, string> };
  // Rules are evaluated once per sample, so recording rules see every sample exactly once.
  const interval = alert.scenarios[0]?.interval.toString() ?? '1m';
  return writeYaml({
    rule_files: [ruleFile],
    evaluation_interval: interval,
    tests: alert.scenarios.map((s) => ({
      name: `${alert.alert} (${alert.ruleId}): ${s.name}`,
      interval: s.interval.toString(),
      input_series: s.series.map((x) => ({ series: x.series, values: x.values })),
      alert_rule_test: [...(s.quietBefore ?? []).map((t) => ({ eval_time: t.toString(), alertname: alert.alert, exp_alerts: [] })), {
        eval_time: s.evalTime.toString(),
        alertname: alert.alert,
        exp_alerts: s.firing.map((labels) => ({
          exp_labels: alertLabelsOf(alert, labels),
          exp_annotations: Object.fromEntries(Object.entries(rendered.annotations).map(([k, v]) => [k, expandLabels(v, labels)])),
        })),
      }, ...(s.alsoQuiet ?? []).map((other) => ({ eval_time: s.evalTime.toString(), alertname: other, exp_alerts: [] }))],
    })),
  }, { lineWidth: 0 });
}

/** Expands `{{ $labels.x }}` the way Prometheus does for the alert's expression labels. */
export function expandLabels(template: string, labels: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}
