"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ComplianceReport = void 0;
/** Rule IDs in numeric order (HA-002 before HA-010). One collator: `localeCompare` with options builds one per call. */
const RULE_ID_ORDER = new Intl.Collator('en', { numeric: true });
const PATH_ORDER = new Intl.Collator('en');
/** The compliance report of one environment: every rule against every document it applies to. */
class ComplianceReport {
    environment;
    entries;
    sectionList = [];
    constructor(environment, entries) {
        this.environment = environment;
        this.entries = entries;
    }
    /** Non-compliant, unsuppressed entries at level error: these stop synthesis. */
    errors() {
        return this.entries.filter((e) => e.status === 'non-compliant' && e.level === 'error');
    }
    /** Non-compliant, unsuppressed entries at level warning. */
    warnings() {
        return this.entries.filter((e) => e.status === 'non-compliant' && e.level === 'warning');
    }
    suppressed() {
        return this.entries.filter((e) => e.status === 'suppressed');
    }
    get sections() {
        return this.sectionList;
    }
    /** Adds a section; a later section with the same title replaces the earlier one. */
    addSection(section) {
        const i = this.sectionList.findIndex((s) => s.title === section.title);
        if (i >= 0)
            this.sectionList.splice(i, 1, section);
        else
            this.sectionList.push(section);
    }
    /**
     * Several reports of one environment (its Terraform stack and its charts) as one. A rule
     * that applies somewhere is no longer listed as not applicable.
     */
    static merge(environment, reports) {
        const applied = new Set();
        for (const r of reports)
            for (const e of r.entries)
                if (e.status !== 'not-applicable')
                    applied.add(e.ruleId);
        const seenNa = new Set();
        const entries = [];
        for (const r of reports) {
            for (const e of r.entries) {
                if (e.status === 'not-applicable') {
                    if (applied.has(e.ruleId) || seenNa.has(e.ruleId))
                        continue;
                    seenNa.add(e.ruleId);
                }
                entries.push(e);
            }
        }
        entries.sort((a, b) => RULE_ID_ORDER.compare(a.ruleId, b.ruleId) || PATH_ORDER.compare(a.path, b.path));
        const merged = new ComplianceReport(environment, entries);
        for (const r of reports)
            for (const s of r.sections)
                merged.addSection(s);
        return merged;
    }
    summary() {
        const count = (s) => this.entries.filter((e) => e.status === s).length;
        return {
            'compliant': count('compliant'),
            'non-compliant': count('non-compliant'),
            'suppressed': count('suppressed'),
            'not-applicable': count('not-applicable'),
            errors: this.errors().length,
            warnings: this.warnings().length,
        };
    }
    toJson() {
        return {
            environment: { name: this.environment.name, profile: this.environment.profile, region: this.environment.region },
            summary: this.summary(),
            entries: this.entries,
            sections: Object.fromEntries(this.sectionList.map((s) => [s.title, s.data])),
        };
    }
    toMarkdown() {
        const s = this.summary();
        const lines = [
            `# Rules report: ${this.environment.name}`,
            '',
            `Profile \`${this.environment.profile}\`, region \`${this.environment.region}\`.`,
            '',
            `| compliant | non-compliant (errors / warnings) | suppressed | not applicable |`,
            `|---|---|---|---|`,
            `| ${s.compliant} | ${s['non-compliant']} (${s.errors} / ${s.warnings}) | ${s.suppressed} | ${s['not-applicable']} |`,
            '',
            '| rule | level | status | resource | path | detail |',
            '|---|---|---|---|---|---|',
        ];
        for (const e of this.entries) {
            const detail = e.status === 'suppressed'
                ? `suppressed at \`${e.suppression?.attachedTo}\`: ${e.suppression?.reason}`
                : [...e.findings.map((f) => `${f.found}; expected ${f.expected}`), ...e.notes].join('<br>');
            lines.push(`| ${e.ruleId} | ${e.level} | ${e.status} | \`${e.resource}\` | \`${e.path}\` | ${escapeCell(detail)} |`);
        }
        for (const section of this.sectionList) {
            lines.push('', `## ${section.title}`, '', section.markdown.trim());
        }
        return lines.join('\n') + '\n';
    }
}
exports.ComplianceReport = ComplianceReport;
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}
