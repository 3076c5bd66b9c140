// DR-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { replicatedPair, synth } from '../support/replication-pair';
import { PATH, expectViolation, handWritten, check } from './fixtures/dr-msk-replicator';
import { Environment } from '../../lib/model/environment';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { expectCompliant } from '../support/strimzi-fixture';
import { USER_PATH, withDeclaration, annotationPath, mirrorMaker2Outcome } from './fixtures/dr-mirror-maker-2';
import { JsonPatch, Testing, ApiObject } from 'cdk8s';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { DR_PAIRING_ANNOTATION } from '../../lib/contract/dr-markers';
import * as strimziFixture from '../support/strimzi-fixture';

import { DR_001_DR_PEER_IN_ANOTHER_REGION } from '../../lib/rules/dr-001-dr-peer-in-another-region';
import { itDescribesItself } from './fixtures/metadata';
import { SCRATCH_APP } from '../support/scratch';
describe('MSK', () => {
  describe('DR rules on aws_msk_replicator (MskReplicator from a DrPairing)', () => {
    it('passes DR-001..DR-005 on the replicator of the pairing', () => {
      const p = replicatedPair();
      synth(p.peer.stack);
      const entries = p.peer.stack.complianceReport.entries.filter((e) => e.ruleId.startsWith('DR-') && e.path === PATH);
      expect(entries.map((e) => `${e.ruleId} ${e.status}`)).toEqual(['DR-001 compliant', 'DR-002 compliant', 'DR-003 compliant', 'DR-004 compliant', 'DR-005 compliant']);
      expect(entries.find((e) => e.ruleId === 'DR-005')!.notes).toEqual([
        'IAM access control on ${var.replication_source_cluster_arn} is checked where that cluster is defined (MskReplicator refuses a cluster without it)',
      ]);
    });

    it('fails DR-001 when an override points the target ARN at a cluster in the primary region', () => {
      const p = replicatedPair();
      p.replicator.resource.addOverride('replication_info_list.target_kafka_cluster_arn', 'arn:aws:kafka:us-east-1:111122223333:cluster/other/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b-2');
      expectViolation(p.peer.stack, 'DR-001', /replication_info_list\.target_kafka_cluster_arn is in us-east-1; expected a cluster in us-west-2, the declared target region/);
    });
  });

  describe('DR rules on a hand-written aws_msk_replicator (pure rule functions over documents)', () => {
    const dr = Environment.production({ name: 'production', region: 'us-east-1' }).drPeer({ name: 'dr', region: 'us-west-2' });

    it('finds every rule compliant on a replicator that follows the pairing', () => {
      const { docs, replicator } = handWritten();
      for (const id of ['DR-001', 'DR-002', 'DR-003', 'DR-004', 'DR-005']) expect(check(id, dr, docs, replicator).status, id).toBe('compliant');
    });

    it('fails DR-001 for a replicator in the primary region', () => {
      const { docs, replicator } = handWritten();
      const outcome = check('DR-001', Environment.production({ name: 'dr', region: 'us-east-1' }), docs, replicator);
      expect(outcome.status).toBe('non-compliant');
      expect(JSON.stringify(outcome)).toMatch(/the replication runs in region us-east-1/);
    });

    it('fails DR-001 for a replicator that copies a non-MSK cluster', () => {
      const { docs, replicator } = handWritten((b) => { b.kafka_cluster[0] = { apache_kafka_cluster: { bootstrap_brokers: 'x:9092' } }; });
      expect(JSON.stringify(check('DR-001', dr, docs, replicator))).toMatch(/"expected":"two MSK clusters: MSK Replicator copies MSK to MSK"/);
    });
  });
});

describe('MSK: DR-001 findings in full on a hand-written aws_msk_replicator', () => {
  const production = Environment.production({ name: 'production', region: 'us-east-1' });
  const dr = production.drPeer({ name: 'dr', region: 'us-west-2' });
  const MSK_TO_MSK = 'two MSK clusters: MSK Replicator copies MSK to MSK';
  const NOT_MSK_FIX = 'Use MirrorMaker 2 (StrimziMirrorMaker2 with MirrorMaker2Cluster.msk) for a cluster that is not MSK.';
  const ARN = (region: string, n: number) => `arn:aws:kafka:${region}:111122223333:cluster/c${n}/${n}`;
  const msk = (arn: string) => ({ amazon_msk_cluster: { msk_cluster_arn: arn } });

  it('reports a declared peer in the primary region, and the replication and target then outside the declared peer region', () => {
    const { docs, replicator } = handWritten(undefined, (d) => { d.peer.region = 'us-east-1'; });
    expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'non-compliant', findings: [
      { found: 'the DR peer dr is in us-east-1, the region of production', expected: 'a peer in another region', fix: "Create the peer in another region: production.drPeer({ name: 'dr', region: '<another region>' })." },
      { found: 'the replication runs in region us-west-2', expected: "us-east-1, the DR peer's region", fix: 'Build it in a chart or stack of dr.' },
      { found: 'replication_info_list.target_kafka_cluster_arn is in us-west-2', expected: 'a cluster in us-east-1, the declared target region', fix: 'Replicate from production (us-east-1) into dr (us-east-1).' },
    ] });
  });

  it('reports a replication built in another environment of the peer region', () => {
    const { docs, replicator } = handWritten();
    expect(check('DR-001', Environment.production({ name: 'elsewhere', region: 'us-west-2' }), docs, replicator)).toEqual({ status: 'non-compliant', findings: [
      { found: 'the replication runs in environment elsewhere', expected: 'the DR peer dr: replication runs next to the cluster it writes to', fix: 'Build it in a chart or stack of dr.' },
    ] });
  });

  it('reports a replication built in the peer environment name but another region', () => {
    const { docs, replicator } = handWritten();
    expect(check('DR-001', Environment.production({ name: 'dr', region: 'eu-west-1' }), docs, replicator)).toEqual({ status: 'non-compliant', findings: [
      { found: 'the replication runs in region eu-west-1', expected: "us-west-2, the DR peer's region", fix: 'Build it in a chart or stack of dr.' },
    ] });
  });

  it.each([
    ['three MSK clusters', [msk(ARN('us-east-1', 1)), msk(ARN('us-west-2', 2)), msk(ARN('us-west-2', 3))], 'kafka_cluster has 3 cluster(s) (3 MSK)'],
    ['one MSK cluster', [msk(ARN('us-east-1', 1))], 'kafka_cluster has 1 cluster(s) (1 MSK)'],
    ['an Apache Kafka cluster beside an MSK one', [{ apache_kafka_cluster: { bootstrap_brokers: 'x:9092' } }, msk(ARN('us-west-2', 2))], 'kafka_cluster has 2 cluster(s) (1 MSK)'],
    ['an empty cluster entry beside an MSK one', [null, msk(ARN('us-west-2', 2))], 'kafka_cluster has 2 cluster(s) (1 MSK)'],
    ['an MSK block without its ARN', [{ amazon_msk_cluster: {} }, msk(ARN('us-west-2', 2))], 'kafka_cluster has 2 cluster(s) (2 MSK)'],
    ['no kafka_cluster list', undefined, 'kafka_cluster has 0 cluster(s) (0 MSK)'],
  ])('reports a replicator with %s: MSK Replicator copies MSK to MSK', (_, clusters, found) => {
    const { docs, replicator } = handWritten((b) => { if (clusters === undefined) delete b.kafka_cluster; else b.kafka_cluster = clusters; });
    expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'non-compliant', findings: [{ found, expected: MSK_TO_MSK, fix: NOT_MSK_FIX }] });
  });

  it('accepts the MSK clusters and the replication info written as one-element lists (Terraform nested blocks)', () => {
    const { docs, replicator } = handWritten((b) => {
      b.kafka_cluster = b.kafka_cluster.map((c: any) => ({ amazon_msk_cluster: [c.amazon_msk_cluster] }));
      b.replication_info_list = [b.replication_info_list];
    });
    expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'compliant' });
  });

  it('reports a source cluster ARN outside the declared primary region, read from a one-element list', () => {
    const { docs, replicator } = handWritten((b) => {
      b.replication_info_list.source_kafka_cluster_arn = ARN('eu-west-1', 1);
      b.replication_info_list = [b.replication_info_list];
    });
    expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'non-compliant', findings: [
      { found: 'replication_info_list.source_kafka_cluster_arn is in eu-west-1', expected: 'a cluster in us-east-1, the declared source region', fix: 'Replicate from production (us-east-1) into dr (us-west-2).' },
    ] });
  });

  it('leaves cluster ARNs that are references (not literals) to the regions of the stacks that define them', () => {
    const { docs, replicator } = handWritten((b) => {
      b.replication_info_list.source_kafka_cluster_arn = '${var.replication_source_cluster_arn}';
      b.replication_info_list.target_kafka_cluster_arn = '${aws_msk_cluster.dr.arn}';
    });
    expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'compliant' });
  });

  it('is not applicable to a document that is no replication', () => {
    const { docs } = handWritten();
    for (const doc of docs.slice(1)) expect(check('DR-001', dr, docs, doc), doc.type).toEqual({ status: 'not-applicable' });
  });

  describe('without a pairing declaration (DR-003 reports it): what the replicator itself shows', () => {
    const undeclared = (change: (b: Record<string, any>) => void = () => {}) => handWritten((b) => { delete b.tags; change(b); });
    const NOTE = 'no DR pairing declaration: DR-003 reports it; the peer cannot be checked';

    it('is compliant, with a note, for MSK to MSK across two regions', () => {
      const { docs, replicator } = undeclared();
      expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'compliant', notes: [NOTE] });
    });

    it.each([
      ['one MSK cluster', (b: Record<string, any>) => { b.kafka_cluster.pop(); }, 'kafka_cluster has 1 cluster(s)'],
      ['three MSK clusters', (b: Record<string, any>) => { b.kafka_cluster.push(msk(ARN('us-west-2', 3))); }, 'kafka_cluster has 3 cluster(s)'],
      ['an Apache Kafka cluster', (b: Record<string, any>) => { b.kafka_cluster[0] = { apache_kafka_cluster: { bootstrap_brokers: 'x:9092' } }; }, 'kafka_cluster has 2 cluster(s)'],
      ['an empty cluster entry', (b: Record<string, any>) => { b.kafka_cluster[0] = null; }, 'kafka_cluster has 2 cluster(s)'],
      ['no kafka_cluster list', (b: Record<string, any>) => { b.kafka_cluster = { amazon_msk_cluster: { msk_cluster_arn: ARN('us-east-1', 1) } }; }, 'kafka_cluster has 0 cluster(s)'],
    ])('reports %s (no fix of its own: the rule remediation applies)', (_, change, found) => {
      const { docs, replicator } = undeclared(change);
      expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'non-compliant', findings: [{ found, expected: MSK_TO_MSK }] });
    });

    it('reports literal source and target ARNs in one region, read from a one-element list', () => {
      const { docs, replicator } = undeclared((b) => {
        b.replication_info_list.target_kafka_cluster_arn = ARN('us-east-1', 2);
        b.replication_info_list = [b.replication_info_list];
      });
      expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'non-compliant', findings: [{ found: 'source and target clusters are both in us-east-1', expected: 'a DR copy in another region' }] });
    });

    it.each([
      ['the source', 'source_kafka_cluster_arn'],
      ['the target', 'target_kafka_cluster_arn'],
    ])('cannot compare regions when %s ARN is a reference', (_, key) => {
      const { docs, replicator } = undeclared((b) => {
        b.replication_info_list.target_kafka_cluster_arn = ARN('us-east-1', 2);
        b.replication_info_list[key] = '${var.cluster_arn}';
      });
      expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'compliant', notes: [NOTE] });
    });

    it('cannot compare regions without replication info', () => {
      const { docs, replicator } = undeclared((b) => { delete b.replication_info_list; });
      expect(check('DR-001', dr, docs, replicator)).toEqual({ status: 'compliant', notes: [NOTE] });
    });
  });
});

describe('Strimzi', () => {
  describe('DR rules on the KafkaMirrorMaker2: compliant', () => {
    it('passes DR-001..DR-005 on the MirrorMaker 2 of the pairing, and DR-005 on its KafkaUser', () => {
      const f = drFixture();
      for (const id of ['DR-001', 'DR-002', 'DR-003', 'DR-004', 'DR-005']) expectCompliant(f.chart, id, MM2_PATH);
      expectCompliant(f.chart, 'DR-005', USER_PATH);
    });
  });

  describe('DR-001 on the KafkaMirrorMaker2', () => {
    const { expectViolation } = strimziFixture;
    it('fails DR-001 when the declared peer is in the primary region', () => {
      const f = withDeclaration((d) => { d.peer.region = 'us-east-1'; });
      expectViolation(f.chart, 'DR-001', MM2_PATH, /the DR peer staging-dr is in us-east-1, the region of staging; expected a peer in another region/);
    });
    it('fails DR-001 when a JSON patch points spec.target.alias elsewhere', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/target/alias', 'staging'));
      expectViolation(f.chart, 'DR-001', MM2_PATH, /spec\.target\.alias is 'staging'; expected 'staging-dr', the DR peer's alias/);
    });
    it('fails DR-001 for a hand-written KafkaMirrorMaker2 of the pairing placed in the primary environment', () => {
      const f = drFixture();
      const app = Testing.app(SCRATCH_APP);
      const chart = new KafkaChart(app, 'kafka', { environment: f.primary });
      new ApiObject(chart, 'HandWritten', { ...f.mm2.resource.toJson(), metadata: { name: 'hand-written', annotations: { [DR_PAIRING_ANNOTATION]: JSON.stringify(f.pairing.declaration) } } });
      expectViolation(chart, 'DR-001', 'kafka/HandWritten', /the replication runs in environment staging; expected the DR peer staging-dr/);
    });
  });
});

describe('Strimzi: DR-001 findings in full on the KafkaMirrorMaker2', () => {
  const TARGET = { expected: "'staging-dr', the DR peer's alias", fix: 'Remove the override of spec.target.alias.' };
  const EMPTY = { found: 'spec.mirrors is empty', expected: "one mirror from 'staging'", fix: 'Remove the override of spec.mirrors.' };
  const SOURCE = { expected: "'staging', the primary's alias", fix: 'Mirror only the declared primary; declare another pairing for another source.' };

  it('is compliant on the MirrorMaker 2 of the pairing, in the peer environment', () => {
    expect(mirrorMaker2Outcome('DR-001', drFixture())).toEqual({ status: 'compliant' });
  });

  it('reports a target alias other than the peer alias', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/target/alias', 'staging'));
    expect(mirrorMaker2Outcome('DR-001', f)).toEqual({ status: 'non-compliant', findings: [{ found: "spec.target.alias is 'staging'", ...TARGET }] });
  });

  it('reports a KafkaMirrorMaker2 without spec: no target alias and no mirror', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec'));
    expect(mirrorMaker2Outcome('DR-001', f)).toEqual({ status: 'non-compliant', findings: [{ found: 'spec.target.alias is not set', ...TARGET }, EMPTY] });
  });

  it('reports a KafkaMirrorMaker2 without spec.target', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec/target'));
    expect(mirrorMaker2Outcome('DR-001', f)).toEqual({ status: 'non-compliant', findings: [{ found: 'spec.target.alias is not set', ...TARGET }] });
  });

  it('reports an empty spec.mirrors', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/mirrors', []));
    expect(mirrorMaker2Outcome('DR-001', f)).toEqual({ status: 'non-compliant', findings: [EMPTY] });
  });

  it('reports each mirror from another source than the primary, and only those', () => {
    const f = drFixture();
    const mirror = (f.mm2.resource.toJson() as any).spec.mirrors[0];
    f.mm2.resource.addJsonPatch(JsonPatch.add('/spec/mirrors/-', { ...mirror, source: { ...mirror.source, alias: 'elsewhere' } }));
    f.mm2.resource.addJsonPatch(JsonPatch.add('/spec/mirrors/-', { ...mirror, source: undefined }));
    // A hand-written file may hold an empty entry, which the typed construct cannot write.
    expect(mirrorMaker2Outcome('DR-001', f, { edit: (b) => { b.spec.mirrors.push(null); } })).toEqual({ status: 'non-compliant', findings: [
      { found: "spec.mirrors[].source.alias is 'elsewhere'", ...SOURCE },
      { found: 'spec.mirrors[].source.alias is not set', ...SOURCE },
      { found: 'spec.mirrors[].source.alias is not set', ...SOURCE },
    ] });
  });

  it('reports the declared peer in the primary region, and the replication then outside the declared peer region', () => {
    const f = withDeclaration((d) => { d.peer.region = 'us-east-1'; });
    expect(mirrorMaker2Outcome('DR-001', f)).toEqual({ status: 'non-compliant', findings: [
      { found: 'the DR peer staging-dr is in us-east-1, the region of staging', expected: 'a peer in another region', fix: "Create the peer in another region: staging.drPeer({ name: 'staging-dr', region: '<another region>' })." },
      { found: 'the replication runs in region us-west-2', expected: "us-east-1, the DR peer's region", fix: 'Build it in a chart or stack of staging-dr.' },
    ] });
  });

  it('is compliant, with a note, without a pairing declaration (DR-003 reports it; nothing to compare)', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove(annotationPath));
    expect(mirrorMaker2Outcome('DR-001', f)).toEqual({ status: 'compliant', notes: ['no DR pairing declaration: DR-003 reports it; the peer and regions cannot be checked'] });
  });
});

describe('the rule', () => {
  itDescribesItself(DR_001_DR_PEER_IN_ANOTHER_REGION, 'DR-001', ['strimzi', 'msk']);
});
