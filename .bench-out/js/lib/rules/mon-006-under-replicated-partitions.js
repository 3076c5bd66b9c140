"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_006_UNDER_REPLICATED_PARTITIONS = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-006: Under-replicated partitions > 0 (critical). */
exports.MON_006_UNDER_REPLICATED_PARTITIONS = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-006',
    title: 'Under-replicated partitions > 0 (critical)',
    explanation: 'Under-replicated partitions are one failure from unavailability.',
    prometheus: { threshold: 0, severity: 'critical' },
    cloudWatch: { metrics: ['UnderReplicatedPartitions'], threshold: 0 },
});
