import { describe, expect, it } from 'vitest';
import { KafkaIacError } from '../../lib/model/errors';
import { checkClusterDomain, checkConfigName, checkNamespace, checkTopicName, topicCollisionKey } from '../../lib/model/grammar/names';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';

const site = { code: 'KIAC-PROP', path: 'test', prop: 'value' };

describe('grammars (issue #13)', () => {
  it('accepts real names and passes unresolved tokens', () => {
    expect(checkNamespace('kafka', site)).toBe('kafka');
    expect(checkNamespace('${TfToken[TOKEN.1]}', site)).toBe('${TfToken[TOKEN.1]}');
    expect(checkClusterDomain('cluster.local', site)).toBe('cluster.local');
    expect(checkTopicName('orders.v1', site)).toBe('orders.v1');
    expect(checkConfigName('listener.name.SCRAM.scram-sha-512.sasl.jaas.config', site)).toBe('listener.name.SCRAM.scram-sha-512.sasl.jaas.config');
  });

  it.each([
    ['namespace', () => checkNamespace('Kafka', site)],
    ['topic', () => checkTopicName('a b', site)],
    ['topic ..', () => checkTopicName('..', site)],
    ['config', () => checkConfigName('a\\u002eb', site)],
    ['domain', () => checkClusterDomain('x$(id)', site)],
  ] as const)('refuses a bad %s with KafkaIacError', (_, f) => {
    expect(f).toThrow(KafkaIacError);
  });

  it("finds Kafka's '.'/'_' collision (a.b and a_b share metric names)", () => {
    expect(topicCollisionKey('a_b')).toBe(topicCollisionKey('a.b'));
    expect(topicCollisionKey('a-b')).not.toBe(topicCollisionKey('a.b'));
  });

  it('parses 1w, 1y and 500ms as Prometheus does', () => {
    expect(PrometheusDuration.parse('1w').totalSeconds).toBe(7 * 86_400);
    expect(PrometheusDuration.parse('1y').toString()).toBe('365d');
    expect(PrometheusDuration.parse('500ms').toString()).toBe('500ms');
  });
});
