"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DrStrategy = void 0;
/**
 * How ready the DR peer is, as the seeds name the two standby strategies. Both keep
 * replication running all the time; they differ in what runs on the DR side before a failover,
 * and so in the RTO they can promise.
 */
var DrStrategy;
(function (DrStrategy) {
    /**
     * Hot standby: the DR cluster runs at full production size and replication never stops.
     * Failover is a switch of clients (minutes), so the RTO can be short.
     */
    DrStrategy["HOT_STANDBY"] = "hot-standby";
    /**
     * Warm standby: the DR cluster runs and replication never stops, but clients and the
     * capacity for the full load are started at failover (scale-out, consumer deployments).
     * Cheaper; the RTO includes that start-up.
     */
    DrStrategy["WARM_STANDBY"] = "warm-standby";
})(DrStrategy || (exports.DrStrategy = DrStrategy = {}));
