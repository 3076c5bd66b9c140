import { MIRROR_MAKER_2_POLICY_CLASS, MSK_REPLICATOR_TOPIC_NAME_TYPE, ReplicationPolicy } from '../model/dr/replication-policy';
import type { DrPairingDeclaration } from '../model/dr/dr-pairing';
import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import {
  blockOf, connectorConfig, groupProbe, isMirrorMaker2, mirrorsOf, patternCovers, replicatedBlocksOf, replicationTargets,
} from './readers/replication-documents';
import { literalBoolean } from './readers/msk-cluster-document';

/**
 * DR-002: Replication covers the declared topics and consumer-group offsets (checkpoints,
 * offset sync), so consumers can fail over.
 *
 * KafkaMirrorMaker2: a source and a checkpoint connector; `topicsPattern` selects every declared
 * topic, `groupsPattern` every declared group; the declared policy class on both connectors
 * (identity for failover); checkpoints emitted; group offsets synced as declared (always, when
 * failover is the goal). aws_msk_replicator: `topics_to_replicate` selects every declared
 * topic and excludes none; consumer-group replication selects every declared group and
 * synchronises offsets as declared; `IDENTICAL` topic names for the identity policy.
 * Without a declaration (DR-003 reports it): a checkpoint connector with offset sync on for
 * identity names; consumer-group replication with offset sync on for `IDENTICAL` names.
 */
export const DR_002_TOPICS_AND_OFFSETS_REPLICATE: Rule = defineRule({
  id: 'DR-002',
  title: 'Replication covers the declared topics and consumer-group offsets (checkpoints, offset sync), so consumers can fail over',
  explanation: 'A topic left out is lost at failover; without checkpoints and synced offsets, consumers in the DR region restart from auto.offset.reset and re-read or skip records; renamed topics break consumers that fail over with their configuration.',
  remediation: 'Build the replication from the DrPairing (StrimziMirrorMaker2 or MskReplicator) and remove the override that narrows its topics or groups or turns offset sync off.',
  severity: Severity.ERROR,
  targets: replicationTargets(checkReplication),
});

/** MirrorMaker 2 (Strimzi) and MSK Replicator alike. */
function checkReplication(doc: SynthesizedDocument, d: DrPairingDeclaration | undefined): RuleOutcome {
  if (!d) return checkUndeclared(doc);
  return isMirrorMaker2(doc) ? checkMirrorMaker2(doc, d) : checkReplicator(doc as TerraformDocument, d);
}

function checkMirrorMaker2(doc: KubernetesDocument, d: DrPairingDeclaration): RuleOutcome {
  const f = new Findings();
  const mirrors = mirrorsOf(doc);
  f.expect(mirrors.length > 0, { found: 'spec.mirrors is empty', expected: `a mirror from '${d.primary.alias}' with source and checkpoint connectors` });
  const policyClass = MIRROR_MAKER_2_POLICY_CLASS[d.replicationPolicy as ReplicationPolicy];
  mirrors.forEach((m, i) => {
    const at = `spec.mirrors[${i}]`;
    f.expect(m.sourceConnector !== undefined, { found: `${at}.sourceConnector is not set`, expected: 'a source connector (it replicates the records)' });
    f.expect(m.checkpointConnector !== undefined, { found: `${at}.checkpointConnector is not set`, expected: 'a checkpoint connector (it translates consumer offsets for failover)' });
    for (const t of d.topics) {
      f.expect(patternCovers(m.topicsPattern, t), {
        found: `${at}.topicsPattern ${shown(m.topicsPattern)} does not select declared topic '${t}'`,
        expected: 'every declared topic replicated',
      });
    }
    for (const t of d.topics) {
      f.expect(!patternCovers(m.topicsExcludePattern, t), { found: `${at}.topicsExcludePattern excludes declared topic '${t}'`, expected: 'every declared topic replicated' });
    }
    for (const g of d.consumerGroups) {
      f.expect(patternCovers(m.groupsPattern, groupProbe(g)), {
        found: `${at}.groupsPattern ${shown(m.groupsPattern)} does not select declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
        expected: 'the offsets of every declared consumer group replicated',
      });
      f.expect(!patternCovers(m.groupsExcludePattern, groupProbe(g)), {
        found: `${at}.groupsExcludePattern excludes declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
        expected: 'the offsets of every declared consumer group replicated',
      });
    }
    const source = connectorConfig(m, 'sourceConnector');
    const checkpoint = connectorConfig(m, 'checkpointConnector');
    for (const [name, config] of [['sourceConnector', source], ['checkpointConnector', checkpoint]] as const) {
      f.expect(config['replication.policy.class'] === policyClass, {
        found: `${at}.${name}.config.replication.policy.class is ${shown(config['replication.policy.class'])}`,
        expected: `'${policyClass}' (the declared ${d.replicationPolicy} policy${d.goal === 'failover' ? ': failover keeps topic names' : ''}), the same on both connectors`,
      });
    }
    f.expect(literalBoolean(checkpoint['emit.checkpoints.enabled']) !== false, {
      found: `${at}.checkpointConnector.config.emit.checkpoints.enabled is ${shown(checkpoint['emit.checkpoints.enabled'])}`,
      expected: 'true: checkpoints carry the translated offsets',
    });
    if (d.syncConsumerGroupOffsets || d.goal === 'failover') {
      f.expect(literalBoolean(checkpoint['sync.group.offsets.enabled']) === true, {
        found: `${at}.checkpointConnector.config.sync.group.offsets.enabled is ${shown(checkpoint['sync.group.offsets.enabled'])}`,
        expected: `'true'${d.goal === 'failover' ? ' while failover is the goal' : ' as declared'}: consumers resume in the DR region where they stopped`,
      });
    }
  });
  return f.outcome();
}

function checkReplicator(doc: TerraformDocument, d: DrPairingDeclaration): RuleOutcome {
  const f = new Findings();
  const { topics, groups } = replicatedBlocksOf(doc);
  f.expect(topics !== undefined, { found: 'replication_info_list.topic_replication is not set', expected: 'topic replication of the declared topics' });
  for (const t of d.topics) {
    f.expect(patternCovers(topics?.topics_to_replicate, t), {
      found: `topic_replication.topics_to_replicate ${shown(topics?.topics_to_replicate)} does not select declared topic '${t}'`,
      expected: 'every declared topic replicated',
    });
    f.expect(!patternCovers(topics?.topics_to_exclude, t), { found: `topic_replication.topics_to_exclude excludes declared topic '${t}'`, expected: 'every declared topic replicated' });
  }
  const naming = MSK_REPLICATOR_TOPIC_NAME_TYPE[d.replicationPolicy as ReplicationPolicy];
  const foundNaming = blockOf(topics?.topic_name_configuration)?.type ?? 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS (the default)';
  f.expect(foundNaming === naming, {
    found: `topic_replication.topic_name_configuration.type is ${shown(foundNaming)}`,
    expected: `'${naming}' (the declared ${d.replicationPolicy} policy${d.goal === 'failover' ? ': failover keeps topic names' : ''})`,
  });
  f.expect(groups !== undefined, { found: 'replication_info_list.consumer_group_replication is not set', expected: 'consumer-group offset replication of the declared groups' });
  for (const g of d.consumerGroups) {
    f.expect(patternCovers(groups?.consumer_groups_to_replicate, groupProbe(g)), {
      found: `consumer_group_replication.consumer_groups_to_replicate ${shown(groups?.consumer_groups_to_replicate)} does not select declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
      expected: 'the offsets of every declared consumer group replicated',
    });
    f.expect(!patternCovers(groups?.consumer_groups_to_exclude, groupProbe(g)), {
      found: `consumer_group_replication.consumer_groups_to_exclude excludes declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
      expected: 'the offsets of every declared consumer group replicated',
    });
  }
  if (d.syncConsumerGroupOffsets || d.goal === 'failover') {
    f.expect(literalBoolean(groups?.synchronise_consumer_group_offsets) === true, {
      found: `consumer_group_replication.synchronise_consumer_group_offsets is ${shown(groups?.synchronise_consumer_group_offsets)}`,
      expected: `true${d.goal === 'failover' ? ' while failover is the goal' : ' as declared'}: consumers resume in the DR region where they stopped`,
    });
  }
  return f.outcome();
}

const IDENTITY_CLASS = MIRROR_MAKER_2_POLICY_CLASS[ReplicationPolicy.IDENTITY];
const NOTE = 'no DR pairing declaration: DR-003 reports it; topic and group coverage cannot be checked';

/** Without a declaration: consumer offsets still fail over when topic names are kept. */
function checkUndeclared(doc: SynthesizedDocument): RuleOutcome {
  const f = new Findings();
  if (isMirrorMaker2(doc)) {
    mirrorsOf(doc).forEach((m, i) => {
      const identity = connectorConfig(m, 'sourceConnector')['replication.policy.class'] === IDENTITY_CLASS;
      f.expect(m.checkpointConnector !== undefined, { found: `spec.mirrors[${i}].checkpointConnector is not set`, expected: 'a checkpoint connector (it translates consumer offsets for failover)' });
      if (identity) {
        const v = connectorConfig(m, 'checkpointConnector')['sync.group.offsets.enabled'];
        f.expect(literalBoolean(v) === true, { found: `spec.mirrors[${i}].checkpointConnector.config.sync.group.offsets.enabled is ${shown(v)}`, expected: "'true' with identity names (failover)" });
      }
    });
    return f.outcome([NOTE]);
  }
  const { topics, groups } = replicatedBlocksOf(doc);
  f.expect(groups !== undefined, { found: 'replication_info_list.consumer_group_replication is not set', expected: 'consumer-group offset replication' });
  if (blockOf(topics?.topic_name_configuration)?.type === 'IDENTICAL') {
    f.expect(literalBoolean(groups?.synchronise_consumer_group_offsets) === true, {
      found: `consumer_group_replication.synchronise_consumer_group_offsets is ${shown(groups?.synchronise_consumer_group_offsets)}`,
      expected: 'true with IDENTICAL names (failover)',
    });
  }
  return f.outcome([NOTE]);
}
