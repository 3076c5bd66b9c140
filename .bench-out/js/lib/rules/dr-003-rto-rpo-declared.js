"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DR_003_RTO_RPO_DECLARED = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
const mirror_maker_2_monitoring_1 = require("./checks/mirror-maker-2-monitoring");
const rule_1 = require("./rule");
const replication_documents_1 = require("./readers/replication-documents");
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
exports.DR_003_RTO_RPO_DECLARED = {
    id: 'DR-003',
    level: rule_1.RuleLevel.ERROR,
    title: 'RTO and RPO are declared; MON-010 alerts when replication falls behind the RPO',
    explanation: 'Without declared objectives nobody knows whether a failover met them; without an alert at the RPO, replication can fall behind for days and the loss shows only at failover.',
    remediation: 'Declare rpo and rto on the DrPairing and add the MON-010 alert at the RPO: KafkaPrometheusMonitoring with replicationRpo (MirrorMaker 2) or MskReplicatorAlarms (MSK Replicator).',
    targets: [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.MSK],
    check(doc, ctx) {
        if (!(0, replication_documents_1.isMirrorMaker2)(doc) && !(0, replication_documents_1.isMskReplicator)(doc))
            return rule_1.NOT_APPLICABLE;
        const f = new rule_1.Findings();
        const d = (0, replication_documents_1.declarationOf)(doc, ctx.index);
        if (!d) {
            f.add((0, replication_documents_1.missingDeclaration)(doc));
            return f.outcome();
        }
        const rpo = Number(d.rpoSeconds);
        const rto = Number(d.rtoSeconds);
        f.expect(rpo > 0, { found: `the declared RPO is ${(0, rule_1.shown)(d.rpoSeconds)}`, expected: 'an RPO of at least one second', fix: 'Declare rpo: DrDuration.minutes(5) on the DrPairing.' });
        f.expect(rto > 0, { found: `the declared RTO is ${(0, rule_1.shown)(d.rtoSeconds)}`, expected: 'an RTO of at least one second', fix: 'Declare rto: DrDuration.minutes(30) on the DrPairing.' });
        if (!(rpo > 0))
            return f.outcome();
        if ((0, replication_documents_1.isMirrorMaker2)(doc))
            checkMirrorMaker2(f, doc, d, ctx.index, rpo);
        else
            checkReplicator(f, doc, ctx.index, rpo);
        return f.outcome();
    },
};
function checkMirrorMaker2(f, doc, d, index, rpo) {
    // Only the latency alerts tied to this MirrorMaker 2 count. When there is none, MON-010
    // reports it; DR-003 owns the threshold against the pairing's RPO, and only it.
    const alerts = (0, mirror_maker_2_monitoring_1.mirrorMaker2MonitoringOf)(doc, index).latencyAlerts;
    const atRpo = alerts.filter((a) => {
        const c = (0, cluster_monitoring_1.trailingComparison)(a.expr);
        return c !== undefined && (c.op === '>' || c.op === '>=') && c.value <= rpo * 1000;
    });
    f.expect(alerts.length === 0 || atRpo.length > 0, {
        found: `the MON-010 alert thresholds are ${alerts.map((a) => (0, rule_1.shown)((0, cluster_monitoring_1.trailingComparison)(a.expr)?.value)).join(', ')} ms`,
        expected: `a MON-010 alert on replication latency above the RPO (${rpo * 1000} ms) or lower`,
        fix: `Set replicationRpo: PrometheusDuration.seconds(${rpo}) on the KafkaPrometheusMonitoring that watches ${doc.name} (the pairing's RPO), or remove the patch that raised the threshold.`,
    });
    (0, replication_documents_1.mirrorsOf)(doc).forEach((m, i) => {
        const c = (0, replication_documents_1.connectorConfig)(m, 'checkpointConnector');
        for (const key of ['emit.checkpoints.interval.seconds', 'sync.group.offsets.interval.seconds']) {
            const v = c[key] === undefined ? 60 : Number(c[key]);
            f.expect(v <= rpo, {
                found: `spec.mirrors[${i}].checkpointConnector.config.${key} is ${(0, rule_1.shown)(c[key] ?? '60 (the default)')}`,
                expected: `at most the RPO of ${d.rpoSeconds} s: offsets synced less often re-deliver more after failover than declared`,
                fix: 'Remove the override (StrimziMirrorMaker2 uses 60 s, or the RPO when shorter).',
            });
        }
    });
}
function checkReplicator(f, doc, index, rpo) {
    // Only the latency alarms of this replicator count. When there is none, MON-010 reports it;
    // DR-003 owns the threshold against the pairing's RPO, and only it.
    const name = doc.body.replicator_name;
    const alarms = index.terraform('aws_cloudwatch_metric_alarm').filter((a) => a.body.metric_name === 'ReplicationLatency'
        && a.body.namespace === 'AWS/Kafka' && (0, replication_documents_1.blockOf)(a.body.dimensions)?.ReplicatorName === name);
    const rpoMs = rpo * 1000;
    for (const a of alarms) {
        const op = String(a.body.comparison_operator);
        f.expect(/^GreaterThan/.test(op), {
            found: `alarm ${(0, rule_1.shown)(a.body.alarm_name)} has comparison_operator ${op}`,
            expected: 'GreaterThanThreshold: it fires when latency rises above the RPO',
            fix: 'Restore comparison_operator GreaterThanThreshold (MskReplicatorAlarms sets it).',
        });
        f.expect(Number(a.body.threshold) <= rpoMs, {
            found: `alarm ${(0, rule_1.shown)(a.body.alarm_name)} has threshold ${(0, rule_1.shown)(a.body.threshold)} ms`,
            expected: `at most the pairing's RPO, ${rpoMs} ms`,
            fix: `Restore the threshold ${rpoMs} (MskReplicatorAlarms sets it from the pairing's RPO), or remove the override that raised it.`,
        });
    }
}
