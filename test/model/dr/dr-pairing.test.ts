import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { Environment } from '../../../lib/model/environment';
import { DrDuration } from '../../../lib/model/dr/dr-duration';
import { drPairingArtefactInput, parseDrPairingDeclaration } from '../../../lib/contract/dr-markers';
import { DrPairing, type DrPairingProps } from '../../../lib/model/dr/dr-pairing';
import { DrStrategy } from '../../../lib/model/dr/dr-strategy';
import { ReplicationGoal } from '../../../lib/model/dr/replication-goal';
import { ReplicationPolicy } from '../../../lib/model/dr/replication-policy';
import { AccessModel } from '../../../lib/model/access/access-model';

function fixture() {
  const primary = Environment.production({ name: 'production', region: 'us-east-1' });
  const peer = primary.drPeer({ name: 'dr', region: 'us-west-2' });
  const access = new AccessModel({ environment: primary });
  const orders = access.addTopic('orders');
  const audit = access.addTopic('audit.events');
  const payments = access.addPrincipal('payments', { authentication: ClientAuthentication.scramSha512() });
  orders.grantConsume(payments, { group: 'payments' });
  const sink = access.addPrincipal('audit-sink', { authentication: ClientAuthentication.scramSha512() });
  audit.grantConsume(sink, { group: 'audit-', groupIsPrefix: true });
  const base: DrPairingProps = { primary, peer, access, rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) };
  return { primary, peer, access, base };
}

describe('DrPairing: the model', () => {
  it('defaults to hot standby, failover, identity names, synced offsets, every declared topic and group', () => {
    const { base } = fixture();
    const p = new DrPairing(base);
    expect(p.name).toBe('production-to-dr');
    expect(p.strategy).toBe(DrStrategy.HOT_STANDBY);
    expect(p.goal).toBe(ReplicationGoal.FAILOVER);
    expect(p.replicationPolicy).toBe(ReplicationPolicy.IDENTITY);
    expect(p.syncConsumerGroupOffsets).toBe(true);
    expect(p.topics).toEqual(['orders', 'audit.events']);
    expect(p.consumerGroups).toEqual([{ name: 'payments', isPrefix: false }, { name: 'audit-', isPrefix: true }]);
    expect(p.topicRegexes).toEqual(['^orders$', '^audit\\.events$']);
    expect(p.consumerGroupRegexes).toEqual(['^payments$', '^audit-.*']);
    expect(p.rpo.seconds).toBe(300);
    expect(p.rpo.milliseconds).toBe(300_000);
    expect(p.rto.toString()).toBe('30m');
    expect(p.remoteTopicName('orders')).toBe('orders');
    expect([p.primaryAlias, p.peerAlias]).toEqual(['production', 'dr']);
  });

  it('active-active defaults to prefixed names', () => {
    const { base } = fixture();
    const p = new DrPairing({ ...base, goal: ReplicationGoal.ACTIVE_ACTIVE });
    expect(p.replicationPolicy).toBe(ReplicationPolicy.PREFIXED);
    expect(p.remoteTopicName('orders')).toBe('production.orders');
  });

  it('narrows topics and groups to the named ones (a group under a granted prefix is accepted)', () => {
    const { base } = fixture();
    const p = new DrPairing({ ...base, topics: ['orders'], consumerGroups: ['payments', 'audit-eu'] });
    expect(p.topics).toEqual(['orders']);
    expect(p.consumerGroups).toEqual([{ name: 'payments', isPrefix: false }, { name: 'audit-eu', isPrefix: false }]);
  });

  it('writes a declaration that round-trips through the Terraform artefact input', () => {
    const { base } = fixture();
    const p = new DrPairing(base);
    const input = drPairingArtefactInput(p);
    expect(input.kind).toBe('kafka-iac/dr-pairing');
    expect(input.pairing).toBe('production-to-dr');
    expect(parseDrPairingDeclaration(input.declaration)).toEqual(p.declaration);
    expect(p.declaration).toEqual(p.declaration);
    expect(p.declaration.peer).toEqual({ environment: 'dr', region: 'us-west-2', alias: 'dr', profile: 'production' });
  });
});

describe('DrPairing: bad input is refused with rule ID, path and fix', () => {
  it('fails DR-001 when the peer is in the same region', () => {
    const { base, primary } = fixture();
    const same = new Environment({ name: 'dr', region: 'us-east-1', profile: primary.profile });
    expect(() => new DrPairing({ ...base, peer: same })).toThrow(/DR-001 \[DrPairing production->dr\] peer\.region is 'us-east-1'.*Create the peer in another region/);
  });

  it('fails DR-001 when drPeer is asked for the same region', () => {
    const { primary } = fixture();
    expect(() => primary.drPeer({ name: 'dr', region: 'us-east-1' })).toThrow(/DR-001 \[Environment dr\] region is 'us-east-1'/);
  });

  it('fails DR-001 for a development primary', () => {
    const { base } = fixture();
    const dev = Environment.development({ name: 'dev', region: 'us-east-1' });
    expect(() => new DrPairing({ ...base, primary: dev, access: new AccessModel({ environment: dev }) })).toThrow(/DR-001 .*primary\.profile is 'development'/);
  });

  it('fails DR-004 when the peer is not production-profile', () => {
    const { base } = fixture();
    const peer = Environment.staging({ name: 'dr', region: 'us-west-2' });
    expect(() => new DrPairing({ ...base, peer })).toThrow(/DR-004 \[DrPairing production->dr\] peer\.profile is 'staging'.*drPeer/);
  });

  it('fails DR-003 when the RPO is not declared', () => {
    const { base } = fixture();
    expect(() => new DrPairing({ ...base, rpo: undefined as unknown as DrDuration })).toThrow(/DR-003 \[DrPairing production->dr\] rpo is not set; expected a declared RPO.*rpo: DrDuration\.minutes\(5\)/);
  });

  it('fails DR-003 when the RTO is not declared', () => {
    const { base } = fixture();
    expect(() => new DrPairing({ ...base, rto: undefined as unknown as DrDuration })).toThrow(/DR-003 \[DrPairing production->dr\] rto is not set; expected a declared RTO/);
  });

  it('fails DR-003 for a zero RPO', () => {
    expect(() => DrDuration.seconds(0)).toThrow(/DR-003 \[DrDuration\] seconds is 0/);
  });

  it('fails DR-002 when a replicated topic does not exist', () => {
    const { base } = fixture();
    expect(() => new DrPairing({ ...base, topics: ['orders', 'shipments'] }))
      .toThrow(/DR-002 \[DrPairing production->dr\/topics\/shipments\] topic is 'shipments'; expected a topic declared in production\/access \(orders, audit\.events\).*access\.addTopic\('shipments'\)/);
  });

  it('fails DR-002 when a replicated consumer group is not granted', () => {
    const { base } = fixture();
    expect(() => new DrPairing({ ...base, consumerGroups: ['billing'] })).toThrow(/DR-002 \[DrPairing production->dr\/consumerGroups\/billing\]/);
  });

  it('fails DR-002 when offset sync is off while failover is the goal', () => {
    const { base } = fixture();
    expect(() => new DrPairing({ ...base, syncConsumerGroupOffsets: false }))
      .toThrow(/DR-002 \[DrPairing production->dr\] syncConsumerGroupOffsets is false; expected true while the goal is failover.*Remove syncConsumerGroupOffsets: false/);
  });

  it('accepts offset sync off when the goal is active-active', () => {
    const { base } = fixture();
    expect(new DrPairing({ ...base, goal: ReplicationGoal.ACTIVE_ACTIVE, syncConsumerGroupOffsets: false }).syncConsumerGroupOffsets).toBe(false);
  });

  it('fails DR-002 for prefixed names while failover is the goal', () => {
    const { base } = fixture();
    expect(() => new DrPairing({ ...base, replicationPolicy: ReplicationPolicy.PREFIXED })).toThrow(/DR-002 .*replicationPolicy is 'prefixed'; expected identity while the goal is failover/);
  });

  it('fails DR-002 for identity names while active-active is the goal', () => {
    const { base } = fixture();
    expect(() => new DrPairing({ ...base, goal: ReplicationGoal.ACTIVE_ACTIVE, replicationPolicy: ReplicationPolicy.IDENTITY })).toThrow(/DR-002 .*replicationPolicy is 'identity'; expected prefixed while the goal is active-active.*loop/);
  });

  it('fails DR-002 when the access model belongs to another environment', () => {
    const { base, peer } = fixture();
    expect(() => new DrPairing({ ...base, access: new AccessModel({ environment: peer }) })).toThrow(/DR-002 .*access is 'dr\/access'/);
  });
});
