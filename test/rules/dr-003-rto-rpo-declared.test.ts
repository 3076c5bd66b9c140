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
import { annotationPath, withDeclaration, CHECKPOINT, mirrorMaker2Outcome } from './fixtures/dr-mirror-maker-2';
import { PATH } from './fixtures/dr-msk-replicator';
import { DrDuration } from '../../lib/model/dr/dr-duration';
import { terraformDocuments } from '../../lib/app/terraform-documents';
import { outcomeAt } from './fixtures/outcome';
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

describe('the declared objectives, on a hand-written aws_msk_replicator', () => {
  const dr = Environment.production({ name: 'production', region: 'us-east-1' }).drPeer({ name: 'dr', region: 'us-west-2' });
  const RPO_FIX = 'Declare rpo: DrDuration.minutes(5) on the DrPairing.';
  const RTO_FIX = 'Declare rto: DrDuration.minutes(30) on the DrPairing.';
  const outcome = (declaration: (d: Record<string, any>) => void, replicator: (b: Record<string, any>) => void = () => {}) => {
    const { docs, replicator: doc } = handWritten(replicator, declaration);
    return check('DR-003', dr, docs, doc);
  };
  // The hand-written latency alarm fires above 300000 ms: within an RPO of 300 s or more.

  it('is compliant with an RPO of 300 s, an RTO of 1800 s and the latency alarm at the RPO', () => {
    expect(outcome(() => {})).toEqual({ status: 'compliant' });
  });

  it.each([
    ['0', 0, '0'],
    ['missing', undefined, 'not set'],
    ['not a number', 'soon', "'soon'"],
  ])('reports an RPO that is %s, and checks no alarm against it', (_, rpo, shownRpo) => {
    expect(outcome((d) => { d.rpoSeconds = rpo; })).toEqual({ status: 'non-compliant', findings: [
      { found: `the declared RPO is ${shownRpo}`, expected: 'an RPO of at least one second', fix: RPO_FIX },
    ] });
  });

  it.each([
    ['0', 0, '0'],
    ['missing', undefined, 'not set'],
  ])('reports an RTO that is %s, and compares no RPO with it', (_, rto, shownRto) => {
    expect(outcome((d) => { d.rtoSeconds = rto; })).toEqual({ status: 'non-compliant', findings: [
      { found: `the declared RTO is ${shownRto}`, expected: 'an RTO of at least one second', fix: RTO_FIX },
    ] });
  });

  it('reports both objectives missing', () => {
    expect(outcome((d) => { delete d.rpoSeconds; delete d.rtoSeconds; })).toEqual({ status: 'non-compliant', findings: [
      { found: 'the declared RPO is not set', expected: 'an RPO of at least one second', fix: RPO_FIX },
      { found: 'the declared RTO is not set', expected: 'an RTO of at least one second', fix: RTO_FIX },
    ] });
  });

  it('accepts an RPO and an RTO of one second each (no latency alarm of this replicator to compare)', () => {
    expect(outcome((d) => { d.rpoSeconds = 1; d.rtoSeconds = 1; }, (b) => { b.replicator_name = 'other'; })).toEqual({ status: 'compliant' });
  });

  it('accepts an RPO equal to the RTO, and reports one a second above it', () => {
    expect(outcome((d) => { d.rtoSeconds = 300; })).toEqual({ status: 'compliant' });
    expect(outcome((d) => { d.rtoSeconds = 299; })).toEqual({ status: 'non-compliant', findings: [{
      found: 'the declared RPO (300s) is above the RTO (299s)',
      expected: 'an RPO of at most the RTO: MON-010 alerts only once replication is an RPO behind',
      fix: 'Lower the RPO to the RTO or less on the DrPairing, or raise the RTO.',
    }] });
  });

  it('reads objectives written as numeric strings', () => {
    expect(outcome((d) => { d.rpoSeconds = '300'; d.rtoSeconds = '1800'; })).toEqual({ status: 'compliant' });
  });

  it('reports the pairing tag set, and missing, with the words of each', () => {
    const fix = 'Build the replicator with MskReplicator from a DrPairing (it tags the replicator and writes the declaration).';
    const expected = 'the DR pairing this replicator carries out: peer, regions, RPO, RTO, topics, groups';
    const someoneElse = handWritten((b) => { b.tags['kafka-iac:dr-pairing'] = 'someone-else'; });
    expect(check('DR-003', dr, someoneElse.docs, someoneElse.replicator)).toEqual({ status: 'non-compliant', findings: [{
      found: "tag kafka-iac:dr-pairing is 'someone-else', which names no terraform_data of kind kafka-iac/dr-pairing", expected, fix,
    }] });
    const untagged = handWritten((b) => { delete b.tags; });
    expect(check('DR-003', dr, untagged.docs, untagged.replicator)).toEqual({ status: 'non-compliant', findings: [{
      found: "tag kafka-iac:dr-pairing is not set: no DR pairing declares this replicator's RPO and RTO", expected, fix,
    }] });
  });

  it('reads the alarm dimensions written as a one-element list', () => {
    const { docs, replicator } = handWritten();
    const alarm = docs.find((d) => d.type === 'aws_cloudwatch_metric_alarm')!;
    const listed = docs.map((d) => (d === alarm ? { ...d, body: { ...d.body, dimensions: [d.body.dimensions], threshold: 300001 } } : d));
    expect(check('DR-003', dr, listed, replicator)).toEqual({ status: 'non-compliant', findings: [{
      found: 'alarm not set has threshold 300001 ms', expected: "at most the pairing's RPO, 300000 ms",
      fix: "Restore the threshold 300000 (MskReplicatorAlarms sets it from the pairing's RPO), or remove the override that raised it.",
    }] });
  });

  it('is not applicable to a document that is no replication', () => {
    const { docs } = handWritten();
    for (const doc of docs.slice(1)) expect(check('DR-003', dr, docs, doc), doc.type).toEqual({ status: 'not-applicable' });
  });
});

describe('MSK: DR-003 on the latency alarms of MskReplicatorAlarms, findings in full', () => {
  const ALARM = 'production-kafka-to-dr-kafka-MON-010-replication-latency';
  const outcome = (p: ReturnType<typeof replicatedPair>) => outcomeAt(DR_003_RTO_RPO_DECLARED, terraformDocuments(p.peer.stack), PATH, p.dr);

  it('is compliant with the alarm at the RPO', () => {
    expect(outcome(replicatedPair())).toEqual({ status: 'compliant' });
  });

  it('reports a threshold one millisecond above the RPO', () => {
    const p = replicatedPair();
    p.replicatorAlarms!.latencyAlarm.addOverride('threshold', 300_001);
    expect(outcome(p)).toEqual({ status: 'non-compliant', findings: [{
      found: `alarm '${ALARM}' has threshold 300001 ms`, expected: "at most the pairing's RPO, 300000 ms",
      fix: "Restore the threshold 300000 (MskReplicatorAlarms sets it from the pairing's RPO), or remove the override that raised it.",
    }] });
  });

  it('accepts GreaterThanOrEqualToThreshold, and reports an alarm that fires below the threshold', () => {
    const p = replicatedPair();
    p.replicatorAlarms!.latencyAlarm.addOverride('comparison_operator', 'GreaterThanOrEqualToThreshold');
    expect(outcome(p)).toEqual({ status: 'compliant' });
    p.replicatorAlarms!.latencyAlarm.addOverride('comparison_operator', 'LessThanOrEqualToThreshold');
    expect(outcome(p)).toEqual({ status: 'non-compliant', findings: [{
      found: `alarm '${ALARM}' has comparison_operator LessThanOrEqualToThreshold`,
      expected: 'GreaterThanThreshold: it fires when latency rises above the RPO',
      fix: 'Restore comparison_operator GreaterThanThreshold (MskReplicatorAlarms sets it).',
    }] });
  });

  it('reports an anomaly-band operator that fires below the band too (GreaterThan, but not at its start)', () => {
    const p = replicatedPair();
    p.replicatorAlarms!.latencyAlarm.addOverride('comparison_operator', 'LessThanLowerOrGreaterThanUpperThreshold');
    const o = outcome(p);
    expect(o.status === 'non-compliant' && o.findings!.map((f) => f.found)).toEqual([`alarm '${ALARM}' has comparison_operator LessThanLowerOrGreaterThanUpperThreshold`]);
  });

  it.each([
    ['of another replicator', 'dimensions.ReplicatorName', 'someone-else'],
    ['in another namespace', 'namespace', 'AWS/KafkaConnect'],
    ['on another metric', 'metric_name', 'ReplicationLatencyP99'],
    ['without dimensions (a metric-math alarm, say)', 'dimensions', null],
  ])('leaves a high-threshold alarm %s alone (MON-010 reports the missing one)', (_, key, value) => {
    const p = replicatedPair();
    p.replicatorAlarms!.latencyAlarm.addOverride('threshold', 900_000);
    p.replicatorAlarms!.latencyAlarm.addOverride(key, value);
    expect(outcome(p)).toEqual({ status: 'compliant' });
  });
});

describe('Strimzi: DR-003 on the KafkaMirrorMaker2, findings in full', () => {
  const LATENCY = 'KafkaMirrorMaker2ReplicationBehindRpo';
  const LATENCY_FIX = "Set replicationRpo: PrometheusDuration.seconds(300) on the KafkaPrometheusMonitoring that watches mm2-staging-to-staging-dr (the pairing's RPO), or remove the patch that raised the threshold.";
  const CHECKPOINT_FIX = 'Remove the override (StrimziMirrorMaker2 uses 60 s, or the RPO when shorter).';
  /** The fixture with the trailing comparison of its latency alert rewritten. */
  const withComparison = (comparison: string) => {
    const f = drFixture();
    const { g, r } = locate(f.monitoring!, LATENCY);
    const expr = (f.monitoring!.resource.toJson() as any).spec.groups[g].rules[r].expr as string;
    expect(expr).toMatch(/> 300000$/);
    f.monitoring!.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, expr.replace(/> 300000$/, comparison)));
    return mirrorMaker2Outcome('DR-003', f);
  };
  const latencyFinding = (thresholds: string) => ({ status: 'non-compliant', findings: [{
    found: `the MON-010 alert thresholds are ${thresholds} ms`, expected: 'a MON-010 alert on replication latency above the RPO (300000 ms) or lower', fix: LATENCY_FIX,
  }] });

  it('is compliant with the fixture monitoring and checkpoints', () => {
    expect(mirrorMaker2Outcome('DR-003', drFixture())).toEqual({ status: 'compliant' });
  });

  it.each([['>= 300000'], ['> 299999']])('accepts a latency alert that fires at %s', (comparison) => {
    expect(withComparison(comparison)).toEqual({ status: 'compliant' });
  });

  it('reports a latency alert one millisecond above the RPO', () => {
    expect(withComparison('> 300001')).toEqual(latencyFinding('300001'));
  });

  it.each([['< 300000'], ['== 300000']])('reports a latency alert that cannot fire when replication falls behind (%s)', (comparison) => {
    expect(withComparison(comparison)).toEqual(latencyFinding('300000'));
  });

  it('reports a latency alert without a trailing comparison', () => {
    expect(withComparison('> bool 0')).toEqual(latencyFinding('not set'));
  });

  it('lists the threshold of every latency alert tied to it when none fires within the RPO', () => {
    const f = drFixture();
    const { g, r } = locate(f.monitoring!, LATENCY);
    const rule = (f.monitoring!.resource.toJson() as any).spec.groups[g].rules[r];
    f.monitoring!.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, rule.expr.replace(/> 300000$/, '> 900000')));
    f.monitoring!.resource.addJsonPatch(JsonPatch.add(`/spec/groups/${g}/rules/-`, { ...rule, alert: `${LATENCY}Copy`, expr: rule.expr.replace(/> 300000$/, '> 600000') }));
    expect(mirrorMaker2Outcome('DR-003', f)).toEqual(latencyFinding('900000, 600000'));
  });

  it('accepts the 60 s default intervals within an RPO of 300 s', () => {
    const f = drFixture();
    const config = { ...(f.mm2.resource.toJson() as any).spec.mirrors[0].checkpointConnector.config };
    delete config['emit.checkpoints.interval.seconds'];
    delete config['sync.group.offsets.interval.seconds'];
    f.mm2.resource.addJsonPatch(JsonPatch.replace(CHECKPOINT, config));
    expect(mirrorMaker2Outcome('DR-003', f)).toEqual({ status: 'compliant' });
  });

  it('leaves a MirrorMaker 2 without latency alerts to MON-010', () => {
    expect(mirrorMaker2Outcome('DR-003', drFixture({ monitoring: false }))).toEqual({ status: 'compliant' });
  });

  it('accepts checkpoint and offset-sync intervals equal to the RPO, and reports each one above it', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/emit.checkpoints.interval.seconds`, 300));
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/sync.group.offsets.interval.seconds`, 300));
    expect(mirrorMaker2Outcome('DR-003', f)).toEqual({ status: 'compliant' });
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/sync.group.offsets.interval.seconds`, 301));
    expect(mirrorMaker2Outcome('DR-003', f)).toEqual({ status: 'non-compliant', findings: [{
      found: 'spec.mirrors[0].checkpointConnector.config.sync.group.offsets.interval.seconds is 301',
      expected: 'at most the RPO of 300 s: offsets synced less often re-deliver more after failover than declared', fix: CHECKPOINT_FIX,
    }] });
  });

  it('reports the 60 s default intervals against an RPO of 30 s, on every mirror', () => {
    const f = drFixture({ pairing: { rpo: DrDuration.seconds(30) } });
    const mirror = (f.mm2.resource.toJson() as any).spec.mirrors[0];
    const config = { ...mirror.checkpointConnector.config };
    delete config['emit.checkpoints.interval.seconds'];
    delete config['sync.group.offsets.interval.seconds'];
    f.mm2.resource.addJsonPatch(JsonPatch.replace(CHECKPOINT, config));
    f.mm2.resource.addJsonPatch(JsonPatch.add('/spec/mirrors/-', { ...mirror, checkpointConnector: { ...mirror.checkpointConnector, config: { ...mirror.checkpointConnector.config, 'emit.checkpoints.interval.seconds': 31 } } }));
    const expected = 'at most the RPO of 30 s: offsets synced less often re-deliver more after failover than declared';
    expect(mirrorMaker2Outcome('DR-003', f)).toEqual({ status: 'non-compliant', findings: [
      { found: "spec.mirrors[0].checkpointConnector.config.emit.checkpoints.interval.seconds is '60 (the default)'", expected, fix: CHECKPOINT_FIX },
      { found: "spec.mirrors[0].checkpointConnector.config.sync.group.offsets.interval.seconds is '60 (the default)'", expected, fix: CHECKPOINT_FIX },
      { found: 'spec.mirrors[1].checkpointConnector.config.emit.checkpoints.interval.seconds is 31', expected, fix: CHECKPOINT_FIX },
    ] });
  });

  it('reports a missing declaration with the words for MirrorMaker 2', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove(annotationPath));
    expect(mirrorMaker2Outcome('DR-003', f)).toEqual({ status: 'non-compliant', findings: [{
      found: 'annotation kafka-iac.dev/dr-pairing is not set (or not a pairing declaration)',
      expected: 'the DR pairing this MirrorMaker 2 carries out: peer, regions, RPO, RTO, topics, groups',
      fix: 'Build the KafkaMirrorMaker2 with StrimziMirrorMaker2 from a DrPairing, and keep its annotation.',
    }] });
  });
});

describe('the rule', () => {
  itDescribesItself(DR_003_RTO_RPO_DECLARED, 'DR-003', ['strimzi', 'msk']);
});
