// The client properties the rules read (lib/rules/readers/published-client-properties.ts): the
// Kubernetes ConfigMaps labelled kafka-iac.dev/client-properties and the MSK terraform_data
// artefact, which principal each belongs to, on which target, and whether it produces or consumes.
import { describe, expect, it } from 'vitest';
import { CLIENT_PRODUCER_LABEL, CLIENT_PROPERTIES_ARTEFACT_KIND, CLIENT_PROPERTIES_KEY, CLIENT_PROPERTIES_LABEL } from '../../../lib/contract/vocabulary';
import { publishedClientProperties } from '../../../lib/rules/readers/published-client-properties';
import { RuleTarget } from '../../../lib/rules/rule';
import { kubernetes, terraform } from '../fixtures/cap-documents';
import { configMap, mskArtefact } from '../fixtures/perf-client-properties';

describe('publishedClientProperties on the MSK artefact', () => {
  it('reads each principal of the artefact, with its producer flag and its properties', () => {
    const doc = mskArtefact({
      checkout: { producer: true, properties: 'linger.ms=5' },
      billing: { producer: false, properties: 'group.id=billing\nenable.auto.commit=false' },
    });
    expect(publishedClientProperties(doc)).toEqual([
      { principal: 'checkout', target: RuleTarget.MSK, producer: true, consumer: false, properties: { 'linger.ms': '5' } },
      { principal: 'billing', target: RuleTarget.MSK, producer: false, consumer: true, properties: { 'group.id': 'billing', 'enable.auto.commit': 'false' } },
    ]);
  });

  it('reads producer "true" (as a string, after an override) as a producer, any other value as not one', () => {
    const doc = terraform('terraform_data', 'access', { input: { kind: CLIENT_PROPERTIES_ARTEFACT_KIND, principals: {
      a: { producer: 'true', properties: 'x=1' }, b: { producer: 'yes', properties: 'x=1' }, c: { producer: 1, properties: 'x=1' },
    } } });
    expect(publishedClientProperties(doc).map((p) => [p.principal, p.producer])).toEqual([['a', true], ['b', false], ['c', false]]);
  });

  it('counts a principal that sets acks as a producer, and one with group.protocol as a consumer', () => {
    const doc = mskArtefact({ a: { producer: false, properties: 'acks=all' }, b: { producer: false, properties: 'group.protocol=consumer' } });
    expect(publishedClientProperties(doc).map((p) => [p.principal, p.producer, p.consumer])).toEqual([['a', true, false], ['b', false, true]]);
  });

  it('reads a principal without properties (or an empty entry) as no properties, and an artefact without principals as none', () => {
    const doc = terraform('terraform_data', 'access', { input: { kind: CLIENT_PROPERTIES_ARTEFACT_KIND, principals: { a: {}, b: null } } });
    expect(publishedClientProperties(doc)).toEqual([
      { principal: 'a', target: RuleTarget.MSK, producer: false, consumer: false, properties: {} },
      { principal: 'b', target: RuleTarget.MSK, producer: false, consumer: false, properties: {} },
    ]);
    expect(publishedClientProperties(terraform('terraform_data', 'access', { input: { kind: CLIENT_PROPERTIES_ARTEFACT_KIND } }))).toEqual([]);
  });

  it('reads nothing from another terraform_data or another resource type', () => {
    const principals = { a: { producer: true, properties: 'acks=all' } };
    expect(publishedClientProperties(terraform('terraform_data', 'admin', { input: { kind: 'kafka-iac/kafka-admin', principals } }))).toEqual([]);
    expect(publishedClientProperties(terraform('terraform_data', 'empty', {}))).toEqual([]);
    expect(publishedClientProperties(terraform('null_resource', 'access', { input: { kind: CLIENT_PROPERTIES_ARTEFACT_KIND, principals } }))).toEqual([]);
  });
});

describe('publishedClientProperties on a Kubernetes ConfigMap', () => {
  it('reads the principal, the target and the producer label of a Strimzi ConfigMap', () => {
    expect(publishedClientProperties(configMap('checkout', true, 'linger.ms=5'))).toEqual([
      { principal: 'checkout', target: RuleTarget.STRIMZI, producer: true, consumer: false, properties: { 'linger.ms': '5' } },
    ]);
    expect(publishedClientProperties(configMap('billing', false, 'group.id=billing'))).toEqual([
      { principal: 'billing', target: RuleTarget.STRIMZI, producer: false, consumer: true, properties: { 'group.id': 'billing' } },
    ]);
  });

  it('reads a ConfigMap labelled for the StatefulSet target as StatefulSet, and one without a target label as Strimzi', () => {
    expect(publishedClientProperties(configMap('checkout', true, 'acks=all', 'statefulset'))[0].target).toBe(RuleTarget.STATEFULSET);
    const unlabelled = kubernetes('v1', 'ConfigMap', 'c', { metadata: { labels: { [CLIENT_PROPERTIES_LABEL]: 'checkout', [CLIENT_PRODUCER_LABEL]: 'true' } }, data: { [CLIENT_PROPERTIES_KEY]: 'acks=all' } });
    expect(publishedClientProperties(unlabelled)).toEqual([{ principal: 'checkout', target: RuleTarget.STRIMZI, producer: true, consumer: false, properties: { acks: 'all' } }]);
  });

  it('reads nothing from a ConfigMap without the principal label, without the properties key, or without labels, nor from another kind', () => {
    expect(publishedClientProperties(kubernetes('v1', 'ConfigMap', 'c', { metadata: { labels: { 'kafka-iac.dev/target': 'strimzi' } }, data: { [CLIENT_PROPERTIES_KEY]: 'acks=all' } }))).toEqual([]);
    expect(publishedClientProperties(kubernetes('v1', 'ConfigMap', 'c', { metadata: { labels: { [CLIENT_PROPERTIES_LABEL]: 'checkout' } }, data: { other: 'acks=all' } }))).toEqual([]);
    expect(publishedClientProperties(kubernetes('v1', 'ConfigMap', 'c', { metadata: { labels: { [CLIENT_PROPERTIES_LABEL]: 'checkout' } } }))).toEqual([]);
    expect(publishedClientProperties({ source: 'kubernetes', apiVersion: 'v1', kind: 'ConfigMap', name: 'c', path: 'p', body: { data: { [CLIENT_PROPERTIES_KEY]: 'acks=all' } } })).toEqual([]);
    const secret = configMap('checkout', true, 'acks=all');
    expect(publishedClientProperties({ ...secret, kind: 'Secret' })).toEqual([]);
  });

  it('returns a new array on each call, so that a caller that changes it does not change what the next rule reads', () => {
    const doc = configMap('checkout', true, 'acks=all');
    const first = publishedClientProperties(doc);
    first.pop();
    expect(publishedClientProperties(doc)).toHaveLength(1);
  });

  it('reads nothing, a new empty array each time, from a document that is neither a terraform_data nor a ConfigMap, whatever it carries', () => {
    const labelled = { ...configMap('checkout', true, 'acks=all'), kind: 'KafkaUser' };
    const artefactLike = { ...mskArtefact({ checkout: { producer: true, properties: 'acks=all' } }), type: 'aws_iam_policy' };
    for (const doc of [labelled, artefactLike]) {
      const first = publishedClientProperties(doc);
      expect(first).toEqual([]);
      first.push(publishedClientProperties(configMap('x', true, 'acks=all'))[0]);
      expect(publishedClientProperties(doc)).toEqual([]);
    }
  });
});
