// DR-004: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { handWritten, check } from './fixtures/dr-msk-replicator';
import { Environment } from '../../lib/model/environment';
import { withDeclaration } from './fixtures/dr-mirror-maker-2';
import { expectViolation } from '../support/strimzi-fixture';
import { MM2_PATH, drFixture } from '../support/mirror-maker-2-fixture';
import { KafkaChart } from '../../lib/app/kafka-chart';
import { Testing, ApiObject } from 'cdk8s';
import { DR_PAIRING_ANNOTATION } from '../../lib/contract/dr-markers';

import { DR_004_DR_CLUSTER_FOLLOWS_HA_AND_SEC } from '../../lib/rules/dr-004-dr-cluster-follows-ha-and-sec';
import { itDescribesItself } from './fixtures/metadata';
import { SCRATCH_APP } from '../support/scratch';
/** DR-004's whole finding on a replication synthesized in environment dr of `profile`. */
const outsideProduction = (profile: string) => ({
  status: 'non-compliant',
  findings: [{
    found: `environment dr has profile '${profile}'`,
    expected: 'production: the DR cluster this replication writes to is checked by every HA and SEC rule as errors',
    fix: 'Synthesize the DR cluster and its replication in the peer environment created by drPeer().',
  }],
});

describe('MSK', () => {
  describe('DR rules on a hand-written aws_msk_replicator (pure rule functions over documents)', () => {

    it('fails DR-004 for a replicator synthesized in a development environment', () => {
      const { docs, replicator } = handWritten();
      const dev = Environment.development({ name: 'dr', region: 'us-west-2' });
      const outcome = check('DR-004', dev, docs, replicator);
      expect(outcome).toMatchObject({ status: 'non-compliant', findings: [{ found: "environment dr has profile 'development'" }] });
    });

    it('passes a replicator synthesized in production, and fails one in staging with the whole finding', () => {
      const { docs, replicator } = handWritten();
      expect(check('DR-004', Environment.production({ name: 'dr', region: 'us-west-2' }), docs, replicator)).toMatchObject({ status: 'compliant' });
      expect(check('DR-004', Environment.staging({ name: 'dr', region: 'us-west-2' }), docs, replicator)).toEqual(outsideProduction('staging'));
    });

    it('checks only the environment of a replicator that carries no pairing declaration (DR-003 reports the missing declaration)', () => {
      const { docs, replicator } = handWritten((body) => { delete body.tags; });
      expect(check('DR-004', Environment.production({ name: 'dr', region: 'us-west-2' }), docs, replicator)).toEqual({ status: 'compliant' });
      expect(check('DR-004', Environment.development({ name: 'dr', region: 'us-west-2' }), docs, replicator)).toEqual(outsideProduction('development'));
    });
  });
});

describe('Strimzi', () => {
  describe('DR-004: the DR cluster follows every HA and SEC rule', () => {
    it('fails DR-004 when the declared peer is not production-profile', () => {
      const f = withDeclaration((d) => { d.peer.profile = 'development'; });
      expectViolation(f.chart, 'DR-004', MM2_PATH, /the declared DR peer staging-dr has profile 'development'; expected production: every HA and SEC rule applies to the DR cluster as errors\. Create the peer with staging\.drPeer\(\{ name: 'staging-dr', region: 'us-west-2' \}\)\./);
    });
    it('fails DR-004 for a MirrorMaker 2 synthesized in a development environment', () => {
      const f = drFixture();
      const dev = Environment.development({ name: 'staging-dr', region: 'us-west-2' });
      const chart = new KafkaChart(Testing.app(SCRATCH_APP), 'kafka', { environment: dev });
      new ApiObject(chart, 'HandWritten', { ...f.mm2.resource.toJson(), metadata: { name: 'hand-written', annotations: { [DR_PAIRING_ANNOTATION]: JSON.stringify(f.pairing.declaration) } } });
      expectViolation(chart, 'DR-004', 'kafka/HandWritten', /environment staging-dr has profile 'development'; expected production/);
    });
    it('the peer of drPeer() has the production profile', () => {
      expect(drFixture().peer.profile).toBe('production');
    });
  });
});

describe('the rule', () => {
  itDescribesItself(DR_004_DR_CLUSTER_FOLLOWS_HA_AND_SEC, 'DR-004', ['strimzi', 'msk']);
});
