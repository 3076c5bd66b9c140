"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROLE_LABEL = exports.REGION_LABEL = exports.ENVIRONMENT_LABEL = exports.CLUSTER_LABEL = exports.MetricsBackendKind = void 0;
exports.jmxExporterMetrics = jmxExporterMetrics;
exports.mskOpenMonitoringMetrics = mskOpenMonitoringMetrics;
const metric_selector_1 = require("./metric-selector");
/** Where the alert metrics come from. */
var MetricsBackendKind;
(function (MetricsBackendKind) {
    /**
     * The Prometheus JMX exporter inside the Kafka pods, configured like Strimzi's example
     * `kafka-metrics.yaml` (lower-case names: `kafka_server_replicamanager_underreplicatedpartitions`),
     * plus Kafka Exporter for consumer lag and the kubelet volume stats for disk. Used by Strimzi
     * and by the StatefulSet target.
     */
    MetricsBackendKind["JMX_EXPORTER"] = "jmx-exporter";
    /**
     * MSK open monitoring: MSK's JMX exporter on port 11001 (cased names with a `name` label:
     * `kafka_server_ReplicaManager_Value{name="UnderReplicatedPartitions"}`, consumer lag as
     * `kafka_consumer_group_ConsumerLagMetrics_Value`) and the node exporter on port 11002.
     */
    MetricsBackendKind["MSK_OPEN_MONITORING"] = "msk-open-monitoring";
})(MetricsBackendKind || (exports.MetricsBackendKind = MetricsBackendKind = {}));
/**
 * The labels every scraped series of a cluster carries. The PodMonitors and the MSK scrape
 * config add them with relabelling, so alerts select by labels, never by pod-name patterns,
 * and also match node-pool pods.
 */
exports.CLUSTER_LABEL = 'kafka_cluster';
exports.ENVIRONMENT_LABEL = 'environment';
exports.REGION_LABEL = 'region';
/** `kafka` (brokers and controllers), `kafka-exporter`, or `node-exporter`. */
exports.ROLE_LABEL = 'kafka_role';
/** The JMX exporter names (Strimzi example `kafka-metrics.yaml` naming) and Kafka Exporter. */
function jmxExporterMetrics(id, o) {
    const node = { [exports.CLUSTER_LABEL]: id.cluster, [exports.ENVIRONMENT_LABEL]: id.environment, [exports.ROLE_LABEL]: 'kafka' };
    const exporter = { [exports.CLUSTER_LABEL]: id.cluster, [exports.ENVIRONMENT_LABEL]: id.environment, [exports.ROLE_LABEL]: 'kafka-exporter' };
    const ns = { namespace: id.namespace };
    const mirrorMaker = { [exports.CLUSTER_LABEL]: id.cluster, [exports.ENVIRONMENT_LABEL]: id.environment, [exports.ROLE_LABEL]: 'mirrormaker2' };
    return {
        kind: MetricsBackendKind.JMX_EXPORTER,
        nodeLabel: 'pod',
        nodeExample: (i) => `${id.cluster}-broker-${i}`,
        up: new metric_selector_1.MetricSelector('up', node),
        underReplicated: new metric_selector_1.MetricSelector('kafka_server_replicamanager_underreplicatedpartitions', node),
        underMinIsr: new metric_selector_1.MetricSelector('kafka_server_replicamanager_underminisrpartitioncount', node),
        offlinePartitions: new metric_selector_1.MetricSelector('kafka_controller_kafkacontroller_offlinepartitionscount', node),
        activeControllers: new metric_selector_1.MetricSelector('kafka_controller_kafkacontroller_activecontrollercount', node),
        networkBytes: new metric_selector_1.MetricSelector('', { ...node, topic: '' }, {
            __name__: { pattern: 'kafka_server_brokertopicmetrics_(replication)?bytes(in|out)_total', example: 'kafka_server_brokertopicmetrics_bytesin_total' },
        }),
        requestP99: new metric_selector_1.MetricSelector('kafka_network_requestmetrics_totaltimems', { ...node, quantile: '0.99' }, {
            request: { pattern: 'Produce|FetchConsumer', example: 'Produce' },
        }),
        requestLabel: 'request',
        consumerLag: new metric_selector_1.MetricSelector('kafka_consumergroup_lag', exporter),
        lagGroupLabel: 'consumergroup',
        lagTopicLabel: 'topic',
        lagAggregation: 'sum',
        disk: {
            capacity: new metric_selector_1.MetricSelector('kubelet_volume_stats_capacity_bytes', ns),
            available: new metric_selector_1.MetricSelector('kubelet_volume_stats_available_bytes', ns),
            volumeLabel: 'persistentvolumeclaim',
            volumeExample: (i) => `data-${id.cluster}-broker-${i}`,
            join: {
                selector: new metric_selector_1.MetricSelector('kube_persistentvolumeclaim_labels', { ...ns, [o.pvcClusterLabel]: id.cluster }),
                on: ['namespace', 'persistentvolumeclaim'],
            },
        },
        certificates: o.certificates === 'strimzi'
            ? {
                expiry: new metric_selector_1.MetricSelector('strimzi_certificate_expiration_timestamp_ms', { cluster: id.cluster, resource_namespace: id.namespace }),
                unitDivisor: 1000, certificateLabel: 'type',
            }
            : {
                expiry: new metric_selector_1.MetricSelector('certmanager_certificate_expiration_timestamp_seconds', ns),
                unitDivisor: 1, certificateLabel: 'name',
            },
        mirrorMakerLatency: o.mirrorMaker2
            ? new metric_selector_1.MetricSelector('kafka_connect_mirror_source_connector_replication_latency_ms_max', mirrorMaker)
            : undefined,
        // Strimzi names the connector `<source alias>-><target alias>.MirrorSourceConnector`.
        mirrorMakerRunningSourceTasks: o.mirrorMaker2
            ? new metric_selector_1.MetricSelector('kafka_connect_connector_task_status', { ...mirrorMaker, status: 'running' }, {
                connector: { pattern: '.*MirrorSourceConnector.*', example: 'primary->dr.MirrorSourceConnector' },
            })
            : undefined,
    };
}
/** MSK open monitoring names: MSK's JMX exporter (cased, with a `name` label) and the node exporter. */
function mskOpenMonitoringMetrics(id, o = {}) {
    const jmx = { [exports.CLUSTER_LABEL]: id.cluster, [exports.ENVIRONMENT_LABEL]: id.environment, [exports.ROLE_LABEL]: 'kafka' };
    const nodeExporter = { [exports.CLUSTER_LABEL]: id.cluster, [exports.ENVIRONMENT_LABEL]: id.environment, [exports.ROLE_LABEL]: 'node-exporter' };
    const mount = { mountpoint: o.dataLogsMountpoint ?? '/kafka/datalogs' };
    return {
        kind: MetricsBackendKind.MSK_OPEN_MONITORING,
        nodeLabel: 'instance',
        nodeExample: (i) => `b-${i + 1}.${id.cluster}.example.kafka.${id.region}.amazonaws.com:11001`,
        up: new metric_selector_1.MetricSelector('up', jmx),
        underReplicated: new metric_selector_1.MetricSelector('kafka_server_ReplicaManager_Value', { ...jmx, name: 'UnderReplicatedPartitions' }),
        underMinIsr: new metric_selector_1.MetricSelector('kafka_server_ReplicaManager_Value', { ...jmx, name: 'UnderMinIsrPartitionCount' }),
        offlinePartitions: new metric_selector_1.MetricSelector('kafka_controller_KafkaController_Value', { ...jmx, name: 'OfflinePartitionsCount' }),
        // MSK runs the KRaft controllers itself and does not expose them: brokers report the
        // controller they follow instead (KIP-1001, Kafka 3.7+).
        currentControllerId: new metric_selector_1.MetricSelector('kafka_server_MetadataLoader_Value', { ...jmx, name: 'CurrentControllerId' }),
        networkBytes: new metric_selector_1.MetricSelector('kafka_server_BrokerTopicMetrics_Count', { ...jmx, topic: '' }, {
            name: { pattern: 'BytesInPerSec|BytesOutPerSec|ReplicationBytesInPerSec|ReplicationBytesOutPerSec', example: 'BytesInPerSec' },
        }),
        requestP99: new metric_selector_1.MetricSelector('kafka_network_RequestMetrics_99thPercentile', { ...jmx, name: 'TotalTimeMs' }, {
            request: { pattern: 'Produce|FetchConsumer', example: 'Produce' },
        }),
        requestLabel: 'request',
        consumerLag: new metric_selector_1.MetricSelector('kafka_consumer_group_ConsumerLagMetrics_Value', { ...jmx, name: 'SumOffsetLag' }),
        lagGroupLabel: 'groupId',
        lagTopicLabel: 'topic',
        lagAggregation: 'max',
        disk: {
            capacity: new metric_selector_1.MetricSelector('node_filesystem_size_bytes', { ...nodeExporter, ...mount }),
            available: new metric_selector_1.MetricSelector('node_filesystem_avail_bytes', { ...nodeExporter, ...mount }),
            volumeLabel: 'instance',
            volumeExample: (i) => `b-${i + 1}.${id.cluster}.example.kafka.${id.region}.amazonaws.com:11002`,
        },
    };
}
