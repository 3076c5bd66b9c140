/**
 * CIDR blocks as address intervals, so that what a set of rules admits is judged as a whole:
 * `0.0.0.0/1` plus `128.0.0.0/1` is the whole IPv4 internet although neither is `/0`.
 */

/** A parsed CIDR block: its first and last address. */
export interface CidrBlock {
  readonly version: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
  readonly text: string;
}

function ipv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) + BigInt(Number(p)), 0n);
}

function ipv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const all = [...h, ...Array(tail === undefined ? 0 : missing).fill('0'), ...t];
  if (all.length !== 8 || !all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

/** Parses `a.b.c.d/n` or an IPv6 `x::y/n`; undefined when it is not a CIDR. */
export function parseCidr(text: unknown): CidrBlock | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const v4 = ipv4(m[1]);
  const bits = v4 !== undefined ? 32 : 128;
  const address = v4 ?? ipv6(m[1]);
  const prefix = Number(m[2]);
  if (address === undefined || prefix > bits) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const first = (address / size) * size;
  return { version: v4 !== undefined ? 4 : 6, first, last: first + size - 1n, text };
}

/** The private ranges: RFC 1918, RFC 6598 shared space, and IPv6 unique local addresses (fc00::/7). */
export const PRIVATE_RANGES: readonly CidrBlock[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7']
  .map((c) => parseCidr(c)!);

/** Whether the block lies inside one private range. */
export function isPrivateCidr(block: CidrBlock): boolean {
  return PRIVATE_RANGES.some((r) => r.version === block.version && r.first <= block.first && block.last <= r.last);
}

/** The union of blocks of one version as sorted, merged intervals. */
function union(blocks: readonly CidrBlock[]): [bigint, bigint][] {
  const sorted = [...blocks].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const b of sorted) {
    const lastInterval = out[out.length - 1];
    if (lastInterval && b.first <= lastInterval[1] + 1n) lastInterval[1] = b.last > lastInterval[1] ? b.last : lastInterval[1];
    else out.push([b.first, b.last]);
  }
  return out;
}

/** How many addresses the blocks admit together, per version, counting overlaps once. */
export function admittedAddresses(blocks: readonly CidrBlock[], version: 4 | 6): bigint {
  return union(blocks.filter((b) => b.version === version)).reduce((n, [a, z]) => n + (z - a + 1n), 0n);
}

/** How many public (non-private) addresses the blocks admit together, per version. */
export function admittedPublicAddresses(blocks: readonly CidrBlock[], version: 4 | 6): bigint {
  const all = admittedAddresses(blocks, version);
  const privateParts = blocks.filter((b) => b.version === version).flatMap((b) => PRIVATE_RANGES
    .filter((r) => r.version === version && r.first <= b.last && b.first <= r.last)
    .map((r) => ({ version, first: b.first > r.first ? b.first : r.first, last: b.last < r.last ? b.last : r.last, text: '' })));
  return all - admittedAddresses(privateParts, version);
}
