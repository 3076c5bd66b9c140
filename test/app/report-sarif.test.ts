// SARIF 2.1.0 and JUnit views of the rules report, checked against the official schema.
// Schema: schemas/sarif/sarif-schema-2.1.0.json from oasis-tcs/sarif-spec (sarif-2.1/schema/),
// the JSON schema of the SARIF 2.1.0 errata 01 OASIS Standard (see schemas/sarif/README.md).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Environment } from '../../lib/model/environment';
import type { TerraformDocument } from '../../lib/contract/document';
import { evaluateRules } from '../../lib/rules/engine';
import { RuleRegistry } from '../../lib/rules/registry';
import { sarifLog } from '../../lib/rules/report-sarif';
import { junitXml } from '../../lib/rules/report-junit';
import { Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule } from '../../lib/rules/rule';
import { artifactUri } from '../../lib/app/report-writers';
import { EXAMPLE_ENVIRONMENTS, EXAMPLES_DIR, ROOT, exampleDist } from '../support/paths';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/sarif/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function expectValidSarif(log: unknown): void {
  const ok = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

const production = Environment.production({ name: 'production', region: 'us-east-1' });

/** A test rule: `widget` resources need `size >= 3`. */
const SIZE_RULE: Rule = {
  id: 'HA-001', level: RuleLevel.ERROR, title: 'Widget size', explanation: 'Small widgets lose data.', remediation: 'Set size: 3.',
  targets: [RuleTarget.ANY],
  check(doc) {
    if (doc.source !== 'terraform' || doc.type !== 'widget') return NOT_APPLICABLE;
    const f = new Findings();
    f.expect(Number(doc.body.size) >= 3, { found: `size is ${doc.body.size}`, expected: 'at least 3' });
    f.expect(doc.body.zones === 3, { found: `zones is ${doc.body.zones}`, expected: '3' });
    return f.outcome();
  },
};

function widget(name: string, size: number, zones = 3): TerraformDocument {
  return { source: 'terraform', type: 'widget', name, address: `widget.${name}`, path: `stack/${name}/Resource`, body: { size, zones } };
}

describe('SARIF of a report', () => {
  const report = evaluateRules({
    environment: production, rules: [SIZE_RULE], documents: [widget('a', 1, 1), widget('b', 1), widget('c', 3)],
    suppressionFor: (p, id) => (p.startsWith('stack/b') ? { id, reason: 'Sandbox widget used only for demos.', attachedTo: 'stack/b' } : undefined),
  });
  const log = sarifLog(report, { rules: [SIZE_RULE], artifactOf: (p) => (p.startsWith('stack/') ? 'cdktf.out/stacks/production/cdk.tf.json' : undefined) }) as any;
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => expectValidSarif(log));

  it('is checked by a schema that rejects what SARIF does not allow (a level outside none/note/warning/error)', () => {
    const bad = structuredClone(log);
    bad.runs[0].results[0].level = 'fatal';
    expect(validateSarif(bad)).toBe(false);
  });

  it('has one result per finding of each non-compliant or suppressed entry, none for compliant ones', () => {
    expect(run.results.map((r: any) => [r.locations[0].logicalLocations[0].fullyQualifiedName, r.message.text])).toEqual([
      ['stack/a/Resource', 'widget.a: size is 1; expected at least 3. Set size: 3.'],
      ['stack/a/Resource', 'widget.a: zones is 1; expected 3. Set size: 3.'],
      ['stack/b/Resource', 'widget.b: size is 1; expected at least 3. Set size: 3.'],
    ]);
  });

  it('records a suppression with its written reason as the justification', () => {
    expect(run.results[0].suppressions).toBeUndefined();
    expect(run.results[2].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Sandbox widget used only for demos. (attached to stack/b)' }]);
  });

  it('describes the rule with its title, help text and default level, and points results at it', () => {
    expect(run.tool.driver.rules).toEqual([expect.objectContaining({
      id: 'HA-001',
      shortDescription: { text: 'Widget size' },
      help: expect.objectContaining({ text: 'Small widgets lose data.\n\nRemediation: Set size: 3.' }),
      defaultConfiguration: { level: 'error' },
    })]);
    expect(run.results[0]).toEqual(expect.objectContaining({ ruleId: 'HA-001', ruleIndex: 0, level: 'error' }));
  });

  it('points each result at the construct path and the output file', () => {
    expect(run.results[0].locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'cdktf.out/stacks/production/cdk.tf.json' }, region: { startLine: 1 } },
      logicalLocations: [{ name: 'widget.a', fullyQualifiedName: 'stack/a/Resource', kind: 'resource' }],
    });
  });

  it('gives a result without a known file only its logical location (a region needs a file)', () => {
    const logical = sarifLog(report, { rules: [SIZE_RULE] }) as any;
    expectValidSarif(logical);
    expect(logical.runs[0].results[0].locations[0]).toEqual({
      logicalLocations: [{ name: 'widget.a', fullyQualifiedName: 'stack/a/Resource', kind: 'resource' }],
    });
  });

  it('writes files as relative URIs under the project and file URLs outside it', () => {
    expect(artifactUri('dist/my env/kafka.k8s.yaml', '/p')).toBe('dist/my%20env/kafka.k8s.yaml');
    expect(artifactUri('/elsewhere/cdk.tf.json', '/p')).toBe('file:///elsewhere/cdk.tf.json');
  });
});

describe('SARIF of every example environment', () => {
  for (const env of EXAMPLE_ENVIRONMENTS) {
    it(`${env}: dist/${env}/report.sarif validates and matches report.json`, () => {
      const log = JSON.parse(fs.readFileSync(path.join(exampleDist(env), 'report.sarif'), 'utf8'));
      expectValidSarif(log);
      const report = JSON.parse(fs.readFileSync(path.join(exampleDist(env), 'report.json'), 'utf8'));
      const flagged = report.entries.filter((e: any) => e.status === 'non-compliant' || e.status === 'suppressed');
      const run = log.runs[0];
      expect(run.results).toHaveLength(flagged.reduce((n: number, e: any) => n + e.findings.length, 0));
      expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(RuleRegistry.ids());
      expect(run.automationDetails.id).toBe(`kafka-iac/${env}/`);
      for (const r of run.results) {
        // Every result of the examples comes from a stack or a chart, so its file is known and exists.
        const uri = r.locations[0].physicalLocation.artifactLocation.uri as string;
        // Code scanning places an alert on a region: every result with a file has a start line.
        expect(r.locations[0].physicalLocation.region.startLine).toBe(1);
        const file = uri.startsWith('file:') ? new URL(uri).pathname : path.join(process.cwd(), decodeURIComponent(uri));
        expect(fs.existsSync(file), file).toBe(true);
        expect(file.startsWith(EXAMPLES_DIR)).toBe(true);
      }
    });
  }

  it('development, where HA rules are relaxed, reports its warnings as warning results', () => {
    const log = JSON.parse(fs.readFileSync(path.join(exampleDist('development'), 'report.sarif'), 'utf8'));
    const results = log.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.level).toBe('warning');
  });
});

describe('JUnit XML of a report', () => {
  it('is well-formed XML with a failure per error, skipped suppressions, and escaped text', () => {
    const report = evaluateRules({
      environment: production, rules: [SIZE_RULE],
      documents: [{ ...widget('a', 1), path: 'stack/a<&"x">/Resource' }, widget('b', 1), widget('c', 3)],
      suppressionFor: (p, id) => (p.startsWith('stack/b') ? { id, reason: 'Sandbox widget used only for demos.', attachedTo: 'stack/b' } : undefined),
    });
    const text = junitXml(report);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    const suite = doc.testsuites.testsuite;
    expect(suite).toEqual(expect.objectContaining({ name: 'production', tests: '3', failures: '1', skipped: '1' }));
    expect(suite.testcase[0].name).toBe('HA-001 Widget size [stack/a<&"x">/Resource]');
    expect(suite.testcase[0].failure.type).toBe('HA-001');
    expect(suite.testcase[1].skipped.message).toBe('suppressed at stack/b: Sandbox widget used only for demos.');
  });

  it('is written for every example environment', () => {
    for (const env of EXAMPLE_ENVIRONMENTS) {
      expect(XMLValidator.validate(fs.readFileSync(path.join(exampleDist(env), 'report.junit.xml'), 'utf8'))).toBe(true);
    }
  });
});
