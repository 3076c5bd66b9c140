"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ServiceLevelIndicator = void 0;
/**
 * What an SLO measures, as time slices: each evaluation (a minute) is good or bad, and the
 * error ratio over a window is the share of bad minutes. Kafka exposes percentiles and gauges,
 * not per-request buckets, so time slices are the honest SLI for these objectives.
 */
class ServiceLevelIndicator {
    resolver;
    /** SLO-001: produce request latency P99 below `thresholdMs` (the worst broker counts). */
    static produceLatencyP99(thresholdMs = 100) {
        return new ServiceLevelIndicator((m) => {
            const sel = m.requestP99.with({ [m.requestLabel]: 'Produce' });
            return { expression: `max(${sel})`, threshold: thresholdMs, testSeries: sel.series({ [m.nodeLabel]: m.nodeExample(0) }), description: `produce request latency P99 < ${thresholdMs} ms` };
        });
    }
    /** SLO-002: the largest consumer group lag (per group and topic) below `messages`. */
    static maxConsumerLag(messages = 10_000) {
        return new ServiceLevelIndicator((m) => ({
            expression: `max(${m.lagAggregation} by (${m.lagGroupLabel}, ${m.lagTopicLabel}) (${m.consumerLag}))`,
            threshold: messages,
            testSeries: m.consumerLag.series({ [m.lagGroupLabel]: 'orders-service', [m.lagTopicLabel]: 'orders', partition: '0' }),
            description: `max consumer lag < ${messages} messages`,
        }));
    }
    /** SLO-003: no under-replicated partitions anywhere in the cluster. */
    static noUnderReplicatedPartitions() {
        return new ServiceLevelIndicator((m) => ({
            expression: `sum(${m.underReplicated})`, threshold: 0,
            testSeries: m.underReplicated.series({ [m.nodeLabel]: m.nodeExample(0) }),
            description: 'under-replicated partitions = 0',
        }));
    }
    /** Your own indicator: any expression of one series, bad above a threshold. */
    static threshold(props) {
        return new ServiceLevelIndicator(() => ({ ...props }));
    }
    constructor(resolver) {
        this.resolver = resolver;
    }
    /** The indicator against one backend's metric names. */
    resolve(metrics) {
        return this.resolver(metrics);
    }
}
exports.ServiceLevelIndicator = ServiceLevelIndicator;
