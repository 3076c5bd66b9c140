// The JUnit XML of a report (lib/rules/report-junit.ts) over a hand-built report: the whole
// document CI shows (a failure per error, warnings passing with their findings, suppressed and
// not-applicable entries skipped with the reason) and the escaping of every value.
// Well-formedness of the examples' files: test/app/report-sarif.test.ts.
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Environment } from '../../lib/model/environment';
import { ComplianceReport, type ReportEntry } from '../../lib/rules/report';
import { junitXml } from '../../lib/rules/report-junit';

const staging = Environment.staging({ name: 'staging', region: 'eu-west-1' });
const entry = (ruleId: string, status: ReportEntry['status'], o: Partial<ReportEntry> = {}): ReportEntry => ({
  ruleId, title: `${ruleId} title`, level: 'error', status, path: `staging/${ruleId}/Resource`, resource: `widget.${ruleId}`,
  findings: [], notes: [], remediation: `Fix ${ruleId}.`, ...o,
});

describe('junitXml', () => {
  it('is one suite per environment, one case per entry: a failure per error, warnings in system-out, the rest skipped with the reason', () => {
    const report = new ComplianceReport(staging, [
      entry('HA-001', 'non-compliant', { findings: [{ found: 'brokers is 1', expected: 'at least 3', fix: 'Set brokers: 3.' }, { found: 'zones is 1', expected: '3' }] }),
      entry('HA-010', 'non-compliant', { level: 'warning', findings: [{ found: 'auto.create.topics.enable is true', expected: 'false' }] }),
      entry('SEC-001', 'suppressed', { findings: [{ found: 'listener is PLAINTEXT', expected: 'TLS', fix: 'Use TLS.' }], suppression: { reason: 'Sandbox without clients.', attachedTo: 'staging/Kafka' } }),
      entry('HA-002', 'compliant'),
      entry('MON-010', 'not-applicable', { path: '-' }),
    ]);
    expect(junitXml(report)).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="kafka-iac rules" tests="5" failures="1" errors="0" skipped="2">',
      '  <testsuite name="staging" tests="5" failures="1" errors="0" skipped="2">',
      '    <testcase classname="staging.HA-001" name="HA-001 HA-001 title [staging/HA-001/Resource]">',
      '      <failure type="HA-001" message="brokers is 1">brokers is 1; expected at least 3. Set brokers: 3.&#10;zones is 1; expected 3. Fix HA-001.</failure>',
      '    </testcase>',
      '    <testcase classname="staging.HA-010" name="HA-010 HA-010 title [staging/HA-010/Resource]">',
      '      <system-out>warning: auto.create.topics.enable is true; expected false. Fix HA-010.</system-out>',
      '    </testcase>',
      '    <testcase classname="staging.SEC-001" name="SEC-001 SEC-001 title [staging/SEC-001/Resource]">',
      '      <skipped message="suppressed at staging/Kafka: Sandbox without clients."/>',
      '      <system-out>listener is PLAINTEXT; expected TLS. Use TLS.</system-out>',
      '    </testcase>',
      '    <testcase classname="staging.HA-002" name="HA-002 HA-002 title [staging/HA-002/Resource]"/>',
      '    <testcase classname="staging.MON-010" name="MON-010 MON-010 title [-]">',
      '      <skipped message="not applicable: no document this rule reads"/>',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'));
  });

  it('counts the suppressed and not-applicable entries as skipped, and only errors as failures', () => {
    const report = new ComplianceReport(staging, [
      entry('SEC-001', 'suppressed', { suppression: { reason: 'r', attachedTo: 'a' } }),
      entry('SEC-002', 'suppressed', { suppression: { reason: 'r', attachedTo: 'a' } }),
      entry('HA-010', 'non-compliant', { level: 'warning' }),
      entry('HA-002', 'compliant'),
    ]);
    expect(junitXml(report).split('\n')[1]).toBe('<testsuites name="kafka-iac rules" tests="4" failures="0" errors="0" skipped="2">');
  });

  it('skips a suppressed entry that lost its suppression (a hand-built report) as suppressed, without an empty place', () => {
    expect(junitXml(new ComplianceReport(staging, [entry('SEC-001', 'suppressed')]))).toContain('<skipped message="suppressed"/>');
  });

  it('names a failure by the rule title when the entry has no finding', () => {
    expect(junitXml(new ComplianceReport(staging, [entry('HA-001', 'non-compliant')]))).toContain('<failure type="HA-001" message="HA-001 title"></failure>');
  });

  it('escapes the five XML characters and line breaks, and drops characters XML 1.0 does not allow', () => {
    const hostile = 'a<b>&"c\'\u0001\u0008\u000b\u000c\u000e\u001f\ufffe\uffff\td\r\ne';
    const report = new ComplianceReport(Environment.staging({ name: 'stage', region: 'eu-west-1' }), [
      entry('HA-001', 'non-compliant', { path: hostile, findings: [{ found: hostile, expected: 'x' }] }),
    ]);
    const text = junitXml(report);
    expect(text).toContain('name="HA-001 HA-001 title [a&lt;b&gt;&amp;&quot;c&apos;&#9;d&#13;&#10;e]"');
    expect(XMLValidator.validate(text)).toBe(true);
    // Read back, the attribute is the text itself: tab, CR and LF are not normalized to spaces.
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(text);
    expect(parsed.testsuites.testsuite.testcase.failure.message).toBe('a<b>&"c\'\td\r\ne');
  });

  it('escapes or drops each such character when it is the only one in the text, and leaves plain text as it is', () => {
    const cases: [string, string][] = [
      ['<', '&lt;'], ['>', '&gt;'], ['&', '&amp;'], ['"', '&quot;'], ["'", '&apos;'], ['\t', '&#9;'], ['\n', '&#10;'], ['\r', '&#13;'],
      ['\u0000', ''], ['\u0008', ''], ['\u000b', ''], ['\u001f', ''], ['\ufffe', ''], ['\uffff', ''],
    ];
    for (const [c, written] of cases) {
      const text = junitXml(new ComplianceReport(staging, [entry('HA-001', 'compliant', { path: `x${c}y` })]));
      expect(text).toContain(`name="HA-001 HA-001 title [x${written}y]"`);
    }
    const plain = junitXml(new ComplianceReport(staging, [entry('HA-001', 'compliant', { path: 'app/stack/`orders`-topic.v1 (é)' })]));
    expect(plain).toContain('name="HA-001 HA-001 title [app/stack/`orders`-topic.v1 (é)]"');
  });

  it('names every case of a rule by its own title and path, escaped, however many cases the rule has', () => {
    const report = new ComplianceReport(staging, [
      entry('SEC-005', 'compliant', { title: "Least privilege: `*` for 'admins' & <nobody>", path: 'kafka/access/User-a' }),
      entry('SEC-005', 'compliant', { title: "Least privilege: `*` for 'admins' & <nobody>", path: 'kafka/access/User-<b>' }),
      entry('SEC-005', 'non-compliant', { title: 'Another "title"', path: 'kafka/access/User-c', findings: [{ found: 'x', expected: 'y' }] }),
      entry('HA-002', 'compliant', { path: 'kafka/access/Topic-"t"' }),
    ]);
    const names = [...junitXml(report).matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(names).toEqual([
      ['staging.SEC-005', 'SEC-005 Least privilege: `*` for &apos;admins&apos; &amp; &lt;nobody&gt; [kafka/access/User-a]'],
      ['staging.SEC-005', 'SEC-005 Least privilege: `*` for &apos;admins&apos; &amp; &lt;nobody&gt; [kafka/access/User-&lt;b&gt;]'],
      ['staging.SEC-005', 'SEC-005 Another &quot;title&quot; [kafka/access/User-c]'],
      ['staging.HA-002', 'HA-002 HA-002 title [kafka/access/Topic-&quot;t&quot;]'],
    ]);
  });
});
