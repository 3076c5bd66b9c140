"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_012_UNDER_MIN_ISR = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-012: Under-min-ISR partitions > 0 for 1m (critical). */
exports.MON_012_UNDER_MIN_ISR = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-012',
    title: 'Under-min-ISR partitions > 0 for 1m (critical)',
    explanation: 'acks=all writes fail for partitions under their min ISR.',
    prometheus: { threshold: 0, maxFor: '1m', severity: 'critical' },
    cloudWatch: { metrics: ['UnderMinIsrPartitionCount'], threshold: 0 },
});
