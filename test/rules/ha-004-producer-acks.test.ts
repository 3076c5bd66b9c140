// HA-004: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { k8s, chartErrors, errorsOf } from './fixtures/access-rules';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { sampleModel, iam } from '../support/access-fixtures';
import { JsonPatch } from 'cdk8s';
import { mskStack } from '../support/msk-stack';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { Testing } from 'cdktf';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';

import { HA_004_PRODUCER_ACKS } from '../../lib/rules/ha-004-producer-acks';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe('HA-004 producer acks', () => {

    it('fails HA-004 when a JSON patch publishes acks=1 for a producer', () => {
      const { environment, chart } = k8s();
      const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
      const cm = access.clientProperties.get('checkout')!;
      const text = String((cm.toJson() as any).data['client.properties']).replace('acks=all', 'acks=1').replace('enable.idempotence=true', 'enable.idempotence=false');
      cm.addJsonPatch(JsonPatch.replace('/data/client.properties', text));
      const errors = chartErrors(chart);
      expect(errors).toMatch(/^HA-004 \[kafka\/Access\/Client-checkout\] acks is '1' in the client properties of 'checkout'; expected 'all'/m);
      expect(errors).toMatch(/HA-004 \[kafka\/Access\/Client-checkout\] enable\.idempotence is 'false' in the client properties of 'checkout'; expected 'true'/m);
    });
  });
});

describe('MSK', () => {
  describe('HA-004 producer acks', () => {

    it('fails HA-004 on MSK when an override removes acks from the published properties', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      expect(() => Testing.synth(stack, true)).not.toThrow();
      const compliant = stack.complianceReport.entries.find((e) => e.ruleId === 'HA-004' && e.path === 'production/Access/ClientProperties');
      expect(compliant?.status).toBe('compliant');
      expect(compliant?.findings).toEqual([]);
      access.clientPropertiesArtefact.addOverride('input.principals.checkout', { producer: true, properties: 'enable.idempotence=true\n' });
      expect(errorsOf(() => Testing.synth(stack, true))).toMatch(/HA-004 \[production\/Access\/ClientProperties\] acks is not set in the client properties of 'checkout'; expected 'all'/);
    });
  });
});

describe('Strimzi', () => {
  describe('HA-004 producer acks', () => {
    it('passes on the published producer properties (Strimzi ConfigMaps)', () => {
      const { environment, chart } = k8s();
      new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
      expect(chartErrors(chart)).toBe('');
      expect(chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-004' && e.status === 'compliant').map((e) => e.path).sort())
        .toEqual(['kafka/Access/Client-checkout', 'kafka/Access/Client-kafka-admin']);
    });
  });
});

describe('StatefulSet', () => {
  describe('HA-004 producer acks', () => {

    it('passes on the published producer properties (StatefulSet ConfigMaps of StatefulSetAccessJob.clientProperties)', () => {
      const { environment, chart } = k8s();
      const job = new StatefulSetAccessJob(chart, 'Access', { model: sampleModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
      expect(chartErrors(chart)).toBe('');
      const checkout = String((job.clientProperties.get('checkout')!.toJson() as any).data['client.properties']);
      expect(checkout).toMatch(/^acks=all$/m);
      expect(checkout).toMatch(/^enable\.idempotence=true$/m);
      expect(chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-004' && e.status === 'compliant').map((e) => e.path).sort())
        .toEqual(['kafka/Access/Client-checkout', 'kafka/Access/Client-kafka-admin']);
    });

    it('fails HA-004 on the StatefulSet target when a JSON patch publishes acks=1 for a producer', () => {
      const { environment, chart } = k8s();
      const job = new StatefulSetAccessJob(chart, 'Access', { model: sampleModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
      const cm = job.clientProperties.get('checkout')!;
      const text = String((cm.toJson() as any).data['client.properties']).replace('acks=all', 'acks=1');
      cm.addJsonPatch(JsonPatch.replace('/data/client.properties', text));
      const errors = chartErrors(chart);
      expect(errors).toMatch(/^HA-004 \[kafka\/Access\/Client-checkout\] acks is '1' in the client properties of 'checkout'; expected 'all'/m);
      expect(chart.complianceReport.entries.find((e) => e.ruleId === 'HA-004' && e.path === 'kafka/Access/Client-kafka-admin')?.status).toBe('compliant');
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_004_PRODUCER_ACKS, 'HA-004', ['msk', 'strimzi', 'statefulset']);
});
