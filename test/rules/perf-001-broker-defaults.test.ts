// PERF-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { run, mskConfiguration, defaultBrokerProperties, strimziKafka, nodePool, brokerConfigMap, statefulSet } from './fixtures/cap-documents';
import { PERF_001_BROKER_DEFAULTS as RULE } from '../../lib/rules/perf-001-broker-defaults';
import { mskStack, synthJson, only } from '../support/msk-stack';
import { formatViolation } from '../../lib/rules/engine';
import { strimzi, perf } from './fixtures/perf-strimzi-synthesis';
import { JsonPatch } from 'cdk8s';
import { statefulSetCluster, entriesOf } from './fixtures/perf-statefulset-synthesis';

import { PERF_001_BROKER_DEFAULTS } from '../../lib/rules/perf-001-broker-defaults';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe('PERF-001 broker settings and JVM heap', () => {
    it('is a warning, never an error', () => {
      const { entries } = run(RULE, [mskConfiguration(defaultBrokerProperties({ 'num.io.threads': '4' }))]);
      expect(entries.map((e) => e.level)).toEqual(['warning']);
    });
  });
});

describe('MSK', () => {
  describe('PERF-001 broker settings and JVM heap', () => {

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
  });

  describe('PERF-001 on MskCluster', () => {
    it('renders every PERF-001 broker default into the MSK configuration and passes', () => {
      const { stack } = mskStack();
      const json = synthJson(stack);
      const text: string = only(json, 'aws_msk_configuration').server_properties;
      for (const line of ['num.network.threads=8', 'num.io.threads=16', 'socket.send.buffer.bytes=102400', 'socket.receive.buffer.bytes=102400', 'log.segment.bytes=1073741824', 'log.retention.hours=168', 'replica.fetch.max.bytes=1048576', 'replica.lag.time.max.ms=30000']) {
        expect(text).toContain(line);
      }
      expect(stack.complianceReport.entries.filter((e) => e.ruleId === 'PERF-001').map((e) => e.status)).toEqual(['compliant']);
    });

    it('warns PERF-001 when brokerConfig lowers num.io.threads, and synthesis still succeeds', () => {
      const { stack } = mskStack({ cluster: { brokerConfig: { numIoThreads: 4 } } });
      synthJson(stack);
      const lines = stack.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').map(formatViolation);
      expect(lines).toEqual([expect.stringMatching(/^PERF-001 \[production\/Kafka\/Configuration\] num\.io\.threads is '4' in server_properties; expected at least 16 \(the PERF-001 default\)/)]);
    });

    it('warns PERF-001 when an escape hatch rewrites the server properties', () => {
      const { stack, cluster } = mskStack();
      const text: string = only(synthJson(stack), 'aws_msk_configuration').server_properties;
      cluster.configuration.addOverride('server_properties', text.replace('num.network.threads=8', 'num.network.threads=2'));
      synthJson(stack);
      const found = stack.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').flatMap((e) => e.findings.map((f) => f.found));
      expect(found).toContain("num.network.threads is '2' in server_properties");
    });
  });
});

describe('Strimzi', () => {
  describe('PERF-001 broker settings and JVM heap', () => {

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
  });

  describe('PERF-001 on StrimziKafkaCluster', () => {
    it('passes PERF-001 on the Kafka config and every node pool heap by default', () => {
      const { app, chart } = strimzi();
      app.synth();
      const entries = perf(chart);
      expect(entries.map((e) => e.status)).toEqual(entries.map(() => 'compliant'));
      expect(entries.map((e) => e.resource).sort()).toEqual(expect.arrayContaining(['Kafka/staging-kafka']));
      expect(entries.filter((e) => e.resource.startsWith('KafkaNodePool/')).length).toBeGreaterThanOrEqual(2);
    });

    it('warns PERF-001 when a JSON patch lowers num.io.threads in spec.kafka.config', () => {
      const { app, chart, cluster } = strimzi();
      cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/num.io.threads', 4));
      app.synth();
      expect(chart.complianceReport.warnings().map(formatViolation)).toEqual(expect.arrayContaining([
        expect.stringContaining("PERF-001 [kafka/Kafka/Resource] num.io.threads is '4' in spec.kafka.config; expected at least 16 (the PERF-001 default)"),
      ]));
    });

    it('warns PERF-001 when a JSON patch shrinks a broker pool heap below min(6 GiB, half its memory)', () => {
      const { app, chart, cluster } = strimzi();
      // The imported Strimzi classes apply JSON patches before mapping `xmx` to `-Xmx`, so the patch names `xmx`.
      cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/jvmOptions/xms', '1g'), JsonPatch.replace('/spec/jvmOptions/xmx', '1g'));
      app.synth();
      const lines = chart.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').map(formatViolation);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("PERF-001 [kafka/Kafka/BrokerPool] jvmOptions -Xmx is '1g' with resources.limits.memory '8Gi'; expected at least 4096m (PERF-001: min(6 GiB, half the memory limit))");
    });
  });
});

describe('StatefulSet', () => {
  describe('PERF-001 broker settings and JVM heap', () => {

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

  describe('PERF-001 on KafkaStatefulSetCluster', () => {
    it('passes PERF-001 on server.properties and on the KAFKA_HEAP_OPTS of every node set by default', () => {
      const { app, chart } = statefulSetCluster();
      app.synth();
      const perf = entriesOf(chart, 'PERF-001');
      expect(perf.map((e) => e.status)).toEqual(perf.map(() => 'compliant'));
      expect(perf.map((e) => e.resource.split('/')[0]).sort()).toEqual(['ConfigMap', 'StatefulSet', 'StatefulSet']);
    });

    it('warns PERF-001 when a JSON patch lowers num.network.threads in server.properties', () => {
      const { app, chart, cluster } = statefulSetCluster();
      const text = String((cluster.brokers.configMap.toJson() as { data: Record<string, string> }).data['server.properties']);
      cluster.brokers.configMap.addJsonPatch(JsonPatch.replace('/data/server.properties', text.replace('num.network.threads=8', 'num.network.threads=2')));
      app.synth();
      const lines = chart.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').map(formatViolation);
      expect(lines).toEqual([expect.stringMatching(/^PERF-001 \[kafka\/Kafka\/\S+\] num\.network\.threads is '2' in data\['server\.properties'\]; expected at least 8 \(the PERF-001 default\)/)]);
    });

    it('warns PERF-001 when a JSON patch gives the brokers a resizable heap', () => {
      const { app, chart, cluster } = statefulSetCluster();
      const env: { name: string }[] = (cluster.brokers.statefulSet.toJson() as any).spec.template.spec.containers[0].env;
      const i = env.findIndex((e) => e.name === 'KAFKA_HEAP_OPTS');
      cluster.brokers.statefulSet.addJsonPatch(JsonPatch.replace(`/spec/template/spec/containers/0/env/${i}/value`, '-Xms1g -Xmx4096m'));
      app.synth();
      const found = chart.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-001').flatMap((e) => e.findings.map((f) => f.found));
      expect(found).toEqual([expect.stringMatching(/KAFKA_HEAP_OPTS -Xms is '1g' and -Xmx is '4096m'$/)]);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(PERF_001_BROKER_DEFAULTS, 'PERF-001', ['msk', 'strimzi', 'statefulset']);
});
