// PERF-002/003 on the client properties StrimziAccess and MskAccess really publish, through synthesis.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, JsonPatch } from 'cdk8s';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { Environment } from '../../../lib/model/environment';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { formatViolation } from '../../../lib/rules/engine';
import { AccessModel } from '../../../lib/model/access/access-model';
import { MskAccess } from '../../../lib/targets/msk/msk-access';
import { StrimziAccess } from '../../../lib/targets/strimzi/strimzi-access';
import { mskStack, synthJson } from '../../support/msk-stack';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

function model(environment: Environment, auth: ClientAuthentication) {
  const m = new AccessModel({ environment });
  const orders = m.addTopic('orders', { partitions: 12 });
  orders.grantProduce(m.addPrincipal('checkout', { authentication: auth }));
  orders.grantConsume(m.addPrincipal('billing', { authentication: auth }), { group: 'billing' });
  return m;
}

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
