import { EnvironmentProfile } from '../environment';
import { promqlMatchers } from './promql-string';
import { KafkaIacError } from '../errors';
import { AlertSeverity } from './alert-severity';
import type { AlertRule, AlertScenario, RecordingRule, RuleGroup } from './alert-rule';
import { CLUSTER_LABEL, ENVIRONMENT_LABEL, type BackendMetrics, type MonitoredClusterIdentity } from './metrics-backend';
import { alertedCluster, clusterAlertLabels } from './series-labels';
import { PrometheusDuration } from './prometheus-duration';
import { ServiceLevelIndicator, type ResolvedIndicator } from './service-level-indicator';

/**
 * The names of the SLO recording rules: what the burn-rate and budget alerts read, and what the
 * SLO dashboards (lib/contract/dashboards.ts) read, so the two never disagree.
 */
export const SLO_RECORDS = {
  /** 1 for a bad evaluation (minute) of the indicator, 0 for a good one. */
  SLI_ERROR: 'kafka_slo:sli_error',
  /** The same slice, in the budget group (computed apart from the burn-rate rules). */
  PERIOD_SLICE: 'kafka_slo:sli_error:period_slice',
  /** The share of the period's error budget that is left (1 = untouched, below 0 = spent). */
  ERROR_BUDGET_REMAINING: 'kafka_slo:error_budget:remaining',
} as const;

/** The recording rule of the error ratio over a window (`kafka_slo:sli_error:ratio_rate1h`). */
export function sloErrorRatioRecord(window: PrometheusDuration): string {
  return `${SLO_RECORDS.SLI_ERROR}:ratio_rate${window}`;
}

/** The windows every SLO records its error ratio over (besides its whole period). */
export const SLO_RATIO_WINDOWS: readonly PrometheusDuration[] = [
  PrometheusDuration.minutes(5), PrometheusDuration.minutes(30), PrometheusDuration.hours(1),
  PrometheusDuration.hours(2), PrometheusDuration.hours(6), PrometheusDuration.days(1), PrometheusDuration.days(3),
];

/** The runbooks of the SLO alerts (their slugs): one for the burn-rate alerts, one for the error-budget alerts. */
export enum SloRunbook {
  BURN_RATE = 'slo-burn-rate',
  ERROR_BUDGET = 'slo-error-budget',
}

/** One multi-window burn-rate alert: a long and a short window, and the share of the budget it spends. */
export interface BurnRateWindow {
  /** `Page1h`, `Page6h`, `Ticket1d`, `Ticket3d`. */
  readonly name: string;
  readonly severity: AlertSeverity;
  readonly long: PrometheusDuration;
  readonly short: PrometheusDuration;
  /** The share of the period's error budget spent when the alert fires (0.02 = 2%). */
  readonly budgetShare: number;
}

/**
 * The Google SRE workbook's four alerts. For a 30-day period they burn at 14.4x (1h, 5m),
 * 6x (6h, 30m), 3x (1d, 2h) and 1x (3d, 6h); as budget shares: 2%, 5%, 10%, 10%.
 */
export const BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  { name: 'Page1h', severity: AlertSeverity.CRITICAL, long: PrometheusDuration.hours(1), short: PrometheusDuration.minutes(5), budgetShare: 0.02 },
  { name: 'Page6h', severity: AlertSeverity.CRITICAL, long: PrometheusDuration.hours(6), short: PrometheusDuration.minutes(30), budgetShare: 0.05 },
  { name: 'Ticket1d', severity: AlertSeverity.WARNING, long: PrometheusDuration.days(1), short: PrometheusDuration.hours(2), budgetShare: 0.1 },
  { name: 'Ticket3d', severity: AlertSeverity.WARNING, long: PrometheusDuration.days(3), short: PrometheusDuration.hours(6), budgetShare: 0.1 },
];

/** The burn factor of a window for a period: budget share × period ÷ long window. */
export function burnFactor(window: BurnRateWindow, period: PrometheusDuration): number {
  return tidy(window.budgetShare * period.totalSeconds / window.long.totalSeconds);
}

/** Props of a `ServiceLevelObjective`: what is measured, the objective and its window. */
export interface ServiceLevelObjectiveProps {
  /** The rule ID (`SLO-001`) or your own ID (`SLO-CHECKOUT`), named in errors and alert labels. */
  readonly id: string;
  /** Lower-case name with dashes (`message-delivery`): the `slo` label. */
  readonly name: string;
  readonly indicator: ServiceLevelIndicator;
  /** Percent of good minutes promised, strictly between 0 and 100 (`99.9`). */
  readonly objectivePercent: number;
  /** The compliance period, at least as long as the longest burn-rate window (3d). */
  readonly period: PrometheusDuration;
  /**
   * The `for` of the burn-rate alerts; no longer than any of their windows.
   * @default PrometheusDuration.seconds(0) - the windows already smooth (SRE workbook)
   */
  readonly burnRateFor?: PrometheusDuration;
  /**
   * The `for` of the error-budget-remaining alerts.
   * @default PrometheusDuration.seconds(0)
   */
  readonly budgetFor?: PrometheusDuration;
}

/** The default objectives of each profile, made on first use (`ServiceLevelObjective.defaultsFor`). */
const DEFAULT_SLOS = new Map<EnvironmentProfile, readonly ServiceLevelObjective[]>();

/**
 * A service level objective with its error budget: recording rules for the error ratio over
 * 5m, 30m, 1h, 2h, 6h, 1d, 3d and the period, the four multi-window multi-burn-rate alerts,
 * and budget-remaining alerts (warning below 50%, critical below 20%).
 */
export class ServiceLevelObjective {
  /**
   * SLO-001 to 003 with the objective and period of an environment profile (RULES.md; development:
   * see docs). A new array each call; the objectives in it (immutable) are made once per profile,
   * since every SLO rule asks for them on every document it reads.
   */
  public static defaultsFor(profile: EnvironmentProfile): ServiceLevelObjective[] {
    let slos = DEFAULT_SLOS.get(profile);
    if (!slos) {
      slos = ServiceLevelObjective.makeDefaults(profile);
      DEFAULT_SLOS.set(profile, slos);
    }
    return [...slos];
  }

  private static makeDefaults(profile: EnvironmentProfile): ServiceLevelObjective[] {
    const days = (n: number) => PrometheusDuration.days(n);
    switch (profile) {
      case EnvironmentProfile.PRODUCTION: return [
        new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99.9, period: days(30) }),
        new ServiceLevelObjective({ id: 'SLO-002', name: 'consumer-lag', indicator: ServiceLevelIndicator.maxConsumerLag(), objectivePercent: 99.5, period: days(30) }),
        new ServiceLevelObjective({ id: 'SLO-003', name: 'broker-availability', indicator: ServiceLevelIndicator.noUnderReplicatedPartitions(), objectivePercent: 99.9, period: days(30) }),
      ];
      case EnvironmentProfile.STAGING: return [
        new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99.0, period: days(7) }),
        new ServiceLevelObjective({ id: 'SLO-002', name: 'consumer-lag', indicator: ServiceLevelIndicator.maxConsumerLag(), objectivePercent: 95.0, period: days(7) }),
      ];
      default: return [
        // Development: a looser version of staging, so that burn-rate alerts exist and are
        // exercised, but a noisy sandbox does not page anyone by accident (route by `environment`).
        new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 95.0, period: days(7) }),
        new ServiceLevelObjective({ id: 'SLO-002', name: 'consumer-lag', indicator: ServiceLevelIndicator.maxConsumerLag(), objectivePercent: 90.0, period: days(7) }),
      ];
    }
  }

  public readonly id: string;
  public readonly name: string;
  public readonly indicator: ServiceLevelIndicator;
  public readonly objectivePercent: number;
  public readonly period: PrometheusDuration;
  public readonly burnRateFor: PrometheusDuration;
  public readonly budgetFor: PrometheusDuration;

  public constructor(props: ServiceLevelObjectiveProps) {
    const path = `ServiceLevelObjective ${props.name}`;
    // Words of lower-case letters and digits joined by single dashes: each word becomes a part
    // of the alert names (KafkaSLOMessageDelivery...), so an empty word cannot be allowed.
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(props.name)) {
      throw KafkaIacError.grammar({ code: props.id, path, prop: 'name', found: props.name, grammar: 'lower-case letters and digits in words joined by single dashes', fix: "Name the SLO like 'message-delivery'." });
    }
    if (!(Number.isFinite(props.objectivePercent) && props.objectivePercent > 0 && props.objectivePercent < 100)) {
      throw KafkaIacError.invalidProp({
        code: props.id, path, prop: 'objectivePercent', found: props.objectivePercent,
        expected: 'a percentage strictly between 0 and 100', fix: 'Set objectivePercent to a value such as 99.9 (100 leaves no error budget; 0 promises nothing).',
      });
    }
    const longest = BURN_RATE_WINDOWS[BURN_RATE_WINDOWS.length - 1].long;
    if (props.period.totalSeconds < longest.totalSeconds) {
      throw KafkaIacError.invalidProp({
        code: props.id, path, prop: 'period', found: props.period.toString(),
        expected: `at least ${longest}, the longest burn-rate window`, fix: 'Use a period of 7d or 30d.',
      });
    }
    this.id = props.id;
    this.name = props.name;
    this.indicator = props.indicator;
    this.objectivePercent = props.objectivePercent;
    this.period = props.period;
    this.burnRateFor = props.burnRateFor ?? PrometheusDuration.seconds(0);
    this.budgetFor = props.budgetFor ?? PrometheusDuration.seconds(0);
    for (const w of BURN_RATE_WINDOWS) {
      if (w.short.totalSeconds < this.burnRateFor.totalSeconds) {
        throw KafkaIacError.invalidProp({
          code: props.id, path, prop: 'burnRateFor', found: this.burnRateFor.toString(),
          expected: `no longer than the ${w.short} short window of the ${w.name} alert`,
          fix: `Set burnRateFor to ${w.short} or less (0 is the SRE workbook's choice).`,
        });
      }
      const factor = burnFactor(w, this.period);
      if (factor * this.errorBudget >= 1) {
        throw KafkaIacError.invalidProp({
          code: 'SLO-004', path, prop: `${w.name} burn factor`, found: factor,
          expected: `factor × (1 − objective) < 1; ${factor} × ${this.errorBudget} = ${tidy(factor * this.errorBudget)}, so the error ratio would have to exceed 100% and the alert could never fire`,
          fix: `Raise objectivePercent above ${tidy(100 * (1 - 1 / factor))}, or lengthen the period (${this.name}).`,
        });
      }
    }
  }

  /** 1 − objective, as a fraction (0.001 for 99.9%). */
  public get errorBudget(): number {
    return tidy((100 - this.objectivePercent) / 100);
  }

  /** Each burn-rate window with its factor for this SLO's period. */
  public get burnRates(): readonly { readonly window: BurnRateWindow; readonly factor: number }[] {
    return BURN_RATE_WINDOWS.map((window) => ({ window, factor: burnFactor(window, this.period) }));
  }

  /** The labels of this SLO's recording rules for one cluster (what a query of them selects by). */
  public recordLabels(id: MonitoredClusterIdentity): Record<string, string> {
    return { slo: this.name, [CLUSTER_LABEL]: id.cluster, [ENVIRONMENT_LABEL]: id.environment };
  }

  /** The rule groups of this SLO for one cluster: the burn-rate group and the budget group. */
  public ruleGroups(id: MonitoredClusterIdentity, metrics: BackendMetrics): RuleGroup[] {
    const ind = this.indicator.resolve(metrics);
    const sel = this.recordLabels(id);
    const selText = promqlMatchers(sel);
    const slice = sliErrorExpression(ind);
    const recordingRules: RecordingRule[] = [
      { record: SLO_RECORDS.SLI_ERROR, expr: slice, labels: sel },
      ...SLO_RATIO_WINDOWS.map((w) => ({ record: sloErrorRatioRecord(w), expr: `avg_over_time(${SLO_RECORDS.SLI_ERROR}${selText}[${w}])`, labels: sel })),
    ];
    // The period's ratio and the budget live in their own group, with their own copy of the
    // indicator, so that the long window is computed apart from the burn-rate rules (and each
    // promtool test evaluates only the rules it needs).
    const budgetRules: RecordingRule[] = [
      { record: SLO_RECORDS.PERIOD_SLICE, expr: slice, labels: sel },
      { record: sloErrorRatioRecord(this.period), expr: `avg_over_time(${SLO_RECORDS.PERIOD_SLICE}${selText}[${this.period}])`, labels: sel },
      { record: SLO_RECORDS.ERROR_BUDGET_REMAINING, expr: `1 - ${sloErrorRatioRecord(this.period)}${selText} / ${this.errorBudget}`, labels: sel },
    ];
    const labels = { ...clusterAlertLabels(id), slo: this.name };
    const pascal = this.name.split('-').map((s) => s[0].toUpperCase() + s.slice(1)).join('');
    const where = alertedCluster(id);
    const budget = this.errorBudget;
    const minThreshold = Math.min(...this.burnRates.map((b) => b.factor * budget));
    const alerts: AlertRule[] = this.burnRates.map(({ window: w, factor }) => ({
      alert: `KafkaSLO${pascal}BurnRate${w.name}`, ruleId: this.id, severity: w.severity, for: this.burnRateFor,
      labels: { ...labels, burn_window: w.long.toString() },
      expr: `${sloErrorRatioRecord(w.long)}${selText} > (${factor} * ${budget}) and ${sloErrorRatioRecord(w.short)}${selText} > (${factor} * ${budget})`,
      summary: `SLO ${this.name} of ${id.cluster} burns its error budget ${factor}x too fast (${w.long} and ${w.short})`,
      description: `The ${this.name} SLO (${ind.description}, ${this.objectivePercent}% over ${this.period}) of ${where} is failing ${factor} times faster than its budget allows over both ${w.long} and ${w.short}; at this rate ${Math.round(w.budgetShare * 100)}% of the period's budget is gone within ${w.long}.`,
      runbook: SloRunbook.BURN_RATE,
      scenarios: burnScenarios(ind, w, factor * budget, this.burnRateFor),
    }));
    // One steady burn below the lowest ticket rate, checked against all four burn-rate alerts.
    const last = alerts[alerts.length - 1];
    alerts[alerts.length - 1] = { ...last, scenarios: [...last.scenarios, steadyBurnScenario(ind, BURN_RATE_WINDOWS[BURN_RATE_WINDOWS.length - 1], minThreshold, this.burnRateFor, alerts.slice(0, -1).map((a) => a.alert))] };
    const budgetAlerts: AlertRule[] = [];
    for (const [name, severity, remaining] of [['ErrorBudgetLow', AlertSeverity.WARNING, 0.5], ['ErrorBudgetCritical', AlertSeverity.CRITICAL, 0.2]] as const) {
      budgetAlerts.push({
        alert: `KafkaSLO${pascal}${name}`, ruleId: this.id, severity, for: this.budgetFor, labels,
        expr: `${SLO_RECORDS.ERROR_BUDGET_REMAINING}${selText} < ${remaining}`,
        summary: `SLO ${this.name} of ${id.cluster} has less than ${remaining * 100}% of its error budget left`,
        description: `Less than ${remaining * 100}% of the ${this.period} error budget of the ${this.name} SLO (${ind.description}, ${this.objectivePercent}%) of ${where} remains. Slow down risky changes until it recovers.`,
        runbook: SloRunbook.ERROR_BUDGET,
        scenarios: budgetScenarios(ind, budget, remaining, this.period, this.budgetFor),
      });
    }
    return [
      { name: `kafka-slo-${this.name}-${id.cluster}`, recordingRules, alerts },
      { name: `kafka-slo-${this.name}-${id.cluster}-budget`, recordingRules: budgetRules, alerts: budgetAlerts },
    ];
  }
}

/** Values of a run-length list, in promtool notation. */
function runs(parts: readonly (readonly [number, number])[]): string {
  return parts.filter(([, n]) => n > 0).map(([v, n]) => (n === 1 ? `${v}` : `${v}x${n - 1}`)).join(' ');
}

/**
 * One time slice of an indicator: 1 when bad, 0 when good, and 1 when the indicator has no
 * sample. A comparison with `bool` drops nothing, but an empty input gives an empty output, and
 * `avg_over_time` averages only the samples there are: while the brokers or the exporter are
 * down the SLI would record nothing and the outage would burn no budget. `or on() vector(1)`
 * adds a bad slice exactly when the left side is empty (Prometheus `or`: the right side's
 * elements whose `on()` labels, here none, match no left element).
 * @see https://prometheus.io/docs/prometheus/latest/querying/operators/#logical-set-binary-operators
 */
export function sliErrorExpression(ind: ResolvedIndicator): string {
  return `(${ind.expression} > bool ${ind.threshold}) or on() vector(1)`;
}

/**
 * The indicator expression and threshold of an SLI slice as `sliErrorExpression` writes it, or
 * undefined when the expression has another form. The SLO rules read the threshold back from the
 * synthesized recording rule, after any escape hatch.
 */
export function readSliErrorExpression(expr: string): { readonly indicator: string; readonly threshold: number } | undefined {
  const m = /^\((.+) > bool (-?[0-9][0-9.e+]*)\) or on\(\) vector\(1\)$/s.exec(expr.trim());
  const threshold = Number(m?.[2]);
  return m && Number.isFinite(threshold) ? { indicator: m[1], threshold } : undefined;
}

/**
 * The burn-rate alert's outage scenario, in slices of a fifth of the short window (the test's
 * evaluation interval, so each slice is one recorded sample), checked twice in one run:
 * - while the outage is `kQuiet` slices old, the most the long window holds under the threshold: quiet;
 * - once it is just long enough to cross the threshold in both windows (and to hold for `for`): firing.
 * promtool feeds the input series to the rules only up to each evaluation time
 * (cmd/promtool/unittest.go, `suite.WithSamplesTill`), so the quiet check sees exactly what an
 * outage of `kQuiet` slices would show (one run of evaluations instead of two).
 * The counts hold whether a range includes its left edge (Prometheus 2) or not (Prometheus 3).
 */
function burnScenarios(ind: { readonly testSeries: string; readonly threshold: number }, w: BurnRateWindow, theta: number, forDuration: PrometheusDuration): AlertScenario[] {
  const good = ind.threshold;
  const bad = ind.threshold + 1;
  // Slices of a fifth of the short window keep every test to a few hundred evaluations.
  const slice = PrometheusDuration.seconds(Math.max(60, Math.floor(w.short.totalSeconds / 5 / 60) * 60));
  const nL = w.long.totalSeconds / slice.totalSeconds;
  const nS = w.short.totalSeconds / slice.totalSeconds;
  const hold = Math.ceil(forDuration.totalSeconds / slice.totalSeconds);
  const cross = Math.max(Math.floor(theta * (nL + 1)), Math.floor(theta * (nS + 1))) + 1;
  const kFire = cross + hold;
  const kQuiet = Math.ceil(theta * nL) - 1;
  const history = nL + 2;
  const at = (slices: number) => PrometheusDuration.seconds(slices * slice.totalSeconds);
  return [{
    name: `quiet after ${kQuiet} bad ${slice} slices in a row (error ratio under ${tidy(theta)} over ${w.long}), fires after ${kFire} (error ratio above ${tidy(theta)} over ${w.long} and ${w.short})`,
    interval: slice,
    series: [{ series: ind.testSeries, values: runs([[good, history], [bad, kFire]]) }],
    evalTime: at(history + kFire - 1),
    firing: [{}],
    quietBefore: [at(history + kQuiet - 1)],
  }];
}

/**
 * A steady burn at 80% of the lowest alert threshold: one bad slice every `spacing` slices,
 * checked half a spacing after the last bad slice. No burn-rate alert may fire.
 *
 * The series holds only the slices the check can see: the longest window (`w.long`, `nL`
 * slices) behind the check and behind every evaluation within the alerts' `for` before it, plus
 * one slice for a range that includes its left edge (Prometheus 2), and one more. promtool
 * evaluates every rule of the group at every `evaluation_interval` from time 0 and compares an
 * alert with the evaluation at its `eval_time` (cmd/promtool/unittest.go, `ruleUnitTest` and
 * `testGroup.test`); with `for` at most the short window, the state at the check depends only on
 * the samples in these slices, so older slices of the burn (a test of thousands of evaluations
 * for a 99.9% objective) would change nothing that is checked. The bad slices keep their
 * distances from the check: the last one `tail` slices before it, the others `spacing` apart.
 */
function steadyBurnScenario(ind: { readonly testSeries: string; readonly threshold: number }, w: BurnRateWindow, minTheta: number, forDuration: PrometheusDuration, others: readonly string[]): AlertScenario {
  const slice = PrometheusDuration.seconds(Math.max(60, Math.floor(w.short.totalSeconds / 5 / 60) * 60));
  const nL = w.long.totalSeconds / slice.totalSeconds;
  const spacing = Math.ceil(1.25 / minTheta);
  const tail = Math.floor(spacing / 2);
  const hold = Math.ceil(forDuration.totalSeconds / slice.totalSeconds);
  const history = nL + hold + 2;
  // Slice i of the series is `history - 1 - i` slices before the check.
  const bad = (before: number) => before >= tail && (before - tail) % spacing === 0;
  const parts: [number, number][] = [];
  for (let before = history - 1; before >= 0; before--) {
    const v = bad(before) ? ind.threshold + 1 : ind.threshold;
    const last = parts[parts.length - 1];
    if (last && last[0] === v) last[1]++;
    else parts.push([v, 1]);
  }
  const seen = parts.filter(([v]) => v > ind.threshold).reduce((n, [, k]) => n + k, 0);
  return {
    name: `quiet while the budget burns steadily below the lowest ticket rate (one bad ${slice} slice in ${spacing}, the last ${tail} slices before the check; ${seen} bad in the ${history} slices the check sees)`,
    interval: slice,
    series: [{ series: ind.testSeries, values: runs(parts) }],
    evalTime: PrometheusDuration.seconds((history - 1) * slice.totalSeconds),
    firing: [],
    alsoQuiet: others,
  };
}

/**
 * Budget-remaining scenarios over a shorter history than the period (the ratio is then over
 * the slices there are, in Prometheus 2 and 3 alike), with slices long enough to fit the
 * history in the period.
 *
 * One series proves both sides: good slices, then `kFire` bad ones at the end. Checked when
 * only `kQuiet` of them have come (the ratio still under the threshold) the alert is quiet;
 * at the end (above it, held for `for`) it fires. A budget test is thousands of evaluations, so
 * this halves its cost. When the shorter history would put the quiet check over the threshold,
 * the quiet side gets its own scenario of `total` slices instead.
 *
 * Why no coarser interval or fewer evaluations: promtool evaluates every group of the test's rule
 * files once per `evaluation_interval`, from 0 to the last `eval_time` (cmd/promtool/unittest.go
 * in prometheus/prometheus, the loop over `ts` in `testGroup.test`), so the test costs `total`
 * evaluations of the budget group's five rules. Each evaluation records one 0/1 slice, and the
 * period's ratio is their mean (`avg_over_time`); a quiet check with one bad slice under a
 * ratio threshold θ needs more than 1/θ of them (2000 for the warning alert of a 99.9%
 * objective), and `fewest` is 5% above that. An `evaluation_interval` shorter than the input
 * series' `interval` (more slices than samples) evaluates where no sample is within the 5m
 * lookback (promql/engine.go, `defaultLookbackDelta`), which the SLI counts as bad; a longer one
 * records fewer slices. Fewer slices leave only a quiet check with no bad slice, or a looser
 * bracket (a 1% margin instead of 5%: quiet at 99% of θ, but firing at 198% instead of 190%).
 */
function budgetScenarios(ind: { readonly testSeries: string; readonly threshold: number }, budget: number, remaining: number, period: PrometheusDuration, forDuration: PrometheusDuration): AlertScenario[] {
  const maxBadRatio = (1 - remaining) * budget;
  // Each slice is one evaluation of every rule of the group, so the test costs `total`
  // evaluations. The fewest slices that still bracket the threshold: one bad slice of the quiet
  // history is under it (by 5%, far above floating-point noise), two of `total` are over it.
  // (The threshold of the warning alert for a 99.9% objective: 2101 slices; of the critical one: 1314.)
  const sliceOf = (n: number) => PrometheusDuration.minutes(Math.max(1, Math.floor(period.totalSeconds / 60 / (n + 1))));
  const fewest = Math.max(100, Math.ceil(1.05 / maxBadRatio) + 1);
  const total = fewest + Math.ceil(forDuration.totalSeconds / sliceOf(fewest).totalSeconds);
  const slice = sliceOf(total);
  const hold = Math.ceil(forDuration.totalSeconds / slice.totalSeconds);
  const kQuiet = Math.ceil(maxBadRatio * total) - 1;
  const kFire = Math.floor(maxBadRatio * total) + 1 + hold;
  const left = `${remaining * 100}% of the budget left`;
  const series = (k: number) => [{ series: ind.testSeries, values: runs([[ind.threshold, total - k], [ind.threshold + 1, k]]) }];
  const at = (slices: number) => PrometheusDuration.seconds((slices - 1) * slice.totalSeconds);
  // Slices in the history when the kQuiet-th bad slice has come.
  const quietHistory = total - (kFire - kQuiet);
  if (kQuiet < maxBadRatio * quietHistory) {
    return [{
      name: `quiet when ${kQuiet} of ${quietHistory} ${slice} slices were bad (more than ${left}), fires when ${kFire} of ${total} were bad (less than ${left})`,
      interval: slice, series: series(kFire), evalTime: at(total), firing: [{}], quietBefore: [at(quietHistory)],
    }];
  }
  return [
    { name: `fires when ${kFire} of ${total} ${slice} slices were bad (less than ${left})`, interval: slice, series: series(kFire), evalTime: at(total), firing: [{}] },
    { name: `quiet when ${kQuiet} of ${total} ${slice} slices were bad (more than ${left})`, interval: slice, series: series(kQuiet), evalTime: at(total), firing: [] },
  ];
}

/** Rounds away floating-point noise: 0.02 × 720 = 14.4, not 14.399999999999999. */
export function tidy(x: number): number {
  return Number(x.toPrecision(12));
}
