"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderRule = renderRule;
exports.renderGroups = renderGroups;
exports.renderRuleFile = renderRuleFile;
exports.renderRuleFileOf = renderRuleFileOf;
exports.monitoringGroups = monitoringGroups;
const yaml_writer_1 = require("./yaml-writer");
const errors_1 = require("../model/errors");
/** One rule as Prometheus writes it (the same shape in a PrometheusRule's `spec.groups`). */
function renderRule(rule, runbookUrl) {
    if ('record' in rule) {
        return { record: rule.record, expr: rule.expr, ...(Object.keys(rule.labels).length ? { labels: { ...rule.labels } } : {}) };
    }
    return {
        alert: rule.alert,
        expr: rule.expr,
        ...(rule.for.isZero ? {} : { for: rule.for.toString() }),
        labels: { ...rule.labels, severity: rule.severity, rule_id: rule.ruleId },
        annotations: { summary: rule.summary, description: rule.description, runbook_url: runbookUrl(rule.runbook) },
    };
}
/** The groups as `spec.groups` of a PrometheusRule, or the `groups` of a plain rule file. */
function renderGroups(groups, runbookUrl) {
    return groups.map((g) => ({
        name: g.name,
        rules: [...g.recordingRules, ...g.alerts].map((r) => renderRule(r, runbookUrl)),
    }));
}
/** A plain Prometheus rule file (`promtool check rules` reads it). */
function renderRuleFile(groups, runbookUrl) {
    return renderRuleFileOf(renderGroups(groups, runbookUrl));
}
/** A plain Prometheus rule file of groups already rendered (read back from a synthesized document). */
function renderRuleFileOf(renderedGroups) {
    // Synthesized objects come back with their keys sorted; put them in the order people read
    // Prometheus rules in (alert or record, expr, for, labels, annotations).
    const groups = renderedGroups.map((g) => ({
        ...inOrder(g, ['name', 'interval']),
        ...(Array.isArray(g.rules) ? { rules: g.rules.map((r) => inOrder(r, RULE_KEY_ORDER)) } : {}),
    }));
    return (0, yaml_writer_1.writeYaml)({ groups }, { lineWidth: 0 });
}
const RULE_KEY_ORDER = ['alert', 'record', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];
/** The object with `first` keys in that order, then the others as they were. */
function inOrder(o, first) {
    const out = {};
    for (const k of first)
        if (o[k] !== undefined)
            out[k] = o[k];
    for (const [k, v] of Object.entries(o))
        if (!(k in out) && k !== 'rules')
            out[k] = v;
    return out;
}
/** The MON alert group followed by one group per SLO. */
function monitoringGroups(identity, metrics, alerts, slos) {
    const seen = new Set();
    for (const s of slos) {
        if (seen.has(s.name))
            throw errors_1.KafkaIacError.duplicate(s.id, `cluster ${identity.cluster}`, 'SLO', s.name);
        seen.add(s.name);
    }
    return [
        { name: `kafka-${identity.cluster}-${metrics.kind}`, recordingRules: [], alerts },
        ...slos.flatMap((s) => s.ruleGroups(identity, metrics)),
    ];
}
