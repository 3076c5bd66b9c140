"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SLO_002_CONSUMER_LAG = void 0;
const slo_coverage_1 = require("./checks/slo-coverage");
/** SLO-002: consumer-lag, max consumer lag < 10,000 messages (production 99.5% over 30d, staging 95.0% over 7d). */
exports.SLO_002_CONSUMER_LAG = (0, slo_coverage_1.sloRule)('SLO-002', 'consumer-lag', 'consumer-lag SLO: max consumer lag < 10,000 messages, with burn-rate and budget alerts.', 'Lag is how stale consumers are; its budget says how long they may fall behind per period.');
