import { markdownCell, markdownCode } from '../contract/writers/markdown';
import type { Environment } from '../model/environment';
import type { RuleFinding } from './rule';
import { compareEnglish, compareRuleIds } from '../model/english-order';

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
  /** Why and where the entry is suppressed: on suppressed entries only. */
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

/** A suppression as the report lists it: the rule, the reason and where it is attached. */
export interface ReportedSuppression {
  readonly id: string;
  readonly reason: string;
  readonly attachedTo: string;
}

/** Which suppressions a report's findings used, and which matched nothing. */
export interface SuppressionUse {
  /** `attachedTo|id` of every suppression a finding used (honoured or refused). */
  readonly used: readonly string[];
  /** The suppressions no finding used. */
  readonly unused: readonly ReportedSuppression[];
}

/** The compliance report of one environment: every rule against every document it applies to. */
export class ComplianceReport {
  private readonly sectionList: ReportSection[] = [];
  private readonly suppressionUse: SuppressionUse;

  public constructor(public readonly environment: Environment, public readonly entries: readonly ReportEntry[], suppressionUse?: SuppressionUse) {
    // Stryker disable next-line ArrayDeclaration: equivalent, a used key is matched only against `attachedTo|id` keys, which the mutant's text is not
    this.suppressionUse = suppressionUse ?? { used: [], unused: [] };
  }

  /**
   * Suppressions that matched no finding (the rule passed, did not apply, or is not in the rule
   * selection): listed in report.json and report.md as a warning, so that a stale suppression
   * does not silently wait for a future violation. They change no count.
   */
  public unusedSuppressions(): readonly ReportedSuppression[] {
    return this.suppressionUse.unused;
  }

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
    // Rule IDs in numeric order (HA-002 before HA-010), then construct paths: Intl.Collator's orders (model/english-order.ts).
    entries.sort((a, b) => compareRuleIds(a.ruleId, b.ruleId) || compareEnglish(a.path, b.path));
    // A suppression above several stacks and charts is unused only if none of them used it.
    const used = new Set(reports.flatMap((r) => r.suppressionUse.used));
    const unused = new Map<string, ReportedSuppression>();
    for (const r of reports) {
      for (const s of r.suppressionUse.unused) {
        const key = `${s.attachedTo}|${s.id}`;
        if (!used.has(key)) unused.set(key, { id: s.id, reason: s.reason, attachedTo: s.attachedTo });
      }
    }
    const merged = new ComplianceReport(environment, entries, { used: [...used], unused: [...unused.values()] });
    for (const r of reports) for (const s of r.sections) merged.addSection(s);
    return merged;
  }

  /** The number of entries of each status, and the errors and warnings among the non-compliant ones. */
  public summary(): Record<EntryStatus, number> & { errors: number; warnings: number } {
    // One pass over the entries (a report of a large platform has thousands).
    const summary = { 'compliant': 0, 'non-compliant': 0, 'suppressed': 0, 'not-applicable': 0, errors: 0, warnings: 0 };
    for (const e of this.entries) {
      if (Object.hasOwn(STATUS_RANK, e.status)) summary[e.status]++;
      if (e.status !== 'non-compliant') continue;
      if (e.level === 'error') summary.errors++;
      else if (e.level === 'warning') summary.warnings++;
    }
    return summary;
  }

  /**
   * The entries with problems first: errors, warnings, suppressed, then compliant and not
   * applicable (each group in rule ID order). The order of `report.json` and `report.md`.
   */
  public entriesByProblem(): readonly ReportEntry[] {
    const rank = (e: ReportEntry) => e.status === 'non-compliant' ? (e.level === 'error' ? 0 : 1) : STATUS_RANK[e.status];
    // Array.prototype.sort is stable: each group keeps the order of the entries.
    return [...this.entries].sort((a, b) => rank(a) - rank(b));
  }

  /** The report as `report.json`: the environment, the summary, every entry (problems first) and the report's sections. */
  public toJson(): Record<string, unknown> {
    return {
      environment: { name: this.environment.name, profile: this.environment.profile, region: this.environment.region },
      summary: this.summary(),
      entries: this.entriesByProblem(),
      unusedSuppressions: this.unusedSuppressions().map((s) => ({ level: 'warning', id: s.id, attachedTo: s.attachedTo, reason: s.reason })),
      sections: Object.fromEntries(this.sectionList.map((s) => [s.title, s.data])),
    };
  }

  /** The report as `report.md`: a summary and a table of every entry. */
  public toMarkdown(): string {
    const s = this.summary();
    const lines = [
      `# Rules report: ${markdownCell(this.environment.name)}`,
      '',
      `Profile ${markdownCode(this.environment.profile)}, region ${markdownCode(this.environment.region)}.`,
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
        ? `suppressed at ${markdownCode(e.suppression?.attachedTo ?? '')}: ${markdownCell(e.suppression?.reason ?? '')}`
        // Most entries (compliant, no notes) have no detail.
        : e.findings.length === 0 && e.notes.length === 0 ? ''
          : [...e.findings.map((f) => `${f.found}; expected ${f.expected}`), ...e.notes].map(markdownCell).join('<br>');
      lines.push(`| ${e.ruleId} | ${e.level} | ${e.status} | ${markdownCode(e.resource)} | ${markdownCode(e.path)} | ${detail} |`);
    }
    const unused = this.unusedSuppressions();
    if (unused.length > 0) {
      lines.push('', '## Unused suppressions', '', `Warning: ${unused.length} suppression(s) matched no finding. Remove them, or they will silence a future violation unseen.`, '',
        '| rule | attached to | reason |', '|---|---|---|',
        ...unused.map((s) => `| ${markdownCell(s.id)} | ${markdownCode(s.attachedTo)} | ${markdownCell(s.reason)} |`));
    }
    for (const section of this.sectionList) {
      lines.push('', `## ${markdownCell(section.title)}`, '', section.markdown.trim());
    }
    return lines.join('\n') + '\n';
  }
}

/** Where each status sorts in `entriesByProblem` (non-compliant is split by level there). */
const STATUS_RANK: Record<EntryStatus, number> = { 'non-compliant': 0, 'suppressed': 2, 'compliant': 3, 'not-applicable': 4 };

