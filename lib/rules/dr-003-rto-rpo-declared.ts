import type { SynthesizedDocument } from '../contract/document';
import type { DrPairingDeclaration } from '../model/dr/dr-pairing';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import type { DocumentIndex } from '../contract/document-index';
import { trailingComparison } from './checks/cluster-monitoring';
import { mirrorMaker2MonitoringOf } from './checks/mirror-maker-2-monitoring';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { blockOf, connectorConfig, isMirrorMaker2, mirrorsOf, missingDeclaration, replicationTargets } from './readers/replication-documents';

/**
 * DR-003: RTO and RPO are declared; MON-010 alerts when replication falls behind the RPO.
 *
 * KafkaMirrorMaker2: the pairing declares an RPO and an RTO; the MON-010 latency alert tied to
 * this MirrorMaker 2 (by its cluster label and PodMonitor) fires at a threshold of at most the
 * RPO (that the alert exists at all is MON-010's check); checkpoints and offset syncs run at
 * least once per RPO. aws_msk_replicator: the pairing declares an RPO and an RTO; its CloudWatch
 * alarms on ReplicationLatency fire above a threshold of at most the RPO (that one exists at
 * all is MON-010's check).
 */
export const DR_003_RTO_RPO_DECLARED: Rule = defineRule({
  id: 'DR-003',
  title: 'RTO and RPO are declared; MON-010 alerts when replication falls behind the RPO',
  explanation: 'Without declared objectives nobody knows whether a failover met them; without an alert at the RPO, replication can fall behind for days and the loss shows only at failover.',
  remediation: 'Declare rpo and rto on the DrPairing and add the MON-010 alert at the RPO: KafkaPrometheusMonitoring with replicationRpo (MirrorMaker 2) or MskReplicatorAlarms (MSK Replicator).',
  severity: Severity.ERROR,
  targets: replicationTargets(checkReplication),
});

/** MirrorMaker 2 (Strimzi) and MSK Replicator alike. */
function checkReplication(doc: SynthesizedDocument, d: DrPairingDeclaration | undefined, ctx: RuleContext): RuleOutcome {
  const f = new Findings();
  if (!d) {
    f.add(missingDeclaration(doc));
    return f.outcome();
  }
  const rpo = Number(d.rpoSeconds);
  const rto = Number(d.rtoSeconds);
  f.expect(rpo > 0, { found: `the declared RPO is ${shown(d.rpoSeconds)}`, expected: 'an RPO of at least one second', fix: 'Declare rpo: DrDuration.minutes(5) on the DrPairing.' });
  f.expect(rto > 0, { found: `the declared RTO is ${shown(d.rtoSeconds)}`, expected: 'an RTO of at least one second', fix: 'Declare rto: DrDuration.minutes(30) on the DrPairing.' });
  // Against a valid RTO only; an RPO that is no positive number (reported above) is never above it.
  if (rto > 0) {
    f.expect(!(rpo > rto), {
      found: `the declared RPO (${rpo}s) is above the RTO (${rto}s)`, expected: 'an RPO of at most the RTO: MON-010 alerts only once replication is an RPO behind',
      fix: 'Lower the RPO to the RTO or less on the DrPairing, or raise the RTO.',
    });
  }
  if (!(rpo > 0)) return f.outcome();
  if (isMirrorMaker2(doc)) checkMirrorMaker2(f, doc, d, ctx.index, rpo);
  else checkReplicator(f, doc as TerraformDocument, ctx.index, rpo);
  return f.outcome();
}

function checkMirrorMaker2(f: Findings, doc: KubernetesDocument, d: DrPairingDeclaration, index: DocumentIndex, rpo: number): void {
  // Only the latency alerts tied to this MirrorMaker 2 count. When there is none, MON-010
  // reports it; DR-003 owns the threshold against the pairing's RPO, and only it.
  const alerts = mirrorMaker2MonitoringOf(doc, index).latencyAlerts;
  const atRpo = alerts.filter((a) => {
    const c = trailingComparison(a.expr);
    return c !== undefined && (c.op === '>' || c.op === '>=') && c.value <= rpo * 1000;
  });
  f.expect(alerts.length === 0 || atRpo.length > 0, {
    found: `the MON-010 alert thresholds are ${alerts.map((a) => shown(trailingComparison(a.expr)?.value)).join(', ')} ms`,
    expected: `a MON-010 alert on replication latency above the RPO (${rpo * 1000} ms) or lower`,
    fix: `Set replicationRpo: PrometheusDuration.seconds(${rpo}) on the KafkaPrometheusMonitoring that watches ${doc.name} (the pairing's RPO), or remove the patch that raised the threshold.`,
  });
  mirrorsOf(doc).forEach((m, i) => {
    const c = connectorConfig(m, 'checkpointConnector');
    for (const key of ['emit.checkpoints.interval.seconds', 'sync.group.offsets.interval.seconds']) {
      const v = c[key] === undefined ? 60 : Number(c[key]);
      f.expect(v <= rpo, {
        found: `spec.mirrors[${i}].checkpointConnector.config.${key} is ${shown(c[key] ?? '60 (the default)')}`,
        expected: `at most the RPO of ${d.rpoSeconds} s: offsets synced less often re-deliver more after failover than declared`,
        fix: 'Remove the override (StrimziMirrorMaker2 uses 60 s, or the RPO when shorter).',
      });
    }
  });
}

function checkReplicator(f: Findings, doc: TerraformDocument, index: DocumentIndex, rpo: number): void {
  // Only the latency alarms of this replicator count. When there is none, MON-010 reports it;
  // DR-003 owns the threshold against the pairing's RPO, and only it.
  const name = doc.body.replicator_name;
  const alarms = index.terraform('aws_cloudwatch_metric_alarm').filter((a) => a.body.metric_name === 'ReplicationLatency'
    && a.body.namespace === 'AWS/Kafka' && blockOf(a.body.dimensions)?.ReplicatorName === name);
  const rpoMs = rpo * 1000;
  for (const a of alarms) {
    const op = String(a.body.comparison_operator);
    f.expect(/^GreaterThan/.test(op), {
      found: `alarm ${shown(a.body.alarm_name)} has comparison_operator ${op}`,
      expected: 'GreaterThanThreshold: it fires when latency rises above the RPO',
      fix: 'Restore comparison_operator GreaterThanThreshold (MskReplicatorAlarms sets it).',
    });
    f.expect(Number(a.body.threshold) <= rpoMs, {
      found: `alarm ${shown(a.body.alarm_name)} has threshold ${shown(a.body.threshold)} ms`,
      expected: `at most the pairing's RPO, ${rpoMs} ms`,
      fix: `Restore the threshold ${rpoMs} (MskReplicatorAlarms sets it from the pairing's RPO), or remove the override that raised it.`,
    });
  }
}
