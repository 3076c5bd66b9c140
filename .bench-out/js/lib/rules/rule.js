"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Findings = exports.NOT_APPLICABLE = exports.COMPLIANT = exports.RuleTarget = exports.RuleLevel = void 0;
exports.compliantWithNotes = compliantWithNotes;
exports.shown = shown;
const rule_target_1 = require("../contract/rule-target");
Object.defineProperty(exports, "RuleTarget", { enumerable: true, get: function () { return rule_target_1.RuleTarget; } });
/** How a violation is treated. */
var RuleLevel;
(function (RuleLevel) {
    /** Stops synthesis unless a suppression with a written reason covers it. */
    RuleLevel["ERROR"] = "error";
    /** Reported; never stops synthesis. */
    RuleLevel["WARNING"] = "warning";
})(RuleLevel || (exports.RuleLevel = RuleLevel = {}));
exports.COMPLIANT = Object.freeze({ status: 'compliant' });
exports.NOT_APPLICABLE = Object.freeze({ status: 'not-applicable' });
/** A compliant outcome that carries notes for the report (for example, prefixed ACL patterns). */
function compliantWithNotes(notes) {
    return notes.length === 0 ? exports.COMPLIANT : { status: 'compliant', notes };
}
/**
 * Collects findings one condition at a time (one check per condition, never `a && b`),
 * then gives the outcome.
 */
class Findings {
    list = [];
    /** Records a finding unless `ok` holds. */
    expect(ok, finding) {
        if (!ok)
            this.list.push(finding);
    }
    add(finding) {
        this.list.push(finding);
    }
    outcome(notes = []) {
        return this.list.length > 0 ? { status: 'non-compliant', findings: [...this.list] } : compliantWithNotes(notes);
    }
}
exports.Findings = Findings;
/** Shows a value in a finding: strings quoted, absent values as `not set`. */
function shown(v) {
    if (v === undefined || v === null)
        return 'not set';
    if (typeof v === 'string')
        return `'${v}'`;
    return JSON.stringify(v);
}
