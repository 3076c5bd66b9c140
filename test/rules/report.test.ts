// The compliance report (lib/rules/report.ts) over hand-built entries: which entries stop
// synthesis, the counts, the order problems come in, merging the reports of an environment's
// stacks and charts, and report.json and report.md as a user reads them.
import { describe, expect, it } from 'vitest';
import { Environment } from '../../lib/model/environment';
import { ComplianceReport, type ReportEntry, type ReportSection } from '../../lib/rules/report';

const production = Environment.production({ name: 'production', region: 'us-east-1' });

const entry = (ruleId: string, status: ReportEntry['status'], o: Partial<ReportEntry> = {}): ReportEntry => ({
  ruleId, title: `${ruleId} title`, level: 'error', status, path: `production/${ruleId}/Resource`, resource: `aws_msk_cluster.${ruleId.toLowerCase()}`,
  findings: status === 'non-compliant' || status === 'suppressed' ? [{ found: `${ruleId} value is wrong`, expected: 'right', fix: 'Fix it.' }] : [],
  notes: [], remediation: `Remediate ${ruleId}.`, ...o,
});
const ids = (entries: readonly ReportEntry[]) => entries.map((e) => `${e.ruleId} ${e.status}${e.status === 'non-compliant' ? ` ${e.level}` : ''}`);
const section = (title: string, data: unknown = { title }): ReportSection => ({ title, data, markdown: `\n${title} table\n\n` });

const error = entry('HA-001', 'non-compliant');
const warning = entry('HA-010', 'non-compliant', { level: 'warning' });
const suppressedError = entry('SEC-001', 'suppressed', { suppression: { reason: 'The sandbox has no clients.', attachedTo: 'production/SEC-001' } });
const suppressedWarning = entry('PERF-001', 'suppressed', { level: 'warning', suppression: { reason: 'Batching is tuned by the client team.', attachedTo: 'production' } });
const compliant = entry('HA-002', 'compliant', { notes: ['prefixed ACL orders-'] });
const compliantWarning = entry('PERF-002', 'compliant', { level: 'warning' });
const notApplicable = entry('MON-010', 'not-applicable', { path: '-', resource: '-' });

describe('ComplianceReport: what stops synthesis and the counts', () => {
  const report = new ComplianceReport(production, [notApplicable, compliant, suppressedWarning, warning, compliantWarning, error, suppressedError]);
  it('errors are the non-compliant entries at level error, warnings those at level warning', () => {
    expect(report.errors()).toEqual([error]);
    expect(report.warnings()).toEqual([warning]);
  });
  it('suppressed are the suppressed entries of both levels', () => {
    expect(report.suppressed()).toEqual([suppressedWarning, suppressedError]);
  });
  it('counts each status, and the errors and warnings among the non-compliant entries', () => {
    expect(report.summary()).toEqual({ 'compliant': 2, 'non-compliant': 2, 'suppressed': 2, 'not-applicable': 1, errors: 1, warnings: 1 });
  });
  it('lists no unused suppression unless given', () => {
    expect(report.unusedSuppressions()).toEqual([]);
  });
});

describe('ComplianceReport.entriesByProblem', () => {
  it('puts errors first, then warnings, suppressed, compliant and not applicable, each group in the order given', () => {
    const second = entry('HA-003', 'non-compliant');
    const report = new ComplianceReport(production, [notApplicable, compliant, suppressedWarning, warning, second, compliantWarning, error, suppressedError]);
    expect(ids(report.entriesByProblem())).toEqual([
      'HA-003 non-compliant error', 'HA-001 non-compliant error', 'HA-010 non-compliant warning',
      'PERF-001 suppressed', 'SEC-001 suppressed', 'HA-002 compliant', 'PERF-002 compliant', 'MON-010 not-applicable',
    ]);
  });
});

describe('ComplianceReport sections', () => {
  it('keeps sections in the order added; a later one with the same title replaces the earlier in place', () => {
    const report = new ComplianceReport(production, []);
    report.addSection(section('Capacity plan', 1));
    report.addSection(section('Cost estimate', 2));
    report.addSection(section('Capacity plan', 3));
    expect(report.sections.map((s) => [s.title, s.data])).toEqual([['Capacity plan', 3], ['Cost estimate', 2]]);
  });
});

describe('ComplianceReport.merge', () => {
  it("sorts the entries of an environment's reports by rule ID in numeric order, then by path", () => {
    const stack = new ComplianceReport(production, [entry('HA-010', 'compliant'), entry('ACME-10', 'compliant'), entry('HA-002', 'compliant', { path: 'production/b' })]);
    const chart = new ComplianceReport(production, [entry('HA-002', 'compliant', { path: 'production/a' }), entry('ACME-9', 'compliant'), entry('CAP-001', 'compliant')]);
    const merged = ComplianceReport.merge(production, [stack, chart]);
    expect(merged.entries.map((e) => `${e.ruleId} ${e.path}`)).toEqual([
      'ACME-9 production/ACME-9/Resource', 'ACME-10 production/ACME-10/Resource', 'CAP-001 production/CAP-001/Resource',
      'HA-002 production/a', 'HA-002 production/b', 'HA-010 production/HA-010/Resource',
    ]);
    expect(merged.environment).toBe(production);
  });
  it('lists a rule as not applicable only when it applies nowhere, and then once', () => {
    const stack = new ComplianceReport(production, [entry('HA-001', 'not-applicable'), entry('MON-010', 'not-applicable'), entry('SEC-001', 'not-applicable')]);
    const chart = new ComplianceReport(production, [entry('HA-001', 'compliant'), entry('MON-010', 'not-applicable'), entry('SEC-001', 'suppressed')]);
    expect(ids(ComplianceReport.merge(production, [stack, chart]).entries)).toEqual(['HA-001 compliant', 'MON-010 not-applicable', 'SEC-001 suppressed']);
  });
  it('lists a suppression as unused only if no report used it, once, with its rule, reason and place', () => {
    const above = { id: 'PERF-001', reason: 'Batching is tuned by the client team.', attachedTo: 'production' };
    const usedByChart = { id: 'HA-001', reason: 'The sandbox runs one broker on purpose.', attachedTo: 'app' };
    const onKafka = { id: 'HA-007', reason: 'Racks are set by the platform team.', attachedTo: 'production/Kafka' };
    const stack = new ComplianceReport(production, [], { used: [], unused: [{ ...above, atRoot: true } as typeof above, usedByChart, onKafka] });
    const chart = new ComplianceReport(production, [], { used: ['app|HA-001'], unused: [above] });
    expect(ComplianceReport.merge(production, [stack, chart]).unusedSuppressions()).toEqual([above, onKafka]);
  });
  it('merges a merged report again like its parts: what one part used stays used', () => {
    const usedByStack = { id: 'HA-001', reason: 'The sandbox runs one broker on purpose.', attachedTo: 'app' };
    const stack = new ComplianceReport(production, [], { used: ['app|HA-001'], unused: [] });
    const chart = new ComplianceReport(production, [], { used: [], unused: [] });
    const other = new ComplianceReport(production, [], { used: [], unused: [usedByStack] });
    expect(ComplianceReport.merge(production, [ComplianceReport.merge(production, [stack, chart]), other]).unusedSuppressions()).toEqual([]);
  });
  it("carries the reports' sections, a later one replacing an earlier of the same title", () => {
    const stack = new ComplianceReport(production, []);
    stack.addSection(section('Capacity plan', 'stack'));
    const chart = new ComplianceReport(production, []);
    chart.addSection(section('Capacity plan', 'chart'));
    chart.addSection(section('Cost estimate', 'chart'));
    expect(ComplianceReport.merge(production, [stack, chart]).sections.map((s) => [s.title, s.data])).toEqual([['Capacity plan', 'chart'], ['Cost estimate', 'chart']]);
  });
});

describe('report.json and report.md', () => {
  const unused = { id: 'HA-007', reason: 'Racks are | set by the platform team.', attachedTo: 'production/Kafka' };
  const report = new ComplianceReport(production, [
    compliant,
    entry('SEC-002', 'non-compliant', { findings: [{ found: 'ssl.protocol is TLSv1|1', expected: 'TLSv1.2 or later' }, { found: 'ciphers are weak', expected: 'AEAD ciphers' }], notes: ['a note'] }),
    suppressedError,
    warning,
  ], { used: [], unused: [unused] });
  report.addSection(section('Capacity plan', { brokers: 3 }));

  it('report.json holds the environment, the summary, the entries with problems first, the unused suppressions as warnings and the sections by title', () => {
    expect(report.toJson()).toEqual({
      environment: { name: 'production', profile: 'production', region: 'us-east-1' },
      summary: { 'compliant': 1, 'non-compliant': 2, 'suppressed': 1, 'not-applicable': 0, errors: 1, warnings: 1 },
      entries: report.entriesByProblem(),
      unusedSuppressions: [{ level: 'warning', id: 'HA-007', attachedTo: 'production/Kafka', reason: 'Racks are | set by the platform team.' }],
      sections: { 'Capacity plan': { brokers: 3 } },
    });
    expect(ids(report.toJson().entries as ReportEntry[])).toEqual(['SEC-002 non-compliant error', 'HA-010 non-compliant warning', 'SEC-001 suppressed', 'HA-002 compliant']);
  });

  it('report.md is the summary, one escaped row per entry, the unused suppressions and the sections', () => {
    expect(report.toMarkdown()).toBe([
      '# Rules report: production',
      '',
      'Profile `production`, region `us-east-1`.',
      '',
      '| compliant | non-compliant (errors / warnings) | suppressed | not applicable |',
      '|---|---|---|---|',
      '| 1 | 2 (1 / 1) | 1 | 0 |',
      '',
      '| rule | level | status | resource | path | detail |',
      '|---|---|---|---|---|---|',
      "| SEC-002 | error | non-compliant | `aws_msk_cluster.sec-002` | `production/SEC-002/Resource` | ssl.protocol is TLSv1\\|1; expected TLSv1.2 or later<br>ciphers are weak; expected AEAD ciphers<br>a note |",
      '| HA-010 | warning | non-compliant | `aws_msk_cluster.ha-010` | `production/HA-010/Resource` | HA-010 value is wrong; expected right |',
      '| SEC-001 | error | suppressed | `aws_msk_cluster.sec-001` | `production/SEC-001/Resource` | suppressed at `production/SEC-001`: The sandbox has no clients. |',
      '| HA-002 | error | compliant | `aws_msk_cluster.ha-002` | `production/HA-002/Resource` | prefixed ACL orders- |',
      '',
      '## Unused suppressions',
      '',
      'Warning: 1 suppression(s) matched no finding. Remove them, or they will silence a future violation unseen.',
      '',
      '| rule | attached to | reason |',
      '|---|---|---|',
      '| HA-007 | `production/Kafka` | Racks are \\| set by the platform team. |',
      '',
      '## Capacity plan',
      '',
      'Capacity plan table',
      '',
    ].join('\n'));
  });

  it('report.md of a report without unused suppressions or sections ends with the table', () => {
    const md = new ComplianceReport(production, [compliant]).toMarkdown();
    expect(md.endsWith('| HA-002 | error | compliant | `aws_msk_cluster.ha-002` | `production/HA-002/Resource` | prefixed ACL orders- |\n')).toBe(true);
    expect(md).not.toContain('Unused suppressions');
  });

  it('report.md shows a suppressed entry that lost its suppression (a hand-built report) with an empty place and reason', () => {
    const md = new ComplianceReport(production, [entry('SEC-001', 'suppressed')]).toMarkdown();
    expect(md).toContain('| SEC-001 | error | suppressed | `aws_msk_cluster.sec-001` | `production/SEC-001/Resource` | suppressed at :  |\n');
  });

  it('report.md escapes the environment name and a section title', () => {
    const env = Environment.production({ name: 'prod', region: 'eu-west-1' });
    const r = new ComplianceReport(env, []);
    r.addSection({ title: 'Cost *estimate*', data: {}, markdown: 'x' });
    const md = r.toMarkdown();
    expect(md.split('\n')[0]).toBe('# Rules report: prod');
    expect(md).toContain('\n## Cost \\*estimate\\*\n\nx\n');
  });
});
