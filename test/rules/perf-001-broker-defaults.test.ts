// PERF-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { run, mskConfiguration, defaultBrokerProperties, strimziKafka, nodePool, brokerConfigMap, statefulSet, terraform, kubernetes, STS_LABELS } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { toPropertiesText } from '../../lib/model/broker-config';
import { PERF_001_BROKER_DEFAULTS as RULE } from '../../lib/rules/perf-001-broker-defaults';
import { mskStack, synthJson, only } from '../support/msk-stack';
import { formatViolation } from '../../lib/rules/engine';
import { strimzi, perf } from './fixtures/perf-strimzi-synthesis';
import { JsonPatch } from 'cdk8s';
import { statefulSetCluster, entriesOf } from './fixtures/perf-statefulset-synthesis';

import { PERF_001_BROKER_DEFAULTS } from '../../lib/rules/perf-001-broker-defaults';
import { itDescribesItself } from './fixtures/metadata';
// The rule on hand-built documents, first in the file (a mutation run stops a mutant at its first
// failing test, so a mutant these kill costs no synthesis): every setting's reason, both sides of
// each threshold, retention by Kafka's precedence, the heap sizing, and not-applicable documents.
describe('PERF-001 on the documents', () => {
  const REASONS: Record<string, [string, string]> = {
    'num.network.threads': ['8', 'network threads read requests and write responses; too few queue produce and fetch requests under load'],
    'num.io.threads': ['16', 'I/O threads process requests, disk writes included; too few make produce and fetch latency climb (MON-008)'],
    'socket.send.buffer.bytes': ['102400', 'small socket buffers cap throughput on links with latency, such as replication across zones'],
    'socket.receive.buffer.bytes': ['102400', 'small socket buffers cap throughput on links with latency, such as replication across zones'],
    'log.segment.bytes': ['1073741824', 'small segments mean many more files, open file handles and segment rolls'],
    'log.retention.hours': ['168', 'retention shorter than planned leaves a consumer that fell behind without data to replay, and no longer matches the CAP-001 disk plan'],
    'replica.fetch.max.bytes': ['1048576', 'followers fetch less per request, so replication falls behind under load (under-replicated partitions, MON-006)'],
    'replica.lag.time.max.ms': ['30000', 'a short lag window drops followers from the ISR on a brief pause (GC, network), taking partitions towards min.insync.replicas (MON-012)'],
  };
  const setting = (key: string, found: string, where = 'server_properties') => ({
    found, expected: `at least ${REASONS[key][0]} (the PERF-001 default): ${REASONS[key][1]}`, fix: `Set ${key}=${REASONS[key][0]} in ${where}, or remove the override.`,
  });
  const one = (n: string) => String(Number(n) - 1);

  describe('broker settings (MSK server_properties)', () => {
    it('passes every setting at its documented value, and warns one below it, with the reason of each', () => {
      expect(outcomeOf(RULE, mskConfiguration(defaultBrokerProperties()))).toEqual({ status: 'compliant' });
      const lowered = Object.fromEntries(Object.entries(REASONS).map(([k, [v]]) => [k, one(v)]));
      expect(findingsOf(RULE, mskConfiguration(defaultBrokerProperties(lowered)))).toEqual(Object.keys(REASONS).map((k) => (k === 'log.retention.hours'
        ? setting(k, "log.retention.hours '167' in server_properties gives a retention of 167 hours")
        : setting(k, `${k} is '${lowered[k]}' in server_properties`))));
    });

    it('warns an absent setting only where Kafka\'s own default is lower (the thread counts)', () => {
      expect(findingsOf(RULE, mskConfiguration({}))).toEqual([
        setting('num.network.threads', "num.network.threads is not set in server_properties (Kafka's default is 3)"),
        setting('num.io.threads', "num.io.threads is not set in server_properties (Kafka's default is 8)"),
      ]);
    });

    it('reads -1 as the OS default on the socket buffers only, and a value that is no number as too low', () => {
      expect(outcomeOf(RULE, mskConfiguration(defaultBrokerProperties({ 'socket.send.buffer.bytes': '-1', 'socket.receive.buffer.bytes': '-1' })))).toEqual({ status: 'compliant' });
      expect(findingsOf(RULE, mskConfiguration(defaultBrokerProperties({ 'num.io.threads': '-1', 'socket.send.buffer.bytes': 'large' }))).map((f) => f.found))
        .toEqual(["num.io.threads is '-1' in server_properties", "socket.send.buffer.bytes is 'large' in server_properties"]);
    });

    it('takes retention from log.retention.ms, then .minutes, then .hours, unlimited when negative', () => {
      const retention = (props: Record<string, string>) => outcomeOf(RULE, mskConfiguration(defaultBrokerProperties(props)));
      const found = (props: Record<string, string>) => findingsOf(RULE, mskConfiguration(defaultBrokerProperties(props))).map((f) => f.found);
      expect(retention({ 'log.retention.ms': '604800000', 'log.retention.minutes': '1', 'log.retention.hours': '1' })).toEqual({ status: 'compliant' });
      expect(found({ 'log.retention.ms': '603000000', 'log.retention.hours': '200' })).toEqual(["log.retention.ms '603000000' in server_properties gives a retention of 167.5 hours"]);
      expect(retention({ 'log.retention.minutes': '10080', 'log.retention.hours': '1' })).toEqual({ status: 'compliant' });
      expect(found({ 'log.retention.minutes': '10050' })).toEqual(["log.retention.minutes '10050' in server_properties gives a retention of 167.5 hours"]);
      for (const key of ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours']) {
        expect(retention({ [key]: '-1', 'log.retention.hours': key === 'log.retention.hours' ? '-1' : '1' }), key).toEqual({ status: 'compliant' });
      }
      expect(found({ 'log.retention.hours': 'forever' })).toEqual(["log.retention.hours 'forever' in server_properties gives a retention of NaN hours"]);
    });

    it('is not applicable to another Terraform document, or a configuration without server properties', () => {
      expect(outcomeOf(RULE, terraform('aws_msk_cluster', 'kafka', {}))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(RULE, terraform('aws_msk_configuration', 'empty', {}))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('Strimzi: spec.kafka.config and the node pool heap', () => {
    const pool = (o: { jvmOptions?: unknown; memory?: string; labels?: boolean } = {}) => {
      const p = nodePool('brokers', { jvmOptions: o.jvmOptions, memory: o.memory });
      return o.labels === false ? { ...p, body: { ...p.body, metadata: { name: 'brokers' } } } : p;
    };
    const heap = (xms: string, xmx: string) => ({ '-Xms': xms, '-Xmx': xmx });
    const fix = (h: string) => `Set jvmOptions: { '-Xms': '${h}', '-Xmx': '${h}' } on the node pool (or spec.kafka.jvmOptions).`;

    it('reads spec.kafka.config with numbers as written, and an absent config as no settings', () => {
      expect(outcomeOf(RULE, strimziKafka({ config: { ...defaultBrokerProperties(), 'num.io.threads': 16 } }))).toEqual({ status: 'compliant' });
      expect(findingsOf(RULE, strimziKafka({ config: { ...defaultBrokerProperties(), 'num.io.threads': 15 } }))).toEqual([setting('num.io.threads', "num.io.threads is '15' in spec.kafka.config", 'spec.kafka.config')]);
      const bare = strimziKafka();
      expect(findingsOf(RULE, { ...bare, body: { ...bare.body, spec: {} } }).map((f) => f.found)).toEqual([
        "num.network.threads is not set in spec.kafka.config (Kafka's default is 3)", "num.io.threads is not set in spec.kafka.config (Kafka's default is 8)",
      ]);
    });

    it('passes a heap of exactly min(6 GiB, half the limit), and of anything up to half the limit', () => {
      expect(outcomeOf(RULE, pool({ jvmOptions: heap('4096m', '4096m'), memory: '8Gi' }))).toEqual({ status: 'compliant' });
      expect(outcomeOf(RULE, pool({ jvmOptions: heap('6g', '6g'), memory: '32Gi' }))).toEqual({ status: 'compliant' });
      expect(outcomeOf(RULE, pool({ jvmOptions: heap('16G', '16G'), memory: '32Gi' }))).toEqual({ status: 'compliant' });
      expect(outcomeOf(RULE, pool({ jvmOptions: heap('4194304k', ' 4194304k '), memory: '8Gi' }))).toEqual({ status: 'compliant' });
      expect(outcomeOf(RULE, pool({ jvmOptions: heap('4294967296', '4294967296'), memory: '8Gi' }))).toEqual({ status: 'compliant' });
    });

    it('warns a heap one MiB below the recommendation, and one MiB above half the limit, with the whole text', () => {
      expect(findingsOf(RULE, pool({ jvmOptions: heap('4095m', '4095m'), memory: '8Gi' }))).toEqual([{
        found: "jvmOptions -Xmx is '4095m' with resources.limits.memory '8Gi'",
        expected: 'at least 4096m (PERF-001: min(6 GiB, half the memory limit)): a smaller heap means more GC under load', fix: fix('4096m'),
      }]);
      expect(findingsOf(RULE, pool({ jvmOptions: heap('4097m', '4097m'), memory: '8Gi' }))).toEqual([{
        found: "jvmOptions -Xmx is '4097m' with resources.limits.memory '8Gi'",
        expected: 'at most half the memory limit (4096m), so at least half is left to the page cache Kafka reads from', fix: fix('4096m'),
      }]);
      expect(findingsOf(RULE, pool({ jvmOptions: heap('1t', '1t'), memory: '8Gi' })).map((f) => f.expected)).toEqual(['at most half the memory limit (4096m), so at least half is left to the page cache Kafka reads from']);
    });

    it('warns an absent or unreadable heap and memory limit, with the whole text', () => {
      const noLimit = nodePool('brokers');
      const bare = { ...noLimit, body: { ...noLimit.body, spec: { ...noLimit.body.spec, jvmOptions: undefined, resources: undefined } } };
      const h = '<half the memory limit, at most 6g>';
      expect(findingsOf(RULE, bare)).toEqual([
        { found: 'resources.limits.memory is not set', expected: 'a memory limit, so the heap can be min(6 GiB, half of it) and the rest left to the page cache', fix: "Set resources.limits.memory, for example '8Gi'." },
        { found: 'jvmOptions -Xmx is not set', expected: `an explicit heap of ${h} (PERF-001: min(6 GiB, half the memory limit)); the JVM's own default is a quarter of the memory`, fix: fix(h) },
        { found: 'jvmOptions -Xms is not set and -Xmx is not set', expected: '-Xms equal to -Xmx, so the heap is allocated once and never resized under load', fix: fix(h) },
      ]);
      expect(findingsOf(RULE, pool({ jvmOptions: heap('4 g', 'lots'), memory: 'plenty' })).map((f) => f.found)).toEqual([
        "resources.limits.memory is 'plenty'", "jvmOptions -Xmx is 'lots'", "jvmOptions -Xms is '4 g' and -Xmx is 'lots'",
      ]);
      expect(findingsOf(RULE, pool({ jvmOptions: { '-Xms': null, '-Xmx': '4096m' }, memory: '8Gi' })).map((f) => f.found)).toEqual(["jvmOptions -Xms is not set and -Xmx is '4096m'"]);
    });

    it('takes the heap and memory of the Kafka when the pool has none, and none from a pool without its cluster label', () => {
      const base = nodePool('brokers');
      const inherits = { ...base, body: { ...base.body, spec: { ...base.body.spec, jvmOptions: undefined, resources: undefined } } };
      const kafka = strimziKafka({ jvmOptions: heap('2048m', '2048m'), resources: { limits: { memory: '4Gi' } } });
      expect(outcomeOf(RULE, inherits, [kafka])).toEqual({ status: 'compliant' });
      const unlabelled = { ...inherits, body: { ...inherits.body, metadata: { name: 'brokers' } } };
      expect(findingsOf(RULE, unlabelled, [kafka]).map((f) => f.found)[0]).toBe('resources.limits.memory is not set');
      const noSpec = { ...inherits, body: { ...inherits.body, spec: undefined } };
      expect(outcomeOf(RULE, noSpec, [kafka])).toEqual({ status: 'compliant' });
    });

    it('is not applicable to other Strimzi resources', () => {
      expect(outcomeOf(RULE, kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', { spec: { partitions: 3 } }))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('StatefulSet: server.properties and KAFKA_HEAP_OPTS', () => {
    const configMap = (data: Record<string, unknown>) => kubernetes('v1', 'ConfigMap', 'kafka-config', { metadata: { labels: STS_LABELS }, data });
    const fix = (h: string) => `Set KAFKA_HEAP_OPTS to '-Xms${h} -Xmx${h}'.`;

    it('reads each server.properties or broker.properties file of the ConfigMap, naming its key', () => {
      const low = toPropertiesText(defaultBrokerProperties({ 'num.io.threads': '8' }));
      expect(findingsOf(RULE, configMap({ 'server.properties': toPropertiesText(defaultBrokerProperties()), 'node-1-broker.properties': low, 'controller.server.properties': low }))).toEqual([
        setting('num.io.threads', "num.io.threads is '8' in data['node-1-broker.properties']", "data['node-1-broker.properties']"),
        setting('num.io.threads', "num.io.threads is '8' in data['controller.server.properties']", "data['controller.server.properties']"),
      ]);
    });

    it('is not applicable to a ConfigMap without such a file, nor to other kinds', () => {
      expect(outcomeOf(RULE, configMap({ 'log4j.properties': 'x=1', 'server.properties.bak': 'num.io.threads=1', 'other-server.properties': 7 }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(RULE, configMap({}))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(RULE, { ...configMap({}), body: { metadata: { labels: STS_LABELS } } })).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(RULE, kubernetes('v1', 'Service', 'kafka', { metadata: { labels: STS_LABELS } }))).toEqual({ status: 'not-applicable' });
    });

    it('reads the heap of the container that sets KAFKA_HEAP_OPTS, else of the one named kafka, with the whole text', () => {
      const sts = (containers: unknown) => {
        const doc = statefulSet();
        return { ...doc, body: { ...doc.body, spec: { ...doc.body.spec, template: { spec: { containers } } } } };
      };
      const limits = { limits: { memory: '8Gi' } };
      const env = (value: unknown) => [{ name: 'OTHER', value: 'x' }, { name: 'KAFKA_HEAP_OPTS', ...(typeof value === 'string' ? { value } : { valueFrom: value }) }];
      expect(outcomeOf(RULE, sts([{ name: 'sidecar' }, { name: 'broker', env: env('-Xmx4096m -Xms4096m'), resources: limits }]))).toEqual({ status: 'compliant' });
      expect(findingsOf(RULE, sts([{ name: 'kafka', resources: limits }, { name: 'broker', env: env('-Xms1g -Xmx1g'), resources: limits }])).map((f) => f.found))
        .toEqual(["container broker KAFKA_HEAP_OPTS -Xmx is '1g' with container broker resources.limits.memory '8Gi'"]);
      expect(findingsOf(RULE, sts([{ name: 'sidecar' }, { name: 'kafka', env: env({ configMapKeyRef: { name: 'heap', key: 'opts' } }), resources: limits }]))).toEqual([
        { found: 'container kafka KAFKA_HEAP_OPTS -Xmx is not set', expected: "an explicit heap of 4096m (PERF-001: min(6 GiB, half the memory limit)); the JVM's own default is a quarter of the memory", fix: fix('4096m') },
        { found: 'container kafka KAFKA_HEAP_OPTS -Xms is not set and -Xmx is not set', expected: '-Xms equal to -Xmx, so the heap is allocated once and never resized under load', fix: fix('4096m') },
      ]);
      expect(findingsOf(RULE, sts([{ name: 'kafka', env: [null, { name: 'KAFKA_HEAP_OPTS', value: '-Xms4096m' }] }])).map((f) => f.found)).toEqual([
        'container kafka resources.limits.memory is not set', 'container kafka KAFKA_HEAP_OPTS -Xmx is not set', "container kafka KAFKA_HEAP_OPTS -Xms is '4096m' and -Xmx is not set",
      ]);
    });

    it('is not applicable to a StatefulSet without a Kafka container', () => {
      const doc = statefulSet();
      expect(outcomeOf(RULE, { ...doc, body: { ...doc.body, spec: { template: { spec: { containers: [{ name: 'zookeeper' }] } } } } })).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(RULE, { ...doc, body: { ...doc.body, spec: undefined } })).toEqual({ status: 'not-applicable' });
    });
  });
});

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
