// The rules together: tests that prove no single rule but the registry applied to a whole synthesis.
import { it, expect, describe } from 'vitest';
import { violations, WEAKENINGS, STRIMZI, STATEFULSET, MSK_OPEN_MONITORING, MON_RULES, strimziChart, warnings } from './fixtures/mon-rules';
import { mskStack, synthJson } from '../support/msk-stack';
import { Testing as Cdk8sTesting, ApiObject } from 'cdk8s';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { Environment } from '../../lib/model/environment';
import { SCRATCH_APP } from '../support/scratch';

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
      const app = Cdk8sTesting.app(SCRATCH_APP);
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
