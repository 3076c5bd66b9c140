"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SLO_003_BROKER_AVAILABILITY = void 0;
const slo_coverage_1 = require("./checks/slo-coverage");
/** SLO-003: broker-availability, under-replicated partitions = 0 (production 99.9% over 30d). */
exports.SLO_003_BROKER_AVAILABILITY = (0, slo_coverage_1.sloRule)('SLO-003', 'broker-availability', 'broker-availability SLO: no under-replicated partitions, with burn-rate and budget alerts.', 'Time spent under-replicated is time one failure away from unavailable partitions.');
