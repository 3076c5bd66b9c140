import type { ComplianceReport, ReportEntry } from './report';

/**
 * The report as JUnit XML, the test-report format CI systems display (GitLab `artifacts:reports:junit`,
 * Jenkins, GitHub test-reporter actions): one `<testsuite>` per environment, one `<testcase>`
 * per rule and document. An error is a `<failure>`, as it stops synthesis; a warning passes
 * with its findings in `<system-out>`; a suppressed or not-applicable entry is `<skipped>` with
 * the reason.
 * @see https://github.com/testmoapp/junitxml (the de facto schema)
 */
export function junitXml(report: ComplianceReport): string {
  const env = report.environment.name;
  // Escaped once per rule: a large platform's report has thousands of entries of a few dozen rules.
  const perRule = new Map<string, RuleText>();
  const cases = report.entries.map((e) => {
    let text = perRule.get(e.ruleId);
    if (!text || text.title !== e.title) {
      text = { title: e.title, classname: xml(`${env}.${e.ruleId}`), name: xml(`${e.ruleId} ${e.title} [`) };
      perRule.set(e.ruleId, text);
    }
    return testCase(text, e);
  });
  const failures = report.errors().length;
  const skipped = report.entries.filter((e) => e.status === 'suppressed' || e.status === 'not-applicable').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kafka-iac rules" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="${xml(env)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** The escaped text of a rule's test cases: `classname`, and `name` up to the path. */
interface RuleText {
  readonly title: string;
  readonly classname: string;
  readonly name: string;
}

function testCase(rule: RuleText, e: ReportEntry): string {
  // `xml` escapes character by character, so the escaped parts make the escaped whole.
  const open = `    <testcase classname="${rule.classname}" name="${rule.name}${xml(`${e.path}]`)}"`;
  if (e.status === 'compliant') return `${open}/>`;
  const detail = e.findings.map((f) => `${f.found}; expected ${f.expected}. ${f.fix ?? e.remediation}`).join('\n');
  if (e.status === 'not-applicable') return `${open}>\n      <skipped message="not applicable: no document this rule reads"/>\n    </testcase>`;
  if (e.status === 'suppressed') {
    const s = e.suppression;
    return `${open}>\n      <skipped message="${xml(s ? `suppressed at ${s.attachedTo}: ${s.reason}` : 'suppressed')}"/>\n      <system-out>${xml(detail)}</system-out>\n    </testcase>`;
  }
  if (e.level === 'warning') return `${open}>\n      <system-out>${xml(`warning: ${detail}`)}</system-out>\n    </testcase>`;
  return `${open}>\n      <failure type="${xml(e.ruleId)}" message="${xml(e.findings[0]?.found ?? e.title)}">${xml(detail)}</failure>\n    </testcase>`;
}

/**
 * The one XML escaper of this writer: the five predefined entities for text and attribute
 * values, tab, LF and CR as character references, and characters XML 1.0 does not allow at all
 * (C0 controls other than tab, LF, CR) dropped.
 * @see https://www.w3.org/TR/xml/#charsets
 * @see https://www.w3.org/TR/xml/#AVNormalize (a literal tab, LF or CR in an attribute value is read as a space)
 */
function xml(text: string): string {
  // Most text (rule titles, construct paths) holds none of these: returned as it is, without the nine passes below.
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001F&<>"'\uFFFE\uFFFF]/.test(text)) return text;
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // As references, so that a parser does not normalize them to a space (in an attribute) or a line feed.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
