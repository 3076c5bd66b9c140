"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ServiceLevelObjective = exports.BURN_RATE_WINDOWS = exports.SLO_RATIO_WINDOWS = void 0;
exports.burnFactor = burnFactor;
exports.tidy = tidy;
const environment_1 = require("../environment");
const errors_1 = require("../errors");
const alert_severity_1 = require("./alert-severity");
const metrics_backend_1 = require("./metrics-backend");
const prometheus_duration_1 = require("./prometheus-duration");
const service_level_indicator_1 = require("./service-level-indicator");
/** The windows every SLO records its error ratio over (besides its whole period). */
exports.SLO_RATIO_WINDOWS = [
    prometheus_duration_1.PrometheusDuration.minutes(5), prometheus_duration_1.PrometheusDuration.minutes(30), prometheus_duration_1.PrometheusDuration.hours(1),
    prometheus_duration_1.PrometheusDuration.hours(2), prometheus_duration_1.PrometheusDuration.hours(6), prometheus_duration_1.PrometheusDuration.days(1), prometheus_duration_1.PrometheusDuration.days(3),
];
/**
 * The Google SRE workbook's four alerts. For a 30-day period they burn at 14.4x (1h, 5m),
 * 6x (6h, 30m), 3x (1d, 2h) and 1x (3d, 6h); as budget shares: 2%, 5%, 10%, 10%.
 */
exports.BURN_RATE_WINDOWS = [
    { name: 'Page1h', severity: alert_severity_1.AlertSeverity.CRITICAL, long: prometheus_duration_1.PrometheusDuration.hours(1), short: prometheus_duration_1.PrometheusDuration.minutes(5), budgetShare: 0.02 },
    { name: 'Page6h', severity: alert_severity_1.AlertSeverity.CRITICAL, long: prometheus_duration_1.PrometheusDuration.hours(6), short: prometheus_duration_1.PrometheusDuration.minutes(30), budgetShare: 0.05 },
    { name: 'Ticket1d', severity: alert_severity_1.AlertSeverity.WARNING, long: prometheus_duration_1.PrometheusDuration.days(1), short: prometheus_duration_1.PrometheusDuration.hours(2), budgetShare: 0.1 },
    { name: 'Ticket3d', severity: alert_severity_1.AlertSeverity.WARNING, long: prometheus_duration_1.PrometheusDuration.days(3), short: prometheus_duration_1.PrometheusDuration.hours(6), budgetShare: 0.1 },
];
/** The burn factor of a window for a period: budget share × period ÷ long window. */
function burnFactor(window, period) {
    return tidy(window.budgetShare * period.totalSeconds / window.long.totalSeconds);
}
/**
 * A service level objective with its error budget: recording rules for the error ratio over
 * 5m, 30m, 1h, 2h, 6h, 1d, 3d and the period, the four multi-window multi-burn-rate alerts,
 * and budget-remaining alerts (warning below 50%, critical below 20%).
 */
class ServiceLevelObjective {
    /** SLO-001 to 003 with the objective and period of an environment profile (RULES.md; development: see docs). */
    static defaultsFor(profile) {
        const days = (n) => prometheus_duration_1.PrometheusDuration.days(n);
        switch (profile) {
            case environment_1.EnvironmentProfile.PRODUCTION: return [
                new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: service_level_indicator_1.ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99.9, period: days(30) }),
                new ServiceLevelObjective({ id: 'SLO-002', name: 'consumer-lag', indicator: service_level_indicator_1.ServiceLevelIndicator.maxConsumerLag(), objectivePercent: 99.5, period: days(30) }),
                new ServiceLevelObjective({ id: 'SLO-003', name: 'broker-availability', indicator: service_level_indicator_1.ServiceLevelIndicator.noUnderReplicatedPartitions(), objectivePercent: 99.9, period: days(30) }),
            ];
            case environment_1.EnvironmentProfile.STAGING: return [
                new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: service_level_indicator_1.ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99.0, period: days(7) }),
                new ServiceLevelObjective({ id: 'SLO-002', name: 'consumer-lag', indicator: service_level_indicator_1.ServiceLevelIndicator.maxConsumerLag(), objectivePercent: 95.0, period: days(7) }),
            ];
            default: return [
                // Development: a looser version of staging, so that burn-rate alerts exist and are
                // exercised, but a noisy sandbox does not page anyone by accident (route by `environment`).
                new ServiceLevelObjective({ id: 'SLO-001', name: 'message-delivery', indicator: service_level_indicator_1.ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 95.0, period: days(7) }),
                new ServiceLevelObjective({ id: 'SLO-002', name: 'consumer-lag', indicator: service_level_indicator_1.ServiceLevelIndicator.maxConsumerLag(), objectivePercent: 90.0, period: days(7) }),
            ];
        }
    }
    id;
    name;
    indicator;
    objectivePercent;
    period;
    burnRateFor;
    budgetFor;
    constructor(props) {
        const path = `ServiceLevelObjective ${props.name}`;
        // Words of lower-case letters and digits joined by single dashes: each word becomes a part
        // of the alert names (KafkaSLOMessageDelivery...), so an empty word cannot be allowed.
        if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(props.name)) {
            throw errors_1.KafkaIacError.invalidProp({ code: props.id, path, prop: 'name', found: props.name, expected: 'lower-case letters and digits in words joined by single dashes', fix: "Name the SLO like 'message-delivery'." });
        }
        if (!(Number.isFinite(props.objectivePercent) && props.objectivePercent > 0 && props.objectivePercent < 100)) {
            throw errors_1.KafkaIacError.invalidProp({
                code: props.id, path, prop: 'objectivePercent', found: props.objectivePercent,
                expected: 'a percentage strictly between 0 and 100', fix: 'Set objectivePercent to a value such as 99.9 (100 leaves no error budget; 0 promises nothing).',
            });
        }
        const longest = exports.BURN_RATE_WINDOWS[exports.BURN_RATE_WINDOWS.length - 1].long;
        if (props.period.totalSeconds < longest.totalSeconds) {
            throw errors_1.KafkaIacError.invalidProp({
                code: props.id, path, prop: 'period', found: props.period.toString(),
                expected: `at least ${longest}, the longest burn-rate window`, fix: 'Use a period of 7d or 30d.',
            });
        }
        this.id = props.id;
        this.name = props.name;
        this.indicator = props.indicator;
        this.objectivePercent = props.objectivePercent;
        this.period = props.period;
        this.burnRateFor = props.burnRateFor ?? prometheus_duration_1.PrometheusDuration.seconds(0);
        this.budgetFor = props.budgetFor ?? prometheus_duration_1.PrometheusDuration.seconds(0);
        for (const w of exports.BURN_RATE_WINDOWS) {
            if (w.short.totalSeconds < this.burnRateFor.totalSeconds) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: props.id, path, prop: 'burnRateFor', found: this.burnRateFor.toString(),
                    expected: `no longer than the ${w.short} short window of the ${w.name} alert`,
                    fix: `Set burnRateFor to ${w.short} or less (0 is the SRE workbook's choice).`,
                });
            }
            const factor = burnFactor(w, this.period);
            if (factor * this.errorBudget >= 1) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: 'SLO-004', path, prop: `${w.name} burn factor`, found: factor,
                    expected: `factor × (1 − objective) < 1; ${factor} × ${this.errorBudget} = ${tidy(factor * this.errorBudget)}, so the error ratio would have to exceed 100% and the alert could never fire`,
                    fix: `Raise objectivePercent above ${tidy(100 * (1 - 1 / factor))}, or lengthen the period (${this.name}).`,
                });
            }
        }
    }
    /** 1 − objective, as a fraction (0.001 for 99.9%). */
    get errorBudget() {
        return tidy((100 - this.objectivePercent) / 100);
    }
    /** Each burn-rate window with its factor for this SLO's period. */
    get burnRates() {
        return exports.BURN_RATE_WINDOWS.map((window) => ({ window, factor: burnFactor(window, this.period) }));
    }
    /** The rule groups of this SLO for one cluster: the burn-rate group and the budget group. */
    ruleGroups(id, metrics) {
        const ind = this.indicator.resolve(metrics);
        const sel = { slo: this.name, [metrics_backend_1.CLUSTER_LABEL]: id.cluster, [metrics_backend_1.ENVIRONMENT_LABEL]: id.environment };
        const selText = `{slo="${this.name}",${metrics_backend_1.CLUSTER_LABEL}="${id.cluster}",${metrics_backend_1.ENVIRONMENT_LABEL}="${id.environment}"}`;
        const recordingRules = [
            { record: 'kafka_slo:sli_error', expr: `${ind.expression} > bool ${ind.threshold}`, labels: sel },
            ...exports.SLO_RATIO_WINDOWS.map((w) => ({ record: `kafka_slo:sli_error:ratio_rate${w}`, expr: `avg_over_time(kafka_slo:sli_error${selText}[${w}])`, labels: sel })),
        ];
        // The period's ratio and the budget live in their own group, with their own copy of the
        // indicator, so that the long window is computed apart from the burn-rate rules (and each
        // promtool test evaluates only the rules it needs).
        const budgetRules = [
            { record: 'kafka_slo:sli_error:period_slice', expr: `${ind.expression} > bool ${ind.threshold}`, labels: sel },
            { record: `kafka_slo:sli_error:ratio_rate${this.period}`, expr: `avg_over_time(kafka_slo:sli_error:period_slice${selText}[${this.period}])`, labels: sel },
            { record: 'kafka_slo:error_budget:remaining', expr: `1 - kafka_slo:sli_error:ratio_rate${this.period}${selText} / ${this.errorBudget}`, labels: sel },
        ];
        const labels = { [metrics_backend_1.CLUSTER_LABEL]: id.cluster, [metrics_backend_1.ENVIRONMENT_LABEL]: id.environment, [metrics_backend_1.REGION_LABEL]: id.region, slo: this.name };
        const pascal = this.name.split('-').map((s) => s[0].toUpperCase() + s.slice(1)).join('');
        const where = `cluster ${id.cluster} (${id.environment}, ${id.region})`;
        const budget = this.errorBudget;
        const minThreshold = Math.min(...this.burnRates.map((b) => b.factor * budget));
        const alerts = this.burnRates.map(({ window: w, factor }) => ({
            alert: `KafkaSLO${pascal}BurnRate${w.name}`, ruleId: this.id, severity: w.severity, for: this.burnRateFor,
            labels: { ...labels, burn_window: w.long.toString() },
            expr: `kafka_slo:sli_error:ratio_rate${w.long}${selText} > (${factor} * ${budget}) and kafka_slo:sli_error:ratio_rate${w.short}${selText} > (${factor} * ${budget})`,
            summary: `SLO ${this.name} of ${id.cluster} burns its error budget ${factor}x too fast (${w.long} and ${w.short})`,
            description: `The ${this.name} SLO (${ind.description}, ${this.objectivePercent}% over ${this.period}) of ${where} is failing ${factor} times faster than its budget allows over both ${w.long} and ${w.short}; at this rate ${Math.round(w.budgetShare * 100)}% of the period's budget is gone within ${w.long}.`,
            runbook: 'slo-burn-rate',
            scenarios: burnScenarios(ind, w, factor * budget, this.burnRateFor),
        }));
        // One steady burn below the lowest ticket rate, checked against all four burn-rate alerts.
        const last = alerts[alerts.length - 1];
        alerts[alerts.length - 1] = { ...last, scenarios: [...last.scenarios, steadyBurnScenario(ind, exports.BURN_RATE_WINDOWS[exports.BURN_RATE_WINDOWS.length - 1], minThreshold, alerts.slice(0, -1).map((a) => a.alert))] };
        const budgetAlerts = [];
        for (const [name, severity, remaining] of [['ErrorBudgetLow', alert_severity_1.AlertSeverity.WARNING, 0.5], ['ErrorBudgetCritical', alert_severity_1.AlertSeverity.CRITICAL, 0.2]]) {
            budgetAlerts.push({
                alert: `KafkaSLO${pascal}${name}`, ruleId: this.id, severity, for: this.budgetFor, labels,
                expr: `kafka_slo:error_budget:remaining${selText} < ${remaining}`,
                summary: `SLO ${this.name} of ${id.cluster} has less than ${remaining * 100}% of its error budget left`,
                description: `Less than ${remaining * 100}% of the ${this.period} error budget of the ${this.name} SLO (${ind.description}, ${this.objectivePercent}%) of ${where} remains. Slow down risky changes until it recovers.`,
                runbook: 'slo-error-budget',
                scenarios: budgetScenarios(ind, budget, remaining, this.period, this.budgetFor),
            });
        }
        return [
            { name: `kafka-slo-${this.name}-${id.cluster}`, recordingRules, alerts },
            { name: `kafka-slo-${this.name}-${id.cluster}-budget`, recordingRules: budgetRules, alerts: budgetAlerts },
        ];
    }
}
exports.ServiceLevelObjective = ServiceLevelObjective;
/** Values of a run-length list, in promtool notation. */
function runs(parts) {
    return parts.filter(([, n]) => n > 0).map(([v, n]) => (n === 1 ? `${v}` : `${v}x${n - 1}`)).join(' ');
}
/**
 * Two scenarios per burn-rate alert, in slices of a fifth of the short window (the test's
 * evaluation interval, so each slice is one recorded sample):
 * - an outage just long enough to cross the threshold in both windows (and to hold for `for`) fires;
 * - an outage one slice short of the threshold in the long window is quiet.
 * The counts hold whether a range includes its left edge (Prometheus 2) or not (Prometheus 3).
 */
function burnScenarios(ind, w, theta, forDuration) {
    const good = ind.threshold;
    const bad = ind.threshold + 1;
    // Slices of a fifth of the short window keep every test to a few hundred evaluations.
    const slice = prometheus_duration_1.PrometheusDuration.seconds(Math.max(60, Math.floor(w.short.totalSeconds / 5 / 60) * 60));
    const nL = w.long.totalSeconds / slice.totalSeconds;
    const nS = w.short.totalSeconds / slice.totalSeconds;
    const hold = Math.ceil(forDuration.totalSeconds / slice.totalSeconds);
    const cross = Math.max(Math.floor(theta * (nL + 1)), Math.floor(theta * (nS + 1))) + 1;
    const kFire = cross + hold;
    const kQuiet = Math.ceil(theta * nL) - 1;
    const history = nL + 2;
    const at = (slices) => prometheus_duration_1.PrometheusDuration.seconds(slices * slice.totalSeconds);
    const outage = (k) => ({
        name: k === kFire
            ? `fires after ${k} bad ${slice} slices in a row (error ratio above ${tidy(theta)} over ${w.long} and ${w.short})`
            : `quiet after ${k} bad ${slice} slices in a row (error ratio under ${tidy(theta)} over ${w.long})`,
        interval: slice,
        series: [{ series: ind.testSeries, values: runs([[good, history], [bad, k]]) }],
        evalTime: at(history + k - 1),
        firing: k === kFire ? [{}] : [],
    });
    return [outage(kFire), outage(kQuiet)];
}
/**
 * A steady burn at 80% of the lowest alert threshold: one bad slice every `spacing` slices,
 * checked half a spacing after the last bad slice. No burn-rate alert may fire.
 */
function steadyBurnScenario(ind, w, minTheta, others) {
    const slice = prometheus_duration_1.PrometheusDuration.seconds(Math.max(60, Math.floor(w.short.totalSeconds / 5 / 60) * 60));
    const nL = w.long.totalSeconds / slice.totalSeconds;
    const spacing = Math.ceil(1.25 / minTheta);
    const cycles = Math.max(1, Math.ceil((nL + 2) / spacing));
    const parts = [];
    for (let i = 0; i < cycles; i++)
        parts.push([ind.threshold + 1, 1], [ind.threshold, spacing - 1]);
    const tail = Math.floor(spacing / 2);
    parts.push([ind.threshold + 1, 1], [ind.threshold, tail]);
    const total = cycles * spacing + 1 + tail;
    return {
        name: `quiet while the budget burns steadily below the lowest ticket rate (one bad ${slice} slice in ${spacing})`,
        interval: slice,
        series: [{ series: ind.testSeries, values: runs(parts) }],
        evalTime: prometheus_duration_1.PrometheusDuration.seconds((total - 1) * slice.totalSeconds),
        firing: [],
        alsoQuiet: others,
    };
}
/**
 * Budget-remaining scenarios over a shorter history than the period (the ratio is then over
 * the slices there are, in Prometheus 2 and 3 alike), with slices long enough to fit the
 * history in the period.
 */
function budgetScenarios(ind, budget, remaining, period, forDuration) {
    const total = Math.max(100, Math.ceil(2.5 / budget));
    const slice = prometheus_duration_1.PrometheusDuration.minutes(Math.max(1, Math.floor(period.totalSeconds / 60 / (total + 1))));
    const maxBadRatio = (1 - remaining) * budget;
    const hold = Math.ceil(forDuration.totalSeconds / slice.totalSeconds);
    const kQuiet = Math.ceil(maxBadRatio * total) - 1;
    const kFire = Math.floor(maxBadRatio * total) + 1 + hold;
    const at = (k, fires) => ({
        name: fires
            ? `fires when ${k} of ${total} ${slice} slices were bad (less than ${remaining * 100}% of the budget left)`
            : `quiet when ${k} of ${total} ${slice} slices were bad (more than ${remaining * 100}% of the budget left)`,
        interval: slice,
        series: [{ series: ind.testSeries, values: runs([[ind.threshold, total - k], [ind.threshold + 1, k]]) }],
        evalTime: prometheus_duration_1.PrometheusDuration.seconds((total - 1) * slice.totalSeconds),
        firing: fires ? [{}] : [],
    });
    return [at(kFire, true), at(kQuiet, false)];
}
/** Rounds away floating-point noise: 0.02 × 720 = 14.4, not 14.399999999999999. */
function tidy(x) {
    return Number(x.toPrecision(12));
}
