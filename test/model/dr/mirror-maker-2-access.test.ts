import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { Environment } from '../../../lib/model/environment';
import { DrDuration } from '../../../lib/model/dr/dr-duration';
import { DrPairing } from '../../../lib/model/dr/dr-pairing';
import { MirrorMaker2Access } from '../../../lib/model/dr/mirror-maker-2-access';
import { MirrorMaker2Topics } from '../../../lib/model/dr/mirror-maker-2-topics';
import { OffsetSyncsTopicLocation } from '../../../lib/model/dr/offset-syncs-topic-location';
import { ReplicationGoal } from '../../../lib/model/dr/replication-goal';
import { AccessModel } from '../../../lib/model/access/access-model';
import type { Principal } from '../../../lib/model/access/principal';
import { shopModel } from '../../support/mirror-maker-2-fixture';

function pairingOf(goal = ReplicationGoal.FAILOVER) {
  const primary = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const peer = primary.drPeer({ name: 'staging-dr', region: 'us-west-2' });
  const pairing = new DrPairing({ primary, peer, access: shopModel(primary), rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30), goal });
  return { pairing, peerAccess: shopModel(peer) };
}

/** The allow ACLs of a principal as `<type>[prefix] <name>: <ops>` lines. */
function acls(p: Principal): string[] {
  return p.acls.map((e) => `${e.resource.type}${e.resource.isPrefix ? ' prefix' : ''} ${e.resource.name}: ${e.operations.join(',')}`);
}

describe('MirrorMaker2Topics', () => {
  it('names the internal topics as Kafka derives them, and the Connect group and storage topics', () => {
    const t = MirrorMaker2Topics.of(pairingOf().pairing);
    expect([t.offsetSyncs, t.checkpoints, t.heartbeats]).toEqual(['mm2-offset-syncs.staging-dr.internal', 'staging.checkpoints.internal', 'heartbeats']);
    expect([t.connectGroup, ...t.connectStorage]).toEqual(['mm2-staging-to-staging-dr', 'mm2-staging-to-staging-dr-configs', 'mm2-staging-to-staging-dr-offsets', 'mm2-staging-to-staging-dr-status']);
    expect(t.targetInternalTopics(OffsetSyncsTopicLocation.SOURCE)).not.toContain(t.offsetSyncs);
    // With location target Kafka names the topic after the source alias (test/deploy/mirror-maker-2-offset-syncs.test.ts).
    expect(t.targetInternalTopics(OffsetSyncsTopicLocation.TARGET)).toContain('mm2-offset-syncs.staging.internal');
  });
});

describe('MirrorMaker2Access: least-privilege principals (DR-005)', () => {
  it('gives the source principal read-only rights on the replicated topics, Describe on groups and the cluster', () => {
    const { pairing } = pairingOf();
    const p = MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: ClientAuthentication.scramSha512() });
    expect(p.kind).toBe('mirror-maker-2');
    expect(acls(p)).toEqual([
      'topic orders: Read,Describe,DescribeConfigs',
      'topic payments: Read,Describe,DescribeConfigs',
      'topic audit.events: Read,Describe,DescribeConfigs',
      'group payments: Describe',
      'group prefix audit-: Describe',
      'cluster kafka-cluster: Describe',
    ]);
    expect(p.isProducer).toBe(false);
    expect(pairing.access.principal('mirror-maker-2')).toBe(p);
  });

  it('adds the offset-syncs topic on the source only when it lives there', () => {
    const { pairing } = pairingOf();
    const p = MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: ClientAuthentication.scramSha512(), offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE });
    expect(acls(p)).toContain('topic mm2-offset-syncs.staging-dr.internal: Create,Describe,DescribeConfigs,Read,Write');
  });

  it('gives the target principal write on the identity-named topics (no Create, Alter or AlterConfigs), group offsets and its own internal topics', () => {
    const { pairing, peerAccess } = pairingOf();
    const p = MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: ClientAuthentication.scramSha512() });
    expect(acls(p)).toEqual([
      'topic orders: Write,Describe,Read',
      'topic payments: Write,Describe,Read',
      'topic audit.events: Write,Describe,Read',
      'group payments: Read,Describe',
      'group prefix audit-: Read,Describe',
      'topic mm2-staging-to-staging-dr-configs: Create,Describe,DescribeConfigs,Read,Write',
      'topic mm2-staging-to-staging-dr-offsets: Create,Describe,DescribeConfigs,Read,Write',
      'topic mm2-staging-to-staging-dr-status: Create,Describe,DescribeConfigs,Read,Write',
      'topic staging.checkpoints.internal: Create,Describe,DescribeConfigs,Read,Write',
      'topic mm2-offset-syncs.staging.internal: Create,Describe,DescribeConfigs,Read,Write',
      'group mm2-staging-to-staging-dr: Read,Describe',
      'cluster kafka-cluster: Describe',
    ]);
  });

  it('lets the target principal create and configure the prefixed remote topics for active-active', () => {
    const { pairing, peerAccess } = pairingOf(ReplicationGoal.ACTIVE_ACTIVE);
    const p = MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: ClientAuthentication.scramSha512() });
    expect(acls(p)).toContain('topic staging.orders: Write,Describe,Read,Create,Alter,AlterConfigs,DescribeConfigs');
    expect(acls(p).some((l) => l.startsWith('topic orders:'))).toBe(false);
  });

  it('never grants a wildcard, and every grant renders as IAM actions too', () => {
    const { pairing, peerAccess } = pairingOf();
    const source = MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: ClientAuthentication.iam() });
    const target = MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: ClientAuthentication.iam() });
    for (const p of [source, target]) expect(p.acls.some((e) => e.resource.isWildcard)).toBe(false);
    const sourceActions = new Set(source.grants.flatMap((g) => g.iamStatements.flatMap((s) => s.actions)));
    expect([...sourceActions].sort()).toEqual([
      'kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:DescribeGroup', 'kafka-cluster:DescribeTopic',
      'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:ReadData',
    ]);
  });

  it('fails DR-002 when an identity-named topic is not declared on the peer', () => {
    const { pairing } = pairingOf();
    const empty = new AccessModel({ environment: pairing.peer });
    expect(() => MirrorMaker2Access.addTargetPrincipal(pairing, empty, { authentication: ClientAuthentication.scramSha512() }))
      .toThrow(/DR-002 \[staging-dr\/access\/topics\/orders\] topic is 'orders'; expected topic 'orders' declared on the DR peer too.*peerAccess\.addTopic\('orders'/);
  });

  it('fails DR-005 when the target principal is declared in another environment\'s model', () => {
    const { pairing } = pairingOf();
    expect(() => MirrorMaker2Access.addTargetPrincipal(pairing, pairing.access, { authentication: ClientAuthentication.scramSha512() }))
      .toThrow(/DR-005 \[staging\/access\/principals\/mirror-maker-2\] peerAccess is 'staging\/access'; expected the access model of the DR peer 'staging-dr'/);
  });
});
