// PERF-002: every test that proves this rule, one describe per target it applies to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { it, expect, describe } from 'vitest';
import { run } from './fixtures/cap-documents';
import { PERF_002_PRODUCER_DEFAULTS as PERF_002 } from '../../lib/rules/perf-002-producer-defaults';
import { configMap, edit, k8s, checkout, billing, mskArtefact, onMsk } from './fixtures/perf-client-properties';
import { mskStack, synthJson } from '../support/msk-stack';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { model, dirs } from './fixtures/perf-client-synthesis';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { formatViolation } from '../../lib/rules/engine';
import { JsonPatch, App } from 'cdk8s';
import { Environment } from '../../lib/model/environment';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';

import { PERF_002_PRODUCER_DEFAULTS } from '../../lib/rules/perf-002-producer-defaults';
import { itDescribesItself } from './fixtures/metadata';
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
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-perf2-'));
      dirs.push(outdir);
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

describe('the rule', () => {
  itDescribesItself(PERF_002_PRODUCER_DEFAULTS, 'PERF-002', ['msk', 'strimzi', 'statefulset']);
});
