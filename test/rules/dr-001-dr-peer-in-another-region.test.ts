// DR-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { replicatedPair, synth } from '../support/replication-pair';
import { PATH, expectViolation, handWritten, check } from './fixtures/dr-msk-replicator';
import { Environment } from '../../lib/model/environment';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { expectCompliant } from '../support/strimzi-fixture';
import { USER_PATH, withDeclaration } from './fixtures/dr-mirror-maker-2';
import { JsonPatch, Testing, ApiObject } from 'cdk8s';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { DR_PAIRING_ANNOTATION } from '../../lib/contract/dr-markers';
import * as strimziFixture from '../support/strimzi-fixture';

import { DR_001_DR_PEER_IN_ANOTHER_REGION } from '../../lib/rules/dr-001-dr-peer-in-another-region';
import { itDescribesItself } from './fixtures/metadata';
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
      const app = Testing.app();
      const chart = new KafkaChart(app, 'kafka', { environment: f.primary });
      new ApiObject(chart, 'HandWritten', { ...f.mm2.resource.toJson(), metadata: { name: 'hand-written', annotations: { [DR_PAIRING_ANNOTATION]: JSON.stringify(f.pairing.declaration) } } });
      expectViolation(chart, 'DR-001', 'kafka/HandWritten', /the replication runs in environment staging; expected the DR peer staging-dr/);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(DR_001_DR_PEER_IN_ANOTHER_REGION, 'DR-001', ['strimzi', 'msk']);
});
