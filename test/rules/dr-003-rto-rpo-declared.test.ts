// DR-003: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { replicatedPair, synthError } from '../support/replication-pair';
import { expectViolation, handWritten, check } from './fixtures/dr-msk-replicator';
import { DR_PAIRING_TAG } from '../../lib/contract/dr-markers';
import { Environment } from '../../lib/model/environment';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { otherClusterMonitoring, mm2Violations, locate } from './fixtures/mon-mirror-maker-2';
import { JsonPatch } from 'cdk8s';
import { annotationPath, withDeclaration, CHECKPOINT } from './fixtures/dr-mirror-maker-2';
import * as strimziFixture from '../support/strimzi-fixture';

import { DR_003_RTO_RPO_DECLARED } from '../../lib/rules/dr-003-rto-rpo-declared';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('DR rules on aws_msk_replicator (MskReplicator from a DrPairing)', () => {

    it('fails DR-003 when the latency alarm threshold is overridden above the RPO', () => {
      const p = replicatedPair();
      p.replicatorAlarms!.latencyAlarm.addOverride('threshold', 900_000);
      expectViolation(p.peer.stack, 'DR-003', /alarm 'production-kafka-to-dr-kafka-MON-010-replication-latency' has threshold 900000 ms; expected at most the pairing's RPO, 300000 ms/);
      expect(synthError(p.peer.stack)).not.toMatch(/MON-010 \[/);
    });

    it('fails DR-003 when an escape hatch turns the latency alarm around', () => {
      const p = replicatedPair();
      p.replicatorAlarms!.latencyAlarm.addOverride('comparison_operator', 'LessThanThreshold');
      expectViolation(p.peer.stack, 'DR-003', /alarm 'production-kafka-to-dr-kafka-MON-010-replication-latency' has comparison_operator LessThanThreshold; expected GreaterThanThreshold/);
    });

    it('fails DR-003 when the pairing tag is overridden away (no declared RPO or RTO)', () => {
      const p = replicatedPair();
      p.replicator.resource.addOverride(`tags.${DR_PAIRING_TAG}`, 'someone-else');
      expectViolation(p.peer.stack, 'DR-003', /tag kafka-iac:dr-pairing is 'someone-else', which names no terraform_data of kind kafka-iac\/dr-pairing/);
    });
  });

  describe('DR rules on a hand-written aws_msk_replicator (pure rule functions over documents)', () => {
    const dr = Environment.production({ name: 'production', region: 'us-east-1' }).drPeer({ name: 'dr', region: 'us-west-2' });

    it('without a declaration, reports it once (DR-003) and still checks offset sync with identical names (DR-002)', () => {
      const { docs, replicator } = handWritten((b) => {
        delete b.tags;
        b.replication_info_list.consumer_group_replication[0].synchronise_consumer_group_offsets = false;
      });
      expect(JSON.stringify(check('DR-003', dr, docs, replicator))).toMatch(/tag kafka-iac:dr-pairing is not set: no DR pairing declares this replicator's RPO and RTO/);
      expect(check('DR-001', dr, docs, replicator).status).toBe('compliant');
      expect(JSON.stringify(check('DR-002', dr, docs, replicator))).toMatch(/synchronise_consumer_group_offsets is false","expected":"true with IDENTICAL names/);
    });
  });
});

describe('Strimzi', () => {
  describe('DR-003 on a KafkaMirrorMaker2: the threshold of its own MON-010 latency alert against the RPO', () => {
    it('fails DR-003 (and only DR-003) when its latency alert fires above the RPO, even though another cluster\'s MON-010 alert fires at it', () => {
      const f = drFixture({ monitoring: false });
      new KafkaPrometheusMonitoring(f.chart, 'Monitoring', {
        clusterName: f.cluster.clusterName, target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6,
        replicationRpo: PrometheusDuration.minutes(10), mirrorMakerSelector: f.mm2.podSelector,
      });
      otherClusterMonitoring(f, PrometheusDuration.minutes(5));
      expect(mm2Violations(f.chart)).toEqual(['DR-003 the MON-010 alert thresholds are 600000 ms']);
    });

    it('fails DR-003 when a JSON patch raises the latency threshold above the RPO; MON-010 stays compliant (one rule per fault)', () => {
      const f = drFixture();
      const { g, r } = locate(f.monitoring!, 'KafkaMirrorMaker2ReplicationBehindRpo');
      const expr = (f.monitoring!.resource.toJson() as any).spec.groups[g].rules[r].expr as string;
      f.monitoring!.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, expr.replace(/> 300000$/, '> 900000')));
      expect(mm2Violations(f.chart)).toEqual(['DR-003 the MON-010 alert thresholds are 900000 ms']);
    });
  });

  describe('DR-003 on the KafkaMirrorMaker2', () => {
    const { synthError, expectViolation } = strimziFixture;
    it('fails DR-003, and only DR-003, when the pairing declaration is removed', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.remove(annotationPath));
      const message = synthError(f.chart);
      expect(message).toMatch(/DR-003 \[kafka\/MirrorMaker2\/Resource\] annotation kafka-iac\.dev\/dr-pairing is not set/);
      expect(message).not.toMatch(/DR-00[1245] \[kafka\/MirrorMaker2\/Resource\] annotation/);
    });
    it('fails DR-003 when the declared RTO is missing', () => {
      const f = withDeclaration((d) => { delete d.rtoSeconds; });
      expectViolation(f.chart, 'DR-003', MM2_PATH, /the declared RTO is not set; expected an RTO of at least one second/);
    });
    it('fails DR-003 when the declaration is patched to an RPO above the RTO', () => {
      const f = withDeclaration((d) => { d.rtoSeconds = 60; });
      expectViolation(f.chart, 'DR-003', MM2_PATH, /the declared RPO \(300s\) is above the RTO \(60s\); expected an RPO of at most the RTO/);
    });
    it('fails DR-003 when the MON-010 alert fires only above the RPO', () => {
      const f = drFixture({ monitoring: false });
      new KafkaPrometheusMonitoring(f.chart, 'Monitoring', {
        clusterName: f.cluster.clusterName, target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6,
        replicationRpo: PrometheusDuration.minutes(10), mirrorMakerSelector: f.mm2.podSelector,
      });
      expectViolation(f.chart, 'DR-003', MM2_PATH, /the MON-010 alert thresholds are 600000 ms; expected a MON-010 alert on replication latency above the RPO \(300000 ms\) or lower/);
    });
    it('fails DR-003 when checkpoints are patched to run less often than the RPO', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/emit.checkpoints.interval.seconds`, 900));
      expectViolation(f.chart, 'DR-003', MM2_PATH, /emit\.checkpoints\.interval\.seconds is 900; expected at most the RPO of 300 s/);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(DR_003_RTO_RPO_DECLARED, 'DR-003', ['strimzi', 'msk']);
});
