"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DR_002_TOPICS_AND_OFFSETS_REPLICATE = void 0;
const replication_policy_1 = require("../model/dr/replication-policy");
const rule_1 = require("./rule");
const replication_documents_1 = require("./readers/replication-documents");
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
exports.DR_002_TOPICS_AND_OFFSETS_REPLICATE = {
    id: 'DR-002',
    level: rule_1.RuleLevel.ERROR,
    title: 'Replication covers the declared topics and consumer-group offsets (checkpoints, offset sync), so consumers can fail over',
    explanation: 'A topic left out is lost at failover; without checkpoints and synced offsets, consumers in the DR region restart from auto.offset.reset and re-read or skip records; renamed topics break consumers that fail over with their configuration.',
    remediation: 'Build the replication from the DrPairing (StrimziMirrorMaker2 or MskReplicator) and remove the override that narrows its topics or groups or turns offset sync off.',
    targets: [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.MSK],
    check(doc, ctx) {
        if (!(0, replication_documents_1.isMirrorMaker2)(doc) && !(0, replication_documents_1.isMskReplicator)(doc))
            return rule_1.NOT_APPLICABLE;
        const d = (0, replication_documents_1.declarationOf)(doc, ctx.index);
        if (!d)
            return checkUndeclared(doc);
        return (0, replication_documents_1.isMirrorMaker2)(doc) ? checkMirrorMaker2(doc, d) : checkReplicator(doc, d);
    },
};
function checkMirrorMaker2(doc, d) {
    const f = new rule_1.Findings();
    const mirrors = (0, replication_documents_1.mirrorsOf)(doc);
    f.expect(mirrors.length > 0, { found: 'spec.mirrors is empty', expected: `a mirror from '${d.primary.alias}' with source and checkpoint connectors` });
    const policyClass = replication_policy_1.MIRROR_MAKER_2_POLICY_CLASS[d.replicationPolicy];
    mirrors.forEach((m, i) => {
        const at = `spec.mirrors[${i}]`;
        f.expect(m.sourceConnector !== undefined, { found: `${at}.sourceConnector is not set`, expected: 'a source connector (it replicates the records)' });
        f.expect(m.checkpointConnector !== undefined, { found: `${at}.checkpointConnector is not set`, expected: 'a checkpoint connector (it translates consumer offsets for failover)' });
        for (const t of d.topics) {
            f.expect((0, replication_documents_1.patternCovers)(m.topicsPattern, t), {
                found: `${at}.topicsPattern ${(0, rule_1.shown)(m.topicsPattern)} does not select declared topic '${t}'`,
                expected: 'every declared topic replicated',
            });
        }
        if (m.topicsExcludePattern !== undefined) {
            for (const t of d.topics) {
                f.expect(!(0, replication_documents_1.patternCovers)(m.topicsExcludePattern, t), { found: `${at}.topicsExcludePattern excludes declared topic '${t}'`, expected: 'every declared topic replicated' });
            }
        }
        for (const g of d.consumerGroups) {
            f.expect((0, replication_documents_1.patternCovers)(m.groupsPattern, (0, replication_documents_1.groupProbe)(g)), {
                found: `${at}.groupsPattern ${(0, rule_1.shown)(m.groupsPattern)} does not select declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
                expected: 'the offsets of every declared consumer group replicated',
            });
            f.expect(!(0, replication_documents_1.patternCovers)(m.groupsExcludePattern, (0, replication_documents_1.groupProbe)(g)), {
                found: `${at}.groupsExcludePattern excludes declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
                expected: 'the offsets of every declared consumer group replicated',
            });
        }
        const source = (0, replication_documents_1.connectorConfig)(m, 'sourceConnector');
        const checkpoint = (0, replication_documents_1.connectorConfig)(m, 'checkpointConnector');
        for (const [name, config] of [['sourceConnector', source], ['checkpointConnector', checkpoint]]) {
            f.expect(config['replication.policy.class'] === policyClass, {
                found: `${at}.${name}.config.replication.policy.class is ${(0, rule_1.shown)(config['replication.policy.class'])}`,
                expected: `'${policyClass}' (the declared ${d.replicationPolicy} policy${d.goal === 'failover' ? ': failover keeps topic names' : ''}), the same on both connectors`,
            });
        }
        f.expect((0, replication_documents_1.booleanOf)(checkpoint['emit.checkpoints.enabled']) !== false, {
            found: `${at}.checkpointConnector.config.emit.checkpoints.enabled is ${(0, rule_1.shown)(checkpoint['emit.checkpoints.enabled'])}`,
            expected: 'true: checkpoints carry the translated offsets',
        });
        if (d.syncConsumerGroupOffsets || d.goal === 'failover') {
            f.expect((0, replication_documents_1.booleanOf)(checkpoint['sync.group.offsets.enabled']) === true, {
                found: `${at}.checkpointConnector.config.sync.group.offsets.enabled is ${(0, rule_1.shown)(checkpoint['sync.group.offsets.enabled'])}`,
                expected: `'true'${d.goal === 'failover' ? ' while failover is the goal' : ' as declared'}: consumers resume in the DR region where they stopped`,
            });
        }
    });
    return f.outcome();
}
function checkReplicator(doc, d) {
    const f = new rule_1.Findings();
    const info = (0, replication_documents_1.blockOf)(doc.body.replication_info_list);
    const topics = (0, replication_documents_1.blockOf)(info?.topic_replication);
    const groups = (0, replication_documents_1.blockOf)(info?.consumer_group_replication);
    f.expect(topics !== undefined, { found: 'replication_info_list.topic_replication is not set', expected: 'topic replication of the declared topics' });
    for (const t of d.topics) {
        f.expect((0, replication_documents_1.patternCovers)(topics?.topics_to_replicate, t), {
            found: `topic_replication.topics_to_replicate ${(0, rule_1.shown)(topics?.topics_to_replicate)} does not select declared topic '${t}'`,
            expected: 'every declared topic replicated',
        });
        f.expect(!(0, replication_documents_1.patternCovers)(topics?.topics_to_exclude, t), { found: `topic_replication.topics_to_exclude excludes declared topic '${t}'`, expected: 'every declared topic replicated' });
    }
    const naming = replication_policy_1.MSK_REPLICATOR_TOPIC_NAME_TYPE[d.replicationPolicy];
    const foundNaming = (0, replication_documents_1.blockOf)(topics?.topic_name_configuration)?.type ?? 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS (the default)';
    f.expect(foundNaming === naming, {
        found: `topic_replication.topic_name_configuration.type is ${(0, rule_1.shown)(foundNaming)}`,
        expected: `'${naming}' (the declared ${d.replicationPolicy} policy${d.goal === 'failover' ? ': failover keeps topic names' : ''})`,
    });
    f.expect(groups !== undefined, { found: 'replication_info_list.consumer_group_replication is not set', expected: 'consumer-group offset replication of the declared groups' });
    for (const g of d.consumerGroups) {
        f.expect((0, replication_documents_1.patternCovers)(groups?.consumer_groups_to_replicate, (0, replication_documents_1.groupProbe)(g)), {
            found: `consumer_group_replication.consumer_groups_to_replicate ${(0, rule_1.shown)(groups?.consumer_groups_to_replicate)} does not select declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
            expected: 'the offsets of every declared consumer group replicated',
        });
        f.expect(!(0, replication_documents_1.patternCovers)(groups?.consumer_groups_to_exclude, (0, replication_documents_1.groupProbe)(g)), {
            found: `consumer_group_replication.consumer_groups_to_exclude excludes declared group ${g.isPrefix ? 'prefix ' : ''}'${g.name}'`,
            expected: 'the offsets of every declared consumer group replicated',
        });
    }
    if (d.syncConsumerGroupOffsets || d.goal === 'failover') {
        f.expect((0, replication_documents_1.booleanOf)(groups?.synchronise_consumer_group_offsets) === true, {
            found: `consumer_group_replication.synchronise_consumer_group_offsets is ${(0, rule_1.shown)(groups?.synchronise_consumer_group_offsets)}`,
            expected: `true${d.goal === 'failover' ? ' while failover is the goal' : ' as declared'}: consumers resume in the DR region where they stopped`,
        });
    }
    return f.outcome();
}
const IDENTITY_CLASS = replication_policy_1.MIRROR_MAKER_2_POLICY_CLASS[replication_policy_1.ReplicationPolicy.IDENTITY];
const NOTE = 'no DR pairing declaration: DR-003 reports it; topic and group coverage cannot be checked';
/** Without a declaration: consumer offsets still fail over when topic names are kept. */
function checkUndeclared(doc) {
    const f = new rule_1.Findings();
    if ((0, replication_documents_1.isMirrorMaker2)(doc)) {
        (0, replication_documents_1.mirrorsOf)(doc).forEach((m, i) => {
            const identity = (0, replication_documents_1.connectorConfig)(m, 'sourceConnector')['replication.policy.class'] === IDENTITY_CLASS;
            f.expect(m.checkpointConnector !== undefined, { found: `spec.mirrors[${i}].checkpointConnector is not set`, expected: 'a checkpoint connector (it translates consumer offsets for failover)' });
            if (identity) {
                const v = (0, replication_documents_1.connectorConfig)(m, 'checkpointConnector')['sync.group.offsets.enabled'];
                f.expect((0, replication_documents_1.booleanOf)(v) === true, { found: `spec.mirrors[${i}].checkpointConnector.config.sync.group.offsets.enabled is ${(0, rule_1.shown)(v)}`, expected: "'true' with identity names (failover)" });
            }
        });
        return f.outcome([NOTE]);
    }
    const info = (0, replication_documents_1.blockOf)(doc.body.replication_info_list);
    const topics = (0, replication_documents_1.blockOf)(info?.topic_replication);
    const groups = (0, replication_documents_1.blockOf)(info?.consumer_group_replication);
    f.expect(groups !== undefined, { found: 'replication_info_list.consumer_group_replication is not set', expected: 'consumer-group offset replication' });
    if ((0, replication_documents_1.blockOf)(topics?.topic_name_configuration)?.type === 'IDENTICAL') {
        f.expect((0, replication_documents_1.booleanOf)(groups?.synchronise_consumer_group_offsets) === true, {
            found: `consumer_group_replication.synchronise_consumer_group_offsets is ${(0, rule_1.shown)(groups?.synchronise_consumer_group_offsets)}`,
            expected: 'true with IDENTICAL names (failover)',
        });
    }
    return f.outcome([NOTE]);
}
