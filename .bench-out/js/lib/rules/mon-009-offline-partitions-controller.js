"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_009_OFFLINE_PARTITIONS_CONTROLLER = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-009: Offline partitions > 0; active controller count != 1 (critical, for 1m). */
exports.MON_009_OFFLINE_PARTITIONS_CONTROLLER = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-009',
    title: 'Offline partitions > 0; active controller count != 1 (critical, for 1m)',
    explanation: 'Offline partitions fail every client of them; without one active controller metadata stops.',
    prometheus: { threshold: 0, maxFor: '1m', severity: 'critical' },
    cloudWatch: { metrics: ['OfflinePartitionsCount', 'ActiveControllerCount'], threshold: 0 },
});
