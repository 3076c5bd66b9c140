"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SHOP_PLANNED_TOPICS = exports.SHOP_PRODUCTION_WORKLOAD = void 0;
exports.shopProductionPlan = shopProductionPlan;
const capacity_planner_1 = require("../lib/model/capacity/capacity-planner");
/**
 * The example shop's production workload (CAP-001..003): 2,000 msg/s of 1 KiB kept 7 days at
 * RF 3, growing 50% a year, sized for 12 months; 50,000 msg/s per m7g.xlarge broker; 500 msg/s
 * per consumer and 12 consumers wanted. The DR peer holds everything production holds, so it
 * takes the same plan.
 */
exports.SHOP_PRODUCTION_WORKLOAD = {
    name: 'shop-orders',
    messagesPerSecond: 2_000,
    averageMessageBytes: 1_024,
    retentionSeconds: 7 * 24 * 3600,
    brokerCapacityMessagesPerSecond: 50_000,
    consumerMessagesPerSecond: 500,
    consumersWanted: 12,
    annualGrowthRate: 0.5,
    planningHorizonMonths: 12,
};
/**
 * The topics the shop's workload describes (CAP-003 applies the plan to them): `orders`, and
 * `payments`, written once per order. `audit.events` and `order-state` carry a fraction of that
 * rate and keep the access model's 6 partitions, outside the plan.
 */
exports.SHOP_PLANNED_TOPICS = ['orders', 'payments'];
/** The shop's production capacity plan, under another name for a copy of it (the DR peer). */
function shopProductionPlan(name = exports.SHOP_PRODUCTION_WORKLOAD.name) {
    return capacity_planner_1.CapacityPlan.forWorkload({ ...exports.SHOP_PRODUCTION_WORKLOAD, name });
}
