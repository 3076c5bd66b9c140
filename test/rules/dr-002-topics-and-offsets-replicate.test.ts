// DR-002: every test that proves this rule, one describe per target it applies to.
import { it, describe, expect } from 'vitest';
import { replicatedPair } from '../support/replication-pair';
import { expectViolation, handWritten, check } from './fixtures/dr-msk-replicator';
import { Environment } from '../../lib/model/environment';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { JsonPatch } from 'cdk8s';
import { CHECKPOINT, SOURCE } from './fixtures/dr-mirror-maker-2';
import * as strimziFixture from '../support/strimzi-fixture';

import { DR_002_TOPICS_AND_OFFSETS_REPLICATE } from '../../lib/rules/dr-002-topics-and-offsets-replicate';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('DR rules on aws_msk_replicator (MskReplicator from a DrPairing)', () => {

    it('fails DR-002 when an override excludes a declared topic', () => {
      const p = replicatedPair();
      p.replicator.resource.addOverride('replication_info_list.topic_replication.0.topics_to_exclude', ['^payments$']);
      expectViolation(p.peer.stack, 'DR-002', /topic_replication\.topics_to_exclude excludes declared topic 'payments'; expected every declared topic replicated/);
    });

    it('fails DR-002 when an override excludes a declared consumer group', () => {
      const p = replicatedPair();
      p.replicator.resource.addOverride('replication_info_list.consumer_group_replication.0.consumer_groups_to_exclude', ['^billing$']);
      expectViolation(p.peer.stack, 'DR-002', /consumer_groups_to_exclude excludes declared group 'billing'/);
    });

    it('fails DR-002 when an override prefixes topic names while failover is the goal', () => {
      const p = replicatedPair();
      p.replicator.resource.addOverride('replication_info_list.topic_replication.0.topic_name_configuration.type', 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS');
      expectViolation(p.peer.stack, 'DR-002', /topic_name_configuration\.type is 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS'; expected 'IDENTICAL' \(the declared identity policy: failover keeps topic names\)/);
    });

    it('fails DR-002 when an override turns offset sync off while failover is the goal', () => {
      const p = replicatedPair();
      p.replicator.resource.addOverride('replication_info_list.consumer_group_replication.0.synchronise_consumer_group_offsets', false);
      expectViolation(p.peer.stack, 'DR-002', /synchronise_consumer_group_offsets is false; expected true while failover is the goal/);
    });
  });

  describe('DR rules on a hand-written aws_msk_replicator (pure rule functions over documents)', () => {
    const dr = Environment.production({ name: 'production', region: 'us-east-1' }).drPeer({ name: 'dr', region: 'us-west-2' });

    it('fails DR-002 when consumer-group replication is missing', () => {
      const { docs, replicator } = handWritten((b) => { delete b.replication_info_list.consumer_group_replication; });
      expect(JSON.stringify(check('DR-002', dr, docs, replicator))).toMatch(/consumer_group_replication is not set/);
    });

    it('fails DR-002 when a declared topic is not selected', () => {
      const { docs, replicator } = handWritten((b) => { b.replication_info_list.topic_replication[0].topics_to_replicate = ['payments']; });
      expect(JSON.stringify(check('DR-002', dr, docs, replicator))).toMatch(/does not select declared topic 'orders'/);
    });
  });
});

describe('Strimzi', () => {
  describe('DR-002 on the KafkaMirrorMaker2', () => {
    const { expectViolation } = strimziFixture;
    it('fails DR-002 when a JSON patch narrows topicsPattern', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/mirrors/0/topicsPattern', '^orders$'));
      expectViolation(f.chart, 'DR-002', MM2_PATH, /topicsPattern '\^orders\$' does not select declared topic 'payments'; expected every declared topic replicated/);
    });
    it('fails DR-002 when topicsExcludePattern excludes a declared topic', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.add('/spec/mirrors/0/topicsExcludePattern', 'audit\\..*'));
      expectViolation(f.chart, 'DR-002', MM2_PATH, /topicsExcludePattern excludes declared topic 'audit\.events'/);
    });
    it('fails DR-002 when groupsPattern drops the prefixed group', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/mirrors/0/groupsPattern', '^payments$'));
      expectViolation(f.chart, 'DR-002', MM2_PATH, /groupsPattern '\^payments\$' does not select declared group prefix 'audit-'/);
    });
    it('fails DR-002 when the checkpoint connector is removed', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec/mirrors/0/checkpointConnector'));
      expectViolation(f.chart, 'DR-002', MM2_PATH, /checkpointConnector is not set; expected a checkpoint connector/);
    });
    it('fails DR-002 when offset sync is patched off while failover is the goal', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/sync.group.offsets.enabled`, 'false'));
      expectViolation(f.chart, 'DR-002', MM2_PATH, /sync\.group\.offsets\.enabled is 'false'; expected 'true' while failover is the goal/);
    });
    it('fails DR-002 when checkpoints are no longer emitted', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/emit.checkpoints.enabled`, false));
      expectViolation(f.chart, 'DR-002', MM2_PATH, /emit\.checkpoints\.enabled is false; expected true/);
    });
    it('fails DR-002 when the source connector renames topics (prefixed) while failover is the goal', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/replication.policy.class`, 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy'));
      expectViolation(f.chart, 'DR-002', MM2_PATH, /sourceConnector\.config\.replication\.policy\.class is 'org\.apache\.kafka\.connect\.mirror\.DefaultReplicationPolicy'; expected 'org\.apache\.kafka\.connect\.mirror\.IdentityReplicationPolicy'/);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(DR_002_TOPICS_AND_OFFSETS_REPLICATE, 'DR-002', ['strimzi', 'msk']);
});
