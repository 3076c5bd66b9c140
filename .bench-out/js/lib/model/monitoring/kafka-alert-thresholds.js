"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_THRESHOLDS = void 0;
exports.resolveThresholds = resolveThresholds;
const errors_1 = require("../errors");
const prometheus_duration_1 = require("./prometheus-duration");
/** The RULES.md defaults. */
exports.DEFAULT_THRESHOLDS = Object.freeze({
    nodeDownFor: prometheus_duration_1.PrometheusDuration.minutes(1),
    consumerLagWarning: 10_000,
    consumerLagCritical: 100_000,
    consumerLagFor: prometheus_duration_1.PrometheusDuration.minutes(5),
    diskUsageWarningPercent: 70,
    diskUsageCriticalPercent: 85,
    diskUsageFor: prometheus_duration_1.PrometheusDuration.minutes(5),
    underReplicatedFor: prometheus_duration_1.PrometheusDuration.minutes(5),
    networkUtilisationWarning: 0.8,
    brokerNetworkBytesPerSecond: 125_000_000,
    networkFor: prometheus_duration_1.PrometheusDuration.minutes(15),
    requestLatencyP99Ms: 100,
    requestLatencyFor: prometheus_duration_1.PrometheusDuration.minutes(10),
    controllerFor: prometheus_duration_1.PrometheusDuration.minutes(1),
    certificateExpiryDays: 30,
    underMinIsrFor: prometheus_duration_1.PrometheusDuration.minutes(1),
});
/** Fills in the defaults and refuses thresholds with the wrong sign or outside their range. */
function resolveThresholds(path, t = {}) {
    const r = { ...exports.DEFAULT_THRESHOLDS, ...stripUndefined(t) };
    positive(path, 'MON-002', 'consumerLagWarning', r.consumerLagWarning, 'a lag of at least 1 message', 'Set consumerLagWarning to a positive number of messages, such as 10000.');
    positive(path, 'MON-003', 'consumerLagCritical', r.consumerLagCritical, 'a lag of at least 1 message', 'Set consumerLagCritical to a positive number of messages, such as 100000.');
    if (r.consumerLagCritical <= r.consumerLagWarning) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'MON-003', path, prop: 'consumerLagCritical', found: r.consumerLagCritical,
            expected: `more than consumerLagWarning (${r.consumerLagWarning})`, fix: 'Make the critical lag larger than the warning lag.',
        });
    }
    percent(path, 'MON-004', 'diskUsageWarningPercent', r.diskUsageWarningPercent);
    percent(path, 'MON-005', 'diskUsageCriticalPercent', r.diskUsageCriticalPercent);
    if (r.diskUsageCriticalPercent <= r.diskUsageWarningPercent) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'MON-005', path, prop: 'diskUsageCriticalPercent', found: r.diskUsageCriticalPercent,
            expected: `more than diskUsageWarningPercent (${r.diskUsageWarningPercent})`, fix: 'Make the critical disk usage larger than the warning usage.',
        });
    }
    if (!(r.networkUtilisationWarning > 0 && r.networkUtilisationWarning < 1)) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'MON-007', path, prop: 'networkUtilisationWarning', found: r.networkUtilisationWarning,
            expected: 'a fraction of capacity between 0 and 1 (exclusive)', fix: 'Set networkUtilisationWarning to 0.8 (80%).',
        });
    }
    positive(path, 'MON-007', 'brokerNetworkBytesPerSecond', r.brokerNetworkBytesPerSecond, 'a positive number of bytes per second', 'Set brokerNetworkBytesPerSecond to the broker instance\'s baseline bandwidth in bytes per second.');
    positive(path, 'MON-008', 'requestLatencyP99Ms', r.requestLatencyP99Ms, 'a positive number of milliseconds', 'Set requestLatencyP99Ms to 100.');
    positive(path, 'MON-011', 'certificateExpiryDays', r.certificateExpiryDays, 'a positive number of days', 'Set certificateExpiryDays to 30.');
    return r;
}
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
function positive(path, code, prop, v, expected, fix) {
    if (!(Number.isFinite(v) && v > 0))
        throw errors_1.KafkaIacError.invalidProp({ code, path, prop, found: v, expected, fix });
}
function percent(path, code, prop, v) {
    if (!(Number.isFinite(v) && v > 0 && v < 100)) {
        throw errors_1.KafkaIacError.invalidProp({ code, path, prop, found: v, expected: 'a percentage above 0 and below 100', fix: `Set ${prop} to a percentage such as ${code === 'MON-004' ? 70 : 85}.` });
    }
}
