// PERF-003: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { k8s, billing, checkout, configMap, edit, onMsk, mskArtefact } from './fixtures/perf-client-properties';
import { ConsumerGroupProtocol } from '../../lib/contract/client-properties';
import { run, kubernetes } from './fixtures/cap-documents';
import { PERF_003_CONSUMER_DEFAULTS as PERF_003 } from '../../lib/rules/perf-003-consumer-defaults';

import { PERF_003_CONSUMER_DEFAULTS } from '../../lib/rules/perf-003-consumer-defaults';
import { itDescribesItself } from './fixtures/metadata';
import { outcomeOf } from './fixtures/outcome';

// Fast document-level tests first: Stryker stops a mutant at its first failing test.
describe('PERF-003 on one hand-built document', () => {
  const classic = k8s(billing);
  const consumerProtocol = k8s(billing, ConsumerGroupProtocol.CONSUMER);
  const on = (text: string, target = 'strimzi') => outcomeOf(PERF_003, configMap('billing', false, text, target));
  const at = "in the client properties of 'billing'";

  it('is not applicable to a document without client properties, or to a producer that joins no group', () => {
    expect(outcomeOf(PERF_003, kubernetes('v1', 'ConfigMap', 'other', { data: { x: 'y' } }))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(PERF_003, configMap('checkout', true, k8s(checkout)))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(PERF_003, mskArtefact({ checkout: { producer: true, properties: onMsk(checkout) } }))).toEqual({ status: 'not-applicable' });
  });

  it('passes the published defaults exactly at each threshold, and values above them (compared as numbers)', () => {
    expect(on(classic)).toEqual({ status: 'compliant' });
    expect(on(consumerProtocol)).toEqual({ status: 'compliant' });
    let raised = edit(classic, 'fetch.min.bytes', '65536');
    raised = edit(raised, 'fetch.max.wait.ms', '1000');
    raised = edit(raised, 'max.poll.records', '1000');
    raised = edit(raised, 'session.timeout.ms', '45000');
    raised = edit(raised, 'heartbeat.interval.ms', '15000');
    expect(on(raised)).toEqual({ status: 'compliant' });
  });

  it('warns when each fetch default is one below its threshold, with the full message', () => {
    expect(on(edit(classic, 'fetch.min.bytes', '1023'))).toEqual({ status: 'non-compliant', findings: [{
      found: `fetch.min.bytes is '1023' ${at}`,
      expected: 'at least 1024 (PERF-003): smaller fetches mean more fetch requests for the same bytes',
      fix: 'Set fetch.min.bytes=1024.',
    }] });
    expect(on(edit(consumerProtocol, 'fetch.max.wait.ms', '499'))).toEqual({ status: 'non-compliant', findings: [{
      found: `fetch.max.wait.ms is '499' ${at}`,
      expected: 'at least 500 (PERF-003): a shorter wait returns near-empty fetches and loads the brokers',
      fix: 'Set fetch.max.wait.ms=500.',
    }] });
    expect(on(edit(classic, 'max.poll.records', '499'), 'statefulset')).toEqual({ status: 'non-compliant', findings: [{
      found: `max.poll.records is '499' ${at}`,
      expected: 'at least 500 (PERF-003): fewer records per poll cut consumer throughput and raise lag (MON-002)',
      fix: 'Set max.poll.records=500.',
    }] });
  });

  it('warns when a fetch default is missing or not a number', () => {
    expect(on(edit(classic, 'fetch.max.wait.ms', undefined))).toEqual({ status: 'non-compliant', findings: [{
      found: `fetch.max.wait.ms is not set ${at}`,
      expected: 'at least 500 (PERF-003): a shorter wait returns near-empty fetches and loads the brokers',
      fix: 'Set fetch.max.wait.ms=500.',
    }] });
    expect(on(edit(classic, 'fetch.min.bytes', 'lots'))).toMatchObject({ status: 'non-compliant', findings: [{ found: `fetch.min.bytes is 'lots' ${at}` }] });
  });

  it('warns when a classic timeout is one below its threshold or missing, with the full message', () => {
    expect(on(edit(classic, 'session.timeout.ms', '29999'))).toEqual({ status: 'non-compliant', findings: [{
      found: `session.timeout.ms is '29999' with group.protocol=classic ${at}`,
      expected: 'at least 30000 (PERF-003): a short session makes a brief pause (GC, deploy) look like a dead consumer and triggers a rebalance',
      fix: 'Set session.timeout.ms=30000.',
    }] });
    expect(on(edit(classic, 'heartbeat.interval.ms', '9999'))).toEqual({ status: 'non-compliant', findings: [{
      found: `heartbeat.interval.ms is '9999' with group.protocol=classic ${at}`,
      expected: 'at least 10000 (PERF-003): heartbeats more often than a third of the session add group-coordinator load for nothing',
      fix: 'Set heartbeat.interval.ms=10000.',
    }] });
    expect(on(edit(classic, 'heartbeat.interval.ms', undefined))).toEqual({ status: 'non-compliant', findings: [{
      found: `heartbeat.interval.ms is not set with group.protocol=classic ${at}`,
      expected: 'at least 10000 (PERF-003): heartbeats more often than a third of the session add group-coordinator load for nothing',
      fix: 'Set heartbeat.interval.ms=10000.',
    }] });
  });

  it('reads a consumer without group.protocol as classic: the timeouts are required, and accepted', () => {
    const unset = edit(classic, 'group.protocol', undefined);
    expect(unset).toContain('group.id=billing');
    expect(on(unset)).toEqual({ status: 'compliant' });
    expect(on(edit(unset, 'session.timeout.ms', undefined))).toEqual({ status: 'non-compliant', findings: [{
      found: `session.timeout.ms is not set with group.protocol=classic ${at}`,
      expected: 'at least 30000 (PERF-003): a short session makes a brief pause (GC, deploy) look like a dead consumer and triggers a rebalance',
      fix: 'Set session.timeout.ms=30000.',
    }] });
  });

  it('warns for each timeout set under the consumer protocol, with the full message, and only for those set', () => {
    const finding = (key: string, value: string) => ({
      found: `${key} is '${value}' with group.protocol=consumer ${at}`,
      expected: 'not set: under the consumer group protocol the broker owns it and the client refuses it at start-up',
      fix: `Remove ${key}, or use group.protocol=classic.`,
    });
    expect(on(edit(consumerProtocol, 'heartbeat.interval.ms', '10000'))).toEqual({ status: 'non-compliant', findings: [finding('heartbeat.interval.ms', '10000')] });
    expect(on(edit(edit(consumerProtocol, 'session.timeout.ms', '45000'), 'heartbeat.interval.ms', '3000'))).toEqual({ status: 'non-compliant', findings: [
      finding('session.timeout.ms', '45000'), finding('heartbeat.interval.ms', '3000'),
    ] });
  });

  it('checks every consuming principal of one MSK artefact under its own name, and skips its producers', () => {
    const doc = mskArtefact({
      checkout: { producer: true, properties: onMsk(checkout) },
      billing: { producer: false, properties: edit(onMsk(billing), 'max.poll.records', '100') },
      audit: { producer: false, properties: edit(onMsk(billing), 'fetch.min.bytes', '1') },
    });
    expect(outcomeOf(PERF_003, doc)).toMatchObject({ status: 'non-compliant', findings: [
      { found: `max.poll.records is '100' ${at}` },
      { found: "fetch.min.bytes is '1' in the client properties of 'audit'" },
    ] });
  });
});

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
