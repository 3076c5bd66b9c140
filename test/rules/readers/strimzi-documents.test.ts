// Reading Strimzi documents for the rules (lib/rules/readers/strimzi-documents.ts): which
// documents are Strimzi's Kafka, KafkaNodePool and KafkaTopic, the broker config as text, the
// pools of a Kafka, the pod template and volumes that apply to a pool, and the config keys that
// Strimzi drops.
import { describe, expect, it } from 'vitest';
import type { KubernetesDocument } from '../../../lib/contract/document';
import { DocumentIndex } from '../../../lib/contract/document-index';
import {
  asStrimziKafka, asStrimziNodePool, asStrimziTopic, describePools, effectivePodTemplate, expectStrimziConfig, forbiddenConfigFindings,
  replicasOf, rolesOf, storageVolumesOf, strimziConfigOf, strimziKafkaOf, strimziNodePoolsOf,
} from '../../../lib/rules/readers/strimzi-documents';
import { Findings } from '../../../lib/rules/rule';
import { kubernetes } from '../fixtures/cap-documents';

/** `namespace: null` for a document without namespace. */
const kafka = (spec: any = {}, name = 'main', namespace: string | null = 'kafka'): KubernetesDocument =>
  ({ ...kubernetes('kafka.strimzi.io/v1', 'Kafka', name, { spec }), namespace: namespace ?? undefined });
const pool = (name: string, spec: any, labels: Record<string, unknown> | null = { 'strimzi.io/cluster': 'main' }, namespace: string | null = 'kafka'): KubernetesDocument =>
  ({ ...kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', name, { metadata: { labels: labels ?? undefined }, spec }), namespace: namespace ?? undefined });
const bare = (kind: string, name: string, body: Record<string, any>, namespace?: string): KubernetesDocument =>
  ({ source: 'kubernetes', apiVersion: 'kafka.strimzi.io/v1', kind, name, namespace, path: `k/${name}`, body });

describe('asStrimziKafka, asStrimziNodePool, asStrimziTopic: Strimzi documents of one kind', () => {
  it('reads each kind of the kafka.strimzi.io group, and nothing of another group, kind or source', () => {
    const k = kafka();
    const p = pool('brokers', {});
    const t = kubernetes('kafka.strimzi.io/v1beta2', 'KafkaTopic', 'orders', {});
    expect([asStrimziKafka(k), asStrimziNodePool(p), asStrimziTopic(t)]).toEqual([k, p, t]);
    expect([asStrimziKafka(p), asStrimziNodePool(t), asStrimziTopic(k)]).toEqual([undefined, undefined, undefined]);
    expect(asStrimziKafka(kubernetes('example.com/v1', 'Kafka', 'main', {}))).toBeUndefined();
    expect(asStrimziKafka(kubernetes('v1', 'Kafka', 'main', {}))).toBeUndefined();
    expect(asStrimziKafka({ source: 'terraform', type: 'Kafka', kind: 'Kafka', apiVersion: 'kafka.strimzi.io/v1', name: 'main', address: 'Kafka.main', path: 'p', body: {} } as never)).toBeUndefined();
  });
});

describe('strimziConfigOf and expectStrimziConfig', () => {
  it('reads spec.kafka.config with every value as text', () => {
    expect(strimziConfigOf(kafka({ kafka: { config: { 'min.insync.replicas': 2, 'default.replication.factor': '3', 'auto.create.topics.enable': false } } })))
      .toEqual({ 'min.insync.replicas': '2', 'default.replication.factor': '3', 'auto.create.topics.enable': 'false' });
  });

  it('reads no config when there is no spec, no kafka, or the config is null or not an object', () => {
    for (const spec of [undefined, {}, { kafka: {} }, { kafka: { config: null } }, { kafka: { config: 'a=1' } }]) {
      expect(strimziConfigOf(bare('Kafka', 'main', spec === undefined ? {} : { spec }))).toEqual({});
    }
  });

  it('adds a finding naming the key and the value found unless the key has the wanted value', () => {
    const message = { expected: "'2'", fix: 'Set min.insync.replicas: 2.' };
    const f = new Findings();
    expectStrimziConfig(f, { 'min.insync.replicas': '2' }, 'min.insync.replicas', '2', message);
    expect(f.outcome()).toEqual({ status: 'compliant' });
    expectStrimziConfig(f, { 'min.insync.replicas': '1' }, 'min.insync.replicas', '2', message);
    expectStrimziConfig(f, {}, 'min.insync.replicas', '2', message);
    expect(f.outcome()).toEqual({ status: 'non-compliant', findings: [
      { found: "spec.kafka.config min.insync.replicas is '1'", ...message },
      { found: 'spec.kafka.config min.insync.replicas is not set', ...message },
    ] });
  });
});

describe('strimziKafkaOf and strimziNodePoolsOf: a Kafka and its pools, by the strimzi.io/cluster label and the namespace', () => {
  it('finds the Kafka a pool names, in the pool namespace only', () => {
    const main = kafka();
    const elsewhere = kafka({}, 'main', 'other');
    const index = new DocumentIndex([elsewhere, main]);
    expect(strimziKafkaOf(index, pool('brokers', {}))).toBe(main);
    expect(strimziKafkaOf(index, pool('brokers', {}, { 'strimzi.io/cluster': 'absent' }))).toBeUndefined();
    expect(strimziKafkaOf(index, pool('brokers', {}, { 'strimzi.io/cluster': ['main'] }))).toBeUndefined();
    expect(strimziKafkaOf(index, pool('brokers', {}, null))).toBeUndefined();
    expect(strimziKafkaOf(index, bare('KafkaNodePool', 'brokers', {}, 'kafka'))).toBeUndefined();
  });

  it('groups the pools of each Kafka by namespace and cluster label', () => {
    const a = pool('a', {});
    const b = pool('b', {});
    const other = pool('c', {}, { 'strimzi.io/cluster': 'other' });
    const otherNamespace = pool('d', {}, { 'strimzi.io/cluster': 'main' }, 'elsewhere');
    const unlabelled = bare('KafkaNodePool', 'e', {}, 'kafka');
    const noLabels = pool('f', {}, null);
    const index = new DocumentIndex([a, other, otherNamespace, unlabelled, noLabels, b]);
    expect(strimziNodePoolsOf(index, kafka())).toEqual([a, b]);
    expect(strimziNodePoolsOf(index, kafka({}, 'other'))).toEqual([other]);
    expect(strimziNodePoolsOf(index, kafka({}, 'absent'))).toEqual([]);
  });

  it('matches a Kafka without namespace with the pools without namespace', () => {
    const none = pool('a', {}, { 'strimzi.io/cluster': 'main' }, null);
    const index = new DocumentIndex([none, pool('b', {})]);
    expect(strimziNodePoolsOf(index, kafka({}, 'main', null))).toEqual([none]);
  });
});

describe('rolesOf, replicasOf and describePools', () => {
  it('reads the roles as text, none when not a list', () => {
    expect(rolesOf(pool('a', { roles: ['broker', 'controller'] }))).toEqual(['broker', 'controller']);
    expect(rolesOf(pool('a', { roles: 'broker' }))).toEqual([]);
    expect(rolesOf(pool('a', {}))).toEqual([]);
    expect(rolesOf(bare('KafkaNodePool', 'a', {}))).toEqual([]);
  });

  it('reads the replicas as a number, 0 when not one', () => {
    expect(replicasOf(pool('a', { replicas: 3 }))).toBe(3);
    expect(replicasOf(pool('a', { replicas: '5' }))).toBe(5);
    expect(replicasOf(pool('a', { replicas: 'three' }))).toBe(0);
    expect(replicasOf(pool('a', {}))).toBe(0);
    expect(replicasOf(bare('KafkaNodePool', 'a', {}))).toBe(0);
  });

  it('describes each pool with its replicas and roles, and no pool as none', () => {
    expect(describePools([pool('brokers', { replicas: 3, roles: ['broker'] }), pool('controllers', { roles: ['controller', 'broker'] }), bare('KafkaNodePool', 'bare', {})]))
      .toBe('brokers: 3 [broker]; controllers: not set [controller, broker]; bare: not set []');
    expect(describePools([])).toBe('none');
  });
});

describe('effectivePodTemplate: the pool template.pod replaces the Kafka one', () => {
  const kafkaPod = { affinity: { podAntiAffinity: {} } };
  const main = kafka({ kafka: { template: { pod: kafkaPod } } });

  it('is the pool own template.pod when it has one', () => {
    const own = { topologySpreadConstraints: [] };
    expect(effectivePodTemplate(pool('a', { template: { pod: own } }), main)).toEqual({ pod: own, where: 'spec.template.pod' });
  });

  it('is the Kafka spec.kafka.template.pod when the pool has none, naming the Kafka', () => {
    for (const spec of [{}, { template: {} }, { template: { pod: 'x' } }, { template: { pod: null } }]) {
      expect(effectivePodTemplate(pool('a', spec), main)).toEqual({ pod: kafkaPod, where: 'Kafka main spec.kafka.template.pod (the pool has no template.pod)' });
    }
    expect(effectivePodTemplate(bare('KafkaNodePool', 'a', {}), main).pod).toBe(kafkaPod);
  });

  it('is empty when neither has one, or there is no Kafka', () => {
    const absent = { pod: {}, where: 'spec.template.pod (absent, and absent on the Kafka)' };
    expect(effectivePodTemplate(pool('a', {}), undefined)).toEqual(absent);
    expect(effectivePodTemplate(pool('a', {}), kafka())).toEqual(absent);
    expect(effectivePodTemplate(pool('a', {}), kafka({ kafka: { template: { pod: 'x' } } }))).toEqual(absent);
    expect(effectivePodTemplate(pool('a', {}), kafka({ kafka: {} }))).toEqual(absent);
    expect(effectivePodTemplate(pool('a', { template: { pod: null } }), kafka({ kafka: { template: { pod: null } } }))).toEqual(absent);
    expect(effectivePodTemplate(pool('a', {}), bare('Kafka', 'main', {}))).toEqual(absent);
  });
});

describe('storageVolumesOf: the volumes of a pool storage', () => {
  it('reads each volume of a jbod, with where it is', () => {
    const v0 = { id: 0, type: 'persistent-claim', size: '100Gi' };
    const v1 = { id: 1, type: 'ephemeral' };
    expect(storageVolumesOf(pool('a', { storage: { type: 'jbod', volumes: [v0, v1, null] } }))).toEqual([
      { volume: v0, where: 'spec.storage.volumes[0]' }, { volume: v1, where: 'spec.storage.volumes[1]' }, { volume: {}, where: 'spec.storage.volumes[2]' },
    ]);
    expect(storageVolumesOf(pool('a', { storage: { type: 'jbod' } }))).toEqual([]);
    expect(storageVolumesOf(pool('a', { storage: { type: 'jbod', volumes: { id: 0 } } }))).toEqual([]);
  });

  it('reads another storage type as one volume, and no storage as none', () => {
    const storage = { type: 'persistent-claim', size: '100Gi' };
    expect(storageVolumesOf(pool('a', { storage }))).toEqual([{ volume: storage, where: 'spec.storage' }]);
    expect(storageVolumesOf(pool('a', { storage: 'ephemeral' }))).toEqual([]);
    expect(storageVolumesOf(pool('a', { storage: null }))).toEqual([]);
    expect(storageVolumesOf(pool('a', {}))).toEqual([]);
    expect(storageVolumesOf(bare('KafkaNodePool', 'a', {}))).toEqual([]);
  });
});

describe('forbiddenConfigFindings: the spec.kafka.config keys Strimzi drops', () => {
  it('adds one finding per dropped key charged to the rule, with the prefix and what to use instead', () => {
    const f = new Findings();
    forbiddenConfigFindings(kafka({ kafka: { config: { 'ssl.keystore.location': '/x', 'ssl.protocol': 'TLSv1.3', 'listeners': 'PLAINTEXT://:9092' } } }), 'SEC-002', f);
    expect(f.outcome()).toEqual({ status: 'non-compliant', findings: [{
      found: "spec.kafka.config key 'ssl.keystore.location' is set, and Strimzi 1.2 silently drops keys starting with 'ssl.'",
      expected: 'no key that the operator drops: a dropped setting is a rule that silently fails',
      fix: "Remove 'ssl.keystore.location'; only ssl.enabled.protocols, ssl.protocol, ssl.cipher.suites and ssl.secure.random.implementation are passed; certificates come from the operator-managed CAs.",
    }] });
  });

  it('adds none when the config has no dropped key, or there is no config object', () => {
    for (const spec of [{ kafka: { config: { 'min.insync.replicas': 2 } } }, { kafka: { config: null } }, { kafka: { config: 'ssl.x=1' } }, { kafka: {} }, {}]) {
      const f = new Findings();
      forbiddenConfigFindings(kafka(spec), 'SEC-002', f);
      expect(f.outcome()).toEqual({ status: 'compliant' });
    }
    const f = new Findings();
    forbiddenConfigFindings(bare('Kafka', 'main', {}), 'SEC-002', f);
    expect(f.outcome()).toEqual({ status: 'compliant' });
  });
});
