import * as path from 'node:path';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../lib/app/kafka-app';
import { Environment } from '../../lib/model/environment';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { ClientNetwork } from '../../lib/model/client-network';
import { KafkaNetwork } from '../../lib/targets/msk/kafka-network';
import { MskCluster } from '../../lib/targets/msk/msk-cluster';
import { defineRule, Severity } from '../../lib/rules/define-rule';
import { RulePack, type RuleSelection } from '../../lib/rules/rule-pack';
import { RuleRegistry } from '../../lib/rules/registry';
import { Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule } from '../../lib/rules/rule';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { KafkaIacError } from '../../lib/model/errors';
import type { KafkaStack } from '../../lib/app/kafka-stack';
import { TEST_OUT } from '../support/paths';
import { secretValueViolationsInOutputFile } from '../../lib/rules/sec-009-no-secret-values';
import { MSK_STORAGE_DIMENSION } from '../../lib/rules/cap-004-storage-autoscaling';

/** A custom rule the way a user writes one: every MSK cluster carries a `team` tag. */
const TEAM_TAG = defineRule({
  id: 'ACME-001',
  title: 'Every MSK cluster names its owning team.',
  explanation: 'On-call needs to know whom to page for a cluster.',
  remediation: "Tag the cluster with team (cluster.resource.addOverride('tags.team', 'orders')).",
  severity: Severity.ERROR,
  targets: {
    msk: (doc) => {
      if (doc.source !== 'terraform' || doc.type !== 'aws_msk_cluster') return NOT_APPLICABLE;
      const f = new Findings();
      f.expect(typeof doc.body.tags?.team === 'string', { found: `tags.team is ${doc.body.tags?.team ?? 'not set'}`, expected: 'the owning team' });
      return f.outcome();
    },
  },
});

function build(rules: RuleSelection | undefined, name: string) {
  const out = path.join(TEST_OUT, 'rule-pack', name);
  const app = new KafkaApp({ terraformOutdir: path.join(out, 'cdktf.out'), distDir: path.join(out, 'dist'), rules });
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  const stack = app.stack(environment);
  const network = new KafkaNetwork(stack, 'Network', {
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
  });
  const cluster = new MskCluster(stack, 'Kafka', { network, brokers: 3, authentication: [ClientAuthentication.scramSha512()] });
  return { app, stack, cluster };
}

function synthError(stack: KafkaStack): string | undefined {
  try {
    Testing.synth(stack, true);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const ruleIdsOf = (stack: KafkaStack) => [...new Set(stack.complianceReport.entries.map((e) => e.ruleId))];

/** `<family>-001` to `<family>-<count>`. */
const family = (name: string, count: number) => Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(3, '0')}`);
/** The rule families of RULES.md with their counts, in ID order. */
const SPECIFICATION = [...family('CAP', 5), ...family('DR', 5), ...family('HA', 11), ...family('MON', 12), ...family('PERF', 3), ...family('SEC', 10), ...family('SLO', 4)];

describe('the built-in rules: RuleRegistry, which RulePack.all() selects from', () => {
  it('holds every rule of the specification once, sorted by ID', () => {
    expect(RuleRegistry.ids()).toEqual(SPECIFICATION);
    expect(RuleRegistry.all().map((r) => r.id)).toEqual(SPECIFICATION);
    expect(RulePack.all().ids).toEqual(SPECIFICATION);
  });
  it('holds rules only, not the helpers and constants the rule modules export beside them', () => {
    expect(typeof secretValueViolationsInOutputFile).toBe('function');
    expect(typeof MSK_STORAGE_DIMENSION).toBe('string');
    for (const rule of RuleRegistry.all()) expect(typeof rule.check, rule.id).toBe('function');
  });
  it('finds a rule by its ID, and nothing for an ID it does not hold', () => {
    expect(RuleRegistry.get('HA-005')?.title).toBe(RuleRegistry.all().find((r) => r.id === 'HA-005')!.title);
    expect(RuleRegistry.get('SLO-004')?.id).toBe('SLO-004');
    expect(RuleRegistry.get('HA-012')).toBeUndefined();
    expect(RuleRegistry.get('ha-005')).toBeUndefined();
    expect(RuleRegistry.has('CAP-001')).toBe(true);
    expect(RuleRegistry.has('DR-005')).toBe(true);
    expect(RuleRegistry.has('DR-006')).toBe(false);
    expect(RuleRegistry.has('ACME-001')).toBe(false);
  });
});

describe('RulePack: a selector that matches no rule of the pack', () => {
  const message = (method: string, selector: string, first: string) =>
    `KIAC-RULES [RulePack.${method}] selector is '${selector}'; expected a rule ID or family of the pack (${first}, ...). Fix the spelling of the rule ID, or add the rule to the pack with with().`;
  it('is refused with the method, the selector, the first six rule IDs of the pack and the fix', () => {
    expect(() => RulePack.all().without('HA-100')).toThrow(message('without', 'HA-100', 'CAP-001, CAP-002, CAP-003, CAP-004, CAP-005, DR-001'));
    expect(() => RulePack.all().only('SEC').without('HA')).toThrow(message('without', 'HA', 'SEC-001, SEC-002, SEC-003, SEC-004, SEC-005, SEC-006'));
  });
  it('is a family only when the whole selector is one: a list in one string is refused', () => {
    expect(() => RulePack.all().only('MON SLO')).toThrow(message('only', 'MON SLO', 'CAP-001, CAP-002, CAP-003, CAP-004, CAP-005, DR-001'));
  });
});

describe('RulePack: selecting rules', () => {
  it('with every rule, a cluster without monitoring stops synthesis on the MON rules', () => {
    const { stack } = build(undefined, 'all');
    expect(synthError(stack)).toMatch(/MON-001 \[/);
  });

  it('without the MON and SLO families, the same cluster passes and those rules are not run', () => {
    const { stack } = build(RulePack.all().without('MON', 'SLO-*'), 'without');
    expect(synthError(stack)).toBeUndefined();
    const ids = ruleIdsOf(stack);
    expect(ids.some((id) => id.startsWith('MON-') || id.startsWith('SLO-'))).toBe(false);
    expect(ids).toContain('HA-001');
    expect(ids).toHaveLength(RuleRegistry.all().filter((r) => !/^(MON|SLO)-/.test(r.id)).length);
  });

  it('only() keeps exactly the rules named, by ID or family', () => {
    const pack = RulePack.all().only('SEC', 'HA-001');
    expect(pack.ids).toEqual(['HA-001', ...RuleRegistry.ids().filter((id) => id.startsWith('SEC-'))]);
    const { stack } = build(pack, 'only');
    expect(synthError(stack)).toBeUndefined();
    expect(ruleIdsOf(stack).sort()).toEqual([...pack.ids].sort());
  });

  it('refuses a selector that matches no rule, so a typo does not turn a rule off', () => {
    expect(() => RulePack.all().without('HA-100')).toThrow(KafkaIacError);
    expect(() => RulePack.all().only('SECC')).toThrow(/KIAC-RULES \[RulePack.only\] selector is 'SECC'/);
  });

  it('a stack given its own rules does not take the app-wide pack', () => {
    const out = path.join(TEST_OUT, 'rule-pack', 'own');
    const app = new KafkaApp({ terraformOutdir: path.join(out, 'cdktf.out'), distDir: path.join(out, 'dist'), rules: RulePack.all().only('HA') });
    const stack = app.stack(Environment.production({ name: 'production', region: 'us-east-1' }), { rules: RulePack.all().only('SEC-009') });
    expect(ruleIdsOf(stack)).toEqual(['SEC-009']);
  });
});

describe('RulePack: extending with custom rules', () => {
  const base = () => RulePack.all().without('MON', 'SLO');

  it('a defineRule rule runs at synthesis and stops it with its own finding', () => {
    const { stack } = build(base().with(TEAM_TAG), 'custom-fails');
    const message = synthError(stack);
    expect(message).toMatch(/ACME-001 \[production\/Kafka\/Resource\] tags.team is not set; expected the owning team\. Tag the cluster/);
  });

  it('the custom rule passes once the resource complies, and is in the report', () => {
    const { stack, cluster } = build(base().with(TEAM_TAG), 'custom-passes');
    cluster.resource.addOverride('tags.team', 'orders');
    expect(synthError(stack)).toBeUndefined();
    const entries = stack.complianceReport.entries.filter((e) => e.ruleId === 'ACME-001');
    expect(entries.map((e) => e.status)).toEqual(['compliant']);
  });

  it('a custom rule can be suppressed with a reason like a built-in one', () => {
    const { stack, cluster } = build(base().with(TEAM_TAG), 'custom-suppressed');
    RuleSuppressions.add(cluster, [{ id: 'ACME-001', reason: 'The sandbox cluster belongs to the platform team as a whole.' }]);
    expect(synthError(stack)).toBeUndefined();
    expect(stack.complianceReport.suppressed().map((e) => e.ruleId)).toEqual(['ACME-001']);
  });

  it('refuses a custom rule whose ID is already in the pack', () => {
    expect(() => RulePack.all().with({ ...TEAM_TAG, id: 'HA-001' })).toThrow(/KIAC-RULES \[RulePack\] rule 'HA-001' is declared twice/);
  });

  it('accepts a rule written as a plain Rule literal', () => {
    const literal: Rule = {
      id: 'ACME-002', level: RuleLevel.WARNING, title: 'literal', explanation: 'x', remediation: 'y', targets: [RuleTarget.ANY],
      check: (doc) => (doc.source === 'terraform' && doc.type === 'aws_msk_cluster' ? { status: 'non-compliant', findings: [{ found: 'a', expected: 'b' }] } : NOT_APPLICABLE),
    };
    const { stack } = build(RulePack.of(literal), 'literal');
    expect(synthError(stack)).toBeUndefined();
    expect(stack.complianceReport.warnings().map((e) => e.ruleId)).toEqual(['ACME-002']);
  });
});

describe('defineRule', () => {
  it('dispatches each document to the check of its target, and is not applicable elsewhere', () => {
    expect(TEAM_TAG.targets).toEqual([RuleTarget.MSK]);
    expect(TEAM_TAG.level).toBe(RuleLevel.ERROR);
    expect(TEAM_TAG.relaxedInDevelopment).toBeUndefined();
    const kafka = { source: 'kubernetes', apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'Kafka', name: 'k', path: 'c/k', body: {} } as const;
    expect(TEAM_TAG.check(kafka as any, {} as any)).toEqual(NOT_APPLICABLE);
  });

  it('maps severity by profile to level and relaxedInDevelopment', () => {
    const rule = defineRule({ id: 'ACME-003', title: 't', explanation: 'e', remediation: 'r', severity: Severity.ERROR_RELAXED_IN_DEVELOPMENT, targets: { any: () => NOT_APPLICABLE } });
    expect([rule.level, rule.relaxedInDevelopment, rule.targets]).toEqual([RuleLevel.ERROR, true, [RuleTarget.ANY]]);
    expect(() => defineRule({ id: 'acme', title: 't', explanation: 'e', remediation: 'r', severity: Severity.ERROR, targets: { any: () => NOT_APPLICABLE } })).toThrow(/KIAC-RULE \[defineRule\(acme\)\] id is 'acme'/);
    expect(() => defineRule({ id: 'ACME-004', title: 't', explanation: 'e', remediation: 'r', severity: Severity.ERROR, targets: {} })).toThrow(/targets/);
  });
});
