// PERF-003: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { k8s, billing, configMap, edit, onMsk, mskArtefact } from './fixtures/perf-client-properties';
import { ConsumerGroupProtocol } from '../../lib/contract/client-properties';
import { run } from './fixtures/cap-documents';
import { PERF_003_CONSUMER_DEFAULTS as PERF_003 } from '../../lib/rules/perf-003-consumer-defaults';

import { PERF_003_CONSUMER_DEFAULTS } from '../../lib/rules/perf-003-consumer-defaults';
import { itDescribesItself } from './fixtures/metadata';
describe('every target', () => {
  describe('PERF-003 consumer properties (warning)', () => {

    it('passes PERF-003 under the consumer group protocol, which leaves the timeouts out', () => {
      const text = k8s(billing, ConsumerGroupProtocol.CONSUMER);
      expect(text).not.toContain('session.timeout.ms');
      expect(run(PERF_003, [configMap('billing', false, text)]).entries).toEqual([]);
    });
  });
});

describe('MSK', () => {
  describe('PERF-003 consumer properties (warning)', () => {

    it('warns PERF-003 on MSK when the consumer protocol is combined with client-side timeouts', () => {
      const text = edit(onMsk(billing), 'group.protocol', 'consumer');
      const { entries } = run(PERF_003, [mskArtefact({ billing: { producer: false, properties: text } })]);
      expect(entries[0].path).toBe('production/access_ClientProperties/Resource');
      expect(entries[0].findings.map((f) => f.found)).toEqual([
        "session.timeout.ms is '30000' with group.protocol=consumer in the client properties of 'billing'",
        "heartbeat.interval.ms is '10000' with group.protocol=consumer in the client properties of 'billing'",
      ]);
    });

    it('passes PERF-003 on the MSK artefact with the published defaults', () => {
      expect(run(PERF_003, [mskArtefact({ billing: { producer: false, properties: onMsk(billing) } })]).compliant).toHaveLength(1);
    });
  });
});

describe('Strimzi', () => {
  describe('PERF-003 consumer properties (warning)', () => {
    it('passes PERF-003 on the Strimzi ConfigMap of a classic consumer with the published defaults', () => {
      expect(run(PERF_003, [configMap('billing', false, k8s(billing))]).compliant).toHaveLength(1);
    });

    it('warns PERF-003 on Strimzi when max.poll.records is lowered', () => {
      const { lines } = run(PERF_003, [configMap('billing', false, edit(k8s(billing), 'max.poll.records', '10'))]);
      expect(lines[0]).toContain("PERF-003 [staging/Kafka/ConfigMap-billing-client-properties] max.poll.records is '10' in the client properties of 'billing'; expected at least 500 (PERF-003): fewer records per poll");
    });
  });
});

describe('StatefulSet', () => {
  describe('PERF-003 consumer properties (warning)', () => {

    it('warns PERF-003 on the StatefulSet when a classic consumer has a short session timeout', () => {
      const { entries } = run(PERF_003, [configMap('billing', false, edit(k8s(billing), 'session.timeout.ms', '6000'), 'statefulset')]);
      expect(entries[0].findings.map((f) => f.found)).toEqual(["session.timeout.ms is '6000' with group.protocol=classic in the client properties of 'billing'"]);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(PERF_003_CONSUMER_DEFAULTS, 'PERF-003', ['msk', 'strimzi', 'statefulset']);
});
