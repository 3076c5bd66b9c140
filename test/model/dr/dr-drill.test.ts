import { describe, expect, it } from 'vitest';
import { Environment } from '../../../lib/model/environment';
import { DrDrill, DrReplicationTechnology, type DrDrillProps } from '../../../lib/model/dr/dr-drill';
import { DrDuration } from '../../../lib/model/dr/dr-duration';
import { DrPairing } from '../../../lib/model/dr/dr-pairing';
import { DrStrategy } from '../../../lib/model/dr/dr-strategy';
import { ReplicationGoal } from '../../../lib/model/dr/replication-goal';
import { shopModel } from '../../support/mirror-maker-2-fixture';

function props(over: { strategy?: DrStrategy; goal?: ReplicationGoal; technology?: DrReplicationTechnology } = {}): DrDrillProps {
  const primary = Environment.production({ name: 'production', region: 'us-east-1' });
  const peer = primary.drPeer({ name: 'dr', region: 'us-west-2' });
  const pairing = new DrPairing({
    primary, peer, access: shopModel(primary), rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30),
    strategy: over.strategy, goal: over.goal,
  });
  return {
    pairing, technology: over.technology ?? DrReplicationTechnology.MIRROR_MAKER_2, replicationName: 'mm2-production-to-dr',
    primaryBootstrapServers: 'primary:9093', peerBootstrapServers: 'dr:9093',
  };
}

describe('DrDrill: the drill document of a pairing', () => {
  const text = DrDrill.render(props());

  it('states the expected RPO and RTO', () => {
    expect(text).toContain('- **RPO 5m** (300000 ms)');
    expect(text).toContain('- **RTO 30m** (1800 s)');
    expect(text).toContain('**RTO = T2 − T1** must be at most 30m');
  });

  it('gives the exact commands: end offsets of every topic on both clusters, offsets of every group', () => {
    for (const t of ['orders', 'payments', 'audit.events']) {
      expect(text).toContain(`kafka-get-offsets.sh --bootstrap-server primary:9093 --command-config production-admin.properties --topic ${t} --time latest`);
      expect(text).toContain(`kafka-get-offsets.sh --bootstrap-server dr:9093 --command-config dr-admin.properties --topic ${t} --time latest`);
    }
    expect(text).toContain('kafka-consumer-groups.sh --bootstrap-server dr:9093 --command-config dr-admin.properties --describe --group payments');
    expect(text).toContain("--list | grep '^audit-'");
    expect(text).toContain('--topic production.checkpoints.internal --from-beginning --max-messages 20 --formatter org.apache.kafka.connect.mirror.formatters.CheckpointFormatter');
    expect(text).toContain('kubectl -n kafka scale kafkamirrormaker2 mm2-production-to-dr --replicas=0');
  });

  it('names the metric and the MON-010 alert, with the RPO in ms', () => {
    expect(text).toContain('max by (topic) (kafka_connect_mirror_source_connector_replication_latency_ms_max{environment="dr",kafka_role="mirrormaker2"}) < 300000');
    expect(text).toContain('`KafkaMirrorMaker2ReplicationBehindRpo`');
  });

  it('covers checking offsets before switching consumers, failover and failback', () => {
    expect(text).toContain('## 2. Fail over');
    expect(text).toContain('## 3. Check offsets before switching consumers');
    expect(text).toContain('RemoteClusterUtils.translateOffsets(<dr client config>, "production", "<group>", Duration.ofSeconds(30))');
    expect(text).toContain('## 4. Fail back');
    expect(text).toContain('## 6. Record');
  });

  it('is pure', () => {
    expect(DrDrill.render(props())).toBe(text);
  });

  it('adds the scale-up step for a warm standby, and prefixed topic names for active-active', () => {
    const warm = DrDrill.render(props({ strategy: DrStrategy.WARM_STANDBY, goal: ReplicationGoal.ACTIVE_ACTIVE }));
    expect(warm).toContain('6. Warm standby: scale the dr clients');
    expect(warm).toContain('--describe --topic production.orders');
    expect(warm).toContain('topics `production.<topic>` (or a pattern)');
  });

  it('uses the CloudWatch metrics and alarms of an MSK Replicator', () => {
    const p = { ...props({ technology: DrReplicationTechnology.MSK_REPLICATOR }), replicationName: 'production-kafka-to-dr-kafka' };
    const msk = DrDrill.render(p);
    expect(msk).toContain('aws kafka list-replicators --region us-west-2 --replicator-name-filter production-kafka-to-dr-kafka');
    expect(msk).toContain('--namespace AWS/Kafka --metric-name ReplicationLatency --dimensions Name=ReplicatorName,Value=production-kafka-to-dr-kafka --statistics Maximum --period 60');
    expect(msk).toContain('--metric-name MessageLag');
    expect(msk).toContain('`production-kafka-to-dr-kafka-MON-010-replication-latency`, `production-kafka-to-dr-kafka-MON-010-message-lag`');
    expect(msk).not.toContain('kubectl');
  });

  it('is written once per pairing into the peer environment', () => {
    const p = props();
    expect(DrDrill.addTo(p)).toBe('dr-drill-production-to-dr.md');
    expect(p.pairing.peer.outputFiles.get('dr-drill-production-to-dr.md')!()).toBe(DrDrill.render(p));
    expect(() => DrDrill.addTo(p)).toThrow(/KIAC-OUTPUT .*output file 'dr-drill-production-to-dr\.md' is declared twice/);
  });

  it('fails DR-003 without the bootstrap servers its commands need', () => {
    expect(() => DrDrill.render({ ...props(), peerBootstrapServers: '' })).toThrow(/DR-003 \[DrDrill production-to-dr\] peerBootstrapServers is ''; expected a non-empty value/);
  });
});
