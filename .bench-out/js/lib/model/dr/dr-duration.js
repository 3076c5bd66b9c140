"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DrDuration = void 0;
const errors_1 = require("../errors");
/**
 * A recovery objective's duration (the RPO or RTO of a DR pairing), in whole seconds.
 * Plain value, provider-neutral: the MirrorMaker 2 alerts turn it into a Prometheus duration,
 * the MSK Replicator alarms into CloudWatch thresholds.
 * @see DR-003
 */
class DrDuration {
    seconds;
    /** `n` seconds. */
    static seconds(n) { return new DrDuration(n); }
    /** `n` minutes. */
    static minutes(n) { return new DrDuration(n * 60); }
    /** `n` hours. */
    static hours(n) { return new DrDuration(n * 3_600); }
    constructor(
    /** The duration in whole seconds (at least 1). */
    seconds) {
        this.seconds = seconds;
        if (!Number.isInteger(seconds) || seconds < 1) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'DR-003', path: 'DrDuration', prop: 'seconds', found: seconds,
                expected: 'a whole number of seconds, at least 1', fix: 'Declare the objective with DrDuration.seconds(30), .minutes(5) or .hours(1).',
            });
        }
    }
    /** In milliseconds (MirrorMaker 2 `replication-latency-ms`, MSK `ReplicationLatency`). */
    get milliseconds() {
        return this.seconds * 1000;
    }
    /** A readable form, largest units first: `5m`, `1h30m`, `45s`. */
    toString() {
        let rest = this.seconds;
        let out = '';
        for (const [unit, size] of [['h', 3_600], ['m', 60], ['s', 1]]) {
            const n = Math.floor(rest / size);
            if (n > 0) {
                out += `${n}${unit}`;
                rest -= n * size;
            }
        }
        return out;
    }
}
exports.DrDuration = DrDuration;
