// The MSK admin artefact as the rules read it (lib/rules/readers/msk-admin-artefact.ts): which
// document it is, its topic lines as topics.txt will hold them, the cluster it is for, and the
// finding when input.topics is not text.
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../../lib/contract/document-index';
import { asMskAdminArtefact, checkMskAdminTopicLines, mskAdminTopicLinesOf, mskClusterOfArtefact } from '../../../lib/rules/readers/msk-admin-artefact';
import { HA_002_REPLICATION_FACTOR } from '../../../lib/rules/ha-002-replication-factor';
import { HA_003_MIN_INSYNC_REPLICAS } from '../../../lib/rules/ha-003-min-insync-replicas';
import { kubernetes, mskCluster, terraform } from '../fixtures/cap-documents';
import { mskAdminArtefact } from '../fixtures/cap-rules';
import { findingsOf, outcomeOf } from '../fixtures/outcome';

const ORDERS = '--create --if-not-exists --topic orders --partitions 6 --replication-factor 3 --config min.insync.replicas=2';

describe('asMskAdminArtefact: which document is the MSK admin artefact', () => {
  it('is the terraform_data whose input.kind is kafka-iac/kafka-admin', () => {
    const artefact = mskAdminArtefact(ORDERS);
    expect(asMskAdminArtefact(artefact)).toBe(artefact);
  });

  it('is not a Kubernetes object, another resource type, another terraform_data, or a terraform_data without input', () => {
    expect(asMskAdminArtefact(kubernetes('v1', 'ConfigMap', 'admin', { data: {}, spec: {} }))).toBeUndefined();
    const k8s = kubernetes('v1', 'ConfigMap', 'admin', {});
    expect(asMskAdminArtefact({ ...k8s, body: { ...k8s.body, input: { kind: 'kafka-iac/kafka-admin' } } })).toBeUndefined();
    expect(asMskAdminArtefact(terraform('null_resource', 'admin', { input: { kind: 'kafka-iac/kafka-admin', topics: ORDERS } }))).toBeUndefined();
    expect(asMskAdminArtefact(terraform('terraform_data', 'other', { input: { kind: 'kafka-iac/client-properties' } }))).toBeUndefined();
    expect(asMskAdminArtefact(terraform('terraform_data', 'bare', {}))).toBeUndefined();
  });

  it('leaves a null_resource that looks like the artefact to no HA-003 topic check (not applicable)', () => {
    expect(outcomeOf(HA_003_MIN_INSYNC_REPLICAS, terraform('null_resource', 'admin', { input: { kind: 'kafka-iac/kafka-admin', topics: '--create --topic orders --config min.insync.replicas=1' } })))
      .toEqual({ status: 'not-applicable' });
  });
});

describe('mskAdminTopicLinesOf: the lines topics.txt will hold', () => {
  it('undoes the Terraform template escapes $${ and %%{', () => {
    const lines = mskAdminTopicLinesOf(mskAdminArtefact('--create --topic orders --replication-factor 3 --config a=$${x} --config b=%%{y}'));
    expect(lines).toEqual([{ topic: 'orders', partitions: undefined, replicationFactor: '3', config: { a: '${x}', b: '%{y}' }, line: 1 }]);
  });

  it('is undefined when input.topics is not text, or when the artefact has no input', () => {
    expect(mskAdminTopicLinesOf(mskAdminArtefact(['orders']))).toBeUndefined();
    expect(mskAdminTopicLinesOf(terraform('terraform_data', 'bare', {}))).toBeUndefined();
  });

  it('reads the lines of an artefact once for every rule, and again after its text changes (the lines are remembered per artefact and text)', () => {
    const artefact = mskAdminArtefact(ORDERS);
    const first = mskAdminTopicLinesOf(artefact);
    expect(mskAdminTopicLinesOf(artefact)).toBe(first);
    expect(first?.map((l) => [l.topic, l.replicationFactor])).toEqual([['orders', '3']]);
    // A later change of the document (an escape hatch applied to the same object) is seen.
    artefact.body.input.topics = `${ORDERS}\n--create --topic payments --replication-factor 1`;
    expect(mskAdminTopicLinesOf(artefact)?.map((l) => [l.topic, l.replicationFactor])).toEqual([['orders', '3'], ['payments', '1']]);
    expect(findingsOf(HA_002_REPLICATION_FACTOR, artefact).map((f) => f.found)).toEqual([
      "input.topics (kafka-admin/topics.txt) line 2 creates topic 'payments' with --replication-factor 1",
    ]);
    artefact.body.input.topics = 42;
    expect(mskAdminTopicLinesOf(artefact)).toBeUndefined();
  });
});

describe('mskClusterOfArtefact: the aws_msk_cluster an artefact is for', () => {
  const named = (name: string | undefined, address: string) => {
    const c = mskCluster();
    return { ...c, name: address, address: `aws_msk_cluster.${address}`, body: { ...c.body, cluster_name: name } };
  };

  it('is the cluster whose cluster_name is the artefact input.cluster, among several', () => {
    const other = named('staging-kafka', 'other');
    const mine = named('production-kafka', 'mine');
    expect(mskClusterOfArtefact(mskAdminArtefact(ORDERS), new DocumentIndex([other, mine]))).toBe(mine);
    expect(mskClusterOfArtefact(mskAdminArtefact(ORDERS), new DocumentIndex([other]))).toBeUndefined();
  });

  it('is none when the artefact names no cluster, even next to a cluster without cluster_name', () => {
    const index = new DocumentIndex([named(undefined, 'unnamed')]);
    expect(mskClusterOfArtefact(terraform('terraform_data', 'admin', { input: { kind: 'kafka-iac/kafka-admin', topics: ORDERS } }), index)).toBeUndefined();
    expect(mskClusterOfArtefact(terraform('terraform_data', 'admin', {}), index)).toBeUndefined();
  });

  it('lets HA-002 compare a topic replication factor with the brokers of the named cluster only', () => {
    const small = { ...named('staging-kafka', 'small'), body: { ...named('staging-kafka', 'small').body, number_of_broker_nodes: 2 } };
    const big = named('production-kafka', 'big');
    expect(outcomeOf(HA_002_REPLICATION_FACTOR, mskAdminArtefact(ORDERS), [small, big])).toEqual({ status: 'compliant' });
  });
});

describe('checkMskAdminTopicLines: input.topics that is not text is a finding', () => {
  const FINDING = { expected: 'the kafka-topics.sh lines as text', fix: 'Remove the override of input.topics; MskAccess writes the lines from the access model.' };

  it('reports the value found, the text expected and the fix (HA-003)', () => {
    expect(findingsOf(HA_003_MIN_INSYNC_REPLICAS, mskAdminArtefact(['orders']))).toEqual([{ found: 'input.topics is ["orders"]', ...FINDING }]);
    expect(findingsOf(HA_003_MIN_INSYNC_REPLICAS, mskAdminArtefact(undefined))).toEqual([{ found: 'input.topics is not set', ...FINDING }]);
  });

  it('reports an artefact without input as input.topics not set, and passes the lines and where they are to the check', () => {
    expect(checkMskAdminTopicLines(terraform('terraform_data', 'bare', {}), () => { throw new Error('no lines to check'); }))
      .toEqual({ status: 'non-compliant', findings: [{ found: 'input.topics is not set', ...FINDING }] });
    const seen: unknown[] = [];
    expect(checkMskAdminTopicLines(mskAdminArtefact(ORDERS), (lines, where) => seen.push(lines.map((l) => l.topic), where))).toEqual({ status: 'compliant' });
    expect(seen).toEqual([['orders'], 'input.topics (kafka-admin/topics.txt)']);
  });
});
