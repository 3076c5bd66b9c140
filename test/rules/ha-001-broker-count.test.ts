// HA-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack, synthJson } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { EnvironmentProfile } from '../../lib/model/environment';
import { strimziChart, KAFKA_PATH, synth, synthError } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { drFixture } from '../support/mirror-maker-2-fixture';
import { statefulSetChart, BROKERS_PATH, COMBINED_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

describe('MSK', () => {
  describe('HA rules on MSK', () => {
    describe('HA-001', () => {
      it('passes HA-001 with 3 brokers', () => {
        expectCompliant(mskStack().stack, 'HA-001', CLUSTER);
      });
      it('fails HA-001 when an addOverride escape hatch sets one broker', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('number_of_broker_nodes', 1);
        expectViolation(stack, 'HA-001', CLUSTER, /number_of_broker_nodes is 1; expected at least 3/);
      });
      it('fails HA-001 when the broker count is an expression that cannot be checked', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('number_of_broker_nodes', '${var.brokers}');
        expectViolation(stack, 'HA-001', CLUSTER, /number_of_broker_nodes is '\$\{var.brokers\}'/);
      });
      it('only warns about HA-001 in development', () => {
        const { stack, cluster } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
        cluster.resource.addOverride('number_of_broker_nodes', 1);
        synthJson(stack);
        expect(stack.complianceReport.warnings().map((e) => e.ruleId)).toContain('HA-001');
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;
    describe('HA-001', () => {
      it('passes HA-001 with a broker pool of 3', () => {
        expectCompliant(strimziChart().chart, 'HA-001', KAFKA_PATH);
      });
      it('fails HA-001 when a JSON patch shrinks the broker pool to 1', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
        expectViolation(chart, 'HA-001', KAFKA_PATH, /the broker node pools \(broker: 1 \[broker\]\) have 1 broker\(s\); expected at least 3 brokers/);
      });
      it('only warns about HA-001 in development with a combined node', () => {
        const { chart } = strimziChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
        synth(chart);
        expect(chart.complianceReport.warnings().map((e) => e.ruleId)).toEqual(expect.arrayContaining(['HA-001', 'HA-005']));
        expect(chart.complianceReport.errors()).toEqual([]);
      });
    });
  });

  describe('DR-004: the DR cluster follows every HA and SEC rule', () => {
    it('refuses a DR cluster that breaks HA-001 (one broker), as an error, not a warning', () => {
      const f = drFixture();
      f.cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
      const message = synthError(f.chart);
      expect(message).toMatch(/HA-001 \[kafka\/Kafka\//);
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation, synth } = statefulsetFixture;
    describe('HA-001', () => {
      it('passes HA-001 with 3 brokers', () => {
        expectCompliant(statefulSetChart().chart, 'HA-001', BROKERS_PATH);
      });
      it('fails HA-001 when a JSON patch shrinks the broker StatefulSet to 1', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
        expectViolation(chart, 'HA-001', BROKERS_PATH, /spec.replicas is 1 \(process.roles 'broker'\); expected at least 3 brokers/);
      });
      it('fails HA-001 in production with a combined single node', () => {
        const { chart } = statefulSetChart({ cluster: { combinedNode: true } });
        expectViolation(chart, 'HA-001', COMBINED_PATH, /spec.replicas is 1 \(process.roles 'broker,controller'\)/);
      });
      it('only warns about HA-001, HA-005 and HA-006 in development with a combined node', () => {
        const { chart } = statefulSetChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
        synth(chart);
        expect(chart.complianceReport.warnings().map((e) => e.ruleId)).toEqual(expect.arrayContaining(['HA-001', 'HA-002', 'HA-003', 'HA-005', 'HA-006']));
        expect(chart.complianceReport.errors()).toEqual([]);
      });
    });
  });
});
