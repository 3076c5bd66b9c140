"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIRROR_MAKER_2_ROLE = void 0;
exports.mirrorMaker2PodLabels = mirrorMaker2PodLabels;
exports.mirrorMaker2MonitoringOf = mirrorMaker2MonitoringOf;
const metrics_backend_1 = require("../../model/monitoring/metrics-backend");
const statefulset_documents_1 = require("../readers/statefulset-documents");
const cluster_monitoring_1 = require("./cluster-monitoring");
const vocabulary_1 = require("../../contract/vocabulary");
/** The `kafka_role` the MirrorMaker 2 PodMonitor gives its series. */
exports.MIRROR_MAKER_2_ROLE = 'mirrormaker2';
/** The labels Strimzi gives the pods of a KafkaMirrorMaker2: the resource's labels, its pod template's, and its own. */
function mirrorMaker2PodLabels(doc) {
    return {
        ...(doc.body.metadata?.labels ?? {}),
        ...(doc.body.spec?.template?.pod?.metadata?.labels ?? {}),
        'strimzi.io/cluster': doc.name,
        'strimzi.io/kind': 'KafkaMirrorMaker2',
        'strimzi.io/name': `${doc.name}-mirrormaker2`,
    };
}
/** The monitoring of a KafkaMirrorMaker2: only what is tied to it through its labels counts. */
function mirrorMaker2MonitoringOf(doc, index) {
    const label = doc.body.metadata?.labels?.[vocabulary_1.KAFKA_CLUSTER_LABEL];
    if (typeof label !== 'string' || label === '')
        return { podMonitors: [], latencyAlerts: [], downAlerts: [] };
    const cluster = label;
    const pods = mirrorMaker2PodLabels(doc);
    const podMonitors = index.kubernetes('PodMonitor').filter((m) => (doc.namespace === undefined || m.body.spec?.namespaceSelector?.matchNames === undefined
        || m.body.spec.namespaceSelector.matchNames.includes(doc.namespace))
        && (0, statefulset_documents_1.selectorMatches)(m.body.spec?.selector, pods)
        && (m.body.spec?.podMetricsEndpoints ?? []).some((e) => replaces(e, metrics_backend_1.CLUSTER_LABEL, cluster) && replaces(e, metrics_backend_1.ROLE_LABEL, exports.MIRROR_MAKER_2_ROLE)));
    const alerts = (0, cluster_monitoring_1.allPrometheusAlerts)(index).filter((a) => a.labels.rule_id === 'MON-010' && selectsMirrorMaker2Of(a.expr, cluster));
    return {
        cluster,
        podMonitors,
        latencyAlerts: alerts.filter((a) => /replication_latency_ms/.test(a.expr)),
        downAlerts: alerts.filter((a) => !/replication_latency_ms/.test(a.expr) && firesWhenNothingRuns(a.expr)),
    };
}
/**
 * Whether an alert fires when no MirrorMaker 2 task runs: `absent(...)`, fewer than one
 * running source task (`(count(...status="running"...) or vector(0)) < 1`), or `up == 0`.
 */
function firesWhenNothingRuns(expr) {
    if (/\babsent\(/.test(expr))
        return true;
    const cmp = (0, cluster_monitoring_1.trailingComparison)(expr);
    if (!cmp)
        return false;
    if (/connector_task_status\{[^}]*status="running"/.test(expr))
        return (cmp.op === '<' && cmp.value >= 1) || ((cmp.op === '==' || cmp.op === '<=') && cmp.value === 0);
    return /\bup\{/.test(expr) && cmp.op === '==' && cmp.value === 0;
}
/** Whether an expression selects the MirrorMaker 2 series of a cluster (`kafka_cluster="<c>"` and `kafka_role="mirrormaker2"` in one selector). */
function selectsMirrorMaker2Of(expr, cluster) {
    return [...expr.matchAll(/\{([^}]*)\}/g)].some((m) => m[1].includes(`${metrics_backend_1.CLUSTER_LABEL}="${cluster}"`) && m[1].includes(`${metrics_backend_1.ROLE_LABEL}="${exports.MIRROR_MAKER_2_ROLE}"`));
}
/** Whether a PodMonitor endpoint sets a target label to a fixed value. */
function replaces(endpoint, targetLabel, value) {
    return (endpoint?.relabelings ?? []).some((r) => r?.targetLabel === targetLabel && r?.replacement === value && (r.action === undefined || r.action === 'replace') && r.sourceLabels === undefined);
}
