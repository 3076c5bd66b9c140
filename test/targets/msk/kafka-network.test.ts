import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { KafkaStack } from '../../../lib/app/kafka-stack';
import { KafkaNetwork } from '../../../lib/targets/msk/kafka-network';
import { ClientNetwork } from '../../../lib/model/client-network';
import { Environment } from '../../../lib/model/environment';
import { KafkaIacError } from '../../../lib/model/errors';
import { all, mskStack, only, synthJson } from '../../support/msk-stack';
import { SCRATCH_APP } from '../../support/scratch';

function bareStack() {
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  return new KafkaStack(Testing.app(SCRATCH_APP), 'production', { environment });
}

describe('KafkaNetwork', () => {
  it('makes 3 private subnets in 3 zones with no public IPs and a route table without inline routes', () => {
    const json = synthJson(mskStack().stack);
    const subnets = all(json, 'aws_subnet');
    expect(subnets.map((s) => s.availability_zone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(subnets.map((s) => s.cidr_block)).toEqual(['10.40.0.0/20', '10.40.16.0/20', '10.40.32.0/20']);
    expect(subnets.every((s) => s.map_public_ip_on_launch === false)).toBe(true);
    expect(Object.keys(only(json, 'aws_route_table'))).not.toContain('route');
    expect(all(json, 'aws_route_table_association')).toHaveLength(3);
    expect(json.resource.aws_internet_gateway).toBeUndefined();
    expect(json.resource.aws_nat_gateway).toBeUndefined();
    expect(only(json, 'aws_default_security_group')).toMatchObject({ ingress: [], egress: [] });
  });

  it('admits only the listener ports of the enabled modes from the client networks, and 11001/11002 from Prometheus', () => {
    const json = synthJson(mskStack().stack);
    const rules = all(json, 'aws_vpc_security_group_ingress_rule').map((r) => `${r.cidr_ipv4}:${r.from_port}-${r.to_port}/${r.ip_protocol}`).sort();
    expect(rules).toEqual([
      '10.20.0.0/16:9096-9096/tcp', '10.20.0.0/16:9098-9098/tcp',
      '10.30.8.0/24:11001-11001/tcp', '10.30.8.0/24:11002-11002/tcp',
    ]);
    const sg = only(json, 'aws_security_group');
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
  });

  it('admits a client security group by reference', () => {
    const { stack } = mskStack({ network: { clientNetworks: [ClientNetwork.securityGroup('sg-0123456789abcdef0')] } });
    const rules = all(synthJson(stack), 'aws_vpc_security_group_ingress_rule').filter((r) => r.from_port === 9096);
    expect(rules).toEqual([expect.objectContaining({ referenced_security_group_id: 'sg-0123456789abcdef0' })]);
    expect(rules[0].cidr_ipv4).toBeUndefined();
  });

  it('keeps the exporter ports closed when no Prometheus source is declared', () => {
    const { stack } = mskStack({ network: { prometheusSources: undefined } });
    expect(all(synthJson(stack), 'aws_vpc_security_group_ingress_rule').map((r) => r.from_port).sort()).toEqual([9096, 9098]);
  });

  it('uses the first three available zones when none are given', () => {
    const stack = bareStack();
    new KafkaNetwork(stack, 'Network', { clientNetworks: [ClientNetwork.cidr('10.20.0.0/16')] });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.data.aws_availability_zones).toBeDefined();
    expect(all(json, 'aws_subnet').map((s) => s.availability_zone))
      .toEqual([0, 1, 2].map((i) => expect.stringMatching(new RegExp(`^\\$\\{element\\(data\\.aws_availability_zones\\.\\w+\\.names, ${i}\\)\\}$`))));
  });

  it('imports an existing VPC, subnets and security group, adding ingress only when clients are declared', () => {
    const stack = bareStack();
    const bare = KafkaNetwork.fromAttributes(stack, 'Existing', { vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'], securityGroupId: 'sg-1' });
    expect(bare).toMatchObject({ vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'], securityGroupId: 'sg-1', zoneCount: 3 });
    bare.allowListenerPort(9096);
    const managed = KafkaNetwork.fromAttributes(stack, 'Managed', {
      vpcId: 'vpc-2', subnetIds: ['subnet-d', 'subnet-e', 'subnet-f'], securityGroupId: 'sg-2', clientNetworks: [ClientNetwork.cidr('10.9.0.0/16')],
    });
    managed.allowListenerPort(9096);
    const json = JSON.parse(Testing.synth(stack));
    expect(all(json, 'aws_vpc_security_group_ingress_rule')).toEqual([expect.objectContaining({ security_group_id: 'sg-2', cidr_ipv4: '10.9.0.0/16', from_port: 9096 })]);
    expect(json.resource.aws_vpc).toBeUndefined();
  });

  describe('bad input', () => {
    it('refuses 0.0.0.0/0 as a client network', () => {
      expect(() => ClientNetwork.cidr('0.0.0.0/0')).toThrow(/SEC-007 \[ClientNetwork\] cidr is '0.0.0.0\/0'; expected a declared client network, never the whole internet/);
    });
    it('refuses a network without client networks', () => {
      expect(() => new KafkaNetwork(bareStack(), 'Network', { clientNetworks: [] })).toThrow(/SEC-007 \[production\/Network\] clientNetworks is \[\]; expected at least one declared client network/);
    });
    it('refuses a Kubernetes peer in an AWS security group', () => {
      const peer = ClientNetwork.kubernetesPeer({ podLabels: { app: 'orders' } });
      expect(() => new KafkaNetwork(bareStack(), 'Network', { clientNetworks: [peer] })).toThrow(KafkaIacError);
    });
    it('refuses four availability zones (MSK takes 2 or 3 client subnets)', () => {
      expect(() => new KafkaNetwork(bareStack(), 'Network', {
        clientNetworks: [ClientNetwork.cidr('10.20.0.0/16')], availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'],
      })).toThrow(/HA-006 \[production\/Network\] availabilityZones is .*; expected 2 or 3 entries/);
    });
    it('refuses the same zone twice', () => {
      expect(() => new KafkaNetwork(bareStack(), 'Network', {
        clientNetworks: [ClientNetwork.cidr('10.20.0.0/16')], availabilityZones: ['us-east-1a', 'us-east-1a', 'us-east-1c'],
      })).toThrow(/one entry per distinct availability zone/);
    });
    it('refuses a VPC CIDR it cannot split', () => {
      expect(() => new KafkaNetwork(bareStack(), 'Network', { clientNetworks: [ClientNetwork.cidr('10.20.0.0/16')], cidrBlock: '10.0.0.0/28' }))
        .toThrow(/KIAC-PROP \[production\/Network\] cidrBlock is '10.0.0.0\/28'/);
    });
  });
});
