// The registry (lib/rules/registry.ts) as a catalogue: every rule of the specification once, in ID
// order, found by ID, and nothing else a rule module exports.
import { describe, expect, it } from 'vitest';
import { RuleRegistry } from '../../lib/rules/registry';
import { secretValueViolationsInOutputFile } from '../../lib/rules/sec-009-no-secret-values';
import { MSK_STORAGE_DIMENSION } from '../../lib/rules/cap-004-storage-autoscaling';

/** `<family>-001` to `<family>-<count>`. */
const family = (name: string, count: number) => Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(3, '0')}`);
/** The rule families of RULES.md with their counts, in ID order. */
const SPECIFICATION = [...family('CAP', 5), ...family('DR', 5), ...family('HA', 11), ...family('MON', 12), ...family('PERF', 3), ...family('SEC', 10), ...family('SLO', 4)];

describe('RuleRegistry', () => {
  it('holds every rule of the specification once, sorted by ID', () => {
    expect(RuleRegistry.ids()).toEqual(SPECIFICATION);
    expect(RuleRegistry.all().map((r) => r.id)).toEqual(SPECIFICATION);
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
