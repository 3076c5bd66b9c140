"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_007_NETWORK_THROUGHPUT = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-007: Network throughput > 80% of the broker capacity (warning). */
exports.MON_007_NETWORK_THROUGHPUT = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-007',
    title: 'Network throughput > 80% of the broker capacity (warning)',
    explanation: 'A saturated broker link raises latency and stalls replication.',
    prometheus: { threshold: 0.8, severity: 'warning' },
    cloudWatch: { metrics: ['BytesInPerSec', 'BytesOutPerSec'], threshold: 0.8, perBroker: true },
});
