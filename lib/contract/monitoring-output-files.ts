import { oncePerSynthesis, type Environment, type OutputRenderContext } from '../model/environment';
import { KafkaIacError } from '../model/errors';
import type { RuleGroup } from '../model/monitoring/alert-rule';
import { assertUniqueAlertNames } from '../model/monitoring/alert-rule';
import { KAFKA_RUNBOOKS } from '../model/monitoring/kafka-runbooks';
import { SCALING_RUNBOOKS } from '../model/monitoring/scaling-runbooks';
import { renderRuleFile, renderRuleFileOf } from './prometheus-rule-file';
import { renderAlertTestFile } from './promtool-test-file';
import { renderRunbook, type Runbook, type RunbookDashboardLink } from '../model/monitoring/runbook';

/** Where the generated Prometheus files of an environment go, under `dist/<env>/`. */
export const PROMETHEUS_DIR = 'prometheus';
/** Where the generated runbooks of an environment go, under `dist/<env>/`. */
export const RUNBOOK_DIR = 'runbooks';

const runbookAlerts = new WeakMap<Environment, Map<string, Set<string>>>();
const runbookPanels = new WeakMap<Environment, RunbookDashboardLink[]>();

/** A function that gives the runbook URL of a slug, from a base URL (no trailing slash needed). */
export function runbookUrlFrom(base: string): (slug: string) => string {
  const b = base.replace(/\/+$/, '');
  return (slug) => `${b}/${slug}.md`;
}

/**
 * The rule groups as synthesized (after every escape hatch), when a synthesized document holds
 * them: the rule files are then rendered from it, so that they say what the rules checked.
 */
export type SynthesizedRuleGroups = (context?: OutputRenderContext) => readonly Record<string, any>[];

/**
 * Registers the plain rule files (one per group, so each promtool test loads only what it
 * needs), one promtool test file per alert beside them, and the runbooks, as output files of
 * the environment. Returns the relative paths of the rule files and the test files.
 *
 * @param synthesized where the rule files come from when a synthesized document holds the
 * groups (MSK: a terraform_data); by default they are rendered from `groups`
 */
export function addPrometheusFiles(environment: Environment, path: string, baseName: string, groups: readonly RuleGroup[], runbookUrl: (slug: string) => string, synthesized?: SynthesizedRuleGroups): { readonly ruleFiles: string[]; readonly testFiles: string[] } {
  assertUniqueAlertNames(path, groups);
  const ruleFiles: string[] = [];
  const testFiles: string[] = [];
  // Read once per synthesis for all the rule files of the cluster: every read renders a Kubernetes
  // PrometheusRule again (`toJson()`) and unescapes every group's strings.
  const synthesizedGroups = synthesized && oncePerSynthesis(synthesized);
  for (const group of groups) {
    const ruleFile = `${PROMETHEUS_DIR}/${group.name}.rules.yml`;
    environment.addOutputFile(ruleFile, synthesizedGroups
      ? (context) => renderRuleFileOf(synthesizedGroups(context).filter((g) => g.name === group.name))
      : () => renderRuleFile([group], runbookUrl));
    ruleFiles.push(ruleFile);
    for (const alert of group.alerts) {
      const testFile = `${PROMETHEUS_DIR}/tests/${baseName}/${alert.alert}.test.yml`;
      environment.addOutputFile(testFile, () => renderAlertTestFile(alert, `../../${group.name}.rules.yml`, runbookUrl));
      testFiles.push(testFile);
    }
  }
  addRunbooks(environment, groups);
  return { ruleFiles, testFiles };
}

/** The runbooks of the catalogue, by slug. */
const RUNBOOKS: ReadonlyMap<string, Runbook> = new Map([...KAFKA_RUNBOOKS, ...SCALING_RUNBOOKS].map((r) => [r.slug, r]));

/**
 * Records the alerts of `groups` as links to their runbooks. Each runbook that an alert or an
 * alarm of the environment links to is written once per environment, listing every alert that
 * links to it, with the runbooks its text sends the reader to (`related`); a runbook nothing of
 * the environment needs is not written (scaling out a Strimzi cluster in an environment that runs
 * MSK only, say).
 */
function addRunbooks(environment: Environment, groups: readonly RuleGroup[]): void {
  for (const g of groups) {
    for (const a of g.alerts) alertsLinkingTo(environment, a.runbook).add(a.alert);
  }
}

/**
 * The alerts (and alarms) of the environment that link to the runbook `slug`. The first call for a
 * slug registers the runbook's file, and its related runbooks'.
 */
function alertsLinkingTo(environment: Environment, slug: string): Set<string> {
  let bySlug = runbookAlerts.get(environment);
  if (!bySlug) {
    bySlug = new Map();
    runbookAlerts.set(environment, bySlug);
  }
  const known = bySlug.get(slug);
  if (known) return known;
  const runbook = RUNBOOKS.get(slug);
  if (!runbook) throw unknownRunbook(environment, slug);
  const linked = new Set<string>();
  bySlug.set(slug, linked);
  environment.addOutputFile(`${RUNBOOK_DIR}/${slug}.md`, () => renderRunbook(runbook, [...linked].sort(),
    (runbookPanels.get(environment) ?? []).filter((l) => l.runbook === slug)));
  for (const related of runbook.related ?? []) alertsLinkingTo(environment, related);
  return linked;
}

/** An alert or alarm links to a runbook the catalogue does not have: its runbook_url would lead nowhere. */
function unknownRunbook(environment: Environment, slug: string): KafkaIacError {
  return KafkaIacError.invalidProp({
    code: 'KIAC-OUTPUT', path: `Environment ${environment.name}`, prop: 'runbook', found: slug,
    expected: `a runbook of the catalogue (${[...RUNBOOKS.keys()].sort().join(', ')})`,
    fix: 'Add the runbook to lib/model/monitoring/kafka-runbooks.ts or scaling-runbooks.ts, or link the alert to one of these.',
  });
}

/** Records alerts that link to a runbook without a Prometheus rule (CloudWatch alarms). */
export function linkRunbook(environment: Environment, slug: string, alarm: string): void {
  alertsLinkingTo(environment, slug).add(alarm);
}

/**
 * Records links from runbooks to the dashboard panels of their alerts (the dashboards
 * constructs call it with `dashboardPanelLinks`): each runbook of the environment lists them
 * under "Dashboards".
 */
export function linkDashboardPanels(environment: Environment, links: readonly RunbookDashboardLink[]): void {
  const all = runbookPanels.get(environment) ?? [];
  all.push(...links);
  runbookPanels.set(environment, all);
}
