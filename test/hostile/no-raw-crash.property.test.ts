import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAclLines, parseTopicLines } from '../../lib/contract/admin-command-lines';
import { readProperties } from '../../lib/contract/writers/properties';
import { AccessModel } from '../../lib/model/access/access-model';
import { renderBrokerProperties } from '../../lib/model/broker-config';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { KafkaIacError } from '../../lib/model/errors';
import { INJECTION_PAYLOADS } from './payloads';
import { scram } from '../support/access-fixtures';

/**
 * Random and hostile input for public entry points (issue #13): every case ends in success or
 * in the library's own error, never a TypeError, RangeError or hang. Bounded: a few hundred runs
 * per property, a fixed seed so a failure reproduces.
 */
const hostileString = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...INJECTION_PAYLOADS));
const anything = fc.oneof(
  hostileString, fc.integer(), fc.double(), fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, 1e9, 999_999_999, -1, 0, true, {}, []),
);
const RUNS = { numRuns: 300, seed: 1313 };

function endsWell(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(e, String((e as Error)?.stack ?? e)).toBeInstanceOf(KafkaIacError);
  }
}

describe('no raw crash on random and hostile input (fast-check)', () => {
  it('Environment', () => {
    fc.assert(fc.property(anything, anything, anything, (name, region, namespace) => {
      endsWell(() => new Environment({ name, region, namespace, profile: EnvironmentProfile.PRODUCTION } as any));
    }), RUNS);
  });

  it('AccessModel topics, principals and grants', () => {
    const environment = Environment.production({ name: 'production', region: 'us-east-1' });
    fc.assert(fc.property(anything, anything, anything, anything, (topic, partitions, principal, tx) => {
      endsWell(() => {
        const access = new AccessModel({ environment });
        const t = access.addTopic(topic as any, { partitions: partitions as any });
        const p = access.addPrincipal(principal as any, { authentication: scram() });
        t.grantProduce(p, { transactionalId: tx as any });
      });
    }), RUNS);
  });

  it('broker properties with extra settings', () => {
    fc.assert(fc.property(anything, anything, fc.dictionary(hostileString, anything, { maxKeys: 3 }), (rf, brokers, extra) => {
      endsWell(() => renderBrokerProperties('p', brokers as any, { replicationFactor: rf as any, extra: extra as any }));
    }), RUNS);
  });

  it('ClientNetwork.cidr', () => {
    fc.assert(fc.property(anything, (cidr) => endsWell(() => ClientNetwork.cidr(cidr as any))), RUNS);
  });

  it('artefact and properties readers never throw on any text', () => {
    fc.assert(fc.property(hostileString, (text) => {
      parseAclLines(text);
      parseTopicLines(text);
      readProperties(text);
    }), RUNS);
  });
});
