import { ruleDocumentLabel } from './checks/cluster-monitoring';
import { MIRROR_MAKER_2_ROLE, mirrorMaker2MonitoringOf, mirrorMaker2PodLabels } from './checks/mirror-maker-2-monitoring';
import { CLUSTER_LABEL, ROLE_LABEL } from '../model/monitoring/metrics-backend';
import { MSK_REPLICATOR_DIMENSION, MSK_REPLICATOR_FAILURE_METRIC, MSK_REPLICATOR_LAG_METRIC, MSK_REPLICATOR_LATENCY_METRIC } from '../contract/msk-replicator-markers';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { asMirrorMaker2, asMskReplicator } from './readers/replication-documents';
import { documentCheck } from './checks/target-checks';
import { Findings, type Rule, type RuleOutcome, type RuleContext } from './rule';
import { defineRule, Severity } from './define-rule';
import { KAFKA_CLUSTER_LABEL, RULE_TAG } from '../contract/vocabulary';

/**
 * MON-010: replication lag beyond the declared RPO (critical). This rule checks that the
 * alerts exist, are tied to the replication and are critical; whether the latency threshold is
 * within the pairing's RPO is DR-003's check on both targets, so one fault is reported once.
 * - Strimzi `KafkaMirrorMaker2`: its monitoring is tied to it (see `mirrorMaker2MonitoringOf`):
 *   a PodMonitor scrapes its pods and labels their series for the cluster named by its
 *   `kafka-iac.dev/cluster` label, and MON-010 alerts on exactly those series watch its
 *   replication latency and fire when none of its source tasks runs (pods down, tasks failed:
 *   then the latency series is gone and the latency alert cannot fire). Whether the latency
 *   threshold is within the declared RPO is DR-003's check, not this one's.
 * - MSK `aws_msk_replicator`: a CloudWatch alarm tagged `kafka-iac:rule=MON-010` on its
 *   `ReplicationLatency` (dimension ReplicatorName) and one on its `MessageLag`
 *   (MskReplicatorAlarms), read after every escape hatch.
 */
export const MON_010_MIRRORMAKER2_REPLICATION_LAG: Rule = defineRule({
  id: 'MON-010',
  title: 'MirrorMaker 2 replication lag beyond the declared RPO (critical)',
  explanation: 'A DR copy behind its RPO loses more data on failover than promised; a MirrorMaker 2 that stopped has no latency to alert on, so its absence must alert too.',
  remediation: 'Declare the RPO: new KafkaPrometheusMonitoring(chart, id, { ..., replicationRpo: PrometheusDuration.minutes(5), mirrorMakerSelector: mm2.podSelector }) for MirrorMaker 2; new MskReplicatorAlarms(stack, id, { replicatorName, rpoSeconds, messagesPerSecond }) for MSK Replicator.',
  severity: Severity.ERROR,
  targets: { strimzi: documentCheck(asMirrorMaker2, checkMirrorMaker2), msk: documentCheck(asMskReplicator, checkReplicator) },
});

/** Strimzi: each KafkaMirrorMaker2. */
function checkMirrorMaker2(doc: KubernetesDocument, { index }: RuleContext): RuleOutcome {
  const f = new Findings();
  const m = mirrorMaker2MonitoringOf(doc, index);
  if (m.cluster === undefined) {
    f.add({
      found: `KafkaMirrorMaker2 ${doc.name} has no ${KAFKA_CLUSTER_LABEL} label, so no monitoring can be tied to it`,
      expected: 'the label naming the cluster whose monitoring scrapes its pods and alerts on them',
      fix: 'Build it with StrimziMirrorMaker2 (it sets the label from the target cluster or monitoredClusterName), or restore the label.',
    });
    return f.outcome();
  }
  const fix = `Add new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: '${m.cluster}', ..., replicationRpo, mirrorMakerSelector: mm2.podSelector }).`;
  const series = `${CLUSTER_LABEL}="${m.cluster}",${ROLE_LABEL}="${MIRROR_MAKER_2_ROLE}"`;
  f.expect(m.podMonitors.length > 0, {
    found: `no PodMonitor selects the pods of KafkaMirrorMaker2 ${doc.name} (${Object.entries(mirrorMaker2PodLabels(doc)).map(([k, v]) => `${k}=${v}`).join(', ')}) and labels their series ${series}`,
    expected: 'a PodMonitor that scrapes its pods, so that the MON-010 alerts see its metrics', fix,
  });
  f.expect(m.latencyAlerts.length > 0, {
    found: `no MON-010 alert watches the replication latency of KafkaMirrorMaker2 ${doc.name} (series ${series})`,
    expected: 'an alert on replication latency beyond the declared RPO', fix,
  });
  f.expect(m.downAlerts.length > 0, {
    found: `no MON-010 alert fires when KafkaMirrorMaker2 ${doc.name} stops (no running source task on series ${series})`,
    expected: 'an alert when its pods are down or its source tasks are not running: the latency series then disappears and the latency alert stays silent', fix,
  });
  for (const a of [...m.latencyAlerts, ...m.downAlerts]) {
    f.expect(a.labels.severity === 'critical', {
      found: `alert ${a.alert} in ${ruleDocumentLabel(a.document)} has severity ${a.labels.severity ?? 'not set'}`,
      expected: "'critical'", fix: "Set the severity label back to 'critical'.",
    });
  }
  return f.outcome();
}

/** MSK: each aws_msk_replicator. */
function checkReplicator(doc: TerraformDocument, { index }: RuleContext): RuleOutcome {
  const f = new Findings();
  const name = String(doc.body.replicator_name);
  const alarms = index.terraform('aws_cloudwatch_metric_alarm').filter((a) => a.body.tags?.[RULE_TAG] === 'MON-010'
    && a.body.namespace === 'AWS/Kafka' && a.body.dimensions?.[MSK_REPLICATOR_DIMENSION] === name);
  const latency = alarms.filter((a) => a.body.metric_name === MSK_REPLICATOR_LATENCY_METRIC);
  const lag = alarms.filter((a) => a.body.metric_name === MSK_REPLICATOR_LAG_METRIC);
  const failure = alarms.filter((a) => a.body.metric_name === MSK_REPLICATOR_FAILURE_METRIC);
  const fix = `Add new MskReplicatorAlarms(stack, 'ReplicatorAlarms', { replicatorName: '${name}', rpoSeconds, messagesPerSecond }) in the replicator's region.`;
  f.expect(latency.length > 0, {
    found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ${MSK_REPLICATOR_LATENCY_METRIC} of replicator ${name}`,
    expected: 'an alarm on replication latency beyond the declared RPO', fix,
  });
  f.expect(lag.length > 0, {
    found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ${MSK_REPLICATOR_LAG_METRIC} of replicator ${name}`,
    expected: 'an alarm on the messages the replicator has not read from the source', fix,
  });
  f.expect(failure.length > 0, {
    found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ${MSK_REPLICATOR_FAILURE_METRIC} of replicator ${name}`,
    expected: 'an alarm on the replicator\'s failures: a failed replicator stops emitting latency and lag, which then alarm on nothing', fix,
  });
  return f.outcome();
}
