// The rules together: the registry as a catalogue (fast, first), and tests that prove no single
// rule but the registry applied to a whole synthesis.
import { it, expect, describe } from 'vitest';
import { RuleRegistry } from '../../lib/rules/registry';
import { secretValueViolationsInOutputFile } from '../../lib/rules/sec-009-no-secret-values';
import { MSK_STORAGE_DIMENSION } from '../../lib/rules/cap-004-storage-autoscaling';
import { violations, WEAKENINGS, STRIMZI, STATEFULSET, MSK_OPEN_MONITORING, MON_RULES, strimziChart, warnings } from './fixtures/mon-rules';
import { mskStack, synthJson } from '../support/msk-stack';
import { Testing as Cdk8sTesting, ApiObject } from 'cdk8s';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { Environment } from '../../lib/model/environment';

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

describe('every target', () => {
  describe.each([STRIMZI, STATEFULSET, MSK_OPEN_MONITORING])('MON rules per ID on $name', (target) => {
    it(`passes ${target.ids.length} MON rules on every cluster document when the cluster has its generated monitoring`, () => {
      const built = target.build(true);
      built.synth();
      const entries = built.report().entries.filter((e) => e.ruleId.startsWith('MON-') && e.status !== 'not-applicable');
      expect(entries.filter((e) => e.status !== 'compliant')).toEqual([]);
      expect([...new Set(entries.map((e) => e.ruleId))]).toEqual(target.ids);
      for (const id of target.ids) expect(entries.filter((e) => e.ruleId === id).map((e) => e.path).sort()).toEqual([...target.clusterPaths].sort());
    });

    it.each(target.ids)('stops synthesis with %s on every cluster document when the cluster has no monitoring', (id) => {
      const found = violations(() => target.build(false).synth()).filter((v) => v.startsWith(`${id} `));
      expect(found.map((v) => v.replace(/\] .*/, ']')).sort()).toEqual(target.clusterPaths.map((p) => `${id} [${p}]`).sort());
      for (const v of found) expect(v).toContain(`] ${target.missing(id)}`);
    });

    it.each(WEAKENINGS.filter((w) => target.ids.includes(w.id)))('stops synthesis with $id, and only it, when an escape hatch weakens $alert', (w) => {
      const built = target.build(true);
      const found = built.weaken(w);
      expect(violations(() => built.synth()).sort()).toEqual(target.clusterPaths.map((p) => `${w.id} [${p}] ${found}`).sort());
    });
  });
});

describe('MSK', () => {
  describe('SEC rules on MSK', () => {

    it('passes every HA and SEC rule for the default production cluster', () => {
      const { stack } = mskStack();
      synthJson(stack);
      expect(stack.complianceReport.errors()).toEqual([]);
    });
  });
});

describe('Strimzi', () => {
  describe('MON rules on Strimzi', () => {

    it('holds in development too: only the HA rules are relaxed there', () => {
      const app = Cdk8sTesting.app();
      new ApiObject(new KafkaChart(app, 'kafka', { environment: Environment.development({ name: 'development', region: 'us-east-1' }), rules: MON_RULES }), 'Kafka', {
        apiVersion: 'kafka.strimzi.io/v1', kind: 'Kafka', metadata: { name: 'orders' }, spec: {},
      });
      expect(violations(() => app.synth())).toHaveLength(11);
    });

    it('accepts stricter thresholds', () => {
      const { app, chart } = strimziChart(true, { thresholds: { consumerLagWarning: 1000, diskUsageWarningPercent: 60, certificateExpiryDays: 45 } });
      app.synth();
      expect(warnings(chart.complianceReport)).toEqual([]);
    });
  });
});
