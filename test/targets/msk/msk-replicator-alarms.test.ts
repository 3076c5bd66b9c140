import { describe, expect, it } from 'vitest';
import { MskReplicatorAlarms } from '../../../lib/targets/msk/msk-replicator-alarms';
import { all } from '../../support/msk-stack';
import { replicatedPair, replicationPair, synth } from '../../support/replication-pair';

/** A rule's entries in the dr stack's report (rules run, errors caught), one line each: status, path, findings. */
function ruleLines(stack: Parameters<typeof synth>[0], ruleId: string): string[] {
  try {
    synth(stack);
  } catch {
    // The report is complete before synthesis throws; the lines below show what failed.
  }
  return (stack.complianceReport.toJson().entries as any[])
    .filter((e) => e.ruleId === ruleId && e.status !== 'not-applicable')
    .map((e) => `${e.status} ${e.path}${(e.findings ?? []).map((f: any) => ` | ${f.found}`).join('')}`);
}

const mon010 = (stack: Parameters<typeof synth>[0]) => ruleLines(stack, 'MON-010');

describe('MskReplicatorAlarms (MON-010 on CloudWatch, in the target region)', () => {
  const { peer, dr, replicatorAlarms } = replicatedPair();
  const json = synth(peer.stack);
  const alarms = all(json, 'aws_cloudwatch_metric_alarm').filter((a) => a.dimensions?.ReplicatorName);
  const byMetric = Object.fromEntries(alarms.map((a) => [a.metric_name, a]));

  it('alarms on ReplicationLatency above the declared RPO (300 s = 300000 ms) within a minute', () => {
    expect(byMetric.ReplicationLatency).toMatchObject({
      namespace: 'AWS/Kafka', dimensions: { ReplicatorName: 'production-kafka-to-dr-kafka' }, statistic: 'Maximum', period: 60,
      comparison_operator: 'GreaterThanThreshold', threshold: 300_000, evaluation_periods: 1, datapoints_to_alarm: 1,
      alarm_name: 'production-kafka-to-dr-kafka-MON-010-replication-latency', tags: { 'kafka-iac:rule': 'MON-010' },
    });
  });

  it('alarms on MessageLag above one RPO of traffic (2,000 msg/s × 300 s)', () => {
    expect(byMetric.MessageLag).toMatchObject({
      namespace: 'AWS/Kafka', dimensions: { ReplicatorName: 'production-kafka-to-dr-kafka' }, statistic: 'Maximum', period: 60,
      comparison_operator: 'GreaterThanThreshold', threshold: 600_000, tags: { 'kafka-iac:rule': 'MON-010' },
    });
    expect(replicatorAlarms!.maxMessageLag).toBe(600_000);
  });

  it('notifies the given (KMS-encrypted) alarm topic of the DR cluster, and links the runbook', () => {
    for (const a of alarms) {
      expect(a.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\.Alarms_Topic_\w+\.arn\}$/)]);
      expect(a.ok_actions).toEqual(a.alarm_actions);
      expect(a.alarm_description).toMatch(/^MON-010: .* Runbook: runbooks\/msk-replicator-behind-rpo\.md$/);
    }
    expect(alarms).toHaveLength(3);
  });

  it('writes the runbook: checks, failover, offsets before switching consumers, failback', () => {
    const runbook = dr.outputFiles.get('runbooks/msk-replicator-behind-rpo.md')!();
    expect(runbook).toContain('# MSK Replicator behind the RPO');
    expect(runbook).toContain('Alerts: `production-kafka-to-dr-kafka-MON-010-message-lag`, `production-kafka-to-dr-kafka-MON-010-replication-latency`, `production-kafka-to-dr-kafka-MON-010-replicator-failure`.');
    expect(runbook).toContain('aws kafka describe-replicator');
    expect(runbook).toContain('Fail over');
    expect(runbook).toContain('kafka-consumer-groups.sh');
    expect(runbook).toContain('Fail back');
  });

  it('creates its own KMS-encrypted topic (key rotation on) when none is given', () => {
    const { peer: p } = replicationPair();
    new MskReplicatorAlarms(p.stack, 'ReplicatorAlarms', { replicatorName: 'a-to-b', rpoSeconds: 60, maxMessageLag: 5_000 });
    const j = synth(p.stack);
    const topic = all(j, 'aws_sns_topic').find((t) => t.name === 'a-to-b-alarms');
    expect(topic?.kms_master_key_id).toMatch(/^\$\{aws_kms_key\.ReplicatorAlarms_TopicKey_\w+\.arn\}$/);
    expect(all(j, 'aws_kms_key').find((k) => String(k.description).includes('a-to-b'))?.enable_key_rotation).toBe(true);
    const lag = all(j, 'aws_cloudwatch_metric_alarm').find((a) => a.metric_name === 'MessageLag');
    expect(lag?.threshold).toBe(5_000);
    expect(all(j, 'aws_cloudwatch_metric_alarm').find((a) => a.metric_name === 'ReplicationLatency')?.threshold).toBe(60_000);
  });

  it('refuses an RPO that is not a positive whole number of seconds (DR-003)', () => {
    const { peer: p } = replicationPair();
    expect(() => new MskReplicatorAlarms(p.stack, 'A', { replicatorName: 'x', rpoSeconds: 0, messagesPerSecond: 10 }))
      .toThrow(/^DR-003 \[dr\/A\] rpoSeconds is 0; expected the declared RPO/);
  });

  it('refuses to guess the MessageLag threshold (MON-010)', () => {
    const { peer: p } = replicationPair();
    expect(() => new MskReplicatorAlarms(p.stack, 'A', { replicatorName: 'x', rpoSeconds: 60 }))
      .toThrow(/^MON-010 \[dr\/A\] maxMessageLag is not set; expected a MessageLag threshold.*Set messagesPerSecond/);
    expect(() => new MskReplicatorAlarms(p.stack, 'B', { replicatorName: 'x', rpoSeconds: 60, messagesPerSecond: -1 }))
      .toThrow(/^MON-010 \[dr\/B\] messagesPerSecond is -1/);
  });
});

describe('MON-010 on aws_msk_replicator (rule read after escape hatches)', () => {
  it('is compliant when the ReplicationLatency alarm fires at the RPO and a MessageLag alarm exists', () => {
    const { peer } = replicatedPair();
    expect(mon010(peer.stack)).toEqual(['compliant dr/Replicator/Resource']);
  });

  it('reports MON-010 with the replicator path when the replicator has no alarms', () => {
    const { peer } = replicatedPair({ withoutReplicatorAlarms: true });
    expect(mon010(peer.stack)).toEqual([
      'non-compliant dr/Replicator/Resource'
      + ' | no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ReplicationLatency of replicator production-kafka-to-dr-kafka'
      + ' | no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches MessageLag of replicator production-kafka-to-dr-kafka | no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ReplicatorFailure of replicator production-kafka-to-dr-kafka',
    ]);
  });

  it('leaves the latency threshold to DR-003: MON-010 stays compliant when an escape hatch raises it', () => {
    const { peer, replicatorAlarms } = replicatedPair();
    replicatorAlarms!.latencyAlarm.addOverride('threshold', 900_000);
    expect(mon010(peer.stack)).toEqual(['compliant dr/Replicator/Resource']);
    expect(ruleLines(peer.stack, 'DR-003')).toEqual(["non-compliant dr/Replicator/Resource | alarm 'production-kafka-to-dr-kafka-MON-010-replication-latency' has threshold 900000 ms"]);
  });

  it('reports MON-010 when the alarms watch another replicator', () => {
    const { peer, replicatorAlarms } = replicatedPair();
    replicatorAlarms!.latencyAlarm.addOverride('dimensions.ReplicatorName', 'other');
    expect(mon010(peer.stack)[0]).toMatch(/^non-compliant dr\/Replicator\/Resource \| no CloudWatch alarm .* watches ReplicationLatency/);
  });

  it('checks the latency threshold against the pairing RPO, whatever the replicator tag says', () => {
    const { peer, replicator, replicatorAlarms } = replicatedPair();
    replicator.resource.addOverride('tags.kafka-iac:rpo-seconds', null);
    replicatorAlarms!.latencyAlarm.addOverride('threshold', 300_001);
    expect(ruleLines(peer.stack, 'DR-003')).toEqual(["non-compliant dr/Replicator/Resource | alarm 'production-kafka-to-dr-kafka-MON-010-replication-latency' has threshold 300001 ms"]);
  });
});
