"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MON_010_MIRRORMAKER2_REPLICATION_LAG = void 0;
const cluster_monitoring_1 = require("./checks/cluster-monitoring");
const mirror_maker_2_monitoring_1 = require("./checks/mirror-maker-2-monitoring");
const metrics_backend_1 = require("../model/monitoring/metrics-backend");
const msk_replicator_markers_1 = require("../contract/msk-replicator-markers");
const document_1 = require("../contract/document");
const rule_1 = require("./rule");
const vocabulary_1 = require("../contract/vocabulary");
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
exports.MON_010_MIRRORMAKER2_REPLICATION_LAG = {
    id: 'MON-010',
    level: rule_1.RuleLevel.ERROR,
    title: 'MirrorMaker 2 replication lag beyond the declared RPO (critical)',
    explanation: 'A DR copy behind its RPO loses more data on failover than promised; a MirrorMaker 2 that stopped has no latency to alert on, so its absence must alert too.',
    remediation: 'Declare the RPO: new KafkaPrometheusMonitoring(chart, id, { ..., replicationRpo: PrometheusDuration.minutes(5), mirrorMakerSelector: mm2.podSelector }) for MirrorMaker 2; new MskReplicatorAlarms(stack, id, { replicatorName, rpoSeconds, messagesPerSecond }) for MSK Replicator.',
    targets: [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.MSK],
    check(doc, ctx) {
        if (doc.source === 'terraform')
            return doc.type === 'aws_msk_replicator' ? checkReplicator(doc, ctx.index) : rule_1.NOT_APPLICABLE;
        if (doc.kind !== 'KafkaMirrorMaker2' || (0, document_1.apiGroupOf)(doc) !== 'kafka.strimzi.io')
            return rule_1.NOT_APPLICABLE;
        return checkMirrorMaker2(doc, ctx.index);
    },
};
function checkMirrorMaker2(doc, index) {
    const f = new rule_1.Findings();
    const m = (0, mirror_maker_2_monitoring_1.mirrorMaker2MonitoringOf)(doc, index);
    const fix = `Add new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: '${m.cluster ?? '<target cluster>'}', ..., replicationRpo, mirrorMakerSelector: mm2.podSelector }).`;
    if (m.cluster === undefined) {
        f.add({
            found: `KafkaMirrorMaker2 ${doc.name} has no ${vocabulary_1.KAFKA_CLUSTER_LABEL} label, so no monitoring can be tied to it`,
            expected: 'the label naming the cluster whose monitoring scrapes its pods and alerts on them',
            fix: 'Build it with StrimziMirrorMaker2 (it sets the label from the target cluster or monitoredClusterName), or restore the label.',
        });
        return f.outcome();
    }
    const series = `${metrics_backend_1.CLUSTER_LABEL}="${m.cluster}",${metrics_backend_1.ROLE_LABEL}="${mirror_maker_2_monitoring_1.MIRROR_MAKER_2_ROLE}"`;
    f.expect(m.podMonitors.length > 0, {
        found: `no PodMonitor selects the pods of KafkaMirrorMaker2 ${doc.name} (${Object.entries((0, mirror_maker_2_monitoring_1.mirrorMaker2PodLabels)(doc)).map(([k, v]) => `${k}=${v}`).join(', ')}) and labels their series ${series}`,
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
            found: `alert ${a.alert} in ${(0, cluster_monitoring_1.ruleDocumentLabel)(a.document)} has severity ${a.labels.severity ?? 'not set'}`,
            expected: "'critical'", fix: "Set the severity label back to 'critical'.",
        });
    }
    return f.outcome();
}
function checkReplicator(doc, index) {
    const f = new rule_1.Findings();
    const name = String(doc.body.replicator_name);
    const alarms = index.terraform('aws_cloudwatch_metric_alarm').filter((a) => a.body.tags?.[vocabulary_1.RULE_TAG] === 'MON-010'
        && a.body.namespace === 'AWS/Kafka' && a.body.dimensions?.[msk_replicator_markers_1.MSK_REPLICATOR_DIMENSION] === name);
    const latency = alarms.filter((a) => a.body.metric_name === msk_replicator_markers_1.MSK_REPLICATOR_LATENCY_METRIC);
    const lag = alarms.filter((a) => a.body.metric_name === msk_replicator_markers_1.MSK_REPLICATOR_LAG_METRIC);
    const fix = `Add new MskReplicatorAlarms(stack, 'ReplicatorAlarms', { replicatorName: '${name}', rpoSeconds, messagesPerSecond }) in the replicator's region.`;
    f.expect(latency.length > 0, {
        found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ${msk_replicator_markers_1.MSK_REPLICATOR_LATENCY_METRIC} of replicator ${name}`,
        expected: 'an alarm on replication latency beyond the declared RPO', fix,
    });
    f.expect(lag.length > 0, {
        found: `no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ${msk_replicator_markers_1.MSK_REPLICATOR_LAG_METRIC} of replicator ${name}`,
        expected: 'an alarm on the messages the replicator has not read from the source', fix,
    });
    return f.outcome();
}
