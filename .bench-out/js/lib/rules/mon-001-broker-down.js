"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_001_BROKER_DOWN = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-001: A broker is down or not scraped. */
exports.MON_001_BROKER_DOWN = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-001',
    title: 'A broker is down or not scraped',
    explanation: 'A broker that is down or unscraped is invisible; MON-001 pages within 1m.',
    prometheus: { maxFor: '1m', severity: 'critical' },
    cloudWatch: { metrics: ['CpuIdle'], perBroker: true },
});
