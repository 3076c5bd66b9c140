"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_005_DISK_USAGE_CRITICAL = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-005: Broker disk usage > 85% (critical). */
exports.MON_005_DISK_USAGE_CRITICAL = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-005',
    title: 'Broker disk usage > 85% (critical)',
    explanation: '85% pages before the volume fills.',
    prometheus: { threshold: 85, severity: 'critical' },
    cloudWatch: { metrics: ['KafkaDataLogsDiskUsed'], threshold: 85, perBroker: true },
});
