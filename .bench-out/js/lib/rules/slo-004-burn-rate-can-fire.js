"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SLO_004_BURN_RATE_CAN_FIRE = void 0;
const rule_1 = require("./rule");
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
const slo_coverage_1 = require("./checks/slo-coverage");
/**
 * SLO-004: a burn-rate alert that can never fire is refused: factor × (1 − objective) ≥ 1 would
 * need an error ratio above 100%. ServiceLevelObjective refuses it at construction; this rule
 * catches one made by an escape hatch on the PrometheusRule, or on the rules artefact of
 * MskPrometheusMonitoring.
 */
exports.SLO_004_BURN_RATE_CAN_FIRE = {
    id: 'SLO-004',
    level: rule_1.RuleLevel.ERROR,
    title: 'Every burn-rate alert can fire: factor × (1 − objective) < 1.',
    explanation: 'An alert whose threshold is above an error ratio of 100% is silence that looks like monitoring.',
    remediation: 'Raise the objective or lengthen the period so that factor × (1 − objective) < 1.',
    targets: [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET, rule_1.RuleTarget.MSK],
    check(doc) {
        if (!(0, cluster_monitoring_1.isMonitoringRuleDocument)(doc))
            return rule_1.NOT_APPLICABLE;
        const burns = (0, slo_coverage_1.burnAlertsOf)(doc);
        if (burns.length === 0)
            return rule_1.NOT_APPLICABLE;
        const f = new rule_1.Findings();
        for (const { alert, products } of burns) {
            for (const p of products) {
                const product = Number((p.factor * p.budget).toPrecision(12));
                f.expect(product < 1, {
                    found: `alert ${alert.alert} fires above an error ratio of ${p.factor} × ${p.budget} = ${product}`,
                    expected: 'factor × (1 − objective) < 1 (an error ratio cannot exceed 1)',
                });
            }
        }
        return f.outcome();
    },
};
