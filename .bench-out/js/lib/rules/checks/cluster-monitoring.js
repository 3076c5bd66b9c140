"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kafkaClusterOf = kafkaClusterOf;
exports.isMonitoringRuleDocument = isMonitoringRuleDocument;
exports.monitoredClusterOf = monitoredClusterOf;
exports.ruleDocumentLabel = ruleDocumentLabel;
exports.ruleDocumentsFor = ruleDocumentsFor;
exports.prometheusAlertsFor = prometheusAlertsFor;
exports.allPrometheusAlerts = allPrometheusAlerts;
exports.alertsOf = alertsOf;
exports.trailingComparison = trailingComparison;
exports.durationSeconds = durationSeconds;
exports.cloudWatchAlarmsFor = cloudWatchAlarmsFor;
exports.alarmMetrics = alarmMetrics;
exports.monitoringRule = monitoringRule;
const prometheus_rules_artefact_1 = require("../../contract/prometheus-rules-artefact");
const document_1 = require("../../contract/document");
const rule_1 = require("../rule");
const rule_target_1 = require("../../contract/rule-target");
const vocabulary_1 = require("../../contract/vocabulary");
/** The Kafka cluster a document is, or undefined. */
function kafkaClusterOf(doc) {
    if (doc.source === 'terraform') {
        return doc.type === 'aws_msk_cluster' ? { target: rule_1.RuleTarget.MSK, name: String(doc.body.cluster_name), doc } : undefined;
    }
    if (doc.kind === 'Kafka' && (0, document_1.apiGroupOf)(doc) === 'kafka.strimzi.io')
        return { target: rule_1.RuleTarget.STRIMZI, name: doc.name, doc };
    if (doc.kind === 'StatefulSet' && (0, rule_target_1.targetOf)(doc) === rule_1.RuleTarget.STATEFULSET) {
        return { target: rule_1.RuleTarget.STATEFULSET, name: doc.body.metadata?.labels?.[vocabulary_1.KAFKA_CLUSTER_LABEL] ?? doc.name, doc };
    }
    return undefined;
}
/**
 * Whether a document holds the Prometheus rule groups of a Kafka cluster: a PrometheusRule
 * labelled `kafka-iac.dev/cluster` (Kubernetes), or the terraform_data that
 * MskPrometheusMonitoring writes (MSK open monitoring).
 */
function isMonitoringRuleDocument(doc) {
    return monitoredClusterOf(doc) !== undefined;
}
/** The cluster a rule document monitors, or undefined for any other document. */
function monitoredClusterOf(doc) {
    if (doc.source === 'kubernetes') {
        const c = doc.kind === 'PrometheusRule' ? doc.body.metadata?.labels?.[vocabulary_1.KAFKA_CLUSTER_LABEL] : undefined;
        return typeof c === 'string' ? c : undefined;
    }
    if (doc.type !== 'terraform_data' || !(0, prometheus_rules_artefact_1.isPrometheusRulesArtefactInput)(doc.body.input))
        return undefined;
    return typeof doc.body.input.cluster === 'string' ? doc.body.input.cluster : '';
}
/** A rule document as findings name it: `PrometheusRule orders-kafka-alerts`, `terraform_data.<name>`. */
function ruleDocumentLabel(doc) {
    return doc.source === 'kubernetes' ? `PrometheusRule ${doc.name}` : doc.address;
}
/** The rule documents that monitor a cluster. */
function ruleDocumentsFor(index, cluster) {
    return [...index.kubernetes('PrometheusRule'), ...index.terraform('terraform_data')].filter((d) => monitoredClusterOf(d) === cluster);
}
/** The alerts of the rule documents that monitor a cluster. */
function prometheusAlertsFor(index, cluster) {
    return ruleDocumentsFor(index, cluster).flatMap((d) => alertsOf(d));
}
/** The alerts of every rule document of a synthesis. */
function allPrometheusAlerts(index) {
    return [...index.kubernetes('PrometheusRule'), ...index.terraform('terraform_data')].filter(isMonitoringRuleDocument).flatMap((d) => alertsOf(d));
}
/** The alerts of one rule document (a PrometheusRule's `spec.groups`, a rules artefact's `input.groups`). */
function alertsOf(d) {
    const groups = d.source === 'kubernetes' ? d.body.spec?.groups : (0, prometheus_rules_artefact_1.ruleGroupsOfArtefactInput)(d.body.input);
    return (Array.isArray(groups) ? groups : []).flatMap((g) => (Array.isArray(g?.rules) ? g.rules : [])
        .filter((r) => typeof r?.alert === 'string')
        .map((r) => ({ alert: r.alert, expr: String(r.expr ?? ''), for: r.for, labels: r.labels ?? {}, annotations: r.annotations ?? {}, document: d })));
}
/** The comparison an alert expression ends with: `> 10000`, `< 30`, `!= 1`. */
function trailingComparison(expr) {
    const m = /(==|!=|>=|<=|>|<)\s*(-?[0-9][0-9.e+-]*)\s*$/.exec(expr.trim());
    return m ? { op: m[1], value: Number(m[2]) } : undefined;
}
/** Seconds of a Prometheus duration (`5m`, `1h`); 0 when absent. */
function durationSeconds(d) {
    if (!d)
        return 0;
    const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(d);
    if (!m)
        return Number.NaN;
    const [dd, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
    return dd * 86_400 + h * 3_600 + mi * 60 + s;
}
/** The CloudWatch alarms tagged with a rule ID that watch an MSK cluster (by dimension or Metrics Insights query). */
function cloudWatchAlarmsFor(index, cluster, ruleId) {
    return index.terraform('aws_cloudwatch_metric_alarm').filter((a) => {
        if (a.body.tags?.[vocabulary_1.RULE_TAG] !== ruleId)
            return false;
        const dims = [a.body.dimensions, ...(a.body.metric_query ?? []).map((q) => q.metric?.dimensions)];
        if (dims.some((d) => d?.['Cluster Name'] === cluster))
            return true;
        return (a.body.metric_query ?? []).some((q) => typeof q.expression === 'string' && q.expression.includes(`"Cluster Name" = '${cluster}'`));
    });
}
/** The metric names an alarm reads. */
function alarmMetrics(a) {
    return [a.body.metric_name, ...(a.body.metric_query ?? []).map((q) => q.metric?.metric_name ?? (/SELECT \w+\((\w+)\)/.exec(q.expression ?? '')?.[1]))].filter((x) => typeof x === 'string');
}
/**
 * A MON rule: for each Kafka cluster, the generated monitoring exists (a PrometheusRule alert
 * with the rule's `rule_id` label, or a CloudWatch alarm tagged with the rule ID) and its
 * threshold and `for` are no weaker than RULES.md, after every escape hatch. A weaker threshold
 * set through props is reported too, so that it carries a suppression with a reason.
 *
 * On MSK the CloudWatch alarms are required; when the cluster also uses open monitoring
 * (MskPrometheusMonitoring wrote its rule groups into the stack), those alerts are held to the
 * same thresholds as on Kubernetes.
 */
function monitoringRule(e) {
    const targets = [
        ...(e.cloudWatch ? [rule_1.RuleTarget.MSK] : []),
        ...(e.prometheus ? [rule_1.RuleTarget.STRIMZI, rule_1.RuleTarget.STATEFULSET] : []),
    ];
    return {
        id: e.id,
        // RULES.md gives the MON rules no level, and every rule is in force in staging and
        // production: a cluster without its generated monitoring, or with a weakened threshold,
        // stops synthesis unless a suppression with a reason covers it.
        level: rule_1.RuleLevel.ERROR,
        title: e.title,
        explanation: e.explanation,
        remediation: 'Add the monitoring for the cluster (KafkaPrometheusMonitoring on Kubernetes; MskCloudWatchAlarms and MskPrometheusMonitoring on MSK) and keep the RULES.md threshold, or suppress the rule with a written reason.',
        targets,
        check(doc, ctx) {
            const cluster = kafkaClusterOf(doc);
            if (!cluster || !targets.includes(cluster.target))
                return rule_1.NOT_APPLICABLE;
            const f = new rule_1.Findings();
            if (cluster.target === rule_1.RuleTarget.MSK) {
                checkCloudWatch(f, e, cluster, ctx.index);
                if (e.prometheus && ruleDocumentsFor(ctx.index, cluster.name).length > 0)
                    checkPrometheus(f, e, cluster, ctx.index);
            }
            else {
                checkPrometheus(f, e, cluster, ctx.index);
            }
            return f.outcome();
        },
    };
}
function checkPrometheus(f, e, cluster, index) {
    const p = e.prometheus;
    const msk = cluster.target === rule_1.RuleTarget.MSK;
    const alerts = prometheusAlertsFor(index, cluster.name).filter((a) => a.labels.rule_id === e.id);
    f.expect(alerts.length > 0, msk
        ? {
            found: `the open-monitoring rule groups of ${cluster.name} (${ruleDocumentsFor(index, cluster.name).map(ruleDocumentLabel).join(', ')}) have no alert with rule_id ${e.id}`,
            expected: `the ${e.id} alert for cluster ${cluster.name}`,
            fix: `Remove the addOverride that dropped the ${e.id} alert from the MskPrometheusMonitoring rules artefact.`,
        }
        : {
            found: `no PrometheusRule labelled ${vocabulary_1.KAFKA_CLUSTER_LABEL}=${cluster.name} has an alert with rule_id ${e.id}`,
            expected: `the ${e.id} alert for cluster ${cluster.name}`,
            fix: `Add new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: '${cluster.name}', ... }).`,
        });
    for (const a of alerts) {
        const where = `alert ${a.alert} in ${ruleDocumentLabel(a.document)}`;
        f.expect(a.labels.severity === p.severity, { found: `${where} has severity ${a.labels.severity ?? 'not set'}`, expected: `'${p.severity}'`, fix: `Set the severity label back to '${p.severity}'.` });
        f.expect(!/\bpod=~/.test(a.expr), { found: `${where} selects pods by a name pattern (${a.expr})`, expected: 'selection by labels (node-pool pods have other names)', fix: 'Select by the kafka_cluster and kafka_role labels.' });
        if (p.maxFor !== undefined) {
            f.expect(durationSeconds(a.for) <= durationSeconds(p.maxFor), { found: `${where} has for ${a.for ?? '0s'}`, expected: `at most ${p.maxFor}`, fix: `Set for to ${p.maxFor} or less.` });
        }
        const cmp = trailingComparison(a.expr);
        if (p.threshold !== undefined && cmp && (cmp.op === '>' || cmp.op === '<')) {
            const weaker = cmp.op === '>' ? cmp.value > p.threshold : cmp.value < p.threshold;
            f.expect(!weaker, { found: `${where} fires at ${cmp.op} ${cmp.value}`, expected: `${cmp.op} ${p.threshold} or stricter (RULES.md)`, fix: `Restore the threshold ${p.threshold}, or suppress ${e.id} with the reason for the weaker one.` });
        }
    }
}
function checkCloudWatch(f, e, cluster, index) {
    const cw = e.cloudWatch;
    const alarms = cloudWatchAlarmsFor(index, cluster.name, e.id).filter((a) => alarmMetrics(a).some((m) => cw.metrics.includes(m)));
    f.expect(alarms.length > 0, {
        found: `no CloudWatch alarm tagged kafka-iac:rule=${e.id} watches ${cw.metrics.join(' or ')} of ${cluster.name}`,
        expected: `the ${e.id} alarm for cluster ${cluster.name}`,
        fix: `Add new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: '${cluster.name}', brokers: ... }).`,
    });
    if (cw.perBroker && alarms.length > 0) {
        const brokers = Number(cluster.doc.body.number_of_broker_nodes);
        const covered = new Set(alarms.flatMap((a) => [a.body.dimensions, ...(a.body.metric_query ?? []).map((q) => q.metric?.dimensions)]).map((d) => d?.['Broker ID']).filter(Boolean));
        f.expect(covered.size >= brokers, { found: `${e.id} alarms cover ${covered.size} of ${brokers} brokers of ${cluster.name}`, expected: 'an alarm per broker', fix: 'Set brokers on MskCloudWatchAlarms to number_of_broker_nodes.' });
    }
    if (cw.threshold !== undefined) {
        for (const a of alarms) {
            const op = String(a.body.comparison_operator);
            const t = Number(a.body.threshold);
            const weaker = op.startsWith('Greater') ? t > cw.threshold : op.startsWith('Less') ? t < cw.threshold : false;
            f.expect(!weaker, { found: `alarm ${a.body.alarm_name} has threshold ${t} (${op})`, expected: `${cw.threshold} or stricter (RULES.md)`, fix: `Restore the threshold ${cw.threshold}, or suppress ${e.id} with the reason for the weaker one.` });
        }
    }
}
