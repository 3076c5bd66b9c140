import { describe, expect, it } from 'vitest';
import { PERF_001_BROKER_DEFAULTS as RULE } from '../../../lib/rules/perf-001-broker-defaults';
import {
  brokerConfigMap, defaultBrokerProperties, mskConfiguration, nodePool, run, statefulSet, strimziKafka,
} from '../fixtures/cap-documents';

describe('PERF-001 broker settings and JVM heap', () => {
  it('is a warning, never an error', () => {
    const { entries } = run(RULE, [mskConfiguration(defaultBrokerProperties({ 'num.io.threads': '4' }))]);
    expect(entries.map((e) => e.level)).toEqual(['warning']);
  });

  describe('MSK (aws_msk_configuration server_properties)', () => {
    it('passes PERF-001 with the rendered broker defaults', () => {
      const { entries, compliant } = run(RULE, [mskConfiguration(defaultBrokerProperties())]);
      expect(entries).toEqual([]);
      expect(compliant.map((e) => e.path)).toEqual(['production/kafka_configuration/Resource']);
    });

    it('warns PERF-001 when num.io.threads is overridden below 16, naming the setting, the default and the reason', () => {
      const { lines } = run(RULE, [mskConfiguration(defaultBrokerProperties({ 'num.io.threads': '4' }))]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("PERF-001 [production/kafka_configuration/Resource] num.io.threads is '4' in server_properties; expected at least 16 (the PERF-001 default): I/O threads process requests");
      expect(lines[0]).toContain('Set num.io.threads=16 in server_properties');
    });

    it('warns PERF-001 for each lowered setting separately, retention through log.retention.ms included', () => {
      const { entries } = run(RULE, [mskConfiguration(defaultBrokerProperties({
        'num.network.threads': '3', 'socket.send.buffer.bytes': '65536', 'log.segment.bytes': '104857600',
        'replica.fetch.max.bytes': '524288', 'replica.lag.time.max.ms': '10000', 'log.retention.ms': '86400000',
      }))]);
      expect(entries[0].findings.map((f) => f.found.split(' ')[0])).toEqual([
        'num.network.threads', 'socket.send.buffer.bytes', 'log.segment.bytes', 'log.retention.ms', 'replica.fetch.max.bytes', 'replica.lag.time.max.ms',
      ]);
      expect(entries[0].findings[3].found).toBe("log.retention.ms '86400000' in server_properties gives a retention of 24 hours");
    });

    it('warns PERF-001 when num.network.threads is removed, because Kafka\'s own default (3) is lower', () => {
      const props = defaultBrokerProperties();
      delete props['num.network.threads'];
      const { entries } = run(RULE, [mskConfiguration(props)]);
      expect(entries[0].findings[0].found).toBe("num.network.threads is not set in server_properties (Kafka's default is 3)");
    });

    it('accepts higher values, infinite retention and OS-tuned socket buffers', () => {
      const { entries } = run(RULE, [mskConfiguration(defaultBrokerProperties({ 'num.io.threads': '32', 'log.retention.hours': '-1', 'socket.receive.buffer.bytes': '-1' }))]);
      expect(entries).toEqual([]);
    });
  });

  describe('Strimzi (Kafka spec.kafka.config, KafkaNodePool jvmOptions)', () => {
    it('passes PERF-001 with the defaults and a 4 GiB heap on 8 GiB pods', () => {
      const { entries, compliant } = run(RULE, [strimziKafka(), nodePool('brokers')]);
      expect(entries).toEqual([]);
      expect(compliant.map((e) => e.resource).sort()).toEqual(['Kafka/main', 'KafkaNodePool/brokers']);
    });

    it('warns PERF-001 when spec.kafka.config lowers replica.lag.time.max.ms', () => {
      const { lines } = run(RULE, [strimziKafka({ config: { ...defaultBrokerProperties(), 'replica.lag.time.max.ms': 10000 } }), nodePool('brokers')]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^PERF-001 \[staging\/Kafka\/Kafka-main\] replica.lag.time.max.ms is '10000' in spec.kafka.config; expected at least 30000/);
    });

    it('warns PERF-001 when the heap is below min(6 GiB, half the memory limit)', () => {
      const { lines } = run(RULE, [strimziKafka(), nodePool('brokers', { jvmOptions: { '-Xms': '1g', '-Xmx': '1g' } })]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("PERF-001 [staging/Kafka/KafkaNodePool-brokers] jvmOptions -Xmx is '1g' with resources.limits.memory '8Gi'; expected at least 4096m");
    });

    it('warns PERF-001 when the heap takes more than half the memory (page cache)', () => {
      const { entries } = run(RULE, [strimziKafka(), nodePool('brokers', { memory: '16Gi', jvmOptions: { '-Xms': '10g', '-Xmx': '10g' } })]);
      expect(entries[0].findings.map((f) => f.expected)).toEqual([expect.stringContaining('at most half the memory limit (8192m)')]);
    });

    it('warns PERF-001 when -Xms differs from -Xmx', () => {
      const { entries } = run(RULE, [strimziKafka(), nodePool('brokers', { jvmOptions: { '-Xms': '1024m', '-Xmx': '4096m' } })]);
      expect(entries[0].findings.map((f) => f.found)).toEqual(["jvmOptions -Xms is '1024m' and -Xmx is '4096m'"]);
    });

    it('takes jvmOptions and resources from the Kafka when the pool has none, capping the heap at 6 GiB', () => {
      const pool = nodePool('brokers');
      const bare = { ...pool, body: { ...pool.body, spec: { ...pool.body.spec, jvmOptions: undefined, resources: undefined } } };
      const good = run(RULE, [strimziKafka({ jvmOptions: { '-Xms': '6g', '-Xmx': '6g' }, resources: { limits: { memory: '32Gi' } } }), bare]);
      expect(good.entries).toEqual([]);
      const bad = run(RULE, [strimziKafka({ resources: { limits: { memory: '32Gi' } } }), bare]);
      expect(bad.entries[0].path).toBe('staging/Kafka/KafkaNodePool-brokers');
      expect(bad.entries[0].findings[0].expected).toContain('an explicit heap of 6144m');
    });
  });

  describe('StatefulSet (server.properties ConfigMap, KAFKA_HEAP_OPTS)', () => {
    it('passes PERF-001 with the defaults and -Xms4096m -Xmx4096m on 8 GiB', () => {
      const { entries, compliant } = run(RULE, [brokerConfigMap(defaultBrokerProperties()), statefulSet()]);
      expect(entries).toEqual([]);
      expect(compliant).toHaveLength(2);
    });

    it('warns PERF-001 when server.properties lowers socket.receive.buffer.bytes', () => {
      const { lines } = run(RULE, [brokerConfigMap(defaultBrokerProperties({ 'socket.receive.buffer.bytes': '8192' })), statefulSet()]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("PERF-001 [staging/Kafka/ConfigMap-kafka-config] socket.receive.buffer.bytes is '8192' in data['server.properties']; expected at least 102400");
    });

    it('warns PERF-001 when KAFKA_HEAP_OPTS sets a small, resizable heap', () => {
      const { entries } = run(RULE, [brokerConfigMap(defaultBrokerProperties()), statefulSet({ heapOpts: '-Xms512m -Xmx1g' })]);
      expect(entries[0].path).toBe('staging/Kafka/StatefulSet-kafka');
      expect(entries[0].findings.map((f) => f.found)).toEqual([
        "container kafka KAFKA_HEAP_OPTS -Xms is '512m' and -Xmx is '1g'",
        "container kafka KAFKA_HEAP_OPTS -Xmx is '1g' with container kafka resources.limits.memory '8Gi'",
      ]);
    });
  });
});
