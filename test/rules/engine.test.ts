import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../lib/model/environment';
import { KafkaIacError } from '../../lib/model/errors';
import type { SynthesizedDocument, TerraformDocument } from '../../lib/contract/document';
import { evaluateRules, formatViolation } from '../../lib/rules/engine';
import { RuleRegistry } from '../../lib/rules/registry';
import { ComplianceReport } from '../../lib/rules/report';
import { COMPLIANT, Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule } from '../../lib/rules/rule';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { KafkaStack } from '../../lib/app/kafka-stack';
import { TerraformResource } from 'cdktf';

const production = Environment.production({ name: 'production', region: 'us-east-1' });
const development = Environment.development({ name: 'development', region: 'us-east-1' });

/** A test rule: `widget` resources need `size >= 3`. */
const SIZE_RULE: Rule = {
  id: 'HA-001', level: RuleLevel.ERROR, title: 'size', explanation: 'x', remediation: 'Set size: 3.',
  targets: [RuleTarget.ANY], relaxedInDevelopment: true,
  check(doc) {
    if (doc.source !== 'terraform' || doc.type !== 'widget') return NOT_APPLICABLE;
    const f = new Findings();
    f.expect(Number(doc.body.size) >= 3, { found: `size is ${doc.body.size}`, expected: 'at least 3' });
    return f.outcome();
  },
};

const WARN_RULE: Rule = {
  id: 'HA-010', level: RuleLevel.WARNING, title: 'warn', explanation: 'x', remediation: 'Set flag.',
  targets: [RuleTarget.ANY],
  check(doc) {
    if (doc.source !== 'terraform') return NOT_APPLICABLE;
    return doc.body.flag ? COMPLIANT : { status: 'non-compliant', findings: [{ found: 'flag is not set', expected: 'flag' }] };
  },
};

function widget(name: string, size: number, flag = true): TerraformDocument {
  return { source: 'terraform', type: 'widget', name, address: `widget.${name}`, path: `stack/${name}/Resource`, body: { size, flag } };
}

describe('rule engine', () => {
  it('reports every violation, one line each, not only the first', () => {
    const report = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('a', 1), widget('b', 2), widget('c', 3)] });
    const lines = report.errors().map(formatViolation);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('HA-001 [stack/a/Resource] size is 1; expected at least 3. Set size: 3. (Or suppress HA-001 with a written reason.)');
    expect(lines[1]).toContain('HA-001 [stack/b/Resource] size is 2');
    expect(report.entries.filter((e) => e.status === 'compliant').map((e) => e.path)).toEqual(['stack/c/Resource']);
  });

  it('lists a rule with no applicable document as not applicable', () => {
    const docs: SynthesizedDocument[] = [{ source: 'kubernetes', apiVersion: 'v1', kind: 'ConfigMap', name: 'x', path: 'chart/x', body: {} }];
    const report = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: docs });
    expect(report.entries).toEqual([expect.objectContaining({ ruleId: 'HA-001', status: 'not-applicable', path: '-' })]);
  });

  it('relaxes HA rules to warnings in development and keeps them errors in production', () => {
    const docs = [widget('a', 1)];
    expect(evaluateRules({ environment: development, rules: [SIZE_RULE], documents: docs }).errors()).toHaveLength(0);
    expect(evaluateRules({ environment: development, rules: [SIZE_RULE], documents: docs }).warnings()).toHaveLength(1);
    expect(evaluateRules({ environment: production, rules: [SIZE_RULE], documents: docs }).errors()).toHaveLength(1);
  });

  it('never stops synthesis for a warning-level rule', () => {
    const report = evaluateRules({ environment: production, rules: [WARN_RULE], documents: [widget('a', 3, false)] });
    expect(report.errors()).toHaveLength(0);
    expect(report.warnings().map((e) => e.ruleId)).toEqual(['HA-010']);
  });

  it('applies a suppression found for the path and records its reason', () => {
    const report = evaluateRules({
      environment: production, rules: [SIZE_RULE], documents: [widget('a', 1)],
      suppressionFor: (path, id) => (path.startsWith('stack/a') && id === 'HA-001' ? { id, reason: 'Sandbox cluster used only for demos.', attachedTo: 'stack/a' } : undefined),
    });
    expect(report.errors()).toHaveLength(0);
    expect(report.suppressed()[0].suppression).toEqual({ reason: 'Sandbox cluster used only for demos.', attachedTo: 'stack/a' });
    expect(report.toMarkdown()).toContain('suppressed at `stack/a`: Sandbox cluster used only for demos.');
  });

  it('merges the reports of one environment and keeps a rule applied anywhere off the not-applicable list', () => {
    const a = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('a', 3)] });
    const b = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [] });
    const merged = ComplianceReport.merge(production, [a, b]);
    expect(merged.entries.map((e) => e.status)).toEqual(['compliant']);
    expect(merged.toJson()).toMatchObject({ environment: { name: 'production', profile: 'production' }, summary: { compliant: 1 } });
  });
});

describe('suppressions', () => {
  function tree() {
    const app = Testing.app();
    const stack = new KafkaStack(app, 'production', { environment: production });
    const parent = new Construct(stack, 'Kafka');
    const child = new Construct(parent, 'Brokers');
    return { stack, parent, child };
  }

  it('are inherited by children', () => {
    const { stack, parent, child } = tree();
    RuleSuppressions.add(parent, [{ id: 'HA-001', reason: 'Three brokers are provisioned by another team.' }]);
    const lookup = RuleSuppressions.lookup(stack);
    expect(lookup(child.node.path, 'HA-001')).toMatchObject({ attachedTo: 'production/Kafka' });
    expect(lookup(child.node.path, 'HA-002')).toBeUndefined();
    expect(lookup('production/Other', 'HA-001')).toBeUndefined();
  });

  it('refuse a missing reason', () => {
    const { parent } = tree();
    expect(() => RuleSuppressions.add(parent, [{ id: 'HA-001', reason: '' }])).toThrow(/KIAC-SUPPRESS \[production\/Kafka\] the suppression of HA-001 has reason ''/);
  });

  it('refuse a reason that is not a sentence', () => {
    const { parent } = tree();
    expect(() => RuleSuppressions.add(parent, [{ id: 'HA-001', reason: 'n/a' }])).toThrow(KafkaIacError);
    expect(() => RuleSuppressions.add(parent, [{ id: 'HA-001', reason: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }])).toThrow(/expected a sentence/);
  });

  it('refuse an unknown rule ID', () => {
    const { parent } = tree();
    expect(() => RuleSuppressions.add(parent, [{ id: 'HA-999', reason: 'This rule does not apply to this cluster.' }])).toThrow(/suppression id is 'HA-999'/);
  });

  it('are written into the Terraform resource they are attached to', () => {
    const app = Testing.app();
    const stack = new KafkaStack(app, 'production', { environment: production });
    const r = new TerraformResource(stack, 'Widget', { terraformResourceType: 'null_resource' });
    RuleSuppressions.add(r, [{ id: 'HA-001', reason: 'Demo resource that holds no data.' }]);
    // Testing.synth strips `//` comments, so read the stack's JSON as `cdk.tf.json` will hold it.
    const json = stack.toTerraform() as any;
    expect(json.resource.null_resource.Widget['//'].kafka_iac_suppressions).toEqual([{ id: 'HA-001', reason: 'Demo resource that holds no data.' }]);
  });
});

describe('registry', () => {
  it('knows every rule ID of RULES.md and lists document rules in ID order', () => {
    expect(RuleRegistry.has('SEC-009')).toBe(true);
    expect(RuleRegistry.has('SLO-004')).toBe(true);
    expect(RuleRegistry.has('XX-001')).toBe(false);
    const ids = RuleRegistry.all().map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every rule an explanation and a remediation', () => {
    for (const rule of RuleRegistry.all()) {
      expect(rule.explanation.length, rule.id).toBeGreaterThan(20);
      expect(rule.remediation.length, rule.id).toBeGreaterThan(10);
    }
  });
});
