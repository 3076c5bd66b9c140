// The number-limit checks (lib/model/grammar/numbers.ts): integers and numbers in [min, max], the
// library's error with the limit's owner and the fix, unresolved cdktf number tokens passed through.
import { Fn, Token } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { KafkaIacError } from '../../../lib/model/errors';
import { checkInteger, checkNumber, checkOptionalInteger, checkOptionalNumber } from '../../../lib/model/grammar/numbers';
import { KUBERNETES_MAX_NODES, MAX_BROKERS, MSK_MAX_BROKERS_PER_CLUSTER } from '../../../lib/model/grammar/limits';

const site = { code: 'HA-001', path: 'prod/Kafka', prop: 'brokers' };
const limit = { min: 3, max: 60 };
const token = Token.asNumber(Fn.parseint('3', 10)); // how cdktf encodes an unresolved number

describe('checkInteger', () => {
  it('accepts integers from min to max, the bounds included', () => {
    for (const n of [3, 4, 59, 60]) expect(checkInteger(n, site, limit)).toBe(n);
    expect(checkInteger(-0, site, { min: 0, max: 0 })).toBe(-0);
  });

  it('refuses integers outside, fractions, NaN, infinities and what is not a number', () => {
    for (const v of [2, 61, -3, 3.5, 59.999, NaN, Infinity, -Infinity, '3', null, undefined, true, [3], '${TfToken[TOKEN.1]}']) {
      expect(() => checkInteger(v, site, limit), String(v)).toThrow(KafkaIacError);
    }
  });

  it('passes an unresolved number token through, and no other number outside the range', () => {
    expect(checkInteger(token, site, limit)).toBe(token);
  });

  it('names the range, whose limit it is, and the default fix', () => {
    expect(() => checkInteger(61, site, { ...limit, limitOf: 'MSK' })).toThrow(
      'HA-001 [prod/Kafka] brokers is 61; expected an integer from 3 to 60 (the MSK limit). Set brokers to an integer from 3 to 60.');
    expect(() => checkInteger(2.5, site, { ...limit, fix: 'Use 3 brokers.' })).toThrow(
      'HA-001 [prod/Kafka] brokers is 2.5; expected an integer from 3 to 60. Use 3 brokers.');
  });
});

describe('checkNumber', () => {
  it('accepts fractions from min to max, the bounds included', () => {
    for (const n of [3, 3.5, 59.999, 60]) expect(checkNumber(n, site, limit)).toBe(n);
  });

  it('refuses numbers outside, NaN, infinities and what is not a number', () => {
    for (const v of [2.999, 60.001, NaN, Infinity, -Infinity, '3.5', null, undefined, '${TfToken[TOKEN.1]}']) {
      expect(() => checkNumber(v, site, limit), String(v)).toThrow(KafkaIacError);
    }
    // Infinity within an unbounded range is still not a number to configure.
    expect(() => checkNumber(Infinity, site, { min: -Infinity, max: Infinity })).toThrow(KafkaIacError);
  });

  it('passes an unresolved number token through', () => {
    expect(checkNumber(token, site, limit)).toBe(token);
  });

  it('says that a fraction is allowed', () => {
    expect(() => checkNumber(61, site, limit)).toThrow(
      'HA-001 [prod/Kafka] brokers is 61; expected a number from 3 to 60. Set brokers to a number from 3 to 60.');
  });
});

describe('checkOptionalInteger and checkOptionalNumber', () => {
  it('leave undefined undefined and check anything else', () => {
    expect(checkOptionalInteger(undefined, site, limit)).toBeUndefined();
    expect(checkOptionalNumber(undefined, site, limit)).toBeUndefined();
    expect(checkOptionalInteger(3, site, limit)).toBe(3);
    expect(checkOptionalNumber(3.5, site, limit)).toBe(3.5);
    expect(() => checkOptionalInteger(3.5, site, limit)).toThrow('expected an integer from 3 to 60');
    expect(() => checkOptionalNumber(61, site, limit)).toThrow('expected a number from 3 to 60');
    expect(() => checkOptionalInteger(null, site, limit)).toThrow(KafkaIacError);
    expect(() => checkOptionalNumber(null, site, limit)).toThrow(KafkaIacError);
  });
});

describe('the broker limit of target-neutral code', () => {
  // MSK: 60 brokers per KRaft cluster (AWS MSK developer guide, "Amazon MSK Standard broker quota");
  // Kubernetes: 5,000 nodes per cluster (kubernetes.io, "Considerations for large clusters").
  it('is the larger of the MSK quota and the Kubernetes node limit, so that a StatefulSet may run more brokers than MSK', () => {
    expect(MSK_MAX_BROKERS_PER_CLUSTER).toBe(60);
    expect(KUBERNETES_MAX_NODES).toBe(5_000);
    expect(MAX_BROKERS).toBe(5_000);
  });
});
