import { readSliErrorExpression, ServiceLevelObjective, SLO_RECORDS } from '../../model/monitoring/service-level-objective';
import type { SynthesizedDocument } from '../../contract/document';
import { alertsOf, recordsOf, isMonitoringRuleDocument, kafkaClusterOf, ruleDocumentLabel, ruleDocumentsFor, type FoundAlert } from './cluster-monitoring';
import { Findings, NOT_APPLICABLE, RuleTarget, shown, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { defineRule, Severity } from '../define-rule';
import type { Environment } from '../../model/environment';

/** The `F * B` products of a burn-rate alert expression: `> (14.4 * 0.001)`. */
export function burnProducts(expr: string): { readonly factor: number; readonly budget: number }[] {
  return [...expr.matchAll(/>\s*\(\s*([0-9.e+-]+)\s*\*\s*([0-9.e+-]+)\s*\)/g)].map((m) => ({ factor: Number(m[1]), budget: Number(m[2]) }));
}

/**
 * An SLO rule: each rule document of a Kafka cluster (a PrometheusRule on Kubernetes, the rule
 * groups MskPrometheusMonitoring writes into the stack on MSK) carries the SLO that the
 * environment's profile requires (RULES.md), with the four burn-rate alerts at the factors of
 * its period, an objective no weaker than the profile's, and the two budget-remaining alerts.
 */
export function sloRule(id: string, name: string, title: string, explanation: string): Rule {
  return defineRule({
    id, title, explanation,
    remediation: 'Keep the default SLOs of KafkaPrometheusMonitoring or MskPrometheusMonitoring (ServiceLevelObjective.defaultsFor(profile)), or declare the SLO with the profile\'s objective and period.',
    severity: Severity.ERROR,
    // The rule groups of any target: a PrometheusRule on Kubernetes, the open-monitoring artefact on MSK.
    appliesTo: [RuleTarget.STRIMZI, RuleTarget.STATEFULSET, RuleTarget.MSK],
    targets: { any: (doc, ctx) => checkSloCoverage(doc, ctx, id, name) },
  });
}

function checkSloCoverage(doc: SynthesizedDocument, ctx: RuleContext, id: string, name: string): RuleOutcome {
  const required = ServiceLevelObjective.defaultsFor(ctx.environment.profile).find((s) => s.id === id);
  if (!required) return NOT_APPLICABLE;
  if (isMonitoringRuleDocument(doc)) return checkSlo(doc, required, name, ctx.environment);
  // On Kubernetes the MON rules already require the cluster's PrometheusRule, which carries
  // the SLOs. On MSK the CloudWatch alarms satisfy MON, and CloudWatch cannot express an SLO:
  // the cluster must also have its open-monitoring rule groups.
  const cluster = kafkaClusterOf(doc);
  if (!cluster || cluster.target !== RuleTarget.MSK) return NOT_APPLICABLE;
  const f = new Findings();
  f.expect(ruleDocumentsFor(ctx.index, cluster.name).length > 0, {
    found: `MSK cluster ${cluster.name} has no Prometheus rule groups, so its ${id} (${name}) SLO is not watched (CloudWatch alarms cannot express burn rates)`,
    expected: `the ${required.objectivePercent}% over ${required.period} SLO of ${ctx.environment.profile} as burn-rate alerts`,
    fix: `Add new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: '${cluster.name}', brokers }) next to the cluster.`,
  });
  return f.outcome();
}

function checkSlo(doc: SynthesizedDocument, required: ServiceLevelObjective, name: string, env: Environment): RuleOutcome {
  const f = new Findings();
  const label = ruleDocumentLabel(doc);
  const alerts = alertsOf(doc).filter((a) => a.labels.rule_id === required.id);
  const burn = alerts.filter((a) => a.labels.burn_window);
  for (const { window, factor } of required.burnRates) {
    const a = burn.find((x) => x.labels.burn_window === window.long.toString());
    f.expect(a !== undefined, {
      found: `${label} has no ${required.id} (${name}) burn-rate alert over ${window.long}`,
      expected: `the ${window.name} alert (${factor}x over ${window.long} and ${window.short}) for ${env.profile}`,
    });
    if (a) checkBurnAlert(f, a, factor, required);
  }
  for (const remaining of ['0.5', '0.2']) {
    f.expect(alerts.some((a) => a.expr.trim().endsWith(`< ${remaining}`) && a.expr.includes('error_budget:remaining')), {
      found: `${label} has no ${required.id} alert on less than ${Number(remaining) * 100}% error budget remaining`,
      expected: 'budget-remaining alerts below 50% (warning) and 20% (critical)',
    });
  }
  checkSliThresholds(f, doc, new Set(alerts.map((a) => a.labels.slo).filter((s) => s !== undefined)), required, env);
  return f.outcome();
}

/**
 * The SLI slices the alerts of an SLO read (`kafka_slo:sli_error` for the burn rates,
 * `kafka_slo:sli_error:period_slice` for the budget), found by the `slo` label of its alerts:
 * each is `(<indicator> > bool <threshold>) or on() vector(1)` with a threshold no looser than
 * the profile's SLI (RULES.md: produce latency P99 < 100 ms, consumer lag < 10,000 messages).
 * A looser threshold counts slow or lagging minutes as good, so the budget never burns.
 */
function checkSliThresholds(f: Findings, doc: SynthesizedDocument, slos: ReadonlySet<string>, required: ServiceLevelObjective, env: Environment): void {
  // Without alerts the findings above already say the SLO is missing.
  if (slos.size === 0) return;
  const bound = required.indicator.bound;
  const records = recordsOf(doc).filter((r) => slos.has(r.labels.slo));
  const fix = `Declare ${required.id} with its default indicator (${required.indicator.summary}) or a stricter threshold, and remove any escape hatch that rewrites the recording rule.`;
  for (const record of [SLO_RECORDS.SLI_ERROR, SLO_RECORDS.PERIOD_SLICE]) {
    const found = records.filter((r) => r.record === record);
    f.expect(found.length > 0, {
      found: `${ruleDocumentLabel(doc)} has no ${record} recording rule for ${required.id} (slo ${[...slos].join(', ')}), which its alerts read`,
      expected: `the SLI slice '(<indicator> > bool ${bound}) or on() vector(1)'`,
      fix,
    });
    for (const r of found) {
      const sli = readSliErrorExpression(r.expr);
      f.expect(sli !== undefined, {
        found: `recording rule ${record} of ${required.id} (slo ${r.labels.slo}) is ${shown(r.expr)}`,
        expected: `'(<indicator> > bool <threshold>) or on() vector(1)': a minute is bad above the threshold, and a minute without data is bad`,
        fix,
      });
      if (sli === undefined) continue;
      f.expect(sli.threshold <= bound, {
        found: `recording rule ${record} of ${required.id} (slo ${r.labels.slo}) counts a minute bad only above ${sli.threshold}`,
        expected: `at most ${bound}: the SLI of ${env.profile} is ${required.indicator.summary}`,
        fix,
      });
    }
  }
}

function checkBurnAlert(f: Findings, a: FoundAlert, factor: number, required: ServiceLevelObjective): void {
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
export function burnAlertsOf(doc: SynthesizedDocument): { readonly alert: FoundAlert; readonly products: { readonly factor: number; readonly budget: number }[] }[] {
  return alertsOf(doc).filter((a) => a.labels.burn_window).map((alert) => ({ alert, products: burnProducts(alert.expr) }));
}
