import { RuleTarget } from '../contract/rule-target';
import { CLASSIC_CONSUMER_TIMEOUTS, CONSUMER_DEFAULTS } from '../model/client-defaults';
import type { Findings, Rule } from './rule';
import { defineRule, Severity } from './define-rule';
import { publishedClientsCheck } from './checks/published-client-checks';

/** PERF-003: the published consumer properties keep the documented fetch sizes and, under the classic protocol, timeouts. */
export const PERF_003_CONSUMER_DEFAULTS: Rule = defineRule({
  id: 'PERF-003',
  title: 'Published consumer properties keep the PERF-003 defaults: fetch.min.bytes 1024, fetch.max.wait.ms 500, max.poll.records 500; session.timeout.ms 30000 and heartbeat.interval.ms 10000 only with group.protocol=classic.',
  explanation: 'The recommended client properties the library publishes for each consuming principal fetch in batches (fetch.min.bytes 1024, fetch.max.wait.ms 500, max.poll.records 500). Under group.protocol=classic the client sets session.timeout.ms 30000 and heartbeat.interval.ms 10000, so a short pause does not trigger a rebalance; under the Kafka 4 consumer protocol the broker owns both and the client refuses them.',
  remediation: 'Publish the PERF-003 consumer defaults (CONSUMER_DEFAULTS, plus CLASSIC_CONSUMER_TIMEOUTS with the classic protocol only).',
  severity: Severity.WARNING,
  appliesTo: [RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  targets: { any: publishedClientsCheck('consumer', checkConsumer) },
});

const REASONS: Readonly<Record<string, string>> = {
  'fetch.min.bytes': 'smaller fetches mean more fetch requests for the same bytes',
  'fetch.max.wait.ms': 'a shorter wait returns near-empty fetches and loads the brokers',
  'max.poll.records': 'fewer records per poll cut consumer throughput and raise lag (MON-002)',
  'session.timeout.ms': 'a short session makes a brief pause (GC, deploy) look like a dead consumer and triggers a rebalance',
  'heartbeat.interval.ms': 'heartbeats more often than a third of the session add group-coordinator load for nothing',
};

/** One consumer's published properties; every target publishes the same (a terraform_data artefact on MSK, a ConfigMap on Kubernetes). */
function checkConsumer(p: Readonly<Record<string, string>>, at: string, f: Findings): void {
  /** `key` is at least its documented value; `context` says under which protocol it is asked for. */
  const expectAtLeast = (key: string, documented: string, context: string) => f.expect(atLeast(p[key], documented), {
    found: `${key} is ${p[key] === undefined ? 'not set' : `'${p[key]}'`}${context} ${at}`,
    expected: `at least ${documented} (PERF-003): ${REASONS[key]}`,
    fix: `Set ${key}=${documented}.`,
  });
  for (const [key, documented] of Object.entries(CONSUMER_DEFAULTS)) expectAtLeast(key, documented, '');
  const classic = (p['group.protocol'] ?? 'classic') === 'classic';
  for (const [key, documented] of Object.entries(CLASSIC_CONSUMER_TIMEOUTS)) {
    if (classic) {
      expectAtLeast(key, documented, ' with group.protocol=classic');
    } else {
      f.expect(p[key] === undefined, {
        found: `${key} is '${p[key]}' with group.protocol=${p['group.protocol']} ${at}`,
        expected: 'not set: under the consumer group protocol the broker owns it and the client refuses it at start-up',
        fix: `Remove ${key}, or use group.protocol=classic.`,
      });
    }
  }
}

/** True when `value` is set and, read as a number, at least `documented`. */
function atLeast(value: string | undefined, documented: string): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent: without the undefined check Number(undefined) is NaN, and NaN >= n is false
  return value !== undefined && Number(value) >= Number(documented);
}
