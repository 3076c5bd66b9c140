"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PERF_003_CONSUMER_DEFAULTS = void 0;
const client_defaults_1 = require("../model/client-defaults");
const rule_1 = require("./rule");
const published_client_properties_1 = require("./readers/published-client-properties");
/** PERF-003: the published consumer properties keep the documented fetch sizes and, under the classic protocol, timeouts. */
exports.PERF_003_CONSUMER_DEFAULTS = {
    id: 'PERF-003',
    level: rule_1.RuleLevel.WARNING,
    title: 'Published consumer properties keep the PERF-003 defaults: fetch.min.bytes 1024, fetch.max.wait.ms 500, max.poll.records 500; session.timeout.ms 30000 and heartbeat.interval.ms 10000 only with group.protocol=classic.',
    explanation: 'The recommended client properties the library publishes for each consuming principal fetch in batches (fetch.min.bytes 1024, fetch.max.wait.ms 500, max.poll.records 500). Under group.protocol=classic the client sets session.timeout.ms 30000 and heartbeat.interval.ms 10000, so a short pause does not trigger a rebalance; under the Kafka 4 consumer protocol the broker owns both and the client refuses them.',
    remediation: 'Publish the PERF-003 consumer defaults (CONSUMER_DEFAULTS, plus CLASSIC_CONSUMER_TIMEOUTS with the classic protocol only).',
    targets: [rule_1.RuleTarget.MSK, rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET],
    check(doc) {
        return checkPublished(doc);
    },
};
const REASONS = {
    'fetch.min.bytes': 'smaller fetches mean more fetch requests for the same bytes',
    'fetch.max.wait.ms': 'a shorter wait returns near-empty fetches and loads the brokers',
    'max.poll.records': 'fewer records per poll cut consumer throughput and raise lag (MON-002)',
    'session.timeout.ms': 'a short session makes a brief pause (GC, deploy) look like a dead consumer and triggers a rebalance',
    'heartbeat.interval.ms': 'heartbeats more often than a third of the session add group-coordinator load for nothing',
};
/** Every target publishes the same properties: a terraform_data artefact on MSK, a ConfigMap on Kubernetes. */
function checkPublished(doc) {
    const consumers = (0, published_client_properties_1.publishedClientProperties)(doc).filter((p) => p.consumer);
    if (consumers.length === 0)
        return rule_1.NOT_APPLICABLE;
    const f = new rule_1.Findings();
    for (const { principal, properties: p } of consumers) {
        const at = `in the client properties of '${principal}'`;
        for (const [key, documented] of Object.entries(client_defaults_1.CONSUMER_DEFAULTS)) {
            f.expect(p[key] !== undefined && Number(p[key]) >= Number(documented), {
                found: `${key} is ${p[key] === undefined ? 'not set' : `'${p[key]}'`} ${at}`,
                expected: `at least ${documented} (PERF-003): ${REASONS[key]}`,
                fix: `Set ${key}=${documented}.`,
            });
        }
        const classic = (p['group.protocol'] ?? 'classic') === 'classic';
        for (const [key, documented] of Object.entries(client_defaults_1.CLASSIC_CONSUMER_TIMEOUTS)) {
            if (classic) {
                f.expect(p[key] !== undefined && Number(p[key]) >= Number(documented), {
                    found: `${key} is ${p[key] === undefined ? 'not set' : `'${p[key]}'`} with group.protocol=classic ${at}`,
                    expected: `at least ${documented} (PERF-003): ${REASONS[key]}`,
                    fix: `Set ${key}=${documented}.`,
                });
            }
            else {
                f.expect(p[key] === undefined, {
                    found: `${key} is '${p[key]}' with group.protocol=${p['group.protocol']} ${at}`,
                    expected: 'not set: under the consumer group protocol the broker owns it and the client refuses it at start-up',
                    fix: `Remove ${key}, or use group.protocol=classic.`,
                });
            }
        }
    }
    return f.outcome();
}
