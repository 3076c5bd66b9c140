// The SARIF log of a report (lib/rules/report-sarif.ts) over a hand-built report, every field
// code scanning reads: the rule metadata, one result per finding, locations and suppressions.
// The log is built inside each test. Validation against the SARIF 2.1.0 schema and the example
// environments' logs: test/app/report-sarif.test.ts.
import { describe, expect, it } from 'vitest';
import { Environment } from '../../lib/model/environment';
import { ComplianceReport, type ReportEntry } from '../../lib/rules/report';
import { sarifLog, SARIF_SCHEMA_URI, SARIF_VERSION } from '../../lib/rules/report-sarif';
import { RuleRegistry } from '../../lib/rules/registry';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule } from '../../lib/rules/rule';

const staging = Environment.staging({ name: 'staging', region: 'eu-west-1' });

const rule = (id: string, o: Partial<Rule> = {}): Rule => ({
  id, level: RuleLevel.ERROR, title: `${id} title`, explanation: `Why ${id}.`, remediation: `Fix ${id}.`, targets: [RuleTarget.ANY], check: () => NOT_APPLICABLE, ...o,
});
const WIDGET = rule('ACME-001');
const GADGET = rule('ACME2-010', { level: RuleLevel.WARNING, relaxedInDevelopment: true });

const entry = (ruleId: string, status: ReportEntry['status'], o: Partial<ReportEntry> = {}): ReportEntry => ({
  ruleId, title: `${ruleId} title`, level: 'error', status, path: `staging/${ruleId}/Resource`, resource: `widget.${ruleId.toLowerCase()}`,
  findings: [], notes: [], remediation: `Fix ${ruleId}.`, ...o,
});
const report = (...entries: ReportEntry[]) => new ComplianceReport(staging, entries);
const runOf = (log: Record<string, unknown>) => (log as { runs: any[] }).runs[0];

describe('sarifLog', () => {
  it('is one SARIF 2.1.0 run of kafka-iac per environment, with its rules, its id and properties', () => {
    const log = sarifLog(report(), { rules: [WIDGET] });
    expect(log).toEqual({
      $schema: SARIF_SCHEMA_URI,
      version: SARIF_VERSION,
      runs: [{
        tool: { driver: { name: 'kafka-iac', rules: [expect.objectContaining({ id: 'ACME-001' })] } },
        automationDetails: { id: 'kafka-iac/staging/' },
        properties: { environment: 'staging', profile: 'staging', region: 'eu-west-1' },
        results: [],
      }],
    });
    expect([SARIF_VERSION, SARIF_SCHEMA_URI]).toEqual(['2.1.0', 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json']);
  });

  it('states the tool version when given', () => {
    expect(runOf(sarifLog(report(), { rules: [], toolVersion: '1.4.0' })).tool.driver).toEqual({ name: 'kafka-iac', version: '1.4.0', rules: [] });
  });

  it('describes each rule: name, descriptions, help in text and Markdown, default level, family tag, relaxation', () => {
    expect(runOf(sarifLog(report(), { rules: [WIDGET, GADGET] })).tool.driver.rules).toEqual([
      {
        id: 'ACME-001', name: 'ACME-001 title', shortDescription: { text: 'ACME-001 title' }, fullDescription: { text: 'Why ACME-001.' },
        help: { text: 'Why ACME-001.\n\nRemediation: Fix ACME-001.', markdown: 'Why ACME-001.\n\n**Remediation:** Fix ACME-001.' },
        defaultConfiguration: { level: 'error' }, properties: { tags: ['ACME'], relaxedInDevelopment: false },
      },
      {
        id: 'ACME2-010', name: 'ACME2-010 title', shortDescription: { text: 'ACME2-010 title' }, fullDescription: { text: 'Why ACME2-010.' },
        help: { text: 'Why ACME2-010.\n\nRemediation: Fix ACME2-010.', markdown: 'Why ACME2-010.\n\n**Remediation:** Fix ACME2-010.' },
        defaultConfiguration: { level: 'warning' }, properties: { tags: ['ACME2'], relaxedInDevelopment: true },
      },
    ]);
  });

  it('describes every rule of the registry when given no rules', () => {
    const rules = runOf(sarifLog(report())).tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RuleRegistry.ids());
    expect(rules.find((r: { id: string }) => r.id === 'HA-001').properties).toEqual({ tags: ['HA'], relaxedInDevelopment: true });
  });

  it('adds the registry rule of an entry the given rules do not describe, once; a rule it does not know stays undescribed', () => {
    const log = sarifLog(report(
      entry('HA-002', 'non-compliant', { findings: [{ found: 'a', expected: 'b' }] }),
      entry('HA-002', 'compliant'),
      entry('ACME-001', 'compliant'),
      entry('ACME-999', 'non-compliant', { findings: [{ found: 'c', expected: 'd' }] }),
    ), { rules: [WIDGET] });
    const run = runOf(log);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['ACME-001', 'HA-002']);
    expect(run.results[0]).toMatchObject({ ruleId: 'HA-002', ruleIndex: 1 });
    expect(run.results[1].ruleId).toBe('ACME-999');
    expect(run.results[1]).not.toHaveProperty('ruleIndex');
  });

  it('has one result per finding: level, message with resource, found, expected and fix (else the remediation), location', () => {
    const log = sarifLog(report(
      entry('ACME-001', 'compliant'),
      entry('ACME2-010', 'non-compliant', { level: 'warning', findings: [{ found: 'size is 1', expected: 'at least 3', fix: 'Set size: 3.' }, { found: 'zones is 1', expected: '3' }] }),
      entry('ACME-001', 'not-applicable', { path: '-', resource: '-' }),
    ), { rules: [WIDGET, GADGET], artifactOf: (p) => (p.startsWith('staging/') ? 'cdktf.out/stacks/staging/cdk.tf.json' : undefined) });
    const location = {
      physicalLocation: { artifactLocation: { uri: 'cdktf.out/stacks/staging/cdk.tf.json' }, region: { startLine: 1 } },
      logicalLocations: [{ name: 'widget.acme2-010', fullyQualifiedName: 'staging/ACME2-010/Resource', kind: 'resource' }],
    };
    expect(runOf(log).results).toEqual([
      { ruleId: 'ACME2-010', ruleIndex: 1, level: 'warning', message: { text: 'widget.acme2-010: size is 1; expected at least 3. Set size: 3.' }, locations: [location] },
      { ruleId: 'ACME2-010', ruleIndex: 1, level: 'warning', message: { text: 'widget.acme2-010: zones is 1; expected 3. Fix ACME2-010.' }, locations: [location] },
    ]);
  });

  it('gives a result whose file is not known only its construct path', () => {
    const log = sarifLog(report(entry('ACME-001', 'non-compliant', { findings: [{ found: 'a', expected: 'b' }] })), { rules: [WIDGET], artifactOf: () => undefined });
    expect(runOf(log).results[0].locations).toEqual([{ logicalLocations: [{ name: 'widget.acme-001', fullyQualifiedName: 'staging/ACME-001/Resource', kind: 'resource' }] }]);
  });

  it('marks a suppressed finding accepted in source, with the reason and where it is attached', () => {
    const log = sarifLog(report(
      entry('ACME-001', 'suppressed', { findings: [{ found: 'a', expected: 'b' }], suppression: { reason: 'The sandbox has no clients.', attachedTo: 'staging/Kafka' } }),
      entry('ACME-001', 'non-compliant', { findings: [{ found: 'c', expected: 'd' }] }),
    ), { rules: [WIDGET] });
    const [suppressed, open] = runOf(log).results;
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'The sandbox has no clients. (attached to staging/Kafka)' }]);
    expect(open).not.toHaveProperty('suppressions');
  });
});
