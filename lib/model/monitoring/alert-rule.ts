import { KafkaIacError } from '../errors';
import type { AlertSeverity } from './alert-severity';
import type { PrometheusDuration } from './prometheus-duration';

/** One input series of a promtool unit test: a selector with every label, and its values. */
export interface TestSeries {
  /** `metric{label="value",...}` with every label spelled out. */
  readonly series: string;
  /** promtool's expanding notation, one value per test interval: `0+1x10`, `5x20`. */
  readonly values: string;
}

/**
 * One promtool scenario for an alert: synthetic series, a time to evaluate at, and whether the
 * alert is firing then. A firing scenario names the labels the expression gives the alert.
 */
export interface AlertScenario {
  /** What the scenario proves, written into the test file as its name. */
  readonly name: string;
  /** The sample interval of the input series. */
  readonly interval: PrometheusDuration;
  readonly series: readonly TestSeries[];
  /** When the alert is checked, from the start of the series. */
  readonly evalTime: PrometheusDuration;
  /** The labels of each firing alert as the expression produces them; empty when the alert must be quiet. */
  readonly firing: readonly Readonly<Record<string, string>>[];
  /** Other alerts of the same rule file that must be quiet at the same time (the SLO's other burn-rate alerts). */
  readonly alsoQuiet?: readonly string[];
  /**
   * Earlier times in the same series when this alert must be quiet: a series that crosses the
   * threshold only near its end proves quiet below it and firing above it in one run (the
   * error-budget scenarios, thousands of evaluations each, are run once instead of twice; a
   * burn-rate outage; an alert still pending before its `for`). promtool feeds the series to the
   * rules only up to each evaluation time (cmd/promtool/unittest.go), so a check at an earlier
   * time sees what a scenario cut off there would.
   */
  readonly quietBefore?: readonly PrometheusDuration[];
}

/**
 * A Prometheus alerting rule, provider-neutral: the same value renders into a PrometheusRule,
 * a plain rule file, and a promtool unit test.
 */
export interface AlertRule {
  /** The alert name (`KafkaUnderReplicatedPartitions`); unique per rule file. */
  readonly alert: string;
  /** The rule in RULES.md it implements (`MON-006`, `SLO-001`). */
  readonly ruleId: string;
  readonly severity: AlertSeverity;
  readonly expr: string;
  /** How long the condition holds before the alert fires. */
  readonly for: PrometheusDuration;
  /** Static labels beside `severity` and `rule_id` (cluster, environment, region, slo). */
  readonly labels: Readonly<Record<string, string>>;
  /** One line; may use `{{ $labels.x }}` for labels the expression keeps. */
  readonly summary: string;
  /** What is wrong and what it costs; may use `{{ $labels.x }}`. */
  readonly description: string;
  /** The runbook's slug (`under-replicated-partitions`); the URL is built from the runbook base URL. */
  readonly runbook: string;
  /** The promtool scenarios: at least one firing and one quiet. */
  readonly scenarios: readonly AlertScenario[];
}

/** A Prometheus recording rule. */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** A named group of rules, evaluated together. */
export interface RuleGroup {
  readonly name: string;
  readonly recordingRules: readonly RecordingRule[];
  readonly alerts: readonly AlertRule[];
}

/** Refuses two alerts with the same name in one set of groups. */
export function assertUniqueAlertNames(path: string, groups: readonly RuleGroup[]): void {
  const seen = new Set<string>();
  for (const g of groups) {
    for (const a of g.alerts) {
      if (seen.has(a.alert)) {
        throw KafkaIacError.invalidProp({
          code: a.ruleId, path, prop: 'alert', found: a.alert,
          expected: 'a name used by one alert only (Alertmanager groups and silences by alert name)',
          fix: `Rename one of the alerts named '${a.alert}', or declare it once.`,
        });
      }
      seen.add(a.alert);
    }
  }
}

/** Every firing label set of a scenario, as promtool compares it: expression labels, static labels, severity, rule_id. */
export function alertLabelsOf(alert: AlertRule, expressionLabels: Readonly<Record<string, string>>): Record<string, string> {
  return { ...expressionLabels, ...alert.labels, severity: alert.severity, rule_id: alert.ruleId };
}
