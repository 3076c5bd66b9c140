"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_003_CONSUMER_LAG_CRITICAL = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-003: Consumer group lag > 100,000 for 5m (critical). */
exports.MON_003_CONSUMER_LAG_CRITICAL = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-003',
    title: 'Consumer group lag > 100,000 for 5m (critical)',
    explanation: '100,000 messages of lag pages.',
    prometheus: { threshold: 100000, maxFor: '5m', severity: 'critical' },
    cloudWatch: { metrics: ['SumOffsetLag'], threshold: 100000 },
});
