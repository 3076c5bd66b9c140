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
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { kubernetes, terraform } from './fixtures/cap-documents';
import { CLIENT_PRODUCER_LABEL, CLIENT_PROPERTIES_ARTEFACT_KIND, CLIENT_PROPERTIES_KEY, CLIENT_PROPERTIES_LABEL, TARGET_LABEL } from '../../lib/contract/vocabulary';

const GOOD = 'acks=all\nenable.idempotence=true\nmax.in.flight.requests.per.connection=5\n';
/** The MSK client-properties artefact with the given principals. */
const artefact = (principals: unknown, kind: string = CLIENT_PROPERTIES_ARTEFACT_KIND) => terraform('terraform_data', 'client_properties', { input: { kind, principals } });
/** A client-properties ConfigMap of a Kubernetes target (labels: the principal, and the producer marker when given). */
const configMap = (target: string, text: string | undefined, producer?: string, principal: string | null = 'orders', kind = 'ConfigMap') => kubernetes('v1', kind, `client-${principal}`, {
  metadata: { labels: { [TARGET_LABEL]: target, ...(principal === null ? {} : { [CLIENT_PROPERTIES_LABEL]: principal }), ...(producer === undefined ? {} : { [CLIENT_PRODUCER_LABEL]: producer }) } },
  ...(text === undefined ? {} : { data: { [CLIENT_PROPERTIES_KEY]: text } }),
});
const acksFinding = (found: string, principal = 'orders') => ({ found: `acks is ${found} in the client properties of '${principal}'`, expected: "'all'", fix: `Publish acks=all for producer '${principal}' (ClientProperties writes it; remove the override).` });
const idempotenceFinding = (found: string, principal = 'orders') => ({ found: `enable.idempotence is ${found} in the client properties of '${principal}'`, expected: "'true'", fix: `Publish enable.idempotence=true for producer '${principal}'.` });
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

describe('HA-004 over single documents (every branch, both sides of each setting, the whole finding)', () => {
  describe('MSK: the client-properties terraform_data', () => {
    it('does not apply to another resource, another artefact, or an artefact without producers', () => {
      expect(outcomeOf(HA_004_PRODUCER_ACKS, terraform('aws_msk_cluster', 'kafka', { input: { kind: CLIENT_PROPERTIES_ARTEFACT_KIND, principals: { p: { producer: true, properties: 'acks=1' } } } }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_004_PRODUCER_ACKS, artefact({ p: { producer: true, properties: 'acks=1' } }, 'kafka-iac/admin'))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_004_PRODUCER_ACKS, terraform('terraform_data', 'other', {}))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_004_PRODUCER_ACKS, terraform('terraform_data', 'other', { input: { kind: CLIENT_PROPERTIES_ARTEFACT_KIND } }))).toEqual({ status: 'not-applicable' });
      // A consumer: no marker and no producer setting (a commented-out acks does not count).
      expect(outcomeOf(HA_004_PRODUCER_ACKS, artefact({ c: { producer: false, properties: 'group.id=g\n#acks=1\nxacks=1\n' } }))).toEqual({ status: 'not-applicable' });
    });
    it('passes acks=all or acks=-1 with idempotence, and in-flight requests unset or exactly 5', () => {
      expect(outcomeOf(HA_004_PRODUCER_ACKS, artefact({ a: { producer: true, properties: GOOD }, b: { producer: 'true', properties: 'acks=-1\nenable.idempotence=true\n' } }))).toEqual({ status: 'compliant' });
    });
    it('fails a marked producer whose properties are empty or missing: acks and idempotence are not set', () => {
      expect(findingsOf(HA_004_PRODUCER_ACKS, artefact({ orders: { producer: true } }))).toEqual([acksFinding('not set'), idempotenceFinding('not set')]);
      expect(findingsOf(HA_004_PRODUCER_ACKS, artefact({ orders: null, p: { producer: 'true', properties: '' } }))).toEqual([acksFinding('not set', 'p'), idempotenceFinding('not set', 'p')]);
    });
    it('recognises an unmarked producer by acks or enable.idempotence, with either separator and leading blanks', () => {
      expect(findingsOf(HA_004_PRODUCER_ACKS, artefact({ orders: { properties: 'group.id=x\n  acks : 1\n' } }))).toEqual([acksFinding("'1'"), idempotenceFinding('not set')]);
      expect(findingsOf(HA_004_PRODUCER_ACKS, artefact({ orders: { properties: 'acks=all\n\tenable.idempotence=false\n' } }))).toEqual([idempotenceFinding("'false'")]);
    });
    it('reads the properties as Terraform does ($${ is ${) and reports only the failing principal', () => {
      expect(findingsOf(HA_004_PRODUCER_ACKS, artefact({ ok: { producer: true, properties: GOOD }, orders: { producer: true, properties: 'acks=$${var.acks}\nenable.idempotence=true\n' } })))
        .toEqual([acksFinding("'${var.acks}'")]);
    });
    it('fails 6 in-flight requests with idempotence, naming the value and the fix', () => {
      expect(findingsOf(HA_004_PRODUCER_ACKS, artefact({ orders: { producer: true, properties: 'acks=all\nenable.idempotence=true\nmax.in.flight.requests.per.connection=6\n' } }))).toEqual([{
        found: "max.in.flight.requests.per.connection is '6' in the client properties of 'orders'", expected: 'at most 5 (idempotence keeps ordering only up to 5)',
        fix: "Publish max.in.flight.requests.per.connection=5 for producer 'orders'.",
      }]);
    });
  });

  describe.each(['strimzi', 'statefulset'])('%s: the client-properties ConfigMap', (target) => {
    it('does not apply to a ConfigMap without the principal label, to another kind, or to a consumer', () => {
      expect(outcomeOf(HA_004_PRODUCER_ACKS, configMap(target, 'acks=1', 'true', null))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_004_PRODUCER_ACKS, configMap(target, 'acks=1', 'true', 'orders', 'Secret'))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_004_PRODUCER_ACKS, configMap(target, 'group.id=g\n', 'false'))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_004_PRODUCER_ACKS, configMap(target, undefined))).toEqual({ status: 'not-applicable' });
    });
    it('passes a producer with acks=all and idempotence', () => {
      expect(outcomeOf(HA_004_PRODUCER_ACKS, configMap(target, GOOD, 'true'))).toEqual({ status: 'compliant' });
      expect(outcomeOf(HA_004_PRODUCER_ACKS, configMap(target, GOOD))).toEqual({ status: 'compliant' });
    });
    it('fails a marked producer without properties, and acks=1, naming the principal and the fix', () => {
      expect(findingsOf(HA_004_PRODUCER_ACKS, configMap(target, undefined, 'true'))).toEqual([acksFinding('not set'), idempotenceFinding('not set')]);
      expect(findingsOf(HA_004_PRODUCER_ACKS, configMap(target, 'acks=1\nenable.idempotence=true\n', undefined, 'checkout'))).toEqual([acksFinding("'1'", 'checkout')]);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_004_PRODUCER_ACKS, 'HA-004', ['msk', 'strimzi', 'statefulset']);
});
