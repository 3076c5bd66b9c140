"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskPrometheusMonitoring = exports.MSK_NODE_EXPORTER_PORT = exports.MSK_JMX_EXPORTER_PORT = void 0;
const cdktf_1 = require("cdktf");
const constructs_1 = require("constructs");
const terraform_data_1 = require("./terraform-data");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const alert_rule_1 = require("../../model/monitoring/alert-rule");
const kafka_alerts_1 = require("../../model/monitoring/kafka-alerts");
const kafka_alert_thresholds_1 = require("../../model/monitoring/kafka-alert-thresholds");
const metrics_backend_1 = require("../../model/monitoring/metrics-backend");
const monitoring_output_files_1 = require("../../contract/monitoring-output-files");
const prometheus_rule_file_1 = require("../../contract/prometheus-rule-file");
const prometheus_rules_artefact_1 = require("../../contract/prometheus-rules-artefact");
const service_level_objective_1 = require("../../model/monitoring/service-level-objective");
const yaml_writer_1 = require("../../contract/yaml-writer");
/** MSK open monitoring ports. */
exports.MSK_JMX_EXPORTER_PORT = 11001;
exports.MSK_NODE_EXPORTER_PORT = 11002;
/**
 * Prometheus monitoring of an MSK cluster through open monitoring (enable the JMX and node
 * exporters on the cluster): a scrape config for ports 11001 and 11002 that adds the labels the
 * alerts select by, the MON alerts with MSK's cased metric names, the SLO rules, a promtool
 * test per alert, and the runbooks, all in `dist/<env>/`. Pair it with `MskCloudWatchAlarms`.
 *
 * The rule groups are also written to the stack as a `terraform_data` (`rulesArtefact`), so
 * that the MON and SLO rules check them at synthesis like a PrometheusRule on Kubernetes; the
 * rule files are rendered from that synthesized copy, so an `addOverride` changes both.
 */
class MskPrometheusMonitoring extends constructs_1.Construct {
    groups;
    /**
     * The `terraform_data` (`PrometheusRules`) whose `input.groups` holds the rule groups; the
     * rule files are rendered from it and the MON and SLO rules check it. Escape hatch: `addOverride`.
     */
    rulesArtefact;
    /** `dist/<env>/` relative path of the scrape config. */
    scrapeConfigFile;
    files;
    constructor(scope, id, props) {
        super(scope, id);
        const env = environment_1.Environment.of(this);
        const path = this.node.path;
        if (!Number.isInteger(props.brokers) || props.brokers < 1) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'MON-001', path, prop: 'brokers', found: props.brokers, expected: 'a whole number of brokers, at least 1', fix: 'Set brokers to number_of_broker_nodes.' });
        }
        const c = props.clusterName;
        const identity = { cluster: c, environment: env.name, region: env.region, namespace: env.namespace };
        const metrics = (0, metrics_backend_1.mskOpenMonitoringMetrics)(identity, { dataLogsMountpoint: props.dataLogsMountpoint });
        const alerts = (0, kafka_alerts_1.kafkaAlerts)({ identity, metrics, thresholds: (0, kafka_alert_thresholds_1.resolveThresholds)(path, props.thresholds), expectedNodes: props.brokers });
        this.groups = (0, prometheus_rule_file_1.monitoringGroups)(identity, metrics, alerts, props.slos ?? service_level_objective_1.ServiceLevelObjective.defaultsFor(env.profile));
        (0, alert_rule_1.assertUniqueAlertNames)(path, this.groups);
        const runbookUrl = (0, monitoring_output_files_1.runbookUrlFrom)(props.runbookBaseUrl ?? 'runbooks');
        // The rule groups live in the synthesized Terraform, where the MON and SLO rules read them
        // (after any addOverride), and the rule files are rendered from there.
        this.rulesArtefact = new terraform_data_1.TerraformDataResource(this, 'PrometheusRules', { ...(0, prometheus_rules_artefact_1.prometheusRulesArtefactInput)(c, metrics.kind, (0, prometheus_rule_file_1.renderGroups)(this.groups, runbookUrl)) });
        const stack = cdktf_1.TerraformStack.of(this);
        this.files = (0, monitoring_output_files_1.addPrometheusFiles)(env, path, c, this.groups, runbookUrl, (context) => (0, prometheus_rules_artefact_1.ruleGroupsOfArtefactInput)((0, terraform_data_1.synthesizedInput)(stack, this.rulesArtefact, context)));
        this.scrapeConfigFile = `${monitoring_output_files_1.PROMETHEUS_DIR}/${c}-msk-scrape-config.yml`;
        const job = (role, port) => ({
            job_name: `${c}-msk-${role}`,
            scrape_interval: '30s',
            // The brokers' DNS names (`aws kafka list-nodes`), one per line with the port; refreshed when the file changes.
            file_sd_configs: [{ files: [`${c}-msk-brokers-${port}.json`] }],
            relabel_configs: [
                { target_label: metrics_backend_1.CLUSTER_LABEL, replacement: c },
                { target_label: metrics_backend_1.ENVIRONMENT_LABEL, replacement: env.name },
                { target_label: metrics_backend_1.REGION_LABEL, replacement: env.region },
                { target_label: metrics_backend_1.ROLE_LABEL, replacement: role === 'jmx' ? 'kafka' : 'node-exporter' },
            ],
        });
        env.addOutputFile(this.scrapeConfigFile, () => (0, yaml_writer_1.writeYaml)({
            scrape_configs: [job('jmx', exports.MSK_JMX_EXPORTER_PORT), job('node', exports.MSK_NODE_EXPORTER_PORT)],
        }));
    }
}
exports.MskPrometheusMonitoring = MskPrometheusMonitoring;
