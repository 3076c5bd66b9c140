// MON-010: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { replicatedPair, synthError } from '../support/replication-pair';
import { drFixture, MM2_PATH } from '../support/mirror-maker-2-fixture';
import { synth } from '../support/strimzi-fixture';
import { otherClusterMonitoring, mm2Violations, MM2, SERIES, locate } from './fixtures/mon-mirror-maker-2';
import { JsonPatch } from 'cdk8s';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { terraformDocuments } from '../../lib/app/terraform-documents';
import { kubernetesDocuments } from '../../lib/app/kubernetes-documents';
import { RULE_TAG } from '../../lib/contract/vocabulary';
import { PATH } from './fixtures/dr-msk-replicator';
import { mirrorMaker2Outcome } from './fixtures/dr-mirror-maker-2';
import { expectNotApplicableToOthers, outcomeAt, outcomeOf } from './fixtures/outcome';

import { MON_010_MIRRORMAKER2_REPLICATION_LAG } from '../../lib/rules/mon-010-mirrormaker2-replication-lag';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('DR rules on aws_msk_replicator (MskReplicator from a DrPairing)', () => {

    it('leaves a replicator without latency alarms to MON-010 (one fault, one rule)', () => {
      const p = replicatedPair({ withoutReplicatorAlarms: true });
      const message = synthError(p.peer.stack);
      expect(message).toMatch(/MON-010 \[dr\/Replicator\/Resource\] no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ReplicationLatency/);
      expect(message).not.toMatch(/DR-003 \[/);
    });
  });
});

describe('Strimzi', () => {
  describe('MON-010 on a KafkaMirrorMaker2: its own monitoring, tied by its labels', () => {
    it('passes when a PodMonitor scrapes its pods and MON-010 alerts watch its latency and fire when it stops', () => {
      const f = drFixture();
      synth(f.chart);
      const entries = f.chart.complianceReport.entries.filter((e) => e.path === MM2_PATH && (e.ruleId === 'MON-010' || e.ruleId === 'DR-003'));
      expect(entries.map((e) => [e.ruleId, e.status]).sort()).toEqual([['DR-003', 'compliant'], ['MON-010', 'compliant']]);
    });

    it('fails MON-010 (and not DR-003) when the only MON-010 monitoring in the synthesis watches another cluster', () => {
      const f = drFixture({ monitoring: false });
      otherClusterMonitoring(f);
      expect(mm2Violations(f.chart)).toEqual([
        `MON-010 no PodMonitor selects the pods of KafkaMirrorMaker2 ${MM2} (app.kubernetes.io/part-of=kafka-iac, kafka-iac.dev/cluster=staging-dr-kafka, kafka-iac.dev/environment=staging-dr, kafka-iac.dev/target=strimzi, strimzi.io/cluster=${MM2}, strimzi.io/kind=KafkaMirrorMaker2, strimzi.io/name=${MM2}-mirrormaker2) and labels their series ${SERIES}`,
        `MON-010 no MON-010 alert watches the replication latency of KafkaMirrorMaker2 ${MM2} (series ${SERIES})`,
        `MON-010 no MON-010 alert fires when KafkaMirrorMaker2 ${MM2} stops (no running source task on series ${SERIES})`,
      ]);
    });

    it('fails MON-010 when a JSON patch moves the KafkaMirrorMaker2 to another cluster label (its pods are then not scraped as this cluster)', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.replace('/metadata/labels/kafka-iac.dev~1cluster', 'elsewhere'));
      const v = mm2Violations(f.chart);
      expect(v.map((x) => x.replace(/ \(.*$/, ''))).toEqual([
        `MON-010 no PodMonitor selects the pods of KafkaMirrorMaker2 ${MM2}`,
        `MON-010 no MON-010 alert watches the replication latency of KafkaMirrorMaker2 ${MM2}`,
        `MON-010 no MON-010 alert fires when KafkaMirrorMaker2 ${MM2} stops`,
      ]);
    });

    it('fails MON-010 when the cluster label is removed from the KafkaMirrorMaker2', () => {
      const f = drFixture();
      f.mm2.resource.addJsonPatch(JsonPatch.remove('/metadata/labels/kafka-iac.dev~1cluster'));
      expect(mm2Violations(f.chart)).toEqual([`MON-010 KafkaMirrorMaker2 ${MM2} has no kafka-iac.dev/cluster label, so no monitoring can be tied to it`]);
    });

    it('fails MON-010 when a JSON patch points the PodMonitor at other pods', () => {
      const f = drFixture();
      f.monitoring!.mirrorMakerPodMonitor!.addJsonPatch(JsonPatch.replace('/spec/selector/matchLabels/strimzi.io~1kind', 'KafkaConnect'));
      expect(mm2Violations(f.chart).map((x) => x.replace(/ \(.*$/, ''))).toEqual([`MON-010 no PodMonitor selects the pods of KafkaMirrorMaker2 ${MM2}`]);
    });

    it('fails MON-010 when a JSON patch removes the MirrorMaker 2 down alert (the latency alert alone is silent once the series is gone)', () => {
      const f = drFixture();
      const { g, r } = locate(f.monitoring!, 'KafkaMirrorMaker2Down');
      f.monitoring!.resource.addJsonPatch(JsonPatch.remove(`/spec/groups/${g}/rules/${r}`));
      expect(mm2Violations(f.chart)).toEqual([`MON-010 no MON-010 alert fires when KafkaMirrorMaker2 ${MM2} stops (no running source task on series ${SERIES})`]);
    });

    it('fails MON-010 when a JSON patch makes the down alert unable to fire (< 0 running tasks)', () => {
      const f = drFixture();
      const { g, r } = locate(f.monitoring!, 'KafkaMirrorMaker2Down');
      const expr = (f.monitoring!.resource.toJson() as any).spec.groups[g].rules[r].expr as string;
      f.monitoring!.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/expr`, expr.replace(/< 1$/, '< 0')));
      expect(mm2Violations(f.chart)).toEqual([`MON-010 no MON-010 alert fires when KafkaMirrorMaker2 ${MM2} stops (no running source task on series ${SERIES})`]);
    });

    it('fails MON-010 when a JSON patch lowers the down alert to a warning', () => {
      const f = drFixture();
      const { g, r } = locate(f.monitoring!, 'KafkaMirrorMaker2Down');
      f.monitoring!.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/${g}/rules/${r}/labels/severity`, 'warning'));
      expect(mm2Violations(f.chart)).toEqual(['MON-010 alert KafkaMirrorMaker2Down in PrometheusRule staging-dr-kafka-kafka-alerts has severity warning']);
    });

    it('accepts the missing monitoring once a suppression gives the reason', () => {
      const f = drFixture({ monitoring: false });
      otherClusterMonitoring(f);
      const reason = 'This MirrorMaker 2 is watched by the platform team\'s central Prometheus (ticket OPS-123).';
      RuleSuppressions.add(f.mm2.resource, [{ id: 'MON-010', reason }]);
      // The DR cluster itself has no monitoring in this fixture: only the MirrorMaker 2 entries matter here.
      const message = (() => { try { synth(f.chart); return ''; } catch (e) { return (e as Error).message; } })();
      expect(message).not.toContain(`[${MM2_PATH}]`);
      expect(f.chart.complianceReport.entries.filter((e) => e.ruleId === 'MON-010' && e.path === MM2_PATH).map((e) => [e.status, e.suppression?.reason])).toEqual([['suppressed', reason]]);
    });
  });
});

describe('MSK: MON-010 findings in full on the aws_msk_replicator', () => {
  const rule = MON_010_MIRRORMAKER2_REPLICATION_LAG;
  const outcome = (p: ReturnType<typeof replicatedPair>) => outcomeAt(rule, terraformDocuments(p.peer.stack), PATH, p.dr);
  const findings = (name: string) => ({
    latency: {
      found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ReplicationLatency of replicator ${name}`,
      expected: 'an alarm on replication latency beyond the declared RPO',
    },
    lag: {
      found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches MessageLag of replicator ${name}`,
      expected: 'an alarm on the messages the replicator has not read from the source',
    },
    failure: {
      found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ReplicatorFailure of replicator ${name}`,
      expected: "an alarm on the replicator's failures: a failed replicator stops emitting latency and lag, which then alarm on nothing",
    },
    fix: `Add new MskReplicatorAlarms(stack, 'ReplicatorAlarms', { replicatorName: '${name}', rpoSeconds, messagesPerSecond }) in the replicator's region.`,
  });

  it('is compliant with the latency, lag and failure alarms of MskReplicatorAlarms', () => {
    expect(outcome(replicatedPair())).toEqual({ status: 'compliant' });
  });

  it('reports each missing alarm, naming the replicator, without MskReplicatorAlarms', () => {
    const p = replicatedPair({ withoutReplicatorAlarms: true });
    const f = findings(p.replicator.replicatorName);
    expect(outcome(p)).toEqual({ status: 'non-compliant', findings: [{ ...f.latency, fix: f.fix }, { ...f.lag, fix: f.fix }, { ...f.failure, fix: f.fix }] });
  });

  type Alarm = 'latencyAlarm' | 'messageLagAlarm' | 'failureAlarm';
  const only = { latencyAlarm: 'latency', messageLagAlarm: 'lag', failureAlarm: 'failure' } as const;
  it.each([
    ['latencyAlarm', 'another rule tag', `tags.${RULE_TAG}`, 'MON-003'],
    ['messageLagAlarm', 'no tags', 'tags', null],
    ['failureAlarm', 'another namespace', 'namespace', 'AWS/KafkaConnect'],
    ['latencyAlarm', 'another replicator', 'dimensions.ReplicatorName', 'someone-else'],
    ['messageLagAlarm', 'no dimensions', 'dimensions', null],
    ['failureAlarm', 'the latency metric', 'metric_name', 'ReplicationLatency'],
    ['latencyAlarm', 'the lag metric', 'metric_name', 'MessageLag'],
    ['messageLagAlarm', 'the failure metric', 'metric_name', 'ReplicatorFailure'],
  ] as [Alarm, string, string, unknown][])('reports the %s when an override gives it %s', (alarm, _, key, value) => {
    const p = replicatedPair();
    p.replicatorAlarms![alarm].addOverride(key, value);
    const f = findings(p.replicator.replicatorName);
    expect(outcome(p)).toEqual({ status: 'non-compliant', findings: [{ ...f[only[alarm]], fix: f.fix }] });
  });

  it('is not applicable to the other resources of the stack (clusters, alarms, the pairing declaration)', () => {
    const p = replicatedPair();
    expectNotApplicableToOthers(rule, terraformDocuments(p.peer.stack), (d) => d.path === PATH, p.dr);
  });
});

describe('Strimzi: MON-010 findings in full on the KafkaMirrorMaker2', () => {
  const fix = "Add new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'staging-dr-kafka', ..., replicationRpo, mirrorMakerSelector: mm2.podSelector }).";

  it('is compliant with the fixture monitoring', () => {
    expect(mirrorMaker2Outcome('MON-010', drFixture())).toEqual({ status: 'compliant' });
  });

  it('reports the PodMonitor and both alerts missing when only another cluster is monitored', () => {
    const f = drFixture({ monitoring: false });
    otherClusterMonitoring(f);
    const o = mirrorMaker2Outcome('MON-010', f);
    expect(o.status === 'non-compliant' && o.findings.map((x) => ({ expected: x.expected, fix: x.fix }))).toEqual([
      { expected: 'a PodMonitor that scrapes its pods, so that the MON-010 alerts see its metrics', fix },
      { expected: 'an alert on replication latency beyond the declared RPO', fix },
      { expected: 'an alert when its pods are down or its source tasks are not running: the latency series then disappears and the latency alert stays silent', fix },
    ]);
  });

  it('reports a KafkaMirrorMaker2 without the cluster label, with its own remedy', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove('/metadata/labels/kafka-iac.dev~1cluster'));
    expect(mirrorMaker2Outcome('MON-010', f)).toEqual({ status: 'non-compliant', findings: [{
      found: `KafkaMirrorMaker2 ${MM2} has no kafka-iac.dev/cluster label, so no monitoring can be tied to it`,
      expected: 'the label naming the cluster whose monitoring scrapes its pods and alerts on them',
      fix: 'Build it with StrimziMirrorMaker2 (it sets the label from the target cluster or monitoredClusterName), or restore the label.',
    }] });
  });

  it.each([
    ['KafkaMirrorMaker2ReplicationBehindRpo', 'lowered to a warning', 'warning', 'warning'],
    ['KafkaMirrorMaker2Down', 'removed', undefined, 'not set'],
  ])('reports the %s alert whose severity is %s', (alert, _, severity, shownSeverity) => {
    const f = drFixture();
    const { g, r } = locate(f.monitoring!, alert);
    const at = `/spec/groups/${g}/rules/${r}/labels/severity`;
    f.monitoring!.resource.addJsonPatch(severity === undefined ? JsonPatch.remove(at) : JsonPatch.replace(at, severity));
    expect(mirrorMaker2Outcome('MON-010', f)).toEqual({ status: 'non-compliant', findings: [{
      found: `alert ${alert} in PrometheusRule staging-dr-kafka-kafka-alerts has severity ${shownSeverity}`,
      expected: "'critical'", fix: "Set the severity label back to 'critical'.",
    }] });
  });

  it('is not applicable to the other resources of the chart, nor to a KafkaMirrorMaker2 of another API group', () => {
    const f = drFixture();
    const docs = kubernetesDocuments(f.chart);
    expectNotApplicableToOthers(MON_010_MIRRORMAKER2_REPLICATION_LAG, docs, (d) => d.path === MM2_PATH, f.peer);
    const mm2 = docs.find((d) => d.path === MM2_PATH)!;
    // A resource of the same kind from another operator, labelled for the Strimzi target: not a Strimzi KafkaMirrorMaker2.
    const foreign = { ...mm2, apiVersion: 'example.com/v1', path: 'kafka/Foreign', body: { ...mm2.body, apiVersion: 'example.com/v1' } };
    expect(outcomeOf(MON_010_MIRRORMAKER2_REPLICATION_LAG, foreign, docs, f.peer)).toEqual({ status: 'not-applicable' });
  });
});

describe('the rule', () => {
  itDescribesItself(MON_010_MIRRORMAKER2_REPLICATION_LAG, 'MON-010', ['strimzi', 'msk']);
});
