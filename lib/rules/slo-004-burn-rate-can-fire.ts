import { RuleTarget } from '../contract/rule-target';
import type { SynthesizedDocument } from '../contract/document';
import { Findings, NOT_APPLICABLE, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { isMonitoringRuleDocument } from './checks/cluster-monitoring';
import { burnAlertsOf } from './checks/slo-coverage';

/**
 * SLO-004: a burn-rate alert that can never fire is refused: factor × (1 − objective) ≥ 1 would
 * need an error ratio above 100%. ServiceLevelObjective refuses it at construction; this rule
 * catches one made by an escape hatch on the PrometheusRule, or on the rules artefact of
 * MskPrometheusMonitoring.
 */
export const SLO_004_BURN_RATE_CAN_FIRE: Rule = defineRule({
  id: 'SLO-004',
  title: 'Every burn-rate alert can fire: factor × (1 − objective) < 1.',
  explanation: 'An alert whose threshold is above an error ratio of 100% is silence that looks like monitoring.',
  remediation: 'Raise the objective or lengthen the period so that factor × (1 − objective) < 1.',
  severity: Severity.ERROR,
  appliesTo: [RuleTarget.STRIMZI, RuleTarget.STATEFULSET, RuleTarget.MSK],
  targets: { any: checkRuleDocument },
});

/** The Prometheus rule groups of any target (a PrometheusRule, the open-monitoring rules artefact on MSK). */
function checkRuleDocument(doc: SynthesizedDocument): RuleOutcome {
  if (!isMonitoringRuleDocument(doc)) return NOT_APPLICABLE;
  const burns = burnAlertsOf(doc);
  if (burns.length === 0) return NOT_APPLICABLE;
  const f = new Findings();
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
}
