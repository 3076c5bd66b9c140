"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_002_CONSUMER_LAG_WARNING = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-002: Consumer group lag > 10,000 for 5m (warning). */
exports.MON_002_CONSUMER_LAG_WARNING = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-002',
    title: 'Consumer group lag > 10,000 for 5m (warning)',
    explanation: 'Lag grows silently until messages expire; 10,000 messages warns.',
    prometheus: { threshold: 10000, maxFor: '5m', severity: 'warning' },
    cloudWatch: { metrics: ['SumOffsetLag'], threshold: 10000 },
});
