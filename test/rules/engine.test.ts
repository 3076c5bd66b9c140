import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../lib/model/environment';
import { KafkaIacError } from '../../lib/model/errors';
import type { SynthesizedDocument, TerraformDocument } from '../../lib/contract/document';
import { evaluatedDocuments, evaluateRules, formatViolation } from '../../lib/rules/engine';
import { RuleRegistry } from '../../lib/rules/registry';
import { ComplianceReport } from '../../lib/rules/report';
import { COMPLIANT, Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule } from '../../lib/rules/rule';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { KafkaStack } from '../../lib/app/kafka-stack';
import { TerraformResource } from 'cdktf';
import { ApiObject, Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { SCRATCH_APP } from '../support/scratch';

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

describe('rule engine: what stops synthesis, and what the report and the message say', () => {
  const staging = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const REASON = 'Sandbox cluster used only for demos.';
  /** A rule that is not HA, SEC or DR, at level error: `widget` resources need `flag`. */
  const custom = (id: string, level = RuleLevel.ERROR): Rule => ({
    id, level, title: 'flag', explanation: 'x', remediation: 'Set flag.', targets: [RuleTarget.ANY],
    check: (doc) => (doc.source !== 'terraform' ? NOT_APPLICABLE
      : doc.body.flag ? COMPLIANT : { status: 'non-compliant', findings: [{ found: 'flag is not set', expected: 'flag' }] }),
  });
  /** Every finding of a rule is covered by one suppression of that rule attached at `attachedTo`. */
  const suppressedAt = (attachedTo: string, atRoot: boolean, acknowledgeWholeScope?: boolean) =>
    (_path: string, id: string) => ({ id, reason: REASON, attachedTo, atRoot, ...(acknowledgeWholeScope === undefined ? {} : { acknowledgeWholeScope }) });

  it('lists a rule that applied to no document with its title, level and remediation, and no findings', () => {
    const report = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [] });
    expect(report.entries).toEqual([{
      ruleId: 'HA-001', title: 'size', level: 'error', status: 'not-applicable', path: '-', resource: '-',
      findings: [], notes: [], remediation: 'Set size: 3.',
    }]);
    expect(report.errors()).toEqual([]);
  });

  it('reports a compliant document with its resource and the notes the rule gave', () => {
    const noted: Rule = { ...SIZE_RULE, check: () => ({ status: 'compliant', notes: ['size is 5'] }) };
    const [entry] = evaluateRules({ environment: production, rules: [noted], documents: [widget('a', 5)] }).entries;
    expect(entry).toEqual({
      ruleId: 'HA-001', title: 'size', level: 'error', status: 'compliant', path: 'stack/a/Resource', resource: 'widget.a',
      findings: [], notes: ['size is 5'], remediation: 'Set size: 3.',
    });
    const [plain] = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('a', 5)] }).entries;
    expect(plain.notes).toEqual([]);
  });

  it('writes every entry with its keys in one order, whatever its status (report.json keeps that order)', () => {
    const report = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('a', 5), widget('b', 1)] });
    const [compliant, nonCompliant] = report.entries;
    expect(Object.keys(compliant)).toEqual(['ruleId', 'title', 'level', 'path', 'resource', 'remediation', 'status', 'findings', 'notes']);
    expect(Object.keys(nonCompliant)).toEqual(Object.keys(compliant));
  });

  it("uses a finding's own fix in the message instead of the rule's remediation, one line per finding", () => {
    const twoFindings: Rule = {
      ...SIZE_RULE,
      check: () => ({ status: 'non-compliant', findings: [
        { found: 'size is 1', expected: 'at least 3', fix: 'Raise size to 3.' },
        { found: 'flag is not set', expected: 'flag' },
      ] }),
    };
    const [entry] = evaluateRules({ environment: production, rules: [twoFindings], documents: [widget('a', 1)] }).errors();
    expect(formatViolation(entry)).toBe(
      'HA-001 [stack/a/Resource] size is 1; expected at least 3. Raise size to 3. (Or suppress HA-001 with a written reason.)\n  '
      + 'HA-001 [stack/a/Resource] flag is not set; expected flag. Set size: 3. (Or suppress HA-001 with a written reason.)');
  });

  it('keeps a rule that is not relaxed an error in development, and a relaxed rule an error in staging', () => {
    const strict: Rule = { ...SIZE_RULE, relaxedInDevelopment: false };
    expect(evaluateRules({ environment: development, rules: [strict], documents: [widget('a', 1)] }).errors()).toHaveLength(1);
    expect(evaluateRules({ environment: staging, rules: [SIZE_RULE], documents: [widget('a', 1)] }).errors()).toHaveLength(1);
  });

  it('refuses an HA, SEC or DR suppression at a root in production and staging, with a message that names the rule, the path and the fix', () => {
    for (const environment of [production, staging]) {
      const report = evaluateRules({ environment, rules: [SIZE_RULE], documents: [widget('a', 1)], suppressionFor: suppressedAt('stack', true, true) });
      const [entry] = report.errors();
      expect(entry).toMatchObject({ status: 'non-compliant', path: 'stack/a/Resource', notes: [] });
      expect(entry.suppression).toBeUndefined();
      expect(entry.findings).toEqual([
        { found: 'size is 1', expected: 'at least 3' },
        {
          found: 'the suppression of HA-001 on stack covers a whole app, stack or chart',
          expected: `HA-001 suppressed only on the resource it applies to in ${environment.profile}`,
          fix: 'Attach the suppression to stack/a/Resource (or the construct that owns it) with its reason.',
        },
      ]);
      // The refused suppression was used by a finding: it is not listed as unused.
      expect(report.unusedSuppressions()).toEqual([]);
    }
  });

  it('honours the same suppression attached below the root, in production', () => {
    const report = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('a', 1)], suppressionFor: suppressedAt('stack/a', false) });
    expect(report.errors()).toEqual([]);
    expect(report.suppressed()).toEqual([expect.objectContaining({
      status: 'suppressed', findings: [{ found: 'size is 1', expected: 'at least 3' }], notes: [], suppression: { reason: REASON, attachedTo: 'stack/a' },
    })]);
  });

  it('honours a root suppression in development, and of a warning-level rule in production', () => {
    const dev = evaluateRules({ environment: development, rules: [custom('MON-001')], documents: [widget('a', 3, false)], suppressionFor: suppressedAt('stack', true) });
    expect(dev.suppressed().map((e) => e.ruleId)).toEqual(['MON-001']);
    const warning = evaluateRules({ environment: production, rules: [custom('MON-001', RuleLevel.WARNING)], documents: [widget('a', 3, false)], suppressionFor: suppressedAt('stack', true) });
    expect(warning.suppressed().map((e) => e.ruleId)).toEqual(['MON-001']);
    expect(warning.warnings()).toEqual([]);
  });

  it('refuses a root suppression of another error-level rule in production unless it acknowledges the whole scope', () => {
    const refused = evaluateRules({ environment: production, rules: [custom('MON-001')], documents: [widget('a', 3, false)], suppressionFor: suppressedAt('stack', true, false) });
    const [entry] = refused.errors();
    expect(entry.findings[1]).toEqual({
      found: 'the suppression of MON-001 on stack covers a whole app, stack or chart',
      expected: 'MON-001 suppressed on the resource it applies to in production, or at the root with acknowledgeWholeScope: true',
      fix: 'Attach the suppression to stack/a/Resource (or the construct that owns it), or add acknowledgeWholeScope: true to say that it covers every resource of production.',
    });
    expect(formatViolation(entry)).toContain('MON-001 [stack/a/Resource] the suppression of MON-001 on stack covers a whole app, stack or chart; expected MON-001 suppressed on the resource');
    const acknowledged = evaluateRules({ environment: production, rules: [custom('MON-001')], documents: [widget('a', 3, false)], suppressionFor: suppressedAt('stack', true, true) });
    expect(acknowledged.errors()).toEqual([]);
    expect(acknowledged.suppressed()[0].suppression).toEqual({ reason: REASON, attachedTo: 'stack' });
  });

  it('treats a pack rule whose ID only contains HA, SEC or DR (ADR-001, XSEC-001) as another rule, not a guard rule', () => {
    for (const id of ['ADR-001', 'XSEC-001', 'CHA-001']) {
      const report = evaluateRules({ environment: production, rules: [custom(id)], documents: [widget('a', 3, false)], suppressionFor: suppressedAt('stack', true, true) });
      expect(report.errors(), id).toEqual([]);
      expect(report.suppressed().map((e) => e.ruleId), id).toEqual([id]);
    }
    for (const id of ['SEC-001', 'DR-001', 'HA-001']) {
      const report = evaluateRules({ environment: production, rules: [custom(id)], documents: [widget('a', 3, false)], suppressionFor: suppressedAt('stack', true, true) });
      expect(report.errors().map((e) => e.ruleId), id).toEqual([id]);
    }
  });

  it('lists the given suppressions that no finding used as unused, and not those a finding used', () => {
    const used = { id: 'HA-001', reason: REASON, attachedTo: 'stack/a' };
    const passed = { id: 'HA-001', reason: REASON, attachedTo: 'stack/c' };
    const other = { id: 'HA-010', reason: REASON, attachedTo: 'stack/a' };
    const report = evaluateRules({
      environment: production, rules: [SIZE_RULE], documents: [widget('a', 1), widget('c', 3)],
      suppressionFor: (path, id) => (path.startsWith('stack/a/') && id === 'HA-001' ? used : undefined),
      suppressions: [used, passed, other],
    });
    expect(report.unusedSuppressions()).toEqual([passed, other]);
    expect(evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('a', 1)] }).unusedSuppressions()).toEqual([]);
  });

  it('keeps a suppression used in one report off the unused list of the merged report', () => {
    const s = { id: 'HA-001', reason: REASON, attachedTo: 'stack' };
    const a = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('a', 1)], suppressionFor: () => s, suppressions: [s] });
    const b = evaluateRules({ environment: production, rules: [SIZE_RULE], documents: [widget('c', 3)], suppressionFor: () => s, suppressions: [s] });
    expect(b.unusedSuppressions()).toEqual([s]);
    expect(ComplianceReport.merge(production, [a, b]).unusedSuppressions()).toEqual([]);
  });

  it('remembers the documents a report was evaluated over, and none for a merged report', () => {
    const documents = [widget('a', 3)];
    const report = evaluateRules({ environment: production, rules: [SIZE_RULE], documents });
    expect(evaluatedDocuments(report)).toBe(documents);
    expect(evaluatedDocuments(ComplianceReport.merge(production, [report]))).toBeUndefined();
  });
});

describe('suppressions', () => {
  function tree() {
    const app = Testing.app(SCRATCH_APP);
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

  it('cover a path from the app root, from the stack and from a construct, each reported where it is attached', () => {
    const { stack, parent, child } = tree();
    const app = stack.node.scope!;
    RuleSuppressions.add(app, [{ id: 'HA-002', reason: 'Replication is handled by the platform team for every stack.' }]);
    RuleSuppressions.add(stack, [{ id: 'MON-001', reason: 'Monitoring of this stack lives in another repository.', acknowledgeWholeScope: true }]);
    RuleSuppressions.add(parent, [{ id: 'HA-001', reason: 'Three brokers are provisioned by another team.' }]);
    const lookup = RuleSuppressions.lookup(stack);
    expect(lookup(child.node.path, 'HA-002')).toEqual({ id: 'HA-002', reason: 'Replication is handled by the platform team for every stack.', attachedTo: '<root>', atRoot: true });
    expect(lookup(child.node.path, 'MON-001')).toEqual({ id: 'MON-001', reason: 'Monitoring of this stack lives in another repository.', acknowledgeWholeScope: true, attachedTo: 'production', atRoot: true });
    expect(lookup(child.node.path, 'HA-001')).toEqual({ id: 'HA-001', reason: 'Three brokers are provisioned by another team.', attachedTo: 'production/Kafka', atRoot: false });
    expect(lookup('production/Kafka', 'HA-001')).toMatchObject({ attachedTo: 'production/Kafka' });
    // `attached` lists each once, wherever it covers something under the stack.
    expect(RuleSuppressions.attached(stack).map((s) => [s.id, s.attachedTo, s.atRoot])).toEqual([
      ['HA-002', '<root>', true], ['MON-001', 'production', true], ['HA-001', 'production/Kafka', false],
    ]);
    expect(RuleSuppressions.attached(child).map((s) => s.id)).toEqual(['HA-002', 'MON-001', 'HA-001']);
  });

  it('count a construct that groups stacks as a root: it covers the whole environment like the stack', () => {
    const app = Testing.app(SCRATCH_APP);
    const group = new Construct(app, 'Platform');
    const stack = new KafkaStack(group, 'production', { environment: production });
    const child = new Construct(stack, 'Kafka');
    RuleSuppressions.add(group, [{ id: 'SEC-007', reason: 'Partner link filters by source address.' }]);
    RuleSuppressions.add(child, [{ id: 'SEC-008', reason: 'Partner link filters by source address.' }]);
    const lookup = RuleSuppressions.lookup(stack);
    expect(lookup('Platform/production/Kafka/Resource', 'SEC-007')).toMatchObject({ attachedTo: 'Platform', atRoot: true });
    expect(lookup('Platform/production/Kafka/Resource', 'SEC-008')).toMatchObject({ attachedTo: 'Platform/production/Kafka', atRoot: false });
  });

  it('count only the app as a root in a tree where no scope carries an Environment', () => {
    const app = Testing.app(SCRATCH_APP);
    const stack = new Construct(app, 'production');
    RuleSuppressions.add(app, [{ id: 'HA-002', reason: 'Replication is handled by the platform team.' }]);
    RuleSuppressions.add(stack, [{ id: 'HA-001', reason: 'Three brokers are provisioned by another team.' }]);
    const lookup = RuleSuppressions.lookup(stack);
    expect(lookup('production/Kafka/Resource', 'HA-001')).toMatchObject({ attachedTo: 'production', atRoot: false });
    expect(lookup('production/Kafka/Resource', 'HA-002')).toMatchObject({ attachedTo: '<root>', atRoot: true });
    expect(RuleSuppressions.attached(stack).map((s) => [s.id, s.atRoot])).toEqual([['HA-002', true], ['HA-001', false]]);
  });

  it('find nothing when none is attached, and keep an acknowledgment only when it is true', () => {
    const { stack, parent, child } = tree();
    expect(RuleSuppressions.lookup(stack)(child.node.path, 'HA-001')).toBeUndefined();
    expect(RuleSuppressions.attached(stack)).toEqual([]);
    RuleSuppressions.add(parent, [
      { id: 'HA-001', reason: 'Three brokers are provisioned by another team.', acknowledgeWholeScope: false },
      { id: 'MON-001', reason: 'Monitoring of this stack lives in another repository.', acknowledgeWholeScope: true },
    ]);
    RuleSuppressions.add(parent, [{ id: 'HA-002', reason: 'Replication is handled by the platform team.' }]);
    expect(RuleSuppressions.of(parent)).toEqual([
      { id: 'HA-001', reason: 'Three brokers are provisioned by another team.' },
      { id: 'MON-001', reason: 'Monitoring of this stack lives in another repository.', acknowledgeWholeScope: true },
      { id: 'HA-002', reason: 'Replication is handled by the platform team.' },
    ]);
    expect(RuleSuppressions.of(child)).toEqual([]);
  });

  it('refuse an unknown rule ID with the path, the ID and known IDs in the message', () => {
    const { parent } = tree();
    expect(() => RuleSuppressions.add(parent, [{ id: 'HA-999', reason: 'This rule does not apply to this cluster.' }]))
      .toThrow(/^KIAC-SUPPRESS \[production\/Kafka\] suppression id is 'HA-999'; expected one of the rule IDs in RULES\.md \(CAP-001, [A-Z0-9, -]+\.\.\.\)\. Fix the ID's spelling\.$/);
  });

  it('refuse an acknowledgment that is not a boolean, naming what to write', () => {
    const { parent } = tree();
    const ack = 1 as unknown as boolean;
    expect(() => RuleSuppressions.add(parent, [{ id: 'MON-001', reason: 'Monitoring of this stack lives in another repository.', acknowledgeWholeScope: ack }]))
      .toThrow(/^KIAC-SUPPRESS \[production\/Kafka\] acknowledgeWholeScope of MON-001 is 1; expected true, false or nothing\. Set acknowledgeWholeScope: true only where a suppression must cover a whole app, stack or chart\./);
    expect(RuleSuppressions.of(parent)).toEqual([]);
  });

  it('accept a reason whose words only contain a placeholder word (football, latterly, template)', () => {
    const { parent } = tree();
    RuleSuppressions.add(parent, [{ id: 'HA-001', reason: 'Football scores are served from a template latterly.' }]);
    expect(RuleSuppressions.of(parent)).toHaveLength(1);
    expect(() => RuleSuppressions.add(parent, [{ id: 'HA-001', reason: 'Brokers are sized later by the platform team.' }])).toThrow(/expected a sentence/);
    expect(() => RuleSuppressions.add(parent, [{ id: 'HA-001', reason: 'Brokers are sized by xxxx on the platform team.' }])).toThrow(/expected a sentence/);
  });

  it('are written as an annotation on the Kubernetes object they are attached to', () => {
    const chart = new Chart(Cdk8sTesting.app(SCRATCH_APP), 'kafka');
    const obj = new ApiObject(chart, 'Settings', { apiVersion: 'v1', kind: 'ConfigMap' });
    RuleSuppressions.add(obj, [{ id: 'HA-001', reason: 'Demo resource that holds no data.' }, { id: 'SEC-007', reason: 'Partner link filters by source address.' }]);
    // The annotation key is SUPPRESSIONS_ANNOTATION of lib/contract/vocabulary.ts.
    expect(obj.toJson().metadata.annotations).toEqual({ 'kafka-iac.dev/suppressions': 'HA-001: Demo resource that holds no data.; SEC-007: Partner link filters by source address.' });
  });

  it('are written into the Terraform resource they are attached to', () => {
    const app = Testing.app(SCRATCH_APP);
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
