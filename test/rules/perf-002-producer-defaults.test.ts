// PERF-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { run } from './fixtures/cap-documents';
import { PERF_002_PRODUCER_DEFAULTS as PERF_002 } from '../../lib/rules/perf-002-producer-defaults';
import { configMap, edit, k8s, checkout, billing, mskArtefact, onMsk } from './fixtures/perf-client-properties';
import { mskStack, synthJson } from '../support/msk-stack';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { model } from './fixtures/perf-client-synthesis';
import { temporaryFolder } from '../support/temporary-folders';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { formatViolation } from '../../lib/rules/engine';
import { JsonPatch, App } from 'cdk8s';
import { Environment } from '../../lib/model/environment';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';

import { PERF_002_PRODUCER_DEFAULTS } from '../../lib/rules/perf-002-producer-defaults';
import { itDescribesItself } from './fixtures/metadata';
import { findingsOf, outcomeOf } from './fixtures/outcome';
describe('every target', () => {
  describe('PERF-002 producer properties (warning)', () => {

    it('warns PERF-002 when more than 5 requests are in flight', () => {
      const { entries } = run(PERF_002, [configMap('checkout', true, edit(k8s(checkout), 'max.in.flight.requests.per.connection', '10'))]);
      expect(entries[0].findings[0].expected).toContain('at most 5');
    });

    it('does not apply to a consumer', () => {
      expect(run(PERF_002, [configMap('billing', false, k8s(billing))]).compliant).toEqual([]);
    });
  });
});

describe('MSK', () => {
  describe('PERF-002 producer properties (warning)', () => {

    it('passes PERF-002 on the MSK client-properties artefact, and warns on a small batch.size and buffer.memory', () => {
      expect(run(PERF_002, [mskArtefact({ checkout: { producer: true, properties: onMsk(checkout) } })]).compliant).toHaveLength(1);
      const text = edit(edit(onMsk(checkout), 'batch.size', '8192'), 'buffer.memory', undefined);
      const { entries } = run(PERF_002, [mskArtefact({ checkout: { producer: true, properties: text } })]);
      expect(entries[0].path).toBe('production/access_ClientProperties/Resource');
      expect(entries[0].findings.map((f) => f.found)).toEqual([
        "batch.size is 8192 in the client properties of 'checkout'",
        "buffer.memory is not set (33554432) in the client properties of 'checkout'",
      ]);
    });
  });

  describe('PERF-002/003 on the MskAccess client-properties artefact', () => {
    it('passes PERF-002 and PERF-003 on the published artefact', () => {
      const { stack, cluster, environment } = mskStack();
      new MskAccess(stack, 'Access', { model: model(environment, ClientAuthentication.iam()), cluster });
      synthJson(stack);
      const perf = stack.complianceReport.entries.filter((e) => e.ruleId === 'PERF-002' || e.ruleId === 'PERF-003');
      expect(perf.map((e) => [e.ruleId, e.status])).toEqual([['PERF-002', 'compliant'], ['PERF-003', 'compliant']]);
    });

    it('warns PERF-002 when an escape hatch rewrites a producer\'s published properties', () => {
      const { stack, cluster, environment } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: model(environment, ClientAuthentication.iam()), cluster });
      access.clientPropertiesArtefact.addOverride('input.principals.checkout.properties', 'acks=all\nenable.idempotence=true\ncompression.type=none\nlinger.ms=5\nbatch.size=65536\nbuffer.memory=67108864\n');
      synthJson(stack);
      const lines = stack.complianceReport.warnings().filter((e) => e.ruleId === 'PERF-002').map(formatViolation);
      expect(lines).toEqual([expect.stringContaining("PERF-002 [production/Access/ClientProperties] compression.type is 'none' in the client properties of 'checkout'")]);
    });
  });
});

describe('Strimzi', () => {
  describe('PERF-002 producer properties (warning)', () => {
    it('passes PERF-002 on the Strimzi ConfigMap of a producer with the published defaults', () => {
      expect(run(PERF_002, [configMap('checkout', true, k8s(checkout))]).compliant).toHaveLength(1);
    });

    it('warns PERF-002 on Strimzi when compression is off, naming the setting, the default and the reason', () => {
      const { entries, lines } = run(PERF_002, [configMap('checkout', true, edit(k8s(checkout), 'compression.type', 'none'))]);
      expect(entries[0].level).toBe('warning');
      expect(lines[0]).toContain("PERF-002 [staging/Kafka/ConfigMap-checkout-client-properties] compression.type is 'none' in the client properties of 'checkout'; expected 'lz4' (PERF-002; zstd also passes): compressed batches cut network");
    });
  });

  describe('PERF-002/003 on StrimziAccess client-properties ConfigMaps', () => {
    function strimzi() {
      const outdir = temporaryFolder('kiac-perf2-');
      const app = new App({ outdir });
      const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
      const chart = new KafkaChart(app, 'kafka', { environment });
      const access = new StrimziAccess(chart, 'Access', { model: model(environment, ClientAuthentication.scramSha512()), clusterName: 'main' });
      return { app, chart, access };
    }

    it('passes PERF-002 for the producer and PERF-003 for the consumer as published', () => {
      const { app, chart } = strimzi();
      app.synth();
      const perf = chart.complianceReport.entries.filter((e) => e.ruleId === 'PERF-002' || e.ruleId === 'PERF-003');
      expect(perf.map((e) => [e.ruleId, e.resource, e.status])).toEqual([
        ['PERF-002', 'ConfigMap/checkout-client-properties', 'compliant'],
        ['PERF-003', 'ConfigMap/billing-client-properties', 'compliant'],
      ]);
    });

    it('warns PERF-002 and PERF-003 when JSON patches rewrite the published properties', () => {
      const { app, chart, access } = strimzi();
      const text = (name: string) => String((access.clientProperties.get(name)!.toJson() as { data: Record<string, string> }).data['client.properties']);
      access.clientProperties.get('checkout')!.addJsonPatch(JsonPatch.replace('/data/client.properties', text('checkout').replace('linger.ms=5', 'linger.ms=0')));
      access.clientProperties.get('billing')!.addJsonPatch(JsonPatch.replace('/data/client.properties', text('billing').replace('fetch.min.bytes=1024', 'fetch.min.bytes=1')));
      app.synth();
      expect(chart.complianceReport.warnings().map(formatViolation)).toEqual([
        expect.stringContaining("PERF-002 [kafka/Access/Client-checkout] linger.ms is 0 in the client properties of 'checkout'; expected 5 to 10"),
        expect.stringContaining("PERF-003 [kafka/Access/Client-billing] fetch.min.bytes is '1' in the client properties of 'billing'; expected at least 1024"),
      ]);
    });
  });
});

describe('StatefulSet', () => {
  describe('PERF-002 producer properties (warning)', () => {

    it('passes PERF-002 on the StatefulSet ConfigMap, and warns when linger.ms is 0', () => {
      expect(run(PERF_002, [configMap('checkout', true, k8s(checkout), 'statefulset')]).entries).toEqual([]);
      const { lines } = run(PERF_002, [configMap('checkout', true, edit(k8s(checkout), 'linger.ms', '0'), 'statefulset')]);
      expect(lines[0]).toContain("PERF-002 [staging/Kafka/ConfigMap-checkout-client-properties] linger.ms is 0 in the client properties of 'checkout'; expected 5 to 10");
    });
  });
});

describe('PERF-002 over published properties (both sides of every range, the whole finding)', () => {
  const GOOD: Record<string, string> = { 'compression.type': 'lz4', 'linger.ms': '5', 'batch.size': '32768', 'buffer.memory': '67108864', 'max.in.flight.requests.per.connection': '5' };
  const text = (over: Record<string, string | undefined>) => Object.entries({ ...GOOD, ...over }).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
  const producer = (over: Record<string, string | undefined>) => configMap('checkout', true, text(over));
  const AT = "in the client properties of 'checkout'";
  it('passes each setting at both ends of its range, and zstd', () => {
    for (const over of [{}, { 'compression.type': 'zstd', 'linger.ms': '10', 'batch.size': '65536', 'buffer.memory': '134217728', 'max.in.flight.requests.per.connection': '1' }, { 'max.in.flight.requests.per.connection': undefined }]) {
      expect(outcomeOf(PERF_002, producer(over)), JSON.stringify(over)).toEqual({ status: 'compliant' });
    }
  });
  it('does not apply to a consumer, nor to a document that publishes no properties', () => {
    expect(outcomeOf(PERF_002, configMap('billing', false, 'group.id=billing\n'))).toEqual({ status: 'not-applicable' });
  });
  it('fails compression other than lz4 or zstd, and none set', () => {
    const expected = "'lz4' (PERF-002; zstd also passes): compressed batches cut network, disk and replication bytes";
    expect(findingsOf(PERF_002, producer({ 'compression.type': 'gzip' }))).toEqual([{ found: `compression.type is 'gzip' ${AT}`, expected, fix: 'Set compression.type=lz4.' }]);
    expect(findingsOf(PERF_002, producer({ 'compression.type': undefined }))).toEqual([{ found: `compression.type is not set (none) ${AT}`, expected, fix: 'Set compression.type=lz4.' }]);
  });
  it('fails linger.ms 4, 11 and unset (0)', () => {
    const expected = '5 to 10 (PERF-002): long enough to fill batches, short enough to keep produce latency under MON-008';
    expect(findingsOf(PERF_002, producer({ 'linger.ms': '4' }))).toEqual([{ found: `linger.ms is 4 ${AT}`, expected, fix: 'Set linger.ms=5.' }]);
    expect(findingsOf(PERF_002, producer({ 'linger.ms': '11' }))[0].found).toBe(`linger.ms is 11 ${AT}`);
    expect(findingsOf(PERF_002, producer({ 'linger.ms': undefined }))[0].found).toBe(`linger.ms is not set (0) ${AT}`);
  });
  it('fails batch.size 32767, 65537 and unset (16384)', () => {
    const expected = '32768 to 65536 (PERF-002, 32–64 KiB): smaller batches mean more requests per message, larger ones more memory per partition';
    expect(findingsOf(PERF_002, producer({ 'batch.size': '32767' }))).toEqual([{ found: `batch.size is 32767 ${AT}`, expected, fix: 'Set batch.size=65536.' }]);
    expect(findingsOf(PERF_002, producer({ 'batch.size': '65537' }))[0].found).toBe(`batch.size is 65537 ${AT}`);
    expect(findingsOf(PERF_002, producer({ 'batch.size': undefined }))[0].found).toBe(`batch.size is not set (16384) ${AT}`);
  });
  it('fails buffer.memory one byte under 64 MiB and unset (32 MiB)', () => {
    const expected = 'at least 67108864 (PERF-002, 64 MiB): the producer keeps sending through a leader election instead of blocking';
    expect(findingsOf(PERF_002, producer({ 'buffer.memory': '67108863' }))).toEqual([{ found: `buffer.memory is 67108863 ${AT}`, expected, fix: 'Set buffer.memory=67108864.' }]);
    expect(findingsOf(PERF_002, producer({ 'buffer.memory': undefined }))[0].found).toBe(`buffer.memory is not set (33554432) ${AT}`);
  });
  it('fails 6 requests in flight', () => {
    expect(findingsOf(PERF_002, producer({ 'max.in.flight.requests.per.connection': '6' }))).toEqual([{
      found: `max.in.flight.requests.per.connection is 6 ${AT}`, expected: 'at most 5 (PERF-002): above 5, idempotence can no longer keep messages in order', fix: 'Set max.in.flight.requests.per.connection=5.',
    }]);
  });
});

describe('the rule', () => {
  itDescribesItself(PERF_002_PRODUCER_DEFAULTS, 'PERF-002', ['msk', 'strimzi', 'statefulset']);
});
