// HA-010: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant } from './fixtures/msk-rule-assertions';
import { mskStack, synthJson } from '../support/msk-stack';
import { CONFIGURATION } from './fixtures/msk-ha';
import { strimziChart, KAFKA_PATH, synth } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { statefulSetChart, BROKER_CONFIG_PATH, patchProperties } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

describe('MSK', () => {
  describe('HA rules on MSK', () => {

    describe('HA-010 (warning)', () => {
      it('passes HA-010 with auto.create.topics.enable=false', () => {
        expectCompliant(mskStack().stack, 'HA-010', CONFIGURATION);
      });
      it('warns HA-010 at the configuration path when auto-creation is on, without stopping synthesis', () => {
        const { stack } = mskStack({ cluster: { brokerConfig: { extra: { 'auto.create.topics.enable': 'true' } } } });
        synthJson(stack);
        const warning = stack.complianceReport.warnings().find((e) => e.ruleId === 'HA-010');
        expect(warning?.path).toBe(CONFIGURATION);
        expect(warning?.findings[0].found).toBe("auto.create.topics.enable is 'true'");
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant } = strimziFixture;

    describe('HA-010', () => {
      it('passes HA-010 with auto.create.topics.enable false', () => {
        expectCompliant(strimziChart().chart, 'HA-010', KAFKA_PATH);
      });
      it('warns about HA-010 when a JSON patch turns topic auto-creation on', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/auto.create.topics.enable', true));
        synth(chart);
        const warning = chart.complianceReport.warnings().find((e) => e.ruleId === 'HA-010');
        expect(warning?.path).toBe(KAFKA_PATH);
        expect(warning?.findings[0].found).toBe("spec.kafka.config auto.create.topics.enable is 'true'");
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, synth } = statefulsetFixture;

    describe('HA-010', () => {
      it('passes HA-010 with auto.create.topics.enable=false', () => {
        expectCompliant(statefulSetChart().chart, 'HA-010', BROKER_CONFIG_PATH);
      });
      it('reports HA-010 (a warning) when a patch turns topic auto-creation on', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.brokers, { 'auto.create.topics.enable': 'true' });
        synth(chart);
        const entry = chart.complianceReport.entries.find((e) => e.ruleId === 'HA-010' && e.path === BROKER_CONFIG_PATH);
        expect(entry?.status).toBe('non-compliant');
        expect(entry?.findings.map((f) => f.found)).toEqual(["data['server.properties'] auto.create.topics.enable is 'true'"]);
      });
    });
  });
});
