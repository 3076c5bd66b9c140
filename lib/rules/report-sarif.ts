import type { ComplianceReport, ReportEntry } from './report';
import { RuleLevel, type Rule, type RuleFinding } from './rule';
import { RuleRegistry } from './registry';

/**
 * SARIF 2.1.0 (OASIS Standard, errata 01) for one environment's rules report, the format that
 * GitHub and GitLab code scanning read.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html
 */
export const SARIF_VERSION = '2.1.0';
/** The `$schema` of the log: the schema of the errata 01 OASIS Standard (schemas/sarif/). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Options of `sarifLog`. */
export interface SarifOptions {
  /**
   * The file each construct path's document is written to, as a URI reference (a path relative
   * to the project root with `/` separators, or a `file:` URL). A result with a file points at
   * its first line (`region.startLine: 1`), the region GitHub and GitLab code scanning need to
   * show the alert.
   * @default - results carry only a logical location (the construct path)
   */
  readonly artifactOf?: (constructPath: string) => string | undefined;
  /**
   * The version of kafka-iac that wrote the log.
   * @default - not stated
   */
  readonly toolVersion?: string;
  /**
   * The rules described in the log's rule metadata.
   * @default - every rule in the registry
   */
  readonly rules?: readonly Rule[];
}

/**
 * The report as a SARIF log with one run: the rule metadata from the registry (ID, title,
 * help text made of explanation and remediation, default level), and one result per finding of
 * each non-compliant or suppressed entry. A suppressed finding carries an `inSource`
 * suppression (suppressions are declared in the construct code) with its written reason as the
 * justification. Each result points at its construct path (logical location) and, when known,
 * the output file it is written to (physical location, from its first line).
 */
export function sarifLog(report: ComplianceReport, options: SarifOptions = {}): Record<string, unknown> {
  const rules = [...(options.rules ?? RuleRegistry.all())];
  const described = new Set(rules.map((r) => r.id));
  for (const e of report.entries) {
    if (!described.has(e.ruleId)) {
      const known = RuleRegistry.get(e.ruleId);
      if (known) {
        rules.push(known);
        described.add(known.id);
      }
    }
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Only non-compliant and suppressed entries have findings.
  const results = report.entries.flatMap((e) => e.findings.map((f) => sarifResult(e, f, ruleIndex.get(e.ruleId), options.artifactOf)));
  const env = report.environment;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [{
      tool: {
        driver: {
          name: 'kafka-iac',
          ...(options.toolVersion ? { version: options.toolVersion } : {}),
          rules: rules.map(reportingDescriptor),
        },
      },
      // One run per environment: code scanning keeps the environments' results apart by this id.
      automationDetails: { id: `kafka-iac/${env.name}/` },
      properties: { environment: env.name, profile: env.profile, region: env.region },
      results,
    }],
  };
}

function reportingDescriptor(rule: Rule): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation },
    help: {
      text: `${rule.explanation}\n\nRemediation: ${rule.remediation}`,
      markdown: `${rule.explanation}\n\n**Remediation:** ${rule.remediation}`,
    },
    defaultConfiguration: { level: rule.level === RuleLevel.ERROR ? 'error' : 'warning' },
    properties: {
      tags: [rule.id.replace(/-\d+$/, '')],
      relaxedInDevelopment: rule.relaxedInDevelopment === true,
    },
  };
}

function sarifResult(entry: ReportEntry, finding: RuleFinding, ruleIndex: number | undefined, artifactOf: SarifOptions['artifactOf']): Record<string, unknown> {
  const uri = artifactOf?.(entry.path);
  return {
    ruleId: entry.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: entry.level,
    message: { text: `${entry.resource}: ${finding.found}; expected ${finding.expected}. ${finding.fix ?? entry.remediation}` },
    locations: [{
      // Code scanning shows an alert only on a region of a file: the first line when only the file is known.
      ...(uri ? { physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } } : {}),
      logicalLocations: [{ name: entry.resource, fullyQualifiedName: entry.path, kind: 'resource' }],
    }],
    // Only a suppressed entry carries its suppression.
    ...(entry.suppression
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: `${entry.suppression.reason} (attached to ${entry.suppression.attachedTo})` }] }
      : {}),
  };
}
