"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_011_CERTIFICATE_EXPIRY = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
/** MON-011: A TLS certificate expires in < 30 days (warning). */
exports.MON_011_CERTIFICATE_EXPIRY = (0, cluster_monitoring_1.monitoringRule)({
    id: 'MON-011',
    title: 'A TLS certificate expires in < 30 days (warning)',
    explanation: 'An expired certificate stops every TLS connection.',
    prometheus: { threshold: 30, severity: 'warning' },
});
