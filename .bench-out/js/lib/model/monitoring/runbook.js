"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderRunbook = renderRunbook;
/** The runbook as Markdown. */
function renderRunbook(r, alerts) {
    return [
        `# ${r.title}`, '',
        `Rules: ${r.ruleIds.join(', ')}. Alerts: ${alerts.length ? alerts.map((a) => `\`${a}\``).join(', ') : '-'}.`, '',
        '## What it means', '', r.meaning, '',
        '## First checks', '', ...r.firstChecks.map((c, i) => `${i + 1}. ${c}`), '',
        '## Remediation', '', ...r.remediation.map((c) => `- ${c}`), '',
    ].join('\n');
}
