"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evaluateRules = evaluateRules;
exports.evaluatedDocuments = evaluatedDocuments;
exports.levelFor = levelFor;
exports.formatViolation = formatViolation;
const environment_1 = require("../model/environment");
const document_1 = require("../contract/document");
const document_index_1 = require("../contract/document-index");
const report_1 = require("./report");
const rule_1 = require("./rule");
/**
 * Runs every rule over every document once: O(rules × documents), with related documents
 * looked up through one index built here.
 */
function evaluateRules(input) {
    const index = new document_index_1.DocumentIndex(input.documents);
    const ctx = { environment: input.environment, index };
    const entries = [];
    for (const rule of input.rules) {
        const level = levelFor(rule, input.environment);
        let applied = false;
        for (const doc of input.documents) {
            const outcome = rule.check(doc, ctx);
            if (outcome.status === 'not-applicable')
                continue;
            applied = true;
            const base = {
                ruleId: rule.id, title: rule.title, level, path: doc.path, resource: (0, document_1.documentLabel)(doc),
                remediation: rule.remediation,
            };
            if (outcome.status === 'compliant') {
                entries.push({ ...base, status: 'compliant', findings: [], notes: outcome.notes ?? [] });
                continue;
            }
            const suppression = input.suppressionFor?.(doc.path, rule.id);
            entries.push(suppression
                ? { ...base, status: 'suppressed', findings: outcome.findings, notes: [], suppression: { reason: suppression.reason, attachedTo: suppression.attachedTo } }
                : { ...base, status: 'non-compliant', findings: outcome.findings, notes: [] });
        }
        if (!applied) {
            entries.push({
                ruleId: rule.id, title: rule.title, level, status: 'not-applicable', path: '-', resource: '-',
                findings: [], notes: [], remediation: rule.remediation,
            });
        }
    }
    const report = new report_1.ComplianceReport(input.environment, entries);
    evaluated.set(report, input.documents);
    return report;
}
const evaluated = new WeakMap();
/**
 * The documents a report was evaluated over, so that later readers of the same synthesis (the
 * cost estimate) use exactly what the rules saw instead of serializing the constructs again.
 * Undefined for a report that `evaluateRules` did not make (a merged report).
 */
function evaluatedDocuments(report) {
    return evaluated.get(report);
}
/** HA rules are relaxed to warnings in development; everything else keeps its level. */
function levelFor(rule, environment) {
    if (rule.level === rule_1.RuleLevel.WARNING)
        return 'warning';
    if (rule.relaxedInDevelopment && environment.profile === environment_1.EnvironmentProfile.DEVELOPMENT)
        return 'warning';
    return 'error';
}
/** One line per violation: rule ID, construct path, value found, value expected, fix. */
function formatViolation(entry) {
    return entry.findings
        .map((f) => `${entry.ruleId} [${entry.path}] ${f.found}; expected ${f.expected}. ${f.fix ?? entry.remediation} (Or suppress ${entry.ruleId} with a written reason.)`)
        .join('\n  ');
}
