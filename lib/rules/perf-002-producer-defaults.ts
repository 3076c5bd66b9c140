import { RuleTarget } from '../contract/rule-target';
import { PRODUCER_DEFAULTS } from '../model/client-defaults';
import type { Findings, Rule } from './rule';
import { defineRule, Severity } from './define-rule';
import { publishedClientsCheck } from './checks/published-client-checks';

const KiB = 1024;
const MiB = 1024 * 1024;

/** PERF-002: the published producer properties keep the documented batching, compression and buffering. */
export const PERF_002_PRODUCER_DEFAULTS: Rule = defineRule({
  id: 'PERF-002',
  title: 'Published producer properties keep the PERF-002 defaults: lz4, linger.ms 5–10, batch.size 32–64 KiB, buffer.memory 64 MiB, at most 5 requests in flight.',
  explanation: 'The recommended client properties the library publishes for each producing principal batch and compress (compression.type lz4, linger.ms 5–10, batch.size 32–64 KiB), buffer enough to ride out a broker failover (buffer.memory 64 MiB) and keep ordering with idempotence (max.in.flight.requests.per.connection at most 5). acks=all and idempotence are HA-004 (an error), so this rule does not repeat them.',
  remediation: 'Publish the PERF-002 producer defaults (PRODUCER_DEFAULTS), or override only with a value inside the documented range.',
  severity: Severity.WARNING,
  appliesTo: [RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  targets: { any: publishedClientsCheck('producer', checkProducer) },
});

/** One producer's published properties; every target publishes the same (a terraform_data artefact on MSK, a ConfigMap on Kubernetes). */
function checkProducer(p: Readonly<Record<string, string>>, at: string, f: Findings): void {
  const compression = p['compression.type'];
  f.expect(compression === 'lz4' || compression === 'zstd', {
    found: `compression.type is ${compression === undefined ? 'not set (none)' : `'${compression}'`} ${at}`,
    expected: `'${PRODUCER_DEFAULTS['compression.type']}' (PERF-002; zstd also passes): compressed batches cut network, disk and replication bytes`,
    fix: `Set compression.type=${PRODUCER_DEFAULTS['compression.type']}.`,
  });
  const linger = Number(p['linger.ms'] ?? 0);
  f.expect(linger >= 5 && linger <= 10, {
    found: `linger.ms is ${p['linger.ms'] ?? 'not set (0)'} ${at}`,
    expected: '5 to 10 (PERF-002): long enough to fill batches, short enough to keep produce latency under MON-008',
    fix: `Set linger.ms=${PRODUCER_DEFAULTS['linger.ms']}.`,
  });
  // Stryker disable next-line ArithmeticOperator: equivalent, the client default (16 KiB) and 16 / KiB both fall below the 32 KiB minimum, and the finding shows 'not set (16384)'
  const batch = Number(p['batch.size'] ?? 16 * KiB);
  f.expect(batch >= 32 * KiB && batch <= 64 * KiB, {
    found: `batch.size is ${p['batch.size'] ?? 'not set (16384)'} ${at}`,
    expected: '32768 to 65536 (PERF-002, 32–64 KiB): smaller batches mean more requests per message, larger ones more memory per partition',
    fix: `Set batch.size=${PRODUCER_DEFAULTS['batch.size']}.`,
  });
  // Stryker disable next-line ArithmeticOperator: equivalent, the client default (32 MiB) and 32 / MiB both fall below the 64 MiB minimum, and the finding shows 'not set (33554432)'
  const buffer = Number(p['buffer.memory'] ?? 32 * MiB);
  f.expect(buffer >= 64 * MiB, {
    found: `buffer.memory is ${p['buffer.memory'] ?? 'not set (33554432)'} ${at}`,
    expected: `at least ${64 * MiB} (PERF-002, 64 MiB): the producer keeps sending through a leader election instead of blocking`,
    fix: `Set buffer.memory=${PRODUCER_DEFAULTS['buffer.memory']}.`,
  });
  const inFlight = Number(p['max.in.flight.requests.per.connection'] ?? 5);
  f.expect(inFlight <= 5, {
    found: `max.in.flight.requests.per.connection is ${p['max.in.flight.requests.per.connection']} ${at}`,
    expected: 'at most 5 (PERF-002): above 5, idempotence can no longer keep messages in order',
    fix: 'Set max.in.flight.requests.per.connection=5.',
  });
}
