// publishedClientsCheck (lib/rules/checks/published-client-checks.ts), the opening of PERF-002 and
// PERF-003, over hand-built documents: each published client of the role goes to the check with
// the words that place its findings, into one Findings per document; a document that publishes no
// client of the role is not applicable.
import { describe, expect, it } from 'vitest';
import { publishedClientsCheck } from '../../../lib/rules/checks/published-client-checks';
import { NOT_APPLICABLE } from '../../../lib/rules/rule';
import { kubernetes, terraform } from '../fixtures/cap-documents';
import { configMap, mskArtefact } from '../fixtures/perf-client-properties';
import { ruleContext } from '../fixtures/rule-context';

const PRODUCER = 'acks=all\ncompression.type=lz4';
const CONSUMER = 'group.id=billing\nfetch.min.bytes=1';

/** A check that records each client it is given and reports one finding per client whose compression.type is not lz4. */
function recording(role: 'producer' | 'consumer') {
  const seen: { properties: Readonly<Record<string, string>>; at: string }[] = [];
  const check = publishedClientsCheck(role, (properties, at, f) => {
    seen.push({ properties, at });
    f.expect(properties['compression.type'] === 'lz4', { found: `compression.type is ${properties['compression.type']} ${at}`, expected: 'lz4', fix: 'Set compression.type=lz4.' });
  });
  return { check, seen };
}

describe('publishedClientsCheck', () => {
  it("hands each producer of the MSK artefact to the check, placed by its principal, and gathers the findings of the document", () => {
    const artefact = mskArtefact({
      checkout: { producer: true, properties: PRODUCER },
      audit: { producer: true, properties: 'compression.type=none' },
      billing: { producer: false, properties: CONSUMER },
    });
    const { check, seen } = recording('producer');
    expect(check(artefact, ruleContext([artefact]))).toEqual({
      status: 'non-compliant',
      findings: [{ found: "compression.type is none in the client properties of 'audit'", expected: 'lz4', fix: 'Set compression.type=lz4.' }],
    });
    expect(seen).toEqual([
      { properties: { acks: 'all', 'compression.type': 'lz4' }, at: "in the client properties of 'checkout'" },
      { properties: { 'compression.type': 'none' }, at: "in the client properties of 'audit'" },
    ]);
  });

  it('is compliant when every client of the role passes', () => {
    const artefact = mskArtefact({ checkout: { producer: true, properties: PRODUCER } });
    expect(recording('producer').check(artefact, ruleContext([artefact]))).toEqual({ status: 'compliant' });
  });

  it('hands a consumer ConfigMap to the consumer check only', () => {
    const doc = configMap('billing', false, CONSUMER);
    const consumer = recording('consumer');
    expect(consumer.check(doc, ruleContext([doc]))).toEqual({
      status: 'non-compliant',
      findings: [{ found: "compression.type is undefined in the client properties of 'billing'", expected: 'lz4', fix: 'Set compression.type=lz4.' }],
    });
    expect(consumer.seen).toEqual([{ properties: { 'group.id': 'billing', 'fetch.min.bytes': '1' }, at: "in the client properties of 'billing'" }]);
    const producer = recording('producer');
    expect(producer.check(doc, ruleContext([doc]))).toEqual(NOT_APPLICABLE);
    expect(producer.seen).toEqual([]);
  });

  it('is not applicable to a document that publishes no client properties, or none of the role', () => {
    const { check, seen } = recording('consumer');
    const producersOnly = mskArtefact({ checkout: { producer: true, properties: PRODUCER } });
    const empty = mskArtefact({});
    const other = terraform('aws_msk_cluster', 'kafka', { cluster_name: 'production-kafka' });
    const plainConfigMap = kubernetes('v1', 'ConfigMap', 'kafka-config', { data: { 'server.properties': 'broker.id=1' } });
    for (const doc of [producersOnly, empty, other, plainConfigMap]) expect(check(doc, ruleContext([doc])), doc.path).toEqual(NOT_APPLICABLE);
    expect(seen).toEqual([]);
  });
});
