"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.burnProducts = burnProducts;
exports.sloRule = sloRule;
exports.burnAlertsOf = burnAlertsOf;
const service_level_objective_1 = require("../../model/monitoring/service-level-objective");
const cluster_monitoring_1 = require("./cluster-monitoring");
const rule_1 = require("../rule");
/** The `F * B` products of a burn-rate alert expression: `> (14.4 * 0.001)`. */
function burnProducts(expr) {
    return [...expr.matchAll(/>\s*\(\s*([0-9.e+-]+)\s*\*\s*([0-9.e+-]+)\s*\)/g)].map((m) => ({ factor: Number(m[1]), budget: Number(m[2]) }));
}
/**
 * An SLO rule: each rule document of a Kafka cluster (a PrometheusRule on Kubernetes, the rule
 * groups MskPrometheusMonitoring writes into the stack on MSK) carries the SLO that the
 * environment's profile requires (RULES.md), with the four burn-rate alerts at the factors of
 * its period, an objective no weaker than the profile's, and the two budget-remaining alerts.
 */
function sloRule(id, name, title, explanation) {
    return {
        id, level: rule_1.RuleLevel.ERROR, title, explanation,
        remediation: 'Keep the default SLOs of KafkaPrometheusMonitoring or MskPrometheusMonitoring (ServiceLevelObjective.defaultsFor(profile)), or declare the SLO with the profile\'s objective and period.',
        targets: [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET, rule_1.RuleTarget.MSK],
        check(doc, ctx) {
            const required = service_level_objective_1.ServiceLevelObjective.defaultsFor(ctx.environment.profile).find((s) => s.id === id);
            if (!required)
                return rule_1.NOT_APPLICABLE;
            if ((0, cluster_monitoring_1.isMonitoringRuleDocument)(doc))
                return checkSlo(doc, required, name, ctx.environment);
            // On Kubernetes the MON rules already require the cluster's PrometheusRule, which carries
            // the SLOs. On MSK the CloudWatch alarms satisfy MON, and CloudWatch cannot express an SLO:
            // the cluster must also have its open-monitoring rule groups.
            const cluster = (0, cluster_monitoring_1.kafkaClusterOf)(doc);
            if (!cluster || cluster.target !== rule_1.RuleTarget.MSK)
                return rule_1.NOT_APPLICABLE;
            const f = new rule_1.Findings();
            f.expect((0, cluster_monitoring_1.ruleDocumentsFor)(ctx.index, cluster.name).length > 0, {
                found: `MSK cluster ${cluster.name} has no Prometheus rule groups, so its ${id} (${name}) SLO is not watched (CloudWatch alarms cannot express burn rates)`,
                expected: `the ${required.objectivePercent}% over ${required.period} SLO of ${ctx.environment.profile} as burn-rate alerts`,
                fix: `Add new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: '${cluster.name}', brokers }) next to the cluster.`,
            });
            return f.outcome();
        },
    };
}
function checkSlo(doc, required, name, env) {
    const f = new rule_1.Findings();
    const label = (0, cluster_monitoring_1.ruleDocumentLabel)(doc);
    const alerts = (0, cluster_monitoring_1.alertsOf)(doc).filter((a) => a.labels.rule_id === required.id);
    const burn = alerts.filter((a) => a.labels.burn_window);
    for (const { window, factor } of required.burnRates) {
        const a = burn.find((x) => x.labels.burn_window === window.long.toString());
        f.expect(a !== undefined, {
            found: `${label} has no ${required.id} (${name}) burn-rate alert over ${window.long}`,
            expected: `the ${window.name} alert (${factor}x over ${window.long} and ${window.short}) for ${env.profile}`,
        });
        if (a)
            checkBurnAlert(f, a, factor, required);
    }
    for (const remaining of ['0.5', '0.2']) {
        f.expect(alerts.some((a) => a.expr.trim().endsWith(`< ${remaining}`) && a.expr.includes('error_budget:remaining')), {
            found: `${label} has no ${required.id} alert on less than ${Number(remaining) * 100}% error budget remaining`,
            expected: 'budget-remaining alerts below 50% (warning) and 20% (critical)',
        });
    }
    return f.outcome();
}
function checkBurnAlert(f, a, factor, required) {
    for (const p of burnProducts(a.expr)) {
        f.expect(p.factor === factor, {
            found: `alert ${a.alert} burns at ${p.factor}x`, expected: `${factor}x for a ${required.period} period (budget share × period ÷ long window)`,
        });
        f.expect(p.budget <= required.errorBudget, {
            found: `alert ${a.alert} has an error budget of ${p.budget} (objective ${Math.round((1 - p.budget) * 1e6) / 1e4}%)`,
            expected: `at most ${required.errorBudget} (objective ${required.objectivePercent}% or stricter)`,
        });
    }
}
/** Every burn-rate product of every alert of a rule document that carries a `burn_window` label. */
function burnAlertsOf(doc) {
    return (0, cluster_monitoring_1.alertsOf)(doc).filter((a) => a.labels.burn_window).map((alert) => ({ alert, products: burnProducts(alert.expr) }));
}
