"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SLO_001_MESSAGE_DELIVERY = void 0;
const slo_coverage_1 = require("./checks/slo-coverage");
/** SLO-001: message-delivery, produce request latency P99 < 100 ms (production 99.9% over 30d, staging 99.0% over 7d). */
exports.SLO_001_MESSAGE_DELIVERY = (0, slo_coverage_1.sloRule)('SLO-001', 'message-delivery', 'message-delivery SLO: produce latency P99 < 100 ms, with burn-rate and budget alerts.', 'Producers feel latency first; an error budget turns "fast enough" into a number that pages before users notice.');
