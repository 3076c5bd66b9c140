// defineRule (lib/rules/define-rule.ts) on its own: what it refuses, with the whole message, how
// it maps severity and targets, and which check it hands each document. Imports no rule module,
// so a broken defineRule fails these tests rather than the loading of every rule.
import { describe, expect, it } from 'vitest';
import type { SynthesizedDocument } from '../../lib/contract/document';
import { KafkaIacError } from '../../lib/model/errors';
import { defineRule, dispatchTargetOf, isDefinedRuleId, Severity, type RuleDefinition, type TargetCheck } from '../../lib/rules/define-rule';
import { compliantWithNotes, RuleLevel, RuleTarget, type RuleContext } from '../../lib/rules/rule';
import { kubernetes, production, terraform } from './fixtures/cap-documents';
import { ruleContext } from './fixtures/rule-context';

/** A check that answers compliant with a note naming itself, so a test sees which check ran. */
const says = (name: string): TargetCheck => () => compliantWithNotes([name]);
const definition = (o: Partial<RuleDefinition> = {}): RuleDefinition => ({
  id: 'ACME-100', title: 'A custom rule', explanation: 'Why', remediation: 'What to change', severity: Severity.ERROR, targets: { any: says('any') }, ...o,
});
const refusal = (o: Partial<RuleDefinition>): KafkaIacError => {
  try {
    defineRule(definition(o));
  } catch (e) {
    return e as KafkaIacError;
  }
  throw new Error('defineRule accepted the definition');
};

const msk = terraform('aws_msk_cluster', 'kafka', {});
const securityGroup = terraform('aws_security_group', 'kafka', {});
const kafka = kubernetes('kafka.strimzi.io/v1', 'Kafka', 'main', {});
const labelledStrimzi = kubernetes('v1', 'Secret', 'main-user', { metadata: { labels: { 'kafka-iac.dev/target': 'strimzi' } } });
const sts = kubernetes('apps/v1', 'StatefulSet', 'kafka', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } } });
const unlabelled = kubernetes('v1', 'ConfigMap', 'client-properties', {});
const ctx: RuleContext = ruleContext([]);

describe('defineRule: what it refuses', () => {
  it('refuses an ID that is not letters, a dash and three digits, naming the ID and the grammar', () => {
    const e = refusal({ id: 'acme' });
    expect(e).toBeInstanceOf(KafkaIacError);
    expect(e.code).toBe('KIAC-RULE');
    expect(e.message).toBe(`KIAC-RULE [defineRule(acme)] id is 'acme'; expected a rule ID such as ACME-001 (letters, a dash, three digits). See docs/rules.md, "Writing a rule".`);
    for (const id of ['ACME-01', 'ACME-0001', 'ACME-00A', '1CME-001', 'AC_E-001', 'ACME001', ' ACME-001', 'ACME-001 ', 'x-ACME-001', '-001']) {
      expect(() => defineRule(definition({ id })), id).toThrow(/^KIAC-RULE \[defineRule\(.*\)\] id is /);
    }
  });
  it('accepts the IDs of the specification and custom ones: one letter or more, digits after the first', () => {
    for (const id of ['HA-001', 'SEC-010', 'A-999', 'ACME-000', 'X1-123', 'ACME2B-042']) expect(defineRule(definition({ id })).id, id).toBe(id);
  });
  it('refuses a rule without a check for any target', () => {
    const e = refusal({ id: 'ACME-101', targets: {} });
    expect(e.message).toBe(`KIAC-RULE [defineRule(ACME-101)] targets is {}; expected a check for at least one of msk, strimzi, statefulset, any. See docs/rules.md, "Writing a rule".`);
    expect(refusal({ id: 'ACME-102', targets: { msk: undefined, any: undefined } }).message).toContain('targets is {}');
  });
  it('refuses a warning rule that would be an error in development, and takes every other pair', () => {
    const e = refusal({ id: 'ACME-103', severity: { level: RuleLevel.WARNING, development: RuleLevel.ERROR } });
    expect(e.message).toBe(`KIAC-RULE [defineRule(ACME-103)] severity.development is 'error'; expected a level no stricter than the rule's level. See docs/rules.md, "Writing a rule".`);
    expect(defineRule(definition({ severity: { level: RuleLevel.WARNING, development: RuleLevel.WARNING } })).level).toBe(RuleLevel.WARNING);
    expect(defineRule(definition({ severity: { level: RuleLevel.ERROR, development: RuleLevel.ERROR } })).level).toBe(RuleLevel.ERROR);
    expect(defineRule(definition({ severity: { level: RuleLevel.ERROR, development: RuleLevel.WARNING } })).level).toBe(RuleLevel.ERROR);
  });
  it('records the ID of a rule it defined, for suppressions of custom rules, and not of one it refused', () => {
    defineRule(definition({ id: 'ACME-104' }));
    expect(isDefinedRuleId('ACME-104')).toBe(true);
    refusal({ id: 'ACME-105', targets: {} });
    expect(isDefinedRuleId('ACME-105')).toBe(false);
    refusal({ id: 'ACME-106', severity: { level: RuleLevel.WARNING, development: RuleLevel.ERROR } });
    expect(isDefinedRuleId('ACME-106')).toBe(false);
  });
});

describe('defineRule: the rule it returns', () => {
  it('carries the metadata as given', () => {
    const rule = defineRule(definition());
    expect([rule.id, rule.title, rule.explanation, rule.remediation, rule.level]).toEqual(['ACME-100', 'A custom rule', 'Why', 'What to change', RuleLevel.ERROR]);
  });
  it('maps the usual severities to a level, relaxed in development for the HA rules only', () => {
    const of = (severity: RuleDefinition['severity']) => {
      const r = defineRule(definition({ severity }));
      return [r.level, r.relaxedInDevelopment];
    };
    expect(of(Severity.ERROR)).toEqual([RuleLevel.ERROR, undefined]);
    expect(of(Severity.ERROR_RELAXED_IN_DEVELOPMENT)).toEqual([RuleLevel.ERROR, true]);
    expect(of(Severity.WARNING)).toEqual([RuleLevel.WARNING, undefined]);
    expect('relaxedInDevelopment' in defineRule(definition({ severity: Severity.ERROR }))).toBe(false);
    expect(Object.isFrozen(Severity) && Object.isFrozen(Severity.ERROR)).toBe(true);
  });
  it('lists the targets that have a check, in the catalogue order', () => {
    expect(defineRule(definition({ targets: { any: says('any'), statefulset: says('s'), strimzi: says('k'), msk: says('m') } })).targets)
      .toEqual([RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET, RuleTarget.ANY]);
    expect(defineRule(definition({ targets: { strimzi: says('k') } })).targets).toEqual([RuleTarget.STRIMZI]);
    expect(defineRule(definition({ targets: { statefulset: says('s') } })).targets).toEqual([RuleTarget.STATEFULSET]);
    expect(defineRule(definition({ targets: { msk: says('m') } })).targets).toEqual([RuleTarget.MSK]);
  });
  it('lists the targets given in appliesTo instead, as its own copy', () => {
    const appliesTo = [RuleTarget.MSK, RuleTarget.STRIMZI];
    const rule = defineRule(definition({ appliesTo }));
    appliesTo.push(RuleTarget.STATEFULSET);
    expect(rule.targets).toEqual([RuleTarget.MSK, RuleTarget.STRIMZI]);
  });
});

describe('defineRule: dispatch', () => {
  it('dispatches every Terraform document to MSK, a Kubernetes document by its API group or target label, others to none', () => {
    expect([msk, securityGroup, kafka, labelledStrimzi, sts, unlabelled].map((d: SynthesizedDocument) => dispatchTargetOf(d)))
      .toEqual([RuleTarget.MSK, RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STRIMZI, RuleTarget.STATEFULSET, undefined]);
  });
  it("hands each document to its target's check, and to `any` where its target has none or it has no target", () => {
    const rule = defineRule(definition({ targets: { msk: says('msk'), strimzi: says('strimzi'), any: says('any') } }));
    const ran = (doc: SynthesizedDocument) => rule.check(doc, ctx);
    expect(ran(securityGroup)).toEqual({ status: 'compliant', notes: ['msk'] });
    expect(ran(kafka)).toEqual({ status: 'compliant', notes: ['strimzi'] });
    expect(ran(labelledStrimzi)).toEqual({ status: 'compliant', notes: ['strimzi'] });
    expect(ran(sts)).toEqual({ status: 'compliant', notes: ['any'] });
    expect(ran(unlabelled)).toEqual({ status: 'compliant', notes: ['any'] });
  });
  it('is not applicable where no check reads the document', () => {
    const rule = defineRule(definition({ targets: { statefulset: says('statefulset') } }));
    for (const doc of [msk, kafka, unlabelled]) expect(rule.check(doc, ctx), doc.path).toEqual({ status: 'not-applicable' });
    expect(rule.check(sts, ctx)).toEqual({ status: 'compliant', notes: ['statefulset'] });
  });
  it('hands the check the document and the context', () => {
    const seen: unknown[] = [];
    const rule = defineRule(definition({ targets: { msk: (doc, c) => { seen.push(doc, c); return compliantWithNotes([]); } } }));
    rule.check(msk, ruleContext([msk], production));
    expect(seen[0]).toBe(msk);
    expect((seen[1] as RuleContext).index.terraform('aws_msk_cluster')).toEqual([msk]);
  });
});
