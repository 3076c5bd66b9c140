import { MetricSelector } from './metric-selector';
import { MirrorMaker2MetricNames } from './mirror-maker-2-metric-names';
import { roleSeriesLabels, ScrapeRole, type MonitoredClusterIdentity } from './series-labels';

/** Where the alert metrics come from. */
export enum MetricsBackendKind {
  /**
   * The Prometheus JMX exporter inside the Kafka pods, configured like Strimzi's example
   * `kafka-metrics.yaml` (lower-case names: `kafka_server_replicamanager_underreplicatedpartitions`),
   * plus Kafka Exporter for consumer lag and the kubelet volume stats for disk. Used by Strimzi
   * and by the StatefulSet target.
   */
  JMX_EXPORTER = 'jmx-exporter',
  /**
   * MSK open monitoring: MSK's JMX exporter on port 11001 (cased names with a `name` label:
   * `kafka_server_ReplicaManager_Value{name="UnderReplicatedPartitions"}`, consumer lag as
   * `kafka_consumer_group_ConsumerLagMetrics_Value`) and the node exporter on port 11002.
   */
  MSK_OPEN_MONITORING = 'msk-open-monitoring',
}

// The label names, the scrape roles and the cluster identity are public from here; the label
// functions of series-labels.ts are internal.
export { CLUSTER_LABEL, ENVIRONMENT_LABEL, REGION_LABEL, ROLE_LABEL, ScrapeRole, type MonitoredClusterIdentity } from './series-labels';

/** The identity of the cluster `cluster` in an environment (its name, region and namespace). */
export function monitoredClusterIdentity(env: { readonly name: string; readonly region: string; readonly namespace: string }, cluster: string): MonitoredClusterIdentity {
  return { cluster, environment: env.name, region: env.region, namespace: env.namespace };
}

/** The metric names of one backend, selecting one cluster. Internal to the alert catalog. */
export interface BackendMetrics {
  readonly kind: MetricsBackendKind;
  /** The label naming one Kafka node: `pod` on Kubernetes, `instance` on MSK. */
  readonly nodeLabel: string;
  /** An example value of `nodeLabel` for tests. */
  nodeExample(i: number): string;
  readonly up: MetricSelector;
  readonly underReplicated: MetricSelector;
  readonly underMinIsr: MetricSelector;
  /**
   * Offline partitions, or undefined where no scraped node reports them: the metric belongs to
   * the controllers (apache/kafka ControllerMetadataMetrics, registered by ControllerServer),
   * and MSK's KRaft controllers are not scraped (CloudWatch OfflinePartitionsCount covers it).
   */
  readonly offlinePartitions?: MetricSelector;
  /** Active controller count (KRaft controllers), or undefined when the controllers are not scraped (MSK). */
  readonly activeControllers?: MetricSelector;
  /** The controller each broker sees (KIP-1001; -1 when none), used where controllers are not scraped. */
  readonly currentControllerId?: MetricSelector;
  /** Counters of bytes in and out (client and replication), all topics. */
  readonly networkBytes: MetricSelector;
  /** Client bytes in (all topics), a counter per node; read by the dashboards. */
  readonly bytesIn: MetricSelector;
  /** Client bytes out (all topics), a counter per node; read by the dashboards. */
  readonly bytesOut: MetricSelector;
  /** Partitions whose ISR shrank, a counter per node; read by the dashboards. */
  readonly isrShrinks: MetricSelector;
  /** Partitions whose ISR grew back, a counter per node; read by the dashboards. */
  readonly isrExpands: MetricSelector;
  /** P99 total request time in ms, with a `request` label. */
  readonly requestP99: MetricSelector;
  readonly requestLabel: string;
  /** Consumer lag per partition (Kafka Exporter) or per group and topic (MSK). */
  readonly consumerLag: MetricSelector;
  readonly lagGroupLabel: string;
  readonly lagTopicLabel: string;
  /** How lag is aggregated per group and topic. */
  readonly lagAggregation: 'sum' | 'max';
  readonly disk: DiskMetrics;
  /** Certificate expiry, or undefined where certificates are AWS-managed (MSK). */
  readonly certificates?: CertificateMetrics;
  /** MirrorMaker 2 replication latency (ms), when MirrorMaker 2 is scraped. */
  readonly mirrorMakerLatency?: MetricSelector;
  /** MirrorMaker 2 source connector tasks in status `running` (one series each), when MirrorMaker 2 is scraped. */
  readonly mirrorMakerRunningSourceTasks?: MetricSelector;
  /** MirrorMaker 2 checkpoint connector tasks in status `running`, when MirrorMaker 2 is scraped. */
  readonly mirrorMakerRunningCheckpointTasks?: MetricSelector;
}

/** Disk usage: capacity and available bytes, optionally joined to a label series that selects the cluster's volumes. */
export interface DiskMetrics {
  readonly capacity: MetricSelector;
  readonly available: MetricSelector;
  /** The label naming one volume (`persistentvolumeclaim`, or the node's `instance`). */
  readonly volumeLabel: string;
  /** The value of `volumeLabel` for the `i`th broker volume, for promtool test series. */
  readonly volumeExample: (i: number) => string;
  /** A series with value 1 per volume of the cluster, and the labels to join on (kube-state-metrics). */
  readonly join?: { readonly selector: MetricSelector; readonly on: readonly string[] };
}

/** The series that give certificate expiry on a metrics backend. */
export interface CertificateMetrics {
  /** Expiry timestamp series. */
  readonly expiry: MetricSelector;
  /** Milliseconds (Strimzi) or seconds (cert-manager). */
  readonly unitDivisor: number;
  /** The label naming one certificate. */
  readonly certificateLabel: string;
}

/** Options of the JMX exporter backend on Kubernetes. */
export interface JmxExporterBackendOptions {
  /**
   * The PVC label (as kube-state-metrics exposes it: `label_<name with _>`) whose value is the
   * cluster name, used to select the cluster's data volumes. kube-state-metrics must allow it
   * with `--metric-labels-allowlist=persistentvolumeclaims=[...]`.
   */
  readonly pvcClusterLabel: string;
  /** Strimzi's cluster operator certificate metric, or cert-manager's. */
  readonly certificates: 'strimzi' | 'cert-manager';
  /** The MirrorMaker 2 connector metrics are scraped for this cluster. */
  readonly mirrorMaker2?: boolean;
}

/** The JMX exporter names (Strimzi example `kafka-metrics.yaml` naming) and Kafka Exporter. */
export function jmxExporterMetrics(id: MonitoredClusterIdentity, o: JmxExporterBackendOptions): BackendMetrics {
  const node = roleSeriesLabels(id, ScrapeRole.KAFKA);
  const exporter = roleSeriesLabels(id, ScrapeRole.KAFKA_EXPORTER);
  const ns = { namespace: id.namespace };
  const mirrorMaker = roleSeriesLabels(id, ScrapeRole.MIRROR_MAKER_2);
  return {
    kind: MetricsBackendKind.JMX_EXPORTER,
    nodeLabel: 'pod',
    nodeExample: (i) => `${id.cluster}-broker-${i}`,
    up: new MetricSelector('up', node),
    underReplicated: new MetricSelector('kafka_server_replicamanager_underreplicatedpartitions', node),
    underMinIsr: new MetricSelector('kafka_server_replicamanager_underminisrpartitioncount', node),
    offlinePartitions: new MetricSelector('kafka_controller_kafkacontroller_offlinepartitionscount', node),
    activeControllers: new MetricSelector('kafka_controller_kafkacontroller_activecontrollercount', node),
    networkBytes: new MetricSelector('', { ...node, topic: '' }, {
      __name__: { pattern: 'kafka_server_brokertopicmetrics_(replication)?bytes(in|out)_total', example: 'kafka_server_brokertopicmetrics_bytesin_total' },
    }),
    bytesIn: new MetricSelector('kafka_server_brokertopicmetrics_bytesin_total', { ...node, topic: '' }),
    bytesOut: new MetricSelector('kafka_server_brokertopicmetrics_bytesout_total', { ...node, topic: '' }),
    isrShrinks: new MetricSelector('kafka_server_replicamanager_isrshrinks_total', node),
    isrExpands: new MetricSelector('kafka_server_replicamanager_isrexpands_total', node),
    requestP99: new MetricSelector('kafka_network_requestmetrics_totaltimems', { ...node, quantile: '0.99' }, {
      request: { pattern: 'Produce|FetchConsumer', example: 'Produce' },
    }),
    requestLabel: 'request',
    consumerLag: new MetricSelector('kafka_consumergroup_lag', exporter),
    lagGroupLabel: 'consumergroup',
    lagTopicLabel: 'topic',
    lagAggregation: 'sum',
    disk: {
      capacity: new MetricSelector('kubelet_volume_stats_capacity_bytes', ns),
      available: new MetricSelector('kubelet_volume_stats_available_bytes', ns),
      volumeLabel: 'persistentvolumeclaim',
      volumeExample: (i) => `data-${id.cluster}-broker-${i}`,
      join: {
        selector: new MetricSelector('kube_persistentvolumeclaim_labels', { ...ns, [o.pvcClusterLabel]: id.cluster }),
        on: ['namespace', 'persistentvolumeclaim'],
      },
    },
    certificates: o.certificates === 'strimzi'
      ? {
        expiry: new MetricSelector('strimzi_certificate_expiration_timestamp_ms', { cluster: id.cluster, resource_namespace: id.namespace }),
        unitDivisor: 1000, certificateLabel: 'type',
      }
      : {
        // cert-manager exports the Certificate's namespace as `namespace`; scraped from the
        // cert-manager pod without honorLabels, Prometheus keeps the pod's namespace there and
        // renames the exported one to `exported_namespace` (honor_labels: false).
        expiry: new MetricSelector('certmanager_certificate_expiration_timestamp_seconds', { exported_namespace: id.namespace }),
        unitDivisor: 1, certificateLabel: 'name',
      },
    mirrorMakerLatency: o.mirrorMaker2
      ? new MetricSelector(MirrorMaker2MetricNames.SOURCE_REPLICATION_LATENCY_MS_MAX, mirrorMaker)
      : undefined,
    // Strimzi names the connector `<source alias>-><target alias>.MirrorSourceConnector`.
    mirrorMakerRunningSourceTasks: o.mirrorMaker2
      ? new MetricSelector(MirrorMaker2MetricNames.CONNECTOR_TASK_STATUS, { ...mirrorMaker, status: 'running' }, {
        connector: { pattern: '.*MirrorSourceConnector.*', example: 'primary->dr.MirrorSourceConnector' },
      })
      : undefined,
    // The checkpoint connector translates consumer offsets; when it stops, failover loses positions.
    mirrorMakerRunningCheckpointTasks: o.mirrorMaker2
      ? new MetricSelector(MirrorMaker2MetricNames.CONNECTOR_TASK_STATUS, { ...mirrorMaker, status: 'running' }, {
        connector: { pattern: '.*MirrorCheckpointConnector.*', example: 'primary->dr.MirrorCheckpointConnector' },
      })
      : undefined,
  };
}

/** Options of the MSK open monitoring backend. */
export interface MskOpenMonitoringOptions {
  /**
   * The mount point of the broker data volume as the node exporter reports it.
   * @default '/kafka/datalogs'
   */
  readonly dataLogsMountpoint?: string;
  /**
   * Whether the cluster runs in KRaft mode (MSK `*.kraft` versions). Its controllers are run by
   * AWS and not exposed, so controller metrics (OfflinePartitionsCount) do not exist in the
   * scrape; ZooKeeper-mode clusters report them from the broker that is the controller.
   * @default true
   */
  readonly kraft?: boolean;
}

/** MSK open monitoring names: MSK's JMX exporter (cased, with a `name` label) and the node exporter. */
export function mskOpenMonitoringMetrics(id: MonitoredClusterIdentity, o: MskOpenMonitoringOptions = {}): BackendMetrics {
  const jmx = roleSeriesLabels(id, ScrapeRole.KAFKA);
  const nodeExporter = roleSeriesLabels(id, ScrapeRole.NODE_EXPORTER);
  const mount = { mountpoint: o.dataLogsMountpoint ?? '/kafka/datalogs' };
  return {
    kind: MetricsBackendKind.MSK_OPEN_MONITORING,
    nodeLabel: 'instance',
    nodeExample: (i) => `b-${i + 1}.${id.cluster}.example.kafka.${id.region}.amazonaws.com:11001`,
    up: new MetricSelector('up', jmx),
    underReplicated: new MetricSelector('kafka_server_ReplicaManager_Value', { ...jmx, name: 'UnderReplicatedPartitions' }),
    underMinIsr: new MetricSelector('kafka_server_ReplicaManager_Value', { ...jmx, name: 'UnderMinIsrPartitionCount' }),
    offlinePartitions: o.kraft === false ? new MetricSelector('kafka_controller_KafkaController_Value', { ...jmx, name: 'OfflinePartitionsCount' }) : undefined,
    // MSK runs the KRaft controllers itself and does not expose them: brokers report the
    // controller they follow instead (KIP-1001, Kafka 3.7+).
    currentControllerId: new MetricSelector('kafka_server_MetadataLoader_Value', { ...jmx, name: 'CurrentControllerId' }),
    networkBytes: new MetricSelector('kafka_server_BrokerTopicMetrics_Count', { ...jmx, topic: '' }, {
      name: { pattern: 'BytesInPerSec|BytesOutPerSec|ReplicationBytesInPerSec|ReplicationBytesOutPerSec', example: 'BytesInPerSec' },
    }),
    bytesIn: new MetricSelector('kafka_server_BrokerTopicMetrics_Count', { ...jmx, topic: '', name: 'BytesInPerSec' }),
    bytesOut: new MetricSelector('kafka_server_BrokerTopicMetrics_Count', { ...jmx, topic: '', name: 'BytesOutPerSec' }),
    isrShrinks: new MetricSelector('kafka_server_ReplicaManager_Count', { ...jmx, name: 'IsrShrinksPerSec' }),
    isrExpands: new MetricSelector('kafka_server_ReplicaManager_Count', { ...jmx, name: 'IsrExpandsPerSec' }),
    requestP99: new MetricSelector('kafka_network_RequestMetrics_99thPercentile', { ...jmx, name: 'TotalTimeMs' }, {
      request: { pattern: 'Produce|FetchConsumer', example: 'Produce' },
    }),
    requestLabel: 'request',
    consumerLag: new MetricSelector('kafka_consumer_group_ConsumerLagMetrics_Value', { ...jmx, name: 'SumOffsetLag' }),
    lagGroupLabel: 'groupId',
    lagTopicLabel: 'topic',
    lagAggregation: 'max',
    disk: {
      capacity: new MetricSelector('node_filesystem_size_bytes', { ...nodeExporter, ...mount }),
      available: new MetricSelector('node_filesystem_avail_bytes', { ...nodeExporter, ...mount }),
      volumeLabel: 'instance',
      volumeExample: (i) => `b-${i + 1}.${id.cluster}.example.kafka.${id.region}.amazonaws.com:11002`,
    },
  };
}
