"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_008_REQUEST_LATENCY = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-008: Produce/fetch request latency P99 > 100 ms (warning; the mean on CloudWatch). */
exports.MON_008_REQUEST_LATENCY = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-008',
    title: 'Produce/fetch request latency P99 > 100 ms (warning; the mean on CloudWatch)',
    explanation: 'Slow requests slow producers down and burn the message-delivery SLO.',
    prometheus: { threshold: 100, severity: 'warning' },
    cloudWatch: { metrics: ['ProduceTotalTimeMsMean', 'FetchConsumerTotalTimeMsMean'], threshold: 100, perBroker: true },
});
