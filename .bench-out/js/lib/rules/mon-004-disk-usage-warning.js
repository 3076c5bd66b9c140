"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_004_DISK_USAGE_WARNING = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-004: Broker disk usage > 70% (warning). */
exports.MON_004_DISK_USAGE_WARNING = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-004',
    title: 'Broker disk usage > 70% (warning)',
    explanation: 'A full log directory takes a broker offline; 70% leaves time to grow the volume.',
    prometheus: { threshold: 70, severity: 'warning' },
    cloudWatch: { metrics: ['KafkaDataLogsDiskUsed'], threshold: 70, perBroker: true },
});
