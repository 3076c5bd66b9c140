"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PERF_BROKER_DEFAULTS = void 0;
exports.renderBrokerProperties = renderBrokerProperties;
exports.toPropertiesText = toPropertiesText;
exports.parsePropertiesText = parsePropertiesText;
const errors_1 = require("./errors");
/** The PERF-001 broker defaults. */
exports.PERF_BROKER_DEFAULTS = {
    'num.network.threads': '8',
    'num.io.threads': '16',
    'socket.send.buffer.bytes': '102400',
    'socket.receive.buffer.bytes': '102400',
    'log.segment.bytes': String(1024 ** 3),
    'log.retention.hours': '168',
    'replica.fetch.max.bytes': String(1024 ** 2),
    'replica.lag.time.max.ms': '30000',
};
/**
 * Renders the broker properties for a cluster of `brokers` brokers.
 * Pure: the same input always gives the same, newly built, object.
 */
function renderBrokerProperties(path, brokers, props = {}) {
    const single = brokers < 3;
    const rf = props.replicationFactor ?? (single ? brokers : 3);
    const minIsr = props.minInsyncReplicas ?? (single ? 1 : 2);
    if (!Number.isInteger(rf) || rf < 1 || rf > brokers) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'HA-002', path, prop: 'replicationFactor', found: rf,
            expected: `an integer from 1 to the broker count (${brokers}); 3 in production`,
            fix: 'Set replicationFactor: 3 with at least 3 brokers.',
        });
    }
    if (!Number.isInteger(minIsr) || minIsr < 1 || (rf > 1 && minIsr >= rf)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'HA-003', path, prop: 'minInsyncReplicas', found: minIsr,
            expected: `an integer below the replication factor (${rf}); 2 in production`,
            fix: 'Set minInsyncReplicas: 2 with replicationFactor: 3.',
        });
    }
    const out = {
        'default.replication.factor': String(rf),
        'offsets.topic.replication.factor': String(rf),
        'transaction.state.log.replication.factor': String(rf),
        'min.insync.replicas': String(minIsr),
        'transaction.state.log.min.isr': String(minIsr),
        'unclean.leader.election.enable': 'false',
        'auto.create.topics.enable': 'false',
        ...exports.PERF_BROKER_DEFAULTS,
    };
    if (props.numNetworkThreads !== undefined)
        out['num.network.threads'] = String(props.numNetworkThreads);
    if (props.numIoThreads !== undefined)
        out['num.io.threads'] = String(props.numIoThreads);
    if (props.logRetentionHours !== undefined)
        out['log.retention.hours'] = String(props.logRetentionHours);
    return { ...out, ...(props.extra ?? {}) };
}
/** Renders properties in `server.properties` form, sorted by key. */
function toPropertiesText(props) {
    return Object.keys(props).sort().map((k) => `${k}=${props[k]}`).join('\n') + '\n';
}
/** Parses `key=value` lines (as in `server.properties`); comments and blank lines are skipped. */
function parsePropertiesText(text) {
    const out = {};
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('!'))
            continue;
        const i = line.search(/[=:]/);
        if (i < 0) {
            out[line] = '';
            continue;
        }
        out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
    return out;
}
