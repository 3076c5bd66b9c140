"use strict";
/**
 * The recommended client settings (PERF-002, PERF-003, HA-004), shared by every target's
 * client properties.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLASSIC_CONSUMER_TIMEOUTS = exports.CONSUMER_DEFAULTS = exports.PRODUCER_DEFAULTS = void 0;
/** PERF-002 and HA-004: producers write with acks=all and idempotence. */
exports.PRODUCER_DEFAULTS = {
    'acks': 'all',
    'enable.idempotence': 'true',
    'compression.type': 'lz4',
    'linger.ms': '5',
    'batch.size': String(64 * 1024),
    'buffer.memory': String(64 * 1024 * 1024),
    'max.in.flight.requests.per.connection': '5',
};
/**
 * PERF-003: consumer defaults. `session.timeout.ms` and `heartbeat.interval.ms` only apply to
 * `group.protocol=classic`; under the Kafka 4 consumer protocol the broker owns them and the
 * client refuses them.
 */
exports.CONSUMER_DEFAULTS = {
    'fetch.min.bytes': '1024',
    'fetch.max.wait.ms': '500',
    'max.poll.records': '500',
};
/** PERF-003: the timeouts that only the classic group protocol accepts. */
exports.CLASSIC_CONSUMER_TIMEOUTS = {
    'session.timeout.ms': '30000',
    'heartbeat.interval.ms': '10000',
};
