"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUNBOOK_DIR = exports.PROMETHEUS_DIR = void 0;
exports.runbookUrlFrom = runbookUrlFrom;
exports.addPrometheusFiles = addPrometheusFiles;
exports.linkRunbook = linkRunbook;
const alert_rule_1 = require("../model/monitoring/alert-rule");
const kafka_runbooks_1 = require("../model/monitoring/kafka-runbooks");
const prometheus_rule_file_1 = require("./prometheus-rule-file");
const promtool_test_file_1 = require("./promtool-test-file");
const runbook_1 = require("../model/monitoring/runbook");
/** Where the generated Prometheus files of an environment go, under `dist/<env>/`. */
exports.PROMETHEUS_DIR = 'prometheus';
exports.RUNBOOK_DIR = 'runbooks';
const runbookAlerts = new WeakMap();
/** A function that gives the runbook URL of a slug, from a base URL (no trailing slash needed). */
function runbookUrlFrom(base) {
    const b = base.replace(/\/+$/, '');
    return (slug) => `${b}/${slug}.md`;
}
/**
 * Registers the plain rule files (one per group, so each promtool test loads only what it
 * needs), one promtool test file per alert beside them, and the runbooks, as output files of
 * the environment. Returns the relative paths of the rule files and the test files.
 *
 * @param synthesized where the rule files come from when a synthesized document holds the
 * groups (MSK: a terraform_data); by default they are rendered from `groups`
 */
function addPrometheusFiles(environment, path, baseName, groups, runbookUrl, synthesized) {
    (0, alert_rule_1.assertUniqueAlertNames)(path, groups);
    const ruleFiles = [];
    const testFiles = [];
    for (const group of groups) {
        const ruleFile = `${exports.PROMETHEUS_DIR}/${group.name}.rules.yml`;
        environment.addOutputFile(ruleFile, synthesized
            ? (context) => (0, prometheus_rule_file_1.renderRuleFileOf)(synthesized(context).filter((g) => g.name === group.name))
            : () => (0, prometheus_rule_file_1.renderRuleFile)([group], runbookUrl));
        ruleFiles.push(ruleFile);
        for (const alert of group.alerts) {
            const testFile = `${exports.PROMETHEUS_DIR}/tests/${baseName}/${alert.alert}.test.yml`;
            environment.addOutputFile(testFile, () => (0, promtool_test_file_1.renderAlertTestFile)(alert, `../../${group.name}.rules.yml`, runbookUrl));
            testFiles.push(testFile);
        }
    }
    addRunbooks(environment, groups);
    return { ruleFiles, testFiles };
}
/** Writes each runbook once per environment, listing every alert that links to it. */
function addRunbooks(environment, groups) {
    let bySlug = runbookAlerts.get(environment);
    if (!bySlug) {
        bySlug = new Map();
        runbookAlerts.set(environment, bySlug);
        const collected = bySlug;
        for (const r of kafka_runbooks_1.KAFKA_RUNBOOKS) {
            environment.addOutputFile(`${exports.RUNBOOK_DIR}/${r.slug}.md`, () => (0, runbook_1.renderRunbook)(r, [...(collected.get(r.slug) ?? [])].sort()));
        }
    }
    for (const g of groups) {
        for (const a of g.alerts) {
            const set = bySlug.get(a.runbook) ?? new Set();
            set.add(a.alert);
            bySlug.set(a.runbook, set);
        }
    }
}
/** Records alerts that link to a runbook without a Prometheus rule (CloudWatch alarms). */
function linkRunbook(environment, slug, alarm) {
    addRunbooks(environment, [{ name: '', recordingRules: [], alerts: [] }]);
    const bySlug = runbookAlerts.get(environment);
    const set = bySlug.get(slug) ?? new Set();
    set.add(alarm);
    bySlug.set(slug, set);
}
