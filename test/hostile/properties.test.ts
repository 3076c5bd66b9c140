import fc from 'fast-check';
import { JsonPatch } from 'cdk8s';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProperties, writeProperties } from '../../lib/contract/writers/properties';
import { KafkaIacError } from '../../lib/model/errors';
import { renderBrokerProperties } from '../../lib/model/broker-config';
import { ClientProperties } from '../../lib/contract/client-properties';
import { AccessModel } from '../../lib/model/access/access-model';
import { BROKER_CONFIG_PATH, expectViolation, statefulSetChart } from '../support/statefulset-fixture';
import { productionEnv, scram } from '../support/access-fixtures';
import { javaLoad, sorted } from './support/java-properties';
import { INJECTION_PAYLOADS } from './payloads';

// Latin-1 text with the characters that matter to Properties.load over-represented.
const propertiesChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'k', '.', '=', ':', ' ', '\t', '\f', '\\', '\n', '\r', '#', '!', 'u', '0', '2', 'e', 'n') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)) },
);
const propertiesText = fc.array(propertiesChar, { maxLength: 80 }).map((cs) => cs.join(''));

/** Hand-written edge cases of Properties.load. */
const EDGE_CASES = [
  'allow\\u002eeveryone.if.no.acl.found=true\n',
  'a=1\\\nb=2\n',
  'a=1\\\\\nb=2\n',
  'a=first\na=second\n',
  '  # comment \\\nkey value\n',
  'key\\ with\\ spaces = v\n',
  'k:v\n!bang\nk2   v2\n',
  'k=\\u0041\\t\\n\\x\n',
  'cont=one\\\n   two\\\n\n',
  'x=1\r\ny=2\rz=3',
  'lonely\\',
];
/** Random text (fast-check, fixed seed). */
const RANDOM_TEXTS = fc.sample(propertiesText, { numRuns: 400, seed: 13 });
/** Hostile keys and values (fast-check, fixed seed), then every payload. */
const WRITER_ENTRIES = fc.sample(fc.array(fc.tuple(fc.string({ maxLength: 12, unit: 'binary' }), fc.string({ maxLength: 20, unit: 'binary' })), { maxLength: 6 }), { numRuns: 200, seed: 7 });
WRITER_ENTRIES.push(INJECTION_PAYLOADS.map((p) => [p, `${p}\\`] as [string, string]).concat([['', ' lead'], ['k', 'v\nssl.endpoint.identification.algorithm=']]));
const WRITER_TEXTS = WRITER_ENTRIES.map((e) => writeProperties(e, ['comment\nnot.a.comment=1']));
/** Broker properties with an extra value ending in a backslash. */
const BACKSLASH_PROPS = renderBrokerProperties('p', 3, { extra: { 'a.value': 'x\\' } });
const BACKSLASH_TEXT = writeProperties(Object.entries(BACKSLASH_PROPS));

/**
 * Java's reading of every text of this file, from one JVM (its start-up costs more than all the
 * reading): the texts are fixed above (fixed seeds), so each test reads its own slice.
 */
const JAVA: Record<'edge' | 'random' | 'writer' | 'backslash', ReturnType<typeof javaLoad>> = { edge: [], random: [], writer: [], backslash: [] };
beforeAll(() => {
  const all = javaLoad([...EDGE_CASES, ...RANDOM_TEXTS, ...WRITER_TEXTS, BACKSLASH_TEXT]);
  let at = 0;
  const take = (n: number) => all.slice(at, (at += n));
  JAVA.edge = take(EDGE_CASES.length);
  JAVA.random = take(RANDOM_TEXTS.length);
  JAVA.writer = take(WRITER_TEXTS.length);
  JAVA.backslash = take(1);
  expect(at).toBe(all.length);
});

describe('properties are read as java.util.Properties reads them (issue #13)', () => {
  it('readProperties agrees with Properties.load on hand-written edge cases', () => {
    expect(JAVA.edge).toHaveLength(EDGE_CASES.length);
    EDGE_CASES.forEach((text, i) => expect(sorted(readProperties(text)), JSON.stringify(text)).toEqual(JAVA.edge[i]));
  });

  it('readProperties agrees with Properties.load on random text (fast-check)', () => {
    expect(JAVA.random).toHaveLength(RANDOM_TEXTS.length);
    RANDOM_TEXTS.forEach((text, i) => {
      if (JAVA.random[i] === 'ERROR') return; // a malformed \\u: Kafka refuses to start, nothing is read
      expect(sorted(readProperties(text)), JSON.stringify(text)).toEqual(JAVA.random[i]);
    });
  });

  it('writeProperties round-trips through Properties.load for hostile keys and values', () => {
    expect(JAVA.writer).toHaveLength(WRITER_ENTRIES.length);
    WRITER_ENTRIES.forEach((e, i) => {
      const expected: Record<string, string> = {};
      for (const [k, v] of e) {
        delete expected[k];
        expected[k] = v;
      }
      // Properties.load reads ISO-8859-1 bytes; the writer escapes everything else as \\uXXXX.
      expect(JAVA.writer[i]).toEqual(sorted(expected));
      expect(sorted(readProperties(WRITER_TEXTS[i]))).toEqual(sorted(expected));
    });
  });
});

describe('broker extra and client properties cannot smuggle settings (issue #13)', () => {
  it("refuses the extra key 'allow\\u002eeveryone.if.no.acl.found' (Java reads \\u002e as '.')", () => {
    expect(() => renderBrokerProperties('production/Kafka', 3, { extra: { 'allow\\u002eeveryone.if.no.acl.found': 'true' } }))
      .toThrow(/^KIAC-PROP \[production\/Kafka\] extra key is 'allow\\u002eeveryone.if.no.acl.found'; expected a Kafka configuration name/);
  });

  it.each(['a b', 'a=b', 'a:b', '', 'x\ny', '#x', 'a..b'])("refuses the extra key '%s'", (key) => {
    expect(() => renderBrokerProperties('p', 3, { extra: { [key]: 'v' } })).toThrow(KafkaIacError);
  });

  it('keeps a value ending in \\ on its own line: the next property survives', () => {
    expect(readProperties(BACKSLASH_TEXT)['a.value']).toBe('x\\');
    expect(readProperties(BACKSLASH_TEXT)['auto.create.topics.enable']).toBe('false');
    expect(JAVA.backslash[0]).toEqual(sorted(BACKSLASH_PROPS));
  });

  it('fails SEC-004 when an escape hatch writes allow\\u002eeveryone.if.no.acl.found=true into server.properties', () => {
    const { chart, cluster } = statefulSetChart();
    const text = `${writeProperties(Object.entries(cluster.brokers.properties))}allow\\u002eeveryone.if.no.acl.found=true\n`;
    cluster.brokers.configMap.addJsonPatch(JsonPatch.replace('/data/server.properties', text));
    expectViolation(chart, 'SEC-004', BROKER_CONFIG_PATH, /allow.everyone.if.no.acl.found/);
  });

  it('refuses bootstrapServers holding a newline (it would add ssl.endpoint.identification.algorithm=)', () => {
    const environment = productionEnv();
    const access = new AccessModel({ environment });
    const p = access.addPrincipal('checkout', { authentication: scram() });
    expect(() => ClientProperties.forKubernetes(p, { bootstrapServers: 'b:9093\nssl.endpoint.identification.algorithm=' }))
      .toThrow(/^KIAC-PROP \[principals\/checkout\] bootstrapServers is .*expected comma-separated host:port pairs/s);
    expect(ClientProperties.forKubernetes(p, { bootstrapServers: 'b-1.kafka.svc:9093,[::1]:9093' }).properties['bootstrap.servers']).toBe('b-1.kafka.svc:9093,[::1]:9093');
  });
});
