import { JsonPatch } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ClientNetwork } from '../../lib/model/client-network';
import { EnvironmentProfile } from '../../lib/model/environment';
import { admittedAddresses, admittedPublicAddresses, parseCidr } from '../../lib/model/grammar/cidr';
import { mskStack, synthError, synthJson } from '../support/msk-stack';
import { expectViolation, statefulSetChart } from '../support/statefulset-fixture';

const CLIENTS_PATH = 'kafka/Kafka/NetworkPolicies/AllowClients';

describe('SEC-007 judges the admitted address space as a whole (issue #13)', () => {
  it('counts overlapping blocks once and subtracts the private ranges', () => {
    const blocks = ['0.0.0.0/1', '128.0.0.0/1', '10.0.0.0/8'].map((c) => parseCidr(c)!);
    expect(admittedAddresses(blocks, 4)).toBe(1n << 32n);
    expect(admittedPublicAddresses(['10.20.0.0/16', '192.168.1.0/24'].map((c) => parseCidr(c)!), 4)).toBe(0n);
    expect(admittedPublicAddresses(['8.8.8.0/24', '8.8.8.128/25'].map((c) => parseCidr(c)!), 4)).toBe(256n);
    expect(parseCidr('fd00::/8')!.version).toBe(6);
    expect(parseCidr('300.0.0.0/8')).toBeUndefined();
  });

  it('fails SEC-007 on MSK when 0.0.0.0/1 and 128.0.0.0/1 together admit the whole internet', () => {
    const { stack } = mskStack({ network: { clientNetworks: [ClientNetwork.cidr('0.0.0.0/1', 'low half'), ClientNetwork.cidr('128.0.0.0/1', 'high half')] } });
    expect(synthError(stack)).toMatch(/SEC-007 \[production\/Kafka\/Resource\] security group \S+ admits [^;]*0\.0\.0\.0\/1[^;]*128\.0\.0\.0\/1[^;]*, together every IPv4 address/);
  });

  it('fails SEC-007 in production for a public client network, and passes it in development', () => {
    const prod = mskStack({ network: { clientNetworks: [ClientNetwork.cidr('203.0.113.0/24', 'partner')] } });
    expect(synthError(prod.stack)).toMatch(/SEC-007 .* admits [^;]*203\.0\.113\.0\/24, 256 public IPv4 address\(es\); expected private ranges only in production/);
    const dev = mskStack({ profile: EnvironmentProfile.DEVELOPMENT, network: { clientNetworks: [ClientNetwork.cidr('203.0.113.0/24', 'partner')] } });
    expect(() => synthJson(dev.stack)).not.toThrow();
  });

  it('fails SEC-007 on a NetworkPolicy whose ipBlocks together admit every address', () => {
    const { chart, cluster } = statefulSetChart();
    cluster.networkPolicies.allowClients.addJsonPatch(JsonPatch.replace('/spec/ingress/0/from', [{ ipBlock: { cidr: '0.0.0.0/1' } }, { ipBlock: { cidr: '128.0.0.0/1' } }]));
    expectViolation(chart, 'SEC-007', CLIENTS_PATH, /spec.ingress admits 0\.0\.0\.0\/1, 128\.0\.0\.0\/1, together every IPv4 address/);
  });
});

describe('valid input at the real limits is accepted (issue #13)', () => {
  it('accepts volumeSizeGiB 16384, the MSK maximum', () => {
    const { stack } = mskStack({ cluster: { volumeSizeGiB: 16384 } as any });
    const json = synthJson(stack);
    const cluster = Object.values<any>(json.resource.aws_msk_cluster)[0];
    expect(cluster.broker_node_group_info.storage_info.ebs_storage_info.volume_size).toBe(16384);
  });
});
