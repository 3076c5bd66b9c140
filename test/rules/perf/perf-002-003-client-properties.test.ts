import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { AccessModel } from '../../../lib/model/access/access-model';
import { ClientProperties, ConsumerGroupProtocol } from '../../../lib/contract/client-properties';
import type { KubernetesDocument, TerraformDocument } from '../../../lib/contract/document';
import { PERF_002_PRODUCER_DEFAULTS as PERF_002 } from '../../../lib/rules/perf-002-producer-defaults';
import { PERF_003_CONSUMER_DEFAULTS as PERF_003 } from '../../../lib/rules/perf-003-consumer-defaults';
import * as published from '../../../lib/contract/vocabulary';
import { kubernetes, production, run, terraform } from '../fixtures/cap-documents';

const model = new AccessModel({ environment: production });
const orders = model.addTopic('orders', { partitions: 12 });
const checkout = model.addPrincipal('checkout', { authentication: ClientAuthentication.scramSha512() });
const billing = model.addPrincipal('billing', { authentication: ClientAuthentication.scramSha512() });
orders.grantProduce(checkout);
orders.grantConsume(billing, { group: 'billing' });

function configMap(principal: string, producer: boolean, text: string, target = 'strimzi'): KubernetesDocument {
  return kubernetes('v1', 'ConfigMap', `${principal}-client-properties`, {
    metadata: { labels: { 'kafka-iac.dev/target': target, [published.CLIENT_PROPERTIES_LABEL]: principal, [published.CLIENT_PRODUCER_LABEL]: String(producer) } },
    data: { [published.CLIENT_PROPERTIES_KEY]: text },
  });
}

function mskArtefact(principals: Record<string, { producer: boolean; properties: string }>): TerraformDocument {
  return terraform('terraform_data', 'access_ClientProperties', { input: { kind: published.CLIENT_PROPERTIES_ARTEFACT_KIND, principals } });
}

const k8s = (p: typeof checkout, protocol = ConsumerGroupProtocol.CLASSIC) =>
  ClientProperties.forKubernetes(p, { bootstrapServers: 'main-kafka-bootstrap.kafka.svc:9093', groupProtocol: protocol }).toPropertiesText();
const onMsk = (p: typeof checkout) => ClientProperties.forMsk(p).toPropertiesText();
const edit = (text: string, key: string, value: string | undefined) =>
  text.split('\n').filter((l) => !l.startsWith(`${key}=`)).concat(value === undefined ? [] : [`${key}=${value}`]).join('\n');

describe('PERF-002 producer properties (warning)', () => {
  it('passes PERF-002 on the Strimzi ConfigMap of a producer with the published defaults', () => {
    expect(run(PERF_002, [configMap('checkout', true, k8s(checkout))]).compliant).toHaveLength(1);
  });

  it('warns PERF-002 on Strimzi when compression is off, naming the setting, the default and the reason', () => {
    const { entries, lines } = run(PERF_002, [configMap('checkout', true, edit(k8s(checkout), 'compression.type', 'none'))]);
    expect(entries[0].level).toBe('warning');
    expect(lines[0]).toContain("PERF-002 [staging/Kafka/ConfigMap-checkout-client-properties] compression.type is 'none' in the client properties of 'checkout'; expected 'lz4' (PERF-002; zstd also passes): compressed batches cut network");
  });

  it('passes PERF-002 on the StatefulSet ConfigMap, and warns when linger.ms is 0', () => {
    expect(run(PERF_002, [configMap('checkout', true, k8s(checkout), 'statefulset')]).entries).toEqual([]);
    const { lines } = run(PERF_002, [configMap('checkout', true, edit(k8s(checkout), 'linger.ms', '0'), 'statefulset')]);
    expect(lines[0]).toContain("PERF-002 [staging/Kafka/ConfigMap-checkout-client-properties] linger.ms is 0 in the client properties of 'checkout'; expected 5 to 10");
  });

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

  it('warns PERF-002 when more than 5 requests are in flight', () => {
    const { entries } = run(PERF_002, [configMap('checkout', true, edit(k8s(checkout), 'max.in.flight.requests.per.connection', '10'))]);
    expect(entries[0].findings[0].expected).toContain('at most 5');
  });

  it('does not apply to a consumer', () => {
    expect(run(PERF_002, [configMap('billing', false, k8s(billing))]).compliant).toEqual([]);
  });
});

describe('PERF-003 consumer properties (warning)', () => {
  it('passes PERF-003 on the Strimzi ConfigMap of a classic consumer with the published defaults', () => {
    expect(run(PERF_003, [configMap('billing', false, k8s(billing))]).compliant).toHaveLength(1);
  });

  it('passes PERF-003 under the consumer group protocol, which leaves the timeouts out', () => {
    const text = k8s(billing, ConsumerGroupProtocol.CONSUMER);
    expect(text).not.toContain('session.timeout.ms');
    expect(run(PERF_003, [configMap('billing', false, text)]).entries).toEqual([]);
  });

  it('warns PERF-003 on Strimzi when max.poll.records is lowered', () => {
    const { lines } = run(PERF_003, [configMap('billing', false, edit(k8s(billing), 'max.poll.records', '10'))]);
    expect(lines[0]).toContain("PERF-003 [staging/Kafka/ConfigMap-billing-client-properties] max.poll.records is '10' in the client properties of 'billing'; expected at least 500 (PERF-003): fewer records per poll");
  });

  it('warns PERF-003 on the StatefulSet when a classic consumer has a short session timeout', () => {
    const { entries } = run(PERF_003, [configMap('billing', false, edit(k8s(billing), 'session.timeout.ms', '6000'), 'statefulset')]);
    expect(entries[0].findings.map((f) => f.found)).toEqual(["session.timeout.ms is '6000' with group.protocol=classic in the client properties of 'billing'"]);
  });

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
