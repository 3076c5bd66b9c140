"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PERF_001_BROKER_DEFAULTS = void 0;
const broker_config_1 = require("../model/broker-config");
const jvm_heap_1 = require("../model/jvm-heap");
const rule_1 = require("./rule");
const rule_target_1 = require("../contract/rule-target");
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/**
 * Why each PERF-001 broker setting matters, and Kafka's own default when the key is absent
 * (only a default below the documented value is a finding).
 */
const BROKER_SETTINGS = {
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
exports.PERF_001_BROKER_DEFAULTS = {
    id: 'PERF-001',
    level: rule_1.RuleLevel.WARNING,
    title: 'Broker settings and JVM heap are not below the documented PERF-001 defaults.',
    explanation: 'num.network.threads 8, num.io.threads 16, socket buffers 102400, log.segment.bytes 1 GiB, log.retention.hours 168, replica.fetch.max.bytes 1 MiB, replica.lag.time.max.ms 30000, and a JVM heap of min(6 GiB, half the container memory limit) with -Xms = -Xmx, so at least half the memory is left to the page cache Kafka reads from. Lower values are allowed (this is a warning) but each one costs throughput, latency or replay headroom.',
    remediation: 'Remove the override, or set the value to the PERF-001 default or above.',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    check(doc, ctx) {
        switch ((0, rule_target_1.targetOf)(doc)) {
            case rule_1.RuleTarget.MSK: return checkMsk(doc);
            case rule_1.RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
            case rule_1.RuleTarget.STATEFULSET: return checkStatefulSet(doc);
            default: return rule_1.NOT_APPLICABLE;
        }
    },
};
/** MSK: the `aws_msk_configuration` server properties. The heap is MSK's own (not applicable). */
function checkMsk(doc) {
    if (doc.source !== 'terraform' || doc.type !== 'aws_msk_configuration')
        return rule_1.NOT_APPLICABLE;
    const text = doc.body.server_properties;
    if (typeof text !== 'string')
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    brokerSettingFindings((0, broker_config_1.parsePropertiesText)(text), f, 'server_properties');
    return f.outcome();
}
/** Strimzi: `Kafka.spec.kafka.config`; the heap on each `KafkaNodePool` (its own jvmOptions/resources, or the Kafka's). */
function checkStrimzi(doc, ctx) {
    if (doc.source !== 'kubernetes')
        return rule_1.NOT_APPLICABLE;
    if (doc.kind === 'Kafka') {
        const config = doc.body.spec?.kafka?.config ?? {};
        const f = new rule_1.Findings();
        brokerSettingFindings(stringValues(config), f, 'spec.kafka.config');
        return f.outcome();
    }
    if (doc.kind === 'KafkaNodePool') {
        const spec = doc.body.spec ?? {};
        const kafka = ctx.index.kubernetesByName('Kafka', doc.body.metadata?.labels?.['strimzi.io/cluster'], doc.namespace);
        const jvm = spec.jvmOptions ?? kafka?.body.spec?.kafka?.jvmOptions;
        const resources = spec.resources ?? kafka?.body.spec?.kafka?.resources;
        const f = new rule_1.Findings();
        heapFindings(jvm?.['-Xms'], jvm?.['-Xmx'], resources?.limits?.memory, f, {
            heapField: 'jvmOptions', memoryField: 'resources.limits.memory',
            fix: (heap) => `Set jvmOptions: { '-Xms': '${heap}', '-Xmx': '${heap}' } on the node pool (or spec.kafka.jvmOptions).`,
        });
        return f.outcome();
    }
    return rule_1.NOT_APPLICABLE;
}
/** StatefulSet: `server.properties` in its ConfigMap; the heap from KAFKA_HEAP_OPTS on the Kafka container. */
function checkStatefulSet(doc) {
    if (doc.source !== 'kubernetes')
        return rule_1.NOT_APPLICABLE;
    if (doc.kind === 'ConfigMap') {
        const files = serverPropertiesFiles(doc);
        if (files.length === 0)
            return rule_1.NOT_APPLICABLE;
        const f = new rule_1.Findings();
        for (const [key, text] of files)
            brokerSettingFindings((0, broker_config_1.parsePropertiesText)(text), f, `data['${key}']`);
        return f.outcome();
    }
    if (doc.kind === 'StatefulSet') {
        const containers = doc.body.spec?.template?.spec?.containers ?? [];
        const kafka = containers.find((c) => envValue(c, 'KAFKA_HEAP_OPTS') !== undefined) ?? containers.find((c) => c?.name === 'kafka');
        if (!kafka)
            return rule_1.NOT_APPLICABLE;
        const opts = envValue(kafka, 'KAFKA_HEAP_OPTS') ?? '';
        const xms = /-Xms(\S+)/.exec(opts)?.[1];
        const xmx = /-Xmx(\S+)/.exec(opts)?.[1];
        const f = new rule_1.Findings();
        heapFindings(xms, xmx, kafka.resources?.limits?.memory, f, {
            heapField: `container ${kafka.name} KAFKA_HEAP_OPTS`, memoryField: `container ${kafka.name} resources.limits.memory`,
            fix: (heap) => `Set KAFKA_HEAP_OPTS to '-Xms${heap} -Xmx${heap}'.`,
        });
        return f.outcome();
    }
    return rule_1.NOT_APPLICABLE;
}
/** One finding per PERF-001 broker setting below its documented value (or absent where Kafka's default is lower). */
function brokerSettingFindings(props, f, where) {
    for (const [key, documented] of Object.entries(broker_config_1.PERF_BROKER_DEFAULTS)) {
        const setting = BROKER_SETTINGS[key];
        const expected = `at least ${documented} (the PERF-001 default): ${setting.reason}`;
        const fix = `Set ${key}=${documented} in ${where}, or remove the override.`;
        if (key === 'log.retention.hours') {
            const hours = effectiveRetentionHours(props);
            f.expect(hours === undefined || hours < 0 || hours >= Number(documented), {
                found: `${retentionSource(props)} in ${where} gives a retention of ${hours} hours`, expected, fix,
            });
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
/** Kafka's precedence: log.retention.ms, then .minutes, then .hours; undefined when none is set (the default, 168). */
function effectiveRetentionHours(props) {
    if (props['log.retention.ms'] !== undefined) {
        const ms = Number(props['log.retention.ms']);
        return ms < 0 ? -1 : ms / 3_600_000;
    }
    if (props['log.retention.minutes'] !== undefined) {
        const min = Number(props['log.retention.minutes']);
        return min < 0 ? -1 : min / 60;
    }
    if (props['log.retention.hours'] !== undefined)
        return Number(props['log.retention.hours']);
    return undefined;
}
function retentionSource(props) {
    for (const key of ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours']) {
        if (props[key] !== undefined)
            return `${key} '${props[key]}'`;
    }
    return 'log.retention.hours';
}
/** The heap: -Xms = -Xmx, at least min(6 GiB, half the memory limit), at most half of it (page cache). */
function heapFindings(xms, xmx, memoryLimit, f, w) {
    const limit = memoryLimit === undefined ? NaN : (0, jvm_heap_1.parseMemoryQuantity)(String(memoryLimit));
    const recommendedMiB = Number.isFinite(limit) ? Math.floor(Math.min(6 * GiB, limit / 2) / MiB) : undefined;
    const heap = recommendedMiB !== undefined ? `${recommendedMiB}m` : '<half the memory limit, at most 6g>';
    f.expect(Number.isFinite(limit), {
        found: `${w.memoryField} is ${memoryLimit === undefined ? 'not set' : `'${memoryLimit}'`}`,
        expected: 'a memory limit, so the heap can be min(6 GiB, half of it) and the rest left to the page cache',
        fix: `Set ${w.memoryField}, for example '8Gi'.`,
    });
    const ms = jvmBytes(xms);
    const mx = jvmBytes(xmx);
    f.expect(mx !== undefined, {
        found: `${w.heapField} -Xmx is ${xmx === undefined ? 'not set' : `'${xmx}'`}`,
        expected: `an explicit heap of ${heap} (PERF-001: min(6 GiB, half the memory limit)); the JVM's own default is a quarter of the memory`,
        fix: w.fix(heap),
    });
    f.expect(ms !== undefined && mx !== undefined && ms === mx, {
        found: `${w.heapField} -Xms is ${xms === undefined ? 'not set' : `'${xms}'`} and -Xmx is ${xmx === undefined ? 'not set' : `'${xmx}'`}`,
        expected: '-Xms equal to -Xmx, so the heap is allocated once and never resized under load',
        fix: w.fix(heap),
    });
    if (mx === undefined || recommendedMiB === undefined)
        return;
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
function jvmBytes(v) {
    if (v === undefined || v === null)
        return undefined;
    const m = /^(\d+)([kKmMgGtT]?)$/.exec(String(v).trim());
    if (!m)
        return undefined;
    const unit = { '': 1, k: 1024, m: MiB, g: GiB, t: 1024 * GiB };
    return Number(m[1]) * unit[m[2].toLowerCase()];
}
function stringValues(config) {
    const out = {};
    for (const [k, v] of Object.entries(config))
        out[k] = String(v);
    return out;
}
/** The `server.properties`-like files of a ConfigMap: keys `server.properties` or ending in `server.properties` / `broker.properties`. */
function serverPropertiesFiles(doc) {
    const data = doc.body.data ?? {};
    return Object.entries(data)
        .filter(([k, v]) => typeof v === 'string' && (k.endsWith('server.properties') || k.endsWith('broker.properties')))
        .map(([k, v]) => [k, v]);
}
function envValue(container, name) {
    const env = container?.env ?? [];
    const e = env.find((x) => x?.name === name);
    return typeof e?.value === 'string' ? e.value : undefined;
}
