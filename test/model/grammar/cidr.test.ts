// CIDR blocks as address intervals (lib/model/grammar/cidr.ts): parsing at the limits of each
// form, and the address space a set of blocks admits, counted once (SEC-007 judges it).
// Private ranges: RFC 1918, RFC 6598 (100.64.0.0/10), RFC 4193 (fc00::/7).
import { describe, expect, it } from 'vitest';
import { admittedAddresses, admittedPublicAddresses, isPrivateCidr, parseCidr, PRIVATE_RANGES } from '../../../lib/model/grammar/cidr';

const blocks = (...texts: string[]) => texts.map((t) => parseCidr(t)!);
const v4 = (a: number, b: number, c: number, d: number) => (BigInt(a) << 24n) + (BigInt(b) << 16n) + (BigInt(c) << 8n) + BigInt(d);

describe('parseCidr', () => {
  it('gives the first and last address of an IPv4 block, whatever host bits are written', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ version: 4, first: v4(10, 0, 0, 0), last: v4(10, 255, 255, 255), text: '10.1.2.3/8' });
    expect(parseCidr('192.168.1.7/32')).toEqual({ version: 4, first: v4(192, 168, 1, 7), last: v4(192, 168, 1, 7), text: '192.168.1.7/32' });
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ first: 0n, last: (1n << 32n) - 1n });
    expect(parseCidr('255.255.255.255/31')).toMatchObject({ first: v4(255, 255, 255, 254), last: v4(255, 255, 255, 255) });
    expect(parseCidr(' 10.0.0.0/8 ')).toMatchObject({ version: 4, first: v4(10, 0, 0, 0) });
  });
  it('refuses what is not an IPv4 CIDR', () => {
    for (const t of ['10.0.0.0/33', '256.0.0.0/8', '10.0.0/8', '10.0.0.0.0/8', '10.0.0.0', '10.0.0.0/', '/8', '10.0.0.0/8/8', '1000.0.0.0/8', 'a.b.c.d/8', '10.0.0.-1/8', '10.0.0.0/1234', 'x10.0.0.0/8']) expect(parseCidr(t), t).toBeUndefined();
    for (const v of [undefined, 10, null, {}]) expect(parseCidr(v)).toBeUndefined();
  });
  it('parses IPv6 blocks with and without ::', () => {
    expect(parseCidr('::/0')).toMatchObject({ version: 6, first: 0n, last: (1n << 128n) - 1n });
    expect(parseCidr('fc00::/7')).toMatchObject({ version: 6, first: 0xfcn << 120n, last: (0xfen << 120n) - 1n });
    expect(parseCidr('::1/128')).toMatchObject({ version: 6, first: 1n, last: 1n });
    expect(parseCidr('1:2:3:4:5:6:7:8/128')).toMatchObject({ first: 0x00010002000300040005000600070008n });
    expect(parseCidr('1::8/128')).toMatchObject({ first: 0x00010000000000000000000000000008n });
    expect(parseCidr('1:2::/32')).toMatchObject({ first: 0x00010002n << 96n, last: (0x00010003n << 96n) - 1n });
    expect(parseCidr('ABCD::/16')).toMatchObject({ first: 0xabcdn << 112n });
  });
  it('refuses what is not an IPv6 CIDR', () => {
    for (const t of ['::/129', '1::2::3/64', '1:2:3:4:5:6:7/128', '1:2:3:4:5:6:7:8:9/128', '1:2::3:4:5:6:7:8:9/128', 'g::/64', '12345::/16', ':/0']) expect(parseCidr(t), t).toBeUndefined();
  });
});

describe('isPrivateCidr', () => {
  it('holds the RFC 1918, RFC 6598 and unique-local ranges', () => {
    expect(PRIVATE_RANGES.map((r) => r.text)).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7']);
  });
  it('is true for a block inside one private range, up to the whole range', () => {
    for (const t of ['10.0.0.0/8', '10.1.0.0/16', '10.255.255.255/32', '172.31.0.0/16', '192.168.0.0/16', '100.127.0.0/16', 'fd00::/8', 'fc00::/7']) expect(isPrivateCidr(parseCidr(t)!), t).toBe(true);
  });
  it('is false for a public block, a block larger than the range, or another version', () => {
    for (const t of ['11.0.0.0/8', '9.255.255.255/32', '10.0.0.0/7', '172.32.0.0/16', '0.0.0.0/0', 'fe00::/8', '::a00:0/104']) expect(isPrivateCidr(parseCidr(t)!), t).toBe(false);
  });
});

describe('admittedAddresses', () => {
  it('counts the addresses of the blocks of one version together, overlaps once', () => {
    expect(admittedAddresses(blocks('0.0.0.0/1', '128.0.0.0/1'), 4)).toBe(1n << 32n);
    expect(admittedAddresses(blocks('10.0.0.0/16', '10.0.0.0/8'), 4)).toBe(1n << 24n);
    expect(admittedAddresses(blocks('10.0.0.0/8', '10.1.0.0/16', '11.0.0.0/8'), 4)).toBe(1n << 25n);
    expect(admittedAddresses(blocks('12.0.0.0/8', '10.0.0.0/8'), 4)).toBe(1n << 25n);
    expect(admittedAddresses(blocks('10.128.0.0/9', '10.0.0.0/9'), 4)).toBe(1n << 24n);
    expect(admittedAddresses(blocks('10.0.0.0/32', '10.0.0.2/32'), 4)).toBe(2n);
    expect(admittedAddresses(blocks('10.0.0.0/32', '10.0.0.1/32'), 4)).toBe(2n);
    expect(admittedAddresses([], 4)).toBe(0n);
    // Whatever order the blocks come in: a later block that starts before the interval so far.
    expect(admittedAddresses(blocks('10.128.0.0/9', '10.0.0.0/8'), 4)).toBe(1n << 24n);
    expect(admittedAddresses(blocks('11.0.0.0/8', '10.128.0.0/9', '10.0.0.0/8', '10.0.0.0/9'), 4)).toBe(1n << 25n);
  });
  it('counts only the version asked for', () => {
    expect(admittedAddresses(blocks('10.0.0.0/8', '::/0'), 4)).toBe(1n << 24n);
    expect(admittedAddresses(blocks('10.0.0.0/8', '::/64'), 6)).toBe(1n << 64n);
  });
});

describe('admittedPublicAddresses', () => {
  const privateV4 = (1n << 24n) + (1n << 20n) + (1n << 16n) + (1n << 22n);
  it('subtracts the private ranges a block contains, or the part of a range a block covers', () => {
    expect(admittedPublicAddresses(blocks('0.0.0.0/0'), 4)).toBe((1n << 32n) - privateV4);
    expect(admittedPublicAddresses(blocks('0.0.0.0/1', '128.0.0.0/1'), 4)).toBe((1n << 32n) - privateV4);
    expect(admittedPublicAddresses(blocks('10.1.0.0/16', '172.16.5.0/24'), 4)).toBe(0n);
    expect(admittedPublicAddresses(blocks('172.0.0.0/11'), 4)).toBe((1n << 21n) - (1n << 20n));
    expect(admittedPublicAddresses(blocks('8.0.0.0/7', '10.0.0.0/8'), 4)).toBe(1n << 25n);
  });
  it('counts a block that touches a range only at its first or last address', () => {
    expect(admittedPublicAddresses(blocks('9.255.255.255/32', '10.0.0.0/32'), 4)).toBe(1n);
    expect(admittedPublicAddresses(blocks('10.255.255.255/32', '11.0.0.0/32'), 4)).toBe(1n);
  });
  it('takes the private ranges of the version asked for', () => {
    expect(admittedPublicAddresses(blocks('::/0'), 6)).toBe((1n << 128n) - (1n << 121n));
    expect(admittedPublicAddresses(blocks('::a00:0/104', '10.0.0.0/8'), 6)).toBe(1n << 24n);
    expect(admittedPublicAddresses(blocks('::a00:0/104', '10.0.0.0/8'), 4)).toBe(0n);
  });
});
