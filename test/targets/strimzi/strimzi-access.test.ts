import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { AccessModel } from '../../../lib/model/access/access-model';
import { StrimziAccess } from '../../../lib/targets/strimzi/strimzi-access';
import { strimziSchema } from '../../support/strimzi-schemas';
import { chart, iam, productionEnv, sampleModel } from '../../support/access-fixtures';

/**
 * Test-local CRD validation (test/support/strimzi-schemas.ts had not landed when this was
 * written): the v1 openAPIV3Schema of a Strimzi kind (schemas/strimzi/), with
 * `additionalProperties: false` added where the CRD does not preserve unknown fields.
 */
function validatorFor(kind: string) {
  const schema = strimziSchema(kind, 'v1');
  const closed = (s: any): any => {
    if (Array.isArray(s)) return s.map(closed);
    if (s === null || typeof s !== 'object') return s;
    const out: any = {};
    for (const [k, v] of Object.entries(s)) out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, ps]) => [p, closed(ps)])) : closed(v);
    if (out.type === 'object' && out.properties && !out['x-kubernetes-preserve-unknown-fields'] && out.additionalProperties === undefined && !('metadata' in out.properties && 'spec' in out.properties)) out.additionalProperties = false;
    return out;
  };
  const ajv = new Ajv({ strict: false, strictTypes: false, allErrors: true });
  addFormats(ajv);
  for (const k of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-validations', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'example']) ajv.addKeyword(k);
  return ajv.compile(closed(schema));
}

const validateUser = validatorFor('KafkaUser');
const validateTopic = validatorFor('KafkaTopic');

describe('StrimziAccess', () => {
  it('renders KafkaUsers and KafkaTopics that pass the Strimzi 1.2 CRD schemas', () => {
    const environment = productionEnv();
    const c = chart(environment);
    new StrimziAccess(c, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    const objects = c.toJson();
    const users = objects.filter((o: any) => o.kind === 'KafkaUser');
    const topics = objects.filter((o: any) => o.kind === 'KafkaTopic');
    expect(users).toHaveLength(3);
    expect(topics).toHaveLength(2);
    for (const u of users) expect(validateUser(u), JSON.stringify(validateUser.errors)).toBe(true);
    for (const t of topics) expect(validateTopic(t), JSON.stringify(validateTopic.errors)).toBe(true);
    expect(c.node.validate()).toEqual([]);
  });

  it('the schema check is real: a misspelled ACL field is rejected', () => {
    expect(validateUser({ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaUser', metadata: {}, spec: { authorization: { type: 'simple', acls: [{ resource: { type: 'topic' }, operation: ['Read'] }] } } })).toBe(false);
  });

  it('writes the exact ACLs of each grant into the KafkaUser', () => {
    const environment = productionEnv();
    const c = chart(environment);
    new StrimziAccess(c, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    const billing = c.toJson().find((o: any) => o.kind === 'KafkaUser' && o.metadata.name === 'billing');
    expect(billing.metadata.labels).toMatchObject({ 'strimzi.io/cluster': 'main', 'kafka-iac.dev/principal-kind': 'application' });
    expect(billing.spec).toEqual({
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: [
          { type: 'allow', resource: { type: 'topic', name: 'orders', patternType: 'literal' }, operations: ['Read', 'Describe'], host: '*' },
          { type: 'allow', resource: { type: 'group', name: 'billing', patternType: 'literal' }, operations: ['Read'], host: '*' },
          { type: 'allow', resource: { type: 'topic', name: 'audit.', patternType: 'prefix' }, operations: ['Read', 'Describe'], host: '*' },
          { type: 'allow', resource: { type: 'group', name: 'billing-audit', patternType: 'literal' }, operations: ['Read'], host: '*' },
        ],
      },
    });
    const state = c.toJson().find((o: any) => o.kind === 'KafkaTopic' && o.metadata.name === 'order-state');
    expect(state.spec).toEqual({ partitions: 6, replicas: 3, config: { 'min.insync.replicas': '2', 'cleanup.policy': 'compact' } });
  });

  it('renders mutual TLS principals with authentication type tls and keeps topicName for names Kubernetes refuses', () => {
    const environment = productionEnv();
    const access = new AccessModel({ environment });
    const t = access.addTopic('Orders_V2');
    t.grantProduce(access.addPrincipal('legacy', { authentication: ClientAuthentication.mutualTls() }));
    const c = chart(environment);
    new StrimziAccess(c, 'Access', { model: access, clusterName: 'main' });
    const json = c.toJson();
    expect(json.find((o: any) => o.kind === 'KafkaUser').spec.authentication).toEqual({ type: 'tls' });
    const topic = json.find((o: any) => o.kind === 'KafkaTopic');
    expect(topic.metadata.name).toBe('orders-v2');
    expect(topic.spec.topicName).toBe('Orders_V2');
    expect(validateTopic(topic)).toBe(true);
  });

  it('publishes client properties as a ConfigMap and dist/<env>/clients/<principal>.properties, password referenced', () => {
    const environment = productionEnv();
    const c = chart(environment);
    new StrimziAccess(c, 'Access', { model: sampleModel(environment), clusterName: 'main' });
    const text = environment.outputFiles.get('clients/checkout.properties')!();
    expect(text).toContain('bootstrap.servers=main-kafka-bootstrap.kafka.svc:9093');
    expect(text).toContain('security.protocol=SASL_SSL');
    expect(text).toContain('sasl.mechanism=SCRAM-SHA-512');
    expect(text).toContain('password="${dir:/etc/kafka/secrets/checkout:password}"');
    expect(text).toMatch(/^acks=all$/m);
    expect(text).toMatch(/^enable\.idempotence=true$/m);
    const cm = c.toJson().find((o: any) => o.kind === 'ConfigMap' && o.metadata.name === 'checkout-client-properties');
    expect(cm.data['client.properties']).toBe(text);
  });

  it('refuses an IAM principal on Strimzi with SEC-003', () => {
    const environment = productionEnv();
    expect(() => new StrimziAccess(chart(environment), 'Access', { model: sampleModel(environment, iam), clusterName: 'main' }))
      .toThrow(/^SEC-003 \[kafka\/Access\/checkout\] authentication is 'iam'/);
  });
});
