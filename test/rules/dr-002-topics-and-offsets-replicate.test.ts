// DR-002: every test that proves this rule, one describe per target it applies to.
import { it, describe, expect } from 'vitest';
import { replicatedPair } from '../support/replication-pair';
import { expectViolation, handWritten, check } from './fixtures/dr-msk-replicator';
import { Environment } from '../../lib/model/environment';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { JsonPatch } from 'cdk8s';
import { CHECKPOINT, SOURCE, mirrorMaker2Document, shopDeclaration } from './fixtures/dr-mirror-maker-2';
import { findingsOf, outcomeOf } from './fixtures/outcome';
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

// The rule on hand-built documents (the KafkaMirrorMaker2 and aws_msk_replicator the library
// writes, and their declarations): each finding's text, both sides of each condition, and the
// replication that carries no declaration, without a synthesis per case.
describe('DR-002 on the replication documents', () => {
  const rule = DR_002_TOPICS_AND_OFFSETS_REPLICATE;
  const NOTE = 'no DR pairing declaration: DR-003 reports it; topic and group coverage cannot be checked';
  const IDENTITY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';
  const DEFAULT = 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy';
  const prefixed = (d: Record<string, any>) => Object.assign(d, { goal: 'active-active', replicationPolicy: 'prefixed' });
  const mm2 = (change: (spec: Record<string, any>) => void = () => {}, declaration?: Record<string, any> | null) => mirrorMaker2Document(change, declaration);
  const withPrefixedClasses = (s: Record<string, any>) => {
    s.mirrors[0].sourceConnector.config['replication.policy.class'] = DEFAULT;
    s.mirrors[0].checkpointConnector.config['replication.policy.class'] = DEFAULT;
  };

  describe('KafkaMirrorMaker2 with a declaration', () => {
    it('passes the mirror StrimziMirrorMaker2 writes', () => {
      expect(outcomeOf(rule, mm2())).toEqual({ status: 'compliant' });
    });

    it('fails without mirrors, naming the primary alias', () => {
      const empty = [{ found: 'spec.mirrors is empty', expected: "a mirror from 'staging' with source and checkpoint connectors" }];
      expect(findingsOf(rule, mm2((s) => { s.mirrors = []; }))).toEqual(empty);
      expect(findingsOf(rule, mm2((s) => { delete s.mirrors; }))).toEqual(empty);
    });

    it('fails a mirror without its source connector, or without its checkpoint connector, with every consequence', () => {
      expect(findingsOf(rule, mm2((s) => { delete s.mirrors[0].sourceConnector; }))).toEqual([
        { found: 'spec.mirrors[0].sourceConnector is not set', expected: 'a source connector (it replicates the records)' },
        { found: 'spec.mirrors[0].sourceConnector.config.replication.policy.class is not set', expected: `'${IDENTITY}' (the declared identity policy: failover keeps topic names), the same on both connectors` },
      ]);
      expect(findingsOf(rule, mm2((s) => { delete s.mirrors[0].checkpointConnector; }))).toEqual([
        { found: 'spec.mirrors[0].checkpointConnector is not set', expected: 'a checkpoint connector (it translates consumer offsets for failover)' },
        { found: 'spec.mirrors[0].checkpointConnector.config.replication.policy.class is not set', expected: `'${IDENTITY}' (the declared identity policy: failover keeps topic names), the same on both connectors` },
        { found: 'spec.mirrors[0].checkpointConnector.config.sync.group.offsets.enabled is not set', expected: "'true' while failover is the goal: consumers resume in the DR region where they stopped" },
      ]);
    });

    it('fails each declared topic the pattern does not select or the exclusion drops, by mirror index', () => {
      const second = (s: Record<string, any>) => { s.mirrors.push(structuredClone(s.mirrors[0])); return s.mirrors[1]; };
      expect(findingsOf(rule, mm2((s) => { second(s).topicsPattern = 'orders'; }))).toEqual([
        { found: "spec.mirrors[1].topicsPattern 'orders' does not select declared topic 'payments'", expected: 'every declared topic replicated' },
        { found: "spec.mirrors[1].topicsPattern 'orders' does not select declared topic 'audit.events'", expected: 'every declared topic replicated' },
      ]);
      expect(findingsOf(rule, mm2((s) => { s.mirrors[0].topicsExcludePattern = 'audit\\..*,payments'; }))).toEqual([
        { found: "spec.mirrors[0].topicsExcludePattern excludes declared topic 'payments'", expected: 'every declared topic replicated' },
        { found: "spec.mirrors[0].topicsExcludePattern excludes declared topic 'audit.events'", expected: 'every declared topic replicated' },
      ]);
      expect(outcomeOf(rule, mm2((s) => { s.mirrors[0].topicsExcludePattern = 'internal\\..*'; }))).toEqual({ status: 'compliant' });
      expect(findingsOf(rule, mm2((s) => { delete s.mirrors[0].topicsPattern; })).map((f) => f.found)[0]).toBe("spec.mirrors[0].topicsPattern not set does not select declared topic 'orders'");
    });

    it('fails each declared group, exact or prefix, the groups pattern misses or the exclusion drops', () => {
      expect(findingsOf(rule, mm2((s) => { s.mirrors[0].groupsPattern = 'audit-'; }))).toEqual([
        { found: "spec.mirrors[0].groupsPattern 'audit-' does not select declared group 'payments'", expected: 'the offsets of every declared consumer group replicated' },
        { found: "spec.mirrors[0].groupsPattern 'audit-' does not select declared group prefix 'audit-'", expected: 'the offsets of every declared consumer group replicated' },
      ]);
      expect(findingsOf(rule, mm2((s) => { s.mirrors[0].groupsExcludePattern = 'payments,audit-.*'; }))).toEqual([
        { found: "spec.mirrors[0].groupsExcludePattern excludes declared group 'payments'", expected: 'the offsets of every declared consumer group replicated' },
        { found: "spec.mirrors[0].groupsExcludePattern excludes declared group prefix 'audit-'", expected: 'the offsets of every declared consumer group replicated' },
      ]);
    });

    it('asks the declared policy class on both connectors, and says failover keeps names only when it is the goal', () => {
      expect(findingsOf(rule, mm2((s) => { s.mirrors[0].checkpointConnector.config['replication.policy.class'] = DEFAULT; }))).toEqual([
        { found: `spec.mirrors[0].checkpointConnector.config.replication.policy.class is '${DEFAULT}'`, expected: `'${IDENTITY}' (the declared identity policy: failover keeps topic names), the same on both connectors` },
      ]);
      expect(outcomeOf(rule, mm2(withPrefixedClasses, prefixed(shopDeclaration())))).toEqual({ status: 'compliant' });
      expect(findingsOf(rule, mm2((s) => { withPrefixedClasses(s); s.mirrors[0].sourceConnector.config['replication.policy.class'] = IDENTITY; }, prefixed(shopDeclaration())))).toEqual([
        { found: `spec.mirrors[0].sourceConnector.config.replication.policy.class is '${IDENTITY}'`, expected: `'${DEFAULT}' (the declared prefixed policy), the same on both connectors` },
      ]);
    });

    it('fails checkpoints turned off, and passes them left to the default (on)', () => {
      expect(findingsOf(rule, mm2((s) => { s.mirrors[0].checkpointConnector.config['emit.checkpoints.enabled'] = 'false'; }))).toEqual([
        { found: "spec.mirrors[0].checkpointConnector.config.emit.checkpoints.enabled is 'false'", expected: 'true: checkpoints carry the translated offsets' },
      ]);
      expect(outcomeOf(rule, mm2((s) => { delete s.mirrors[0].checkpointConnector.config['emit.checkpoints.enabled']; }))).toEqual({ status: 'compliant' });
    });

    it('asks offset sync when failover is the goal or the declaration asks it, not otherwise', () => {
      const off = (s: Record<string, any>) => { withPrefixedClasses(s); s.mirrors[0].checkpointConnector.config['sync.group.offsets.enabled'] = 'false'; };
      expect(findingsOf(rule, mm2(off, { ...prefixed(shopDeclaration()), syncConsumerGroupOffsets: true }))).toEqual([
        { found: "spec.mirrors[0].checkpointConnector.config.sync.group.offsets.enabled is 'false'", expected: "'true' as declared: consumers resume in the DR region where they stopped" },
      ]);
      expect(outcomeOf(rule, mm2(off, { ...prefixed(shopDeclaration()), syncConsumerGroupOffsets: false }))).toEqual({ status: 'compliant' });
      expect(findingsOf(rule, mm2((s) => { s.mirrors[0].checkpointConnector.config['sync.group.offsets.enabled'] = 'false'; }, { ...shopDeclaration(), syncConsumerGroupOffsets: false })).map((f) => f.expected))
        .toEqual(["'true' while failover is the goal: consumers resume in the DR region where they stopped"]);
    });
  });

  describe('KafkaMirrorMaker2 without a declaration', () => {
    it('passes with the note that DR-003 reports the missing declaration', () => {
      expect(outcomeOf(rule, mm2(() => {}, null))).toEqual({ status: 'compliant', notes: [NOTE] });
    });

    it('still asks a checkpoint connector, and offset sync with identity names', () => {
      expect(findingsOf(rule, mm2((s) => { delete s.mirrors[0].checkpointConnector; }, null))).toEqual([
        { found: 'spec.mirrors[0].checkpointConnector is not set', expected: 'a checkpoint connector (it translates consumer offsets for failover)' },
        { found: 'spec.mirrors[0].checkpointConnector.config.sync.group.offsets.enabled is not set', expected: "'true' with identity names (failover)" },
      ]);
      const off = (s: Record<string, any>) => { s.mirrors[0].checkpointConnector.config['sync.group.offsets.enabled'] = false; };
      expect(findingsOf(rule, mm2(off, null)).map((f) => f.found)).toEqual(['spec.mirrors[0].checkpointConnector.config.sync.group.offsets.enabled is false']);
      expect(outcomeOf(rule, mm2((s) => { off(s); withPrefixedClasses(s); }, null))).toEqual({ status: 'compliant', notes: [NOTE] });
    });
  });

  describe('aws_msk_replicator with a declaration', () => {
    const outcome = (change?: (b: Record<string, any>) => void, changeDeclaration?: (d: Record<string, any>) => void) => {
      const { docs, replicator } = handWritten(change, changeDeclaration);
      return outcomeOf(rule, replicator, docs.filter((d) => d !== replicator));
    };
    const findings = (change?: (b: Record<string, any>) => void, changeDeclaration?: (d: Record<string, any>) => void) => outcome(change, changeDeclaration).findings ?? [];
    const topics = (b: Record<string, any>) => b.replication_info_list.topic_replication[0];
    const groups = (b: Record<string, any>) => b.replication_info_list.consumer_group_replication[0];

    it('passes the hand-written replicator, its blocks as lists or objects', () => {
      expect(outcome()).toEqual({ status: 'compliant' });
      expect(outcome((b) => {
        b.replication_info_list = { ...b.replication_info_list, topic_replication: topics(b), consumer_group_replication: { ...groups(b), synchronise_consumer_group_offsets: 'true' } };
      })).toEqual({ status: 'compliant' });
    });

    it('fails without topic replication: no topic selected, and the default prefixed names', () => {
      expect(findings((b) => { delete b.replication_info_list.topic_replication; })).toEqual([
        { found: 'replication_info_list.topic_replication is not set', expected: 'topic replication of the declared topics' },
        { found: "topic_replication.topics_to_replicate not set does not select declared topic 'orders'", expected: 'every declared topic replicated' },
        { found: "topic_replication.topic_name_configuration.type is 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS (the default)'", expected: "'IDENTICAL' (the declared identity policy: failover keeps topic names)" },
      ]);
      expect(findings((b) => { delete b.replication_info_list; }).map((f) => f.found)).toContain('replication_info_list.consumer_group_replication is not set');
    });

    it('fails a declared topic excluded, and passes an exclusion of others', () => {
      expect(findings((b) => { topics(b).topics_to_exclude = ['ord.*']; })).toEqual([{ found: "topic_replication.topics_to_exclude excludes declared topic 'orders'", expected: 'every declared topic replicated' }]);
      expect(outcome((b) => { topics(b).topics_to_exclude = ['internal.*']; })).toEqual({ status: 'compliant' });
    });

    it('asks the naming of the declared policy, and says failover keeps names only when it is the goal', () => {
      const prefixedNames = (b: Record<string, any>) => { topics(b).topic_name_configuration = { type: 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS' }; };
      expect(outcome(prefixedNames, prefixed)).toEqual({ status: 'compliant' });
      expect(findings(undefined, prefixed)).toEqual([{ found: "topic_replication.topic_name_configuration.type is 'IDENTICAL'", expected: "'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS' (the declared prefixed policy)" }]);
    });

    it('fails without consumer-group replication: no group selected and no offsets synced', () => {
      expect(findings((b) => { delete b.replication_info_list.consumer_group_replication; })).toEqual([
        { found: 'replication_info_list.consumer_group_replication is not set', expected: 'consumer-group offset replication of the declared groups' },
        { found: "consumer_group_replication.consumer_groups_to_replicate not set does not select declared group 'billing'", expected: 'the offsets of every declared consumer group replicated' },
        { found: 'consumer_group_replication.synchronise_consumer_group_offsets is not set', expected: 'true while failover is the goal: consumers resume in the DR region where they stopped' },
      ]);
    });

    it('fails a declared prefix group missed or excluded', () => {
      const auditPrefix = (d: Record<string, any>) => { d.consumerGroups = [{ name: 'audit-', isPrefix: true }]; };
      expect(findings(undefined, auditPrefix)).toEqual([
        { found: `consumer_group_replication.consumer_groups_to_replicate ["billing"] does not select declared group prefix 'audit-'`, expected: 'the offsets of every declared consumer group replicated' },
      ]);
      expect(findings((b) => { groups(b).consumer_groups_to_replicate = ['audit-.*']; groups(b).consumer_groups_to_exclude = ['audit-.*']; }, auditPrefix)).toEqual([
        { found: "consumer_group_replication.consumer_groups_to_exclude excludes declared group prefix 'audit-'", expected: 'the offsets of every declared consumer group replicated' },
      ]);
      expect(findings((b) => { groups(b).consumer_groups_to_exclude = ['billing']; }).map((f) => f.found)).toEqual(["consumer_group_replication.consumer_groups_to_exclude excludes declared group 'billing'"]);
    });

    it('asks offset sync when failover is the goal or the declaration asks it, not otherwise', () => {
      const off = (b: Record<string, any>) => { groups(b).synchronise_consumer_group_offsets = false; topics(b).topic_name_configuration = { type: 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS' }; };
      expect(findings(off, prefixed)).toEqual([{ found: 'consumer_group_replication.synchronise_consumer_group_offsets is false', expected: 'true as declared: consumers resume in the DR region where they stopped' }]);
      expect(outcome(off, (d) => { prefixed(d); d.syncConsumerGroupOffsets = false; })).toEqual({ status: 'compliant' });
      expect(findings((b) => { groups(b).synchronise_consumer_group_offsets = false; }, (d) => { d.syncConsumerGroupOffsets = false; }).map((f) => f.expected))
        .toEqual(['true while failover is the goal: consumers resume in the DR region where they stopped']);
    });
  });

  describe('aws_msk_replicator without a declaration', () => {
    const undeclared = (change: (b: Record<string, any>) => void = () => {}) => {
      const { replicator } = handWritten((b) => { delete b.tags; change(b); });
      return outcomeOf(rule, replicator);
    };

    it('passes with the note, and still asks consumer-group replication, and offset sync with IDENTICAL names', () => {
      expect(undeclared()).toEqual({ status: 'compliant', notes: [NOTE] });
      expect(undeclared((b) => { delete b.replication_info_list.consumer_group_replication; }).findings ?? []).toEqual([
        { found: 'replication_info_list.consumer_group_replication is not set', expected: 'consumer-group offset replication' },
        { found: 'consumer_group_replication.synchronise_consumer_group_offsets is not set', expected: 'true with IDENTICAL names (failover)' },
      ]);
      expect(undeclared((b) => { delete b.replication_info_list; }).findings ?? []).toEqual([{ found: 'replication_info_list.consumer_group_replication is not set', expected: 'consumer-group offset replication' }]);
      const prefixedOff = (b: Record<string, any>) => {
        b.replication_info_list.consumer_group_replication[0].synchronise_consumer_group_offsets = false;
        b.replication_info_list.topic_replication[0].topic_name_configuration = { type: 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS' };
      };
      expect(undeclared(prefixedOff)).toEqual({ status: 'compliant', notes: [NOTE] });
    });
  });

  it('is not applicable to other documents', () => {
    const { docs } = handWritten();
    expect(outcomeOf(rule, docs[1], docs)).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(rule, { ...mm2(), kind: 'KafkaConnect' })).toEqual({ status: 'not-applicable' });
  });
});
