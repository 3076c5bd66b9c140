"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIRROR_MAKER_2_JMX_EXPORTER_RULES = exports.MirrorMaker2MetricNames = void 0;
exports.jmxExporterMetricName = jmxExporterMetricName;
const jmx_exporter_rules_1 = require("../kubernetes/jmx-exporter-rules");
/**
 * The metric names the MirrorMaker 2 pods export with `MIRROR_MAKER_2_JMX_EXPORTER_RULES`
 * (the JMX exporter lower-cases them and turns `-` into `_`). MON-010 selects
 * `SOURCE_REPLICATION_LATENCY_MS_MAX`.
 */
exports.MirrorMaker2MetricNames = {
    /** Per topic and partition: the largest age, in ms, of a record when it was written to the target (MON-010). */
    SOURCE_REPLICATION_LATENCY_MS_MAX: 'kafka_connect_mirror_source_connector_replication_latency_ms_max',
    /** Per topic and partition: the age of records when they were replicated, in ms. */
    SOURCE_RECORD_AGE_MS_MAX: 'kafka_connect_mirror_source_connector_record_age_ms_max',
    /** Per topic and partition: records replicated. */
    SOURCE_RECORD_COUNT: 'kafka_connect_mirror_source_connector_record_count',
    /** Per group, topic and partition: how long ago, in ms, the last checkpoint was emitted. */
    CHECKPOINT_LATENCY_MS_MAX: 'kafka_connect_mirror_checkpoint_connector_checkpoint_latency_ms_max',
    /** Per connector and task: 1 with a `status` label (running, failed, paused, unassigned). */
    CONNECTOR_TASK_STATUS: 'kafka_connect_connector_task_status',
};
/**
 * The JMX exporter rules for MirrorMaker 2 (Kafka Connect with the mirror connectors). The
 * first rule that matches an MBean wins, so the mirror rules come first.
 * @see https://kafka.apache.org/documentation/#georeplication-monitoring
 */
exports.MIRROR_MAKER_2_JMX_EXPORTER_RULES = [
    {
        pattern: 'kafka.connect.mirror<type=MirrorSourceConnector, target=(.+), topic=(.+), partition=([0-9]+)><>([a-z-]+)',
        name: 'kafka_connect_mirror_source_connector_$4', type: jmx_exporter_rules_1.JmxMetricType.GAUGE,
        labels: { target: '$1', topic: '$2', partition: '$3' },
    },
    {
        pattern: 'kafka.connect.mirror<type=MirrorCheckpointConnector, source=(.+), target=(.+), group=(.+), topic=(.+), partition=([0-9]+)><>([a-z-]+)',
        name: 'kafka_connect_mirror_checkpoint_connector_$6', type: jmx_exporter_rules_1.JmxMetricType.GAUGE,
        labels: { source: '$1', target: '$2', group: '$3', topic: '$4', partition: '$5' },
    },
    {
        pattern: 'kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)',
        name: 'kafka_connect_connector_task_status', type: jmx_exporter_rules_1.JmxMetricType.GAUGE, value: 1,
        labels: { connector: '$1', task: '$2', status: '$3' },
    },
    {
        pattern: 'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(.+-total|.+-count|.+-ms|.+-ratio|.+-avg|.+-rate|.+-max)',
        name: 'kafka_connect_$1_$4', type: jmx_exporter_rules_1.JmxMetricType.GAUGE,
        labels: { connector: '$2', task: '$3' },
    },
    {
        pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+)',
        name: 'kafka_connect_worker_$1', type: jmx_exporter_rules_1.JmxMetricType.GAUGE,
    },
    {
        pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+)',
        name: 'kafka_connect_worker_rebalance_$1', type: jmx_exporter_rules_1.JmxMetricType.GAUGE,
    },
];
/** The Prometheus name the JMX exporter gives `name` after substitution: lower case, `-` and other invalid characters as `_`. */
function jmxExporterMetricName(name) {
    return name.toLowerCase().replace(/[^a-z0-9_:]/g, '_');
}
