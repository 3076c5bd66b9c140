import type { Environment } from '../model/environment';
import { EnvironmentProfile } from '../model/environment';
import { documentLabel, type SynthesizedDocument } from '../contract/document';
import { DocumentIndex } from '../contract/document-index';
import { ComplianceReport, type ReportEntry } from './report';
import { RuleLevel, type Rule } from './rule';
import type { AppliedSuppression } from './suppressions';

/** What `evaluateRules` reads: the environment, its synthesized documents, the rules and the suppressions. */
export interface EvaluationInput {
  readonly environment: Environment;
  readonly documents: readonly SynthesizedDocument[];
  readonly rules: readonly Rule[];
  /** The suppression covering a path for a rule ID, if any. */
  readonly suppressionFor?: (path: string, ruleId: string) => AppliedSuppression | undefined;
  /**
   * Every suppression attached where it covers these documents; those that no finding used are
   * listed in the report as unused (a warning that changes no count).
   * @default - none listed
   */
  readonly suppressions?: readonly AppliedSuppression[];
}

/**
 * Runs every rule over every document once: O(rules × documents), with related documents
 * looked up through one index built here.
 */
/** Rules that guard data and access: not suppressible at a root in staging and production. */
const GUARD_RULES = /^(HA|SEC|DR)-/;

/** Runs every rule over every document and gives the report: one entry per rule and document it applies to, suppressions applied, and an entry per rule that applied to none. */
export function evaluateRules(input: EvaluationInput): ComplianceReport {
  const index = new DocumentIndex(input.documents);
  const ctx = { environment: input.environment, index };
  const entries: ReportEntry[] = [];
  const used = new Set<string>();
  for (const rule of input.rules) {
    const level = levelFor(rule, input.environment);
    let applied = false;
    for (const doc of input.documents) {
      const outcome = rule.check(doc, ctx);
      if (outcome.status === 'not-applicable') continue;
      applied = true;
      if (outcome.status === 'compliant') {
        // Most entries: written out in full (the keys in the order of `base` below) rather than spread from it.
        entries.push({
          ruleId: rule.id, title: rule.title, level, path: doc.path, resource: documentLabel(doc),
          remediation: rule.remediation, status: 'compliant', findings: [], notes: outcome.notes ?? [],
        });
        continue;
      }
      const base = {
        ruleId: rule.id, title: rule.title, level, path: doc.path, resource: documentLabel(doc),
        remediation: rule.remediation,
      };
      const found = input.suppressionFor?.(doc.path, rule.id);
      if (found) used.add(suppressionKey(found));
      const rootRefused = found !== undefined ? rootRefusal(found, rule, level, input.environment) : undefined;
      const suppression = rootRefused ? undefined : found;
      const findings = rootRefused ? [...outcome.findings, {
        found: `the suppression of ${rule.id} on ${found!.attachedTo} covers a whole app, stack or chart`,
        expected: rootRefused === 'guard'
          ? `${rule.id} suppressed only on the resource it applies to in ${input.environment.profile}`
          : `${rule.id} suppressed on the resource it applies to in ${input.environment.profile}, or at the root with acknowledgeWholeScope: true`,
        fix: rootRefused === 'guard'
          ? `Attach the suppression to ${doc.path} (or the construct that owns it) with its reason.`
          : `Attach the suppression to ${doc.path} (or the construct that owns it), or add acknowledgeWholeScope: true to say that it covers every resource of ${input.environment.name}.`,
      }] : outcome.findings;
      entries.push(suppression
        ? { ...base, status: 'suppressed', findings: outcome.findings, notes: [], suppression: { reason: suppression.reason, attachedTo: suppression.attachedTo } }
        : { ...base, status: 'non-compliant', findings, notes: [] });
    }
    if (!applied) {
      entries.push({
        ruleId: rule.id, title: rule.title, level, status: 'not-applicable', path: '-', resource: '-',
        findings: [], notes: [], remediation: rule.remediation,
      });
    }
  }
  const unused = (input.suppressions ?? []).filter((s) => !used.has(suppressionKey(s)));
  const report = new ComplianceReport(input.environment, entries, { used: [...used], unused });
  evaluated.set(report, input.documents);
  return report;
}

/** Where a suppression sits and what it suppresses: the identity of a suppression in a report. */
export function suppressionKey(s: { readonly attachedTo: string; readonly id: string }): string {
  return `${s.attachedTo}|${s.id}`;
}

/**
 * Why a suppression attached to an app, stack or chart root is not honoured, if it is not: in
 * staging and production an error-level HA, SEC or DR rule ('guard') is suppressed only on the
 * resource; any other error-level rule (MON, SLO, PERF, CAP, packs) only with
 * `acknowledgeWholeScope: true` ('unacknowledged').
 */
function rootRefusal(found: AppliedSuppression, rule: Rule, level: 'error' | 'warning', environment: Environment): 'guard' | 'unacknowledged' | undefined {
  if (found.atRoot !== true || level !== 'error' || !environment.isProductionLike) return undefined;
  if (GUARD_RULES.test(rule.id)) return 'guard';
  return found.acknowledgeWholeScope === true ? undefined : 'unacknowledged';
}

const evaluated = new WeakMap<ComplianceReport, readonly SynthesizedDocument[]>();

/**
 * The documents a report was evaluated over, so that later readers of the same synthesis (the
 * cost estimate) use exactly what the rules saw instead of serializing the constructs again.
 * Undefined for a report that `evaluateRules` did not make (a merged report).
 */
export function evaluatedDocuments(report: ComplianceReport): readonly SynthesizedDocument[] | undefined {
  return evaluated.get(report);
}

/** HA rules are relaxed to warnings in development; everything else keeps its level. */
export function levelFor(rule: Rule, environment: Environment): 'error' | 'warning' {
  if (rule.level === RuleLevel.WARNING) return 'warning';
  if (rule.relaxedInDevelopment && environment.profile === EnvironmentProfile.DEVELOPMENT) return 'warning';
  return 'error';
}

/** One line per violation: rule ID, construct path, value found, value expected, fix. */
export function formatViolation(entry: ReportEntry): string {
  return entry.findings
    .map((f) => `${entry.ruleId} [${entry.path}] ${f.found}; expected ${f.expected}. ${f.fix ?? entry.remediation} (Or suppress ${entry.ruleId} with a written reason.)`)
    .join('\n  ');
}
