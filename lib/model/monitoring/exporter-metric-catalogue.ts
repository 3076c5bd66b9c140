import { MetricsBackendKind } from './metrics-backend';

/** The exporters whose metrics the generated alerts and SLIs read. */
export enum MetricExporter {
  /** Prometheus itself: `up` of every target. */
  PROMETHEUS = 'prometheus',
  /** The JMX exporter in the Kafka pods, with the rules of `KAFKA_JMX_EXPORTER_RULES`. */
  KAFKA_JMX_EXPORTER = 'kafka-jmx-exporter',
  /** danielqsj/kafka_exporter (Strimzi's Kafka Exporter, and the StatefulSet target's). */
  KAFKA_EXPORTER = 'kafka-exporter',
  /** The JMX exporter of the MirrorMaker 2 (Kafka Connect) pods, with Strimzi's example rules. */
  MIRROR_MAKER_2_JMX_EXPORTER = 'mirror-maker-2-jmx-exporter',
  /** Strimzi's Cluster Operator (its `/metrics` on port 8080). */
  STRIMZI_CLUSTER_OPERATOR = 'strimzi-cluster-operator',
  /** cert-manager's controller. */
  CERT_MANAGER = 'cert-manager',
  /** The kubelet (`/metrics` of each node). */
  KUBELET = 'kubelet',
  /** kube-state-metrics. */
  KUBE_STATE_METRICS = 'kube-state-metrics',
  /** MSK open monitoring's JMX exporter, port 11001. */
  MSK_JMX_EXPORTER = 'msk-jmx-exporter',
  /** MSK open monitoring's node exporter, port 11002. */
  MSK_NODE_EXPORTER = 'msk-node-exporter',
}

/** Which Kafka nodes emit a metric. */
export enum EmittedBy {
  /** Every scraped node, broker or controller. */
  EVERY_NODE = 'every-node',
  /**
   * The controllers only: in KRaft, the controller quorum (`ControllerServer`); in ZooKeeper
   * mode, the broker that is the active controller. MSK does not expose its KRaft controllers.
   */
  CONTROLLERS = 'controllers',
}

/** One metric an exporter emits, and where that fact comes from. */
export interface CataloguedMetric {
  readonly name: string;
  readonly exporter: MetricExporter;
  /**
   * MSK's JMX exporter keeps the MBean `name` key as a label: the values it takes.
   * @default - the metric has no `name` label that selects it
   */
  readonly nameLabels?: readonly string[];
  /** @default EmittedBy.EVERY_NODE */
  readonly emittedBy?: EmittedBy;
  /** The upstream source of the fact (a file of the exporter's or Kafka's source, or a vendor page). */
  readonly source: string;
}

const KAFKA_JMX_RULES = 'lib/targets/kubernetes/jmx-exporter-rules.ts (KAFKA_JMX_EXPORTER_RULES, checked MBean by MBean in test/kubernetes/jmx-exporter-rules.test.ts), after the prometheus/jmx_exporter naming rules (README, "Configuration")';
const KRAFT_CONTROLLER_METRICS = 'apache/kafka metadata/src/main/java/org/apache/kafka/controller/metrics/ControllerMetadataMetrics.java ("managed by the ControllerServer class": kafka.controller:type=KafkaController,name=OfflinePartitionsCount) and QuorumControllerMetrics.java (ActiveControllerCount)';

/**
 * The metric names each exporter emits, as far as the generated alerts and SLIs read them.
 * Every alert and SLI expression must select only names found here for its backend (test:
 * test/deploy/alert-metric-catalogue.test.ts), so an alert cannot wait for a series that never
 * exists, as `KafkaOfflinePartitions` did on MSK KRaft.
 */
export const EXPORTER_METRICS: readonly CataloguedMetric[] = [
  { name: 'up', exporter: MetricExporter.PROMETHEUS, source: 'prometheus/prometheus docs "Jobs and instances": up{job, instance} per scrape target' },

  { name: 'kafka_server_replicamanager_underreplicatedpartitions', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },
  { name: 'kafka_server_replicamanager_underminisrpartitioncount', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },
  { name: 'kafka_controller_kafkacontroller_offlinepartitionscount', exporter: MetricExporter.KAFKA_JMX_EXPORTER, emittedBy: EmittedBy.CONTROLLERS, source: `${KAFKA_JMX_RULES}; ${KRAFT_CONTROLLER_METRICS}` },
  { name: 'kafka_controller_kafkacontroller_activecontrollercount', exporter: MetricExporter.KAFKA_JMX_EXPORTER, emittedBy: EmittedBy.CONTROLLERS, source: `${KAFKA_JMX_RULES}; ${KRAFT_CONTROLLER_METRICS}` },
  { name: 'kafka_server_brokertopicmetrics_bytesin_total', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },
  { name: 'kafka_server_brokertopicmetrics_bytesout_total', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },
  { name: 'kafka_server_brokertopicmetrics_replicationbytesin_total', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },
  { name: 'kafka_server_brokertopicmetrics_replicationbytesout_total', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },
  { name: 'kafka_network_requestmetrics_totaltimems', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },
  // ISR shrinks and expands (dashboards): apache/kafka ReplicaManager `newMeter("IsrShrinksPerSec", ...)` and
  // `newMeter("IsrExpandsPerSec", ...)`; the `name=(.+)PerSec><>Count` rule makes them `_total` counters, as in
  // strimzi/strimzi-kafka-operator packaging/examples/metrics/kafka-metrics.yaml.
  { name: 'kafka_server_replicamanager_isrshrinks_total', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: `${KAFKA_JMX_RULES}; apache/kafka ReplicaManager (IsrShrinksPerSec)` },
  { name: 'kafka_server_replicamanager_isrexpands_total', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: `${KAFKA_JMX_RULES}; apache/kafka ReplicaManager (IsrExpandsPerSec)` },
  { name: 'kafka_server_raftmetrics_current_state', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: KAFKA_JMX_RULES },

  { name: 'kafka_consumergroup_lag', exporter: MetricExporter.KAFKA_EXPORTER, source: 'danielqsj/kafka_exporter kafka_exporter.go: prometheus.BuildFQName("kafka", "consumergroup", "lag") with labels consumergroup, topic, partition' },

  { name: 'kafka_connect_mirror_source_connector_replication_latency_ms_max', exporter: MetricExporter.MIRROR_MAKER_2_JMX_EXPORTER, source: 'apache/kafka connect/mirror MirrorSourceMetrics.java (kafka.connect.mirror:type=MirrorSourceConnector replication-latency-ms-max) and strimzi/strimzi-kafka-operator examples/metrics/kafka-mirror-maker-2-metrics.yaml (kafka_connect_mirror_$1_$4)' },
  { name: 'kafka_connect_connector_task_status', exporter: MetricExporter.MIRROR_MAKER_2_JMX_EXPORTER, source: 'strimzi/strimzi-kafka-operator examples/metrics/kafka-mirror-maker-2-metrics.yaml ("kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)" -> kafka_connect_connector_task_status with status label)' },

  { name: 'strimzi_certificate_expiration_timestamp_ms', exporter: MetricExporter.STRIMZI_CLUSTER_OPERATOR, source: 'strimzi/strimzi-kafka-operator cluster-operator KafkaAssemblyOperatorMetricsHolder.java (METRICS_CERTIFICATE_EXPIRATION_MS = METRICS_PREFIX + "certificate.expiration.timestamp.ms", tags cluster, type, resource_namespace): a metric of the Cluster Operator, not of the Kafka pods' },
  { name: 'certmanager_certificate_expiration_timestamp_seconds', exporter: MetricExporter.CERT_MANAGER, source: 'cert-manager/cert-manager pkg/metrics (certmanager_certificate_expiration_timestamp_seconds{name, namespace, issuer_name, ...}); scraped from the cert-manager pod, whose own namespace takes the namespace label, the certificate namespace arrives as exported_namespace (Prometheus honor_labels: false)' },

  // Scaling alerts (CAP-002 triggers): connections per broker, container CPU and memory against their limits.
  { name: 'kafka_server_socket_server_metrics_connection_count', exporter: MetricExporter.KAFKA_JMX_EXPORTER, source: `${KAFKA_JMX_RULES}: kafka.server<type=socket-server-metrics, listener, networkProcessor><>connection-count (apache/kafka clients Selector metric group socket-server-metrics)` },
  { name: 'container_cpu_usage_seconds_total', exporter: MetricExporter.KUBELET, source: 'google/cadvisor metrics/prometheus.go (container_cpu_usage_seconds_total), served by the kubelet at /metrics/cadvisor' },
  { name: 'container_memory_working_set_bytes', exporter: MetricExporter.KUBELET, source: 'google/cadvisor metrics/prometheus.go (container_memory_working_set_bytes), served by the kubelet at /metrics/cadvisor' },
  { name: 'kube_pod_container_resource_limits', exporter: MetricExporter.KUBE_STATE_METRICS, source: 'kubernetes/kube-state-metrics docs/metrics/workload/pod-metrics.md (kube_pod_container_resource_limits{resource, unit})' },
  { name: 'kube_pod_labels', exporter: MetricExporter.KUBE_STATE_METRICS, source: 'kubernetes/kube-state-metrics docs/metrics/workload/pod-metrics.md (kube_pod_labels, labels allowed by --metric-labels-allowlist)' },
  { name: 'strimzi_kafka_rebalance_resource_info', exporter: MetricExporter.KUBE_STATE_METRICS, source: 'strimzi/strimzi-kafka-operator packaging/examples/metrics/kube-state-metrics (custom resource state configuration for KafkaRebalance; its prometheus-rules use strimzi_kafka_rebalance_resource_info{ready, template, mode})' },
  { name: 'kubelet_volume_stats_capacity_bytes', exporter: MetricExporter.KUBELET, source: 'kubernetes/kubernetes pkg/kubelet/metrics/collectors/volume_stats.go (namespace, persistentvolumeclaim labels)' },
  { name: 'kubelet_volume_stats_available_bytes', exporter: MetricExporter.KUBELET, source: 'kubernetes/kubernetes pkg/kubelet/metrics/collectors/volume_stats.go' },
  { name: 'kube_persistentvolumeclaim_labels', exporter: MetricExporter.KUBE_STATE_METRICS, source: 'kubernetes/kube-state-metrics docs/metrics/storage/persistentvolumeclaim-metrics.md (labels allowed by --metric-labels-allowlist)' },

  // MSK open monitoring: MSK's JMX exporter keeps the MBean type in the name and the MBean
  // `name` key as a label (kafka_server_ReplicaManager_Value{name="UnderReplicatedPartitions"}).
  { name: 'kafka_server_ReplicaManager_Value', exporter: MetricExporter.MSK_JMX_EXPORTER, nameLabels: ['UnderReplicatedPartitions', 'UnderMinIsrPartitionCount', 'PartitionCount', 'LeaderCount'], source: 'AWS MSK developer guide, "Monitor with Prometheus" (open-monitoring.html) and kafka.server:type=ReplicaManager gauges of apache/kafka ReplicaManager' },
  { name: 'kafka_server_ReplicaManager_Count', exporter: MetricExporter.MSK_JMX_EXPORTER, nameLabels: ['IsrShrinksPerSec', 'IsrExpandsPerSec'], source: 'prometheus/jmx_exporter default naming (domain_type_attribute, the MBean name key as a label, as kafka_server_BrokerTopicMetrics_Count{name="BytesInPerSec"} below) of the apache/kafka ReplicaManager meters IsrShrinksPerSec and IsrExpandsPerSec (attribute Count); AWS MSK open-monitoring.html' },
  { name: 'kafka_server_BrokerTopicMetrics_Count', exporter: MetricExporter.MSK_JMX_EXPORTER, nameLabels: ['BytesInPerSec', 'BytesOutPerSec', 'ReplicationBytesInPerSec', 'ReplicationBytesOutPerSec', 'MessagesInPerSec'], source: 'AWS MSK developer guide, open-monitoring.html; apache/kafka BrokerTopicMetrics (kafka.server:type=BrokerTopicMetrics)' },
  { name: 'kafka_network_RequestMetrics_99thPercentile', exporter: MetricExporter.MSK_JMX_EXPORTER, nameLabels: ['TotalTimeMs'], source: 'AWS MSK developer guide, open-monitoring.html; apache/kafka RequestMetrics (kafka.network:type=RequestMetrics,name=TotalTimeMs,request=...)' },
  { name: 'kafka_consumer_group_ConsumerLagMetrics_Value', exporter: MetricExporter.MSK_JMX_EXPORTER, nameLabels: ['SumOffsetLag', 'MaxOffsetLag', 'EstimatedMaxTimeLag'], source: 'AWS MSK developer guide, "Monitor consumer lags" (consumer-lag.html): MaxOffsetLag, SumOffsetLag, EstimatedMaxTimeLag per groupId and topic' },
  { name: 'kafka_server_MetadataLoader_Value', exporter: MetricExporter.MSK_JMX_EXPORTER, nameLabels: ['CurrentControllerId'], source: 'KIP-1001 (Kafka 3.7): kafka.server:type=MetadataLoader,name=CurrentControllerId on every broker, -1 when no controller is known' },
  { name: 'kafka_controller_KafkaController_Value', exporter: MetricExporter.MSK_JMX_EXPORTER, emittedBy: EmittedBy.CONTROLLERS, nameLabels: ['OfflinePartitionsCount', 'ActiveControllerCount'], source: `${KRAFT_CONTROLLER_METRICS}: on MSK KRaft the controllers are AWS-run and not scraped` },
  { name: 'kafka_server_socket_server_metrics_connection_count', exporter: MetricExporter.MSK_JMX_EXPORTER, source: 'prometheus/jmx_exporter default naming (domain_type_attribute, other key properties as labels, as kafka_server_ReplicaManager_Value above) of kafka.server:type=socket-server-metrics attribute connection-count (apache/kafka clients Selector)' },
  { name: 'node_cpu_seconds_total', exporter: MetricExporter.MSK_NODE_EXPORTER, source: 'prometheus/node_exporter collector/cpu_linux.go (node_cpu_seconds_total{cpu, mode}); AWS MSK open-monitoring.html (node exporter on 11002)' },
  { name: 'node_memory_MemAvailable_bytes', exporter: MetricExporter.MSK_NODE_EXPORTER, source: 'prometheus/node_exporter collector/meminfo.go (node_memory_<field>_bytes from /proc/meminfo MemAvailable)' },
  { name: 'node_memory_MemTotal_bytes', exporter: MetricExporter.MSK_NODE_EXPORTER, source: 'prometheus/node_exporter collector/meminfo.go (node_memory_<field>_bytes from /proc/meminfo MemTotal)' },
  { name: 'node_filesystem_size_bytes', exporter: MetricExporter.MSK_NODE_EXPORTER, source: 'prometheus/node_exporter collector/filesystem_common.go (size_bytes, mountpoint label); AWS MSK open-monitoring.html (node exporter on 11002)' },
  { name: 'node_filesystem_avail_bytes', exporter: MetricExporter.MSK_NODE_EXPORTER, source: 'prometheus/node_exporter collector/filesystem_common.go (avail_bytes)' },
];

/** What a backend scrapes. */
export interface ScrapedExporters {
  /** Whether the scraped Kafka nodes include controllers (false for MSK KRaft: only brokers are scraped). */
  readonly controllersScraped: boolean;
}

/** The exporters a metrics backend scrapes. */
export function exportersOf(kind: MetricsBackendKind): readonly MetricExporter[] {
  return kind === MetricsBackendKind.MSK_OPEN_MONITORING
    ? [MetricExporter.PROMETHEUS, MetricExporter.MSK_JMX_EXPORTER, MetricExporter.MSK_NODE_EXPORTER]
    : [MetricExporter.PROMETHEUS, MetricExporter.KAFKA_JMX_EXPORTER, MetricExporter.KAFKA_EXPORTER, MetricExporter.MIRROR_MAKER_2_JMX_EXPORTER,
      MetricExporter.STRIMZI_CLUSTER_OPERATOR, MetricExporter.CERT_MANAGER, MetricExporter.KUBELET, MetricExporter.KUBE_STATE_METRICS];
}

/**
 * The catalogue entry of a metric that a backend really emits, or undefined: the name is one
 * of its exporters', the `name` label (MSK) one the metric takes, and a controller metric only
 * where controllers are scraped.
 */
export function emittedMetric(kind: MetricsBackendKind, scraped: ScrapedExporters, name: string, nameLabel?: string): CataloguedMetric | undefined {
  const exporters = exportersOf(kind);
  return EXPORTER_METRICS.find((m) => m.name === name
    && exporters.includes(m.exporter)
    && (nameLabel === undefined || m.nameLabels === undefined || m.nameLabels.includes(nameLabel))
    && (m.emittedBy !== EmittedBy.CONTROLLERS || scraped.controllersScraped));
}
