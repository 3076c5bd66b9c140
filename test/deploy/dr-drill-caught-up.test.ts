import { describe, expect, it } from 'vitest';
import { Environment } from '../../lib/model/environment';
import { DrDrill, DrReplicationTechnology } from '../../lib/model/dr/dr-drill';
import { DrDuration } from '../../lib/model/dr/dr-duration';
import { DrPairing } from '../../lib/model/dr/dr-pairing';
import { shopModel } from '../support/mirror-maker-2-fixture';

function drill(technology: DrReplicationTechnology): string {
  const primary = Environment.production({ name: 'production', region: 'us-east-1' });
  const peer = primary.drPeer({ name: 'dr', region: 'us-west-2' });
  const pairing = new DrPairing({ primary, peer, access: shopModel(primary), rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) });
  return DrDrill.render({ pairing, technology, replicationName: 'production-to-dr', primaryBootstrapServers: 'primary:9093', peerBootstrapServers: 'dr:9093' });
}

/*
 * Neither replication preserves offsets. apache/kafka MirrorSourceTask.convertRecord builds
 * `new SourceRecord(sourcePartition, wrapOffset(record.offset()), targetTopic, record.partition(),
 * ..., record.timestamp(), headers)`: the record lands at the target partition's next offset and
 * keeps its timestamp. MSK Replicator translates consumer offsets and reports MessageLag
 * (AWS MSK developer guide, "Monitor replication": MessageLag, ReplicationLatency).
 */
describe('the DR drill waits for catch-up without comparing end offsets', () => {
  it('MirrorMaker 2: compares the newest record timestamps, never asks for equal offsets', () => {
    const text = drill(DrReplicationTechnology.MIRROR_MAKER_2);
    expect(text).not.toMatch(/equal per partition/);
    expect(text).not.toMatch(/end offsets match/);
    expect(text).toContain('--property print.timestamp=true');
    expect(text).toMatch(/the timestamps must be equal/);
  });

  it('MSK Replicator: waits for MessageLag 0', () => {
    const text = drill(DrReplicationTechnology.MSK_REPLICATOR);
    expect(text).not.toMatch(/equal per partition/);
    expect(text).toContain('--metric-name MessageLag');
    expect(text).toMatch(/MessageLag \(messages not yet replicated\) is 0/);
  });
});
