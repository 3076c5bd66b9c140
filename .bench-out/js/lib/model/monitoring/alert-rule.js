"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertUniqueAlertNames = assertUniqueAlertNames;
exports.alertLabelsOf = alertLabelsOf;
const errors_1 = require("../errors");
/** Refuses two alerts with the same name in one set of groups. */
function assertUniqueAlertNames(path, groups) {
    const seen = new Set();
    for (const g of groups) {
        for (const a of g.alerts) {
            if (seen.has(a.alert)) {
                throw errors_1.KafkaIacError.invalidProp({
                    code: a.ruleId, path, prop: 'alert', found: a.alert,
                    expected: 'a name used by one alert only (Alertmanager groups and silences by alert name)',
                    fix: `Rename one of the alerts named '${a.alert}', or declare it once.`,
                });
            }
            seen.add(a.alert);
        }
    }
}
/** Every firing label set of a scenario, as promtool compares it: expression labels, static labels, severity, rule_id. */
function alertLabelsOf(alert, expressionLabels) {
    return { ...expressionLabels, ...alert.labels, severity: alert.severity, rule_id: alert.ruleId };
}
