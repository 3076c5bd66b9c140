// The named factories of KafkaIacError: each writes the one message shape
// `<code> [<path>] <prop> is <found>; expected <expected>. <fix>` for a family of refusals.
import { describe, expect, it } from 'vitest';
import { KafkaIacError } from '../../lib/model/errors';

describe('KafkaIacError factories', () => {
  it('positiveWhole returns a whole count of at least 1 and refuses anything else in one wording', () => {
    const p = { code: 'MON-001', path: 'prod/Alarms', prop: 'brokers', of: 'brokers', fix: 'Set brokers to number_of_broker_nodes.' };
    expect(KafkaIacError.positiveWhole(3, p)).toBe(3);
    for (const bad of [0, -1, 2.5, Number.NaN]) {
      expect(() => KafkaIacError.positiveWhole(bad, p)).toThrow(
        `MON-001 [prod/Alarms] brokers is ${String(bad)}; expected a whole number of brokers, at least 1. Set brokers to number_of_broker_nodes.`);
    }
  });

  it('unsupportedAuthentication lists what is offered, where, and why', () => {
    const base = { code: 'SEC-003', path: 'principals/orders', prop: 'authentication', found: 'iam', fix: 'Use ClientAuthentication.scramSha512().' };
    expect(KafkaIacError.unsupportedAuthentication({ ...base, offered: ['scram-sha-512', 'tls', 'oauth'], where: 'on Kubernetes', why: 'IAM exists only on MSK' }).message)
      .toBe("SEC-003 [principals/orders] authentication is 'iam'; expected scram-sha-512, tls or oauth on Kubernetes (IAM exists only on MSK). Use ClientAuthentication.scramSha512().");
    expect(KafkaIacError.unsupportedAuthentication({ ...base, offered: ['scram-sha-512', 'iam'] }).message).toContain('expected scram-sha-512 or iam. Use');
    expect(KafkaIacError.unsupportedAuthentication({ ...base, offered: ['tls'] }).message).toContain('expected tls. Use');
  });

  it('nonEmpty returns a list with an entry and refuses an empty or missing one, showing [] for missing', () => {
    const p = { code: 'SEC-007', path: 'prod/Network', prop: 'clientNetworks', expected: 'at least one declared client network', fix: 'Set clientNetworks.' };
    const list = ['10.20.0.0/16'];
    expect(KafkaIacError.nonEmpty(list, p)).toBe(list);
    for (const missing of [[], undefined, null]) {
      expect(() => KafkaIacError.nonEmpty(missing, p)).toThrow('SEC-007 [prod/Network] clientNetworks is []; expected at least one declared client network. Set clientNetworks.');
    }
    expect(() => KafkaIacError.nonEmpty('10.20.0.0/16' as unknown as string[], p)).toThrow("SEC-007 [prod/Network] clientNetworks is '10.20.0.0/16'; expected at least one declared client network.");
  });
});
