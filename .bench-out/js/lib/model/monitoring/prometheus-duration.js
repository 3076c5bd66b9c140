"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrometheusDuration = void 0;
const errors_1 = require("../errors");
const UNITS = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];
/**
 * A duration as Prometheus writes it (`5m`, `1h`, `30d`): the `for` of an alert, the window of
 * a burn-rate alert, the period of an SLO. Whole seconds only.
 */
class PrometheusDuration {
    totalSeconds;
    static seconds(n) { return new PrometheusDuration(n); }
    static minutes(n) { return new PrometheusDuration(n * 60); }
    static hours(n) { return new PrometheusDuration(n * 3_600); }
    static days(n) { return new PrometheusDuration(n * 86_400); }
    /** Parses `90s`, `5m`, `1h30m`, `30d`. */
    static parse(text) {
        const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
        if (!m || text === '') {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-DURATION', path: 'PrometheusDuration', prop: 'duration', found: text,
                expected: 'a Prometheus duration such as 30s, 5m, 1h or 30d', fix: "Write the duration as '<number><unit>' with unit s, m, h or d.",
            });
        }
        const [d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
        return new PrometheusDuration(d * 86_400 + h * 3_600 + mi * 60 + s);
    }
    constructor(totalSeconds) {
        this.totalSeconds = totalSeconds;
        if (!Number.isInteger(totalSeconds) || totalSeconds < 0) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'KIAC-DURATION', path: 'PrometheusDuration', prop: 'seconds', found: totalSeconds,
                expected: 'a whole, non-negative number of seconds', fix: 'Use whole seconds, minutes, hours or days.',
            });
        }
    }
    /** The Prometheus form, largest units first: `1h30m`, `30d`, `0s`. */
    toString() {
        if (this.totalSeconds === 0)
            return '0s';
        let rest = this.totalSeconds;
        let out = '';
        for (const [unit, size] of UNITS) {
            const n = Math.floor(rest / size);
            if (n > 0) {
                out += `${n}${unit}`;
                rest -= n * size;
            }
        }
        return out;
    }
    /** A suffix for recording rule names: `5m`, `1h`, `30d`. */
    get suffix() {
        return this.toString();
    }
    get isZero() {
        return this.totalSeconds === 0;
    }
}
exports.PrometheusDuration = PrometheusDuration;
