// What the DR rules read (lib/rules/readers/replication-documents.ts): the replication documents
// (a Strimzi KafkaMirrorMaker2, an aws_msk_replicator), the pairing declaration each carries, and
// the small readers of their fields (patterns as MirrorMaker 2 and the MSK Replicator match them,
// nested blocks, ARN regions; booleans are `literalBoolean`, tested with the MSK cluster reader).
import { describe, expect, it } from 'vitest';
import { DR_PAIRING_ANNOTATION, DR_PAIRING_ARTEFACT_KIND, DR_PAIRING_TAG } from '../../../lib/contract/dr-markers';
import type { SynthesizedDocument } from '../../../lib/contract/document';
import { DocumentIndex } from '../../../lib/contract/document-index';
import {
  blockOf, connectorConfig, declarationOf, groupProbe, isMirrorMaker2, isMskReplicator, missingDeclaration,
  mirrorsOf, patternCovers, regionOfArn, replicatedBlocksOf, replicationTargets,
} from '../../../lib/rules/readers/replication-documents';
import type { RuleContext } from '../../../lib/rules/rule';
import { kubernetes, production, terraform } from '../fixtures/cap-documents';

const DECLARATION = { name: 'production-to-dr', topics: ['orders'], rpoSeconds: 300 };
const mm2 = (annotations?: Record<string, string>, spec: any = {}) => kubernetes('kafka.strimzi.io/v1', 'KafkaMirrorMaker2', 'mm2', { metadata: { annotations }, spec });
const replicator = (tags?: Record<string, unknown>) => terraform('aws_msk_replicator', 'r', tags === undefined ? {} : { tags });
const artefact = (input: Record<string, unknown> | undefined, name = 'd') => terraform('terraform_data', name, input === undefined ? {} : { input });

describe('isMirrorMaker2 and isMskReplicator: which documents are replications', () => {
  it('is a KafkaMirrorMaker2 of the kafka.strimzi.io group only', () => {
    expect(isMirrorMaker2(mm2())).toBe(true);
    expect(isMirrorMaker2(kubernetes('other.example.com/v1', 'KafkaMirrorMaker2', 'mm2', {}))).toBe(false);
    expect(isMirrorMaker2(kubernetes('kafka.strimzi.io/v1', 'KafkaConnect', 'mm2', {}))).toBe(false);
    expect(isMirrorMaker2({ ...terraform('aws_msk_replicator', 'r', {}), kind: 'KafkaMirrorMaker2', apiVersion: 'kafka.strimzi.io/v1' } as unknown as SynthesizedDocument)).toBe(false);
  });

  it('is an aws_msk_replicator only', () => {
    expect(isMskReplicator(replicator())).toBe(true);
    expect(isMskReplicator(terraform('aws_msk_cluster', 'kafka', {}))).toBe(false);
    expect(isMskReplicator({ ...mm2(), type: 'aws_msk_replicator' } as unknown as SynthesizedDocument)).toBe(false);
  });
});

describe('declarationOf: the DR pairing a replication carries out', () => {
  it('reads a KafkaMirrorMaker2 annotation; none without the annotation or without metadata', () => {
    const index = new DocumentIndex([]);
    expect(declarationOf(mm2({ [DR_PAIRING_ANNOTATION]: JSON.stringify(DECLARATION) }), index)).toEqual(DECLARATION);
    expect(declarationOf(mm2({ other: 'x' }), index)).toBeUndefined();
    expect(declarationOf({ source: 'kubernetes', apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaMirrorMaker2', name: 'mm2', path: 'p', body: {} }, index)).toBeUndefined();
  });

  it('reads the terraform_data of kind dr-pairing that the replicator tag names, among others', () => {
    const docs = [
      artefact(undefined, 'bare'),
      artefact({ kind: 'kafka-iac/kafka-admin', pairing: 'production-to-dr', declaration: JSON.stringify({ ...DECLARATION, name: 'wrong-kind' }) }, 'admin'),
      artefact({ kind: DR_PAIRING_ARTEFACT_KIND, pairing: 'other', declaration: JSON.stringify({ ...DECLARATION, name: 'other' }) }, 'other'),
      artefact({ kind: DR_PAIRING_ARTEFACT_KIND, pairing: 'production-to-dr', declaration: JSON.stringify(DECLARATION) }, 'mine'),
    ];
    expect(declarationOf(replicator({ [DR_PAIRING_TAG]: 'production-to-dr' }), new DocumentIndex(docs))).toEqual(DECLARATION);
  });

  it('reads none for a replicator without the tag, without tags, with a tag that is not text or that names no artefact', () => {
    const index = new DocumentIndex([artefact({ kind: DR_PAIRING_ARTEFACT_KIND, pairing: 'production-to-dr', declaration: JSON.stringify(DECLARATION) })]);
    expect(declarationOf(replicator({ other: 'x' }), index)).toBeUndefined();
    expect(declarationOf(replicator(), index)).toBeUndefined();
    expect(declarationOf(replicator({ [DR_PAIRING_TAG]: ['production-to-dr'] }), new DocumentIndex([artefact({ kind: DR_PAIRING_ARTEFACT_KIND, pairing: ['production-to-dr'], declaration: JSON.stringify(DECLARATION) })]))).toBeUndefined();
    expect(declarationOf(replicator({ [DR_PAIRING_TAG]: 'elsewhere' }), index)).toBeUndefined();
    expect(declarationOf(replicator({ [DR_PAIRING_TAG]: 'production-to-dr' }), new DocumentIndex([artefact(undefined)]))).toBeUndefined();
    // An artefact that names no pairing is not the one of a replicator without the tag.
    const unnamed = new DocumentIndex([artefact({ kind: DR_PAIRING_ARTEFACT_KIND, declaration: JSON.stringify(DECLARATION) })]);
    expect(declarationOf(replicator({ other: 'x' }), unnamed)).toBeUndefined();
    expect(declarationOf(replicator(), unnamed)).toBeUndefined();
  });

  it('reads none from a document that is no replication, even with the annotation or the tag', () => {
    const connect = kubernetes('kafka.strimzi.io/v1', 'KafkaConnect', 'c', { metadata: { annotations: { [DR_PAIRING_ANNOTATION]: JSON.stringify(DECLARATION) } } });
    expect(declarationOf(connect, new DocumentIndex([]))).toBeUndefined();
    const index = new DocumentIndex([artefact({ kind: DR_PAIRING_ARTEFACT_KIND, pairing: 'production-to-dr', declaration: JSON.stringify(DECLARATION) })]);
    expect(declarationOf(terraform('aws_msk_cluster', 'kafka', { tags: { [DR_PAIRING_TAG]: 'production-to-dr' } }), index)).toBeUndefined();
  });
});

describe('missingDeclaration: how a replication without a declaration is reported', () => {
  it('names the annotation on a KafkaMirrorMaker2', () => {
    expect(missingDeclaration(mm2())).toEqual({
      found: `annotation ${DR_PAIRING_ANNOTATION} is not set (or not a pairing declaration)`,
      expected: 'the DR pairing this MirrorMaker 2 carries out: peer, regions, RPO, RTO, topics, groups',
      fix: 'Build the KafkaMirrorMaker2 with StrimziMirrorMaker2 from a DrPairing, and keep its annotation.',
    });
  });

  it('names the tag on a replicator: the pairing it names, or that it is not set', () => {
    const expected = 'the DR pairing this replicator carries out: peer, regions, RPO, RTO, topics, groups';
    const fix = 'Build the replicator with MskReplicator from a DrPairing (it tags the replicator and writes the declaration).';
    expect(missingDeclaration(replicator({ [DR_PAIRING_TAG]: 'elsewhere' }))).toEqual({
      found: `tag ${DR_PAIRING_TAG} is 'elsewhere', which names no terraform_data of kind ${DR_PAIRING_ARTEFACT_KIND}`, expected, fix,
    });
    const notSet = { found: `tag ${DR_PAIRING_TAG} is not set: no DR pairing declares this replicator's RPO and RTO`, expected, fix };
    expect(missingDeclaration(replicator())).toEqual(notSet);
    expect(missingDeclaration(replicator({ [DR_PAIRING_TAG]: 7 }))).toEqual(notSet);
  });
});

describe('mirrorsOf and connectorConfig', () => {
  it('reads spec.mirrors when it is a list, none otherwise', () => {
    expect(mirrorsOf(mm2(undefined, { mirrors: [{ sourceCluster: 'a' }] }))).toEqual([{ sourceCluster: 'a' }]);
    expect(mirrorsOf(mm2(undefined, { mirrors: { sourceCluster: 'a' } }))).toEqual([]);
    expect(mirrorsOf({ ...mm2(), body: {} })).toEqual([]);
  });

  it('reads a connector config, and an empty one when the connector, its config or the mirror is missing or the config is not an object', () => {
    expect(connectorConfig({ sourceConnector: { config: { 'sync.topic.acls.enabled': 'false' } } }, 'sourceConnector')).toEqual({ 'sync.topic.acls.enabled': 'false' });
    expect(connectorConfig({ sourceConnector: { config: { a: 1 } } }, 'checkpointConnector')).toEqual({});
    expect(connectorConfig({ checkpointConnector: {} }, 'checkpointConnector')).toEqual({});
    expect(connectorConfig({ checkpointConnector: { config: 'a=1' } }, 'checkpointConnector')).toEqual({});
    expect(connectorConfig(undefined as unknown as Record<string, unknown>, 'sourceConnector')).toEqual({});
  });
});

describe('patternCovers: a name selected by a topic or group pattern, as Java matches() does', () => {
  it('matches the whole name against a regular expression', () => {
    expect(patternCovers('orders', 'orders')).toBe(true);
    expect(patternCovers('orders.*', 'orders-eu')).toBe(true);
    expect(patternCovers('orders', 'orders-eu')).toBe(false);
    expect(patternCovers('orders', 'eu-orders')).toBe(false);
    expect(patternCovers('ord', 'orders')).toBe(false);
  });

  it('reads a comma-separated list (blanks around each part ignored) and an MSK Replicator list', () => {
    expect(patternCovers('payments, orders', 'orders')).toBe(true);
    expect(patternCovers('orders ,payments', 'orders')).toBe(true);
    expect(patternCovers(['payments', 'orders.*'], 'orders-eu')).toBe(true);
    expect(patternCovers(['payments'], 'orders')).toBe(false);
    expect(patternCovers([7], '7')).toBe(true);
  });

  it('skips a part that is not a regular expression, and covers nothing with no pattern', () => {
    expect(patternCovers('orders(,orders', 'orders')).toBe(true);
    expect(patternCovers('orders(', 'orders(')).toBe(false);
    expect(patternCovers(undefined, 'orders')).toBe(false);
    expect(patternCovers(3, '3')).toBe(false);
    expect(patternCovers('', 'orders')).toBe(false);
    expect(patternCovers('orders,,payments', 'payments')).toBe(true);
    expect(patternCovers(null, 'orders')).toBe(false);
    expect(patternCovers({ orders: true }, 'orders')).toBe(false);
  });
});

describe('groupProbe, blockOf, regionOfArn', () => {
  it('probes a prefix group with a name that extends it, and an exact group with its name', () => {
    expect(groupProbe({ name: 'billing-', isPrefix: true })).toBe('billing-x');
    expect(groupProbe({ name: 'billing', isPrefix: false })).toBe('billing');
    expect(patternCovers('billing-.*', groupProbe({ name: 'billing-', isPrefix: true }))).toBe(true);
    expect(patternCovers('billing-', groupProbe({ name: 'billing-', isPrefix: true }))).toBe(false);
  });

  it("reads a replicator's topic and consumer-group blocks, each undefined when absent", () => {
    const topics = { topics_to_replicate: ['orders'] };
    const groups = { consumer_groups_to_replicate: ['billing'] };
    expect(replicatedBlocksOf(terraform('aws_msk_replicator', 'r', { replication_info_list: { topic_replication: [topics], consumer_group_replication: groups } })))
      .toEqual({ topics, groups });
    expect(replicatedBlocksOf(terraform('aws_msk_replicator', 'r', { replication_info_list: [{ topic_replication: topics }] }))).toEqual({ topics, groups: undefined });
    expect(replicatedBlocksOf(replicator())).toEqual({ topics: undefined, groups: undefined });
  });

  it('reads a nested block written as an object or a one-element list', () => {
    expect(blockOf({ type: 'IDENTICAL' })).toEqual({ type: 'IDENTICAL' });
    expect(blockOf([{ type: 'IDENTICAL' }, { type: 'PREFIXED' }])).toEqual({ type: 'IDENTICAL' });
    expect(blockOf('IDENTICAL')).toBeUndefined();
    expect(blockOf(null)).toBeUndefined();
    expect(blockOf(undefined)).toBeUndefined();
  });

  it('reads the region of an ARN literal, none from a reference or a value that is not text', () => {
    expect(regionOfArn('arn:aws:kafka:us-west-2:111122223333:cluster/dr/2')).toBe('us-west-2');
    expect(regionOfArn('arn:aws-cn:kafka:cn-north-1:111122223333:cluster/x/1')).toBe('cn-north-1');
    expect(regionOfArn('${aws_msk_cluster.dr.arn}')).toBeUndefined();
    expect(regionOfArn('arn:aws:kafka::111122223333:cluster/x/1')).toBeUndefined();
    expect(regionOfArn('see arn:aws:kafka:us-west-2:111122223333:cluster/dr/2')).toBeUndefined();
    expect(regionOfArn(['arn:aws:kafka:us-west-2:1:cluster/dr/2'])).toBeUndefined();
  });
});

describe('replicationTargets: a DR rule checks replications only', () => {
  it('checks a KafkaMirrorMaker2 on Strimzi and a replicator on MSK, and leaves every other document not applicable', () => {
    const targets = replicationTargets(() => ({ status: 'compliant' }));
    const ctx: RuleContext = { environment: production, index: new DocumentIndex([]) };
    expect(Object.keys(targets).sort()).toEqual(['msk', 'strimzi']);
    for (const check of [targets.strimzi!, targets.msk!]) {
      expect(check(mm2(), ctx)).toEqual({ status: 'compliant' });
      expect(check(replicator(), ctx)).toEqual({ status: 'compliant' });
      expect(check(terraform('aws_msk_cluster', 'kafka', {}), ctx)).toEqual({ status: 'not-applicable' });
      expect(check(kubernetes('kafka.strimzi.io/v1', 'Kafka', 'main', {}), ctx)).toEqual({ status: 'not-applicable' });
    }
  });
});
