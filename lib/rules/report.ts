import type { Environment } from '../model/environment';
import type { RuleFinding } from './rule';

/** Rule IDs in numeric order (HA-002 before HA-010). One collator: `localeCompare` with options builds one per call. */
const RULE_ID_ORDER = new Intl.Collator('en', { numeric: true });
const PATH_ORDER = new Intl.Collator('en');

/** The status of a rule on one resource. */
export type EntryStatus = 'compliant' | 'non-compliant' | 'suppressed' | 'not-applicable';

/** One rule against one document (or against none: `not-applicable`). */
export interface ReportEntry {
  readonly ruleId: string;
  readonly title: string;
  /** The level in force for this environment (HA rules are warnings in development). */
  readonly level: 'error' | 'warning';
  readonly status: EntryStatus;
  /** Construct path, or `-` for a rule with no applicable document. */
  readonly path: string;
  /** `aws_msk_cluster.kafka`, `Kafka/main`, or `-`. */
  readonly resource: string;
  readonly findings: readonly RuleFinding[];
  readonly notes: readonly string[];
  readonly suppression?: { readonly reason: string; readonly attachedTo: string };
  /** The rule's remediation. */
  readonly remediation: string;
}

/** A titled block a report can carry beside the rule table (capacity plan, cost estimate). */
export interface ReportSection {
  readonly title: string;
  readonly data: unknown;
  readonly markdown: string;
}

/** The compliance report of one environment: every rule against every document it applies to. */
export class ComplianceReport {
  private readonly sectionList: ReportSection[] = [];

  public constructor(public readonly environment: Environment, public readonly entries: readonly ReportEntry[]) {}

  /** Non-compliant, unsuppressed entries at level error: these stop synthesis. */
  public errors(): readonly ReportEntry[] {
    return this.entries.filter((e) => e.status === 'non-compliant' && e.level === 'error');
  }

  /** Non-compliant, unsuppressed entries at level warning. */
  public warnings(): readonly ReportEntry[] {
    return this.entries.filter((e) => e.status === 'non-compliant' && e.level === 'warning');
  }

  /** The suppressed entries, with their written reasons. */
  public suppressed(): readonly ReportEntry[] {
    return this.entries.filter((e) => e.status === 'suppressed');
  }

  public get sections(): readonly ReportSection[] {
    return this.sectionList;
  }

  /** Adds a section; a later section with the same title replaces the earlier one. */
  public addSection(section: ReportSection): void {
    const i = this.sectionList.findIndex((s) => s.title === section.title);
    if (i >= 0) this.sectionList.splice(i, 1, section);
    else this.sectionList.push(section);
  }

  /**
   * Several reports of one environment (its Terraform stack and its charts) as one. A rule
   * that applies somewhere is no longer listed as not applicable.
   */
  public static merge(environment: Environment, reports: readonly ComplianceReport[]): ComplianceReport {
    const applied = new Set<string>();
    for (const r of reports) for (const e of r.entries) if (e.status !== 'not-applicable') applied.add(e.ruleId);
    const seenNa = new Set<string>();
    const entries: ReportEntry[] = [];
    for (const r of reports) {
      for (const e of r.entries) {
        if (e.status === 'not-applicable') {
          if (applied.has(e.ruleId) || seenNa.has(e.ruleId)) continue;
          seenNa.add(e.ruleId);
        }
        entries.push(e);
      }
    }
    entries.sort((a, b) => RULE_ID_ORDER.compare(a.ruleId, b.ruleId) || PATH_ORDER.compare(a.path, b.path));
    const merged = new ComplianceReport(environment, entries);
    for (const r of reports) for (const s of r.sections) merged.addSection(s);
    return merged;
  }

  /** The number of entries of each status, and the errors and warnings among the non-compliant ones. */
  public summary(): Record<EntryStatus, number> & { errors: number; warnings: number } {
    const count = (s: EntryStatus) => this.entries.filter((e) => e.status === s).length;
    return {
      'compliant': count('compliant'),
      'non-compliant': count('non-compliant'),
      'suppressed': count('suppressed'),
      'not-applicable': count('not-applicable'),
      errors: this.errors().length,
      warnings: this.warnings().length,
    };
  }

  /**
   * The entries with problems first: errors, warnings, suppressed, then compliant and not
   * applicable (each group in rule ID order). The order of `report.json` and `report.md`.
   */
  public entriesByProblem(): readonly ReportEntry[] {
    const rank = (e: ReportEntry) => e.status === 'non-compliant' ? (e.level === 'error' ? 0 : 1) : STATUS_RANK[e.status];
    return this.entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
  }

  /** The report as `report.json`: the environment, the summary, every entry (problems first) and the report's sections. */
  public toJson(): Record<string, unknown> {
    return {
      environment: { name: this.environment.name, profile: this.environment.profile, region: this.environment.region },
      summary: this.summary(),
      entries: this.entriesByProblem(),
      sections: Object.fromEntries(this.sectionList.map((s) => [s.title, s.data])),
    };
  }

  /** The report as `report.md`: a summary and a table of every entry. */
  public toMarkdown(): string {
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
    for (const e of this.entriesByProblem()) {
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

/** Where each status sorts in `entriesByProblem` (non-compliant is split by level there). */
const STATUS_RANK: Record<EntryStatus, number> = { 'non-compliant': 0, 'suppressed': 2, 'compliant': 3, 'not-applicable': 4 };

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}
