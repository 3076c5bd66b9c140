// RuleValidation (lib/rules/rule-validation.ts), the construct validation that runs the rules at
// synthesis, over a bare construct tree and hand-built documents: what stops synthesis, the
// report it keeps, the suppressions of its scope, and the registry as the default rules.
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import type { SynthesizedDocument } from '../../lib/contract/document';
import { defineRule, Severity } from '../../lib/rules/define-rule';
import { RuleRegistry } from '../../lib/rules/registry';
import { Findings } from '../../lib/rules/rule';
import { RuleValidation } from '../../lib/rules/rule-validation';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { production, terraform } from './fixtures/cap-documents';

/** A rule of your own that wants a `team` tag on every Terraform document. */
const rule = (id: string, severity = Severity.ERROR) => defineRule({
  id, title: 'Every resource names its team', explanation: 'Whom to page.', remediation: 'Tag the resource with team.', severity,
  targets: {
    msk: (doc) => {
      const f = new Findings();
      f.expect(typeof doc.body.tags?.team === 'string', { found: `tags.team of ${doc.path} is not set`, expected: 'the owning team' });
      return f.outcome();
    },
  },
});
const TEAM = rule('ACME-201');
const TEAM_WARNING = rule('ACME-202', Severity.WARNING);

/** An app root with a stack and two resources, and the documents those resources synthesize to. */
function tree() {
  const app = new Construct(undefined as unknown as Construct, '');
  const stack = new Construct(app, 'production');
  const kafka = new Construct(stack, 'Kafka');
  const topics = new Construct(stack, 'Topics');
  const doc = (scope: Construct, name: string, tags?: Record<string, string>): SynthesizedDocument =>
    ({ ...terraform('aws_msk_cluster', name, tags ? { tags } : {}), path: `${scope.node.path}/Resource` });
  return { app, stack, kafka, topics, doc };
}

describe('RuleValidation', () => {
  it('has no report before it runs, and keeps the report of its last run', () => {
    const { stack, kafka, doc } = tree();
    const validation = new RuleValidation(stack, { environment: production, collect: () => [doc(kafka, 'kafka', { team: 'orders' })], rules: [TEAM] });
    expect(validation.report).toBeUndefined();
    const report = validation.evaluate();
    expect(validation.report).toBe(report);
    expect(report.environment).toBe(production);
    expect(report.entries.map((e) => [e.ruleId, e.path, e.status])).toEqual([['ACME-201', 'production/Kafka/Resource', 'compliant']]);
  });

  it('gives one line per violation of an error-level rule (rule, path, found, expected, fix), and none for a warning', () => {
    const { stack, kafka, topics, doc } = tree();
    const validation = new RuleValidation(stack, { environment: production, collect: () => [doc(kafka, 'kafka'), doc(topics, 'topics', { team: 'orders' })], rules: [TEAM, TEAM_WARNING] });
    expect(validation.validate()).toEqual([
      'ACME-201 [production/Kafka/Resource] tags.team of production/Kafka/Resource is not set; expected the owning team. Tag the resource with team. (Or suppress ACME-201 with a written reason.)',
    ]);
    expect(validation.report?.warnings().map((e) => [e.ruleId, e.path])).toEqual([['ACME-202', 'production/Kafka/Resource']]);
  });

  it('reads the documents as they are when it runs, not when it was made', () => {
    const { stack, kafka, doc } = tree();
    const tagged: { tags?: Record<string, string> } = {};
    const validation = new RuleValidation(stack, { environment: production, collect: () => [doc(kafka, 'kafka', tagged.tags)], rules: [TEAM] });
    expect(validation.validate()).toHaveLength(1);
    tagged.tags = { team: 'orders' };
    expect(validation.validate()).toEqual([]);
    expect(validation.report?.entries.map((e) => e.status)).toEqual(['compliant']);
  });

  it('applies the suppressions attached in its tree, and lists those that matched nothing as unused', () => {
    const { stack, kafka, topics, doc } = tree();
    RuleSuppressions.add(kafka, [{ id: 'ACME-201', reason: 'The orders team owns this cluster through its account tags.' }]);
    RuleSuppressions.add(topics, [{ id: 'ACME-202', reason: 'Topic resources inherit their owner from the cluster account.' }]);
    const validation = new RuleValidation(stack, { environment: production, collect: () => [doc(kafka, 'kafka'), doc(topics, 'topics', { team: 'orders' })], rules: [TEAM, TEAM_WARNING] });
    expect(validation.validate()).toEqual([]);
    const report = validation.report!;
    expect(report.suppressed().map((e) => [e.ruleId, e.path, e.suppression])).toEqual([
      ['ACME-201', 'production/Kafka/Resource', { reason: 'The orders team owns this cluster through its account tags.', attachedTo: 'production/Kafka' }],
    ]);
    expect(report.unusedSuppressions()).toEqual([
      { id: 'ACME-202', reason: 'Topic resources inherit their owner from the cluster account.', attachedTo: 'production/Topics', atRoot: false },
    ]);
  });

  it('runs every rule of the registry when it is given none', () => {
    const { stack, kafka, doc } = tree();
    const report = new RuleValidation(stack, { environment: production, collect: () => [doc(kafka, 'kafka')] }).evaluate();
    expect([...new Set(report.entries.map((e) => e.ruleId))]).toEqual(RuleRegistry.ids());
  });
});
