import { PERF_BROKER_DEFAULTS } from '../model/broker-config';
import { readProperties } from '../contract/writers/properties';
import { parseMemoryQuantity } from '../model/jvm-heap';
import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../contract/document';
import { Findings, NOT_APPLICABLE, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { documentCheck } from './checks/target-checks';
import { asMskConfiguration, serverPropertiesOf } from './readers/msk-cluster-document';
import { STRIMZI_CLUSTER_LABEL } from '../contract/vocabulary';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Why each PERF-001 broker setting matters, and Kafka's own default when the key is absent
 * (only a default below the documented value is a finding).
 */
const BROKER_SETTINGS: Readonly<Record<string, { readonly reason: string; readonly kafkaDefault: number }>> = {
  'num.network.threads': { kafkaDefault: 3, reason: 'network threads read requests and write responses; too few queue produce and fetch requests under load' },
  'num.io.threads': { kafkaDefault: 8, reason: 'I/O threads process requests, disk writes included; too few make produce and fetch latency climb (MON-008)' },
  'socket.send.buffer.bytes': { kafkaDefault: 102400, reason: 'small socket buffers cap throughput on links with latency, such as replication across zones' },
  'socket.receive.buffer.bytes': { kafkaDefault: 102400, reason: 'small socket buffers cap throughput on links with latency, such as replication across zones' },
  'log.segment.bytes': { kafkaDefault: GiB, reason: 'small segments mean many more files, open file handles and segment rolls' },
  'log.retention.hours': { kafkaDefault: 168, reason: 'retention shorter than planned leaves a consumer that fell behind without data to replay, and no longer matches the CAP-001 disk plan' },
  'replica.fetch.max.bytes': { kafkaDefault: MiB, reason: 'followers fetch less per request, so replication falls behind under load (under-replicated partitions, MON-006)' },
  'replica.lag.time.max.ms': { kafkaDefault: 30000, reason: 'a short lag window drops followers from the ISR on a brief pause (GC, network), taking partitions towards min.insync.replicas (MON-012)' },
};

/** PERF-001: the broker settings and the JVM heap are not below their documented values. */
export const PERF_001_BROKER_DEFAULTS: Rule = defineRule({
  id: 'PERF-001',
  title: 'Broker settings and JVM heap are not below the documented PERF-001 defaults.',
  explanation: 'num.network.threads 8, num.io.threads 16, socket buffers 102400, log.segment.bytes 1 GiB, log.retention.hours 168, replica.fetch.max.bytes 1 MiB, replica.lag.time.max.ms 30000, and a JVM heap of min(6 GiB, half the container memory limit) with -Xms = -Xmx, so at least half the memory is left to the page cache Kafka reads from. Lower values are allowed (this is a warning) but each one costs throughput, latency or replay headroom.',
  remediation: 'Remove the override, or set the value to the PERF-001 default or above.',
  severity: Severity.WARNING,
  targets: { msk: documentCheck(asMskConfiguration, checkMsk), strimzi: checkStrimzi, statefulset: checkStatefulSet },
});

/** MSK: the `aws_msk_configuration` server properties. The heap is MSK's own (not applicable). */
function checkMsk(doc: TerraformDocument): RuleOutcome {
  const text = doc.body.server_properties;
  if (typeof text !== 'string') return NOT_APPLICABLE;
  const f = new Findings();
  brokerSettingFindings(serverPropertiesOf(doc), f, 'server_properties');
  return f.outcome();
}

/** Strimzi: `Kafka.spec.kafka.config`; the heap on each `KafkaNodePool` (its own jvmOptions/resources, or the Kafka's). */
function checkStrimzi(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  // Stryker disable next-line ConditionalExpression: only Kubernetes documents reach the Strimzi check (defineRule dispatches by target)
  if (doc.source !== 'kubernetes') return NOT_APPLICABLE;
  if (doc.kind === 'Kafka') {
    const config = doc.body.spec?.kafka?.config ?? {};
    const f = new Findings();
    brokerSettingFindings(stringValues(config), f, 'spec.kafka.config');
    return f.outcome();
  }
  if (doc.kind === 'KafkaNodePool') {
    const spec = doc.body.spec ?? {};
    const kafka = ctx.index.kubernetesByName('Kafka', doc.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL], doc.namespace);
    const jvm = spec.jvmOptions ?? kafka?.body.spec?.kafka?.jvmOptions;
    const resources = spec.resources ?? kafka?.body.spec?.kafka?.resources;
    const f = new Findings();
    heapFindings(jvm?.['-Xms'], jvm?.['-Xmx'], resources?.limits?.memory, f, {
      heapField: 'jvmOptions', memoryField: 'resources.limits.memory',
      fix: (heap) => `Set jvmOptions: { '-Xms': '${heap}', '-Xmx': '${heap}' } on the node pool (or spec.kafka.jvmOptions).`,
    });
    return f.outcome();
  }
  return NOT_APPLICABLE;
}

/** StatefulSet: `server.properties` in its ConfigMap; the heap from KAFKA_HEAP_OPTS on the Kafka container. */
function checkStatefulSet(doc: SynthesizedDocument): RuleOutcome {
  // Stryker disable next-line ConditionalExpression: only Kubernetes documents reach the StatefulSet check (defineRule dispatches by target)
  if (doc.source !== 'kubernetes') return NOT_APPLICABLE;
  if (doc.kind === 'ConfigMap') {
    const files = serverPropertiesFiles(doc);
    if (files.length === 0) return NOT_APPLICABLE;
    const f = new Findings();
    for (const [key, text] of files) brokerSettingFindings(readProperties(text), f, `data['${key}']`);
    return f.outcome();
  }
  if (doc.kind === 'StatefulSet') {
    const containers: any[] = doc.body.spec?.template?.spec?.containers ?? [];
    const kafka = containers.find((c) => envValue(c, 'KAFKA_HEAP_OPTS') !== undefined) ?? containers.find((c) => c?.name === 'kafka');
    if (!kafka) return NOT_APPLICABLE;
    const opts = envValue(kafka, 'KAFKA_HEAP_OPTS') ?? '';
    const xms = /-Xms(\S+)/.exec(opts)?.[1];
    const xmx = /-Xmx(\S+)/.exec(opts)?.[1];
    const f = new Findings();
    heapFindings(xms, xmx, kafka.resources?.limits?.memory, f, {
      heapField: `container ${kafka.name} KAFKA_HEAP_OPTS`, memoryField: `container ${kafka.name} resources.limits.memory`,
      fix: (heap) => `Set KAFKA_HEAP_OPTS to '-Xms${heap} -Xmx${heap}'.`,
    });
    return f.outcome();
  }
  return NOT_APPLICABLE;
}

/** One finding per PERF-001 broker setting below its documented value (or absent where Kafka's default is lower). */
function brokerSettingFindings(props: Readonly<Record<string, string>>, f: Findings, where: string): void {
  for (const [key, documented] of Object.entries(PERF_BROKER_DEFAULTS)) {
    const setting = BROKER_SETTINGS[key];
    const expected = `at least ${documented} (the PERF-001 default): ${setting.reason}`;
    const fix = `Set ${key}=${documented} in ${where}, or remove the override.`;
    if (key === 'log.retention.hours') {
      const retention = effectiveRetention(props);
      if (retention) {
        f.expect(retention.hours < 0 || retention.hours >= Number(documented), {
          found: `${retention.source} in ${where} gives a retention of ${retention.hours} hours`, expected, fix,
        });
      }
      continue;
    }
    const raw = props[key];
    if (raw === undefined) {
      f.expect(setting.kafkaDefault >= Number(documented), { found: `${key} is not set in ${where} (Kafka's default is ${setting.kafkaDefault})`, expected, fix });
      continue;
    }
    const value = Number(raw);
    // -1 on the socket buffers means "use the OS default", which auto-tunes upwards.
    const osDefault = value === -1 && key.startsWith('socket.');
    f.expect(osDefault || (Number.isFinite(value) && value >= Number(documented)), { found: `${key} is '${raw}' in ${where}`, expected, fix });
  }
}

/** Kafka's retention keys in order of precedence, with the units of each in an hour. */
const RETENTION_KEYS: readonly (readonly [string, number])[] = [['log.retention.ms', 3_600_000], ['log.retention.minutes', 60], ['log.retention.hours', 1]];

/**
 * The retention in hours (-1 for unlimited) and the key it comes from, by Kafka's precedence:
 * log.retention.ms, then .minutes, then .hours; undefined when none is set (the default, 168).
 */
function effectiveRetention(props: Readonly<Record<string, string>>): { readonly hours: number; readonly source: string } | undefined {
  for (const [key, perHour] of RETENTION_KEYS) {
    const raw = props[key];
    if (raw === undefined) continue;
    const value = Number(raw);
    return { hours: value < 0 ? -1 : value / perHour, source: `${key} '${raw}'` };
  }
  return undefined;
}

interface HeapWording {
  readonly heapField: string;
  readonly memoryField: string;
  readonly fix: (heap: string) => string;
}

/** The heap: -Xms = -Xmx, at least min(6 GiB, half the memory limit), at most half of it (page cache). */
function heapFindings(xms: unknown, xmx: unknown, memoryLimit: unknown, f: Findings, w: HeapWording): void {
  const limit = memoryLimit === undefined ? NaN : parseMemoryQuantity(String(memoryLimit));
  const recommendedMiB = Number.isFinite(limit) ? Math.floor(Math.min(6 * GiB, limit / 2) / MiB) : undefined;
  const heap = recommendedMiB !== undefined ? `${recommendedMiB}m` : '<half the memory limit, at most 6g>';
  f.expect(Number.isFinite(limit), {
    found: `${w.memoryField} is ${shown(memoryLimit)}`,
    expected: 'a memory limit, so the heap can be min(6 GiB, half of it) and the rest left to the page cache',
    fix: `Set ${w.memoryField}, for example '8Gi'.`,
  });
  const ms = jvmBytes(xms);
  const mx = jvmBytes(xmx);
  f.expect(mx !== undefined, {
    found: `${w.heapField} -Xmx is ${shown(xmx)}`,
    expected: `an explicit heap of ${heap} (PERF-001: min(6 GiB, half the memory limit)); the JVM's own default is a quarter of the memory`,
    fix: w.fix(heap),
  });
  f.expect(ms !== undefined && mx !== undefined && ms === mx, {
    found: `${w.heapField} -Xms is ${shown(xms)} and -Xmx is ${shown(xmx)}`,
    expected: '-Xms equal to -Xmx, so the heap is allocated once and never resized under load',
    fix: w.fix(heap),
  });
  if (mx === undefined || recommendedMiB === undefined) return;
  f.expect(mx >= recommendedMiB * MiB, {
    found: `${w.heapField} -Xmx is '${xmx}' with ${w.memoryField} '${memoryLimit}'`,
    expected: `at least ${heap} (PERF-001: min(6 GiB, half the memory limit)): a smaller heap means more GC under load`,
    fix: w.fix(heap),
  });
  f.expect(mx <= limit / 2, {
    found: `${w.heapField} -Xmx is '${xmx}' with ${w.memoryField} '${memoryLimit}'`,
    expected: `at most half the memory limit (${Math.floor(limit / 2 / MiB)}m), so at least half is left to the page cache Kafka reads from`,
    fix: w.fix(heap),
  });
}

/** A JVM size (`2048m`, `4g`, `512k`, bytes) in bytes. */
function jvmBytes(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const m = /^(\d+)([kKmMgGtT]?)$/.exec(String(v).trim());
  if (!m) return undefined;
  const unit: Record<string, number> = { '': 1, k: 1024, m: MiB, g: GiB, t: 1024 * GiB };
  return Number(m[1]) * unit[m[2].toLowerCase()];
}

function stringValues(config: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) out[k] = String(v);
  return out;
}

/** The `server.properties`-like files of a ConfigMap: keys `server.properties` or ending in `server.properties` / `broker.properties`. */
function serverPropertiesFiles(doc: KubernetesDocument): [string, string][] {
  const data: Record<string, unknown> = doc.body.data ?? {};
  return Object.entries(data)
    .filter(([k, v]) => typeof v === 'string' && (k.endsWith('server.properties') || k.endsWith('broker.properties')))
    .map(([k, v]) => [k, v as string]);
}

function envValue(container: any, name: string): string | undefined {
  const env: any[] = container?.env ?? [];
  const e = env.find((x) => x?.name === name);
  return typeof e?.value === 'string' ? e.value : undefined;
}
