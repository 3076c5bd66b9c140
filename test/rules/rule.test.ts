// The building blocks of every rule check (lib/rules/rule.ts): the outcomes, how findings are
// collected, and how a value is shown in a finding.
import { describe, expect, it } from 'vitest';
import { COMPLIANT, compliantWithNotes, Findings, NOT_APPLICABLE, RuleLevel, RuleTarget, shown } from '../../lib/rules/rule';

const finding = (n: number) => ({ found: `value ${n} is wrong`, expected: 'right', fix: `fix ${n}` });

describe('outcomes', () => {
  it('a compliant and a not-applicable outcome, frozen so that no check changes them for the others', () => {
    expect(COMPLIANT).toEqual({ status: 'compliant' });
    expect(NOT_APPLICABLE).toEqual({ status: 'not-applicable' });
    expect(Object.isFrozen(COMPLIANT)).toBe(true);
    expect(Object.isFrozen(NOT_APPLICABLE)).toBe(true);
  });
  it('a compliant outcome carries its notes, and is the plain compliant outcome without any', () => {
    expect(compliantWithNotes(['prefixed ACL orders-'])).toEqual({ status: 'compliant', notes: ['prefixed ACL orders-'] });
    expect(compliantWithNotes([])).toBe(COMPLIANT);
  });
  it('the levels and targets as reports and rule catalogues write them', () => {
    expect([RuleLevel.ERROR, RuleLevel.WARNING]).toEqual(['error', 'warning']);
    expect([RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET, RuleTarget.ANY]).toEqual(['msk', 'strimzi', 'statefulset', 'any']);
  });
});

describe('Findings', () => {
  it('is compliant with nothing recorded, with the notes given', () => {
    expect(new Findings().outcome()).toEqual({ status: 'compliant' });
    expect(new Findings().outcome(['a note'])).toEqual({ status: 'compliant', notes: ['a note'] });
  });
  it('records a finding for each condition that does not hold, in order, and drops the notes', () => {
    const f = new Findings();
    f.expect(true, finding(1));
    f.expect(false, finding(2));
    f.add(finding(3));
    f.expect(false, finding(4));
    expect(f.outcome(['a note'])).toEqual({ status: 'non-compliant', findings: [finding(2), finding(3), finding(4)] });
  });
  it('gives each outcome its own list: findings recorded later do not change an outcome already given', () => {
    const f = new Findings();
    f.add(finding(1));
    const first = f.outcome();
    f.add(finding(2));
    expect(first).toEqual({ status: 'non-compliant', findings: [finding(1)] });
    expect(f.outcome()).toEqual({ status: 'non-compliant', findings: [finding(1), finding(2)] });
  });
  it("records a value check's refusal in the constructors' words, and nothing when the value passes", () => {
    const f = new Findings();
    f.refused('controllers is 3', undefined);
    expect(f.outcome()).toEqual({ status: 'compliant' });
    f.refused('controllers is 4', { ruleId: 'HA-005', expected: 'an odd number of controllers (3, 5 or 7)', fix: 'Set controllers to 3 or 5.' });
    expect(f.outcome()).toEqual({
      status: 'non-compliant',
      findings: [{ found: 'controllers is 4', expected: 'an odd number of controllers (3, 5 or 7)', fix: 'Set controllers to 3 or 5.' }],
    });
  });
});

describe('shown', () => {
  it('quotes text, writes other values as JSON, and absent values as "not set"', () => {
    expect(shown('TLSv1.2')).toBe("'TLSv1.2'");
    expect(shown('')).toBe("''");
    expect(shown(3)).toBe('3');
    expect(shown(false)).toBe('false');
    expect(shown(['a', 1])).toBe('["a",1]');
    expect(shown({ arn: 'x' })).toBe('{"arn":"x"}');
    expect(shown(undefined)).toBe('not set');
    expect(shown(null)).toBe('not set');
  });
});
