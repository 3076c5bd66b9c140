"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaPrometheusMonitoring = exports.KubernetesKafkaTarget = void 0;
const cdk8s_1 = require("cdk8s");
const constructs_1 = require("constructs");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const rule_target_1 = require("../../contract/rule-target");
const alert_rule_1 = require("../../model/monitoring/alert-rule");
const kafka_alerts_1 = require("../../model/monitoring/kafka-alerts");
const kafka_alert_thresholds_1 = require("../../model/monitoring/kafka-alert-thresholds");
const metrics_backend_1 = require("../../model/monitoring/metrics-backend");
const monitoring_output_files_1 = require("../../contract/monitoring-output-files");
const prometheus_rule_file_1 = require("../../contract/prometheus-rule-file");
const service_level_objective_1 = require("../../model/monitoring/service-level-objective");
const vocabulary_1 = require("../../contract/vocabulary");
/** Which Kubernetes target the cluster runs on. */
var KubernetesKafkaTarget;
(function (KubernetesKafkaTarget) {
    /** Strimzi 1.2 custom resources. */
    KubernetesKafkaTarget["STRIMZI"] = "strimzi";
    /** The plain StatefulSet target. */
    KubernetesKafkaTarget["STATEFULSET"] = "statefulset";
})(KubernetesKafkaTarget || (exports.KubernetesKafkaTarget = KubernetesKafkaTarget = {}));
/**
 * Monitoring of one Kafka cluster on Kubernetes with the Prometheus Operator: PodMonitors for
 * the Kafka nodes and Kafka Exporter that add the `kafka_cluster`, `environment` and
 * `kafka_role` labels the alerts select by, a PrometheusRule with MON-001 to MON-012 and the
 * SLO burn-rate rules, and in `dist/<env>/` the same rules as plain files with a promtool unit
 * test per alert and the runbooks.
 */
class KafkaPrometheusMonitoring extends constructs_1.Construct {
    /** The PrometheusRule (`Resource`); escape hatch: `addJsonPatch`. */
    resource;
    nodePodMonitor;
    exporterPodMonitor;
    mirrorMakerPodMonitor;
    /** Every rule group (MON alerts, then one group per SLO). */
    groups;
    /** The relative paths of the plain rule files and the promtool tests in `dist/<env>/`. */
    files;
    constructor(scope, id, props) {
        super(scope, id);
        const env = environment_1.Environment.of(this);
        const path = this.node.path;
        if (!Number.isInteger(props.expectedNodes) || props.expectedNodes < 1) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'MON-001', path, prop: 'expectedNodes', found: props.expectedNodes, expected: 'a whole number of Kafka nodes, at least 1', fix: 'Set expectedNodes to brokers + controllers.' });
        }
        const c = props.clusterName;
        const identity = { cluster: c, environment: env.name, region: env.region, namespace: env.namespace };
        const metrics = (0, metrics_backend_1.jmxExporterMetrics)(identity, {
            pvcClusterLabel: props.pvcClusterLabel ?? 'label_kafka_iac_dev_cluster',
            certificates: props.target === KubernetesKafkaTarget.STRIMZI ? 'strimzi' : 'cert-manager',
            mirrorMaker2: props.replicationRpo !== undefined,
        });
        const thresholds = (0, kafka_alert_thresholds_1.resolveThresholds)(path, props.thresholds);
        const alerts = (0, kafka_alerts_1.kafkaAlerts)({ identity, metrics, thresholds, expectedNodes: props.expectedNodes, replicationRpo: props.replicationRpo });
        this.groups = (0, prometheus_rule_file_1.monitoringGroups)(identity, metrics, alerts, props.slos ?? service_level_objective_1.ServiceLevelObjective.defaultsFor(env.profile));
        (0, alert_rule_1.assertUniqueAlertNames)(path, this.groups);
        const runbookUrl = (0, monitoring_output_files_1.runbookUrlFrom)(props.runbookBaseUrl ?? 'runbooks');
        const target = props.target === KubernetesKafkaTarget.STRIMZI ? rule_target_1.RuleTarget.STRIMZI : rule_target_1.RuleTarget.STATEFULSET;
        const labels = { [vocabulary_1.KAFKA_CLUSTER_LABEL]: c, [vocabulary_1.TARGET_LABEL]: target, ...(props.prometheusSelectorLabels ?? {}) };
        const strimzi = props.target === KubernetesKafkaTarget.STRIMZI;
        const podMonitor = (cid, name, selector, port, role) => new cdk8s_1.ApiObject(this, cid, {
            apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor',
            metadata: { name, labels },
            spec: {
                selector: { matchLabels: { ...selector } },
                namespaceSelector: { matchNames: [env.namespace] },
                podMetricsEndpoints: [{
                        port, path: '/metrics', interval: '30s',
                        relabelings: [
                            { action: 'replace', targetLabel: metrics_backend_1.CLUSTER_LABEL, replacement: c },
                            { action: 'replace', targetLabel: metrics_backend_1.ENVIRONMENT_LABEL, replacement: env.name },
                            { action: 'replace', targetLabel: metrics_backend_1.REGION_LABEL, replacement: env.region },
                            { action: 'replace', targetLabel: metrics_backend_1.ROLE_LABEL, replacement: role },
                            { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'node_name' },
                            ...(strimzi ? [{ action: 'labelmap', regex: '__meta_kubernetes_pod_label_strimzi_io_(pool_name|broker_role|controller_role)', replacement: 'strimzi_io_$1' }] : []),
                        ],
                    }],
            },
        });
        this.nodePodMonitor = podMonitor('NodePodMonitor', `${c}-kafka-nodes`, props.nodeSelector ?? (strimzi
            ? { 'strimzi.io/cluster': c, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c}-kafka` }
            : { [vocabulary_1.KAFKA_CLUSTER_LABEL]: c, [vocabulary_1.TARGET_LABEL]: rule_target_1.RuleTarget.STATEFULSET, 'app.kubernetes.io/name': 'kafka' }), props.metricsPort ?? 'tcp-prometheus', 'kafka');
        this.exporterPodMonitor = podMonitor('ExporterPodMonitor', `${c}-kafka-exporter`, props.exporterSelector ?? (strimzi
            ? { 'strimzi.io/cluster': c, 'strimzi.io/name': `${c}-kafka-exporter` }
            : { [vocabulary_1.KAFKA_CLUSTER_LABEL]: c, 'app.kubernetes.io/name': 'kafka-exporter' }), props.exporterPort ?? 'tcp-prometheus', 'kafka-exporter');
        if (props.replicationRpo) {
            this.mirrorMakerPodMonitor = podMonitor('MirrorMakerPodMonitor', `${c}-mirrormaker2`, props.mirrorMakerSelector ?? { 'strimzi.io/kind': 'KafkaMirrorMaker2', [vocabulary_1.KAFKA_CLUSTER_LABEL]: c }, 'tcp-prometheus', 'mirrormaker2');
        }
        const groups = this.groups;
        this.resource = new cdk8s_1.ApiObject(this, 'Resource', {
            apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule',
            metadata: { name: `${c}-kafka-alerts`, labels: { ...labels, [vocabulary_1.METRICS_BACKEND_LABEL]: metrics.kind } },
            spec: { groups: (0, prometheus_rule_file_1.renderGroups)(groups, runbookUrl) },
        });
        // The rule files are rendered from the PrometheusRule as synthesized (after any JSON patch),
        // so promtool tests what the cluster runs and what the rules checked.
        const resource = this.resource;
        this.files = (0, monitoring_output_files_1.addPrometheusFiles)(env, path, c, groups, runbookUrl, () => {
            const synthesized = resource.toJson().spec?.groups;
            return Array.isArray(synthesized) ? synthesized : [];
        });
    }
}
exports.KafkaPrometheusMonitoring = KafkaPrometheusMonitoring;
